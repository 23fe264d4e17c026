"""Recognise dates, amounts of money and numbers in an article: the ``entities`` stage.

>>> from datetime import date
>>> from localise.doc import Doc
>>> doc = EntityRecogniser("de")(Doc("Am 14. Januar: $1,1 bis $1,2 Milliarden, 5,5 %.",
...                                  article_date=date(2025, 1, 20)))
>>> [(s.kind, s.text) for s in doc.spans]
[('date', '14. Januar'), ('money', '$1,1 bis $1,2 Milliarden'), ('number', '5,5 %')]
>>> doc.spans[1].to_json()["amounts"]
[1100000000, 1200000000]

Source forms recognised (words from CLDR, see :mod:`.lexicon`):

* dates: "14. Januar 2025", "14 Januar 2025", "14.01.2025", "2025-01-14", "January 14, 2025",
  "14 января 2025 г.", with a weekday ("Mittwoch, 15 Januar 2025"), with a time ("14 Januar
  2025, 13:18", "21.10.2019 | 16:54", "17:59, 24 Май 2011"), day and month ("14. Januar"),
  month and year ("September 2024"), years ("2021", "im Jahr 2021", "2020 года", "2020-го"),
  ranges of days, months and years ("22.-23. Januar", "vom 14. bis 16. Januar", "Januar bis
  Juni", "январь - июнь 2021 года", "2016-2018"), clock times ("um 12.21", "13.18 Uhr");
* money: symbol or ISO code before or after ("$1 Mrd.", "Br2367", "BYN 50", "300 Mio. BYN",
  "4 Mrd. €"), currency names with their inflections ("800 Millionen Dollar", "1,2 млрд
  долларов", "960 Millionen belarussischen Rubel"; a bare "Rubel", "рублей" is BYN in a text
  that mentions Belarus, Minsk or BelTA, else RUB), ranges with the symbol or scale word once or
  twice ("$1,1 bis $1,2 Milliarden", "16-18 млрд долларов", "от 1 до 2 млрд рублей");
* numbers with a group or decimal separator ("2.258.000", "140 268", "32,6"), percentages
  ("5,5 %", "25,3 Prozent", "5.5%"), scale words ("7,92 Mio.", "1 Million 383 Tausend", "879
  тыс."), multipliers ("4,4-fache", "1.5-fold").

Years left implicit ("14. Januar") take the year that puts the date closest to the article
date (so "28. Dezember" in an article of 3 January is the previous year). Without an article
date, a day or month range takes the year of the nearest explicit year before it in the text;
failing that the year stays unknown ("--01-14"). Approximation words ("ca.", "rund", "около")
stay outside the spans. A preposition is inside a span where the language's convention puts it
("im Jahr 2021", "vom 14. bis 16. Januar", "от 1 до 2 млрд рублей", but "от" + "5 млрд
рублей" and en "in" + "2021"), and the value records it (``preposition``) for the renderer.

Speed: the digit runs and month names of a text are found once; each shape's pattern is tried
only where one starts, and the words before it ("vom", "$") are matched backwards from there
(see :mod:`.grammar`).
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from ..doc import Doc, Span, SpanKind
from ..locales import parse_locale
from .grammar import Grammar, Shape
from .lexicon import (
    SUPPORTED_LANGUAGES,
    BareCurrency,
    Lexicon,
    territory_currency,
    to_decimal,
)
from .values import DateKind, DateValue, MoneyValue, NumberKind, NumberValue

__all__ = [
    "SUPPORTED_LANGUAGES",
    "DateValue",
    "EntityRecogniser",
    "MoneyValue",
    "NumberValue",
    "find_article_date",
    "parse_locale",
]

_PRIORITY: dict[SpanKind, int] = {"date": 0, "money": 1, "number": 2, "name": 3}


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: SpanKind
    value: DateValue | MoneyValue | NumberValue | None
    # Dates whose year must come from the article: (month, day, month2, day2).
    pending: tuple[int | None, int | None, int | None, int | None] | None = None
    date_kind: DateKind = "date"
    weekday: bool = False
    time: str | None = None
    #: The span opens with a preposition ("im Jahr 2024", "vom 14. bis 16.", "от 1 до 2").
    preposition: bool = False


class EntityRecogniser:
    """The stage that adds date, money and number spans: configure once, call per Doc.

    ``lang`` is a language ("de", "en", "ru", or any language CLDR knows, with the CLDR
    vocabulary only) or a locale ("de-CH") whose number symbols are then read too.
    """

    def __init__(self, lang: str) -> None:
        self.locale = parse_locale(lang)
        self.lang = str(self.locale.language)
        self.lexicon = Lexicon.build(self.locale)
        self.grammar = Grammar.build(self.lexicon)

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
    ) -> list[_Found]:
        """Every entity in the text, longest first among overlapping candidates."""
        anchors = _Anchors(
            [m.start() for m in _DIGITS.finditer(text)],
            [m.start() for m in self.grammar.month_anchor.finditer(text)],
        )
        candidates = [*self._dates(text, anchors)]
        if not dates_only:
            candidates += [*self._money(text, anchors), *self._numbers(text, anchors)]
        candidates.sort(key=lambda f: (f.start - f.end, _PRIORITY[f.kind], f.start))
        starts: list[int] = []  # chosen spans, kept sorted by start, never overlapping
        chosen: list[_Found] = []
        for cand in candidates:
            i = bisect.bisect_left(starts, cand.start)
            if i < len(chosen) and chosen[i].start < cand.end:
                continue
            if i > 0 and chosen[i - 1].end > cand.start:
                continue
            starts.insert(i, cand.start)
            chosen.insert(i, cand)
        return self._resolve(chosen, article_date, text)

    # -- dates -------------------------------------------------------------------------

    def _dates(self, text: str, anchors: _Anchors) -> Iterator[_Found]:
        months = self.lexicon.months
        for date_shape in self.grammar.dates:
            shape = date_shape.name
            for start, m, preposition in _scan(date_shape, text, anchors):
                g = m.groupdict()
                if shape in ("dmy", "mdy"):
                    before = self.grammar.date_prefix.search(text, max(0, start - 32), start)
                    if (
                        before is not None
                        and before.start() < start
                        and (
                            before.group("wd") is None
                            or before.group("wd") in self.lexicon.weekdays
                        )
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
                time = _clock(g, self.lexicon.day_periods)
                kind = _date_kind(shape, g, year, time)
                if shape == "year_range":
                    value = DateValue(year, until=DateValue(int(g["y2"])), kind=kind)
                elif shape == "year":
                    value = DateValue(year, kind=kind, preposition=preposition)
                elif year is None:
                    yield _Found(
                        start,
                        m.end(),
                        "date",
                        None,
                        (month, day, month2 or (month if day2 else None), day2),
                        kind,
                        bool(g.get("wd")),
                        time,
                        preposition,
                    )
                    continue
                else:
                    dated = _dated(
                        year, month, day, month2, day2, time, kind, bool(g.get("wd")), preposition
                    )
                    if dated is None:
                        continue
                    value = dated
                yield _Found(start, m.end(), "date", value)

    def _resolve(self, found: list[_Found], article_date: date | None, text: str) -> list[_Found]:
        out: list[_Found] = []
        last_year: int | None = None
        for f in found:
            if f.value is None and f.kind == "date" and f.pending is not None:
                month, day, month2, day2 = f.pending
                # A range is placed by its nearer end: "Januar bis Juni" in August is this
                # year's.
                year = _implied_year(month, day, article_date, month2, day2 or day)
                if year is None and article_date is None and f.date_kind.endswith("range"):
                    year = last_year
                if f.date_kind == "time":
                    if article_date is None:
                        continue
                    value: DateValue | None = DateValue(
                        article_date.year,
                        article_date.month,
                        article_date.day,
                        f.time,
                        kind="time",
                        year_implied=True,
                    )
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
                f = _Found(f.start, f.end, f.kind, value)
            if isinstance(f.value, DateValue) and not f.value.year_implied and f.value.year:
                last_year = (f.value.until or f.value).year
            out.append(f)
        return self._currencies(out, article_date, text)

    def _currencies(
        self, found: list[_Found], article_date: date | None, text: str
    ) -> list[_Found]:
        """Settle the currencies that depend on the article: territory symbols ("Br") name the
        currency legal on the article's date (without one, the latest explicit year in the
        text stands in for it); a bare "Rubel" is BYN in a text about Belarus."""
        when = article_date
        if when is None:
            years = [
                f.value.year
                for f in found
                if isinstance(f.value, DateValue) and f.value.year and not f.value.year_implied
            ]
            when = date(max(years), 12, 31) if years else None
        out = []
        for f in found:
            if isinstance(f.value, MoneyValue) and f.value.currency.startswith("@"):
                code = territory_currency(f.value.currency[1:], when)
                f = _Found(f.start, f.end, f.kind, replace(f.value, currency=code))
            elif isinstance(f.value, MoneyValue) and f.value.currency.startswith("?"):
                f = _Found(f.start, f.end, f.kind, replace(f.value, currency=self._bare(text)))
            out.append(f)
        return out

    def _bare(self, text: str) -> str:
        bare: BareCurrency = self.lexicon.extra["bare_currency"]
        cues = self.grammar.currency_cues
        return bare.in_context if cues is not None and cues.search(text) else bare.default

    # -- money and numbers -------------------------------------------------------------

    def _money(self, text: str, anchors: _Anchors) -> Iterator[_Found]:
        for shape in (self.grammar.money_prefixed, self.grammar.money_suffixed):
            for start, m, preposition in _scan(shape, text, anchors):
                end = m.end()
                word_code = None
                if m.groupdict().get("word") is not None:
                    word = self._currency_word(text, end)
                    if word is None:
                        continue
                    end, word_code = word
                value = self._money_value(text[start:end], word_code)
                if value is not None:
                    yield _Found(start, end, "money", replace(value, preposition=preposition))

    def _currency_word(self, text: str, pos: int) -> tuple[int, str] | None:
        """The end and code of a currency name starting at ``pos`` ("Dollar", "рублей")."""
        names = self.grammar.currency_words.get(text[pos : pos + 1].lower())
        word = names.match(text, pos) if names is not None else None
        if word is None or word.lastgroup is None:
            return None
        return word.end(), self.grammar.currency_word_codes[word.lastgroup]

    def _money_value(self, surface: str, word_code: str | None = None) -> MoneyValue | None:
        lx = self.lexicon
        amounts, scales = self._amounts(surface)
        currency = None
        symbol = self.grammar.symbol.search(surface)
        if symbol is not None:
            found = symbol.group()
            currency = lx.symbols.get(found) or "@" + lx.territory_symbols[found]
        if currency is None:
            codes = [
                c
                for c in re.findall(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])", surface)
                if c in lx.codes
            ]
            currency = codes[0] if codes else None
        if currency is None:
            currency = word_code
        if currency is None or not amounts:
            return None
        return MoneyValue(tuple(amounts), currency, scale=max(scales))

    def _amounts(self, surface: str) -> tuple[list[Decimal], list[int]]:
        """The numbers of an amount or range, each times its scale word (inherited forward)."""
        numbers: list[Decimal] = []
        scales: list[int | None] = []
        for m in self.grammar.piece.finditer(surface):
            if m.group("num"):
                numbers.append(to_decimal(m.group("num"), self.lexicon))
                scales.append(None)
            elif numbers and scales[-1] is None:
                scales[-1] = self.lexicon.scales.get(m.group("scale"), 1)
        filled = [s for s in scales if s is not None]
        default = filled[-1] if filled else 1
        resolved = [s if s is not None else default for s in scales]
        return [n * s for n, s in zip(numbers, resolved, strict=True)], resolved or [1]

    def _numbers(self, text: str, anchors: _Anchors) -> Iterator[_Found]:
        g = self.grammar
        for _, m, _ in _scan(g.percent, text, anchors):
            percents = tuple(to_decimal(n, self.lexicon) for n in g.number.findall(m.group()))
            yield _Found(
                m.start(), m.end(), "number", NumberValue(percents, "percent", kind="percent")
            )
        if g.multiplier is not None:
            for _, m, _ in _scan(g.multiplier, text, anchors):
                number = g.number.match(m.group())
                assert number is not None
                yield _Found(
                    m.start(),
                    m.end(),
                    "number",
                    NumberValue(
                        (to_decimal(number.group(), self.lexicon),), "multiplier", kind="multiplier"
                    ),
                )
        for _, m, _ in _scan(g.scaled, text, anchors):
            if m.start() and text[m.start() - 1].isalpha():
                continue
            amounts, scales = self._amounts(m.group())
            # "800 bis 900 Millionen" is a range; "1 Million 383 Tausend" one number.
            is_range = len(amounts) == 2 and scales[0] == scales[1] and amounts[0] < amounts[1]
            values = tuple(amounts) if is_range else (sum(amounts, Decimal(0)),)
            yield _Found(
                m.start(), m.end(), "number", NumberValue(values, kind="scaled", scale=max(scales))
            )
        for _, m, _ in _scan(g.plain_number, text, anchors):
            surface = m.group()
            if (m.start() and text[m.start() - 1].isalpha()) or (
                m.end() < len(text) and text[m.end()].isalpha()
            ):
                continue
            has_decimal = self.lexicon.decimal in surface
            if not has_decimal and not any(sep in surface for sep in self.lexicon.groups):
                continue
            kind: NumberKind = "decimal" if has_decimal else "thousands"
            yield _Found(
                m.start(),
                m.end(),
                "number",
                NumberValue((to_decimal(surface, self.lexicon),), kind=kind),
            )


@dataclass(frozen=True)
class _Anchors:
    """Where a shape's core may start, found once per text: runs of digits, month names."""

    digit: list[int]
    month: list[int]


