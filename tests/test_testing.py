"""The copy-model builder: default and larger models copy exactly through the real libraries."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from copymodel import build_copy_package
from localise import ModelsConfig
from localise.engine import ArgosEngines
from localise.engine.packages import install_package_file

SENTENCES = [
    "MINSK, 14. Januar (BelTA) – Der Handel wächst.",
    "„Wir liefern 300 Busse_für Astana“, sagte er.",
    "Лукашенко провёл совещание 14 января.",
    "Exports reached $1.1 billion to $1.2 billion (up 3.5%).",
    "Die Größe: 1.234,5 t; Preis ≈ 12 € / kg – № 7, ½ Tag.",
    "日本語のテスト, 中文测试 und العربية ١٢٣.",
    "x",
    "",
    " ".join(f"Wort{n} und Zahl {n}," for n in range(45)) + " Ende.",
]


@pytest.mark.parametrize(
    "size",
    [
        pytest.param({}, id="default"),
        pytest.param({"layers": 2, "d_model": 256}, id="2-layers-d256"),
        pytest.param(
            {"layers": 2, "d_model": 256, "ffn": 512, "heads": 4, "pad_vocabulary_to": 3000},
            id="2-layers-d256-4-heads-padded",
        ),
    ],
)
def test_the_model_copies_its_input_exactly(tmp_path: Path, size: dict[str, Any]) -> None:
    archive = build_copy_package(tmp_path / "packages", "de", "en", **size)
    install_package_file(archive, tmp_path / "models")
    engine = ArgosEngines(ModelsConfig(tmp_path / "models")).load(("de", "en"))
    assert engine.translate(SENTENCES) == SENTENCES


@pytest.mark.parametrize(("pad_to", "expected"), [(None, 989), (500, 989), (3000, 3000)])
def test_the_vocabulary_is_padded_to_the_requested_size(
    tmp_path: Path, pad_to: int | None, expected: int
) -> None:
    archive = build_copy_package(tmp_path, "de", "en", pad_vocabulary_to=pad_to)
    with zipfile.ZipFile(archive) as zipped:
        vocabulary = json.loads(zipped.read("translate-de_en-1_0/model/shared_vocabulary.json"))
    assert len(set(vocabulary)) == len(vocabulary) == expected


def test_replacements_work_in_a_larger_model(tmp_path: Path) -> None:
    archive = build_copy_package(
        tmp_path, "de", "en", replacements={"▁Haus": "▁house"}, layers=2, d_model=256, heads=2
    )
    install_package_file(archive, tmp_path / "models")
    engine = ArgosEngines(ModelsConfig(tmp_path / "models")).load(("de", "en"))
    assert engine.translate(["Das Haus ist groß."]) == ["Das house ist groß."]


def test_equal_options_build_equal_bytes(tmp_path: Path) -> None:
    first = build_copy_package(tmp_path / "a", "de", "en", layers=2, d_model=256)
    second = build_copy_package(tmp_path / "b", "de", "en", layers=2, d_model=256)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ({"layers": 0}, "layers must be at least 1, got 0"),
        ({"ffn": 0}, "ffn must be at least 1, got 0"),
        ({"d_model": 192}, "d_model must be a multiple of 128, got 192"),
        ({"d_model": 64}, "d_model must be a multiple of 128, got 64"),
        ({"heads": 3, "d_model": 384}, "heads must be 1 or an even number, got 3"),
        ({"heads": 4}, "d_model / heads must be a multiple of 64, got 128 / 4"),
    ],
)
def test_sizes_that_cannot_copy_exactly_are_refused(
    tmp_path: Path, size: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        build_copy_package(tmp_path, "de", "en", **size)
    assert str(caught.value) == message
    assert not list(tmp_path.iterdir())
