"""Amounts of money: symbol or ISO code before or after, currency names, ranges.

"$1 Mrd.", "Br2367", "BYN 50", "300 Mio. BYN", "4 Mrd. €", "800 Millionen Dollar", "1,2 млрд
долларов", "960 Millionen belarussischen Rubel", "$1,1 bis $1,2 Milliarden", "16-18 млрд
долларов", "от 1 до 2 млрд рублей"; compounds ("$2-billion deal", "2-Milliarden-Dollar-Deal"),
a stray full stop ("$3,5. Milliarden"), ticker style in a comma-decimal language ("3.25 BYN",
"USD 2.5"), amounts in words with a scale word ("half a billion dollars", "eine halbe Milliarde
Euro", "полтора миллиарда долларов"), signs ("-$5 million", "minus 5 Mio. Euro"). Two ends
that descend are two amounts, not a range ("from $1.2 billion to 833 million": a range is
written low to high).

Minor units ("65 копеек", "45 cents", "3 Cent") are hundredths of their currency; a kopeck
is the bare rouble's.

Two currencies depend on the article and are settled after the dates
(:func:`settle_currencies`): a territory's symbol ("Br") names the currency legal on the
article's date (unless a phrase after it says which: "Br1 in new money"), and a bare "Rubel" /
"рублей" is BYN in a text that mentions Belarus, Minsk or BelTA, else RUB. Then an amount in
two units becomes one ("2 рубля 50 копеек", "от 1 копейки до 2 рублей"). Last, a bare figure
takes the currency of the amount before it where the text leaves no doubt
(:func:`imply_currencies`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from babel.numbers import get_currency_precision

from .extras import TERRITORIAL_NAMES, BareCurrency, Minor, Territory
from .grammar import AmountWords, Grammar, Shape
from .lexicon import Lexicon, territory_currency, to_decimal
from .scan import Anchors, Found, new_paragraph, new_sentence, scan
from .values import DateValue, MoneyValue, NumberValue

__all__ = ["amounts_of", "find_money", "imply_currencies", "settle_currencies", "signed"]

_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
_SIGNS = frozenset("-−+")
_SPACES = frozenset(" \u00a0\u202f\u2009")


def find_money(text: str, anchors: Anchors, grammar: Grammar, lexicon: Lexicon) -> Iterator[Found]:
    """Amount candidates; amounts in words without a currency ("anderthalb Millionen") come
    as numbers, from the same pass over the text."""
    for shape in (grammar.money_prefixed, grammar.money_suffixed):
        for found in _find(shape, text, anchors, grammar, lexicon):
            yield signed(found, text, grammar)
    yield from _tickers(text, grammar)
    yield from _in_words(text, grammar, lexicon)


def _tickers(text: str, grammar: Grammar) -> Iterator[Found]:
    """Dot decimals with an ISO code after or before them ("3.25 BYN", "USD 2.5")."""
    ticker = grammar.ticker
    if ticker is None:
        return
    done = 0
    for dot in ticker.dot.finditer(text):
        start = dot.start()
        while start > done and text[start - 1].isdigit():
            start -= 1
        m = ticker.number.match(text, start)
        if m is None:
            continue
        start, end = m.start(), m.end()
        done = end
        after = ticker.code_after.match(text, end)
        if after is not None:
            code, end = after.group().strip(), after.end()
        else:
            before = ticker.code_before.search(text, max(0, start - 4), start)
            if before is None:
                continue
            code, start = before.group().strip(), before.start()
        value = MoneyValue((Decimal(m.group()),), code)
        yield signed(Found(start, end, "money", value), text, grammar)


def signed(found: Found, text: str, grammar: Grammar) -> Found:
    """The candidate with the sign written right before it inside its span and its value:
    "-2,1 %", "−$5 million", "minus 3 Prozent" negate the (first) number, "+5 %" is recorded
    as ``plus_sign``. A sign counts after a space, a bracket, a slash or a colon, or at the
    text's start ("Covid-19", "1.234-5.678" have none); a range opened by a preposition and
    a multiplier take none."""
    start, words = found.start, grammar.amount_words
    before = text[start - 1] if start else ""
    if before not in _SIGNS and not (
        before in _SPACES and start > 1 and text[start - 2] in words.minus_ends
    ):
        return found  # most figures: no sign; checked before anything else
    value = found.value
    if not isinstance(value, MoneyValue | NumberValue) or found.preposition:
        return found
    if isinstance(value, MoneyValue) and value.preposition:
        return found
    if isinstance(value, NumberValue) and value.unit == "multiplier":
        return found
    sign = words.sign.search(text, max(0, found.start - 12), found.start)
    if sign is None:
        return found
    new: MoneyValue | NumberValue
    if sign.group("sym") == "+":
        new = replace(value, plus_sign=True)
    elif isinstance(value, MoneyValue):
        new = replace(value, amounts=(-value.amounts[0], *value.amounts[1:]))
    else:
        new = replace(value, values=(-value.values[0], *value.values[1:]))
    return replace(found, start=sign.start(), value=new)


def _in_words(text: str, grammar: Grammar, lexicon: Lexicon) -> Iterator[Found]:
    """Amounts in words before a scale word: money with a currency after it, else a number
    (a word for one, "a million people", is no figure)."""
    words = grammar.amount_words
    if words.scale_words is None or words.number_word is None:
        return
    lead = words.number_word
    for m in words.scale_words.finditer(text):
        before = lead.pattern.search(text, max(0, m.start() - lead.window), m.start())
        if before is None:
            continue
        word, scale_word = before.group("w").lower(), m.group()
        factor = lexicon.scales.get(scale_word) or lexicon.scales.get(
            scale_word[:1].lower() + scale_word[1:], 1
        )
        amount = words.values[word] * factor
        currency = _currency_at(text, m.end(), grammar, lexicon)
        if currency is not None:
            end, code = currency
            if isinstance(code, Minor):
                continue  # "half a million cents": no news amount
            named = code if isinstance(code, str) else ""
            value = MoneyValue((amount,), named, scale=factor)
            pending = None if isinstance(code, str) else code
            yield Found(before.start(), end, "money", value, currency=pending)
        elif word not in words.ones:
            number = NumberValue((amount,), kind="scaled", scale=factor)
            yield Found(before.start(), m.end(), "number", number)


def _currency_at(
    text: str, pos: int, grammar: Grammar, lexicon: Lexicon
) -> tuple[int, str | Territory | BareCurrency | Minor] | None:
    """The end and currency of a symbol, ISO code or currency name at ``pos``, after one
    space or hyphen ("half a billion dollars", "полмиллиарда рублей", "a million-dollar")."""
    if text[pos : pos + 1] in (" ", "\u00a0", "-"):
        pos += 1
    symbol = grammar.symbol.match(text, pos)
    if symbol is not None:
        found = symbol.group()
        code = lexicon.symbols.get(found)
        return symbol.end(), code if code is not None else Territory(
            lexicon.territory_symbols[found]
        )
    iso = _CODE.match(text, pos)
    if iso is not None and iso.group() in lexicon.codes:
        return iso.end(), iso.group()
    return _currency_word(text, pos, grammar)


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
        found = None
        if first is not None:
            lead = shape.lead if preposition else None
            opener = lead.pattern.search(text, start, m.start()) if lead is not None else None
            at = opener.end("opener") if opener is not None else start
            found = _found(text, at, first.end(), first, False, grammar, lexicon)
        digits = anchors.digit
        low, high = bisect_left(digits, m.start("to")), bisect_left(digits, m.end())
        rest = list(_find(shape, text, Anchors(digits[low:high], []), grammar, lexicon))
        if found is None and rest and isinstance(rest[0].value, MoneyValue):
            # "von 27 auf 29 Rubel", "с 27 до 29 рублей": the first figure is in the
            # second's currency.
            found = _implied_end(text, m.start(), m.start("to"), rest[0], grammar, lexicon)
        if found is not None:
            yield found
        yield from rest


def _implied_end(
    text: str, start: int, end: int, second: Found, grammar: Grammar, lexicon: Lexicon
) -> Found | None:
    """The first end of a change whose currency only the second end names."""
    surface = text[start:end].rstrip()
    amounts, scales = amounts_of(surface, grammar, lexicon)
    value = second.value
    if len(amounts) != 1 or not isinstance(value, MoneyValue):
        return None
    implied = MoneyValue(tuple(amounts), value.currency, currency_implied=True, scale=scales[0])
    return Found(start, start + len(surface), "money", implied, currency=second.currency)


def _found(
    text: str,
    start: int,
    end: int,
    m: re.Match[str],
    preposition: bool,
    grammar: Grammar,
    lexicon: Lexicon,
) -> Found | None:
    word: str | Territory | BareCurrency | Minor | None = None
    figures = end  # where the figures end and a currency name starts
    if m.groupdict().get("word") is not None:
        named = _currency_word(text, end, grammar)
        if named is None:
            return None
        end, word = named
    # A minor unit's word is left out of the figures: the "k" of "kopeck" is no thousand.
    surface = text[start:figures] if isinstance(word, Minor) else text[start:end]
    found = _money(surface, word, grammar, lexicon)
    if found is None:
        return None
    value, pending = found
    if value.is_range and (_opens_a_change(text, start, lexicon) or _joined_by_change(m, lexicon)):
        return None  # "вырос с $412 млн до 530 млн": two amounts, each read on its own
    return Found(start, end, "money", replace(value, preposition=preposition), currency=pending)


def _joined_by_change(m: re.Match[str], lexicon: Lexicon) -> bool:
    """The two ends are joined by a word of change ("von 27 auf 29 Rubel")."""
    words = lexicon.extra.amounts.change_words
    joint = m.group("to") if "to" in m.groupdict() and m.group("to") else ""
    first = re.match(r"\s*(\w+)", joint)
    return bool(words) and first is not None and first.group(1) in words


def _opens_a_change(text: str, start: int, lexicon: Lexicon) -> bool:
    openers = lexicon.extra.amounts.change_openers
    before = re.search(r"(\w+)\s+\Z", text[max(0, start - 12) : start])
    return bool(openers) and before is not None and before.group(1).lower() in openers


def settle_currencies(
    found: Sequence[Found],
    article_date: date | None,
    text: str,
    grammar: Grammar,
    *,
    cues_in: str | None = None,
) -> list[Found]:
    """The amounts whose currency depends on the article, settled (see the module docstring).

    Without an article date, the latest explicit year in the text stands in for it. A bare
    currency word is settled by the mentions in ``cues_in`` (the whole article the text is
    part of), else in the text.
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
    promoted: dict[str, str] = {}  # an old currency without hundredths -> its successor
    after = grammar.denomination_after
    cued: bool | None = None  # whether the text names Belarus (see BareCurrency)
    for f in found:
        named = after.match(text, f.end) if after is not None and f.currency else None
        if isinstance(f.value, MoneyValue) and named is not None and named.lastgroup:
            # "Br1 in new money", "10 000 рублей в старых деньгах": the text says which.
            f = Found(f.start, f.end, f.kind, replace(f.value, currency=named.lastgroup))
        elif isinstance(f.value, MoneyValue) and isinstance(f.currency, Territory):
            code = territory_currency(f.currency.code, when)
            f = Found(f.start, f.end, f.kind, replace(f.value, currency=code))
        elif isinstance(f.value, MoneyValue) and isinstance(f.currency, BareCurrency):
            if cued is None:  # one search of the whole text, at the first bare word
                cues = grammar.currency_cues
                cued = cues is not None and cues.search(cues_in or text) is not None
            bare = f.currency
            code = bare.in_context if cued else bare.default
            if code in TERRITORIAL_NAMES.values():
                territory = code
                code = territory_currency(territory, when)
                if any(f.value.minor) and get_currency_precision(code) == 0:
                    # Kopecks in Belarus before July 2016: the old rouble had none (CLDR: no
                    # decimals), so they are the new rouble's, as in "Br6500 will be 65 kopecks".
                    promoted[code] = code = territory_currency(territory, None)
            f = Found(f.start, f.end, f.kind, replace(f.value, currency=code))
        out.append(f)
    return imply_currencies(_join_units(out, text, grammar, promoted), text, grammar)


