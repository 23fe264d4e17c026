"""How protected spans cross machine translation: one mechanism for names, dates and amounts.

Before MT, each span's text in a segment is replaced by its ``rendering`` (the exact target
form: "Lukashenko", "14 January", "$1.1 billion"), so the engine sees the final form and has
only to carry it over. After MT, :func:`verify` checks that every rendering is in the output:

* ``kept``      the rendering is there;
* ``repaired``  the engine wrote another form of the same thing (one of the span's
                ``alternates``, e.g. the source spelling, or a recognised entity with the same
                value) and it was replaced by the rendering;
* ``missing``   neither was found; the report flags it for a human.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..doc import Span

CheckStatus = Literal["kept", "repaired", "missing"]

#: Finds entities in the MT output: the target language's recogniser, for value matching.
FindEntities = Callable[[str], Sequence[Span]]


@dataclass(frozen=True)
class Check:
    """What became of one protected span in the translation."""

    span: Span
    status: CheckStatus
    found: str | None = None  # what the engine wrote instead, when repaired


def protect(
    text: str, offset: int, spans: Sequence[Span], joins: Sequence[tuple[int, int]] = ()
) -> str:
    """``text`` (starting at ``offset`` in the Doc) with every span replaced by its rendering
    and every ``joins`` region (a soft line break with its continuation syntax) by a space."""
    edits = [
        *((s.start, s.end, s.rendering if s.rendering is not None else s.text) for s in spans),
        *((start, end, " ") for start, end in joins),
    ]
    parts = []
    position = offset
    for start, end, replacement in sorted(edits):
        parts.append(text[position - offset : start - offset])
        parts.append(replacement)
        position = end
    parts.append(text[position - offset :])
    return "".join(parts)


def verify(
    output: str, spans: Sequence[Span], find_entities: FindEntities | None = None
) -> tuple[str, list[Check]]:
    """Check an MT output for every span's rendering; repair what can be repaired."""
    claimed: list[tuple[int, int]] = []
    edits: list[tuple[int, int, str]] = []
    checks: list[Check] = []
    recognised: Sequence[Span] | None = None
    for span in spans:
        rendering = span.rendering if span.rendering is not None else span.text
        hit = _find_unclaimed(output, rendering, claimed)
        if hit is not None:
            claimed.append(hit)
            checks.append(Check(span, "kept"))
            continue
        hit = _find_alternate(output, span, claimed)
        if hit is not None:
            hit = _with_clitic(output, hit, rendering)
        if hit is None and find_entities is not None:
            if recognised is None:
                recognised = find_entities(output)
            hit = _find_same_value(span, recognised, claimed)
            if hit is not None:
                hit = _with_lead_in(output, hit, rendering)
        if hit is None:
            checks.append(Check(span, "missing"))
            continue
        claimed.append(hit)
        edits.append((hit[0], hit[1], rendering))
        checks.append(Check(span, "repaired", found=output[hit[0] : hit[1]]))
    return _apply(output, edits), checks


def _find_alternate(
    output: str, span: Span, claimed: list[tuple[int, int]]
) -> tuple[int, int] | None:
    # Longest first, so "Alexander Lukaschenko" is preferred to "Lukaschenko".
    for alternate in sorted({span.text, *span.alternates}, key=len, reverse=True):
        hit = _find_unclaimed(output, alternate, claimed)
        if hit is not None:
            return hit
    return None


def _with_clitic(output: str, hit: tuple[int, int], rendering: str) -> tuple[int, int]:
    """Extend a hit over the possessive the rendering carries too ("Lukaschenko" + "'s")."""
    for apostrophe in "'’":
        if apostrophe in rendering:
            clitic = rendering[rendering.rindex(apostrophe) :]
            if output.startswith(clitic, hit[1]):
                return hit[0], hit[1] + len(clitic)
    return hit


def _with_lead_in(output: str, hit: tuple[int, int], rendering: str) -> tuple[int, int]:
    """Extend a value hit back over words the rendering starts with ("in" of "In 2024").

    A recogniser's span may leave out a preposition that the rendering includes; replacing
    only "2024" in "in 2024" by "In 2024" would write "in In 2024".
    """
    found = output[hit[0] : hit[1]]
    if not rendering.endswith(found) or rendering == found:
        return hit
    lead_in = rendering[: -len(found)]
    start = hit[0] - len(lead_in)
    if start >= 0 and output[start : hit[0]].casefold() == lead_in.casefold():
        return start, hit[1]
    return hit


def _find_same_value(
    span: Span, recognised: Sequence[Span], claimed: list[tuple[int, int]]
) -> tuple[int, int] | None:
    for candidate in recognised:
        same = candidate.kind == span.kind and candidate.value == span.value
        if same and not any(_overlaps(candidate.start, candidate.end, c) for c in claimed):
            return candidate.start, candidate.end
    return None


def _find_unclaimed(
    output: str, needle: str, claimed: list[tuple[int, int]]
) -> tuple[int, int] | None:
    if not needle:
        return None
    for match in re.finditer(_bounded(needle), output):
        hit = (match.start(), match.end())
        if not any(_overlaps(*hit, c) for c in claimed):
            return hit
    return None


def _bounded(needle: str) -> str:
    # A form that starts or ends with a letter or digit must not match inside a longer word:
    # "MAZ" is not in "MAZDA".
    before = r"(?<!\w)" if needle[0].isalnum() else ""
    after = r"(?!\w)" if needle[-1].isalnum() else ""
    return before + re.escape(needle) + after


def _overlaps(start: int, end: int, other: tuple[int, int]) -> bool:
    return start < other[1] and other[0] < end


def _apply(output: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        output = output[:start] + replacement + output[end:]
    return output