_DIGITS = re.compile(r"\d+")


def _scan(shape: Shape, text: str, anchors: _Anchors) -> Iterator[tuple[int, re.Match[str], bool]]:
    """The shape's matches, left to right and not overlapping one another (as ``finditer``
    would give them), each with where it starts (its lead's start) and whether it opens with a
    preposition. A range opener ("vom", "от") belongs to the span only when the core is a
    range: "от 1 до 2 млрд" but "от" + "5 млрд"."""
    match, lead, required = shape.core.match, shape.lead, shape.lead_required
    end = 0
    for pos in anchors.digit if shape.anchor == "digit" else anchors.month:
        if pos < end:
            continue
        # The tail check is cheaper than the core: a required lead goes first.
        possible = lead is not None and lead.tail.match(text, pos) is not None
        if required and not possible:
            continue
        m = match(text, pos)
        if m is None:
            continue
        start, preposition = pos, False
        if lead is not None:
            before = (
                lead.pattern.search(text, max(end, pos - lead.window), pos) if possible else None
            )
            if before is None:
                if required:
                    continue
            elif before.groupdict().get("opener") is None:
                start = before.start()
            elif shape.range_group is not None and m.group(shape.range_group) is None:
                start = before.end("opener")
            else:
                start, preposition = before.start(), True
        end = m.end()
        yield start, m, preposition


