"""Dates, months, years, clock times and their ranges: found in a text, then given their years.

Years left implicit ("14. Januar") take the year that puts the date closest to the article
date (so "28. Dezember" in an article of 3 January is the previous year), or the article's
own year in a sentence that says "this year" ("… this year … on Jan. 2"). Without an article
date, a day or month range takes the year of the nearest explicit year before it in the text;
failing that the year stays unknown ("--01-14").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from .grammar import Grammar
from .lexicon import Lexicon
from .scan import Anchors, Found, new_paragraph, new_sentence, scan
from .values import DateKind, DateValue

__all__ = ["find_dates", "settle_years"]


def find_dates(text: str, anchors: Anchors, grammar: Grammar, lexicon: Lexicon) -> Iterator[Found]:
    """Every date shape's matches; a date without a year is pending until :func:`settle_years`."""
    months = lexicon.months
    for date_shape in grammar.dates:
        shape = date_shape.name
        for start, m, preposition in scan(date_shape, text, anchors):
            g = m.groupdict()
            if shape in ("dmy", "mdy"):
                before = grammar.date_prefix.search(text, max(0, start - 32), start)
                if (
                    before is not None
                    and before.start() < start
                    and (before.group("wd") is None or before.group("wd") in lexicon.weekdays)
                ):
                    g.update({k: v for k, v in before.groupdict().items() if v})
                    start = before.start()
            month = None
            if g.get("m"):
                month = months[g["m"]] if g["m"] in months else int(g["m"])
            month2 = months.get(g["m2"]) if g.get("m2") else None
            day = int(g["d"]) if g.get("d") else None
            day2 = int(g["d2"]) if g.get("d2") else None
            year = int(g["y"]) if g.get("y") else None
            time = _clock(g, lexicon.day_periods)
            kind = _date_kind(shape, g, year, time)
            if shape == "time_range":
                time2 = f"{int(g['hh2']):02d}:{g['mm2']}"
                yield Found(start, m.end(), "date", None, (None,) * 4, kind, time=time, time2=time2)
                continue
            if shape == "year_range":
                assert year is not None
                last = int(g["y2"]) if g.get("y2") else year - year % 100 + int(g["yy2"])
                if last <= year:
                    continue  # "2024/23": no range
                value = DateValue(year, until=DateValue(last), kind=kind)
            elif shape == "year":
                value = DateValue(year, kind=kind, preposition=preposition)
            elif year is None:
                yield Found(
                    start,
                    m.end(),
                    "date",
                    None,
                    (month, day, month2 or (month if day2 else None), day2),
                    kind,
                    bool(g.get("wd")),
                    time,
                    preposition=preposition,
                )
                continue
            else:
                dated = _dated(
                    year, month, day, month2, day2, time, kind, bool(g.get("wd")), preposition
                )
                if dated is None:
                    continue
                value = dated
            yield Found(start, m.end(), "date", value)


def settle_years(
    found: Sequence[Found],
    article_date: date | None,
    text: str = "",
    this_year: re.Pattern[str] | None = None,
) -> list[Found]:
    """The pending dates with the years the article implies (see the module docstring); a
    sentence that says "this year" (``this_year``) keeps its dates in the article's year."""
    out: list[Found] = []
    last_year: int | None = None
    for f in found:
        if f.value is None and f.kind == "date" and f.pending is not None:
            month, day, month2, day2 = f.pending
            # A range is placed by its end: "Januar bis Juni" in August is this year's.
            year = _implied_year(month, day, article_date, month2, day2 or day)
            if (
                year is not None
                and article_date is not None
                and year != article_date.year
                and this_year is not None
                and _in_this_year(text, f, this_year)
            ):
                year = article_date.year
            if year is None and article_date is None and f.date_kind.endswith("range"):
                year = last_year
            if f.part is not None:
                # A quarter or half-year without its year ("im ersten Quartal").
                value: DateValue | None = (
                    DateValue(year, kind=f.date_kind, year_implied=True, part=f.part)
                    if year is not None
                    else None
                )
            elif f.date_kind in ("time", "time_range"):
                # A clock time alone is on the article's day: without one, it is no date.
                if article_date is None:
                    continue
                y, m, d = article_date.year, article_date.month, article_date.day
                until = DateValue(y, m, d, f.time2) if f.time2 else None
                value = DateValue(y, m, d, f.time, until, kind=f.date_kind, year_implied=True)
            else:
                value = _dated(
                    year,
                    month,
                    day,
                    month2,
                    day2,
                    f.time,
                    f.date_kind,
                    f.weekday,
                    f.preposition,
                    implied=True,
                )
            f = Found(f.start, f.end, f.kind, value)
        if isinstance(f.value, DateValue) and not f.value.year_implied and f.value.year:
            last_year = (f.value.until or f.value).year
        out.append(f)
    return out


