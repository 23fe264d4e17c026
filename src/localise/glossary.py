"""The proper-name glossary: how each name is written in each language, enforced through MT.

A glossary file has one concept per row and a column per language (TSV or CSV, as a
spreadsheet saves it), or is a TBX term base. :meth:`Glossary.load` stacks several files, later
ones winning, and records every clash in :attr:`Glossary.conflicts` rather than raising.
:class:`GlossaryMatcher` is the pipeline stage: it finds the names in a source text, inflected
forms included (see :mod:`localise.inflect`), and adds a ``name`` span for each with the target
form (grammar included) as ``rendering`` and the forms an engine may write instead as
``alternates``.

>>> glossary = Glossary.load(["glossaries/belarus.tsv"])          # doctest: +SKIP
>>> matcher = GlossaryMatcher(glossary, "de", "en")                # doctest: +SKIP
>>> [s.rendering for s in matcher(Doc("Lukaschenkos Ziel")).spans]  # doctest: +SKIP
["Lukashenko's"]
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ._glossary_files import GOLD_TYPES, Entry, EntryKind, Problem, read_glossary_file
from .doc import Doc, Span
from .errors import GlossaryError
from .inflect import Case, possessive, romanize, word_forms

__all__ = [
    "Conflict",
    "Entry",
    "EntryKind",
    "Glossary",
    "GlossaryMatcher",
    "GlossaryValue",
    "Problem",
    "bundled_glossaries",
    "read_glossary_file",
]


@dataclass(frozen=True)
class Conflict:
    """Two entries claim the same id or the same source form; ``kept`` (the later) wins."""

    reason: Literal["same id", "same form"]
    kept: Entry
    dropped: Entry
    lang: str | None = None
    form: str | None = None

    def __str__(self) -> str:
        if self.reason == "same id":
            what = f"entry {self.kept.id!r} is defined twice"
        else:
            claimants = f"{self.dropped.id!r} and {self.kept.id!r}"
            what = f"{self.form!r} ({self.lang}) is claimed by {claimants}"
        return f"glossary conflict: {what}; {self.kept.origin} wins over {self.dropped.origin}"


@dataclass(frozen=True)
class Glossary:
    """Glossary files stacked in order; build it with :meth:`load`."""

    entries: tuple[Entry, ...]
    conflicts: tuple[Conflict, ...] = ()
    fingerprint: str = hashlib.sha256().hexdigest()
    paths: tuple[Path, ...] = ()

    @classmethod
    def load(cls, paths: Sequence[Path | str]) -> Glossary:
        """Read and stack glossary files (.tsv, .csv, .tbx); later files win.

        Raises :class:`GlossaryError` (path and line) for the first malformed row; clashes
        between entries are not errors but :attr:`conflicts`.
        """
        digest = hashlib.sha256()
        entries: list[Entry] = []
        for path in map(Path, paths):
            file_entries, problems, content = read_glossary_file(path)
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise GlossaryError(path, errors[0].message, errors[0].line)
            digest.update(hashlib.sha256(content).digest())
            entries.extend(file_entries)
        kept, conflicts = _stack(entries)
        return cls(tuple(kept), tuple(conflicts), digest.hexdigest(), tuple(map(Path, paths)))

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for entry in self.entries for lang in entry.forms)

    def get(self, entry_id: str) -> Entry:
        """The entry with this id; KeyError naming the id otherwise."""
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def conflict_warnings(self) -> list[str]:
        """One line per conflict, for a run's report."""
        return [str(conflict) for conflict in self.conflicts]


def bundled_glossaries() -> list[Path]:
    """The glossary shipped with localise (Belarus / Central Asia news names).

    Looked up inside the package first (where packaging puts it), then in the source
    checkout's ``glossaries/`` folder.
    """
    here = Path(__file__).resolve().parent
    for folder in (here / "glossaries", here.parent.parent / "glossaries"):
        if (folder / "belarus.tsv").is_file():
            return [folder / "belarus.tsv"]
    raise GlossaryError(
        here / "glossaries" / "belarus.tsv",
        "the bundled glossary is not installed; reinstall localise or pass --no-bundled-glossary",
    )


