"""The parsed values carried by date, money and number spans.

``==`` means "the same fact": the fields that only describe how the source wrote it (a date's
``kind`` and ``year_implied``, an amount's scale word, an opening preposition) are left out of
the comparison, so the repair step can find the engine's spelling of a value by equality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

DateKind = Literal[
    "date",
    "datetime",
    "weekday_date",
    "day_month",
    "month_year",
    "year",
    "iso_date",
    "time",
    "time_range",
    "day_range",
    "month_range",
    "year_range",
    "quarter",
    "half_year",
    "decade",
]
NumberKind = Literal["percent", "scaled", "thousands", "decimal", "multiplier"]


@dataclass(frozen=True)
class DateValue:
    """A calendar date, month, year or clock time, or a range of them (``until``).

    ``year`` is None when the text gave none and no article date could supply it.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    time: str | None = None
    until: DateValue | None = None
    kind: DateKind = field(default="date", compare=False)
    year_implied: bool = field(default=False, compare=False)
    weekday: bool = field(default=False, compare=False)
    #: The source opened the span with a preposition ("im Jahr 2024", "vom 14. bis 16.
    #: Januar"); the rendering then carries the target language's (see ``render``).
    preposition: bool = field(default=False, compare=False)
    #: A part of the year or month, which is part of the fact: a quarter or half-year
    #: ("Q1".."Q4", "H1", "H2"), the start, middle or end ("start", "mid", "end": "Ende
    #: 2024"), or a fiscal year ("fiscal").
    part: str | None = None

    def iso(self) -> str:
        """``2025-01-14``, ``2025-01``, ``2025``, ``2025-Q1`` (a quarter or half-year), or
        ``--01-14`` without a year. The start, middle or end of a period, and a fiscal year,
        are written as the period (``Ende 2024``: ``2024``), as the gold files have them."""
        parts = [f"{self.year:04d}" if self.year is not None else "-"]
        if self.part is not None and self.part[:1] in "QH" and self.month is None:
            return f"{parts[0]}-{self.part}"
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def to_json(self) -> dict[str, Any]:
        value = self.iso() if self.until is None else f"{self.iso()}/{self.until.iso()}"
        return {
            "value": value,
            "time": self.time,
            "year_implied": self.year_implied,
            "kind": self.kind,
            **({"part": self.part} if self.part is not None else {}),
        }


@dataclass(frozen=True)
class MoneyValue:
    """An amount of money, or a range of two (``amounts`` in units, in order)."""

    amounts: tuple[Decimal, ...]
    currency: str
    currency_implied: bool = field(default=False, compare=False)
    scale: int = field(default=1, compare=False)
    #: The source opened the range with a preposition ("от 1 до 2 млрд рублей").
    preposition: bool = field(default=False, compare=False)
    #: The source wrote a plus sign ("+$5 million"); a minus is in the amount itself.
    plus_sign: bool = field(default=False, compare=False)
    #: Per amount, whether the source wrote it in the currency's hundredths ("65 копеек" is
    #: 0.65 roubles); empty when none is.
    minor: tuple[bool, ...] = field(default=(), compare=False)
    #: The currency is the usual reading of a word two currencies share ("cents").
    currency_shared: bool = field(default=False, compare=False)

    @property
    def is_range(self) -> bool:
        return len(self.amounts) > 1

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "amounts": [_plain(a) for a in self.amounts],
            "currency": self.currency,
            "range": self.is_range,
        }
        if self.currency_implied:
            out["currency_implied"] = True
        if any(self.minor):
            out["minor_unit"] = list(self.minor)
        return out


@dataclass(frozen=True)
class NumberValue:
    """A number outside dates and money: a percentage, a multiplier or a plain quantity.

    ``unit`` is part of the fact (5 % is not 5); ``kind`` and ``scale`` say how it was written
    (``scale`` is the factor of its scale word: 10**6 for "Millionen").
    """

    values: tuple[Decimal, ...]
    unit: Literal["percent", "multiplier"] | None = None
    kind: NumberKind = field(default="decimal", compare=False)
    scale: int = field(default=1, compare=False)
    #: The source wrote a plus sign ("+5 %"); a minus is in the value itself ("-2,1 %").
    plus_sign: bool = field(default=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        plain = [_plain(v) for v in self.values]
        return {"value": plain[0] if len(plain) == 1 else plain, "kind": self.kind}


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)
