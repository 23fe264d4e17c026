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
from .context import (
    REGION_WORD,
    after_plural_determiner,
    in_foreign_quote,
    in_region_list,
    model_after,
    preposition_cases,
    script_of,
    script_of_language,
)
from .files import GOLD_TYPES, Entry, EntryKind
from .inflect import CASE_LANGUAGES, CASES, Case, PhraseForms, inflections, possessive, romanize
from .store import Glossary
from .tokens import fold, fold_phrase, gap, tokens
from .words import PEOPLE_NOUNS

__all__ = ["GlossaryFinder", "GlossaryHit", "GlossaryRenderer", "GlossaryValue"]

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
    #: The model designation after a brand ("75306" of "BelAZ-75306"): the span is the brand
    #: of a product, not the organisation.
    model: str = ""

    def to_json(self) -> dict[str, Any]:
        product = {"type": "product", "model": self.model} if self.model else {}
        return {"entry": self.entry_id, "case": self.case, **product}


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
    #: The model after the brand of a product ("75306" of "BelAZ-75306"); empty for a name.
    model: str = ""

    def in_case(self, case: str) -> str | None:
        return dict(self.target_cases).get(case)

    def to_json(self) -> dict[str, Any]:
        product = {"model": self.model} if self.model else {}
        return {
            "canonical": self.canonical,
            "type": "product" if self.model else GOLD_TYPES[self.kind],
            **product,
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
    #: The cases the form can show (``None``: the base form); the text's context picks one.
    cases: frozenset[Case | None]
    #: (given in the file, the form as given, not in capitals, entry number): highest wins.
    rank: tuple[int, int, int, int]
    shouted: bool = False


class GlossaryFinder:
    """Source-side stage: a ``name`` span (value: :class:`GlossaryHit`) for every glossary
    name in a text.

    Matching is by whole words (Unicode), longest form first, case-sensitive unless
    ``ignore_case`` (a name in capitals, as in a dateline "MINSK", always matches); inflected
    forms come from :mod:`.inflect`, each with the cases it can show, and a Russian
    preposition before the name picks among them ("в Беларуси" prep, "из Беларуси" gen).
    A name in another script than the text's is found by its forms in that script ("БЕЛТА"
    in English, "BelTA" in Russian). A brand followed by model digits ("BelAZ-75306", "МАЗ
    203") is a product, its ``model`` recorded; a nationality noun spelled like its country
    after a plural article or quantifier ("die Polen", "viele Polen") is the people, and no
    span.
    """

    def __init__(self, glossary: Glossary, source_lang: str, *, ignore_case: bool = False) -> None:
        self.glossary = glossary
        self.source_lang = source_lang.lower()
        self.ignore_case = ignore_case
        self._index: dict[str, list[_Form]] = {}
        best: dict[tuple[str, ...], _Form] = {}
        for number, entry in enumerate(glossary.entries):
            for form in self._forms(number, entry):
                old = best.get(form.key)
                if old is not None and old.entry == form.entry:
                    # One entry's form reached twice ("Беларуси" given as gen, made as
                    # gen/dat/prep): it can show every case either way says.
                    keep = form if form.rank > old.rank else old
                    best[form.key] = dataclasses.replace(keep, cases=old.cases | form.cases)
                elif old is None or form.rank > old.rank:
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
                brand = _is_brand(entry, form)
                model = model_after(text, end, place=entry.kind == "place") if brand else ""
                spans.append(self._span(text, start, end, form, after, model))
            index += length
        return doc.with_spans(spans)

    def _not_this_name(self, text: str, start: int, end: int, entry: Entry) -> bool:
        """Where a name's words stand for something else: a city's name before "oblast"
        ("Moscow oblast" is the region), a name inside a compound proper name ("Минск-Новости",
        outside German, which joins nouns so: "MAZ-Busse"; but "Belarus-Russia" joins two
        names), a name in a quoted slogan of another language ("Made in Belarus"), a
        nationality noun spelled like its country with a plural article ("die Polen")."""
        after, before = text[end : end + 24], text[max(0, start - 40) : start]
        if entry.kind == "place" and REGION_WORD.match(after):
            return True
        if self.source_lang != "de":
            joined_after = re.match(r"-([^\W\d_]\w*)", after)
            joined_before = re.search(r"(\w*[^\W\d_])-$", before)
            for joined in (joined_after, joined_before):
                word = joined.group(1) if joined else ""
                compound = bool(word) and (joined is joined_before or word[0].isupper())
                if compound and fold(word, self.source_lang, self.ignore_case) not in self._index:
                    return True
        if entry.kind == "place" and self._people(text, start, end):
            return True
        return in_foreign_quote(text, start, end, self.source_lang)

    def _people(self, text: str, start: int, end: int) -> bool:
        """A plural nationality noun spelled like the country ("die Polen", "viele junge
        Polen", "2000 Polen"): the people, shown plural by the word before it."""
        if text[start:end] not in PEOPLE_NOUNS.get(self.source_lang, ()):
            return False
        return after_plural_determiner(text, start, end, self.source_lang)

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
                if form.role == "ellipsis" and not in_region_list(
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
            for full, role, case in explicit:
                if role != "main" or " " not in full:
                    continue
                # The main form's short form may be given, or switched off with "-". A given
                # case form's surname shows that case ("Владимира Путина": "Путина" gen).
                last = entry.short(lang) if full == form else full.rsplit(" ", 1)[1]
                if last is None:
                    continue
                first = full.split(" ", 1)[0]
                derived.append((last, "short", case))
                if first[:1].isalpha():
                    derived.append((f"{first[0]}. {last}", "initial", case))
                    derived.append((f"{first[0]}.{last}", "initial", case))
        if lang == "ru" and form is not None and form.endswith(" область"):
            # "Брестская, Витебская и Гомельская области": the adjective alone, in a list.
            derived.append((form.split(" ", 1)[0], "ellipsis", None))
        # A name the language writes in capitals ("БЕЛТА") is not shouted when so written.
        capitals = bool(form) and (form or "").isupper()
        for written, role, case in [*explicit, *derived]:
            rank = 2 if (written, role, case) in explicit else 1
            if case is not None:
                made: PhraseForms = {written: frozenset({case})}  # a given case form
            else:
                has_possessive = entry_has_possessive(entry)
                made = _inflections(written, lang, entry, possessive=has_possessive, full=form)
            yield from self._keyed(made, written, number, role, rank, capitals)
        # The same name in another script than the text's: "БЕЛТА" in English, "BelTA" in
        # Russian. No common word of the text looks like it, so it is matched as written.
        script = script_of_language(lang)
        for other_lang, other in entry.explicit_forms():
            if other_lang != lang and script_of(other) not in ("", script):
                yield from self._keyed({other: frozenset({None})}, other, number, "main", 0,
                                       capitals)  # fmt: skip

    def _keyed(
        self, made: PhraseForms, written: str, number: int, role: Role, rank: int, capitals: bool
    ) -> Iterator[_Form]:
        """The index entries of a form's inflections, each also in capitals."""
        for inflected, cases in made.items():
            exact = inflected == written
            for variant in dict.fromkeys([inflected, inflected.upper()]):
                key = fold_phrase(variant, self.source_lang, self.ignore_case)
                shouted = variant != inflected and not capitals
                if key:
                    rank_of = (rank, int(exact), int(not shouted), number)
                    yield _Form(key, number, role, cases, rank_of, shouted)

    def _span(
        self,
        text: str,
        start: int,
        end: int,
        form: _Form,
        after: tuple[int, int, str] | None,
        model: str = "",
    ) -> Span:
        entry = self.glossary.entries[form.entry]
        written = text[start:end]
        case = None if model else self._case(text, start, form.cases)
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
        hit = GlossaryHit(form.entry, entry.id, form.role, case, form.shouted, model)
        return Span(start, end, "name", written, hit)

    def _case(self, text: str, start: int, cases: frozenset[Case | None]) -> Case | None:
        """The case a form shows here: the one the preposition before it asks for where the
        form can show several ("в Беларуси" prep, "из Беларуси" gen, "в Казахстан" acc);
        else the base form, else the first in the usual order (a genitive before a dative:
        "жители Минской области"). A form that shows every case ("Лукашенко", "Гродно") shows
        none."""
        if cases >= _EVERY_CASE:
            return None
        if len(cases) > 1 and self.source_lang in CASE_LANGUAGES:
            asked = preposition_cases(text, start)
            if cases & asked:
                cases = cases & asked
        if None in cases:
            return None
        return next((case for case in CASES if case in cases), None)


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
        same = self.target_lang == self.source_lang
        if hit.model and not same and entry.form(self.target_lang) is not None:
            rendering, missing = self._brand(entry, written), False
        else:
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
            target_cases=() if hit.model else self._cases(entry, rendering),
            model=hit.model,
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

    def _brand(self, entry: Entry, written: str) -> str:
        """A product's brand in the target: the target spelling with the letter case of the
        written one ("BelAZ" → "БелАЗ", not "БЕЛАЗ"), else the target's form. A place's name
        in capitals before a model ("BELARUS 820") is a brand the glossary does not spell:
        kept as written."""
        full = entry.form(self.target_lang) or written
        if entry.kind == "place":
            return written
        shape = _letter_case(written)
        candidates = [full, *entry.variants.get(self.target_lang, ())]
        return next((c for c in candidates if _letter_case(c) == shape), full)

    def _cases(self, entry: Entry, rendering: str) -> tuple[tuple[str, str], ...]:
        """The rendering in each case the target language shows (given forms first, then the
        forms the rules prefer)."""
        lang = self.target_lang
        full = rendering == entry.form(lang)
        given = entry.cases.get(lang, {}) if full else {}
        cases: dict[str, str] = {str(case): form for case, form in given.items()}
        made = _inflections(rendering, lang, entry, possessive=True, full=entry.form(lang))
        for form, shown in made.items():
            for case in sorted(c for c in shown if c is not None):
                cases.setdefault(case, form)
        return tuple(sorted(cases.items()))

    def _accepted(self, number: int, entry: Entry) -> tuple[str, ...]:
        if number not in self._target_forms:
            lang = self.target_lang
            bases = [f for f in (entry.form(lang), entry.short(lang)) if f]
            bases += list(entry.cases.get(lang, {}).values())
            forms: dict[str, None] = {}
            for base in bases:
                made = _inflections(base, lang, entry, possessive=True, full=entry.form(lang))
                for inflected in made:
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
    phrase: str, lang: str, entry: Entry, *, possessive: bool, full: str | None
) -> PhraseForms:
    """Every inflected form of one of an entry's names, with the cases it can show."""
    person = entry.kind == "person"
    return inflections(
        phrase, lang, person=person, possessive=possessive, full=full if person else None
    )


def _is_brand(entry: Entry, form: _Form) -> bool:
    """An organisation's name can be a brand ("МАЗ-203"); so can a place's name in capitals
    ("BELARUS 820" tractors)."""
    return entry.kind == "organisation" or (entry.kind == "place" and form.shouted)


def _letter_case(text: str) -> tuple[bool, ...]:
    return tuple(char.isupper() for char in text if char.isalpha())


_EVERY_CASE: frozenset[Case | None] = frozenset({None, *CASES}) - {"poss"}

_LATIN_SCRIPT = frozenset({"de", "en", "fr", "es", "it", "pl", "lt", "lv", "et", "tr", "uz", "nl"})


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)