def _join_units(
    found: list[Found], text: str, grammar: Grammar, promoted: dict[str, str]
) -> list[Found]:
    """Amounts written in two units made one: "2 рубля 50 копеек" (2.50, a space between) and
    "от 1 копейки до 2 рублей" (a range from 0.01 to 2); both ends in one currency, the
    minor-unit part less than one unit. The hundredths decide the currency: before July 2016
    "2 рубля 50 копеек" in Belarus is in new roubles (``promoted``). ``found`` is in text
    order."""
    if not any(isinstance(f.value, MoneyValue) and f.value.minor for f in found):
        return found  # most texts: nothing in hundredths
    out: list[Found] = []
    for f in found:
        before = out[-1] if out else None
        joined = _joined(before, f, text, grammar, promoted) if before is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(f)
    return out


def _joined(
    first: Found, second: Found, text: str, grammar: Grammar, promoted: dict[str, str]
) -> Found | None:
    a, b = first.value, second.value
    if not isinstance(a, MoneyValue) or not isinstance(b, MoneyValue):
        return None
    if a.is_range or b.is_range or not a.currency or a.currency_implied or b.currency_implied:
        return None
    minor, major = (a, b) if any(a.minor) else (b, a)
    if minor.currency != major.currency and promoted.get(major.currency) != minor.currency:
        return None
    gap = text[first.end : second.start]
    if any(b.minor) and not any(a.minor) and gap and not gap.strip(" \u00a0") and b.amounts[0] < 1:
        total = a.amounts[0] + b.amounts[0]
        value = replace(a, amounts=(total,), currency=b.currency)
        return Found(first.start, second.end, "money", value)
    joint = grammar.unit_range_joint
    if joint is None or not any(a.minor) or any(b.minor) or not joint.match(gap):
        return None
    if a.amounts[0] >= b.amounts[0]:
        return None
    # Only with its preposition: "rose 45 cents to $80.10" is a change and a price.
    opener = grammar.unit_range_opener
    opened = opener.search(text, max(0, first.start - 8), first.start) if opener else None
    if opened is None:
        return None
    value = replace(
        a,
        amounts=(a.amounts[0], b.amounts[0]),
        minor=(True, False),
        preposition=True,
        scale=max(a.scale, b.scale),
    )
    return Found(opened.start(), second.end, "money", value)


