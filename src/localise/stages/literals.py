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
from collections.abc import Iterator

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
    # the number of Nr. 12.345, No. 282, № 123-З, Az. 12/24
    r"(?<=\bNr\.\s)\d[\w./-]*|(?<=\bNo\.\s)\d[\w./-]*|(?<=\bNo\.)\d[\w./-]*"
    r"|(?<=\bNr\.)\d[\w./-]*|(?<=№\s)\d[\w./-]*|(?<=№)\d[\w./-]*",
    # the digits of a model name, after its letters and a hyphen: ML-2025, МАЗ-5440
    r"(?<=[^\W\d_]-)\d[\w-]*",
]
_LITERAL = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# E-mail addresses are found from their "@" (see _emails): a pattern starting with
# [\w.+-]+ would try every position of a long run of "1." or "Mio." and cost its square.
_LOCAL_PART = re.compile(r"[\w.+-]")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+\b")


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
    emails = list(_emails(text))
    if not emails:
        return found
    # The leftmost wins where an address and another literal overlap (a URL holding an "@").
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found + emails, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _emails(text: str) -> Iterator[tuple[int, int]]:
    """Each e-mail address: the local part before an "@" (from a word start), the domain
    after it; each character is looked at a bounded number of times.

    >>> [(s, e) for s, e in _emails("Fragen an presse.minsk@belta.by oder ..info@mfa.gov.by")]
    [(10, 31), (39, 54)]
    """
    at = text.find("@")
    previous = 0
    while at != -1:
        start = at
        while start > previous and _LOCAL_PART.match(text, start - 1):
            start -= 1
        while start < at and not (text[start].isalnum() or text[start] == "_"):
            start += 1  # the address starts at a word character, as "\b" asks
        domain = _DOMAIN.match(text, at + 1)
        if start < at and domain is not None:
            yield start, domain.end()
        previous = at + 1
        at = text.find("@", at + 1)
