"""An installed Argos package, run offline through CTranslate2, and two chained through English.

argostranslate is not needed: a package is a folder, and we read it as argostranslate does
(``metadata.json`` for the codes and the target prefix, the tokenizer of
:mod:`.tokenizers`, the CTranslate2 ``model/``). We segment ourselves
(:mod:`localise.stages.segment`) and call ``ctranslate2.Translator.translate_batch`` on
whole lists of segments, in batches counted in tokens. ctranslate2 is imported here only,
when an engine is built or a device is chosen.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..config import EngineConfig
from ..errors import ConfigError, ModelError
from .packages import InstalledPackage
from .tokenizers import Tokenizer, load_tokenizer

if TYPE_CHECKING:
    from . import Engine

MAX_DECODING_LENGTH = 1024


class ArgosEngine:
    """One installed Argos package, loaded once."""

    def __init__(self, package: InstalledPackage, options: EngineConfig | None = None) -> None:
        self.package = package
        self.options = options or EngineConfig()
        self.device = choose_device(self.options.device)
        self._tokenizer: Tokenizer = load_tokenizer(
            package.path, package.from_code, package.to_code
        )
        self._target_prefix = _target_prefix(package)
        self._translator = _load_translator(package, self.options, self.device)

    @property
    def description(self) -> str:
        return describe(self.package, self.options, self.device)

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
                # Counted in tokens: CTranslate2 sorts the segments by length and cuts the
                # batches, so short segments do not wait in a batch padded to a long one.
                max_batch_size=self.options.batch_size,
                batch_type="tokens",
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
        return self._tokenizer.decode(pieces).strip()


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


def choose_device(device: str) -> str:
    """ "cuda" or "cpu": "auto" is CUDA when CTranslate2 sees a GPU. Asking for "cuda" where
    there is none is an error that says so."""
    if device == "cpu":
        return "cpu"
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if device == "cuda" and gpus == 0:
        raise ConfigError(
            "--device cuda: CTranslate2 sees no CUDA GPU (it needs an NVIDIA driver, CUDA 12 "
            "and cuDNN 9; see the README); use --device auto or cpu"
        )
    return "cuda" if gpus else "cpu"


def describe(package: InstalledPackage, options: EngineConfig, device: str) -> str:
    """The package, and where and how it runs: "translate-de_en 1.9 (cpu, auto)"."""
    return f"{package} ({device}, {options.compute_type})"


def _target_prefix(package: InstalledPackage) -> str:
    """The token some multilingual packages put first in the target (``target_prefix``)."""
    try:
        metadata = json.loads((package.path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {package.path / 'metadata.json'}: {exc}") from exc
    prefix = metadata.get("target_prefix") if isinstance(metadata, dict) else None
    return prefix if isinstance(prefix, str) else ""


def _load_translator(package: InstalledPackage, options: EngineConfig, device: str) -> Any:
    import ctranslate2

    try:
        return ctranslate2.Translator(
            os.fspath(package.path / "model"),
            device=device,
            inter_threads=1,
            intra_threads=options.threads,
            compute_type=options.compute_type,
        )
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(
            f"cannot load the CTranslate2 model in {package.path / 'model'} on {device} "
            f"({options.compute_type}): {exc}; reinstall it with "
            f"`localise models install {package.from_code} {package.to_code}`, or try "
            f"another --compute-type"
        ) from exc
