"""Article file formats: read a file into a Doc with blocks, write the localised file back.

Each format is one module with a ``read(text, path, options) -> Article`` and a
``write(article, result, options) -> str``; the suffix decides which. A reader puts every
piece of text that may be translated into ``Article.doc`` as blocks (title, paragraph,
boilerplate...) and keeps what it needs to write the file back in ``Article.state``; the
writer puts ``Result.blocks`` (one output per block) back in place and leaves everything else
as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

__all__ = [
    "FORMATS",
    "Article",
    "FormatOptions",
    "format_for",
    "learn_boilerplate",
    "read_article",
    "supported_suffixes",
    "write_article",
]

from ..errors import InputError
from ..textio import read_text
from . import html, jsonfmt, markdown, text
from .text import learn_boilerplate

if TYPE_CHECKING:
    from ..doc import Doc
    from ..pipeline import Result


@dataclass(frozen=True)
class FormatOptions:
    """How formats read and write; part of the run's configuration.

    ``keep_boilerplate``: translate a page's navigation, page date and footer lines and keep
    them in the output (default: leave them out). ``boilerplate``: lines learned as
    boilerplate across a run (``tuple(sorted(learn_boilerplate(paths)))``; a tuple so
    the options serialise to JSON). ``fields``: the JSON fields to
    translate. ``front_matter_fields``: the Markdown front-matter keys to translate.
    """

    keep_boilerplate: bool = False
    boilerplate: tuple[str, ...] = ()
    fields: tuple[str, ...] = ("title", "lead", "body")
    front_matter_fields: tuple[str, ...] = ("title", "description", "summary")


@dataclass(frozen=True)
class Article:
    """An article read from a file: the Doc the stages work on, and how to write it back."""

    doc: Doc
    format: str
    path: Path | None = None
    state: Any = None


class Format(Protocol):
    NAME: str
    SUFFIXES: frozenset[str]

    def read(self, text: str, path: Path | None, options: FormatOptions) -> Article: ...

    def write(self, article: Article, result: Result, options: FormatOptions) -> str: ...


FORMATS: tuple[Format, ...] = (text, markdown, html, jsonfmt)


def supported_suffixes() -> frozenset[str]:
    return frozenset(suffix for fmt in FORMATS for suffix in fmt.SUFFIXES)


def format_for(path: Path) -> Format:
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.SUFFIXES:
            return fmt
    supported = ", ".join(sorted(supported_suffixes()))
    raise InputError(
        path, f"unsupported file type {suffix or '(none)'!r}; localise reads {supported}"
    )


def read_article(path: Path, options: FormatOptions | None = None) -> Article:
    """Read and parse an article file; InputError names the file and what is wrong."""
    fmt = format_for(path)
    return fmt.read(read_text(path), path, options or FormatOptions())


def write_article(article: Article, result: Result, options: FormatOptions | None = None) -> str:
    """The localised file's full content."""
    fmt = next(f for f in FORMATS if article.format == f.NAME)
    return fmt.write(article, result, options or FormatOptions())
