"""Facts through translation: find the source's facts in a translation, fix only wrong ones.

One implementation serves an engine's output (``translate``) and any translation
(``localise check``). The translation is trusted: its facts are found with the target
language's recogniser and matched to the source's by value, so a correct expression stays
exactly as written — its case, prepositions, range form, scale words and style ("в январе 2019
года", "$1.1 billion to $1.2 billion", "from January to September 2022"). Only what is wrong
is changed, and every change is reported:

==================  ==========================================================================
found               what localise does
==================  ==========================================================================
same value          nothing (``kept``); a number written with another locale's digits
                    ("1,1 billion" in English) has only its digits rewritten
source expression   the engine left the fact untranslated ("14. Januar" in English): the
                    rendering replaces it (``rendered``)
another value       the value inside the translation's own phrase is put right — the digits, the
                    scale word, the day, month or year — where that is safe, else the fact is
                    reported (``repaired`` / ``differs``)
nothing             reported: the fact is ``missing``
a figure only the   reported: it has no counterpart in the source
translation has
==================  ==========================================================================

Names: the target name, or any correct inflected form of it (a Russian case, a German
genitive, a possessive), is kept; the source spelling, another language's spelling or a
misspelling one or two letters off is replaced by the glossary's form. Comparison ignores what
a tokenizer normalises (NFKC, no-break and thin spaces), so invisible differences are neither
repaired nor missing.
"""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Literal

from ..config import Style
from ..doc import Doc, Span
from ..locales import parse_locale
from .entities import DateValue, EntityRecogniser, MoneyValue, NumberValue, recogniser
from .entities.lexicon import Lexicon, to_decimal
from .glossary import GlossaryValue
from .literals import find_literals
from .protect import apply_edits, fitted
from .render import EntityRenderer, number_text

__all__ = ["Check", "Checked", "FactChecker", "Finding", "Mode", "Severity", "Status"]

Severity = Literal["error", "warning", "info"]
#: ``engine``: the output of localise's own engine call; ``check``: any translation.
Mode = Literal["engine", "check"]
Status = Literal["kept", "rendered", "repaired", "differs", "missing"]

#: How serious each kind of finding is, for an engine's output and for a checked translation.
#: An engine's slips that localise put right need no look; a human translation's are errors.
SEVERITY: dict[str, tuple[Severity, Severity]] = {
    "untranslated": ("info", "warning"),
    "number-format": ("info", "warning"),
    "name-spelling": ("info", "error"),
    "name-misspelt": ("info", "error"),
    "name-missing": ("warning", "info"),
    "markup-missing": ("warning", "warning"),
    "literal-missing": ("warning", "warning"),
    "value-differs": ("warning", "error"),
    "missing": ("warning", "error"),
    "extra-figure": ("warning", "warning"),
    "figure-differs": ("warning", "warning"),
}


@dataclass(frozen=True)
class Check:
    """What became of one source fact in the translation.

    ``found`` is what the translation said where it differed from what localise wrote;
    ``written`` what localise wrote instead (None when it changed nothing).
    """

    span: Span
    status: Status
    found: str | None = None
    written: str | None = None


@dataclass(frozen=True)
class Finding:
    """Something in a translation for an editor: where, what the source says, what the
    translation says, and what localise did. Offsets are into the checked text as it was."""

    severity: Severity
    kind: str
    source: str
    found: str
    start: int
    end: int
    written: str | None = None
    span: Span | None = None
    #: The sentence (or paragraph) of the translation the finding is in, as it was.
    sentence: str = ""
    #: The source sentence of the fact, for a fact the translation does not show.
    source_sentence: str = ""

    @property
    def action(self) -> str:
        return "repaired" if self.written is not None else "none"

    def message(self) -> str:
        """One line for a human: what the source said, what the translation says, what
        localise did (plain text, no escapes)."""
        said = _KIND_TEXT.get(self.kind, self.kind)
        source = f"source: {_plain(self.source)}" if self.source else ""
        found = f"translation: {_plain(self.found)}" if self.found else "translation: (nothing)"
        done = f"localise wrote: {_plain(self.written)}" if self.written is not None else ""
        return "; ".join(p for p in (said, source, found, done) if p)


_KIND_TEXT = {
    "untranslated": "left in the source language",
    "number-format": "digits written for another locale",
    "name-spelling": "name in another spelling than the glossary's",
    "name-misspelt": "name misspelt",
    "name-missing": "name not found",
    "markup-missing": "markup lost",
    "literal-missing": "a number to keep as written is lost (phone, address, document number)",
    "value-differs": "value differs from the source",
    "missing": "fact missing",
    "extra-figure": "figure not in the source",
    "figure-differs": "figure differs from the source",
}


