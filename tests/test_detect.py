"""Per-block language: the article's language is the prior, switched on strong evidence only."""

from __future__ import annotations

from pathlib import Path

import pytest

from localise import localise_file
from localise.files import detect_file
from localise.stages.detect import BlockLanguages, LanguageDetector
from support import make_pipeline

QUOTED = (
    "Der Minister sprach am Montag in Minsk über die Zusammenarbeit mit Partnern.\n"
    "We will build this plant together with our partners.\n"
    "Nous sommes très contents de cette visite.\n"
    "Alle Nachrichten\n"
    "Die Gespräche sollen im Frühjahr in Brüssel fortgesetzt werden, sagte er.\n"
)


@pytest.mark.parametrize(
    ("text", "prior", "lang"),
    [
        ("We will build this together with our partners.", "de", "en"),
        ("Nous sommes très contents de cette visite.", "de", "fr"),
        ("Alle Nachrichten", "de", "de"),
        ("Abonnieren Sie uns auf", "de", "de"),
        ("Twitter", "ru", "ru"),  # a name in another script is not a language
        ("Шлях Перамогі", "ru", "be"),  # letters Russian does not write
        ("Смотрите также:", "en", "ru"),
        ("2.258.000 Tonnen", "de", "de"),
        ("Der Präsident will mehr Handel mit Kasachstan", "en", "de"),
    ],
)
def test_block_language(text: str, prior: str, lang: str) -> None:
    assert BlockLanguages(LanguageDetector()).language(text, prior)[0] == lang


def test_detect_blocks_prints_per_block(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(QUOTED, encoding="utf-8")
    found = detect_file(path, target="en").blocks
    assert [(d.lang, d.translate) for d in found] == [
        ("de", True), ("en", False), ("fr", False), ("de", True), ("de", True)
    ]  # fmt: skip
    assert found[1].reason == "already in the target language (en)"
    assert found[2].reason == "in a third language (fr), kept as written"
    assert found[0].to_json()["kind"] == "paragraph"


def test_pipeline_keeps_quotes_in_other_languages(tmp_path: Path, models_dir: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(QUOTED, encoding="utf-8")
    result = localise_file(make_pipeline("en-GB", models_dir), path)
    assert result.text == QUOTED  # the copy model copies German; the others are not sent
    kept = result.report.to_json()["blocks_not_translated"]
    assert [(b["kind"], b["reason"]) for b in kept] == [
        ("paragraph", "already in the target language (en)"),
        ("paragraph", "in a third language (fr), kept as written"),
    ]


def test_from_overrides_the_article_language(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(QUOTED, encoding="utf-8")
    found = detect_file(path, source="fr", target="en").blocks
    assert found[2].lang == "fr" and found[2].translate
    assert found[1].lang == "en" and not found[1].translate
