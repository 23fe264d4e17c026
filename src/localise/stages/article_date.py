"""The article's publication date: the source-side stage that decides ``Doc.article_date``.

It gives the years that dates like "28. Dezember" leave out. In order of trust: the date a
format reader found (Markdown front matter, a JSON field, HTML ``article:published_time``);
the page's timestamp line that the text reader set apart (``Doc.meta["timestamp"]``, read
with the month names of every fully supported language); what the text itself says
(:func:`find_article_date`); and last the configured fallback (``--article-date``).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..doc import Doc
from ..errors import ConfigError
from .entities import SUPPORTED_LANGUAGES, DateValue, recogniser as recogniser_for

__all__ = ["ArticleDate", "find_article_date", "timestamp_date"]


class ArticleDate:
    """The stage: set ``doc.article_date`` from the best evidence (see the module docstring)."""

    def __init__(self, lang: str, fallback: date | None = None) -> None:
        self.lang = lang
        self.fallback = fallback

    def __call__(self, doc: Doc) -> Doc:
        found = doc.article_date or timestamp_date(doc.meta.get("timestamp"))
        if found is None:
            try:
                found = find_article_date(doc.text, self.lang)
            except ConfigError:
                found = None  # a language CLDR does not know: no dates to read
        return doc.replace(article_date=found or self.fallback)


def timestamp_date(timestamp: str | None) -> date | None:
    """The date of a page's timestamp line ("15 Januar 2025, 13:18"), in any supported language."""
    if timestamp is None:
        return None
    for lang in SUPPORTED_LANGUAGES:
        for found in recogniser_for(lang).find(timestamp, dates_only=True):
            value = found.value
            full = isinstance(value, DateValue) and value.year and value.month and value.day
            if full and isinstance(value, DateValue) and value.time:
                assert value.year and value.month and value.day
                return date(value.year, value.month, value.day)
    return None


def find_article_date(text: str, lang: str) -> date | None:
    """The article's publication date, best effort; None when the text does not say.

    In order of trust: the first date with a clock time (a page timestamp: "14 Januar 2025,
    13:18", "21.10.2019 | 16:54", "17:59, 24 Май 2011"); an ISO date or a full date alone on
    one of the first lines ("20 Jan 2023"); the dateline's day and month ("MINSK, 14. November
    (BelTA)") with the year of the first full date in the text that lies at most 62 days
    before it ("as of 1 February 2019"). Page header dates ("flag Mittwoch, 15 Januar 2025")
    are the day a page was fetched, not published, so they are used last.
    """
    dates = [
        (f.start, f.end, f.value)
        for f in recogniser_for(lang).find(text, dates_only=True)
        if isinstance(f.value, DateValue)
    ]
    full = [(start, end, v) for start, end, v in dates if v.year and v.day and not v.until]
    for _, _, value in full:
        if value.time is not None:
            return _as_date(value)
    head_end = max(300, text.find("\n\n", 200))
    for start, end, value in full:
        line_end = text.find("\n", end)
        line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else None]
        if start < head_end and not value.weekday and line.strip().endswith(text[start:end]):
            return _as_date(value)
    # The dateline is the first day and month without a year ("MINSK, 14. November").
    dateline = next((v for _, _, v in dates if v.year is None and v.day and v.until is None), None)
    if dateline is not None and dateline.month is not None and dateline.day is not None:
        year = _dateline_year(dateline.month, dateline.day, [v for _, _, v in dates])
        if year is not None:
            return date(year, dateline.month, dateline.day)
    for _, _, value in full:
        if value.weekday:
            return _as_date(value)
    return None


def _dateline_year(month: int, day: int, found: list[DateValue]) -> int | None:
    """The dateline's year from the reporting periods the article mentions.

    A full date at most 62 days before the dateline ("as of 1 February 2019" in a 7 February
    article) fixes it; else the latest month-level period ("im September 2024", "January-June
    2019") that ends at most a year before it: statistics are published after their period.
    """
    full: list[date] = []
    periods: list[date] = []
    for value in found:
        if value.year is None or value.year_implied:
            continue
        last = value.until or value
        if last.year is None or last.month is None:
            continue
        if value.day is not None and value.until is None:
            full.append(date(last.year, last.month, last.day or 1))
        else:
            periods.append(date(last.year, last.month, last.day or 28))
    for end in full:  # in text order: the one nearest the lead
        year = _year_after(end, month, day, 62)
        if year is not None:
            return year
    years = [y for end in periods if (y := _year_after(end, month, day, 366)) is not None]
    return max(years) if years else None


def _year_after(end: date, month: int, day: int, limit: int) -> int | None:
    for year in (end.year, end.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if timedelta(0) <= candidate - end <= timedelta(days=limit):
            return year
    return None


def _as_date(value: DateValue) -> date:
    assert value.year is not None and value.month is not None and value.day is not None
    return date(value.year, value.month, value.day)