def imply_currencies(found: Sequence[Found], text: str, grammar: Grammar) -> list[Found]:
    """Bare figures that are amounts in the currency of the amount before them, as
    ``currency_implied`` money: "von $1,2 Mrd. auf 833 Millionen", "from $1.2 billion to 833
    million", "с $1,2 млрд до 833 млн", "$1,2 млрд, что на 63,3 млн больше".

    The rule: the nearest quantity (amount or number; dates do not count) before the figure,
    in the same paragraph, is an amount with a currency, and

    * the figure has a scale word and stands in the same sentence, or it is followed by a
      comparison word ("mehr", "more", "больше"), in that sentence or a later one of the
      paragraph ("Das sind 63,3 Mio. mehr");
    * and no unit is attached: the figure ends the sentence or clause, or a word follows
      that cannot be one (a preposition, conjunction or the like, :class:`~.extras.Amounts`;
      in German any lower-case word but CLDR's unit abbreviations, "2 Mio. t"). A percentage
      or a multiplier is never an amount.

    ``found`` is in text order, non-overlapping.
    """
    out: list[Found] = []
    before: Found | None = None
    for f in found:
        if f.kind not in ("money", "number") or f.value is None:
            out.append(f)
            continue
        if before is not None and isinstance(before.value, MoneyValue):
            implied = _implied(before, f, text, grammar.amount_words)
            f = implied if implied is not None else f
        out.append(f)
        before = f
    return out


