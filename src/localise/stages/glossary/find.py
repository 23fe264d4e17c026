"""Glossary names in a text: found on the source side, rendered for each target.

:class:`GlossaryFinder` is a source-side stage: it finds the names of a source text by whole
words, inflected forms included (see :mod:`.inflect`), and adds a ``name`` span for each whose
value (a :class:`GlossaryHit`) records the entry and the grammatical case the text shows.
:class:`GlossaryRenderer` is a target-side stage: it gives each name span the target form
with that grammar as ``rendering`` (``"Lukaschenkos Ziel"`` → ``"Lukashenko's"``) and the forms
an engine may write instead as ``alternates``.

>>> glossary = Glossary.load(["glossaries/belarus.tsv"])                   # doctest: +SKIP
>>> doc = GlossaryFinder(glossary, "de")(Doc("Lukaschenkos Ziel"))         # doctest: +SKIP
>>> [s.rendering for s in GlossaryRenderer(glossary, "de", "en")(doc).spans]  # doctest: +SKIP
["Lukashenko's"]
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ...doc import Doc, Span
from .files import GOLD_TYPES, Entry, EntryKind
from .inflect import Case, possessive, romanize, word_forms
from .store import Glossary
from .tokens import fold, fold_phrase, gap, tokens

__all__ = ["GlossaryFinder", "GlossaryHit", "GlossaryRenderer", "GlossaryValue"]

#: After a region's adjective alone: a list that ends in "области" within the sentence.
_LIST_AHEAD = re.compile(r"\s*(?:,|и\s)[^.!?\n]{0,200}?\bобласт", re.IGNORECASE)
# Behind, the same paragraph: figures like "879 тыс. т" put full stops inside the sentence.
_LIST_BEHIND = re.compile(r"\bобласт\w*[^\n]{0,400}$", re.IGNORECASE)


#: Words after a city's name that make it the name of its region.
_REGION_WORD = re.compile(
    r"\s+(?:oblast|Oblast|region|Region|province|Province|Gebiet|Gebiets|Rayon|district"
    r"|District|област\w*|район\w*)(?!\w)"
)
#: A short quotation: „…“, «…», “…”, "…".
_QUOTE = re.compile(r"[„«“\"]([^„«“”\"»\n]{1,60})[“»”\"]")
#: Words of an English slogan or title inside another language's text ("Made in Belarus").
_ENGLISH = frozenset({"made", "the", "of", "and", "for", "with", "by", "is", "are", "your"})


def _in_foreign_quote(text: str, start: int, end: int, lang: str) -> bool:
    """A name inside a short quoted phrase in another language than the text's ("„Made in
    Belarus“" in German or Russian): the phrase is kept as written, name included."""
    offset = max(0, start - 64)
    for quote in _QUOTE.finditer(text[offset : end + 64]):
        if not (offset + quote.start(1) <= start and end <= offset + quote.end(1)):
            continue
        words = re.findall(r"[^\W\d_]+", quote.group(1))
        if len(words) > 6:
            return False
        if lang != "en" and {w.lower() for w in words} & _ENGLISH:
            return True
        return lang in ("ru", "be", "uk") and all(w.isascii() for w in words)
    return False


def _in_region_list(text: str, start: int, end: int) -> bool:
    """True for "Брестская" in "Брестская и Гомельская области", "Минская область…, Брестская"."""
    return bool(
        _LIST_AHEAD.match(text, end) or _LIST_BEHIND.search(text, max(0, start - 400), start)
    )


Role = Literal["main", "short", "initial", "ellipsis"]


@dataclass(frozen=True)
class GlossaryHit:
    """A glossary name found in a source text: the entry (its index in the glossary), which of
    its forms matched, and the grammatical case the text shows."""

    entry: int
    entry_id: str
    role: Role
    case: Case | None
    #: The text wrote a mixed-case name in capitals ("MINSK" of a dateline): the target form
    #: is written in capitals too. An abbreviation ("РФ") is not a name in capitals.
    shouted: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"entry": self.entry_id, "case": self.case}


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
    #: The target form in each case (Russian "ins" -> "Казахстаном"), for writing the name
    #: where a preposition asks for a case.
    target_cases: tuple[tuple[str, str], ...] = ()

    def in_case(self, case: str) -> str | None:
        return dict(self.target_cases).get(case)

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


@dataclass(frozen=True)
class _Form:
    key: tuple[str, ...]
    entry: int
    role: Role
    case: Case | None
    rank: tuple[int, int, int]
    shouted: bool = False


