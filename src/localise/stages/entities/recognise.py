"""The entities stage: dates, amounts and numbers found in a Doc, longest first.

Every finder (:mod:`.dates`, :mod:`.money`, :mod:`.numbers`) proposes candidates; among
overlapping ones the longest wins (then dates before money before numbers), and what depends
on the article is settled last: the years a date leaves out, the currency of a "Br" or a bare
"Rubel".

Figures are read exactly, however many digits they have (Decimal arithmetic with enough
precision for the text), and a value no news fact has is no fact localise reads: a number
with more than :data:`MAX_FIGURE_DIGITS` significant digits, or of :data:`MAX_FIGURE_DIGITS`
+ 12 digits or more before the point, is left to the engine as text, so no renderer, report
or check meets a figure it cannot write (JSON cannot hold an integer of 4300 digits).
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from decimal import Decimal, localcontext
from functools import cache

from ...doc import Doc, Span, SpanKind
from ...locales import parse_locale
from .dates import find_dates, settle_years
from .grammar import Grammar
from .lexicon import Lexicon
from .money import find_money, settle_currencies
from .numbers import find_numbers
from .periods import PeriodGrammar, find_periods
from .scan import Found, anchors_of
from .values import MoneyValue, NumberValue

__all__ = ["EntityRecogniser", "recogniser"]

_PRIORITY: dict[SpanKind, int] = {"date": 0, "money": 1, "number": 2}
#: The most significant digits a figure may have (Decimal's default precision); see the notes.
MAX_FIGURE_DIGITS = 28
_DIGIT_RUN = re.compile(r"\d+")


class EntityRecogniser:
    """The stage that adds date, money and number spans: configure once, call per Doc.

    ``lang`` is a language ("de", "en", "ru", or any language CLDR knows, with the CLDR
    vocabulary only) or a locale ("de-CH") whose number symbols are then read too; with
    ``numbers``, digits are read with that locale's separators instead; ``loose`` reads a
    counted multiplier without its context ("13 times"). Building one takes a while (de
    about 0.3 s); :func:`recogniser` keeps one per language.
    """

    def __init__(self, lang: str, *, numbers: str | None = None, loose: bool = False) -> None:
        self.locale = parse_locale(lang)
        self.lang = str(self.locale.language)
        numeric = parse_locale(numbers) if numbers is not None else None
        self.lexicon = Lexicon.build(self.locale, numeric)
        self.grammar = Grammar.build(self.lexicon, loose=loose)
        self.periods = PeriodGrammar.build(self.lexicon)

    def __repr__(self) -> str:
        return f"EntityRecogniser({self.locale!s})"

    def __call__(self, doc: Doc, *, context: str | None = None) -> Doc:
        """The doc with its entities added; ``context`` is the whole text ``doc`` is part of,
        whose mentions settle a bare currency word ("2 roubles" in a sentence of an article
        about Minsk)."""
        found = self.find(doc.text, doc.article_date, context=context)
        taken = doc.spans  # sorted, never overlapping: one bisection tells what is free
        starts = [span.start for span in taken]

        def free(start: int, end: int) -> bool:
            last = bisect.bisect_left(starts, end) - 1
            return last < 0 or taken[last].end <= start

        spans = [
            Span(f.start, f.end, f.kind, doc.text[f.start : f.end], f.value)
            for f in found
            if f.value is not None and free(f.start, f.end)
        ]
        return doc.with_spans(spans)

    def find(
        self,
        text: str,
        article_date: date | None = None,
        *,
        dates_only: bool = False,
        context: str | None = None,
    ) -> list[Found]:
        """Every entity in the text, longest first among overlapping candidates (``context``:
        see :meth:`__call__`)."""
        with localcontext() as decimals:
            # Exact: no figure of the text (times a scale word) is rounded.
            digits = sum(len(run) for run in _DIGIT_RUN.findall(text))
            decimals.prec = max(decimals.prec, digits + 40)
            found = self._find(text, article_date, dates_only=dates_only, context=context)
            return [f for f in found if _readable(f.value)]

    def _find(
        self, text: str, article_date: date | None, *, dates_only: bool, context: str | None
    ) -> list[Found]:
        lexicon, grammar = self.lexicon, self.grammar
        anchors = anchors_of(text, grammar.month_anchor)
        candidates = [*find_dates(text, anchors, grammar, lexicon)]
        if self.periods is not None:
            candidates += find_periods(text, self.periods, lexicon, anchors.digit)
        if not dates_only:
            candidates += [
                *find_money(text, anchors, grammar, lexicon),
                *find_numbers(text, anchors, grammar, lexicon),
            ]
        candidates.sort(key=lambda f: (f.start - f.end, _PRIORITY[f.kind], f.start))
        starts: list[int] = []  # chosen spans, kept sorted by start, never overlapping
        chosen: list[Found] = []
        for cand in candidates:
            i = bisect.bisect_left(starts, cand.start)
            if i < len(chosen) and chosen[i].start < cand.end:
                continue
            if i > 0 and chosen[i - 1].end > cand.start:
                continue
            starts.insert(i, cand.start)
            chosen.insert(i, cand)
        dated = settle_years(chosen, article_date, text, grammar.this_year)
        return settle_currencies(dated, article_date, text, grammar, cues_in=context)


def _readable(value: object) -> bool:
    """False for an amount or number with a figure no news fact has (see the notes); in a
    context precise enough for its figures."""
    if isinstance(value, MoneyValue):
        figures: tuple[Decimal, ...] = value.amounts
    elif isinstance(value, NumberValue):
        figures = value.values
    else:
        return True
    return all(
        figure.adjusted() < MAX_FIGURE_DIGITS + 12
        and len(figure.normalize().as_tuple().digits) <= MAX_FIGURE_DIGITS
        for figure in figures
    )


@cache
def recogniser(lang: str) -> EntityRecogniser:
    """The recogniser for a language or locale, built once per process (it holds no state but
    compiled patterns). Raises ConfigError for a locale CLDR does not know."""
    return EntityRecogniser(lang)
