"""Markdown articles with YAML front matter, as static-site CMSs write them.

The Doc's text is the file's own text. markdown-it-py parses the body; every paragraph,
heading, list item, quote and table cell becomes a block, and the syntax inside it (emphasis
markers, code spans, link brackets and targets, image targets, inline HTML, entity
references, a quote's ``>`` on continuation lines) becomes markup spans, so only prose is
translated and each marker comes back where it was. Code blocks, HTML blocks and reference
definitions are not blocks: they stay as written. Image alt text is translated.

The front matter is parsed with ruamel.yaml; the keys in ``front_matter_fields`` whose value
is a one-line string become blocks, and a translation that needs quoting in YAML is written
back as a double-quoted scalar. Every other key stays byte for byte. The front matter is only
composed (nodes and their positions), never constructed: a tag such as ``!!python/object``
stays text. It must be a mapping (``key: value`` lines), and may nest at most
:data:`MAX_FRONT_MATTER_DEPTH` levels: the YAML scanner's work grows with the depth, and its
composer recurses once per level.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import FormatOptions
from ..doc import Block, BlockKind, Doc, Span
from ..errors import InputError
from ..textio import lines
from ._common import (
    DATE_KEYS,
    Article,
    markup_spans,
    published_date,
    splice,
    without_overlaps,
)

if TYPE_CHECKING:
    from markdown_it.token import Token


NAME = "markdown"
SUFFIXES = frozenset({".md", ".markdown"})

_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BACKTICKS = re.compile(r"`+")
#: How deep front matter may nest: block indentation levels, or flow ``[``/``{`` levels.
MAX_FRONT_MATTER_DEPTH = 32
_CONTAINERS: dict[str, BlockKind] = {
    "blockquote_open": "quote",
    "list_item_open": "list_item",
    "heading_open": "heading",
}


class _Unmappable(Exception):
    """The parser's view of a block could not be matched to its source characters."""


class _TooDeep(Exception):
    """The front matter nests deeper than MAX_FRONT_MATTER_DEPTH (raised by the scanner)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@dataclass(frozen=True)
class _Field:
    """A front-matter value turned into a block, and how to write a new value back."""

    start: int  # the YAML scalar node, quotes included
    end: int
    style: str | None


def read(text: str, path: Path | None, options: FormatOptions) -> Article:
    body_start, fields, published = _front_matter(text, path, options.front_matter_fields)
    blocks: list[Block] = []
    spans: list[Span] = []
    state: dict[int, _Field] = {}
    meta: dict[str, Any] = {"path": str(path)} if path else {}
    for key, block, field in fields:
        state[block.start] = field
        blocks.append(block)
        meta[key] = text[block.start : block.end]
    for block, block_spans in _body_blocks(text, body_start):
        blocks.append(block)
        spans.extend(block_spans)
    if published is not None:
        meta["published"] = published.isoformat()
    doc = Doc(
        text,
        article_date=published,
        blocks=tuple(blocks),
        spans=tuple(without_overlaps(spans)),
        meta=meta,
    )
    return Article(doc=doc, format=NAME, path=path, state=state)


def write(article: Article, outputs: Sequence[str], target: str) -> str:
    text = article.doc.text
    fields: dict[int, _Field] = article.state
    edits = []
    for block, output in zip(article.doc.blocks, outputs, strict=True):
        field = fields.get(block.start)
        if output == text[block.start : block.end]:
            continue
        if field is not None and not _fits(output, field.style):
            edits.append((field.start, field.end, json.dumps(output, ensure_ascii=False)))
        else:
            edits.append((block.start, block.end, output))
    return splice(text, edits)


# -- front matter ------------------------------------------------------------------------


def _front_matter(
    text: str, path: Path | None, keys: tuple[str, ...]
) -> tuple[int, list[tuple[str, Block, _Field]], date | None]:
    """Where the body starts, a block for each configured one-line string value, and the
    publication date (``date:`` and its synonyms) if the front matter gives one."""
    opening = _FENCE.match(text)
    if opening is None or not opening.group().startswith("---"):
        return 0, [], None
    closing = next((m for start, _, _ in lines(text)[1:] if (m := _FENCE.match(text, start))), None)
    if closing is None:
        raise InputError(
            path or "<text>",
            "front matter opened with '---' is never closed; add a '---' line after it",
        )
    node = _compose(text[opening.end() : closing.start()], path)
    found = []
    published = None
    for key_node, value_node in node.value if node is not None else []:
        if not isinstance(key_node.value, str):
            continue  # a complex key ("? [a, b]"): nothing localise reads
        key, value = key_node.value, value_node
        if key in DATE_KEYS and published is None:
            published = published_date(getattr(value, "value", None))
        if key not in keys or getattr(value, "tag", "").split(":")[-1] != "str":
            continue
        start = opening.end() + value.start_mark.index
        end = opening.end() + value.end_mark.index
        inner = (start + 1, end - 1) if value.style in ("'", '"') else (start, end)
        if value.style not in (None, "'", '"') or text[inner[0] : inner[1]] != value.value:
            continue  # block scalars and escapes: kept as written (see the module notes)
        kind: BlockKind = "title" if key == "title" else "lead"
        found.append((key, Block(*inner, kind), _Field(start, end, value.style)))
    return closing.end(), found, published


def _compose(source: str, path: Path | None) -> Any:
    """The front matter's root node (None when it is empty): a mapping, else InputError."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    yaml = YAML()
    yaml.Scanner = _bounded_scanner()
    try:
        node = yaml.compose(source)
    except YAMLError as exc:
        raise InputError(
            path or "<text>",
            f"front matter is not valid YAML ({_yaml_problem(exc)}); fix the lines between "
            f"the '---' fences",
        ) from exc
    except (_TooDeep, RecursionError) as exc:
        # RecursionError: should a ruamel release stop calling the scanner's hooks.
        at = f" (at line {exc.line + 2})" if isinstance(exc, _TooDeep) else ""
        raise InputError(
            path or "<text>",
            f"front matter nests more than {MAX_FRONT_MATTER_DEPTH} levels deep{at}; "
            f"front matter holds a few keys and lists: check the lines between the '---' fences",
        ) from exc
    if node is not None and not isinstance(node, MappingNode):
        what = "a list" if isinstance(node, SequenceNode) else "a single value"
        raise InputError(
            path or "<text>",
            f"front matter is {what}, not 'key: value' lines; write it as 'title: ...' lines "
            f"between the '---' fences",
        )
    return node


