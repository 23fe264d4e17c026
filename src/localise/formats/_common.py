"""Pieces the format modules share: the Article, markup spans, splicing outputs into a file.

A reader that keeps the file's own text as ``Doc.text`` (Markdown, HTML) marks every piece of
syntax inside a translatable block — a tag, a link target, a code span, an entity reference —
as a span whose rendering is its own text. That one mechanism does three jobs: the glossary
and entity stages leave those characters alone (spans never overlap), the engine gets them
in place, and :func:`localise.stages.protect.verify` reports any the engine lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from ..config import FormatOptions
from ..doc import Doc, Span


@dataclass(frozen=True)
class Article:
    """An article read from a file: the Doc the stages work on, and how to write it back."""

    doc: Doc
    format: str
    path: Path | None = None
    state: Any = None


class Format(Protocol):
    """A format module: a reader, a writer, its name and the file suffixes it reads.

    ``write`` gets one output per block of ``article.doc`` (the block's localised text) and
    the target locale.
    """

    NAME: str
    SUFFIXES: frozenset[str]

    def read(self, text: str, path: Path | None, options: FormatOptions) -> Article: ...

    def write(self, article: Article, outputs: Sequence[str], target: str) -> str: ...


@dataclass(frozen=True)
class Markup:
    """The value of a markup span: file syntax that must cross translation unchanged."""

    source: str

    def to_json(self) -> dict[str, Any]:
        return {"markup": self.source}


def markup_spans(text: str, ranges: Iterable[tuple[int, int]]) -> list[Span]:
    """Spans protecting ``text[start:end]`` for each range; empty ranges are skipped."""
    spans = []
    for start, end in sorted(set(ranges)):
        if start < end:
            source = text[start:end]
            spans.append(Span(start, end, "markup", source, Markup(source), rendering=source))
    return spans


def without_overlaps(spans: Sequence[Span]) -> list[Span]:
    """The spans in order, dropping any that overlaps one before it."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` applied; edits must not overlap."""
    parts = []
    position = 0
    for start, end, replacement in sorted(edits):
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    parts.append(text[position:])
    return "".join(parts)


#: Metadata keys that hold an article's publication date, as CMSs and schema.org name them.
DATE_KEYS = ("date", "published", "published_at", "publishDate", "pubDate", "datePublished")


def published_date(value: object) -> date | None:
    """An ISO 8601 date or date-time ("2025-02-11", "2025-02-11T09:15:00+03:00") as a date.

    The publication date of a structured article: the date stage uses it for the years the
    text leaves out. Anything else gives None rather than a guess.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
