"""Plain-text articles: the whole file is one Doc; the output is the localised text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..doc import Doc

if TYPE_CHECKING:
    from ..pipeline import Result
    from . import Article, FormatOptions

NAME = "text"
SUFFIXES = frozenset({".txt"})


def read(text: str, path: Path | None, options: FormatOptions) -> Article:
    from . import Article

    return Article(doc=Doc(text, meta={"path": str(path)} if path else {}), format=NAME, path=path)


def write(article: Article, result: Result, options: FormatOptions) -> str:
    return result.text
