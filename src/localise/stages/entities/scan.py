"""What the date, money and number finders share: a found candidate, scanning a shape, and
where a sentence or paragraph ends.

Speed: the digit runs and month names of a text are found once (:class:`Anchors`); each
shape's pattern is tried only where one starts, and the words before it ("vom", "$") are
matched backwards from there (see :mod:`.grammar`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...doc import SpanKind
from .extras import BareCurrency, Territory
from .grammar import Shape
from .values import DateKind, DateValue, MoneyValue, NumberValue

__all__ = ["Anchors", "Found", "Territory", "anchors_of", "new_paragraph", "new_sentence", "scan"]


@dataclass(frozen=True)
class Found:
    """A candidate entity: where it is and its value (None until the article settles it)."""

    start: int
    end: int
    kind: SpanKind
    value: DateValue | MoneyValue | NumberValue | None
    #: Dates whose year must come from the article: (month, day, month2, day2).
    pending: tuple[int | None, int | None, int | None, int | None] | None = None
    date_kind: DateKind = "date"
    weekday: bool = False
    time: str | None = None
    #: The end of a time range ("8.30 bis 17.30").
    time2: str | None = None
    #: The span opens with a preposition ("im Jahr 2024", "vom 14. bis 16.", "от 1 до 2").
    preposition: bool = False
    #: An amount whose currency the article settles: a territory's symbol, a bare word.
    currency: Territory | BareCurrency | None = None
    #: A pending period's part ("Q1", "H2"; see ``DateValue.part``).
    part: str | None = None


@dataclass(frozen=True)
class Anchors:
    """Where a shape's core may start, found once per text: runs of digits, month names."""

    digit: list[int]
    month: list[int]
    #: Where a period word starts ("ersten Quartal", "Q1", "Ende"), see :mod:`.periods`.
    word: list[int] = field(default_factory=list)


_DIGITS = re.compile(r"\d+")


def anchors_of(text: str, month_anchor: re.Pattern[str]) -> Anchors:
    return Anchors(
        [m.start() for m in _DIGITS.finditer(text)],
        [m.start() for m in month_anchor.finditer(text)],
    )


def scan(shape: Shape, text: str, anchors: Anchors) -> Iterator[tuple[int, re.Match[str], bool]]:
    """The shape's matches, left to right and not overlapping one another (as ``finditer``
    would give them), each with where it starts (its lead's start) and whether it opens with a
    preposition. A range opener ("vom", "от") belongs to the span only when the core is a
    range: "от 1 до 2 млрд" but "от" + "5 млрд"."""
    match, lead, required = shape.core.match, shape.lead, shape.lead_required
    end = 0
    positions = {"digit": anchors.digit, "month": anchors.month, "word": anchors.word}
    for pos in positions[shape.anchor]:
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
            elif not shape.lead_in_span:
                pass  # the lead only says what the core means ("rose 9 times")
            elif before.groupdict().get("opener") is None:
                start = before.start()
            elif shape.range_group is not None and m.group(shape.range_group) is None:
                start = before.end("opener")
            else:
                start, preposition = before.start(), True
        end = m.end()
        yield start, m, preposition


_SENTENCE = re.compile(r"[.!?…][\"'»”)]*\s+[\"'„“«(]*([^\W\d_])")


def new_paragraph(gap: str) -> bool:
    """A blank line, or a line break before a line that does not go on in lower case (a
    hard-wrapped paragraph does)."""
    for m in re.finditer(r"\n", gap):
        rest = gap[m.end() :].lstrip(" \t\u00a0")
        if not rest[:1].islower():
            return True
    return False


def new_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` and ``end`` (the full stop may be the one
    ending the amount before, "$1,2 Mrd. Im Vorjahr ...")."""
    return any(m.group(1).isupper() for m in _SENTENCE.finditer(text, max(0, start - 1), end))