def _stack(entries: Sequence[Entry]) -> tuple[list[Entry], list[Conflict]]:
    by_id: dict[str, Entry] = {}
    conflicts: list[Conflict] = []
    for entry in entries:
        old = by_id.pop(entry.id, None)
        if old is not None and old._content() != entry._content():
            conflicts.append(Conflict("same id", kept=entry, dropped=old))
        by_id[entry.id] = entry  # re-inserted last: the later entry takes precedence
    owner: dict[tuple[str, tuple[str, ...]], Entry] = {}
    for entry in by_id.values():
        for lang, form in _explicit_forms(entry):
            key = (lang, _fold_phrase(form, lang))
            previous = owner.get(key)
            if previous is not None and previous.id != entry.id:
                conflicts.append(Conflict("same form", entry, previous, lang, form))
            owner[key] = entry
    return list(by_id.values()), conflicts


def _explicit_forms(entry: Entry) -> Iterator[tuple[str, str]]:
    for lang, form in entry.forms.items():
        yield lang, form
    for lang, variants in entry.variants.items():
        for variant in variants:
            yield lang, variant


# --------------------------------------------------------------------------- matching

#: A word (letters, digits, combining marks) or one punctuation character.
_TOKEN = re.compile(r"[\w\u0300-\u036f\u0483-\u0489]+|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-"})
#: After a region's adjective alone: a list that ends in "области" within the sentence.
_LIST_AHEAD = re.compile(r"\s*(?:,|и\s)[^.!?\n]{0,200}?\bобласт", re.IGNORECASE)
# Behind, the same paragraph: figures like "879 тыс. т" put full stops inside the sentence.
_LIST_BEHIND = re.compile(r"\bобласт\w*[^\n]{0,400}$", re.IGNORECASE)


def _in_region_list(text: str, start: int, end: int) -> bool:
    """True for "Брестская" in "Брестская и Гомельская области", "Минская область…, Брестская"."""
    return bool(
        _LIST_AHEAD.match(text, end) or _LIST_BEHIND.search(text, max(0, start - 400), start)
    )


_BREAK = "\u00b6"  # stands for a gap no name spans: punctuation run, blank line


def _fold(token: str, lang: str, ignore_case: bool = False) -> str:
    token = unicodedata.normalize("NFC", token).translate(_APOSTROPHES)
    if lang == "ru":
        token = token.replace("ё", "е").replace("Ё", "Е")
    return token.casefold() if ignore_case else token


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _gap(text: str) -> str:
    if not text:
        return ""
    return " " if text.isspace() and "\n\n" not in text else _BREAK


def _fold_phrase(phrase: str, lang: str, ignore_case: bool = False) -> tuple[str, ...]:
    key: list[str] = []
    previous_end = None
    for start, end, token in _tokens(phrase):
        if previous_end is not None:
            key.append(_gap(phrase[previous_end:start]))
        key.append(_fold(token, lang, ignore_case))
        previous_end = end
    return tuple(key)


@dataclass(frozen=True)
class GlossaryValue:
    """What a glossary hit means: the entry, and the form the target must show."""

    entry_id: str
    canonical: str
    kind: EntryKind
    target_lang: str
    target_form: str
    target_missing: bool = False
    case: Case | None = None
    dnt: bool = False
    origin: str = ""
    #: Every form of the name that is correct in the target text (inflections included).
    target_forms: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "canonical": self.canonical,
            "type": GOLD_TYPES[self.kind],
            "entry": self.entry_id,
            "target": self.target_form,
            "target_lang": self.target_lang,
            "target_missing": self.target_missing,
            "case": self.case,
            "dnt": self.dnt,
            "origin": self.origin,
        }


Role = Literal["main", "short", "initial", "ellipsis"]


@dataclass(frozen=True)
class _Form:
    key: tuple[str, ...]
    entry: int
    role: Role
    case: Case | None
    rank: tuple[int, int, int]


