"""The Argos engine on real (copy) packages: batching, pivot, options."""

from __future__ import annotations

from pathlib import Path

import pytest

from copymodel import build_copy_package
from localise import EngineConfig, ModelsConfig
from localise.engine import ArgosEngines
from localise.engine.argos import ArgosEngine, PivotEngine
from localise.engine.packages import install_package_file
from localise.errors import ConfigError, ModelNotFoundError

SENTENCES = [
    "MINSK, 14. Januar (BelTA) – Der Handel wächst.",
    "„Wir liefern 300 Busse_für Astana“, sagte er.",
    "Лукашенко провёл совещание 14 января.",
    "Exports reached $1.1 billion to $1.2 billion.",
    "",
]


def test_copy_model_translates_a_batch_exactly(models_dir: Path) -> None:
    engine = ArgosEngines(ModelsConfig(models_dir)).load(("de", "en"))
    assert isinstance(engine, ArgosEngine)
    assert engine.translate(SENTENCES) == SENTENCES
    assert engine.translate([]) == []


def test_pivot_through_english(models_dir: Path) -> None:
    engine = ArgosEngines(ModelsConfig(models_dir)).load(("de", "ru"))
    assert isinstance(engine, PivotEngine)
    assert engine.description == "translate-de_en 1.0 (cpu, auto) + translate-en_ru 1.0 (cpu, auto)"
    assert engine.translate(SENTENCES[:2]) == SENTENCES[:2]


def test_a_long_sentence_is_not_cut(models_dir: Path) -> None:
    sentence = " ".join(f"Wort{n} und Zahl {n}," for n in range(45)) + " Ende."
    engine = ArgosEngines(ModelsConfig(models_dir)).load(("de", "en"))
    assert engine.translate([sentence]) == [sentence]


def test_the_long_sentence_is_longer_than_the_default_limit(models_dir: Path) -> None:
    engine = ArgosEngines(ModelsConfig(models_dir)).load(("de", "en"))
    assert isinstance(engine, ArgosEngine)
    sentence = " ".join(f"Wort{n} und Zahl {n}," for n in range(45))
    assert len(engine._tokenizer.encode(sentence)) > 256


def test_replacements_simulate_translating_known_words(tmp_path: Path) -> None:
    archive = build_copy_package(tmp_path, "de", "en", replacements={"▁Haus": "▁house"})
    package = install_package_file(archive, tmp_path / "models")
    engine = ArgosEngine(package, EngineConfig(beam_size=1))
    assert engine.translate(["Das Haus ist groß."]) == ["Das house ist groß."]


def test_missing_pair(models_dir: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="run `localise models install ru de`"):
        ArgosEngines(ModelsConfig(models_dir)).load(("ru", "de"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"beam_size": 0}, "beam size must be between 1 and 16, got 0"),
        ({"threads": -1}, "threads must be 0 (all cores) or more, got -1"),
        ({"batch_size": 0}, "batch size must be at least 1, got 0"),
    ],
)
def test_bad_options(options: dict[str, int], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        EngineConfig(**options)
    assert str(caught.value) == message


def test_a_bpe_package_tokenizes_and_detokenizes_as_argos_does(tmp_path: Path) -> None:
    from copymodel import build_bpe_copy_package
    from localise.engine.packages import install_package_file

    package = install_package_file(build_bpe_copy_package(tmp_path), tmp_path / "models")
    assert (package.path / "bpe.model").is_file()
    assert not (package.path / "sentencepiece.model").exists()
    engine = ArgosEngines(ModelsConfig(tmp_path / "models")).load(("de", "en"))
    # Moses escapes "&" and splits punctuation off, BPE splits rare words; the copy comes
    # back joined, unescaped and detokenized, with Moses's normalised quotes (as in Argos).
    sentences = ["Der Verband „Belavia & Co.“ meldet 12,5 Prozent mehr.", "Minsk, 14. Mai"]
    tokens = engine._tokenizer.encode(sentences[0])  # type: ignore[attr-defined]
    assert "&quot;" in tokens and "Prozent" in tokens and "V@@" in tokens
    assert engine.translate(sentences) == [
        'Der Verband "Belavia & Co". meldet 12,5 Prozent mehr.',
        "Minsk, 14. Mai",
    ]