def _clock(groups: dict[str, str | None], periods: dict[str, str]) -> str | None:
    hour, minute = groups.get("hh") or groups.get("lh"), groups.get("mm") or groups.get("lm")
    if hour is None or minute is None:
        return None
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
    if shape in ("year", "year_range", "day_range", "month_range", "month_year", "time"):
        return shape  # type: ignore[return-value]
    if shape == "iso":
        return "iso_date"
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


def _implied_year(
    month: int | None,
    day: int | None,
    article_date: date | None,
    month2: int | None = None,
    day2: int | None = None,
) -> int | None:
    """The year putting the date (or either end of a range) closest to the article date."""
    if article_date is None or month is None:
        return None
    best: tuple[timedelta, int] | None = None
    for year in (article_date.year - 1, article_date.year, article_date.year + 1):
        ends = [(month, day)] + ([(month2, day2)] if month2 is not None else [])
        distance = min(abs(_day_in(year, m, d) - article_date) for m, d in ends)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _day_in(year: int, month: int, day: int | None) -> date:
    """The day, or the middle of the month, clamped to the month's length."""
    if day is None:
        return date(year, month, 15)
    return date(year, month, min(day, 28)) if month == 2 and day > 28 else date(year, month, day)


def find_article_date(
    text: str, lang: str, *, recogniser: EntityRecogniser | None = None
) -> date | None:
    """The article's publication date, best effort; None when the text does not say.

    In order of trust: the first date with a clock time (a page timestamp: "14 Januar 2025,
    13:18", "21.10.2019 | 16:54", "17:59, 24 Май 2011"); an ISO date or a full date alone on
    one of the first lines ("20 Jan 2023"); the dateline's day and month ("MINSK, 14. November
    (BelTA)") with the year of the first full date in the text that lies at most 62 days
    before it ("as of 1 February 2019"). Page header dates ("flag Mittwoch, 15 Januar 2025")
    are the day a page was fetched, not published, so they are used last.

    Pass the ``recogniser`` for ``lang`` when you have one: building one takes a while.
    """
    recogniser = recogniser or EntityRecogniser(lang)
    dates = [
        (f.start, f.end, f.value)
        for f in recogniser.find(text, dates_only=True)
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
