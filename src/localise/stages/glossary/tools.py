"""Editors' tools for glossaries: ``check`` them, and ``suggest`` the names they lack.

:func:`check_glossary` lists every problem of a set of stacked glossary files (malformed rows
with their line numbers, duplicates, conflicts, empty cells, names that are also common words,
a cell in the wrong script, a Russian name whose case forms the rules can only guess).
:func:`suggest_names` reads articles and ranks the proper names no glossary entry covers;
:func:`write_suggestions_tsv` writes them as glossary rows to fill in.
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import bisect
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ...doc import Doc
from ...errors import GlossaryError, InputError
from ...textio import read_text
from .files import Entry, Problem, formula_safe, read_glossary_file
from .find import GlossaryFinder
from .russian import OBLIQUE, decline
from .store import Glossary, stack
from .words import COMMON_WORDS

__all__ = ["Candidate", "Problem", "check_glossary", "suggest_names", "write_suggestions_tsv"]

_CYRILLIC_LANGS = frozenset({"ru", "be", "uk", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
#: Languages whose names the rules decline (:mod:`.russian`): a row must give the case forms
#: the rules can only guess.
_CASE_RULES = ("ru",)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def check_glossary(
    paths: Sequence[Path | str], *, common_words: Mapping[str, Collection[str]] | None = None
) -> list[Problem]:
    """Every problem in these glossary files, stacked in this order; empty when all is well.

    ``common_words`` maps a language to words (lower case) that a name should not be; the
    default is localise's own short lists for de, en and ru.
    """
    words = COMMON_WORDS if common_words is None else common_words
    problems: list[Problem] = []
    stacked: list[Entry] = []
    for path in map(Path, paths):
        try:
            entries, file_problems, _ = read_glossary_file(path)
        except GlossaryError as exc:
            problems.append(Problem(str(path), exc.line, "error", "unreadable", exc.reason))
            continue
        problems += file_problems
        problems += _duplicates(entries)
        problems += _cells(entries, words)
        problems += _guessed_cases(entries)
        stacked += entries
    _, conflicts = stack(stacked)
    for conflict in conflicts:
        if conflict.kept.path != conflict.dropped.path:
            problems.append(
                Problem(
                    conflict.kept.path,
                    conflict.kept.line,
                    "warning",
                    "conflict",
                    str(conflict).removeprefix("glossary conflict: "),
                )
            )
    problems += _ambiguous_shorts(stacked)
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.code))


def _duplicates(entries: Sequence[Entry]) -> list[Problem]:
    problems = []
    ids: dict[str, Entry] = {}
    forms: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        if entry.id in ids:
            problems.append(
                _warn(entry, "duplicate", f"id {entry.id!r} is also on line {ids[entry.id].line}")
            )
        ids.setdefault(entry.id, entry)
        for lang, form in entry.explicit_forms():
            earlier = forms.setdefault((lang, form.casefold()), entry)
            if earlier is not entry and earlier.id != entry.id:
                problems.append(
                    _warn(
                        entry,
                        "duplicate",
                        f"{form!r} ({lang}) also names {earlier.id!r} on line {earlier.line}",
                    )
                )
    return problems


def _cells(entries: Sequence[Entry], words: Mapping[str, Collection[str]]) -> list[Problem]:
    problems = []
    languages = sorted({lang for entry in entries for lang in entry.forms})
    for entry in entries:
        missing = [lang for lang in languages if entry.form(lang) is None]
        if missing:
            problems.append(
                _warn(
                    entry,
                    "empty-cell",
                    f"{entry.id!r} has no {', '.join(missing)} form; the source form will be kept "
                    f"there (mark it dnt if that is meant)",
                )
            )
        shorts = [(lang, short) for lang in entry.forms if (short := entry.short(lang))]
        for lang, form in [*entry.explicit_forms(), *shorts]:
            if " " not in form and form.casefold() in words.get(lang, ()):
                problems.append(
                    _warn(
                        entry,
                        "common-word",
                        f"{form!r} is also a common word in {lang}; it will match that word "
                        f"wherever it is capitalised",
                    )
                )
            if not entry.dnt and _wrong_script(lang, form):
                problems.append(
                    _warn(
                        entry,
                        "script",
                        f"{form!r} is not in the {lang} column's script (swapped columns?)",
                    )
                )
    return problems


def _guessed_cases(entries: Sequence[Entry]) -> list[Problem]:
    """A warning for each row whose name the case rules cannot decline for sure (a place in
    "-ь" of either gender, a plural's genitive, a person whose names show no gender) and whose
    ``<lang>_cases`` lack those cases; it says which, and gives the rules' guess to check."""
    problems = []
    for entry in entries:
        for lang in _CASE_RULES:
            form = entry.forms.get(lang)
            if form is None:
                continue
            declension = decline(form, person=entry.kind == "person")
            given = entry.cases.get(lang, {})
            missing = [case for case in OBLIQUE if case in declension.unsure and case not in given]
            if not missing:
                continue
            reasons = "; ".join(dict.fromkeys(declension.unsure[case] for case in missing))
            example = "|".join(f"{case}={declension.preferred(case) or form}" for case in missing)
            problems.append(
                _warn(
                    entry,
                    "inflection",
                    f"{form!r} ({lang}): the rules cannot tell {reasons}, so its "
                    f"{', '.join(missing)} forms are guesses; add them as {lang}_cases = "
                    f"{example} (the rules' guess: check it)",
                )
            )
    return problems


def _ambiguous_shorts(entries: Sequence[Entry]) -> list[Problem]:
    owners: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        for lang in entry.forms:
            short = entry.short(lang)
            if short and entry.id not in {e.id for e in owners[(lang, short)]}:
                owners[(lang, short)].append(entry)
    return [
        _warn(group[-1], "ambiguous-short",
              f"{short!r} ({lang}) alone is the short form of {', '.join(e.id for e in group)}; "
              f"it is read as {group[-1].id!r} (set {lang}_short to '-' to turn one off)")
        for (lang, short), group in owners.items()
        if len(group) > 1
    ]  # fmt: skip


def _wrong_script(lang: str, form: str) -> bool:
    if lang in _CYRILLIC_LANGS:
        return bool(_LATIN.search(form)) and not _CYRILLIC.search(form)
    return bool(_CYRILLIC.search(form))


def _warn(entry: Entry, code: str, message: str) -> Problem:
    return Problem(entry.path, entry.line, "warning", code, message)


# --------------------------------------------------------------------------- suggest


@dataclass(frozen=True)
class Candidate:
    """A proper name seen in the articles that no glossary entry covers."""

    text: str
    lang: str
    count: int
    documents: int
    kind: str  # "person" when it looks like a first name and surname, else ""
    example: str  # the first occurrence with some context
    #: Every occurrence: (source, start, end); source is a path, or "#n" for the n-th text.
    occurrences: tuple[tuple[str, int, int], ...] = ()


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_MARKS = frozenset('.!?:;"„“«»–—(')
_GERMAN_NOUN = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|ment"
    r"|ments|nis|nisse|tum|ik|ur|enz|anz|ling|chen|ei|eien|ie|ien|er|ern|en|ten|ter|te|ten"
    r"|sten|isch|ische|ischen|es|e)$"
)
_DE_ARTICLES_WORDS = """
der die das des dem den ein eine einen einem einer eines kein keine keinen unser unsere
unseren unserem seine seinen seiner ihre ihren diese dieser diesen dieses im am vom zum
zur beim ins
"""
_DE_ARTICLES = frozenset(_DE_ARTICLES_WORDS.split())
_FIRST_NAMES_WORDS = """
alexander alexej alexei aleksei aleksandr andrej andrei anatoli anatoly dmitri dmitry igor
iwan ivan juri yuri konstantin leonid maxim michail mikhail nikolai oleg pawel pavel roman
sergej sergei stanislaw viktor wiktor waleri valery walentin wladimir vladimir witali
vitaly jewgeni yevgeny natalja natalya olga tatjana tatyana irina elena jelena swetlana
александр алексей андрей анатолий дмитрий игорь иван юрий константин леонид максим михаил
николай олег павел роман сергей станислав виктор валерий владимир виталий евгений наталья
ольга татьяна ирина елена светлана
"""
_FIRST_NAMES = frozenset(_FIRST_NAMES_WORDS.split())


