"""HTML articles: text and the alt, title and meta description attributes are translated.

The Doc's text is the file's own text, and the writer changes only the translated ranges, so
everything else (doctype, attribute quoting, entity spelling, whitespace) stays byte for
byte. That is why this reader uses the standard library's HTML tokenizer, which reports where
each tag, text and reference is, rather than lxml or selectolax, which build a tree and
serialise it anew.

A block is a run of text and inline elements (``<b>``, ``<a href>``...) between block-level
tags; its tags and character references are markup spans, carried through translation and
checked after it (see :mod:`._common`). An attribute to translate inside such a run is text
of the run, so "Mehr" in ``<a title="Mehr">`` is translated in its sentence. ``script``,
``style``, ``code``, ``pre`` and elements with ``translate="no"`` are left alone (inline ones
as one markup span). The writer sets ``lang`` on ``<html>`` to the target locale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from ..config import FormatOptions
from ..doc import Block, BlockKind, Doc, Span
from ._common import Article, markup_spans, published_date, splice

NAME = "html"
SUFFIXES = frozenset({".html", ".htm"})

_INLINE = "a abbr b bdi bdo br cite data del dfn em font i img ins kbd label mark q s samp small"
INLINE = frozenset([*_INLINE.split(), "span", "strong", "sub", "sup", "time", "u", "var", "wbr"])
SKIP = frozenset(["script", "style", "code", "pre", "textarea", "svg", "math", "template"])
_VOID = "area base br col embed hr img input link meta source track wbr"
VOID = frozenset(_VOID.split(" "))
KINDS: dict[str, BlockKind] = {
    "title": "title",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
}
TRANSLATED_ATTRIBUTES = frozenset({"alt", "title"})
META_NAMES = frozenset(
    {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
)
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclass(frozen=True)
class _Event:
    kind: str  # start, startend, end, data, ref, other
    start: int
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()


class _Tokenizer(HTMLParser):
    """The stdlib tokenizer, recording where each token starts in the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.events: list[_Event] = []

    def _add(self, kind: str, tag: str = "", attrs: Any = ()) -> None:
        line, column = self.getpos()
        self.events.append(_Event(kind, self.line_starts[line - 1] + column, tag, tuple(attrs)))

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        self._add("startend", tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data")

    def handle_entityref(self, name: str) -> None:
        self._add("ref")

    def handle_charref(self, name: str) -> None:
        self._add("ref")

    def handle_comment(self, data: str) -> None:
        self._add("other")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")


@dataclass
class _Reader:
    """Walks the tokens, collecting blocks, markup spans and where ``<html lang>`` is."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    run: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, is_text)
    stack: list[tuple[str, bool]] = field(default_factory=list)  # (tag, left alone)
    lang: tuple[int, int, str] | None = None  # (start, end, replacement) for <html lang>
    values: list[tuple[int, int, str]] = field(default_factory=list)  # translated attributes
    contexts: list[str | None] = field(default_factory=list)  # per block: its quote, or None
    opaque_depth: int = 0  # inside an inline element left alone: one markup span
    published: str | None = None

    def feed(self, event: _Event, end: int) -> None:
        if event.kind in ("start", "startend"):
            self._start(event, end)
        elif event.kind == "end":
            self._end(event, end)
        elif self._left_alone():
            if self.opaque_depth:
                self.run.append((event.start, end, False))
        elif event.kind == "data":
            self.run.append((event.start, end, True))
        elif self.run:  # a reference or a comment inside text
            self.run.append((event.start, end, False))

    def _left_alone(self) -> bool:
        return any(alone for _, alone in self.stack)

    def _start(self, event: _Event, end: int) -> None:
        tag, attrs = event.tag, dict(event.attrs)
        if tag == "html":
            self.lang = _lang_edit(self.text, event.start, end)
        alone = tag in SKIP or attrs.get("translate") == "no"
        opens = tag not in VOID and event.kind == "start"
        if self._left_alone():
            if self.opaque_depth:
                self.run.append((event.start, end, False))
                self.opaque_depth += opens
            if opens:
                self.stack.append((tag, True))
            return
        if tag in INLINE or (alone and tag in (*INLINE, "code")):
            pieces = [] if alone else _attribute_values(self.text, event.start, end)
            self.values += pieces
            self.run.extend(_split(event.start, end, [(s, e) for s, e, _ in pieces]))
            self.opaque_depth = int(alone and opens)
            if opens:
                self.stack.append((tag, alone))
            return
        self.flush()
        if not alone:
            self._attribute_blocks(tag, attrs, event.start, end)
        if opens:
            self.stack.append((tag, alone))

    def _end(self, event: _Event, end: int) -> None:
        tags = [tag for tag, _ in self.stack]
        if event.tag not in tags:
            return  # a stray end tag: the browser ignores it, so do we
        if self.opaque_depth:
            self.run.append((event.start, end, False))
            self.opaque_depth -= 1
        elif event.tag in INLINE and not self._left_alone():
            self.run.append((event.start, end, False))
        else:
            self.flush()
        while self.stack and self.stack.pop()[0] != event.tag:
            pass

    def _attribute_blocks(
        self, tag: str, attrs: dict[str, str | None], start: int, end: int
    ) -> None:
        wanted = {name for name in TRANSLATED_ATTRIBUTES if attrs.get(name)}
        if tag == "meta" and (attrs.get("name") or attrs.get("property") or "") in META_NAMES:
            wanted.add("content")
        if tag == "meta" and attrs.get("property") == "article:published_time":
            self.published = attrs.get("content")
        for value_start, value_end, quote in _attribute_values(self.text, start, end, wanted):
            self.run = [(value_start, value_end, True)]
            self.flush("metadata", quote)

    def flush(self, kind: BlockKind | None = None, quote: str | None = None) -> None:
        run, self.run = self.run, []
        texts = [(s, e) for s, e, is_text in run if is_text and self.text[s:e].strip()]
        if not texts:
            return
        start = texts[0][0] + _leading_space(self.text[texts[0][0] : texts[0][1]])
        end = texts[-1][1] - _trailing_space(self.text[texts[-1][0] : texts[-1][1]])
        markup = [(s, e) for s, e, is_text in run if not is_text and start <= s and e <= end]
        references = [
            (m.start(), m.end())
            for s, e, is_text in run
            if is_text and start <= s and e <= end
            for m in _REFERENCE.finditer(self.text, s, e)
        ]
        self.blocks.append(Block(start, end, kind or self._kind(), soft_breaks=True))
        # A run that is an inline tag's attribute value alone ("<img alt=...>" between blocks).
        inside = (q for s, e, q in self.values if s <= start and end <= e)
        self.contexts.append(quote if quote is not None else next(inside, None))
        self.spans += markup_spans(self.text, [*markup, *references])

    def _kind(self) -> BlockKind:
        return next((KINDS[tag] for tag, _ in reversed(self.stack) if tag in KINDS), "paragraph")


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _trailing_space(text: str) -> int:
    return len(text) - len(text.rstrip())


def _attribute_values(
    text: str, start: int, end: int, wanted: frozenset[str] | set[str] = TRANSLATED_ATTRIBUTES
) -> list[tuple[int, int, str]]:
    """Where the values of the ``wanted`` attributes of the tag at ``start`` are, without their
    quotes, and the quote character ("" for an unquoted value)."""
    tag = text[start:end]
    name = tagfind_tolerant.match(tag, 1)
    position = name.end() if name else 1
    found = []
    while match := attrfind_tolerant.match(tag, position):
        position = match.end()
        value = match.group(3)
        if match.group(1).lower() in wanted and value:
            quoted = value[0] in "'\""
            quote = value[0] if quoted else ""
            found.append((start + match.start(3) + quoted, start + match.end(3) - quoted, quote))
        if position == match.start():
            break
    return [(s, e, q) for s, e, q in found if text[s:e].strip()]


def _split(start: int, end: int, values: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """A tag as markup pieces around its translatable attribute values."""
    pieces = []
    position = start
    for value_start, value_end in values:
        pieces += [(position, value_start, False), (value_start, value_end, True)]
        position = value_end
    return [*pieces, (position, end, False)]


def _lang_edit(text: str, start: int, end: int) -> tuple[int, int, str]:
    values = _attribute_values(text, start, end, {"lang"})
    if values:
        return values[0][0], values[0][1], "{lang}"
    close = end - 2 if text[start:end].endswith("/>") else end - 1
    return close, close, ' lang="{lang}"'


def read(text: str, path: Path | None, options: FormatOptions) -> Article:
    tokenizer = _Tokenizer(text)
    tokenizer.feed(text)
    tokenizer.close()
    reader = _Reader(text)
    events = tokenizer.events
    for event, following in zip(events, [*events[1:], None], strict=True):
        reader.feed(event, following.start if following else len(text))
    reader.flush()
    meta: dict[str, Any] = {"path": str(path)} if path else {}
    title = next((b for b in reader.blocks if b.kind == "title"), None)
    if title is not None:
        meta["title"] = text[title.start : title.end]
    published = published_date(reader.published)
    if published is not None:
        meta["published"] = published.isoformat()
    doc = Doc(
        text,
        article_date=published,
        blocks=tuple(reader.blocks),
        spans=tuple(reader.spans),
        meta=meta,
    )
    state = _State(reader.lang, tuple(reader.values), tuple(reader.contexts))
    return Article(doc=doc, format=NAME, path=path, state=state)


def write(article: Article, outputs: Sequence[str], target: str) -> str:
    text = article.doc.text
    state: _State = article.state
    markup = article.doc.spans_of("markup")
    edits = []
    for index, (block, output) in enumerate(zip(article.doc.blocks, outputs, strict=True)):
        if output == text[block.start : block.end]:
            continue
        pieces = [s for s in markup if block.start <= s.start and s.end <= block.end]
        context = state.contexts[index] if index < len(state.contexts) else None
        edits.append((block.start, block.end, _safe(output, pieces, state.values, context)))
    if state.lang is not None:
        start, end, replacement = state.lang
        edits.append((start, end, replacement.format(lang=target)))
    return splice(text, edits)


@dataclass(frozen=True)
class _State:
    """What the writer needs besides the Doc: the ``<html lang>`` edit, and where attribute
    values are (``values``: start, end, quote; the quote is "" for an unquoted value), so each
    piece of an output is escaped for the context it lands in. ``contexts``: per block, the
    quote of the attribute value the whole block is (None for text)."""

    lang: tuple[int, int, str] | None
    values: tuple[tuple[int, int, str], ...]
    contexts: tuple[str | None, ...]


# An "&" that starts no character reference: text the engine wrote ("R&D").
_BARE_AMPERSAND = re.compile(r"&(?!#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
#: What an unquoted attribute value cannot hold, as character references.
_UNQUOTED = {c: f"&#{ord(c)};" for c in " \t\n\r\f\"'=<>`"}


def _escaped(output: str, quote: str | None) -> str:
    """Text the engine (or a rendering) wrote, made safe where it lands: in text, "<" cannot
    open a tag; in a quoted attribute value, the quote cannot close it; in an unquoted one,
    neither a space nor a quote can end it."""
    output = _BARE_AMPERSAND.sub("&amp;", output)
    if quote is None:
        return output.replace("<", "&lt;")
    if quote == "":
        return "".join(_UNQUOTED.get(char, char) for char in output)
    return output.replace(quote, "&quot;" if quote == '"' else "&#39;")


def _safe(
    output: str,
    pieces: Sequence[Span],
    values: Sequence[tuple[int, int, str]],
    context: str | None,
) -> str:
    """A block's output with the source's markup pieces (tags, references) kept where the engine
    put them, in source order, and everything else escaped for its context.

    A tag whose attribute values are translated is several pieces (``<img alt="``, ``">``); it
    is kept only when all of them are there in order, so a lost piece cannot leave the rest of
    the block inside a tag. Markup the source did not have at that point (a tag the engine
    invented, a piece out of order) is text.
    """
    after = [_context_after(piece, values) for piece in pieces]
    found = _found_in_order(output, pieces)
    kept: dict[int, tuple[int, int]] = {}
    index = 0
    while index < len(pieces):
        group = [index]
        while after[group[-1]] is not None and group[-1] + 1 < len(pieces):
            group.append(group[-1] + 1)
        # A reference inside an attribute value may be lost alone; the tag's own pieces not.
        required = [i for i in group if i == group[0] or after[i - 1] is None or after[i] is None]
        if after[group[-1]] is None and all(i in found for i in required):
            kept.update((i, found[i]) for i in group if i in found)
        index = group[-1] + 1
    parts = []
    position, current = 0, context
    for i in sorted(kept, key=lambda i: kept[i]):
        start, end = kept[i]
        parts += [_escaped(output[position:start], current), output[start:end]]
        position, current = end, after[i] if after[i] is not None else context
    parts.append(_escaped(output[position:], current))
    return "".join(parts)


def _context_after(piece: Span, values: Sequence[tuple[int, int, str]]) -> str | None:
    """The quote of the attribute value that starts where a markup piece ends, else None."""
    return next((q for s, e, q in values if s <= piece.end <= e), None)


def _found_in_order(output: str, pieces: Sequence[Span]) -> dict[int, tuple[int, int]]:
    """Where each piece's text is in the output, each searched after the previous one found."""
    found: dict[int, tuple[int, int]] = {}
    cursor = 0
    for i, piece in enumerate(pieces):
        at = output.find(piece.text, cursor)
        if at >= 0:
            found[i] = (at, at + len(piece.text))
            cursor = at + len(piece.text)
    return found
