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

from collections.abc import Sequence

from ..doc import Span

__all__ = ["ENGINE_KINDS", "protect"]

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
        parts.append(replacement)
        position = end
    parts.append(text[position - offset :])
    return "".join(parts)
