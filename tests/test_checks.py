"""Protecting spans through MT: kept, repaired from alternates or by value, or reported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from localise.doc import Span
from localise.stages.protect import protect, verify


@dataclass(frozen=True)
class Fact:
    value: str

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value}


def span(text: str, start: int, rendering: str, *alternates: str, kind: Any = "name") -> Span:
    return Span(start, start + len(text), kind, text, Fact(rendering), rendering, alternates)


LUKA = span("Lukaschenkos", 0, "Lukashenko's", "Lukaschenko", "Lukashenko")
MAZ = span("MAZ", 20, "MAZ")


def test_protect_puts_renderings_in_the_segment() -> None:
    text = "Lukaschenkos Ziel: MAZ stärken."
    spans = [LUKA, span("MAZ", 19, "MAZ")]
    assert protect(text, 0, spans) == "Lukashenko's Ziel: MAZ stärken."
    assert protect(text, 3, [span("Lukaschenkos", 3, "Lukashenko's")]) == (
        "Lukashenko's Ziel: MAZ stärken."
    )


@pytest.mark.parametrize(
    ("output", "expected_text", "statuses", "found"),
    [
        ("Lukashenko's goal: MAZ", "Lukashenko's goal: MAZ", ["kept", "kept"], [None, None]),
        (
            "Lukaschenko's goal: MAZ",
            "Lukashenko's goal: MAZ",
            ["repaired", "kept"],
            ["Lukaschenko's", None],
        ),
        (
            "Lukashenko goal: MAZ",
            "Lukashenko's goal: MAZ",
            ["repaired", "kept"],
            ["Lukashenko", None],
        ),
        ("The goal: MAZDA", "The goal: MAZDA", ["missing", "missing"], [None, None]),
    ],
)
def test_verify(
    output: str, expected_text: str, statuses: list[str], found: list[str | None]
) -> None:
    text, checks = verify(output, [LUKA, MAZ])
    assert text == expected_text
    assert [c.status for c in checks] == statuses
    assert [c.found for c in checks] == found


def test_each_occurrence_needs_its_own_rendering() -> None:
    first = span("Minsk", 0, "Minsk")
    second = span("Minsk", 10, "Minsk")
    _, checks = verify("Minsk and Minsk", [first, second])
    assert [c.status for c in checks] == ["kept", "kept"]
    _, checks = verify("Minsk and there", [first, second])
    assert [c.status for c in checks] == ["kept", "missing"]


def test_repair_by_value_uses_the_target_recogniser() -> None:
    amount = span("$1,1 Milliarden", 0, "$1.1 billion", kind="money")
    engine_wrote = "It was 1.1 billion dollars."
    recognised = [Span(7, 26, "money", "1.1 billion dollars", Fact("$1.1 billion"))]
    text, checks = verify(engine_wrote, [amount], lambda _: recognised)
    assert text == "It was $1.1 billion."
    assert (checks[0].status, checks[0].found) == ("repaired", "1.1 billion dollars")


def test_a_value_that_differs_is_not_a_repair() -> None:
    amount = span("$1,1 Milliarden", 0, "$1.1 billion", kind="money")
    recognised = [Span(7, 26, "money", "1.1 million dollars", Fact("$1.1 million"))]
    text, checks = verify("It was 1.1 million dollars.", [amount], lambda _: recognised)
    assert text == "It was 1.1 million dollars."
    assert checks[0].status == "missing"


def test_a_value_repair_takes_the_preposition_the_rendering_starts_with() -> None:
    year = span("Im Jahr 2024", 0, "In 2024", kind="date")
    recognised = [Span(13, 17, "date", "2024", Fact("In 2024"))]
    text, checks = verify("They sold in 2024 more.", [year], lambda _: recognised)
    assert text == "They sold In 2024 more."
    assert checks[0].found == "in 2024"
