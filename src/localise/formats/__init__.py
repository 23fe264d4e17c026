"""Article file formats: read a file's text into a Doc with blocks, write the localised file.

Each format is one module with a ``read(text, path, options) -> Article`` and a
``write(article, outputs, target) -> str``; the suffix decides which. A reader puts every
piece of text that may be translated into ``Article.doc`` as blocks (title, paragraph,
boilerplate...) and keeps what it needs to write the file back in ``Article.state``; the
writer puts the outputs (one per block) back in place and leaves everything else as it was.
Formats know the Doc and nothing of the stages or the pipeline; :mod:`localise.files` is where
the two meet.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import html, jsonfmt, markdown, text
from ._common import Article, Format

__all__ = ["FORMATS", "Article", "Format", "format_for", "format_named", "supported_suffixes"]

FORMATS: tuple[Format, ...] = (text, markdown, html, jsonfmt)


def supported_suffixes() -> frozenset[str]:
    return frozenset(suffix for fmt in FORMATS for suffix in fmt.SUFFIXES)


def format_for(path: Path) -> Format:
    """The format that reads ``path``, by its suffix; InputError naming the supported ones."""
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.SUFFIXES:
            return fmt
    supported = ", ".join(sorted(supported_suffixes()))
    raise InputError(
        path, f"unsupported file type {suffix or '(none)'!r}; localise reads {supported}"
    )


def format_named(name: str) -> Format:
    return next(fmt for fmt in FORMATS if name == fmt.NAME)
