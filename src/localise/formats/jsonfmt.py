"""JSON exports: translate the fields named in ``FormatOptions.fields``, keep the rest as is.

The file may hold one article (an object) or an array of them. A field's value may be a
string or an array of strings (paragraphs). The Doc's text is the decoded values, one after
another; a value with line breaks gives one block per non-blank line. The writer re-encodes
only the values whose text changed, in place, with the ASCII escaping the file used.

A file nested deeper than :data:`MAX_DEPTH` levels is refused before it is parsed (no
article export nests so deep, and the parser would run out of stack), and so is a field to
translate that holds a lone surrogate escape (``"\\ud800"``: half of a character, which no
UTF-8 output can hold).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from ..config import FormatOptions
from ..doc import Block, BlockKind, Doc
from ..errors import InputError
from ..textio import lines
from ._common import DATE_KEYS, Article, published_date, splice

NAME = "json"
SUFFIXES = frozenset({".json"})
_SEPARATOR = "\n\n"
_KINDS: dict[str, BlockKind] = {"title": "title", "lead": "lead", "headline": "title"}
_WHITESPACE = " \t\n\r"
#: How deep arrays and objects may nest in a JSON article file.
MAX_DEPTH = 200
# A string (to the end of the text if it is never closed), or a bracket outside strings.
_NESTING_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class _Value:
    """One string value to translate: where it is in the file and in the Doc."""

    raw_start: int  # the file's string literal, quotes included
    raw_end: int
    start: int  # its decoded text in the Doc
    end: int


def read(text: str, path: Path | None, options: FormatOptions) -> Article:
    where = path or "<text>"
    _check_depth(text, where)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            where,
            f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            f"fix the file or export it again",
        ) from exc
    except ValueError as exc:  # an integer of more than 4300 digits
        raise InputError(where, f"not valid JSON ({exc}); fix the file or export it again") from exc
    found = _strings(text, frozenset(options.fields))
    _check_characters(text, found, where)
    parts: list[str] = []
    values: list[_Value] = []
    blocks: list[Block] = []
    position = 0
    for key, raw_start, raw_end, value in found:
        if parts:
            parts.append(_SEPARATOR)
            position += len(_SEPARATOR)
        values.append(_Value(raw_start, raw_end, position, position + len(value)))
        kind = _KINDS.get(key, "paragraph")
        blocks += [
            Block(position + s, position + e, kind)
            for s, e, _ in lines(value)
            if value[s:e].strip()
        ]
        parts.append(value)
        position += len(value)
    meta: dict[str, Any] = {"path": str(path)} if path else {}
    published = _published(data)
    if published is not None:
        meta["published"] = published.isoformat()
    doc = Doc("".join(parts), article_date=published, blocks=tuple(blocks), meta=meta)
    return Article(doc=doc, format=NAME, path=path, state=(text, tuple(values)))


def write(article: Article, outputs: Sequence[str], target: str) -> str:
    text, values = article.state
    doc = article.doc
    by_start = dict(zip((b.start for b in doc.blocks), outputs, strict=True))
    edits = []
    for value in values:
        decoded = doc.text[value.start : value.end]
        new = splice(
            decoded,
            [
                (b.start - value.start, b.end - value.start, by_start[b.start])
                for b in doc.blocks
                if value.start <= b.start and b.end <= value.end
            ],
        )
        if new != decoded:
            raw = text[value.raw_start : value.raw_end]
            edits.append((value.raw_start, value.raw_end, _encode(new, raw)))
    return splice(text, edits)


def _check_depth(text: str, where: Path | str) -> None:
    depth = 0
    for token in _NESTING_TOKEN.finditer(text):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                raise InputError(
                    where,
                    f"arrays and objects nested more than {MAX_DEPTH} levels deep (at line "
                    f"{line}); an article export nests a few levels: check the file",
                )
        elif char in "]}":
            depth -= 1


def _check_characters(text: str, found: list[tuple[str, int, int, str]], where: Path | str) -> None:
    for key, start, _end, value in found:
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            line = text.count("\n", 0, start) + 1
            raise InputError(
                where,
                f"the {key!r} value at line {line} holds a lone surrogate escape "
                f"(\\u{ord(surrogate.group()):04x}), half of a character that no text can "
                f"hold; export the file again or remove the escape",
            )


def _encode(value: str, raw: str) -> str:
    # Keep the file's habit: \\u escapes when it wrote its non-ASCII text that way.
    return json.dumps(value, ensure_ascii=raw.isascii() and "\\u" in raw)


def _strings(text: str, fields: frozenset[str]) -> list[tuple[str, int, int, str]]:
    """``(key, start, end, value)`` of each wanted string, in an article or array of them."""
    found: list[tuple[str, int, int, str]] = []
    position = _skip(text, 0)
    articles = _elements(text, position) if text.startswith("[", position) else [position]
    for start in articles:
        if text.startswith("{", start):
            for key, value_start in _members(text, start):
                if key in fields:
                    found += [(key, *string) for string in _string_values(text, value_start)]
    return found


def _string_values(text: str, start: int) -> list[tuple[int, int, str]]:
    """A string value, or the strings of an array value (paragraphs)."""
    if text.startswith('"', start):
        value, end = scanstring(text, start + 1)
        return [(start, end, value)]
    if text.startswith("[", start):
        return [s for element in _elements(text, start) for s in _string_values(text, element)]
    return []


def _members(text: str, start: int) -> list[tuple[str, int]]:
    """Each key of the object at ``start`` and where its value starts."""
    members = []
    position = _skip(text, start + 1)
    while not text.startswith("}", position):
        key, position = scanstring(text, position + 1)
        position = _skip(text, _skip(text, position) + 1)  # past the colon
        members.append((key, position))
        position = _skip(text, _value_end(text, position))
        if text.startswith(",", position):
            position = _skip(text, position + 1)
    return members


def _elements(text: str, start: int) -> list[int]:
    """Where each element of the array at ``start`` starts."""
    elements = []
    position = _skip(text, start + 1)
    while not text.startswith("]", position):
        elements.append(position)
        position = _skip(text, _value_end(text, position))
        if text.startswith(",", position):
            position = _skip(text, position + 1)
    return elements


def _value_end(text: str, start: int) -> int:
    _, end = _DECODER.raw_decode(text, start)
    return int(end)


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


_DECODER = json.JSONDecoder()


def _published(data: Any) -> date | None:
    """The publication date of a single article (an object, or an array of one).

    An array of several articles shares one Doc, and so one article date: none is taken
    rather than one article's date applied to the others.
    """
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        return None
    return next(
        (found for key in DATE_KEYS if (found := published_date(data.get(key))) is not None),
        None,
    )
