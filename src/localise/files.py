"""Files: read an article file, run it through a pipeline, write the localised file.

The one place where formats (:mod:`localise.formats`) and the pipeline meet: a format's reader
turns the file's text into a Doc with blocks, the pipeline localises the Doc, and the format's
writer puts each block's output back where it came from.

>>> result = localise_file(Pipeline(Config(("en-GB",))), "article.md")   # doctest: +SKIP
>>> result.text                      # the whole output file             # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import FormatOptions
from .errors import InputError
from .formats import Article, format_for, format_named
from .formats.text import SUFFIXES as TEXT_SUFFIXES, repeated_lines
from .pipeline import Pipeline, Result
from .stages.detect import BlockLanguages, BlockTargets, LanguageDetector, article_text
from .textio import read_text

__all__ = [
    "BlockDetection",
    "FileDetection",
    "detect_file",
    "learn_boilerplate",
    "localise_file",
    "read_article",
    "write_article",
]


def read_article(path: Path | str, options: FormatOptions | None = None) -> Article:
    """Read and parse an article file; InputError names the file and what is wrong."""
    path = Path(path)
    fmt = format_for(path)
    return fmt.read(read_text(path), path, options or FormatOptions())


def write_article(article: Article, result: Result) -> str:
    """The localised file's full content."""
    return format_named(article.format).write(article, result.blocks, result.report.target)


def localise_file(pipeline: Pipeline, path: Path | str, target: str | None = None) -> Result:
    """Localise one article file; ``Result.text`` is the whole output file's content and the
    report carries the path."""
    article = read_article(path, pipeline.config.formats)
    result = pipeline.localise(article.doc, target)
    return dataclasses.replace(
        result,
        text=write_article(article, result),
        report=dataclasses.replace(result.report, path=str(path)),
    )


def localise_text(
    pipeline: Pipeline,
    data: bytes,
    format_name: str,
    *,
    name: str = "<stdin>",
    target: str | None = None,
) -> Result:
    """Localise one article given as bytes in a named format (standard input: no file name
    to tell the format by); the same checks and errors as a file's, named ``name``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    article = format_named(format_name).read(text, Path(name), pipeline.config.formats)
    result = pipeline.localise(article.doc, target)
    return dataclasses.replace(
        result,
        text=write_article(article, result),
        report=dataclasses.replace(result.report, path=name),
    )


def learn_boilerplate(paths: Iterable[Path]) -> frozenset[str]:
    """Lines repeated across the scraped pages among ``paths`` (see
    :func:`localise.formats.text.repeated_lines`). Files that cannot be read are skipped
    here; they fail on their own when localised."""

    def texts() -> Iterable[str]:
        for path in paths:
            if path.suffix.lower() in TEXT_SUFFIXES:
                try:
                    yield read_text(path)
                except InputError:
                    continue

    return repeated_lines(texts())


@dataclass(frozen=True)
class BlockDetection:
    """One block of an article file and the language found for it."""

    index: int
    kind: str
    start: int
    end: int
    text: str
    lang: str | None
    confidence: float | None
    translate: bool
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class FileDetection:
    """An article file's language (the prior for its blocks) and each block's language."""

    path: Path
    lang: str | None
    confidence: float | None
    blocks: tuple[BlockDetection, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "language": self.lang,
            "confidence": self.confidence,
            "blocks": [block.to_json() for block in self.blocks],
        }


def detect_file(
    path: Path | str,
    *,
    options: FormatOptions | None = None,
    source: str | None = None,
    target: str | None = None,
    detector: LanguageDetector | None = None,
) -> FileDetection:
    """Read an article file and detect its language and the language of each of its blocks.

    The article's language (or ``source``) is the prior. With ``target`` (a language), blocks
    in the target language are marked not to translate, as the pipeline would. Pass one
    ``detector`` for many files to load langdetect's profiles once.
    """
    path = Path(path)
    doc = read_article(path, options).doc
    detector = detector or LanguageDetector()
    detection = detector.detect(article_text(doc))
    lang = source or (detection.lang if detection else None)
    confidence = None if source or detection is None else detection.confidence
    if lang is None:
        return FileDetection(path, None, None, ())
    doc = BlockLanguages(detector)(doc.replace(lang=lang))
    doc = BlockTargets(target or lang)(doc)
    blocks = tuple(
        BlockDetection(i, b.kind, b.start, b.end, doc.text[b.start : b.end], b.lang,
                       b.lang_confidence, b.translate, b.reason)
        for i, b in enumerate(doc.blocks)
    )  # fmt: skip
    return FileDetection(path, lang, confidence, blocks)
