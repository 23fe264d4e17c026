"""Whole-word tokens, and the folded keys by which glossary forms and text are compared.

A key is the phrase's tokens (a word, or one punctuation character) with the gaps between them:
a space, or a break (a blank line, a run of punctuation) that no name spans. Folding unifies
apostrophes and hyphens, Unicode normal forms, and Russian ё/е; case only when asked.
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_phrase", "gap", "tokens"]

#: A word (letters, digits, combining marks) or one punctuation character.
_TOKEN = re.compile(r"[\w\u0300-\u036f\u0483-\u0489]+|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-"})
_BREAK = "\u00b6"  # stands for a gap no name spans: punctuation run, blank line


def fold(token: str, lang: str, ignore_case: bool = False) -> str:
    token = unicodedata.normalize("NFC", token).translate(_APOSTROPHES)
    if lang == "ru":
        token = token.replace("ё", "е").replace("Ё", "Е")
    return token.casefold() if ignore_case else token


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def gap(text: str) -> str:
    if not text:
        return ""
    return " " if text.isspace() and "\n\n" not in text else _BREAK


def fold_phrase(phrase: str, lang: str, ignore_case: bool = False) -> tuple[str, ...]:
    key: list[str] = []
    previous_end = None
    for start, end, token in tokens(phrase):
        if previous_end is not None:
            key.append(gap(phrase[previous_end:start]))
        key.append(fold(token, lang, ignore_case))
        previous_end = end
    return tuple(key)