@dataclass(frozen=True)
class Checked:
    """A translation with the safe repairs made (``edits``: start, end, new text, into the
    text as it was), and what was found."""

    text: str
    checks: tuple[Check, ...]
    findings: tuple[Finding, ...]
    edits: tuple[tuple[int, int, str], ...] = ()


@dataclass
class _Work:
    text: str
    mode: Mode
    context: str = ""
    claimed: list[tuple[int, int]] = field(default_factory=list)
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def claim(self, start: int, end: int) -> None:
        self.claimed.append((start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in self.claimed)

    def find(
        self, kind: str, span: Span | None, start: int, end: int, written: str | None = None
    ) -> None:
        severity = SEVERITY[kind][0 if self.mode == "engine" else 1]
        source = span.text if span is not None else ""
        found = self.text[start:end]
        self.findings.append(Finding(severity, kind, source, found, start, end, written, span))

    def edit(self, start: int, end: int, written: str) -> str:
        """Replace ``text[start:end]``, keeping the sentence's punctuation intact: a full stop
        that ended both an abbreviation and the sentence stays; none is doubled."""
        written = fitted(self.text, start, end, written)
        self.edits.append((start, end, written))
        self.claim(start, end)
        return written


class FactChecker:
    """Checks translations into ``target`` of text in ``source_lang``; configure once."""

    def __init__(self, target: str, source_lang: str, style: Style | None = None) -> None:
        self.target = target
        self.locale = parse_locale(target)
        self.lang = str(self.locale.language)
        self.source_lang = source_lang
        self.renderer = EntityRenderer(target, style)
        self._lenient: list[EntityRecogniser] = []

    @property
    def recogniser(self) -> EntityRecogniser:
        return recogniser(self.target)

    @property
    def lenient(self) -> list[EntityRecogniser]:
        """Second readings of the translation for a source fact not found: the target's words
        without the context a shape needs ("13 times" after "and"), and with the source's
        digits ("1,1 billion" in English from a German text)."""
        if not self._lenient:
            self._lenient = [
                EntityRecogniser(self.target, loose=True),
                EntityRecogniser(self.target, numbers=self.source_lang, loose=True),
            ]
        return self._lenient

    def check(
        self,
        text: str,
        spans: Sequence[Span],
        *,
        article_date: date | None,
        mode: Mode,
        context: str = "",
    ) -> Checked:
        """The facts of ``spans`` (source spans with renderings) in ``text``, a translation.

        ``context`` is the whole translation ``text`` is part of: a repair writes a currency
        the way the translation writes it elsewhere ("Millionen Dollar", "Br").
        """
        work = _Work(text, mode, context or text)
        for start, end in find_literals(text):
            if not any(s.kind == "literal" and s.text == text[start:end] for s in spans):
                work.claim(start, end)  # "No. 12.345" is no figure to check
        for span in spans:
            if span.kind in ("markup", "literal"):
                self._markup(work, span)
        for span in spans:
            if span.kind == "name":
                self._name(work, span)
        facts = [s for s in spans if s.kind in ("date", "money", "number")]
        self._facts(work, facts, article_date)
        edits = tuple(sorted(work.edits))
        return Checked(
            apply_edits(text, work.edits), tuple(work.checks), tuple(work.findings), edits
        )

    # -- markup and names ------------------------------------------------------------------

    def _markup(self, work: _Work, span: Span) -> None:
        hit = _search(work, span.text)
        if hit is None:
            work.checks.append(Check(span, "missing"))
            work.find(f"{span.kind}-missing", span, 0, 0)
            return
        work.claim(*hit)
        work.checks.append(Check(span, "kept"))

    def _name(self, work: _Work, span: Span) -> None:
        rendering = span.rendering or span.text
        value = span.value
        accepted = [rendering]
        if isinstance(value, GlossaryValue):
            accepted += [f for f in value.target_forms if f]
        capitals = [form.upper() for form in accepted]  # a dateline's "MINSK"
        for form in sorted(dict.fromkeys([*accepted, *capitals]), key=len, reverse=True):
            hit = _search(work, form)
            if hit is not None:
                fuller = self._fuller(work, span, hit, form, accepted)
                if fuller is not None:
                    return
                work.claim(*hit)
                work.checks.append(Check(span, "kept"))
                return
        hit = _alternate(work, span)
        kind, form = "name-spelling", rendering
        if hit is not None:
            form = _counterpart(work.text[hit[0] : hit[1]], rendering, accepted)
        else:
            close = _misspelt(work, accepted)
            if close is not None:
                hit, kind, form = close[:2], "name-misspelt", close[2]
        if hit is None:
            work.checks.append(Check(span, "missing"))
            work.find("name-missing", span, 0, 0)
            return
        found = work.text[hit[0] : hit[1]]
        if form == rendering:
            form = self._name_in_context(value, rendering, work.text[: hit[0]])
        written = work.edit(*hit, _with_clitic(found, form))
        work.checks.append(Check(span, "repaired", found, written))
        work.find(kind, span, *hit, written)

    def _name_in_context(self, value: object, rendering: str, before: str) -> str:
        """The name in the case the preposition before it asks for (Russian "с Казахстаном")."""
        if self.lang != "ru" or not isinstance(value, GlossaryValue):
            return rendering
        words = re.findall(r"\w+", before[-16:].lower())
        case = _RU_CASE_AFTER.get(words[-1]) if words else None
        return (value.in_case(case) if case else None) or rendering

    def _fuller(
        self, work: _Work, span: Span, hit: tuple[int, int], form: str, accepted: list[str]
    ) -> tuple[int, int] | None:
        """A surname found whose first name before it is misspelt or in another spelling
        ("Alekssei Bogdanov", "Dmitri Krutoi" for "Dmitry Krutoi"): the whole name is put
        right. None when the words before the surname are no such first name."""
        longer = [f for f in accepted if f != form and f.endswith(" " + form)]
        if not longer:
            return None
        full = max(longer, key=len)
        first = full[: -len(form)].rstrip()
        words = list(_WORD.finditer(work.text[: hit[0]]))
        if len(words) < len(first.split()):
            return None
        before = words[-len(first.split()) :]
        start = before[0].start()
        if work.text[before[-1].end() : hit[0]].strip():
            return None
        written_first = work.text[start : before[-1].end()]
        if _same_text(written_first, first):
            return None
        spellings = [a[: -len(form)].rstrip() for a in span.alternates if a.endswith(" " + form)]
        wrong = any(_same_text(written_first, s) for s in spellings)
        if not wrong and _closeness(written_first, first) is None:
            return None
        found = work.text[start : hit[1]]
        written = work.edit(start, hit[1], full)
        work.checks.append(Check(span, "repaired", found, written))
        work.find("name-spelling" if wrong else "name-misspelt", span, start, hit[1], written)
        return start, hit[1]

    # -- dates, amounts, numbers -----------------------------------------------------------

    def _facts(self, work: _Work, spans: list[Span], article_date: date | None) -> None:
        found = [
            s
            for s in self.recogniser(
                Doc(work.text, article_date=article_date), context=work.context
            ).spans
            if work.free(s.start, s.end)
        ]
        unmatched = self._by_value(work, spans, found)
        unmatched = [s for s in unmatched if not self._untranslated(work, s)]
        for reading in self.lenient if unmatched else ():
            doc = reading(Doc(work.text, article_date=article_date), context=work.context)
            second = [s for s in doc.spans if work.free(s.start, s.end)]
            unmatched = [s for s in unmatched if not self._digits_only(work, s, reading, second)]
        rest = [s for s in found if work.free(s.start, s.end)]
        for span, target in _pairs(unmatched, rest):
            if target is None:
                work.checks.append(Check(span, "missing"))
                work.find("missing", span, 0, 0)
                continue
            written = self._repaired(work, span, target)
            if written is None:
                work.claim(target.start, target.end)
                work.checks.append(Check(span, "differs", target.text))
                work.find("value-differs", span, target.start, target.end)
            else:
                work.checks.append(Check(span, "repaired", target.text, written))
                work.find("value-differs", span, target.start, target.end, written)
        for target in rest:
            if work.free(target.start, target.end):
                work.claim(target.start, target.end)
                work.find("extra-figure", None, target.start, target.end)

    def _by_value(self, work: _Work, spans: list[Span], found: list[Span]) -> list[Span]:
        """Match each source fact to a translation fact with the same value, in text order
        where the two orders agree; a range may be written as its two ends."""
        unmatched = []
        last = -1
        for span in spans:
            same = [t for t in found if work.free(t.start, t.end) and same_fact(span, t)]
            if same:
                target = next((t for t in same if t.start > last), same[0])
                work.claim(target.start, target.end)
                last = target.start
                work.checks.append(Check(span, "kept"))
                continue
            ends = _range_as_two(work, span, found)
            if ends is not None:
                for target in ends:
                    work.claim(target.start, target.end)
                work.checks.append(Check(span, "kept"))
                continue
            if self._range_ends(work, span, found):
                continue
            unmatched.append(span)
        return unmatched

    def _range_ends(self, work: _Work, span: Span, found: list[Span]) -> bool:
        """A range written as two amounts, one in another currency: that one is put right."""
        ends = _range_as_two(work, span, found, any_unit=True)
        value = span.value
        if ends is None or not isinstance(value, MoneyValue):
            return False
        for target, amount in zip(ends, value.amounts, strict=True):
            work.claim(target.start, target.end)
            if _unit_of(target.value) == _unit_of(value):
                continue
            single = replace(value, amounts=(amount,))
            fixed = _currency_in_phrase(
                single, target, self.recogniser, self.renderer, work.context
            )
            written = work.edit(target.start, target.end, fixed) if fixed else None
            work.find("value-differs", span, target.start, target.end, written)
        work.checks.append(Check(span, "repaired"))
        return True

    def _untranslated(self, work: _Work, span: Span) -> bool:
        """The source's expression copied through: the rendering replaces it."""
        hit = _search(work, span.text)
        if hit is None or span.rendering is None:
            return False
        found = work.text[hit[0] : hit[1]]
        if _same_text(found, span.rendering):
            work.claim(*hit)
            work.checks.append(Check(span, "kept"))
            return True
        rendering = self.renderer.in_context(span.value, span.rendering, work.text[: hit[0]])
        written = work.edit(*hit, rendering)
        work.checks.append(Check(span, "rendered", found, written))
        work.find("untranslated", span, *hit, written)
        return True

    def _digits_only(
        self, work: _Work, span: Span, reading: EntityRecogniser, found: list[Span]
    ) -> bool:
        """The fact in a second reading: as written when its digits are the target's, else
        with the digits alone rewritten."""
        target = next((t for t in found if work.free(t.start, t.end) and same_fact(span, t)), None)
        if target is None:
            return False
        written = _redigit(target.text, reading.lexicon, self.locale)
        if written == target.text:
            work.claim(target.start, target.end)
            work.checks.append(Check(span, "kept"))
            return True
        written = work.edit(target.start, target.end, written)
        work.checks.append(Check(span, "repaired", target.text, written))
        work.find("number-format", span, target.start, target.end, written)
        return True

    def _repaired(self, work: _Work, span: Span, target: Span) -> str | None:
        """The translation's phrase with the source's value put in, where that is safe."""
        fixed = _in_phrase(span.value, target, self.recogniser, self.renderer, work.context)
        if fixed is None:
            return None
        return work.edit(target.start, target.end, fixed)


def same_fact(source: Span, target: Span) -> bool:
    """True when two spans state the same fact: the same value, whatever the wording."""
    a, b = source.value, target.value
    if isinstance(a, MoneyValue | NumberValue) and _sign_in_words(a, target):
        a = _negated(a)  # "-2,1 %" -> "fell by 2.1%"
    if isinstance(a, NumberValue) and isinstance(b, NumberValue):
        return a == b
    if isinstance(a, MoneyValue) and isinstance(b, MoneyValue):
        # "3 Cent" (a euro's, as German reads it) and "3 cents" (a dollar's, as English
        # does): the shared word says no more than the source did.
        shared = (a.currency_shared or b.currency_shared) and any(a.minor) and any(b.minor)
        return a.amounts == b.amounts and (shared or _same_currency(a.currency, b.currency))
    # An amount whose currency one side leaves implied and the other reads as a bare
    # figure ("to 833 million over the year" has a word after it that may be a unit).
    if isinstance(a, MoneyValue) and isinstance(b, NumberValue):
        return a.currency_implied and b.unit is None and a.amounts == b.values
    if isinstance(a, NumberValue) and isinstance(b, MoneyValue):
        return b.currency_implied and a.unit is None and a.values == b.amounts
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return a == b or _same_day_without_year(a, b)
    return False


def _sign_in_words(value: MoneyValue | NumberValue, target: Span) -> bool:
    """A negative source figure that the translation writes as a positive one with no sign:
    the sign is in its words ("-2,1 %" -> "fell by 2.1%"), not a wrong value."""
    first = _amounts(value)[:1]
    written = _amounts(target.value)[:1]
    return (
        bool(first and written)
        and first[0] < 0
        and written[0] == -first[0]
        and target.text[:1] not in "-−+"
    )


def _negated(value: MoneyValue | NumberValue) -> MoneyValue | NumberValue:
    if isinstance(value, MoneyValue):
        return replace(value, amounts=(-value.amounts[0], *value.amounts[1:]))
    return replace(value, values=(-value.values[0], *value.values[1:]))


#: One territory's currencies before and after a redenomination: "Belarusian roubles" name
#: both, and which one a side means depends on a date it may not know (see
#: :data:`~localise.stages.entities.extras.TERRITORIAL_NAMES`).
_DENOMINATIONS = (frozenset({"BYR", "BYN"}),)


def _same_currency(a: str, b: str) -> bool:
    return a == b or any(a in pair and b in pair for pair in _DENOMINATIONS)


def _same_day_without_year(a: DateValue, b: DateValue) -> bool:
    # A side that does not know the year (no article date, a range whose year stood in an
    # earlier paragraph): the days and months decide.
    if a.year is not None and b.year is not None:
        return False
    return _yearless(a) == _yearless(b)


def _yearless(value: DateValue) -> DateValue:
    until = _yearless(value.until) if value.until is not None else None
    return replace(value, year=None, until=until)


def _range_as_two(
    work: _Work, span: Span, found: list[Span], *, any_unit: bool = False
) -> tuple[Span, Span] | None:
    """Two neighbouring facts that are the ends of the source's range ("$1.1 billion and
    $1.2 billion"); with ``any_unit``, whatever their currency."""
    value = span.value
    if not isinstance(value, MoneyValue | NumberValue) or len(_amounts(value)) != 2:
        return None
    free = [t for t in found if work.free(t.start, t.end)]
    for first, second in itertools.pairwise(free):
        ends = [_amounts(t.value) for t in (first, second)]
        if all(len(e) == 1 for e in ends) and [e[0] for e in ends] == list(_amounts(value)):
            kinds = [type(t.value) is type(value) for t in (first, second)]
            units = [_unit_of(t.value) == _unit_of(value) for t in (first, second)]
            if all(kinds) and (any_unit or all(units)):
                return first, second
    return None


def _amounts(value: object) -> tuple[Decimal, ...]:
    if isinstance(value, MoneyValue):
        return value.amounts
    if isinstance(value, NumberValue):
        return value.values
    return ()


def _unit_of(value: object) -> str | None:
    if isinstance(value, MoneyValue):
        return "BYN" if value.currency == "BYR" else value.currency
    if isinstance(value, NumberValue):
        return value.unit
    return None


def _pairs(spans: list[Span], found: list[Span]) -> list[tuple[Span, Span | None]]:
    """Each unmatched source fact with the unmatched translation fact of its kind that stands
    in the same place of the order (a changed value), or None (a missing fact)."""
    pairs: list[tuple[Span, Span | None]] = []
    used: set[int] = set()
    for span in spans:
        candidates = [(i, t) for i, t in enumerate(found) if i not in used and _comparable(span, t)]
        if not candidates:
            pairs.append((span, None))
            continue
        i, target = candidates[0]
        used.add(i)
        pairs.append((span, target))
    return pairs


def _comparable(source: Span, target: Span) -> bool:
    a, b = source.value, target.value
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        same_shape = (a.month is None, a.until is None) == (b.month is None, b.until is None)
        # A quarter is comparable with another quarter, not with a year ("in 2024" for "im
        # ersten Quartal 2024" is the quarter missing, not a wrong value).
        return same_shape and (a.part or "")[:1] == (b.part or "")[:1]
    if isinstance(a, MoneyValue) and isinstance(b, MoneyValue):
        return len(a.amounts) == len(b.amounts)
    if isinstance(a, NumberValue) and isinstance(b, NumberValue):
        return a.unit == b.unit and len(a.values) == len(b.values)
    return False


# -- repairs inside the translation's phrase ---------------------------------------------

_NUMBER_TOKEN = re.compile(r"\d[\d\s\u00a0\u202f.,'’]*\d|\d")


def _redigit(text: str, source: Lexicon, locale: object) -> str:
    """Every number token of ``text`` read with the source's separators, written with the
    target's, keeping its decimals."""

    def rewritten(match: re.Match[str]) -> str:
        token = match.group().rstrip(" \u00a0\u202f")
        trailing = match.group()[len(token) :]
        try:
            number = to_decimal(token, source)
        except InvalidOperation:
            return match.group()
        return number_text(number, locale) + trailing  # type: ignore[arg-type]

    return _NUMBER_TOKEN.sub(rewritten, text)


def _in_phrase(
    value: object,
    target: Span,
    found: EntityRecogniser,
    renderer: EntityRenderer,
    context: str = "",
) -> str | None:
    """The target expression with the right value in the translation's own words, or None."""
    if isinstance(value, DateValue) and isinstance(target.value, DateValue):
        return _date_in_phrase(value, target, found.lexicon, renderer)
    other = target.value
    if (
        isinstance(value, MoneyValue)
        and isinstance(other, MoneyValue)
        and any(value.minor) != any(other.minor)
    ):
        # "65 roubles" for "65 копеек": the unit's word is wrong too, so the amount is
        # written whole, as the locale writes it ("65 kopecks").
        return renderer.render(value) if not value.is_range else None
    if (
        isinstance(value, MoneyValue)
        and isinstance(other, MoneyValue)
        and not _same_currency(value.currency, other.currency)
    ):
        recurrenced = _currency_in_phrase(value, target, found, renderer, context)
        if recurrenced is None:
            return None
        target = replace(
            target,
            end=target.start + len(recurrenced),
            text=recurrenced,
            value=replace(other, currency=value.currency),
        )
        fixed = _amount_in_phrase(value, target, found, renderer)
        return fixed if fixed is not None else recurrenced
    if isinstance(value, MoneyValue | NumberValue):
        return _amount_in_phrase(value, target, found, renderer)
    return None


def _currency_in_phrase(
    value: MoneyValue,
    target: Span,
    found: EntityRecogniser,
    renderer: EntityRenderer,
    context: str,
) -> str | None:
    """The expression with its currency put right, written as the translation writes that
    currency elsewhere, else as localise would ("€15 million" → "$15 million")."""
    token = _currency_token(target.text, found)
    if token is None:
        return None
    start, end, symbolic = token
    replacing = target.text[start:end]
    wanted = _currency_spelling(value.currency, symbolic, found, context, replacing)
    if wanted is None:
        wanted = renderer.currency(value.currency, symbolic=symbolic, count=value.amounts[-1])
    if wanted is None:
        return None
    return target.text[:start] + wanted + target.text[end:]


def _currency_token(text: str, found: EntityRecogniser) -> tuple[int, int, bool] | None:
    """Where the currency is in an amount's text, and whether it is a symbol or a code."""
    symbol = found.grammar.symbol.search(text)
    if symbol is not None:
        return symbol.start(), symbol.end(), True
    code = re.search(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])", text)
    if code is not None and code.group() in found.lexicon.codes:
        return code.start(), code.end(), True
    last = 0
    for match in found.grammar.piece.finditer(text):
        last = match.end()
    words = re.search(r"[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)*\s*$", text[last:])
    if words is None:
        return None
    return last + words.start(), len(text.rstrip()), False


