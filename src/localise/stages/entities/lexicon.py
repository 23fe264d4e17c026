"""The words and symbols the recognisers look for, per language, read from CLDR through Babel.

From CLDR (``Lexicon.build``): month and weekday names in every width and context (format and
stand-alone, so Russian genitive "января" and nominative "январь"), the number symbols of the
locale, scale words ("Millionen", "Mio.", "млн", "billion", "bn": the long and short compact
decimal formats in every plural form, of the locale and of its regional variants), the percent
unit ("Prozent", "процентов"), currency names in every plural form ("долларов США"), currency
symbols, ISO codes, the day periods ("AM") and the long date pattern (is the month written
before the day?).

CLDR has no case inflection, no prepositions and no "-fache": the few words it lacks are
in :mod:`.extras`, the one supplement (``Lexicon.extra``).
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from babel import Locale, localedata
from babel.core import UnknownLocaleError, get_global
from babel.dates import get_day_names, get_month_names, get_period_names
from babel.numbers import get_currency_name, list_currencies

from .extras import BARE, TERRITORIAL_NAMES, BareCurrency, Extras, Minor, Territory, extras_for


@dataclass(frozen=True)
class CurrencyWord:
    """What a currency name stands for: a code, or a bare word settled from the text; and
    the lower-cased first letters of its forms, so the grammar tries only the names that
    can start at a given letter."""

    currency: str | Territory | BareCurrency | Minor
    initials: str


_MONTH_WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")


@dataclass(frozen=True)
class Lexicon:
    """Everything a recogniser matches, for one locale; build it with :meth:`build`."""

    locale: Locale
    months: dict[str, int]
    weekdays: dict[str, int]
    decimal: str
    groups: tuple[str, ...]
    percent_sign: str
    percent_words: tuple[str, ...]
    scales: dict[str, int]
    currency_words: dict[str, CurrencyWord]
    symbols: dict[str, str]
    territory_symbols: dict[str, str]
    codes: frozenset[str]
    day_periods: dict[str, str]
    month_first: bool
    numeric_order: str
    numeric_separator: str
    extra: Extras = field(default_factory=Extras)

    @classmethod
    def build(cls, locale: Locale, numbers: Locale | None = None) -> Lexicon:
        """The lexicon of a locale; with ``numbers``, digits are read with that locale's
        separators instead (an English phrase that kept German digits, "1,1 billion")."""
        lang = str(locale.language)
        extra = extras_for(lang)
        numeric = numbers or locale
        symbols_of = numeric.number_symbols.get("latn", numeric.number_symbols)
        decimal = symbols_of.get("decimal", ".")
        group = symbols_of.get("group", ",")
        groups = {group, "’"} if group == "'" else {group}
        if decimal == "," or group.isspace():
            # Continental style: a space groups digits too ("140 268", "4 649").
            groups |= {" ", "\u00a0", "\u202f"}
        short = locale.date_formats["short"].pattern
        return cls(
            locale=locale,
            months=_months(locale, extra.month_endings, extra.months),
            weekdays=_weekdays(locale),
            decimal=decimal,
            groups=tuple(sorted(groups)),
            percent_sign=symbols_of.get("percentSign", "%"),
            percent_words=_percent_words(locale) + extra.percent_words,
            scales={**_scales(locale), **extra.scales},
            currency_words=_currency_words(locale, _extra_currency_words(extra)),
            symbols=_symbols(locale, extra.symbols),
            territory_symbols=_territory_symbols(),
            codes=_codes(),
            day_periods={**_day_periods(locale), **extra.day_periods},
            # Either order the language writes: en-GB text quotes "January 15" too.
            month_first=_month_first(locale) or _month_first(Locale(lang)),
            numeric_order="".join(c for c in dict.fromkeys(short) if c in "dMy"),
            numeric_separator=next((c for c in short if c in "./-"), "."),
            extra=extra,
        )


def _month_first(locale: Locale) -> bool:
    return bool(locale.date_formats["long"].pattern.lstrip("EGc, ").startswith(("M", "L")))


def variants(locale: Locale) -> list[Locale]:
    """The locale and its regional variants ("en" -> en_GB, en_IN...), script variants left out."""
    lang = str(locale.language)
    found = [locale]
    for ident in localedata.locale_identifiers():
        parts = ident.split("_")
        if parts[0] == lang and len(parts) == 2 and parts[1].isupper():
            found.append(Locale.parse(ident))
    return found


def _forms(names: Iterable[str]) -> set[str]:
    """Each name, title-cased, upper-cased, and with and without an abbreviation's period."""
    out: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        bases = {name, name.rstrip(".")} if name.endswith(".") else {name}
        for base in bases:
            out |= {base, base[:1].upper() + base[1:], base.upper()}
    return out