def _implied(before: Found, f: Found, text: str, words: AmountWords) -> Found | None:
    amount, value = before.value, f.value
    if not isinstance(amount, MoneyValue) or not isinstance(value, NumberValue):
        return None
    if value.unit is not None or not amount.currency:
        return None
    gap = text[before.end : f.start]
    if new_paragraph(gap):
        return None
    after = _word_after(text, f.end)
    lead = words.comparison_lead
    compared = after in words.comparisons or (
        lead is not None
        and lead.search(text, max(before.end, f.start - 24), f.start) is not None
        and not new_sentence(text, before.end, f.start)
    )
    if not compared and (value.kind != "scaled" or new_sentence(text, before.end, f.start)):
        return None
    if not compared and not _unit_free(text, f.end, after, words):
        return None
    money = MoneyValue(
        value.values,
        amount.currency,
        currency_implied=True,
        scale=value.scale,
        plus_sign=value.plus_sign,
    )
    return replace(f, kind="money", value=money)


_WORD_AFTER = re.compile(r"[ \u00a0\u202f\u2009]*([^\W\d_][\w’'-]*)")
#: What may end a figure's clause: it leaves no room for a unit.
_CLAUSE_END = frozenset(".,;:!?)]}»«\"“”„'’–—…\n")


def _word_after(text: str, pos: int) -> str | None:
    m = _WORD_AFTER.match(text, pos)
    return m.group(1).lower() if m is not None else None


