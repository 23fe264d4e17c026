"""Periods: quarters, half-years, a year's first months, the part of a month or year,
decades and fiscal years.

"im ersten Quartal 2024", "Q1 2019", "в I квартале 2024 года", "the first half of 2025",
"im 2. Halbjahr", "in den ersten neun Monaten 2025", "за 9 месяцев 2025 года", "Ende 2024",
"mid-2025", "в конце мая 2024 года", "in den 1990er Jahren", "the 1990s", "в 1990-е годы",
"FY2024", "Geschäftsjahr 2024". The words come from the supplement's
:class:`~.extras.Periods`; CLDR's own quarter names ("1. Quartal", "1st quarter", "1-й
квартал") are among them. Each shape starts at a period word (or, for a decade, at its
digits); the recogniser takes the longest candidate, so "Ende 2024" wins over "2024".

Values (:class:`~.values.DateValue`): a quarter or half-year is its year with ``part`` "Q1"
… "H2" (ISO-like ``2024-Q1``); a year's first months are a month range (``2025-01/2025-09``);
the part of a period is that period with ``part`` "start", "mid" or "end"; a decade is a year
range (``1990/1999``); a fiscal year is its year with ``part`` "fiscal". A quarter or half
without a year takes the article's (the nearest such period to the article date).

Not read as dates, by the corpus convention: the part of a bare month ("Ende Mai" — a month
without its year is not annotated either), periods with a relative year ("des laufenden
Jahres"), and a year's first months without the year ("за 9 месяцев", "the first three
months"), as often a duration.
"""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from .extras import Periods
from .grammar import Shape, _first_letter_either_case, alternation, year_pattern
from .lexicon import Lexicon
from .scan import Anchors, Found, scan
from .values import DateKind, DateValue

__all__ = ["PeriodGrammar", "find_periods"]

T = TypeVar("T")


@dataclass(frozen=True)
class PeriodGrammar:
    """The period shapes of one lexicon, and where in a text they may start."""

    periods: Periods
    anchor: re.Pattern[str]
    shapes: tuple[Shape, ...]

    @classmethod
    def build(cls, lx: Lexicon) -> PeriodGrammar | None:
        """The shapes for a lexicon whose language has periods in the supplement, else None."""
        periods = lx.extra.periods
        if periods is None:
            return None
        words = _first_letter_either_case
        ordinal = alternation(words(periods.ordinals))
        noun = alternation([*periods.quarter, *periods.half])
        year = year_pattern(lx, "y")
        of_words = alternation(periods.of)
        of = rf"(?:\s+{of_words})?"
        month = rf"(?<!\w)(?P<m>{alternation(lx.months)})(?!\w)"
        cardinal = rf"(?P<n>{alternation(words(periods.cardinals))}|\d{{1,2}})"
        months_noun = alternation(periods.months)
        lead = rf"{alternation(words([periods.months_lead]))}\s+" if periods.months_lead else ""
        months_year = rf"{of}\s+{year}"
        parts = alternation(words(periods.parts))
        fiscal = alternation(periods.fiscal)
        shapes = [
            Shape(
                "quarter",
                re.compile(
                    rf"(?<!\w)(?P<o>{ordinal})(?!\w)[\s-]*(?P<q>{noun})(?!\w)(?:{of}\s+{year})?"
                ),
                anchor="word",
            ),
            # "Q1 2019", "Q1/2019", "H1 2025", "Q3'24": a code alone ("Q7", "H2") is too often
            # a model or a formula, so the year is required.
            Shape(
                "quarter_code",
                re.compile(
                    r"(?<![\w/])(?P<c>[QH])(?P<cn>[1-4])(?:\s*/\s*|\s+|-)?"
                    r"(?:(?P<y>(?:19|20)\d\d)(?!\d)|'(?P<yy>\d\d)(?!\d))"
                ),
                anchor="word",
            ),
            Shape(
                "first_months",
                re.compile(rf"(?<!\w){lead}{cardinal}\s+(?:{months_noun})(?!\w){months_year}"),
                anchor="word",
            ),
            Shape(
                "part",
                re.compile(
                    rf"(?<!\w)(?P<p>{parts})(?:(?<=-)|\s+)"
                    rf"(?:{month}\s+{year_pattern(lx, 'my')}"
                    rf"|(?:{of_words}\s+)?{year_pattern(lx, 'y', second=True)})"
                ),
                anchor="word",
            ),
            Shape(
                "decade",
                re.compile(rf"(?<![\d.,/:-])(?P<y>(?:19|20)\d0)(?:{periods.decade})(?!\w)"),
            ),
        ]
        if periods.fiscal:
            shapes.append(
                Shape(
                    "fiscal",
                    re.compile(rf"(?<!\w)(?P<f>{fiscal})(?:\s*|\s+{of_words}\s+){year}"),
                    anchor="word",
                )
            )
        starts = [
            ordinal,
            r"[QH][1-4]",
            parts,
            *([fiscal] if periods.fiscal else []),
            rf"(?:{lead}{cardinal}\s+{months_noun})",
        ]
        anchor = re.compile(rf"(?<!\w)(?:{'|'.join(starts)})")
        return cls(periods, anchor, tuple(shapes))


