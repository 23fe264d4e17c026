"""Write recognised dates, amounts and numbers the way the target locale writes them.

>>> from localise.doc import Doc
>>> from localise.stages.entities import EntityRecogniser
>>> from datetime import date
>>> doc = EntityRecogniser("de")(Doc("Am 14. Januar: $1,1 bis $1,2 Milliarden, 1 Milliarde USD.",
...                                  lang="de", article_date=date(2025, 1, 20)))
>>> [s.rendering for s in EntityRenderer("en-US")(doc).spans]
['January 14', '$1.1–1.2 billion', '$1 billion']
>>> [s.rendering for s in EntityRenderer("en-GB")(doc).spans]
['14 January', 'US$1.1–1.2 billion', 'US$1 billion']

News style, composed from CLDR pieces for any locale (all through Babel, ``locale=`` always):

==========  ===========================  ==========================  ==========================
value       en-US (en-GB)                de-DE (de-CH)               ru-RU
==========  ===========================  ==========================  ==========================
day, month  January 14 (14 January)      14. Januar                  14 января
full date   January 14, 2025             14. Januar 2025             14 января 2025 г.
weekday     Wednesday, January 15, 2025  Mittwoch, 15. Januar 2025   среда, 15 января 2025 г.
date+time   January 14, 2025, 1:18 PM    14. Januar 2025, 13:18      14 января 2025 г., 13:18
            (14 January 2025, 13:18)
clock time  at 12:21 PM (at 12:21)       um 12:21 Uhr                в 12:21
month       January 2025                 Januar 2025                 январь 2025 г.
year        2021                         2021                        2021
"im Jahr"   in 2021                      im Jahr 2021                в 2021 году
day range   January 14 – 16 (14 – 16     14.–16. Januar              14—16 января
            January)
"vom ..."   from January 14 to 16 (from  vom 14. bis 16. Januar      с 14 по 16 января
            14 to 16 January)
month rng.  January – June 2025          Januar–Juni 2025            январь — июнь 2025 г.
 + prep.    from January to June 2025    von Januar bis Juni 2025    с января по июнь 2025 г.
year range  2016 – 2018                  2016–2018                   2016—2018
money       $1.1 billion (US$1.1         1,1 Milliarden US-Dollar    1,1 млрд долларов США
            billion); 4.7 billion
            Belarusian rubles (roubles)
money rng.  $1.1–1.2 billion             1,1–1,2 Milliarden          1,1–1,2 млрд долларов США
                                         US-Dollar
"от ... до" from $1.1 to $1.2 billion;   von 1 bis 2 Milliarden      от 1 до 2 млрд белорусских
            from 1 to 2 billion          belarussischen Rubel        рублей
            Belarusian rubles
small sum   $1,442.7; 1,442.7            1.442,7 belarussische       1 442,7 белорусского
            Belarusian rubles            Rubel                       рубля
percent     5.5%                         5,5 % (de-CH 5.5%)          5,5 %
scaled      7.9 million                  7,9 Millionen               7,9 млн
grouped     2,258,000                    2.258.000 (de-CH 140'268)   2 258 000
multiplier  4.4-fold                     4,4-fache                   4,4-кратный
==========  ===========================  ==========================  ==========================

* Dates use the locale's long format, its ``MMMMd``/``yMMMM`` skeletons and its interval
  formats (widened to full month names); a date keeps its year only when the source wrote one.
  A year mention keeps the source text when the source and target language are the same
  ("im Jahr 2021" stays in de-CH).
* Prepositions: a value whose source span opened with one ("im Jahr 2024", "vom 14. bis 16.
  Januar", "от 1 до 2 млрд рублей") is written with the target language's phrase from the
  ``phrases`` of :mod:`~localise.stages.entities.extras` (CLDR has none), so MT never
  sees a year or range stripped of its preposition. A range's two halves are CLDR's interval
  halves without the dash; the first month after Russian "с" takes CLDR's format (genitive)
  form. The phrase is capitalised when the source span was ("Im Jahr 2018" -> "In 2018").
* Money: where the locale's currency pattern puts the symbol first (en) and the locale has a
  symbol for the currency, symbol + number + scale word ("$1.1 billion"); otherwise number +
  scale word + currency name in the plural form CLDR's plural rules give for the amount ("1,1
  Milliarden US-Dollar", "1,1 млрд долларов США", "4.7 billion Belarusian rubles"). Scale words
  are CLDR's long compact forms, Russian's short ones ("млн", "млрд", "тыс.": Russian news
  style). Digits after the decimal separator are kept as the source wrote them.
* Currency names are CLDR's unless the ``currency_names`` of
  :mod:`~localise.stages.entities.extras` has a house-style name for the language, chosen
  by the same plural rules (``Locale.plural_form``): German writes the adjective in lower
  case mid-sentence, "belarussische Rubel" and "russische Rubel" (CLDR: "Weißrussische
  Rubel", "Russische Rubel"), dative after "von ... bis". en and ru need no override.
* en-GB writes "US$1.1 billion": CLDR's standard USD symbol for en_001, from which en_GB
  inherits, is "US$" (so is en_IE's, en_AU's is "USD"); "$" is only CLDR's *narrow* symbol,
  for contexts where the currency is already clear, and Babel does not ship narrow currency
  symbols. Kept as CLDR says.
* Ranges write the unit once when both ends share it ("$1.1–1.2 billion"), joined by an en
  dash (CLDR's number range pattern ``{0}–{1}``, which Babel does not ship); otherwise both
  ends in full, joined by " – ".
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time, parse_pattern
from babel.numbers import (
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)

from ..doc import Doc
from ..locales import parse_locale
from .entities import DateValue, MoneyValue, NumberValue
from .entities.extras import extras_for

__all__ = ["EntityRenderer"]

#: Scale-word width per language: CLDR "long" ("Milliarden", "billion") unless news in that
#: language abbreviates ("млрд").
SCALE_WIDTH = {"ru": "short"}
_RANGE = "{0}–{1}"
_WIDE_RANGE = "{0} – {1}"
#: What ends the first half of a CLDR interval pattern ("d.–", "MMM d\u2009–\u2009").
_INTERVAL_SEPARATOR = " \u00a0\u2009\u202f-–—"


class EntityRenderer:
    """The stage that sets ``rendering`` and ``alternates`` on date, money and number spans."""

    def __init__(self, locale: str) -> None:
        self.locale: Locale = parse_locale(locale)
        self.lang = str(self.locale.language)
        self._extra = extras_for(self.lang)

    def __repr__(self) -> str:
        return f"EntityRenderer({self.locale!s})"

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for span in doc.spans:
            if span.kind not in ("date", "money", "number"):
                spans.append(span)  # names and markup carry their own renderings
                continue
            rendering = self.render(span.value, source_text=span.text, source_lang=doc.lang)
            forms = (span.text, *self.alternates(span.value))
            alternates = tuple(dict.fromkeys(a for a in forms if a != rendering))
            spans.append(replace(span, rendering=rendering, alternates=alternates))
        return doc.replace(spans=tuple(spans))

    def render(
        self, value: object, *, source_text: str = "", source_lang: str | None = None
    ) -> str:
        """The target-locale form of a DateValue, MoneyValue or NumberValue.

        A value whose source span opened with a preposition ("Im Jahr 2018") is written with
        the target's phrase, capitalised like the source ("In 2018").
        """
        if isinstance(value, DateValue):
            if value.month is None and source_lang == self.lang and source_text:
                return source_text  # a year reads the same; keep "im Jahr 2021", "2021 года"
            text = self.render_date(value)
        elif isinstance(value, MoneyValue):
            text = self.render_money(value)
        elif isinstance(value, NumberValue):
            return self.render_number(value)
        else:
            raise TypeError(
                f"cannot render {type(value).__name__}; expected a date, money or number"
            )
        if value.preposition and source_text[:1].isupper():
            return text[:1].upper() + text[1:]
        return text

    def alternates(self, value: object) -> tuple[str, ...]:
        """Other forms an engine may write for the value (source forms are added by the stage)."""
        if isinstance(value, MoneyValue) and len(value.amounts) == 1:
            scale = value.scale if value.scale >= 1000 else 1
            number = value.amounts[0] / scale
            amount = f"{self._decimal(number)} {self._scale_word(scale, number)}".strip()
            return (f"{value.currency} {amount}", f"{amount} {value.currency}")
        if (
            isinstance(value, DateValue)
            and value.year
            and value.month
            and value.day
            and (value.until is None)
        ):
            day = date(value.year, value.month, value.day)
            return (format_date(day, "medium", locale=self.locale),)
        return ()

    # -- dates ---------------------------------------------------------------------------

    def render_date(self, value: DateValue) -> str:
        loc = self.locale
        if value.kind == "time" and value.time:
            prefix = (self._extra.time_prefix or ("",))[0]
            suffix = (self._extra.time_suffix or ("",))[0]
            return " ".join(p for p in (prefix, self._clock(value.time), suffix) if p)
        phrases = self._extra.phrases if value.preposition else None
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
            text = pattern.replace("{1}", text).replace("{0}", self._clock(value.time))
        return text

    def _clock(self, hhmm: str) -> str:
        hour, minute = (int(part) for part in hhmm.split(":"))
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

    # -- money and numbers -----------------------------------------------------------------

    def render_money(self, value: MoneyValue) -> str:
        loc = self.locale
        scale = value.scale if value.scale >= 1000 else 1
        scaled = [a / scale for a in value.amounts]
        shared = self._scale_word(scale, scaled[-1])
        numbers = [self._decimal(n) for n in scaled]
        symbol = get_currency_symbol(value.currency, locale=loc)
        # Symbol placement follows the language's base locale: de-CH writes news amounts like
        # de-DE ("1,1 Milliarden US-Dollar") although its currency pattern puts "¤" first.
        base = Locale(self.locale.language)
        symbol_first = str(base.currency_formats["standard"].pattern).startswith("¤")
        count = _plain(value.amounts[-1] if scale > 1 else scaled[-1])
        # "от 1 до 2 млрд рублей" keeps its preposition: "from $1 to $2 billion".
        phrases = self._extra.phrases
        phrase = phrases.amount_range if value.preposition and phrases else None
        if len(numbers) == 1:
            phrase = None
        name = self._currency_name(value.currency, count, dative=phrase is not None)
        if symbol_first and symbol != value.currency:
            if len(numbers) == 1:
                body = f"{symbol}{numbers[0]}"
            elif phrase is not None:
                body = phrase.format(*(f"{symbol}{number}" for number in numbers))
            else:
                body = f"{symbol}{_RANGE.format(*numbers)}"
            return " ".join(p for p in (body, shared) if p)
        body = numbers[0] if len(numbers) == 1 else (phrase or _RANGE).format(*numbers)
        return " ".join(p for p in (body, shared, name) if p)

    def _currency_name(self, code: str, count: Decimal | int, *, dative: bool) -> str:
        """The house-style name (``currency_names`` of the supplement) in the plural form
        CLDR's rules give for the count, else CLDR's name."""
        name = self._extra.currency_names.get(code)
        if name is None:
            return get_currency_name(code, count=count, locale=self.locale)
        if dative and name.dative is not None:
            return name.dative
        return name.forms.get(self.locale.plural_form(count), name.forms["other"])

    def render_number(self, value: NumberValue) -> str:
        loc = self.locale
        if value.unit == "percent":
            last = format_percent(value.values[-1] / 100, locale=loc, decimal_quantization=False)
            if len(value.values) == 1:
                return last
            return _RANGE.format(self._decimal(value.values[0]), last)
        if value.unit == "multiplier":
            multiplier = self._extra.multiplier
            pattern = multiplier.rendering if multiplier is not None else "{0}×"
            return pattern.format(self._decimal(value.values[0]))
        if value.kind == "scaled" and value.scale >= 1000:
            scaled = [v / value.scale for v in value.values]
            word = self._scale_word(value.scale, scaled[-1])
            numbers = [self._decimal(n) for n in scaled]
            body = numbers[0] if len(numbers) == 1 else _RANGE.format(*numbers)
            return f"{body} {word}"
        numbers = [self._decimal(n) for n in value.values]
        return numbers[0] if len(numbers) == 1 else _RANGE.format(*numbers)

    def _decimal(self, number: Decimal) -> str:
        text = format_decimal(_plain(number), locale=self.locale, decimal_quantization=False)
        group = get_group_symbol(self.locale)
        if group != "'":
            return text
        # Babel reads an apostrophe group symbol as a pattern quote and drops it once a
        # number has two groups (de-CH 2258000 came out "2258000"): group by hand.
        ungrouped = format_decimal(
            _plain(number), locale=self.locale, decimal_quantization=False, group_separator=False
        )
        sign = "-" if ungrouped.startswith("-") else ""
        digits = ungrouped.removeprefix("-")
        decimal = get_decimal_symbol(self.locale)
        whole, _, fraction = digits.partition(decimal)
        size = self.locale.decimal_formats[None].grouping[0]
        groups = [whole[max(0, end - size) : end] for end in range(len(whole), 0, -size)]
        return sign + group.join(reversed(groups)) + (decimal + fraction if fraction else "")

    def _scale_word(self, scale: int, number: Decimal) -> str:
        """The scale word for 10**k in the plural form for the number ("Milliarde", "billion")."""
        if scale < 1000:
            return ""
        width = SCALE_WIDTH.get(self.lang, "long")
        formats = self.locale.compact_decimal_formats.get(width, {})
        category = self.locale.plural_form(_plain(number))
        for by_magnitude in (formats.get(category), formats.get("other")):
            if by_magnitude and str(scale) in by_magnitude:
                entry = by_magnitude[str(scale)]
                pattern = str(getattr(entry, "pattern", entry))
                word = pattern.split(";")[0].replace("'", "").replace("0", "").strip(" \u00a0")
                if word:
                    return word
        return ""


def _plain(number: Decimal) -> Decimal | int:
    """An integral Decimal as int, so CLDR plural rules see no fraction digits."""
    return int(number) if number == number.to_integral_value() else number.normalize()


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
