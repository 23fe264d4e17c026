"""The entities stage: dates, amounts and numbers found in a Doc, longest first.

Every finder (:mod:`.dates`, :mod:`.money`, :mod:`.numbers`) proposes candidates; among
overlapping ones the longest wins (then dates before money before numbers), and what depends
on the article is settled last: the years a date leaves out, the currency of a "Br" or a bare
"Rubel".
"""

from __future__ import annotations

import bisect
from datetime import date
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

__all__ = ["EntityRecogniser", "recogniser"]

_PRIORITY: dict[SpanKind, int] = {"date": 0, "money": 1, "number": 2}


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

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc.text, doc.article_date)
        spans = [
            Span(f.start, f.end, f.kind, doc.text[f.start : f.end], f.value)
            for f in found
            if f.value is not None and doc.is_free(f.start, f.end)
        ]
        return doc.with_spans(spans)

    def find(
        self, text: str, article_date: date | None = None, *, dates_only: bool = False
    ) -> list[Found]:
        """Every entity in the text, longest first among overlapping candidates."""
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
        return settle_currencies(settle_years(chosen, article_date), article_date, text, grammar)


@cache
def recogniser(lang: str) -> EntityRecogniser:
    """The recogniser for a language or locale, built once per process (it holds no state but
    compiled patterns). Raises ConfigError for a locale CLDR does not know."""
    return EntityRecogniser(lang)