def suggest_names(
    sources: Iterable[Path | str],
    glossary: Glossary,
    lang: str,
    *,
    min_count: int = 1,
    common_words: Collection[str] | None = None,
) -> list[Candidate]:
    """Proper names in these articles that ``glossary`` does not cover, most frequent first.

    ``sources`` are article texts (``str``) or paths (``Path``) of files or folders (every
    ``*.txt`` inside). A candidate is a run of capitalised words that is not a common word and
    not only ever at the start of a sentence; in German, where every noun is capitalised, words
    with noun endings or after an article are left out too. Inflected Russian forms are grouped.
    """
    words = COMMON_WORDS.get(lang, frozenset()) if common_words is None else common_words
    finder = GlossaryFinder(glossary, lang)
    texts = {source: _blank_title_lines(text) for source, text in _texts(sources)}
    seen: dict[str, list[tuple[str, int, int, bool, str]]] = defaultdict(list)
    after_article: Counter[str] = Counter()
    for source, text in texts.items():
        covered = [(span.start, span.end) for span in finder(Doc(text)).spans]
        for start, end, initial, preceded in _runs(text, lang, words, covered):
            phrase = text[start:end]
            seen[_group_key(phrase, lang)].append((source, start, end, initial, phrase))
            after_article[_group_key(phrase, lang)] += preceded
    candidates = []
    for key, hits in seen.items():
        if all(initial for *_, initial, _ in hits):
            continue  # only ever capitalised because it starts a sentence
        if lang == "de" and after_article[key] * 2 > len(hits):
            continue  # "der Handel", "die Exporte": a common noun
        if len(hits) < min_count:
            continue
        shown = Counter(phrase for *_, phrase in hits).most_common(1)[0][0]
        source, start, end = hits[0][:3]
        first = shown.split()[0].casefold()
        candidates.append(Candidate(
            text=shown,
            lang=lang,
            count=len(hits),
            documents=len({hit[0] for hit in hits}),
            kind="person" if first in _FIRST_NAMES and " " in shown else "",
            example=_example(texts[source], start, end),
            occurrences=tuple((hit[0], hit[1], hit[2]) for hit in hits),
        ))  # fmt: skip
    candidates.sort(key=lambda c: (-c.count, -c.documents, c.text))
    return candidates


