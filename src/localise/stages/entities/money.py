"""Amounts of money: symbol or ISO code before or after, currency names, ranges.

"$1 Mrd.", "Br2367", "BYN 50", "300 Mio. BYN", "4 Mrd. €", "800 Millionen Dollar", "1,2 млрд
долларов", "960 Millionen belarussischen Rubel", "$1,1 bis $1,2 Milliarden", "16-18 млрд
долларов", "от 1 до 2 млрд рублей". Two currencies depend on the article and are settled after
the dates (:func:`settle_currencies`): a territory's symbol ("Br") names the currency legal on
the article's date, and a bare "Rubel" / "рублей" is BYN in a text that mentions Belarus, Minsk
or BelTA, else RUB.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from .extras import TERRITORIAL_NAMES, BareCurrency, Territory
from .grammar import Grammar, Shape
from .lexicon import Lexicon, territory_currency, to_decimal
from .scan import Anchors, Found, scan
from .values import DateValue, MoneyValue

__all__ = ["amounts_of", "find_money", "settle_currencies"]

_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")


def find_money(text: str, anchors: Anchors, grammar: Grammar, lexicon: Lexicon) -> Iterator[Found]:
    for shape in (grammar.money_prefixed, grammar.money_suffixed):
        yield from _find(shape, text, anchors, grammar, lexicon)


def _find(
    shape: Shape, text: str, anchors: Anchors, grammar: Grammar, lexicon: Lexicon
) -> Iterator[Found]:
    for start, m, preposition in scan(shape, text, anchors):
        found = _found(text, start, m.end(), m, preposition, grammar, lexicon)
        if found is not None:
            yield found
            continue
        if m.group("to") is None:
            continue
        # Not one range ("$800 million to €900 million", "$800 million to 900 people"):
        # each end is read on its own.
        first = shape.core.match(text, m.start(), m.start("to"))
        if first is not None:
            lead = shape.lead if preposition else None
            opener = lead.pattern.search(text, start, m.start()) if lead is not None else None
            at = opener.end("opener") if opener is not None else start
            found = _found(text, at, first.end(), first, False, grammar, lexicon)
            if found is not None:
                yield found
        rest = [p for p in anchors.digit if m.start("to") <= p < m.end()]
        yield from _find(shape, text, Anchors(rest, []), grammar, lexicon)


def _found(
    text: str,
    start: int,
    end: int,
    m: re.Match[str],
    preposition: bool,
    grammar: Grammar,
    lexicon: Lexicon,
) -> Found | None:
    word: str | Territory | BareCurrency | None = None
    if m.groupdict().get("word") is not None:
        named = _currency_word(text, end, grammar)
        if named is None:
            return None
        end, word = named
    found = _money(text[start:end], word, grammar, lexicon)
    if found is None:
        return None
    value, pending = found
    return Found(start, end, "money", replace(value, preposition=preposition), currency=pending)


def settle_currencies(
    found: Sequence[Found], article_date: date | None, text: str, grammar: Grammar
) -> list[Found]:
    """The amounts whose currency depends on the article, settled (see the module docstring).

    Without an article date, the latest explicit year in the text stands in for it.
    """
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
        if isinstance(f.value, MoneyValue) and isinstance(f.currency, Territory):
            code = territory_currency(f.currency.code, when)
            f = Found(f.start, f.end, f.kind, replace(f.value, currency=code))
        elif isinstance(f.value, MoneyValue) and isinstance(f.currency, BareCurrency):
            cues = grammar.currency_cues
            bare = f.currency
            code = bare.in_context if cues is not None and cues.search(text) else bare.default
            if code in TERRITORIAL_NAMES.values():
                code = territory_currency(code, when)
            f = Found(f.start, f.end, f.kind, replace(f.value, currency=code))
        out.append(f)
    return out


def amounts_of(surface: str, grammar: Grammar, lexicon: Lexicon) -> tuple[list[Decimal], list[int]]:
    """The numbers of an amount or range, each times its scale word (inherited forward)."""
    numbers: list[Decimal] = []
    scales: list[int | None] = []
    for m in grammar.piece.finditer(surface):
        if m.group("num"):
            numbers.append(to_decimal(m.group("num"), lexicon))
            scales.append(None)
        elif numbers and scales[-1] is None:
            scales[-1] = lexicon.scales.get(m.group("scale"), 1)
    filled = [s for s in scales if s is not None]
    default = filled[-1] if filled else 1
    resolved = [s if s is not None else default for s in scales]
    return [n * s for n, s in zip(numbers, resolved, strict=True)], resolved or [1]


def _currency_word(
    text: str, pos: int, grammar: Grammar
) -> tuple[int, str | Territory | BareCurrency] | None:
    """The end and currency of a currency name starting at ``pos`` ("Dollar", "рублей")."""
    names = grammar.currency_words.get(text[pos : pos + 1].lower())
    word = names.match(text, pos) if names is not None else None
    if word is None or word.lastgroup is None:
        return None
    return word.end(), grammar.currency_word_codes[word.lastgroup]


def _money(
    surface: str,
    word: str | Territory | BareCurrency | None,
    grammar: Grammar,
    lexicon: Lexicon,
) -> tuple[MoneyValue, Territory | BareCurrency | None] | None:
    """The amount's value, and what settles its currency when the text alone does not."""
    amounts, scales = amounts_of(surface, grammar, lexicon)
    if not amounts:
        return None
    pieces = ["num" if m.group("num") else "scale" for m in grammar.piece.finditer(surface)]
    if len(amounts) == 2 and pieces[-1] == "num" and "scale" in pieces:
        return None  # "$800 million to 900 people": a scale on the first end alone
    currency: str | Territory | BareCurrency | None = None
    symbols = {m.group() for m in grammar.symbol.finditer(surface)}
    if len({lexicon.symbols.get(s, s) for s in symbols}) > 1:
        return None  # "$800 million to €900 million": two amounts, not one range
    symbol = grammar.symbol.search(surface)
    if symbol is not None:
        found = symbol.group()
        code = lexicon.symbols.get(found)
        currency = code if code is not None else Territory(lexicon.territory_symbols[found])
    if currency is None:
        codes = [c for c in _CODE.findall(surface) if c in lexicon.codes]
        currency = codes[0] if codes else None
    if currency is None:
        currency = word
    if currency is None:
        return None
    if isinstance(currency, str):
        return MoneyValue(tuple(amounts), currency, scale=max(scales)), None
    # Settled by settle_currencies; until then, the value has no currency.
    return MoneyValue(tuple(amounts), "", scale=max(scales)), currency