@cache
def _bounded_scanner() -> type:
    """ruamel's round-trip scanner, stopping at MAX_FRONT_MATTER_DEPTH levels of nesting."""
    from ruamel.yaml.scanner import RoundTripScanner

    class BoundedScanner(RoundTripScanner):
        def add_indent(self, column: int) -> bool:
            added = bool(super().add_indent(column))
            if added and len(self.indents) > MAX_FRONT_MATTER_DEPTH:
                raise _TooDeep(self.reader.get_mark().line)
            return added

        def fetch_flow_collection_start(self, TokenClass: Any, to_push: str) -> None:
            if self.flow_level >= MAX_FRONT_MATTER_DEPTH:
                raise _TooDeep(self.reader.get_mark().line)
            super().fetch_flow_collection_start(TokenClass, to_push)

    return BoundedScanner


def _yaml_problem(exc: Exception) -> str:
    # ruamel's message spans several lines with a caret drawing; keep the problem and where.
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    # +2: the mark counts from 0 inside the front matter, which starts after the '---' line.
    return f"{problem} at line {mark.line + 2}" if mark is not None else str(problem)


def _fits(value: str, style: str | None) -> bool:
    """True when ``value`` can replace the scalar's content in the same quoting style."""
    if "\n" in value or "\r" in value:
        return False
    if style == '"':
        return '"' not in value and "\\" not in value
    if style == "'":
        return "'" not in value
    if sum(value.count(c) for c in "[{") > MAX_FRONT_MATTER_DEPTH:
        return False  # not worth the YAML parser's time: quoted, it is safe
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return bool(YAML(typ="safe").load(f"k: {value}") == {"k": value})
    except (YAMLError, RecursionError):
        return False


# -- body --------------------------------------------------------------------------------


def _body_blocks(text: str, body_start: int) -> Iterator[tuple[Block, list[Span]]]:
    from markdown_it import MarkdownIt

    body = text[body_start:]
    raw_lines = [(body_start + s, body_start + e) for s, e, _ in lines(body)] or [
        (body_start, body_start)
    ]
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    containers: list[BlockKind] = []
    row_cursor: dict[int, int] = {}  # table cells share a line: where the last one ended
    previous = ""
    for token in tokens:
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type.replace("_close", "_open") in _CONTAINERS:
            containers.pop()
        elif token.type == "inline" and token.map is not None and token.content.strip():
            kind = containers[-1] if containers else "paragraph"
            cell = row_cursor if previous in ("th_open", "td_open") else None
            yield _block(text, token, raw_lines, kind, cell)
        previous = token.type


def _block(
    text: str,
    token: Token,
    raw_lines: list[tuple[int, int]],
    kind: BlockKind,
    row_cursor: dict[int, int] | None,
) -> tuple[Block, list[Span]]:
    assert token.map is not None
    content = token.content
    try:
        offsets = _content_offsets(text, content, raw_lines, token.map[0], row_cursor)
        ranges = list(_markup(content, 0, token.children or []))
    except _Unmappable:
        start, end = raw_lines[token.map[0]][0], raw_lines[token.map[1] - 1][1]
        return Block(start, end, kind, translate=False, reason="markup localise cannot map"), []
    start, end = offsets[0], offsets[len(content)]
    spans = [(offsets[s], offsets[e]) for s, e in ranges]
    # Continuation-line prefixes ("> ", list indentation) are syntax inside the block too.
    spans += [
        (offsets[i] + 1, offsets[i + 1])
        for i, char in enumerate(content)
        if char == "\n" and text[offsets[i] + 1 : offsets[i + 1]].strip()
    ]
    block = Block(start, end, kind, soft_breaks=True)
    return block, without_overlaps(markup_spans(text, spans))