class GlossaryFinder:
    """Source-side stage: a ``name`` span (value: :class:`GlossaryHit`) for every glossary
    name in a text.

    Matching is by whole words (Unicode), longest form first, case-sensitive unless
    ``ignore_case`` (a name in capitals, as in a dateline "MINSK", always matches); inflected
    forms come from :mod:`.inflect`, each with the case it shows.
    """

    def __init__(self, glossary: Glossary, source_lang: str, *, ignore_case: bool = False) -> None:
        self.glossary = glossary
        self.source_lang = source_lang.lower()
        self.ignore_case = ignore_case
        self._index: dict[str, list[_Form]] = {}
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
        found = tokens(text)
        spans: list[Span] = []
        index = 0
        while index < len(found):
            match = self._match_at(text, found, index)
            if match is None:
                index += 1
                continue
            form, length = match
            start, end = found[index][0], found[index + length - 1][1]
            entry = self.glossary.entries[form.entry]
            if doc.is_free(start, end) and not self._not_this_name(text, start, end, entry):
                after = found[index + length] if index + length < len(found) else None
                spans.append(self._span(text, start, end, form, after))
            index += length
        return doc.with_spans(spans)

    def _not_this_name(self, text: str, start: int, end: int, entry: Entry) -> bool:
        """Where a name's words stand for something else: a city's name before "oblast"
        ("Moscow oblast" is the region), a name inside a compound proper name ("Минск-Новости",
        outside German, which joins nouns so: "MAZ-Busse"), a name in a quoted slogan of
        another language ("Made in Belarus")."""
        after, before = text[end : end + 24], text[max(0, start - 2) : start]
        if entry.kind == "place" and _REGION_WORD.match(after):
            return True
        if self.source_lang != "de" and (
            (re.match(r"-[^\W\d_]", after) and after[1:2].isupper())
            or re.search(r"[^\W\d_]-$", before)
        ):
            return True
        return _in_foreign_quote(text, start, end, self.source_lang)

    def _match_at(
        self, text: str, tokens: list[tuple[int, int, str]], index: int
    ) -> tuple[_Form, int] | None:
        candidates = self._index.get(fold(tokens[index][2], self.source_lang, self.ignore_case))
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
                    key.append(gap(text[tokens[position - 1][1] : tokens[position][0]]))
                else:
                    key.append(fold(tokens[position][2], self.source_lang, self.ignore_case))
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
                for variant in dict.fromkeys([inflected, inflected.upper()]):
                    key = fold_phrase(variant, lang, self.ignore_case)
                    shouted = variant != inflected
                    if key:
                        rank_of = (rank, int(exact), number)
                        yield _Form(key, number, role, shown, rank_of, shouted)

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
        hit = GlossaryHit(form.entry, entry.id, form.role, case, form.shouted)
        return Span(start, end, "name", written, hit)


class GlossaryRenderer:
    """Target-side stage: each name span's target form (``rendering``) with the grammar the
    source showed, and the forms an engine may write instead (``alternates``)."""

    def __init__(self, glossary: Glossary, source_lang: str, target_lang: str) -> None:
        self.glossary = glossary
        self.source_lang = source_lang.lower()
        self.target_lang = target_lang.lower()
        self._target_forms: dict[int, tuple[str, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            self._rendered(span) if isinstance(span.value, GlossaryHit) else span
            for span in doc.spans
        ]
        return doc.replace(spans=tuple(spans))

    def _rendered(self, span: Span) -> Span:
        hit = span.value
        assert isinstance(hit, GlossaryHit)
        entry = self.glossary.entries[hit.entry]
        written = span.text
        rendering, missing = self._render(entry, hit.role, hit.case, written)
        if hit.shouted and not missing:
            rendering = rendering.upper()  # a dateline's "MINSK" stays in capitals
        value = GlossaryValue(
            entry_id=entry.id,
            canonical=entry.form(self.source_lang) or entry.form(next(iter(entry.forms))) or "",
            kind=entry.kind,
            target_lang=self.target_lang,
            target_form=rendering,
            target_missing=missing,
            case=hit.case,
            dnt=entry.dnt,
            origin=entry.origin,
            target_forms=self._accepted(hit.entry, entry),
            target_cases=self._cases(entry, rendering),
        )
        alternates = (
            ()
            if missing or self.target_lang == self.source_lang
            else (self._alternates(entry, written, rendering, value.target_forms))
        )
        return dataclasses.replace(span, value=value, rendering=rendering, alternates=alternates)

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

    def _cases(self, entry: Entry, rendering: str) -> tuple[tuple[str, str], ...]:
        """The rendering in each case the target language shows (given forms first)."""
        full = rendering == entry.form(self.target_lang)
        given = entry.cases.get(self.target_lang, {}) if full else {}
        cases: dict[str, str] = {str(case): form for case, form in given.items()}
        for form, case in _inflections(rendering, self.target_lang, entry, possessive=True).items():
            if case is not None:
                cases.setdefault(case, form)
        return tuple(sorted(cases.items()))

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