def _blank_title_lines(text: str) -> str:
    """The text with Title Case lines (menus, headlines) blanked out, offsets kept."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        words = [w for w in line.split() if w[:1].isalpha()]
        short = 3 <= len(words) <= 12  # prose is longer, even German prose
        if short and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            lines[number] = " " * len(line)
    return "\n".join(lines)


def _texts(sources: Iterable[Path | str]) -> Iterable[tuple[str, str]]:
    for number, source in enumerate(sources):
        if isinstance(source, str):
            yield f"#{number}", source
            continue
        files = sorted(source.rglob("*.txt")) if source.is_dir() else [source]
        if source.is_dir() and not files:
            raise InputError(source, "no *.txt articles in this folder")
        for path in files:
            yield str(path), read_text(path)


def _example(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 40) : start].split("\n")[-1]
    right = text[end : end + 40].split("\n")[0]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _runs(
    text: str, lang: str, words: Collection[str], covered: list[tuple[int, int]]
) -> Iterable[tuple[int, int, bool, bool]]:
    """Runs of name-like words: (start, end, sentence-initial, after a German article).

    ``covered`` is sorted and without overlaps (a Doc's spans). Each step looks only at the
    word and what is right before its run, so the cost is linear in the text.
    """
    run: list[re.Match[str]] = []
    starts = [start for start, _ in covered]
    for match in [*_WORD.finditer(text), None]:
        good = match is not None and _name_like(match, lang, words, covered, starts)
        if run and not (good and match and text[run[-1].end() : match.start()] == " "):
            start, end = run[0].start(), run[-1].end()
            initial, previous = _before(text, start)
            yield start, end, initial, previous.casefold() in _DE_ARTICLES
            run = []
        if good and match:
            run.append(match)


def _before(text: str, start: int) -> tuple[bool, str]:
    """Whether ``start`` begins a sentence (the text before it is empty, or ends in a line
    break, a sentence or clause mark, an opening quote or bracket, or a spaced dash, then
    blanks), and the word right before it ("" at the start of the text)."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    word_start = end
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    previous = text[word_start:end]
    mark = text[end - 1 : end]
    initial = (
        end == 0
        or "\n" in text[end:start]
        or mark in _SENTENCE_MARKS
        or (mark == "-" and end >= 2 and text[end - 2].isspace())
    )
    return initial, previous


def _name_like(
    match: re.Match[str],
    lang: str,
    words: Collection[str],
    spans: list[tuple[int, int]],
    starts: list[int],
) -> bool:
    word = match.group().rstrip("'’")
    if not word[:1].isupper() or len(word) < 2 or word.endswith("-"):
        return False
    if any(char.isdigit() for char in word):
        return False  # "Br1442", "MAZ-5440": amounts and models, not names
    if any(part.casefold() in words for part in word.split("-")):
        return False  # "Januar-September", "EU-Länder"
    # The last span starting before the word's end is the only one that can overlap it.
    last = bisect.bisect_left(starts, match.end()) - 1
    if last >= 0 and match.start() < spans[last][1]:
        return False
    if word.casefold() in words or word.casefold().removesuffix("s") in words:
        return False
    if word.casefold() in _FIRST_NAMES:
        return True
    # German: names on this beat are transliterated, so they rarely end like German nouns
    # ("-ow", "-sk", "-stan" pass) and have no umlauts ("Möbel", "Hüttenwerk" do).
    return not (
        lang == "de"
        and not word.isupper()
        and "-" not in word
        and (_GERMAN_NOUN.search(word) or any(char in "äöüß" for char in word))
    )


def _group_key(phrase: str, lang: str) -> str:
    if lang not in _CYRILLIC_LANGS:
        return phrase.removesuffix("’s").removesuffix("'s")
    # Мирзиёева, Мирзиёеву, Мирзиёевым → one candidate.
    return " ".join(re.sub(r"(ого|ому|ым|им|ом|ем|ой|ей|ую|ию|ия|а|у|е|ы|и|ю|я)$", "", w)
                    for w in phrase.split())  # fmt: skip


def write_suggestions_tsv(
    candidates: Sequence[Candidate],
    out: IO[str],
    *,
    languages: Sequence[str] = ("de", "en", "ru", "be"),
) -> None:
    """Write candidates as glossary rows: the seen language filled in, the others to fill.

    The result loads as a glossary as it is; the note column says how often and where each
    name was seen. A cell that a spreadsheet would run as a formula (one that starts with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with an apostrophe
    before it (:func:`.files.formula_safe`), which the glossary reader drops again.
    """
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    languages = [*languages, *sorted({c.lang for c in candidates} - set(languages))]
    writer.writerow(["id", "kind", "dnt", *languages, "source", "note"])
    for candidate in candidates:
        cells = [candidate.text if lang == candidate.lang else "" for lang in languages]
        note = f"seen {candidate.count}x in {candidate.documents} articles: {candidate.example}"
        writer.writerow([formula_safe(cell) for cell in ["", candidate.kind, "", *cells, "", note]])
