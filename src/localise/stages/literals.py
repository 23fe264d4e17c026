"""Things that look like figures and are not facts to localise: the ``literals`` stage.

A phone number ("+375 17 222-33-44"), an e-mail or web address, the number of a document or
law ("Nr. 12.345", "Decree No. 282", "№ 123-З") and the digits of a model name ("ML-2025",
"МАЗ-5440") read the same in every locale. Each becomes a ``literal`` span before the
recognisers run, so no date, amount or number is read inside it ("17 222" is no grouped
number, "2025" in "ML-2025" no year); its rendering is its own text, and the engine must
carry it over unchanged. Postal codes and plain integers need nothing: no locale writes
them otherwise, and the recognisers leave them alone.
"""

from __future__ import annotations

import re

from ..doc import Doc, Span

__all__ = ["LiteralValue", "Literals", "find_literals"]

_SEP = r"[\s\u00a0-]"
_PATTERNS = [
    # +375 17 222-33-44, +7 (495) 123-45-67
    rf"\+\d{{1,3}}(?:{_SEP}?\(?\d{{1,4}}\)?){{2,5}}(?!\d)",
    # 8 (017) 222-33-44, (017) 222 33 44, 222-33-44
    rf"(?<![\d,.])(?:\d{{1,2}}{_SEP})?\(\d{{2,5}}\){_SEP}?\d{{2,3}}[\s-]?\d{{2}}[\s-]?\d{{2}}(?!\d)",
    r"(?<![\d,.])\d{2,3}-\d{2}-\d{2}(?![\d-])",
    r"\b(?i:https?://|www\.)[^\s<>\"'»“”]+[^\s<>\"'»“”.,;:!?)]",
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    # the number of Nr. 12.345, No. 282, № 123-З, Az. 12/24
    r"(?<=\bNr\.\s)\d[\w./-]*|(?<=\bNo\.\s)\d[\w./-]*|(?<=\bNo\.)\d[\w./-]*"
    r"|(?<=\bNr\.)\d[\w./-]*|(?<=№\s)\d[\w./-]*|(?<=№)\d[\w./-]*",
    # the digits of a model name, after its letters and a hyphen: ML-2025, МАЗ-5440
    r"(?<=[^\W\d_]-)\d[\w-]*",
]
_LITERAL = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


class LiteralValue:
    """The value of a literal span: its own text, which every locale writes the same."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LiteralValue) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def to_json(self) -> dict[str, str]:
        return {"literal": self.text}


class Literals:
    """The stage: a ``literal`` span, rendered as itself, for each of the shapes above."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end in find_literals(doc.text):
            text = doc.text[start:end]
            if doc.is_free(start, end):
                spans.append(Span(start, end, "literal", text, LiteralValue(text), text))
        return doc.with_spans(spans)


def find_literals(text: str) -> list[tuple[int, int]]:
    """Where the literals of a text are (in a translation too: its document numbers are no
    figures to check)."""
    found = []
    for match in _LITERAL.finditer(text):
        literal = match.group().rstrip(" \u00a0-.")
        if literal:
            found.append((match.start(), match.start() + len(literal)))
    return found
