"""What the engine gets: the segment with every glossary name in its target form.

Names are enforced through translation: each name span's text is replaced by its rendering
("Lukaschenkos Ziel" → "Lukashenko's Ziel"), so the engine has only to carry it over, and
:mod:`.facts` checks it after. Dates, amounts and numbers reach the engine as the source wrote
them: an engine translates "im März 2025" into "в марте 2025 года" in the case its sentence
needs, which a rendering put in beforehand ("март 2025 г.") would spoil; :mod:`.facts` then
checks each value and fixes only what is wrong. Markup and literal spans (a phone number, a
URL) are their own rendering; soft line breaks (``joins``) become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..doc import Span

__all__ = ["ENGINE_KINDS", "apply_edits", "fitted", "protect"]

#: The spans whose rendering the engine gets in place of the source text.
ENGINE_KINDS = frozenset({"name", "markup", "literal"})


def protect(
    text: str, offset: int, spans: Sequence[Span], joins: Sequence[tuple[int, int]] = ()
) -> str:
    """``text`` (starting at ``offset`` in the Doc) with every span replaced by its rendering
    and every ``joins`` region (a soft line break with its continuation syntax) by a space."""
    edits = [
        *((s.start, s.end, s.rendering if s.rendering is not None else s.text) for s in spans),
        *((start, end, " ") for start, end in joins),
    ]
    parts = []
    position = offset
    for start, end, replacement in sorted(edits):
        parts.append(text[position - offset : start - offset])
        parts.append(fitted(text, start - offset, end - offset, replacement))
        position = end
    parts.append(text[position - offset :])
    return "".join(parts)


def fitted(text: str, start: int, end: int, written: str) -> str:
    """``written`` to replace ``text[start:end]``, the sentence's punctuation kept intact: a
    full stop that ended both an abbreviation and the sentence stays ("$300 Mio. Das" → "$300
    million. Das"); none is doubled ("on Jan. 2." → "on 2 Jan.")."""
    found = text[start:end]
    if written == found:
        return written
    if found.endswith(".") and not written.endswith(".") and _ends_sentence(text, end):
        return written + "."
    if written.endswith(".") and text[end : end + 1] == ".":
        return written[:-1]
    return written


def _ends_sentence(text: str, position: int) -> bool:
    rest = text[position:]
    return not rest.strip() or bool(re.match(r"\s+[\"'„“«(\[–—-]*[A-ZÄÖÜА-ЯЁ]", rest))


def apply_edits(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, written)`` edit made (non-overlapping)."""
    for start, end, written in sorted(edits, reverse=True):
        text = text[:start] + written + text[end:]
    return text