def _unit_free(text: str, pos: int, after: str | None, words: AmountWords) -> bool:
    """No unit follows the figure ending at ``pos`` (see :func:`imply_currencies`)."""
    if after is None:
        rest = text[pos:].lstrip(" \u00a0\u202f\u2009")
        return not rest or rest[0] in _CLAUSE_END
    if after in words.followers:
        return True
    m = _WORD_AFTER.match(text, pos)
    written = m.group(1) if m is not None else ""
    if text[pos - 1 : pos] == "." and written[:1].isupper() and not words.capitalised_nouns:
        return True  # "до 530 млн. Белорусские …": the abbreviation's full stop ends it
    return words.capitalised_nouns and written[:1].islower() and written not in words.units


def amounts_of(surface: str, grammar: Grammar, lexicon: Lexicon) -> tuple[list[Decimal], list[int]]:
    """The numbers of an amount or range, each times its scale word (inherited forward); a
    compound ("6 млн 210 тыс.", "1 Million 383 Tausend": scale words falling, nothing
    between but a space) is one number."""
    numbers: list[Decimal] = []
    scales: list[int | None] = []
    joined: list[bool] = []  # the number follows a scale word with only a space between
    last_scale_end = -1
    for m in grammar.piece.finditer(surface):
        if m.group("num"):
            numbers.append(to_decimal(m.group("num"), lexicon))
            scales.append(None)
            gap = surface[last_scale_end : m.start()] if last_scale_end >= 0 else "x"
            joined.append(len(numbers) > 1 and not gap.strip())
        elif numbers and scales[-1] is None:
            scales[-1] = lexicon.scales.get(m.group("scale"), 1)
            last_scale_end = m.end()
    for i in range(len(numbers) - 1, 0, -1):
        previous, scale = scales[i - 1], scales[i]
        if joined[i] and previous is not None and scale is not None and scale < previous:
            numbers[i - 1] += numbers[i] * scale / previous  # in the larger scale's units
            del numbers[i], scales[i], joined[i]
    filled = [s for s in scales if s is not None]
    default = filled[-1] if filled else 1
    resolved = [s if s is not None else default for s in scales]
    return [n * s for n, s in zip(numbers, resolved, strict=True)], resolved or [1]


def _currency_word(
    text: str, pos: int, grammar: Grammar
) -> tuple[int, str | Territory | BareCurrency | Minor] | None:
    """The end and currency of a currency name starting at ``pos`` ("Dollar", "рублей")."""
    names = grammar.currency_words.get(text[pos : pos + 1].lower())
    word = names.match(text, pos) if names is not None else None
    if word is None or word.lastgroup is None:
        return None
    return word.end(), grammar.currency_word_codes[word.lastgroup]


def _money(
    surface: str,
    word: str | Territory | BareCurrency | Minor | None,
    grammar: Grammar,
    lexicon: Lexicon,
) -> tuple[MoneyValue, Territory | BareCurrency | None] | None:
    """The amount's value, and what settles its currency when the text alone does not."""
    amounts, scales = amounts_of(surface, grammar, lexicon)
    if not amounts:
        return None
    if isinstance(word, Minor):
        # "65 копеек": 0.65 of the rouble the text means; "40 cents": $0.40.
        hundredths = tuple(a.scaleb(-2) for a in amounts)  # 50 -> 0.50, as money is written
        minor = (True,) * len(amounts)
        value = MoneyValue(hundredths, "", scale=max(scales), minor=minor)
        if isinstance(word.currency, str):
            return replace(value, currency=word.currency, currency_shared=word.shared), None
        return value, word.currency
    pieces = ["num" if m.group("num") else "scale" for m in grammar.piece.finditer(surface)]
    if len(amounts) == 2 and pieces[-1] == "num" and "scale" in pieces:
        return None  # "$800 million to 900 people": a scale on the first end alone
    if len(amounts) == 2 and amounts[0] >= amounts[1]:
        return None  # "from $1.2 billion to 833 million": a change; a range ascends
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
