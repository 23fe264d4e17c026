"""An installed Argos package, run offline through CTranslate2, and two chained through English.

``argostranslate.translate.translate()`` is not used: its sentence splitter downloads a model
on first use and fails offline. We segment ourselves (:mod:`localise.segment`), tokenize with
the package's own tokenizer and call ``ctranslate2.Translator.translate_batch`` on whole lists
of segments. argostranslate and ctranslate2 are imported here only, when an engine is built.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..config import EngineConfig
from ..errors import ModelError
from .packages import InstalledPackage

if TYPE_CHECKING:
    from . import Engine

MAX_DECODING_LENGTH = 1024


class ArgosEngine:
    """One installed Argos package, loaded once."""

    def __init__(self, package: InstalledPackage, options: EngineConfig | None = None) -> None:
        self.package = package
        self.options = options or EngineConfig()
        self._tokenizer, self._target_prefix = _load_tokenizer(package)
        self._translator = _load_translator(package, self.options)

    @property
    def description(self) -> str:
        return str(self.package)

    def translate(self, segments: Sequence[str]) -> list[str]:
        if not segments:
            return []
        tokens = [self._tokenizer.encode(segment) for segment in segments]
        prefix = [[self._target_prefix]] * len(tokens) if self._target_prefix else None
        longest = max(len(t) for t in tokens)
        try:
            results = self._translator.translate_batch(
                tokens,
                target_prefix=prefix,
                beam_size=self.options.beam_size,
                max_batch_size=self.options.batch_size,
                replace_unknowns=True,
                # CTranslate2 stops at 256 tokens by default: long sentences lost their end.
                max_decoding_length=min(MAX_DECODING_LENGTH, max(256, 2 * longest + 16)),
                max_input_length=0,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"{self.package} failed to translate: {exc}") from exc
        return [self._decode(result.hypotheses[0]) for result in results]

    def _decode(self, pieces: list[str]) -> str:
        if self._target_prefix and pieces[:1] == [self._target_prefix]:
            pieces = pieces[1:]
        processor = getattr(self._tokenizer, "lazy_processor", None)
        # argostranslate's SentencePieceTokenizer.decode turns every "_" into a space;
        # decode sentencepiece pieces directly instead.
        text = processor().decode_pieces(pieces) if processor else self._tokenizer.decode(pieces)
        return str(text).strip()


class PivotEngine:
    """Two engines in a row: source → English → target."""

    def __init__(self, first: Engine, second: Engine) -> None:
        self.first = first
        self.second = second

    @property
    def description(self) -> str:
        return f"{self.first.description} + {self.second.description}"

    def translate(self, segments: Sequence[str]) -> list[str]:
        return self.second.translate(self.first.translate(segments))


def _load_tokenizer(package: InstalledPackage) -> tuple[Any, str]:
    from argostranslate.package import Package

    try:
        argos_package = Package(package.path)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the package in {package.path}: {exc}") from exc
    tokenizer = getattr(argos_package, "tokenizer", None)
    if tokenizer is None:
        raise ModelError(
            f"the package in {package.path} has no sentencepiece.model or bpe.model; "
            f"reinstall it with `localise models install {package.from_code} {package.to_code}`"
        )
    return tokenizer, str(argos_package.target_prefix or "")


def _load_translator(package: InstalledPackage, options: EngineConfig) -> Any:
    import ctranslate2

    try:
        return ctranslate2.Translator(
            os.fspath(package.path / "model"),
            device="cpu",
            inter_threads=1,
            intra_threads=options.threads,
            compute_type="auto",
        )
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(
            f"cannot load the CTranslate2 model in {package.path / 'model'}: {exc}; reinstall "
            f"it with `localise models install {package.from_code} {package.to_code}`"
        ) from exc