def _clock(groups: dict[str, str | None], periods: dict[str, str]) -> str | None:
    hour = groups.get("hh") or groups.get("lh")
    minute = groups.get("mm") if groups.get("hh") else groups.get("lm")
    if hour is None or minute is None:
        return None
    minute = minute or "00"  # a full hour ("um 10 Uhr")
    h = int(hour)
    period = periods.get(groups.get("ampm") or "")
    if period == "pm" and h < 12:
        h += 12
    elif period == "am" and h == 12:
        h = 0
    return f"{h:02d}:{minute}"


def _date_kind(
    shape: str, g: dict[str, str | None], year: int | None, time: str | None
) -> DateKind:
    if shape in (
        "year",
        "year_range",
        "day_range",
        "month_range",
        "month_year",
        "time",
        "time_range",
    ):
        return shape  # type: ignore[return-value]
    if shape == "iso":
        return "iso_date"
    if shape == "numeric_day":
        return "day_month"
    if time is not None:
        return "datetime"
    if g.get("wd"):
        return "weekday_date"
    return "date" if year is not None else "day_month"


def _dated(
    year: int | None,
    month: int | None,
    day: int | None,
    month2: int | None,
    day2: int | None,
    time: str | None,
    kind: DateKind,
    weekday: bool,
    preposition: bool = False,
    implied: bool = False,
) -> DateValue | None:
    try:
        if year is not None and month is not None:
            date(year, month, day or 1)
            if month2 is not None:
                date(year, month2, day2 or 1)
    except ValueError:
        return None
    until = None
    if month2 is not None or day2 is not None:
        until = DateValue(year, month2 or month, day2)
    return DateValue(
        year,
        month,
        day,
        time,
        until,
        kind=kind,
        year_implied=implied,
        weekday=weekday,
        preposition=preposition,
    )


def _in_this_year(text: str, f: Found, this_year: re.Pattern[str]) -> bool:
    """Whether a "this year" phrase stands in the date's sentence (at most 400 characters
    away, no sentence or paragraph end between them)."""
    for m in this_year.finditer(text, max(0, f.start - 400), f.end + 400):
        # The gap between the phrase and the date ("2. Januar" itself has a full stop).
        low, high = (m.end(), f.start) if m.start() < f.start else (f.end, m.start())
        if not new_sentence(text, low, high) and not new_paragraph(text[low:high]):
            return True
    return False


def _implied_year(
    month: int | None,
    day: int | None,
    article_date: date | None,
    month2: int | None = None,
    day2: int | None = None,
) -> int | None:
    """The year putting the date closest to the article date; a range by its end.

    Nearest, not "the past first": a date four months ahead is as often a plan ("planned
    for 15 April" in a December article) as one eight months back is a report. A range is
    placed by its end, where a reported period stops: "January-November" in a December
    article is this year's, though next January is nearer than this January."""
    if article_date is None or month is None:
        return None
    best: tuple[timedelta, int] | None = None
    last_month, last_day = (month2, day2) if month2 is not None else (month, day)
    for year in (article_date.year - 1, article_date.year, article_date.year + 1):
        distance = abs(_day_in(year, last_month, last_day) - article_date)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _day_in(year: int, month: int, day: int | None) -> date:
    """The day, or the middle of the month, clamped to the month's length."""
    if day is None:
        return date(year, month, 15)
    return date(year, month, min(day, 28)) if month == 2 and day > 28 else date(year, month, day)