class GlossaryMatcher:
    """Pipeline stage: a ``name`` span for every glossary name in a source text.

    Matching is by whole words (Unicode), longest form first, case-sensitive unless
    ``ignore_case`` (a name in capitals, as in a dateline "MINSK", always matches); inflected
    forms come from :mod:`localise.inflect`. Each span's ``rendering`` is the target form with
    the grammar the source showed; ``alternates`` are the forms an engine may write instead.
    """

    def __init__(
        self, glossary: Glossary, source_lang: str, target_lang: str, *, ignore_case: bool = False
    ) -> None:
        self.glossary = glossary
        self.source_lang = source_lang.lower()
        self.target_lang = target_lang.lower()
        self.ignore_case = ignore_case
        self._index: dict[str, list[_Form]] = {}
        self._target_forms: dict[int, tuple[str, ...]] = {}
        best: dict[tuple[str, ...], _Form] = {}
        for number, entry in enumerate(glossary.entries):
            for form in self._forms(number, entry):
                if form.key not in best or form.rank > best[form.key].rank:
                    best[form.key] = form
        for form in best.values():
            self._index.setdefault(form.key[0], []).append(form)
        for forms in self._index.values():
            forms.sort(key=lambda f: len(f.key), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        tokens = _tokens(text)
        spans: list[Span] = []
        index = 0
        while index < len(tokens):
            found = self._match_at(text, tokens, index)
            if found is None:
                index += 1
                continue
            form, length = found
            start, end = tokens[index][0], tokens[index + length - 1][1]
            if doc.is_free(start, end):
                after = tokens[index + length] if index + length < len(tokens) else None
                spans.append(self._span(text, start, end, form, after))
            index += length
        return doc.with_spans(spans)

    def _match_at(
        self, text: str, tokens: list[tuple[int, int, str]], index: int
    ) -> tuple[_Form, int] | None:
        candidates = self._index.get(_fold(tokens[index][2], self.source_lang, self.ignore_case))
        if not candidates:
            return None
        key: list[str] = []
        for form in candidates:  # longest first
            length = (len(form.key) + 1) // 2
            if index + length > len(tokens):
                continue
            while len(key) < len(form.key):
                position = index + len(key) // 2 + (len(key) % 2)
                if len(key) % 2:
                    key.append(_gap(text[tokens[position - 1][1] : tokens[position][0]]))
                else:
                    key.append(_fold(tokens[position][2], self.source_lang, self.ignore_case))
            if tuple(key[: len(form.key)]) == form.key:
                if form.role == "ellipsis" and not _in_region_list(
                    text, tokens[index][0], tokens[index + length - 1][1]
                ):
                    continue
                return form, length
        return None

    def _forms(self, number: int, entry: Entry) -> Iterator[_Form]:
        lang = self.source_lang
        explicit: list[tuple[str, Role, Case | None]] = []
        form = entry.form(lang)
        if form is not None:
            explicit.append((form, "main", None))
        for variant in entry.variants.get(lang, ()):
            single = entry.kind == "person" and " " not in variant
            explicit.append((variant, "short" if single else "main", None))
        for case_name, case_form in entry.cases.get(lang, {}).items():
            explicit.append((case_form, "main", case_name))
        derived: list[tuple[str, Role, Case | None]] = []
        if entry.kind == "person":
            for full, role, _ in explicit:
                if role != "main" or " " not in full:
                    continue
                # The main form's short form may be given, or switched off with "-".
                last = entry.short(lang) if full == form else full.rsplit(" ", 1)[1]
                if last is None:
                    continue
                first = full.split(" ", 1)[0]
                derived.append((last, "short", None))
                if first[:1].isalpha():
                    derived.append((f"{first[0]}. {last}", "initial", None))
                    derived.append((f"{first[0]}.{last}", "initial", None))
        if lang == "ru" and form is not None and form.endswith(" область"):
            # "Брестская, Витебская и Гомельская области": the adjective alone, in a list.
            derived.append((form.split(" ", 1)[0], "ellipsis", None))
        for written, role, case in [*explicit, *derived]:
            rank = 2 if (written, role, case) in explicit else 1
            inflections = _inflections(written, lang, entry, possessive=entry_has_possessive(entry))
            for inflected, inflected_case in inflections.items():
                exact = inflected == written
                shown = case if exact else inflected_case
                for variant in {inflected, inflected.upper()}:
                    key = _fold_phrase(variant, lang, self.ignore_case)
                    if key:
                        yield _Form(key, number, role, shown, (rank, int(exact), number))

    def _span(
        self,
        text: str,
        start: int,
        end: int,
        form: _Form,
        after: tuple[int, int, str] | None,
    ) -> Span:
        entry = self.glossary.entries[form.entry]
        written = text[start:end]
        case: Case | None = form.case
        # "Lukaschenkos Ziel": a German genitive before a noun is possessive.
        if (
            case == "gen"
            and self.source_lang == "de"
            and written[-1] in "s'’"
            and after is not None
            and text[end : after[0]].isspace()
            and after[2][:1].isupper()
        ):
            case = "poss"
        rendering, missing = self._render(entry, form.role, case, written)
        source_form = entry.form(self.source_lang) or ""
        if written.isupper() and not source_form.isupper() and not missing:
            rendering = rendering.upper()  # a dateline's "MINSK" stays in capitals
        value = GlossaryValue(
            entry_id=entry.id,
            canonical=entry.form(self.source_lang) or entry.form(next(iter(entry.forms))) or "",
            kind=entry.kind,
            target_lang=self.target_lang,
            target_form=rendering,
            target_missing=missing,
            case=case,
            dnt=entry.dnt,
            origin=entry.origin,
            target_forms=self._accepted(form.entry, entry),
        )
        alternates = (
            ()
            if missing or self.target_lang == self.source_lang
            else (self._alternates(entry, written, rendering, value.target_forms))
        )
        return Span(start, end, "name", written, value, rendering, alternates)

    def _render(
        self, entry: Entry, role: Role, case: Case | None, written: str
    ) -> tuple[str, bool]:
        source, target = self.source_lang, self.target_lang
        if target == source:
            return written, False
        full = entry.form(target)
        if full is None:
            return written, True
        target_cases = entry.cases.get(target, {})
        wanted: Case | None = "gen" if case == "poss" else case
        if wanted is not None and wanted in target_cases:
            case_form = target_cases[wanted]
            if role == "main":
                return case_form, False
            return case_form.rsplit(" ", 1)[-1] if role == "short" else case_form, False
        rendering = full
        if role == "ellipsis":
            return full, False
        if role == "short":
            rendering = entry.short(target) or full
        elif role == "initial" and " " in full:
            rendering = f"{full[0]}. {entry.short(target) or full.rsplit(' ', 1)[1]}"
        if case == "poss" and entry_has_possessive(entry) and target in ("en", "de"):
            rendering = possessive(rendering, target)
        return rendering, False

    def _accepted(self, number: int, entry: Entry) -> tuple[str, ...]:
        if number not in self._target_forms:
            lang = self.target_lang
            bases = [f for f in (entry.form(lang), entry.short(lang)) if f]
            bases += list(entry.cases.get(lang, {}).values())
            forms: dict[str, None] = {}
            for base in bases:
                for inflected in _inflections(base, lang, entry, possessive=True):
                    forms[inflected] = None
                forms[possessive(base, lang, apostrophe="’")] = None
            self._target_forms[number] = tuple(forms)
        return self._target_forms[number]

    def _alternates(
        self, entry: Entry, written: str, rendering: str, accepted: tuple[str, ...]
    ) -> tuple[str, ...]:
        source, target = self.source_lang, self.target_lang
        candidates = [entry.form(source), entry.short(source)]
        for lang in entry.forms:
            if lang != target:
                candidates += [entry.form(lang), entry.short(lang)]
            candidates += list(entry.variants.get(lang, ()))
        if _is_cyrillic(written) and target in _LATIN_SCRIPT:
            cyrillic = [written, *(c for c in candidates if c and _is_cyrillic(c))]
            candidates += [romanize(c) for c in cyrillic]
        skip = {rendering, written, *accepted}
        out: dict[str, None] = {}
        for candidate in candidates:
            if candidate and candidate not in skip:
                out[candidate] = None
        return tuple(out)


def entry_has_possessive(entry: Entry) -> bool:
    """People and places take a possessive "'s" / genitive "-s"; organisations keep their form."""
    return entry.kind in ("person", "place") and not entry.dnt


def _inflections(
    phrase: str, lang: str, entry: Entry, *, possessive: bool
) -> dict[str, Case | None]:
    """Every inflected form of a (multi-word) name, with the first case one of its words shows."""
    words = phrase.split(" ")
    combos: dict[str, Case | None] = {"": None}
    for position, word in enumerate(words):
        final = position == len(words) - 1
        options = word_forms(word, lang, final=final, person=entry.kind == "person")
        if not possessive:
            options = {w: c for w, c in options.items() if c != "poss"}
        combos = {
            (f"{prefix} {option}" if prefix else option): prefix_case or case
            for prefix, prefix_case in combos.items()
            for option, case in options.items()
        }
        if len(combos) > 2000:  # a very long name: keep it as written
            return {phrase: None}
    return combos


_LATIN_SCRIPT = frozenset({"de", "en", "fr", "es", "it", "pl", "lt", "lv", "et", "tr", "uz", "nl"})


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)
