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

Any text is read, in time linear in its length however deep its elements nest: the reader keeps
counts rather than walking its stack, and the tokenizer is kept from the standard library's
quadratic paths (each unclosed ``<``, ``<!--`` or ``<![CDATA[`` searching to the end of the file
for a closer that is not there) by knowing in advance where the last closer of each kind is.
As browsers read them, a comment never closed runs to the end of the file, and an unknown
``<![...`` section (which the standard library rejects with an AssertionError) is a bogus
comment up to the next ``>``.
"""

from __future__ import annotations

import _markupbase
import bisect
import html.parser
import re
from collections import Counter
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
    """The stdlib tokenizer, recording where each token starts in the text.

    ``tokenize`` feeds it a copy of the text with the characters that would only send it
    searching in vain made plain data (same length, so every offset holds): each ``<`` after
    the last ``>`` (it opens nothing that can close) and each ``&#`` that starts no character
    reference (the stdlib gives up on the rest of the file at the second one).
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.events: list[_Event] = []
        self._text = text
        self._length = len(text)
        # The last place each closer starts, in the text: a search from after it must fail.
        self._last = {
            closer: max((m.start() for m in closer.finditer(text)), default=-1)
            for closer in (_COMMENT_CLOSE, _SECTION_CLOSE, _MS_SECTION_CLOSE)
        }

    def tokenize(self) -> list[_Event]:
        self.feed(_plain_dead_ends(self._text))
        self.close()
        return self.events

    def _absolute(self, i: int) -> int:
        # ``rawdata`` is always a tail of the text fed (the parser drops what it has read).
        return i + self._length - len(self.rawdata)

    def _closes_after(self, closer: re.Pattern[str], i: int) -> bool:
        return self._absolute(i) <= self._last[closer]

    def parse_comment(self, i: int, report: bool = True) -> int:
        abrupt = _ABRUPT_COMMENT_CLOSE is not None and _ABRUPT_COMMENT_CLOSE.match(
            self.rawdata, i + 4
        )
        if not abrupt and not self._closes_after(_COMMENT_CLOSE, i + 4):
            # Never closed: a comment to the end of the file, as browsers (and Python 3.13's
            # parser) read it. The whole file is fed at once, so no more text can close it.
            if report:
                self.handle_comment(self.rawdata[i + 4 :])
            return len(self.rawdata)
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        rawdata = self.rawdata
        name = _SECTION_NAME.match(rawdata, i + 3)
        if name is not None and name.end() == len(rawdata):
            return -1
        keyword = name.group().strip().lower() if name else ""
        if keyword in _STANDARD_SECTIONS:
            closer = _SECTION_CLOSE
        elif keyword in _MS_SECTIONS:
            closer = _MS_SECTION_CLOSE
        else:  # "<![alt[x]]>": the stdlib asserts; a browser reads a bogus comment
            return self.parse_bogus_comment(i, report)
        if not self._closes_after(closer, i + 3):
            return -1
        return super().parse_marked_section(i, report)

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


# What the stdlib's comment and marked-section parsers search for to find their end (its own
# patterns: they differ between Python versions), as lookaheads so that every place one starts
# is found. Since Python 3.13.4, "<!-->" and "<!--->" are comments closed at once.
def _closer(module: object, name: str, default: str) -> re.Pattern[str]:
    pattern: re.Pattern[str] | None = getattr(module, name, None)
    return re.compile(f"(?={pattern.pattern if pattern is not None else default})")


_COMMENT_CLOSE = _closer(html.parser, "commentclose", r"--\s*>")
_ABRUPT_COMMENT_CLOSE: re.Pattern[str] | None = getattr(html.parser, "commentabruptclose", None)
_SECTION_CLOSE = _closer(_markupbase, "_markedsectionclose", r"]\s*]\s*>")
_MS_SECTION_CLOSE = _closer(_markupbase, "_msmarkedsectionclose", r"]\s*>")
_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_STANDARD_SECTIONS = frozenset({"temp", "cdata", "ignore", "include", "rcdata"})
_MS_SECTIONS = frozenset({"if", "else", "endif"})
# "&#" that starts no character reference, as the stdlib reads one (html.parser.charref).
_BAD_CHARREF = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_OPEN = re.compile("<")
_PLAIN = "\x01"  # stands for a character the tokenizer must read as data


def _plain_dead_ends(text: str) -> str:
    """The text for the tokenizer: see :class:`_Tokenizer`. A ``<!--`` after the last ``>``
    stays: it opens a comment to the end of the file."""
    last_close = text.rfind(">")
    comment = text.find("<!--", last_close + 1)
    tail_end = comment if comment >= 0 else len(text)
    dead = sorted(
        [
            *(m.start() for m in _BAD_CHARREF.finditer(text)),
            *(m.start() for m in _OPEN.finditer(text, last_close + 1, tail_end)),
        ]
    )
    if not dead:
        return text
    pieces = []
    position = 0
    for at in dead:
        pieces += [text[position:at], _PLAIN]
        position = at + 1
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass
class _Reader:
    """Walks the tokens, collecting blocks, markup spans and where ``<html lang>`` is.

    Every step costs the same however deep the elements nest: the open elements are counted
    by name and by whether they are left alone, and each level keeps the block kind it gives.
    """

    text: str
    blocks: list[Block] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    run: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, is_text)
    stack: list[tuple[str, bool]] = field(default_factory=list)  # (tag, left alone)
    kinds: list[BlockKind] = field(default_factory=list)  # per level: the innermost KINDS tag's
    open_tags: Counter[str] = field(default_factory=Counter)
    alone_depth: int = 0  # how many open elements are left alone
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
        return self.alone_depth > 0

    def _push(self, tag: str, alone: bool) -> None:
        self.stack.append((tag, alone))
        self.kinds.append(KINDS.get(tag) or (self.kinds[-1] if self.kinds else "paragraph"))
        self.open_tags[tag] += 1
        self.alone_depth += alone

    def _pop(self) -> str:
        tag, alone = self.stack.pop()
        self.kinds.pop()
        self.open_tags[tag] -= 1
        self.alone_depth -= alone
        return tag

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
                self._push(tag, True)
            return
        if tag in INLINE or (alone and tag in (*INLINE, "code")):
            pieces = [] if alone else _attribute_values(self.text, event.start, end)
            self.values += pieces
            self.run.extend(_split(event.start, end, [(s, e) for s, e, _ in pieces]))
            self.opaque_depth = int(alone and opens)
            if opens:
                self._push(tag, alone)
            return
        self.flush()
        if not alone:
            self._attribute_blocks(tag, attrs, event.start, end)
        if opens:
            self._push(tag, alone)

    def _end(self, event: _Event, end: int) -> None:
        if not self.open_tags[event.tag]:
            return  # a stray end tag: the browser ignores it, so do we
        if self.opaque_depth:
            self.run.append((event.start, end, False))
            self.opaque_depth -= 1
        elif event.tag in INLINE and not self._left_alone():
            self.run.append((event.start, end, False))
        else:
            self.flush()
        while self.stack and self._pop() != event.tag:
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
        inside = _value_around(self.values, start, end)
        self.contexts.append(quote if quote is not None else inside)
        self.spans += markup_spans(self.text, [*markup, *references])

    def _kind(self) -> BlockKind:
        return self.kinds[-1] if self.kinds else "paragraph"


def _value_around(values: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The quote of the attribute value (of ``values``, in file order) that holds
    ``start:end``, or None."""
    at = bisect.bisect_right(values, start, key=lambda value: value[0]) - 1
    if at >= 0 and values[at][0] <= start and end <= values[at][1]:
        return values[at][2]
    return None


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
    events = _Tokenizer(text).tokenize()
    reader = _Reader(text)
    for index, event in enumerate(events):
        reader.feed(event, events[index + 1].start if index + 1 < len(events) else len(text))
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
    starts = [span.start for span in markup]
    edits = []
    for index, (block, output) in enumerate(zip(article.doc.blocks, outputs, strict=True)):
        if output == text[block.start : block.end]:
            continue
        first = bisect.bisect_left(starts, block.start)
        last = bisect.bisect_left(starts, block.end, lo=first)
        pieces = [s for s in markup[first:last] if s.end <= block.end]
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
    return _value_around(values, piece.end, piece.end)


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
