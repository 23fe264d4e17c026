"""Reading article files and writing outputs safely.

Input may be UTF-8 (with or without a byte-order mark) or UTF-16 or UTF-32 with a BOM; output
is UTF-8. Anything else is an :class:`~localise.errors.InputError` that says what the file
looks like and how to save it: bytes that are not UTF-8, UTF-16 without its BOM, a binary file
(NUL or many other control characters).
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

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: How much of a file the binary and UTF-16 checks look at.
_SAMPLE = 65536
#: C0 control characters that are not layout: text has (almost) none, binary files many.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


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
    """``data`` as text: UTF-8, or the encoding its byte-order mark names; InputError else."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding is None and _looks_like_utf16(data):
            raise InputError(path, _UTF16_WITHOUT_BOM) from exc
        name = (encoding or "utf-8").removesuffix("-sig").upper()
        raise InputError(
            path,
            f"not valid {name} text (bad byte at offset {exc.start}); save the file as UTF-8",
        ) from exc
    if _is_binary(text):
        if encoding is None and _looks_like_utf16(data):
            raise InputError(path, _UTF16_WITHOUT_BOM)
        raise InputError(
            path, "looks like a binary file (contains NUL or other control characters), not text"
        )
    return text


_UTF16_WITHOUT_BOM = (
    "looks like UTF-16 text without a byte-order mark; save the file as UTF-8 "
    "(or as UTF-16 with a BOM)"
)


def _is_binary(text: str) -> bool:
    """A NUL anywhere, or control characters in more than 1% of the sample."""
    if "\x00" in text:
        return True
    sample = text[:_SAMPLE]
    return len(_CONTROLS.findall(sample)) * 100 > len(sample)


def _looks_like_utf16(data: bytes) -> bool:
    """True when the start of ``data`` reads as UTF-16 text in Latin, Greek or Cyrillic script
    (letters, digits, punctuation): what a BOM-less UTF-16 file is, and random bytes are not."""
    sample = data[:_SAMPLE]
    if len(sample) < 2:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample.decode(codec, errors="replace")
        readable = sum(char < "\u0530" and not _CONTROLS.match(char) for char in text)
        if readable * 10 >= len(text) * 9:
            return True
    return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file completely or not at all: temp file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600; an output is created as any other file would be,
        # with the process's umask (a web server running as another user reads it).
        os.fchmod(handle, 0o666 & ~_umask())
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
