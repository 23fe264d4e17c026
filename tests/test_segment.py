"""Sentence segmentation for news copy."""

from __future__ import annotations

import pytest

from localise.stages.segment import ABBREVIATIONS, split_sentences


def _split(text: str, lang: str = "de") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, ABBREVIATIONS[lang])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MINSK, 14. Januar (BelTA) – Der Handel wächst. Das sagte er.",
            ["MINSK, 14. Januar (BelTA) – Der Handel wächst.", "Das sagte er."],
        ),
        (
            "Es geht um 5 Mio. Euro. Dr. Bogdanow sprach.",
            ["Es geht um 5 Mio. Euro.", "Dr. Bogdanow sprach."],
        ),
        ("Das gilt z. B. für MAZ. Nun weiter.", ["Das gilt z. B. für MAZ.", "Nun weiter."]),
        ("A. Lukaschenko kam. Er sprach.", ["A. Lukaschenko kam.", "Er sprach."]),
        ("„Wir liefern.“ Dann ging er.", ["„Wir liefern.“", "Dann ging er."]),
        ("Im Jahr 2021. Danach nicht.", ["Im Jahr 2021.", "Danach nicht."]),
        ("Wirklich? Ja! Gut.", ["Wirklich?", "Ja!", "Gut."]),
        ("Zeile eins\n\n  Zeile zwei.  \n", ["Zeile eins", "Zeile zwei."]),
        ("Preis: 1.234,5 Euro. Ende", ["Preis: 1.234,5 Euro.", "Ende"]),
    ],
)
def test_german_sentences(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_russian_abbreviations() -> None:
    assert _split("Рост составил 5 млрд. рублей. Это много.", "ru") == [
        "Рост составил 5 млрд. рублей.",
        "Это много.",
    ]


def test_segments_never_cross_lines_and_cover_all_text() -> None:
    text = "Eins. Zwei\r\nDrei. Vier.\n"
    segments = list(split_sentences(text))
    assert [text[s:e] for s, e in segments] == ["Eins.", "Zwei", "Drei.", "Vier."]
    outside = list(text)
    for start, end in segments:
        outside[start:end] = [" "] * (end - start)
    assert "".join(outside).strip() == ""
