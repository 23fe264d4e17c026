"""The data object that flows through the stages: article text plus character-offset spans.

A stage is a callable ``Doc -> Doc``. It never mutates the Doc it gets; it returns a new one
(``doc.replace(...)``, ``doc.with_spans(...)``), so each stage can be tested alone.

Offsets are half-open Python ``str`` offsets into ``Doc.text``, like spaCy's ``start_char`` and
``end_char``. Spans never overlap: a span is a protected region whose target form
(``rendering``) replaces its text before machine translation and is verified after it.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any, Literal, Protocol

#: ``markup`` spans protect file syntax inside a block (tags, link targets, code spans);
#: ``literal`` spans what no locale writes otherwise and no engine may touch (a phone number,
#: an e-mail address, a document number).
SpanKind = Literal["date", "money", "number", "name", "markup", "literal"]
SPAN_KINDS: tuple[SpanKind, ...] = ("date", "money", "number", "name", "markup", "literal")
BlockKind = Literal[
    "title", "lead", "paragraph", "quote", "list_item", "heading", "boilerplate", "metadata"
]
#: Where ``Doc.article_date`` came from, most trusted first: the file's own metadata (front
#: matter, a JSON field, HTML meta), the date the user gave (``Config.article_date``), the
#: page's timestamp line, or what the text suggests (its dateline and reported periods).
ArticleDateSource = Literal["metadata", "option", "timestamp", "text"]
ARTICLE_DATE_SOURCES: tuple[ArticleDateSource, ...] = ("metadata", "option", "timestamp", "text")


class Value(Protocol):
    """A parsed value carried by a span (a date, an amount, a glossary entry...)."""

    def to_json(self) -> dict[str, Any]:
        """The value's fields in the shape of the gold files (``value``, ``amounts``...)."""
        ...


@dataclass(frozen=True)
class Span:
    """A recognised entity: where it is, what it means, and how the target must write it.

    ``rendering`` is None until a rendering stage has set it; a span with a rendering is
    protected through translation. ``alternates`` are forms an engine may write instead of the
    rendering (the source spelling, another language's form); repair replaces them.
    """

    start: int
    end: int
    kind: SpanKind
    text: str
    value: Value
    rendering: str | None = None
    alternates: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"span offsets must satisfy 0 <= start < end: {self!r}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text does not match its offsets: {self!r}")
        if self.kind not in SPAN_KINDS:
            raise ValueError(f"unknown span kind {self.kind!r}; expected one of {SPAN_KINDS}")

    @property
    def changed(self) -> bool:
        """True when the target form differs from the source text."""
        return self.rendering is not None and self.rendering != self.text

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def to_json(self) -> dict[str, Any]:
        """The gold-file shape: text, offsets and the value's fields."""
        return {"text": self.text, "start": self.start, "end": self.end, **self.value.to_json()}


@dataclass(frozen=True)
class Segment:
    """A unit of machine translation: one sentence (or sentence-like line) of the text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"segment offsets must satisfy 0 <= start < end: {self!r}")


@dataclass(frozen=True)
class Block:
    """A structural unit of the article (title, paragraph, quote...), as a format reader saw it.

    Only blocks with ``translate`` set are segmented and sent to MT; ``reason`` says why a
    block is left as it is (boilerplate, already in the target language, a quote in a third
    language, code). ``lang`` is the block's own detected language. ``soft_breaks``: line
    breaks inside the block are layout (a hard-wrapped Markdown or HTML paragraph), so a
    sentence runs across them; in a plain-text page every line stands alone.
    """

    start: int
    end: int
    kind: BlockKind = "paragraph"
    translate: bool = True
    reason: str | None = None
    lang: str | None = None
    lang_confidence: float | None = None
    soft_breaks: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"block offsets must satisfy 0 <= start <= end: {self!r}")


@dataclass(frozen=True)
class Doc:
    """An article's text and everything the stages found in it."""

    text: str
    lang: str | None = None
    lang_confidence: float | None = None
    article_date: date | None = None
    #: Set by the article-date stage; None while no stage has judged the date, or none was found.
    article_date_source: ArticleDateSource | None = None
    segments: tuple[Segment, ...] = ()
    spans: tuple[Span, ...] = ()
    blocks: tuple[Block, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.article_date_source is not None and (
            self.article_date is None or self.article_date_source not in ARTICLE_DATE_SOURCES
        ):
            raise ValueError(
                f"article_date_source {self.article_date_source!r} needs an article_date and "
                f"one of {ARTICLE_DATE_SOURCES}"
            )
        for span in self.spans:
            if span.end > len(self.text) or self.text[span.start : span.end] != span.text:
                raise ValueError(f"span does not match the text at its offsets: {span!r}")
        for before, after in pairwise(self.spans):
            if after.start < before.end:
                raise ValueError(f"spans overlap or are unsorted: {before!r}, {after!r}")
        regions: list[Segment | Block] = [*self.segments, *self.blocks]
        for region in regions:
            if region.end > len(self.text):
                raise ValueError(f"beyond the end of the text: {region!r}")
        for first, second in pairwise(self.blocks):
            if second.start < first.end:
                raise ValueError(f"blocks overlap or are unsorted: {first!r}, {second!r}")

    def replace(self, **changes: Any) -> Doc:
        return dataclasses.replace(self, **changes)

    def is_free(self, start: int, end: int) -> bool:
        """True when no span covers any character of ``text[start:end]``."""
        # Spans are sorted and never overlap, so their ends are sorted too: of the spans that
        # start before ``end``, the last reaches furthest.
        before = bisect_left(self.spans, end, key=_start)
        return before == 0 or not self.spans[before - 1].overlaps(start, end)

    def with_spans(self, spans: Iterable[Span]) -> Doc:
        """A new Doc with these spans added; raises ValueError if any overlaps another."""
        return self.replace(spans=tuple(sorted((*self.spans, *spans), key=_span_order)))

    def spans_of(self, kind: SpanKind) -> list[Span]:
        return [span for span in self.spans if span.kind == kind]

    def spans_within(self, start: int, end: int) -> list[Span]:
        found = []
        for index in range(bisect_left(self.spans, start, key=_start), len(self.spans)):
            span = self.spans[index]
            if span.start >= end:
                break
            if span.end <= end:
                found.append(span)
        return found

    def block_of(self, span: Span) -> Block | None:
        """The block that holds the whole span, if any."""
        # Blocks are sorted and never overlap: only the last one starting at or before the
        # span can hold it.
        index = bisect_right(self.blocks, span.start, key=_start) - 1
        if index >= 0 and self.blocks[index].end >= span.end:
            return self.blocks[index]
        return None

    def translatable_regions(self) -> list[tuple[int, int, bool]]:
        """Where MT applies, and whether line breaks there are soft: every block marked
        ``translate``, or the whole text when there are no blocks."""
        if not self.blocks:
            return [(0, len(self.text), False)]
        return [(b.start, b.end, b.soft_breaks) for b in self.blocks if b.translate]


def _start(region: Span | Block) -> int:
    return region.start


def _span_order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)
