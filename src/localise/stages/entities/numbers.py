"""Numbers outside dates and money: percentages, multipliers, scaled and grouped numbers.

"5,5 %", "25,3 Prozent", "5.5%", "7,92 Mio.", "1 Million 383 Tausend", "879 тыс.", "2-Mrd.",
"4,4-fache", "1.5-fold", "3 times as much", "3 Mal mehr", and numbers with a group or decimal
separator ("2.258.000", "140 268", "32,6"), with a sign where one is written ("-2,1 %",
"−2.1%", "minus 3 Prozent", "+5 %"). A bare integer ("300") is not an entity: it reads the
same in every locale. Neither are multipliers and fractions in words ("dreimal", "втрое",
"two-thirds", "треть") nor "1/3": the gold files annotate figures with a separator, a
percent, a scale word or a multiplier suffix only. Amounts in words before a scale word
("anderthalb Millionen") are found with the money (:mod:`.money`).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .grammar import Grammar
from .lexicon import Lexicon, to_decimal
from .money import amounts_of, signed
from .scan import Anchors, Found, scan
from .values import NumberKind, NumberValue

__all__ = ["find_numbers"]


def find_numbers(
    text: str, anchors: Anchors, grammar: Grammar, lexicon: Lexicon
) -> Iterator[Found]:
    g = grammar
    for _, m, _ in scan(g.percent, text, anchors):
        percents = tuple(to_decimal(n, lexicon) for n in g.number.findall(m.group()))
        value = NumberValue(percents, "percent", kind="percent")
        yield signed(Found(m.start(), m.end(), "number", value), text, grammar)
    for shape in (g.multiplier, g.counted):
        if shape is None:
            continue
        for start, m, _ in scan(shape, text, anchors):
            number = g.number.match(m.group())
            assert number is not None
            value = NumberValue(
                (to_decimal(number.group(), lexicon),), "multiplier", kind="multiplier"
            )
            yield Found(start, m.end(), "number", value)
    for _, m, _ in scan(g.scaled, text, anchors):
        if m.start() and text[m.start() - 1].isalpha():
            continue
        amounts, scales = amounts_of(m.group(), grammar, lexicon)
        # "800 bis 900 Millionen" is a range; "1 Million 383 Tausend" one number.
        is_range = len(amounts) == 2 and scales[0] == scales[1] and amounts[0] < amounts[1]
        values = tuple(amounts) if is_range else (sum(amounts, Decimal(0)),)
        value = NumberValue(values, kind="scaled", scale=max(scales))
        yield signed(Found(m.start(), m.end(), "number", value), text, grammar)
    for _, m, _ in scan(g.plain_number, text, anchors):
        surface = m.group()
        if (m.start() and text[m.start() - 1].isalpha()) or (
            m.end() < len(text) and text[m.end()].isalpha()
        ):
            continue
        has_decimal = lexicon.decimal in surface
        if not has_decimal and not any(sep in surface for sep in lexicon.groups):
            continue
        kind: NumberKind = "decimal" if has_decimal else "thousands"
        value = NumberValue((to_decimal(surface, lexicon),), kind=kind)
        yield signed(Found(m.start(), m.end(), "number", value), text, grammar)