def _currency_spelling(
    code: str, symbolic: bool, found: EntityRecogniser, context: str, replacing: str
) -> str | None:
    """How the translation writes ``code`` in another amount, as a symbol or as words (as
    many words as ``replacing`` has, where it can: "Dollar" for "Euro")."""
    if not context:
        return None
    spellings = []
    for span in found(Doc(context)).spans:
        if isinstance(span.value, MoneyValue) and _same_currency(span.value.currency, code):
            token = _currency_token(span.text, found)
            if token is not None and token[2] == symbolic:
                spellings.append(span.text[token[0] : token[1]])
    same = [w for w in spellings if len(w.split()) == len(replacing.split())]
    chosen = same or spellings
    return chosen[0] if chosen else None


def _amount_in_phrase(
    value: MoneyValue | NumberValue, target: Span, found: EntityRecogniser, renderer: EntityRenderer
) -> str | None:
    if _unit_of(value) != _unit_of(target.value):
        return None  # another currency: no safe edit inside the phrase
    text = target.text
    numbers = _number_tokens(text, found)
    truth = _amounts(value)
    other = target.value
    hundredths = isinstance(other, MoneyValue) and any(other.minor)
    if isinstance(value, MoneyValue) and isinstance(other, MoneyValue) and hundredths:
        # The translation counts hundredths ("0.65 kopecks" for 65 копеек): so do its digits.
        truth = tuple(t.scaleb(2) if m else t for t, m in zip(truth, other.minor, strict=False))
    if len(numbers) != len(truth):
        return None
    scales = _scale_tokens(text, found.lexicon)
    edits: list[tuple[int, int, str]] = []
    for (start, end, shown), right in zip(numbers, truth, strict=True):
        scale = next((factor for s, _, _, factor in scales if s >= end), 1)
        if shown * scale == right:
            continue
        word = next(((s, e) for s, e, _, _ in scales if s >= end), None)
        # The digits right and the scale word wrong ("1.1 million" for 1.1 billion, "321 млн"
        # for 321 thousand): the scale word alone is put right.
        factor = next((f for f in _FACTORS if shown * f == right), None)
        if word is not None and factor is not None:
            like = text[word[0] : word[1]]
            edits.append((*word, renderer.scale_word(factor, shown, like=like)))
        elif not hundredths and (
            (right / scale) == (right / scale).to_integral_value() or scale == 1
        ):
            digits = number_text(_with_exponent(right / scale, shown), renderer.locale)
            edits.append((start, end, digits))
        else:
            digits = number_text(right / scale, renderer.locale)
            edits.append((start, end, digits))
    return apply_edits(text, edits) if edits else None


