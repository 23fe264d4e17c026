"""The tokenizers of Argos packages, read from the package folder as argostranslate reads them.

A package holds ``sentencepiece.model`` (most packages) or ``bpe.model`` (older ones: Moses
punctuation normalisation and tokenisation, then subword-nmt BPE codes, as argostranslate's
``BPETokenizer`` does it). Both turn a segment into the model's pieces and the model's pieces
back into text. sentencepiece, sacremoses and subword-nmt are imported when a tokenizer is
built, never at import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from ..errors import ModelError


class Tokenizer(Protocol):
    """A package's pieces: ``encode`` for the model's input, ``decode`` for its output."""

    def encode(self, text: str) -> list[str]: ...

    def decode(self, pieces: list[str]) -> str: ...


class SentencePieceTokenizer:
    """``sentencepiece.model``. Decoding uses the pieces as they are: argostranslate's own
    ``decode`` also turns every ``_`` into a space, which would damage "ref_no_12"."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self._processor: Any = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        return list(self._processor.encode(text, out_type=str))

    def decode(self, pieces: list[str]) -> str:
        return str(self._processor.decode_pieces(pieces))


class BPETokenizer:
    """``bpe.model``: Moses normalisation and tokenisation, BPE codes joined with ``@@``."""

    def __init__(self, model_file: Path, from_code: str, to_code: str) -> None:
        from sacremoses import MosesDetokenizer, MosesPunctNormalizer, MosesTokenizer
        from subword_nmt.apply_bpe import BPE

        self._normalizer: Any = MosesPunctNormalizer(from_code)
        self._tokenizer: Any = MosesTokenizer(from_code)
        self._detokenizer: Any = MosesDetokenizer(to_code)
        with model_file.open(encoding="utf-8") as codes:
            self._bpe: Any = BPE(codes)

    def encode(self, text: str) -> list[str]:
        # Moses escapes "&", "<", "|"… as the models were trained (decode unescapes them).
        tokens = " ".join(self._tokenizer.tokenize(self._normalizer.normalize(text)))
        return list(self._bpe.segment_tokens(tokens.strip("\r\n ").split(" ")))

    def decode(self, pieces: list[str]) -> str:
        words = " ".join(pieces).replace("@@ ", "").removesuffix("@@").split()
        return str(self._detokenizer.detokenize(words))


def load_tokenizer(folder: Path, from_code: str, to_code: str) -> Tokenizer:
    """The package's tokenizer: ``sentencepiece.model`` first, as argostranslate picks it."""
    sentencepiece_model = folder / "sentencepiece.model"
    bpe_model = folder / "bpe.model"
    try:
        if sentencepiece_model.is_file():
            return SentencePieceTokenizer(sentencepiece_model)
        if bpe_model.is_file():
            return BPETokenizer(bpe_model, from_code, to_code)
    except (OSError, RuntimeError, ValueError, UnicodeDecodeError) as exc:
        raise ModelError(
            f"cannot load the tokenizer of the package in {folder}: {exc}; reinstall it with "
            f"`localise models install {from_code} {to_code}`"
        ) from exc
    raise ModelError(
        f"the package in {folder} has no sentencepiece.model or bpe.model; "
        f"reinstall it with `localise models install {from_code} {to_code}`"
    )
