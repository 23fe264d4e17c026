"""Amounts of money and numbers as a locale writes them, in a desk's style."""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol

from ...config import StyleRules
from ..entities import MoneyValue, NumberValue
from ..entities.extras import BARE, TERRITORIAL_NAMES, Extras
from ..entities.lexicon import territory_currency
from .numerals import number_text, percent_text, plain, plus_sign, scale_word

__all__ = ["AmountWriter"]

_RANGE = "{0}–{1}"
#: A count of each CLDR plural form, to ask CLDR for that form's currency name.
_SAMPLE_COUNTS: dict[str, Decimal | int] = {
    "zero": 0, "one": 1, "two": 2, "few": 3, "many": 5, "other": Decimal("1.5"),
}  # fmt: skip
#: Belarus's roubles before the 2016 redenomination: CLDR labels their name "(2000–2016)",
#: which reads as a footnote in prose. Written with the current rouble's name; the date says
#: which (and a style may add its word, ``StyleRules.old_rouble``).
_OLD_ROUBLES = {"BYR": "BYN"}


class AmountWriter:
    """Writes MoneyValues and NumberValues for one locale and style."""

    def __init__(self, locale: Locale, extra: Extras, style: StyleRules) -> None:
        self.locale = locale
        self.lang = str(locale.language)
        self.extra = extra
        self.style = style
        # Symbol placement follows the language's base locale: de-CH writes news amounts like
        # de-DE ("1,1 Milliarden US-Dollar") although its currency pattern puts "¤" first.
        base = Locale(self.locale.language)
        self._symbol_first = str(base.currency_formats["standard"].pattern).startswith("¤")

    def number(self, value: Decimal, *, plus: bool = False) -> str:
        """The number in the locale's digits; ``plus`` writes the locale's plus sign before a
        positive one ("+5"), a negative one has CLDR's minus ("-2,1")."""
        digits = number_text(value, self.locale)
        return plus_sign(self.locale) + digits if plus and value > 0 else digits

    def scale_word(self, scale: int, number: Decimal, *, like: str = "") -> str:
        """The scale word for the number; ``like`` a word it replaces, whose width it takes."""
        width = "short" if like.endswith(".") or (like and len(like) <= 4) else "long"
        if not like:
            width = "short" if self.style.scale == "short" else "long"
        return scale_word(scale, number, self.locale, width)

    def money(self, value: MoneyValue) -> str:
        """The amount in the locale's news style; one whose currency the source left implied
        ("auf 833 Millionen" after a dollar amount) is written without it, as the source
        wrote it ("833 million"); a sign goes before a leading symbol ("-$5 million")."""
        minor = self._in_minor_unit(value)
        if minor is not None:
            return minor
        scale = value.scale if value.scale >= 1000 else 1
        scaled = [a / scale for a in value.amounts]
        shared = self.scale_word(scale, scaled[-1])
        numbers = [self.number(n, plus=value.plus_sign and i == 0) for i, n in enumerate(scaled)]
        if value.currency_implied:
            body = numbers[0] if len(numbers) == 1 else _RANGE.format(*numbers)
            return " ".join(p for p in (body, shared) if p)
        symbol = self._symbol(value.currency)
        count = plain(value.amounts[-1] if scale > 1 else scaled[-1])
        # "от 1 до 2 млрд рублей" keeps its preposition: "from $1 to $2 billion".
        phrases = self.extra.phrases
        phrase = phrases.amount_range if value.preposition and phrases else None
        dative = phrase is not None
        if phrase is None and self.style.ranges == "words" and phrases and self.lang != "ru":
            phrase = "{0}" + phrases.amount_range.split("{0}", 1)[1]  # "{0} to {1}"
        if len(numbers) == 1:
            phrase = None
        name = self._currency_name(value.currency, count, dative=dative and phrase is not None)
        if symbol is not None:
            if len(numbers) == 1:
                return " ".join(p for p in (_symbolised(symbol, numbers[0]), shared) if p)
            ends = [" ".join(p for p in (_symbolised(symbol, n), shared) if p) for n in numbers]
            if phrase is not None and self.style.ranges == "words":
                return phrase.format(*ends)
            if phrase is not None:
                body = phrase.format(*(_symbolised(symbol, number) for number in numbers))
            else:
                body = _symbolised(symbol, _RANGE.format(*numbers))
            return " ".join(p for p in (body, shared) if p)
        body = numbers[0] if len(numbers) == 1 else (phrase or _RANGE).format(*numbers)
        return " ".join(p for p in (body, shared, name) if p)

    def _in_minor_unit(self, value: MoneyValue) -> str | None:
        """A single amount the source wrote in hundredths, in the locale's word for them
        ("65 kopecks", "65 Kopeken", "65 копеек"); None when it has none (a range in two
        units is written in the main unit: "от 0,01 до 2 рублей")."""
        if value.minor != (True,) or value.currency_implied:
            return None
        bare = self.extra.bare_currency
        for unit in self.extra.minor_units:
            if unit.of == value.currency or (
                unit.of == BARE
                and bare is not None
                and value.currency in (bare.default, _today(bare.in_context))
            ):
                hundredths = plain(value.amounts[0] * 100)
                form = unit.forms.get(self.locale.plural_form(hundredths))
                return f"{self.number(Decimal(hundredths))} {form or unit.forms['other']}"
        return None

    def symbol(self, code: str) -> str | None:
        """The currency's symbol: the style's, else the locale's (None when it has none)."""
        house = self.style.symbol(code) or self.style.symbol(_OLD_ROUBLES.get(code, ""))
        if house is not None:
            return house
        symbol = get_currency_symbol(code, locale=self.locale)
        return symbol if symbol != code else None

    def currency_name(self, code: str, count: Decimal) -> str:
        return self._currency_name(code, plain(count), dative=False)

    def _symbol(self, code: str) -> str | None:
        """The symbol an amount is written with, or None for number + currency name."""
        house = self.style.symbol(code) or self.style.symbol(_OLD_ROUBLES.get(code, ""))
        if house is not None:
            return house
        if self.style.currency != "symbol" or not self._symbol_first:
            return None
        symbol = get_currency_symbol(code, locale=self.locale)
        return symbol if symbol != code else None

    def _currency_name(self, code: str, count: Decimal | int, *, dative: bool) -> str:
        """The house-style name (``currency_names`` of the supplement) in the plural form
        CLDR's rules give for the count, else CLDR's name."""
        current = _OLD_ROUBLES.get(code, code)
        label = f" ({self.style.old_rouble})" if current != code and self.style.old_rouble else ""
        name = self.extra.currency_names.get(current)
        if name is None:
            form = self.locale.plural_form(count)
            if dative and form in self.extra.range_forms:
                count = _SAMPLE_COUNTS[self.extra.range_forms[form]]  # the case's form
            return get_currency_name(current, count=count, locale=self.locale) + label
        if dative and name.dative is not None:
            return name.dative + label
        return name.forms.get(self.locale.plural_form(count), name.forms["other"]) + label

    def percent(self, value: Decimal, *, plus: bool = False) -> str:
        return percent_text(value, self.locale, self.style.percent, plus=plus)

    def figure(self, value: NumberValue) -> str:
        plus = value.plus_sign
        if value.unit == "percent":
            last = self.percent(value.values[-1], plus=plus and len(value.values) == 1)
            if len(value.values) == 1:
                return last
            return _RANGE.format(self.number(value.values[0], plus=plus), last)
        if value.unit == "multiplier":
            multiplier = self.extra.multiplier
            pattern = multiplier.rendering if multiplier is not None else "{0}×"
            return pattern.format(self.number(value.values[0]))
        if value.kind == "scaled" and value.scale >= 1000:
            scaled = [v / value.scale for v in value.values]
            word = self.scale_word(value.scale, scaled[-1])
            numbers = [self.number(n, plus=plus and i == 0) for i, n in enumerate(scaled)]
            body = numbers[0] if len(numbers) == 1 else _RANGE.format(*numbers)
            return f"{body} {word}"
        numbers = [self.number(n, plus=plus and i == 0) for i, n in enumerate(value.values)]
        return numbers[0] if len(numbers) == 1 else _RANGE.format(*numbers)


def _today(named: str) -> str:
    """The currency a bare word's context names today: a territory's legal tender ("BY":
    BYN), else the code itself."""
    return territory_currency(named, None) if named in TERRITORIAL_NAMES.values() else named


def _symbolised(symbol: str, digits: str) -> str:
    """A symbol before the digits, after their sign: "$5", "-$5" (CLDR's "-¤#,##0.00")."""
    if digits[:1] in "-−+":
        return digits[0] + symbol + digits[1:]
    return symbol + digits
