"""Reading article files and writing outputs safely.

Input may be UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM; output is UTF-8.
Every write goes to a temporary file in the destination folder and is renamed into place, so a
crash never leaves half a file, and an input file is never opened for writing.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: Path) -> str:
    """The decoded text of an article file, with a clear error for anything unreadable."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a folder, not an article file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"not valid {encoding.upper()} text (bad byte at offset {exc.start}); "
            f"save the file as UTF-8",
        ) from exc
    if "\x00" in text:
        raise InputError(path, "looks like a binary file (contains NUL characters)")
    return text


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file completely or not at all: temp file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[tuple[int, int, int]]:
    """Each line as ``(start, end, next_start)``: ``end`` before its line break, if any.

    Any line-break convention counts (LF, CRLF, CR), so a file keeps its own in the output.
    """
    found = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        found.append((start, match.start(), match.end()))
        start = match.end()
    if start < len(text):
        found.append((start, len(text), len(text)))
    return found
