"""Plain-text articles, scraped pages included: header, title, body and footer.

Agency pages scraped as text carry the site around the article: navigation lines, the page
date, a category, the publication timestamp, then the title, the dateline and the body, then
a footer. The reader finds that anatomy with general rules rather than one site's words:

* **prose** is a line that ends like a sentence and has at least four words, or any line of
  120 characters or more; the body runs from the first prose line to the last prose line or
  line of eight words or more;
* before the body, the **title** is the line with the most words (two at least) that is not
  a date line (a year or clock time in five words or fewer), the **timestamp** the first
  line with a clock time and a year, the **category** the short line just before it; every
  other line there is boilerplate, and so is every line after the body;
* lines that repeat across many articles of a folder (``FormatOptions.boilerplate``, found
  by :func:`repeated_lines`) are boilerplate wherever they are not prose.

A prose line is never dropped, so a rule that misfires keeps text rather than losing it.
Boilerplate, timestamp and category are left out of the output (and not translated) unless
``keep_boilerplate`` is set; blank lines around what was left out are collapsed. The
timestamp line is kept in ``Doc.meta["timestamp"]``: the article-date stage reads its date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import FormatOptions
from ..doc import Block, BlockKind, Doc
from ..textio import lines
from ._common import Article

NAME = "text"
SUFFIXES = frozenset({".txt"})

_SENTENCE_END = re.compile(r"[.!?…][\"'»“”’)\]]*$")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# "MINSK, 14. Januar (BelTA) –", "АСТАНА. 24 мая.": a place in capitals, then the day.
_DATELINE = re.compile(r"^\s*(?P<place>[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)*)[,.]\s+\d{1,2}\b")
_QUOTES = "„“”\"«»‚‘'"


@dataclass(frozen=True)
class _Line:
    index: int
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def prose(self) -> bool:
        stripped = self.text.strip()
        return len(stripped) >= 120 or (self.words >= 4 and bool(_SENTENCE_END.search(stripped)))

    @property
    def dated(self) -> bool:
        """A date line ("flag Mittwoch, 15 Januar 2025"), not a title that names a year."""
        has_date = bool(_YEAR.search(self.text)) or bool(_CLOCK.search(self.text))
        return has_date and self.words <= 5


def read(text: str, path: Path | None, options: FormatOptions) -> Article:
    content = [
        _Line(i, start, end, text[start:end])
        for i, (start, end, _) in enumerate(lines(text))
        if text[start:end].strip()
    ]
    kinds = anatomy(content, frozenset(options.boilerplate))
    meta: dict[str, Any] = {"path": str(path)} if path else {}
    blocks = []
    for line in content:
        kind = kinds[line.index]
        left_out = kind in ("boilerplate", "metadata")
        translate = options.keep_boilerplate or not left_out
        reason = None if translate else kind
        blocks.append(Block(line.start, line.end, kind, translate=translate, reason=reason))
        _note(meta, kind, line)
    doc = Doc(text, blocks=tuple(blocks), meta=meta)
    return Article(doc=doc, format=NAME, path=path)


def anatomy(
    content: Sequence[_Line], learned: frozenset[str] = frozenset()
) -> dict[int, BlockKind]:
    """The kind of each non-blank line, by line index."""
    prose = [line for line in content if line.prose]
    if not prose:
        return {line.index: "paragraph" for line in content}
    first = prose[0].index
    # A long line after the body is body whose final stop was lost, not a footer.
    last = max(
        line.index for line in content if line.index >= first and (line.prose or line.words >= 8)
    )
    kinds: dict[int, BlockKind] = {}
    header = [line for line in content if line.index < first]
    kinds.update(_header(header, learned))
    for line in content:
        if first <= line.index <= last:
            kinds[line.index] = _body_kind(line, learned, first)
        elif line.index > last:
            kinds[line.index] = "boilerplate"
    return kinds


def _header(header: Sequence[_Line], learned: frozenset[str]) -> dict[int, BlockKind]:
    kinds: dict[int, BlockKind] = {line.index: "boilerplate" for line in header}
    candidates = [
        line
        for line in header
        if line.words >= 2 and not line.dated and line.text.strip() not in learned
    ]
    if candidates:
        title = max(candidates, key=lambda line: line.words)  # the first of equals
        kinds[title.index] = "title"
    stamp = next(
        (line for line in header if _CLOCK.search(line.text) and _YEAR.search(line.text)), None
    )
    if stamp is not None:
        kinds[stamp.index] = "metadata"
        before = [line for line in header if line.index < stamp.index]
        if before and _is_category(before[-1]) and kinds[before[-1].index] != "title":
            kinds[before[-1].index] = "metadata"
    return kinds


def _is_category(line: _Line) -> bool:
    return line.words <= 3 and not any(c.isdigit() for c in line.text)


def _body_kind(line: _Line, learned: frozenset[str], first: int) -> BlockKind:
    stripped = line.text.strip()
    if not line.prose:
        return "boilerplate" if stripped in learned else "heading"
    if line.index == first and _DATELINE.match(line.text):
        return "lead"
    return "quote" if stripped[0] in _QUOTES else "paragraph"


def _note(meta: dict[str, Any], kind: BlockKind, line: _Line) -> None:
    stripped = line.text.strip()
    if kind == "title":
        meta["title"] = stripped
    elif kind == "metadata" and _CLOCK.search(stripped) and "timestamp" not in meta:
        meta["timestamp"] = stripped
    elif kind == "metadata":
        meta["category"] = stripped
    elif kind == "lead" and (match := _DATELINE.match(line.text)):
        meta["dateline"] = match.group("place")


def write(article: Article, outputs: Sequence[str], target: str) -> str:
    text = article.doc.text
    by_start = dict(zip((b.start for b in article.doc.blocks), outputs, strict=True))
    dropped = {
        b.start
        for b in article.doc.blocks
        if not b.translate and b.kind in ("boilerplate", "metadata")
    }
    pieces: list[tuple[str, str]] = []  # ("kept" | "blank" | "dropped", text)
    for start, end, next_start in lines(text):
        if start in dropped:
            pieces.append(("dropped", ""))
        elif start in by_start:
            pieces.append(("kept", by_start[start] + text[end:next_start]))
        else:
            pieces.append(("blank", text[start:next_start]))
    return _join(pieces, ends_with_break=text.endswith(("\n", "\r")))


def _join(pieces: list[tuple[str, str]], *, ends_with_break: bool) -> str:
    kept = [i for i, (kind, _) in enumerate(pieces) if kind == "kept"]
    if not kept:
        return ""
    out: list[str] = []
    gap: list[tuple[str, str]] = list(pieces[: kept[0]])
    if not any(kind == "dropped" for kind, _ in gap):
        out.extend(piece for _, piece in gap)
    for i, j in zip(kept, [*kept[1:], len(pieces)], strict=True):
        out.append(pieces[i][1])
        gap = pieces[i + 1 : j]
        if not any(kind == "dropped" for kind, _ in gap):
            out.extend(piece for _, piece in gap)
        elif j < len(pieces):
            out.extend(_longest_blank_run(gap))
    trailing = pieces[kept[-1] + 1 :]
    if any(kind == "dropped" for kind, _ in trailing) and not ends_with_break:
        out[-1] = out[-1].rstrip("\r\n")  # the file ended without a break: so does the output
    return "".join(out)


def _longest_blank_run(gap: Sequence[tuple[str, str]]) -> list[str]:
    best = (0, 0)  # (start, end) in gap
    start = 0
    for index, (kind, _) in enumerate(gap):
        if kind != "blank":
            start = index + 1
        elif index + 1 - start > best[1] - best[0]:
            best = (start, index + 1)
    return [piece for _, piece in gap[best[0] : best[1]]]


def repeated_lines(
    texts: Iterable[str], *, min_files: int = 3, min_share: float = 0.3
) -> frozenset[str]:
    """Lines that repeat across the pages of one run: a strong boilerplate signal.

    A line (stripped) counts when it is in at least ``min_files`` texts and in at least
    ``min_share`` of them. Pass the result as ``FormatOptions(boilerplate=...)``.
    """
    counts: Counter[str] = Counter()
    files = 0
    for text in texts:
        files += 1
        counts.update({line.strip() for line in text.splitlines() if line.strip()})
    needed = max(min_files, min_share * files)
    return frozenset(line for line, count in counts.items() if count >= needed)