def find_periods(
    text: str, grammar: PeriodGrammar, lexicon: Lexicon, digits: list[int]
) -> Iterator[Found]:
    """Every period in the text; one without a year is pending until ``settle_years``."""
    anchors = Anchors(digits, [], [m.start() for m in grammar.anchor.finditer(text)])
    for shape in grammar.shapes:
        for start, m, _ in scan(shape, text, anchors):
            found = _period(shape.name, m.groupdict(), grammar.periods, lexicon)
            if isinstance(found, DateValue):
                yield Found(start, m.end(), "date", found)
            elif found is not None:
                yield Found(start, m.end(), "date", None, found.months, found.kind, part=found.part)


class _Pending(NamedTuple):
    """A period whose year the article gives: its months (first, -, last, -) for
    ``settle_years``, its kind and part."""

    months: tuple[int, None, int, None]
    kind: DateKind
    part: str | None = None


def _period(
    shape: str, g: dict[str, str | None], periods: Periods, lexicon: Lexicon
) -> DateValue | _Pending | None:
    written_year = g.get("y")
    year = int(written_year) if written_year else None
    if g.get("yy"):
        year = 2000 + int(g["yy"] or 0)
    if shape in ("quarter", "quarter_code"):
        noun = g.get("q") or ""
        if shape == "quarter":
            number = _lookup(periods.ordinals, g.get("o") or "")
            half = _lookup(dict.fromkeys(periods.half, 1), noun) is not None
        else:
            number, half = int(g.get("cn") or 0), g.get("c") == "H"
        if number is None or (half and number > 2):
            return None
        if year is None and noun in periods.needs_year:
            return None
        part = f"H{number}" if half else f"Q{number}"
        kind: DateKind = "half_year" if half else "quarter"
        first, last = (6 * number - 5, 6 * number) if half else (3 * number - 2, 3 * number)
        if year is None:
            return _Pending((first, None, last, None), kind, part)
        return DateValue(year, kind=kind, part=part)
    if shape == "first_months":
        written = g.get("n") or ""
        count = int(written) if written.isdigit() else _lookup(periods.cardinals, written)
        if count is None or not 2 <= count <= 11:
            return None
        if year is None:
            return _Pending((1, None, count, None), "month_range")
        return DateValue(year, 1, until=DateValue(year, count), kind="month_range")
    if shape == "part":
        where = _lookup(periods.parts, g.get("p") or "")
        if g.get("m"):
            month = lexicon.months.get(g.get("m") or "")
            if month is None:
                return None
            return DateValue(int(g.get("my") or 0), month, kind="month_year", part=where)
        return DateValue(year, kind="year", part=where) if year is not None else None
    if shape == "decade" and year is not None:
        return DateValue(year, until=DateValue(year + 9), kind="decade")
    if shape == "fiscal" and year is not None:
        return DateValue(year, kind="year", part="fiscal")
    return None


def _lookup(words: Mapping[str, T], word: str) -> T | None:
    """The word's entry, also when it opens a sentence ("First quarter")."""
    found = words.get(word)
    return found if found is not None else words.get(word[:1].lower() + word[1:])
