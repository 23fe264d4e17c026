"""The article's publication date: the source-side stage that decides ``Doc.article_date``.

It gives the years that dates like "28. Dezember" leave out. In order of trust, each recorded
as ``Doc.article_date_source``:

1. ``metadata``: the date the file itself states, which a format reader has put in
   ``Doc.article_date`` (Markdown front matter ``date:``, a JSON field, HTML
   ``article:published_time``): it is about this one article;
2. ``option``: the date the user gave for articles whose file states none
   (``Config.article_date``, ``--article-date``): a date someone knows beats any guess;
3. ``timestamp``: the page's timestamp line that the text reader set apart
   (``Doc.meta["timestamp"]``), read with the month names of every fully supported language;
4. ``text``: what the text itself suggests (:func:`find_article_date`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..doc import ArticleDateSource, Doc
from ..errors import ConfigError
from .entities import SUPPORTED_LANGUAGES, DateValue, recogniser as recogniser_for
from .entities.extras import FORWARD_PREPOSITIONS

__all__ = ["ArticleDate", "find_article_date", "timestamp_date"]


class ArticleDate:
    """The stage: set ``doc.article_date`` and ``doc.article_date_source`` from the most
    trusted evidence (see the module docstring). ``given`` is ``Config.article_date``."""

    def __init__(self, lang: str, given: date | None = None) -> None:
        self.lang = lang
        self.given = given

    def __call__(self, doc: Doc) -> Doc:
        if doc.article_date is not None and doc.article_date_source in (None, "metadata"):
            return doc.replace(article_date_source="metadata")
        # A date this stage set before (another Config's option, a guess) is judged again.
        found, source = self._judge(doc)
        return doc.replace(article_date=found, article_date_source=source)

    def _judge(self, doc: Doc) -> tuple[date | None, ArticleDateSource | None]:
        if self.given is not None:
            return self.given, "option"
        stamp = timestamp_date(doc.meta.get("timestamp"))
        if stamp is not None:
            return stamp, "timestamp"
        try:
            found = find_article_date(doc.text, self.lang)
        except ConfigError:
            found = None  # a language CLDR does not know: no dates to read
        return found, None if found is None else "text"


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


@dataclass(frozen=True)
class _Dated:
    start: int
    end: int
    value: DateValue
    #: After a preposition of a limit or goal ("bis Juni 2027", "к 2035 году").
    plan: bool


def find_article_date(text: str, lang: str) -> date | None:
    """The article's publication date, best effort; None when the text does not say.

    In order of trust: the first date with a clock time (a page timestamp: "14 Januar 2025,
    13:18", "21.10.2019 | 16:54", "17:59, 24 Май 2011"); an ISO date or a full date alone on
    one of the first lines ("20 Jan 2023"); the dateline's day and month ("MINSK, 14. November
    (BelTA)", "1 сентября, Минск /Корр. БЕЛТА/.") with the year the reported periods give (see
    :func:`_dateline_year`). Page header dates ("flag Mittwoch, 15 Januar 2025") are the day a
    page was fetched, not published, so they are used last.
    """
    forward = FORWARD_PREPOSITIONS.get(lang, ())
    dates = [
        _Dated(f.start, f.end, f.value, _after_phrase(text, f.start, f.end, forward))
        for f in recogniser_for(lang).find(text, dates_only=True)
        if isinstance(f.value, DateValue)
    ]
    full = [d for d in dates if d.value.year and d.value.day and not d.value.until]
    for d in full:
        if d.value.time is not None:
            return _as_date(d.value)
    head_end = max(300, text.find("\n\n", 200))
    for d in full:
        if d.start < head_end and not d.value.weekday and _ends_its_line(text, d):
            return _as_date(d.value)
    dateline = _dateline(text, dates)
    if dateline is not None:
        month, day = dateline.value.month, dateline.value.day
        assert month is not None and day is not None
        reported = [d.value for d in dates if not d.plan and d is not dateline]
        year = _dateline_year(month, day, reported)
        if year is not None:
            return date(year, month, day)
    for d in full:
        if d.value.weekday:
            return _as_date(d.value)
    return None


def _ends_its_line(text: str, dated: _Dated) -> bool:
    line_end = text.find("\n", dated.end)
    line = text[text.rfind("\n", 0, dated.start) + 1 : line_end if line_end >= 0 else None]
    return line.strip().endswith(text[dated.start : dated.end])


# A dateline opens its line: the date alone or after a place ("MINSK, ", "АСТАНА. "), then an
# agency's mark or a dash, with the place after the date in Russian ("1 сентября, Минск /Корр.
# БЕЛТА/.", "МИНСК, 12 мая. /БЕЛТА/ –", "LONDON, June 3 (Reuters) -").
_PLACE = r"[^\W\d_][\w.'’-]*(?:[ -][^\W\d_][\w.'’-]*){0,3}"
_BEFORE_DATELINE = re.compile(rf"\s*(?:(?P<place>{_PLACE})\s*[,.]\s*)?\Z")
_AFTER_DATELINE = re.compile(rf"[.,]?\s*(?:{_PLACE}\s*)?[(/–—-]")


def _dateline(text: str, dates: list[_Dated]) -> _Dated | None:
    """The dateline's day and month: the first one without a year in a dateline's shape, else
    the first one without a year at all (a title's "am 20. März" comes before the dateline)."""
    days = [d for d in dates if d.value.year is None and d.value.day and d.value.until is None]
    return next((d for d in days if _shaped_like_dateline(text, d)), days[0] if days else None)


def _shaped_like_dateline(text: str, dated: _Dated) -> bool:
    # The line the date ends on: a clock time before it may belong to the line above.
    line_start = text.rfind("\n", 0, dated.end) + 1
    line_end = text.find("\n", dated.end)
    before = _BEFORE_DATELINE.match(text, line_start, max(line_start, dated.start))
    if before is None:
        return False
    place = before.group("place")
    after = text[dated.end : line_end if line_end >= 0 else None]
    return bool(place and place.isupper()) or bool(_AFTER_DATELINE.match(after))


def _after_phrase(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (whole words, any case) stands right before the date at
    ``start:end``, in the same sentence. A phrase may run on into the span's own first words
    ("by the" + "end of June 2026", as the grammar takes the part of a month in)."""
    clause = re.split(r"[.!?;:]\s", text[max(0, start - 60) : start])[-1]
    before, inside = _words(clause), _words(text[start:end])
    for phrase in map(_words, phrases):
        for cut in range(len(phrase), 0, -1):  # ``cut`` words of it before the span
            head, rest = phrase[:cut], phrase[cut:]
            if before[len(before) - cut :] == head and inside[: len(rest)] == rest:
                return True
    return False


def _words(text: str) -> list[str]:
    # A word keeps a trailing hyphen: "mid-" of "by mid-2026".
    return re.findall(r"[^\W_]+-?", text.casefold())


def _dateline_year(month: int, day: int, reported: list[DateValue]) -> int | None:
    """The dateline's year from the reported periods the article mentions (plans left out).

    The publication comes after what it reports: a full date at most 62 days before the
    dateline ("as of 1 February 2019" in a 7 February article) fixes the year; else each
    month- or quarter-level period ("im September 2024", "January-June 2019", "в I квартале
    2025 года") proposes the year that puts the dateline within a year after its end, and the
    year that most mentions agree with wins: those that start by the dateline and end less
    than two years before it ("in 2024", a comparison with "January-June 2018"). A date after
    the rest of the evidence ("the plant will open in June 2027") gets no support from it.
    Between years of equal support, the one nearest the lead: the news comes first, the
    history and the plans after it.
    """
    stated = [value for value in reported if value.year is not None and not value.year_implied]
    for value in stated:
        if value.month is not None and value.day is not None and value.until is None:
            assert value.year is not None
            year = _year_after(date(value.year, value.month, value.day), month, day, 62)
            if year is not None:
                return year  # in text order: the one nearest the lead
    extents = [(value, _extent(value)) for value in stated]
    mentions = [extent for _, extent in extents if extent is not None]
    candidates = [
        year
        for value, extent in extents
        if extent is not None and _is_period(value)
        and (year := _year_after(extent[1], month, day, 366)) is not None
    ]  # fmt: skip

    def support(year: int) -> int:
        published = _day_in(year, month, day)
        window = timedelta(days=730)
        return sum(first <= published and published - last < window for first, last in mentions)

    # max() keeps the first of equals: the candidates are in text order.
    return max(dict.fromkeys(candidates), key=support, default=None)


def _is_period(value: DateValue) -> bool:
    """A month, quarter or half-year, or a range of days or months: not a single day (only
    the 62-day rule reads those) and not a year alone (too coarse to place a dateline)."""
    if value.day is not None and value.until is None:
        return False
    last = value.until or value
    return last.month is not None or _part_months(last.part) is not None


def _extent(value: DateValue) -> tuple[date, date] | None:
    """The first and last day that a date, month, quarter, year or a range of them covers."""
    last = value.until or value
    if value.year is None or last.year is None:
        return None
    first_month = value.month or (_part_months(value.part) or (1, 12))[0]
    last_month = last.month or (_part_months(last.part) or (1, 12))[1]
    last_day = last.day or calendar.monthrange(last.year, last_month)[1]
    return date(value.year, first_month, value.day or 1), date(last.year, last_month, last_day)


def _part_months(part: str | None) -> tuple[int, int] | None:
    """The first and last month of a quarter ("Q3": July to September) or a half-year ("H1")."""
    if part is None or len(part) != 2 or part[0] not in "QH" or not part[1].isdigit():
        return None
    size = 3 if part[0] == "Q" else 6
    return size * (int(part[1]) - 1) + 1, size * int(part[1])


def _year_after(end: date, month: int, day: int, limit: int) -> int | None:
    for year in (end.year, end.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if timedelta(0) <= candidate - end <= timedelta(days=limit):
            return year
    return None


def _day_in(year: int, month: int, day: int) -> date:
    # 29 February in a year without one: the day before it.
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _as_date(value: DateValue) -> date:
    assert value.year is not None and value.month is not None and value.day is not None
    return date(value.year, value.month, value.day)