def _content_offsets(
    text: str,
    content: str,
    raw_lines: list[tuple[int, int]],
    first_line: int,
    row_cursor: dict[int, int] | None,
) -> list[int]:
    """The file offset of each character of ``content``, and of its end.

    The parser strips each line's container syntax ("> ", indentation) and keeps the rest, so
    every content line is the tail of its source line (less trailing blanks).
    """
    offsets: list[int] = []
    parts = content.split("\n")
    for number, part in enumerate(parts):
        line_start, line_end = raw_lines[first_line + number]
        raw = text[line_start:line_end]
        if row_cursor is not None:
            position = raw.find(part, row_cursor.get(first_line, 0))
            row_cursor[first_line] = position + len(part)
        else:
            position = raw.rfind(part)
        if position < 0:
            raise _Unmappable(part)
        start = line_start + position
        offsets.extend(range(start, start + len(part)))
        offsets.append(line_end if number < len(parts) - 1 else start + len(part))
    return offsets


def _markup(content: str, cursor: int, children: list[Token]) -> Iterator[tuple[int, int]]:
    """Content ranges of the syntax among ``children``; raises _Unmappable on a mismatch."""
    remaining = iter(children)
    for child in remaining:
        kind = child.type
        if kind == "text":
            cursor = _advance_text(content, cursor, child.content)
        elif kind in ("softbreak", "hardbreak"):
            cursor = _advance_break(content, cursor)
        elif kind == "code_inline":
            end = _code_end(content, cursor, child.markup)
            yield cursor, end
            cursor = end
        elif kind == "html_inline":
            cursor = _expect(content, cursor, child.content)
            yield cursor - len(child.content), cursor
        elif kind == "link_open" and child.markup == "autolink":
            end = content.find(">", cursor) + 1
            if not content.startswith("<", cursor) or end <= 0:
                raise _Unmappable(kind)
            yield cursor, end
            cursor = end
            for inner in remaining:  # the link text is the address itself: all protected
                if inner.type == "link_close":
                    break
        elif kind == "link_open":
            cursor = _expect(content, cursor, "[")
            yield cursor - 1, cursor
        elif kind == "link_close":
            end = _link_tail(content, cursor)
            yield cursor, end
            cursor = end
        elif kind == "image":
            cursor = _expect(content, cursor, "![")
            yield cursor - 2, cursor
            alt = list(_markup(content, cursor, child.children or []))
            yield from alt
            cursor = _alt_end(content, cursor, child)
            end = _link_tail(content, cursor)
            yield cursor, end
            cursor = end
        elif child.markup:
            cursor = _expect(content, cursor, child.markup)
            yield cursor - len(child.markup), cursor
        else:
            raise _Unmappable(kind)


def _expect(content: str, cursor: int, raw: str) -> int:
    if not content.startswith(raw, cursor):
        raise _Unmappable(raw)
    return cursor + len(raw)


def _advance_text(content: str, cursor: int, text: str) -> int:
    """Move over the source of ``text``, through backslash escapes and entity references."""
    i = 0
    while i < len(text):
        entity = _ENTITY.match(content, cursor)
        decoded = html.unescape(entity.group()) if entity else ""
        if entity and text.startswith(decoded, i):
            cursor, i = entity.end(), i + len(decoded)
        elif content.startswith("\\" + text[i], cursor):
            cursor, i = cursor + 2, i + 1
        elif content.startswith(text[i], cursor):
            cursor, i = cursor + 1, i + 1
        else:
            raise _Unmappable(text)
    return cursor


def _advance_break(content: str, cursor: int) -> int:
    while cursor < len(content) and content[cursor] in " \t\\":
        cursor += 1
    cursor = _expect(content, cursor, "\n")
    while cursor < len(content) and content[cursor] in " \t":
        cursor += 1
    return cursor


def _code_end(content: str, cursor: int, fence: str) -> int:
    cursor = _expect(content, cursor, fence)
    for match in _BACKTICKS.finditer(content, cursor):
        if match.group() == fence:
            return match.end()
    raise _Unmappable(fence)


def _alt_end(content: str, cursor: int, image: Token) -> int:
    """Where an image's alt text ends: its closing bracket, skipping escaped ones."""
    depth = 0
    while cursor < len(content):
        char = content[cursor]
        if char == "\\":
            cursor += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return cursor
            depth -= 1
        cursor += 1
    raise _Unmappable(image.content)


def _link_tail(content: str, cursor: int) -> int:
    """The end of ``](target "title")``, ``][label]`` or ``]`` starting at ``cursor``."""
    cursor = _expect(content, cursor, "]")
    opener = content[cursor : cursor + 1]
    closer = {"(": ")", "[": "]"}.get(opener)
    if closer is None:
        return cursor
    depth, quote = 0, ""
    for position in range(cursor, len(content)):
        char = content[position]
        if quote:
            quote = "" if char == quote and content[position - 1] != "\\" else quote
        elif char in "\"'" and closer == ")" and depth == 1:
            quote = char
        elif char == opener:
            depth += 1
        elif char == closer and content[position - 1] != "\\":
            depth -= 1
            if depth == 0:
                return position + 1
    raise _Unmappable(content[cursor:])
