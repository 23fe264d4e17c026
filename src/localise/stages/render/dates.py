"""Dates, months, years and clock times as a locale writes them, in a desk's style."""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time

from babel import Locale
from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    format_time,
    get_month_names,
    parse_pattern,
)

from ...config import StyleRules
from ..entities import DateValue
from ..entities.extras import Extras
from ..entities.grammar import alternation

__all__ = ["DateWriter"]

_WIDE_RANGE = "{0} – {1}"
#: What ends the first half of a CLDR interval pattern ("d.–", "MMM d\u2009–\u2009").
_INTERVAL_SEPARATOR = " \u00a0\u2009\u202f-–—"
#: AP's month abbreviations before a day ("Jan. 14"); March to July are never abbreviated.
_AP_MONTHS = {
    "January": "Jan.",
    "February": "Feb.",
    "August": "Aug.",
    "September": "Sept.",
    "October": "Oct.",
    "November": "Nov.",
    "December": "Dec.",
}
#: Russian prepositions and the case of the month after them ("в январе", "с января").
_RU_PREPOSITIONAL = frozenset({"в", "во", "о", "об"})
_RU_GENITIVE = frozenset({"с", "со", "до", "от", "из", "после", "около", "начала", "конца"})
_RU_YEAR = re.compile(r"(\d{4})([ \u00a0\u202f])г\.")