def _months(
    locale: Locale, endings: Iterable[str], extra: Mapping[str, int] | None = None
) -> dict[str, int]:
    months: dict[str, int] = {}
    wide: dict[int, set[str]] = {}
    for width in _MONTH_WIDTHS:
        for context in _CONTEXTS:
            full = get_month_names("wide", context, locale=locale)
            for number, name in get_month_names(width, context, locale=locale).items():
                spellings = [name]
                if width == "abbreviated" and name.isalpha() and name != full[number]:
                    spellings.append(name + ".")  # "Jan. 14", as English news abbreviates
                for form in _forms(spellings):
                    months[form] = number
                if width == "wide":
                    wide.setdefault(number, set()).add(name)
    for word, number in (extra or {}).items():
        for form in _forms([word]):
            months.setdefault(form, number)
    for number, names in wide.items():
        # The stem shared by the genitive and nominative forms takes the case endings CLDR
        # lacks: январ|я, январ|ь -> январ|е.
        stem = _common_prefix(names)
        if len(stem) >= 2:
            for form in _forms(stem + ending for ending in endings):
                months.setdefault(form, number)
    return months


def _weekdays(locale: Locale) -> dict[str, int]:
    days: dict[str, int] = {}
    for width in _MONTH_WIDTHS:
        for context in _CONTEXTS:
            for number, name in get_day_names(width, context, locale=locale).items():
                for form in _forms([name]):
                    days[form] = number
    return days