_FACTORS = (10**3, 10**6, 10**9, 10**12)


def _with_exponent(number: Decimal, like: Decimal) -> Decimal:
    """``number`` with as many decimals as ``like`` was written with, when that loses nothing."""
    exponent = like.as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        quantized = number.quantize(Decimal(1).scaleb(exponent))
        if quantized == number:
            return quantized
    return number


def _number_tokens(text: str, found: EntityRecogniser) -> list[tuple[int, int, Decimal]]:
    tokens = []
    for match in found.grammar.number.finditer(text):
        try:
            tokens.append((match.start(), match.end(), to_decimal(match.group(), found.lexicon)))
        except InvalidOperation:
            continue
    return tokens


def _scale_tokens(text: str, lexicon: Lexicon) -> list[tuple[int, int, str, int]]:
    words = sorted(lexicon.scales, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    return [
        (m.start(), m.end(), m.group(), lexicon.scales[m.group()]) for m in pattern.finditer(text)
    ]


def _date_in_phrase(
    value: DateValue, target: Span, lexicon: Lexicon, renderer: EntityRenderer
) -> str | None:
    wrong = target.value
    assert isinstance(wrong, DateValue)
    if value.part != wrong.part:
        return None  # "the second quarter" for "the first": an ordinal word is no digit to fix
    text = target.text
    edits: list[tuple[int, int, str]] = []
    pairs = [(value, wrong)]
    if value.until is not None and wrong.until is not None:
        pairs.append((value.until, wrong.until))
    years = [m for m in re.finditer(r"(?<!\d)(?:19|20|21)\d\d(?!\d)", text)]
    days = [
        m
        for m in re.finditer(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)", text)
        if not _inside(m, years)
    ]
    months = [
        m
        for m in re.finditer(r"[^\W\d_]+\.?", text)
        if m.group().rstrip(".") in lexicon.months or m.group() in lexicon.months
    ]
    for index, (right, written) in enumerate(pairs):
        # A year neither side wrote is the article's: what differs is the day or month.
        year_written = not wrong.year_implied
        if (
            year_written
            and right.year is not None
            and written.year is not None
            and right.year != written.year
        ):
            token = _nth(years, index, len(pairs))
            if token is None:
                return None
            edits.append((token.start(), token.end(), str(right.year)))
        if right.day is not None and written.day is not None and right.day != written.day:
            token = _nth(days, index, len(pairs))
            if token is None:
                return None
            edits.append((token.start(), token.end(), str(right.day)))
        if right.month is not None and written.month is not None and right.month != written.month:
            token = _nth(months, index, len(pairs))
            if token is None:
                return None
            word = renderer.month_like(token.group(), right.month)
            if word is None:
                return None
            edits.append((token.start(), token.end(), word))
        if right.time != written.time and right.time and written.time:
            return None
    if not edits:
        return None
    return apply_edits(text, sorted(set(edits)))


def _inside(match: re.Match[str], others: list[re.Match[str]]) -> bool:
    return any(o.start() <= match.start() and match.end() <= o.end() for o in others)


def _nth(tokens: list[re.Match[str]], index: int, count: int) -> re.Match[str] | None:
    if len(tokens) == count:
        return tokens[index]
    if len(tokens) == 1:
        return tokens[0]
    return None


# -- searching ---------------------------------------------------------------------------


def _search(work: _Work, needle: str) -> tuple[int, int] | None:
    """The first unclaimed whole-word occurrence of ``needle`` in the text, compared as a
    tokenizer sees them (NFKC, any space for any space, any apostrophe for any)."""
    if not needle.strip():
        return None
    pattern = _loose(needle)
    for match in pattern.finditer(work.text):
        if work.free(match.start(), match.end()):
            return match.start(), match.end()
    return None


_SPACES = "[\\s\u00a0\u2009\u202f\u2007]"
_APOSTROPHE = "['’ʼ`]"


def _loose(needle: str) -> re.Pattern[str]:
    text = unicodedata.normalize("NFKC", needle)
    parts = []
    for char in text:
        if char.isspace():
            parts.append(_SPACES + "+")
        elif char in "'’ʼ`":
            parts.append(_APOSTROPHE)
        elif char in "-–—":
            parts.append("[-–—]")
        else:
            parts.append(re.escape(char))
    before = r"(?<!\w)" if text[:1].isalnum() else ""
    after = r"(?!\w)" if text[-1:].isalnum() else ""
    return re.compile(
        before + "".join(parts).replace(f"{_SPACES}+{_SPACES}+", f"{_SPACES}+") + after
    )


def _same_text(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(_SPACES + "+", " ", text)
    return re.sub(_APOSTROPHE, "'", text)


def _alternate(work: _Work, span: Span) -> tuple[int, int] | None:
    for alternate in sorted({span.text, *span.alternates}, key=len, reverse=True):
        if alternate == span.rendering:
            continue
        hit = _search(work, alternate)
        if hit is not None:
            return hit
    return None


_WORD = re.compile(r"[^\W\d_][\w'’]*")
#: The case a Russian preposition asks of the name after it.
_RU_CASE_AFTER = {
    **dict.fromkeys(("с", "со", "между", "над", "под", "перед"), "ins"),
    **dict.fromkeys(("в", "во", "о", "об", "обо", "при"), "prep"),
    **dict.fromkeys(("из", "от", "до", "для", "у", "без", "около", "после", "против"), "gen"),
    **dict.fromkeys(("к", "ко", "по"), "dat"),
}


def _misspelt(work: _Work, forms: list[str]) -> tuple[int, int, str] | None:
    """A word (or words) a letter or two off one of the name's forms: "Lukashenkko"; and
    that form — the nearest one, the plain form where two are as near ("Belaruss" is a
    misspelt "Belarus", not "Belarus'")."""
    words = list(_WORD.finditer(work.text))
    best: tuple[int, int, int, int, str] | None = None
    for rank, form in enumerate(dict.fromkeys(forms)):
        size = len(form.split())
        for i in range(len(words) - size + 1):
            start, end = words[i].start(), words[i + size - 1].end()
            candidate = work.text[start:end]
            if not work.free(start, end) or candidate[:1].casefold() != form[:1].casefold():
                continue
            if _derived(candidate, forms):
                continue
            distance = _closeness(candidate, form)
            if distance is not None and (best is None or (distance, rank, start) < best[:3]):
                best = (distance, rank, start, end, form)
    return None if best is None else (best[2], best[3], best[4])


def _counterpart(found: str, rendering: str, forms: list[str]) -> str:
    """The target form to write for another spelling: as many words as the translation wrote
    ("Lukashenko" for "Lukaschenko", not "A. Lukashenko")."""
    size = len(found.split())
    if len(rendering.split()) == size:
        return rendering
    same = [f for f in forms if len(f.split()) == size and not re.search("['’]", f)]
    return min(same, key=len) if same else rendering


def _derived(candidate: str, forms: list[str]) -> bool:
    """A word made from the name ("Минская" of "Минск", "Minsker"), or the name in other
    capitals: no misspelling."""
    word = _folded(candidate).casefold()
    for form in forms:
        stem = _folded(form).casefold()
        # The last letter doubled ("Belaruss") is a typo, not a word made from the name.
        if word.startswith(stem) and word != stem + stem[-1:]:
            return True
    return False


def _closeness(candidate: str, form: str) -> int | None:
    """How many letters ``candidate`` is off ``form``, if it is near enough to be a misspelling."""
    a, b = _folded(candidate).casefold(), _folded(form).casefold()
    if a == b or abs(len(a) - len(b)) > 2:
        return None
    if len(b) < 5:
        # A short name is too near too many words, but an acronym's letters swapped is not.
        acronym = len(b) == 4 and candidate.isupper() and form.isupper()
        return 1 if acronym and _distance(a, b, 1) <= 1 else None
    allowed = 1 if len(b) <= 6 else 2
    distance = _distance(a, b, allowed)
    return distance if distance <= allowed else None


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two letters is one edit), capped."""
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if previous2 is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _with_clitic(found: str, rendering: str) -> str:
    """Keep a possessive the translation wrote after a name ("Lukaschenko's" → "Lukashenko's")."""
    clitic = re.search(r"['’]s?\Z", found)
    if clitic is None:
        return rendering
    # The translation's own apostrophe, whichever form of the name was nearest.
    return re.sub(r"['’]s?\Z", "", rendering) + clitic.group()


def _plain(text: str) -> str:
    """Text for a human's terminal: invisible spaces shown as spaces, no escapes."""
    return re.sub("[\u00a0\u2009\u202f\u2007]", " ", text)