class DateWriter:
    """Writes DateValues for one locale and style; the dates half of the renderer."""

    def __init__(self, locale: Locale, extra: Extras, style: StyleRules) -> None:
        self.locale = locale
        self.lang = str(locale.language)
        self.extra = extra
        self.style = style

    def render(self, value: DateValue) -> str:
        return self._styled(self._cldr(value), value)

    def _cldr(self, value: DateValue) -> str:
        loc = self.locale
        if value.part is not None or value.kind == "decade":
            period = self._period(value)
            if period is not None:
                return period
        if value.kind in ("time", "time_range") and value.time:
            clock = self.clock(value.time)
            if value.until is not None and value.until.time:
                last = self.clock(value.until.time)
                clock = ("{0}–{1}" if " " not in clock + last else _WIDE_RANGE).format(clock, last)
                return " ".join(p for p in (clock, self._time_suffix()) if p)
            prefix = (self.extra.time_prefix or ("",))[0]
            return " ".join(p for p in (prefix, clock, self._time_suffix()) if p)
        phrases = self.extra.phrases if value.preposition else None
        if value.month is None:
            if value.until is not None and value.until.year is not None and value.year is not None:
                return self._interval(date(value.year, 1, 1), date(value.until.year, 1, 1), "y")
            return (phrases.year if phrases else "{0}").format(value.year)
        year = value.year if value.year is not None else 2000  # a leap year: 29 February exists
        start = date(year, value.month, value.day or 1)
        shown_year = value.year is not None and not value.year_implied
        if value.until is not None:
            end = date(
                value.until.year or year, value.until.month or value.month, value.until.day or 1
            )
            skeleton = ("y" if shown_year else "") + ("MMMMd" if value.day else "MMMM")
            phrase = None
            if phrases is not None:
                phrase = phrases.day_range if value.day else phrases.month_range
            return self._interval(start, end, skeleton, phrase)
        if value.day is None:
            if shown_year:
                return format_skeleton("yMMMM", start, locale=loc)
            return str(loc.months["stand-alone"]["wide"][value.month])
        if not shown_year:
            return format_skeleton("MMMMEEEEd" if value.weekday else "MMMMd", start, locale=loc)
        text = format_date(start, "full" if value.weekday else "long", locale=loc)
        if value.time:
            pattern = str(loc.datetime_formats["medium"])
            text = pattern.replace("{1}", text).replace("{0}", self.clock(value.time))
        return text

    def _period(self, value: DateValue) -> str | None:
        """A quarter, half-year, part of a period, decade or fiscal year, from the
        supplement's templates (CLDR has only "1. Quartal"); None for a language without."""
        periods = self.extra.periods
        if periods is None or value.year is None:
            return None
        shown = not value.year_implied
        year = periods.year_rendering.format(value.year)
        part = value.part or ""
        if part[:1] in ("Q", "H") and value.month is None:
            template = periods.quarter_rendering if part[0] == "Q" else periods.half_rendering
            if not shown:
                of = alternation(periods.of) if periods.of else "(?!)"
                template = re.sub(rf"(?:\s+{of})?\s+\{{1\}}", "", template)
            return template.format(periods.ordinal_rendering[int(part[1]) - 1], year)
        if value.kind == "decade":
            return periods.decade_rendering.format(value.year)
        if part == "fiscal":
            return periods.fiscal_rendering.format(value.year)
        if part in periods.part_rendering:
            base = year if value.month is None else self._cldr(replace(value, part=None))
            if value.month is not None and self.lang == "ru":
                base = _ru_months_in_case(self.locale, base, [value.month], "genitive")
            return periods.part_rendering[part].format(base).replace("- ", "-")
        return None

    def _styled(self, text: str, value: DateValue) -> str:
        if self.lang == "ru" and self.style.year == "word":
            text = _RU_YEAR.sub(r"\1\2года", text)
        if self.lang == "en" and self.style.months == "ap" and value.day is not None:
            for month, short in _AP_MONTHS.items():
                text = re.sub(rf"\b{month}\b", short, text)
        return text

    def _time_suffix(self) -> str:
        return (self.extra.time_suffix or ("",))[0]

    def clock(self, hhmm: str) -> str:
        hour, minute = (int(part) for part in hhmm.split(":"))
        if self.style.clock == "ap" and self.lang == "en":
            period = "a.m." if hour < 12 else "p.m."
            return f"{(hour % 12) or 12}:{minute:02d} {period}"
        if self.style.clock == "dot":
            return f"{hour}.{minute:02d}"
        return format_time(time(hour, minute), "short", locale=self.locale)

    def _interval(self, start: date, end: date, skeleton: str, phrase: str | None = None) -> str:
        """CLDR's interval format for the skeleton, with full month names.

        With a ``phrase`` ("vom {0} bis {1}") the phrase joins the two halves instead of
        CLDR's dash, and the first half's month takes CLDR's format form, the genitive in
        Russian ("с января по июнь").
        """
        loc = self.locale
        abbreviated = skeleton.replace("MMMM", "MMM")
        formats = loc.interval_formats.get(abbreviated)
        greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        if skeleton == "y":
            return format_interval(start, end, "y", locale=loc)
        if formats is None or greatest not in formats:
            return (phrase or _WIDE_RANGE).format(
                format_skeleton(skeleton, start, locale=loc),
                format_skeleton(skeleton, end, locale=loc),
            )
        first, second = (_widen_months(str(pattern)) for pattern in formats[greatest])
        if phrase is not None:
            first = first.rstrip(_INTERVAL_SEPARATOR).replace("LLLL", "MMMM")
        halves = [
            parse_pattern(pattern).apply(datetime(day.year, day.month, day.day), loc)
            for pattern, day in ((first, start), (second, end))
        ]
        return phrase.format(*halves) if phrase is not None else "".join(halves)

    # -- in running text ---------------------------------------------------------------

    def in_context(self, value: DateValue, rendering: str, before: str) -> str:
        """The rendering as it reads after ``before``: Russian puts a month in the case its
        preposition asks for ("в январе 2019 года", "с января", "за январь")."""
        if self.lang != "ru":
            return rendering
        words = re.findall(r"\w+", before[-20:].lower())
        preposition = words[-1] if words else ""
        if preposition in _RU_PREPOSITIONAL:
            case = "prepositional"
        elif preposition in _RU_GENITIVE:
            case = "genitive"
        else:
            return rendering
        periods = self.extra.periods
        if (value.part is not None or value.kind == "decade") and periods is not None:
            # "в I квартале", "в конце 2024 года", "в 1990-х годах": the period's noun declines.
            for word, forms in periods.cases.items():
                if word in rendering and case in forms:
                    return rendering.replace(word, forms[case], 1)
            return rendering
        if value.month is None or value.day is not None:
            return rendering
        months = [value.month, *([value.until.month] if value.until and value.until.month else [])]
        return _ru_months_in_case(self.locale, rendering, months, case)

    def month_like(self, word: str, month: int) -> str | None:
        """``month``'s name in the form ``word`` has (width, case, capitals): "февраля" for
        "января" and month 2; None when ``word`` is no month name of the locale."""
        bare = word.rstrip(".")
        ap = {short.rstrip("."): full for full, short in _AP_MONTHS.items()}
        if self.lang == "en" and bare in ap:  # AP's "Sept.": the same style for the other month
            name = str(self.locale.months["format"]["wide"][month])
            return _AP_MONTHS.get(name, name)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names = get_month_names(width, context, locale=self.locale)
                for name in names.values():
                    if str(name).casefold() == bare.casefold():
                        found = str(names[month])
                        return _cased_like(found, bare) + word[len(bare) :]
        for ending in self.extra.month_endings:  # Russian "январе": the genitive's stem + ending
            genitive = get_month_names("wide", "format", locale=self.locale)
            for name in genitive.values():
                if str(name)[:-1].casefold() + ending == bare.casefold():
                    return _cased_like(str(genitive[month])[:-1] + ending, bare)
        return None


def _ru_months_in_case(locale: Locale, rendering: str, months: list[int], case: str) -> str:
    """The Russian month names of a rendering in the genitive or prepositional."""
    for month in months:
        nominative = str(locale.months["stand-alone"]["wide"][month])
        genitive = str(locale.months["format"]["wide"][month])
        wanted = genitive if case == "genitive" else genitive[:-1] + "е"
        rendering = re.sub(rf"(?i)\b{nominative}\b", _cased_like(wanted, nominative), rendering)
    return rendering


def _cased_like(word: str, model: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _widen_months(pattern: str) -> str:
    """``MMM`` -> ``MMMM`` (and ``LLL`` -> ``LLLL``) in a CLDR date pattern, quotes untouched."""
    out, quoted, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            quoted = not quoted
        three = pattern[i : i + 3] == char * 3 and pattern[i : i + 4] != char * 4
        if not quoted and char in "ML" and three:
            out.append(char * 4)
            i += 3
            continue
        out.append(char)
        i += 1
    return "".join(out)