def _percent_words(locale: Locale) -> tuple[str, ...]:
    patterns = locale._data["unit_patterns"].get("concentr-percent", {}).get("long", {})
    words = {str(p).replace("{0}", "").strip() for p in patterns.values()}
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def _scales(locale: Locale) -> dict[str, int]:
    """Scale words of the compact decimal formats: "0 Millionen" under 10000000 -> 10**6."""
    scales: dict[str, int] = {}
    for variant in variants(locale):
        formats = variant.compact_decimal_formats
        for width in ("long", "short"):
            for by_magnitude in formats.get(width, {}).values():
                for magnitude, pattern in by_magnitude.items():
                    text = str(getattr(pattern, "pattern", pattern)).split(";")[0]
                    word = text.replace("'", "").replace("0", "").strip(" \u00a0\u202f")
                    zeros = text.count("0")
                    if not word or not zeros or not any(c.isalpha() for c in word):
                        continue
                    if "\u202f" in word or " " in word:
                        continue  # compound Indian forms ("lakh crore") are left out
                    scales.setdefault(word, int(magnitude) // 10 ** (zeros - 1))
    return scales


def _currency_words(
    locale: Locale, extra: Iterable[tuple[str | BareCurrency | Minor, Iterable[str]]]
) -> dict[str, CurrencyWord]:
    """A regex for each currency name (its inflected words as stem + ending) -> what it means;
    a minor unit's words exactly as written ("cent" + ending would read "centres")."""
    names: dict[str, set[str]] = {}
    for code in map(str, locale.currencies):
        forms = {get_currency_name(code, count, locale=locale) for count in (None, 1, 2, 5, 1.5)}
        names.setdefault(code, set()).update(f for f in forms if "(" not in f and f != code)
    words: dict[str, CurrencyWord] = {}
    groups: list[tuple[str | BareCurrency | Minor, set[str]]] = list(names.items())
    groups += [(currency, set(forms)) for currency, forms in extra]
    for named, forms in groups:
        if isinstance(named, Minor):
            exact = sorted((r"\s+".join(map(_cased, f.split())) for f in forms), key=len)
            initials = "".join(sorted({form[0].lower() for form in forms}))
            words.setdefault("(?:" + "|".join(reversed(exact)) + ")", CurrencyWord(named, initials))
            continue
        currency: str | Territory | BareCurrency | Minor = named
        if (
            isinstance(named, str)
            and not isinstance(named, _Denomination)
            and (named in TERRITORIAL_NAMES)
        ):
            currency = Territory(TERRITORIAL_NAMES[named])
        by_length: dict[int, list[list[str]]] = {}
        for form in forms:
            by_length.setdefault(len(form.split()), []).append(form.split())
        for split_forms in by_length.values():
            parts = []
            for position in range(len(split_forms[0])):
                column = {form[position] for form in split_forms}
                stem = _common_prefix(column)
                if len(column) > 1 and len(stem) >= 3:
                    parts.append(_cased(stem) + r"\w{0,4}")
                else:
                    parts.append("(?:" + "|".join(_cased(w) for w in sorted(column)) + ")")
            initials = "".join(sorted({form[0][0].lower() for form in split_forms}))
            words.setdefault(r"\s+".join(parts), CurrencyWord(currency, initials))
    return words


def _extra_currency_words(
    extra: Extras,
) -> list[tuple[str | BareCurrency | Minor, tuple[str, ...]]]:
    """The currency words of the supplement to recognise: (code, bare word or minor unit,
    forms)."""
    words: dict[str, tuple[str, ...]] = dict(extra.currencies)
    for code, name in extra.currency_names.items():
        forms = [*name.forms.values(), *([name.dative] if name.dative else [])]
        words[code] = (*words.get(code, ()), *forms)
    found: list[tuple[str | BareCurrency | Minor, tuple[str, ...]]] = list(words.items())
    found += [(_Denomination(code), forms) for code, forms in extra.denominations.items()]
    if extra.bare_currency is not None:
        found.append((extra.bare_currency, extra.bare_currency.words))
    for unit in extra.minor_units:
        if unit.of != BARE:
            found.append((Minor(unit.of, unit.shared), unit.all_words))
        elif extra.bare_currency is not None:
            found.append((Minor(extra.bare_currency), unit.all_words))
    return found


class _Denomination(str):
    """A currency code whose words name that one denomination whatever the date ("new
    roubles": BYN), unlike a territory's plain name (see :data:`~.extras.TERRITORIAL_NAMES`)."""


def _cased(word: str) -> str:
    """A regex matching the word with its first letter in either case."""
    first, rest = word[:1], re.escape(word[1:])
    if first.upper() == first.lower():
        return re.escape(first) + rest
    return f"[{re.escape(first.upper())}{re.escape(first.lower())}]" + rest


def _symbols(locale: Locale, extra: Mapping[str, str]) -> dict[str, str]:
    """Currency symbols -> code: the locale's own, then new ones from its regional variants.

    A symbol keeps the base locale's meaning ("$" stays USD although en_CA has it for CAD).
    """
    symbols: dict[str, str] = {}
    for variant in variants(locale):
        for code, symbol in variant.currency_symbols.items():
            if symbol != code and not symbol.isalpha():
                symbols.setdefault(symbol, code)
    symbols.update(extra)
    return symbols


def _territory_symbols() -> dict[str, str]:
    """Letter symbols used in a currency's home territory ("Br" in Belarus) -> territory code.

    The currency is then the territory's at the article's date (BYR before 1 July 2016, BYN
    after), from CLDR's currency history: see :func:`territory_currency`.
    """
    likely = get_global("likely_subtags")
    found: dict[str, set[str]] = {}
    for territory, history in get_global("territory_currencies").items():
        ident = likely.get(f"und_{territory}")
        if not ident or not territory.isalpha():
            continue
        try:
            home = Locale.parse(ident)
        except UnknownLocaleError:
            continue
        for code, _start, end, tender in history:
            symbol = home.currency_symbols.get(code, code) if end is None and tender else code
            # Only symbols with a lower-case letter ("Br", "zł", "Ft"): upper-case ones ("RF",
            # "FC", "KM") read as abbreviations next to a number far more often.
            if symbol != code and len(symbol) >= 2 and symbol.isalpha() and not symbol.isupper():
                found.setdefault(symbol, set()).add(territory)
    return {symbol: min(ts) for symbol, ts in found.items() if len(ts) == 1}


def _codes() -> frozenset[str]:
    """ISO codes of currencies in use since 2000: "PLZ" (the old złoty, and a German postal
    code's abbreviation) reads as no amount."""
    current = set()
    for history in get_global("territory_currencies").values():
        for code, _start, end, tender in history:
            if tender and (end is None or end >= (2000, 1, 1)):
                current.add(str(code))
    return frozenset(current) & frozenset(list_currencies())


def territory_currency(territory: str, when: date | None) -> str:
    """The legal tender of a territory on a date (today's when the date is unknown)."""
    for code, start, end, tender in reversed(get_global("territory_currencies")[territory]):
        if not tender:
            continue
        if when is None and end is None:
            return str(code)
        if when is not None and date(*start) <= when and (end is None or when < date(*end)):
            return str(code)
    return str(get_global("territory_currencies")[territory][-1][0])


def _day_periods(locale: Locale) -> dict[str, str]:
    names = get_period_names("abbreviated", "format", locale=locale)
    return {str(names[key]): key for key in ("am", "pm") if key in names}


def _common_prefix(words: Iterable[str]) -> str:
    items = list(words)
    if not items:
        return ""
    prefix = items[0]
    for word in items[1:]:
        while not word.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def to_decimal(text: str, lexicon: Lexicon) -> Decimal:
    """Parse a number written with the lexicon's separators: "1.234,5" (de) -> 1234.5."""
    digits = text
    for group in lexicon.groups:
        digits = digits.replace(group, "")
    return Decimal(digits.replace(lexicon.decimal, "."))
