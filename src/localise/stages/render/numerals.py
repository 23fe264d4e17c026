"""Numbers as a locale writes them: digits, grouping, decimal mark, percent, scale words."""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from ..entities.extras import extras_for

__all__ = ["number_text", "percent_text", "plain", "plus_sign", "scale_word"]


def number_text(number: Decimal, locale: Locale) -> str:
    """The number in the locale's digits, grouping and decimal mark, with as many decimals as
    it was written with ("1,20" stays "1.20", "51,0" "51.0").

    >>> number_text(Decimal("2258000"), Locale.parse("de_CH")), number_text(Decimal("1.20"),
    ...     Locale.parse("ru"))
    ("2'258'000", '1,20')
    """
    decimals = max(0, -int(number.as_tuple().exponent))
    # Enough precision for every digit (Decimal's default 28 would raise InvalidOperation for
    # a longer figure), for the rounding here and Babel's own.
    with localcontext() as context:
        context.prec = max(context.prec, number.adjusted() + decimals + 2)
        return _number_text(round(number, decimals), decimals, locale)


def _number_text(rounded: Decimal, decimals: int, locale: Locale) -> str:
    group = get_group_symbol(locale)
    if group != "'":
        return format_decimal(rounded, format=_with_decimals("#,##0", decimals), locale=locale)
    # Babel reads an apostrophe group symbol as a pattern quote and drops it once a number
    # has two groups (de-CH 2258000 came out "2258000"): group by hand.
    ungrouped = format_decimal(
        rounded, format=_with_decimals("0", decimals), locale=locale, group_separator=False
    )
    sign = "-" if ungrouped.startswith("-") else ""
    digits = ungrouped.removeprefix("-")
    decimal = get_decimal_symbol(locale)
    integral, _, fraction = digits.partition(decimal)
    size = locale.decimal_formats[None].grouping[0]
    groups = [integral[max(0, end - size) : end] for end in range(len(integral), 0, -size)]
    return sign + group.join(reversed(groups)) + (decimal + fraction if fraction else "")


def plus_sign(locale: Locale) -> str:
    """The locale's plus sign (CLDR ``plusSign``), written before a figure whose source had
    one ("+5 %"); a minus comes with the number itself."""
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    return str(symbols.get("plusSign", "+"))


def percent_text(
    number: Decimal, locale: Locale, style: str = "sign", *, plus: bool = False
) -> str:
    """A percentage (``number`` is 5.5 for 5.5 %) with the number's own decimals: in the
    locale's percent pattern ("sign": "5,5 %", "5.5%"), without its space ("tight": "5,5%"),
    or with the word ("word": "5,5 Prozent", "5.5 per cent"); ``plus`` writes a plus sign
    before a positive number ("+5,5 %"), as the source did.

    >>> percent_text(Decimal("-2.1"), Locale.parse("de_DE")), percent_text(Decimal("5"),
    ...     Locale.parse("en_US"), plus=True)
    ('-2,1\xa0%', '+5%')
    """
    digits = number_text(number, locale)
    if plus and number > 0:
        digits = plus_sign(locale) + digits
    if style == "tight":
        return f"{digits}{_percent_sign(locale)}"
    if style == "word":
        words = _PERCENT_WORDS.get(str(locale), _PERCENT_WORDS.get(str(locale.language)))
        if words is not None:
            return f"{digits} {words}"
    pattern = str(locale.percent_formats[None].pattern).split(";")[0]
    numeric = _NUMERIC_PATTERN.search(pattern)
    if numeric is None:
        return f"{digits}%"
    return pattern[: numeric.start()] + digits + pattern[numeric.end() :]


#: Percent words of news prose (CLDR's unit names are "Prozent" and "percent" too, but give
#: "per cent" to no English locale although British papers write it).
_PERCENT_WORDS = {"de": "Prozent", "en": "percent", "en_GB": "per cent"}
_NUMERIC_PATTERN = re.compile(r"[#0,.]+")


def _percent_sign(locale: Locale) -> str:
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    return str(symbols.get("percentSign", "%"))


def _with_decimals(pattern: str, decimals: int) -> str:
    return pattern + ("." + "0" * decimals if decimals else "")


def scale_word(scale: int, number: Decimal, locale: Locale, width: str = "long") -> str:
    """The scale word for 10**k in the plural form for the number: "Milliarde", "billion",
    "млрд"; ``width`` "short" gives news abbreviations ("bn", "Mrd.", "млрд")."""
    if scale < 1000:
        return ""
    lang = str(locale.language)
    short = extras_for(lang).short_scales
    if width == "short" and scale in short:
        return short[scale]
    formats = locale.compact_decimal_formats.get(width, {})
    category = locale.plural_form(plain(number))
    for by_magnitude in (formats.get(category), formats.get("other")):
        if by_magnitude and str(scale) in by_magnitude:
            entry = by_magnitude[str(scale)]
            pattern = str(getattr(entry, "pattern", entry))
            word = pattern.split(";")[0].replace("'", "").replace("0", "").strip(" \u00a0")
            if word:
                return word
    return ""


def plain(number: Decimal) -> Decimal | int:
    """An integral Decimal as int, so CLDR plural rules see no fraction digits."""
    return int(number) if number == number.to_integral_value() else number.normalize()
