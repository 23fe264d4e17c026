"""Sentence segmentation: the units sent to the translation engine.

Argos' own splitter downloads a model on first use (and fails offline); news copy needs only a
few rules. A segment never crosses a line break, so the article's line structure survives
translation untouched. A full stop does not end a sentence after an ordinal or day number
("14. Januar"), a known abbreviation ("Mio.", "Dr.", "z. B.", "млрд."), or an initial ("A.").

The cost is linear in the text: each candidate stop is looked at once, with the word before it
and the start of what follows, never the whole line (runs of dots, spaces or "14. " cost no
more than any other text).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..doc import Doc, Segment
from ..textio import lines

# Abbreviations that end with a full stop yet rarely end a sentence, per language; matched
# case-sensitively against the word before the stop. "z. B." is two of them.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "de": frozenset(
        {"Abs", "Abt", "Bd", "bzw", "ca", "Chr", "Dr", "evtl", "Fa", "Hr", "Hrsg", "inkl", "Jh",
         "Jr", "Mio", "Mrd", "Nr", "Prof", "St", "Str", "Tsd", "usw", "vgl", "z", "B", "b", "d",
         "h", "u", "a", "o", "ä", "Mag", "Dipl", "Ing", "geb", "gest"}
    ),
    "en": frozenset(
        {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Rep",
         "Sen", "Gov", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "approx", "No", "Jan", "Feb",
         "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "bn", "mln"}
    ),
    "ru": frozenset(
        {"г", "гг", "т", "д", "п", "др", "пр", "им", "ул", "млн", "млрд", "тыс", "руб", "долл",
         "проц", "см", "стр", "рис", "ст"}
    ),
}  # fmt: skip

#: Scale abbreviations that end an amount ("$300 Mio."); after one, a sentence that starts
#: is a new sentence ("… um $300 Mio. Das teilte …"): the full stop ended both.
SCALES = frozenset({"Mio", "Mrd", "Tsd", "Bio", "mln", "bln", "bn", "млн", "млрд", "тыс", "трлн"})
#: Words a German sentence starts with but no unit or currency is: after a scale abbreviation
#: a capital letter alone says nothing in German, where every noun has one.
_GERMAN_STARTS = frozenset(
    {"Das", "Die", "Der", "Dies", "Diese", "Dieser", "Dieses", "Er", "Sie", "Es", "Wir", "Ich",
     "Ihr", "Im", "In", "Am", "An", "Auch", "Zudem", "Außerdem", "Damit", "Dabei", "Dazu",
     "Davon", "Danach", "Nach", "Laut", "Wie", "Bis", "Seit", "Mit", "Zum", "Zur", "Ein", "Eine",
     "Einen", "Man", "So", "Doch", "Aber", "Und", "Insgesamt", "Hierbei", "Jedoch", "Allerdings",
     "Somit", "Zuvor", "Zugleich"}
)  # fmt: skip

# A run of stops (and closing quotes) followed by blanks and more text. It starts only where a
# run starts, and takes the run whole (the lookahead-and-backreference idiom of an atomic group):
# inside a run of dots, no start position goes on to scan the rest of it.
_CANDIDATE = re.compile(r"(?<![.!?…])(?=([.!?…]+[\"'»“”’)\]]*))\1(?=\s+\S)")
_STARTS_SENTENCE = re.compile(r"\s+(?:[\"'„“«(\[–—-]+\s*)?[A-ZÄÖÜА-ЯЁ0-9]")
_FOLLOWING_WORD = re.compile(r"\s+[\"'„“«(]*([^\W\d_]+)")


class Segmenter:
    """Splits a Doc's translatable blocks into sentence segments."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        abbreviations = ABBREVIATIONS.get(self.lang or doc.lang or "", frozenset())
        sentences = [
            (region_start + start, region_start + end)
            for region_start, region_end, soft in doc.translatable_regions()
            for start, end in split_sentences(
                doc.text[region_start:region_end], abbreviations, soft_breaks=soft
            )
        ]
        bounds = _join_split_spans(sentences, doc)
        return doc.replace(segments=tuple(Segment(start, end) for start, end in bounds))


def split_sentences(
    text: str, abbreviations: frozenset[str] = frozenset(), *, soft_breaks: bool = False
) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence, without surrounding whitespace.

    A sentence ends at a line break unless ``soft_breaks`` (a hard-wrapped paragraph).
    """
    for line_start, line_end, _ in [(0, len(text), 0)] if soft_breaks else lines(text):
        start = line_start
        line = text[line_start:line_end]
        for match in _CANDIDATE.finditer(line):
            end = line_start + match.end()
            if _is_boundary(line, match, abbreviations):
                yield from _trimmed(text, start, end)
                start = end
        yield from _trimmed(text, start, line_end)


def _join_split_spans(bounds: list[tuple[int, int]], doc: Doc) -> list[tuple[int, int]]:
    """Merge neighbouring segments that a span straddles: a span must reach MT whole."""
    starts = [span.start for span in doc.spans]
    joined: list[tuple[int, int]] = []
    for start, end in bounds:
        # Spans are sorted and never overlap: the last one starting before the previous
        # segment's end reaches furthest.
        last = bisect.bisect_left(starts, joined[-1][1]) - 1 if joined else -1
        if last >= 0 and start < doc.spans[last].end:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _is_boundary(line: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    if not _STARTS_SENTENCE.match(line, match.end()):
        return False
    if match.group().startswith(".") and len(match.group()) == 1:
        token = _word_before(line, match.start())
        if token:
            german = "Mio" in abbreviations
            if token in SCALES and _starts_sentence(line, match.end(), german=german):
                return True
            if token in abbreviations:
                return False
            # "14. Januar", "3. Quartal": a day or ordinal number, not a sentence end.
            if token.isdigit() and len(token) <= 2:
                return False
            # An initial: "A. Lukaschenko".
            if len(token) == 1 and token.isupper():
                return False
    return True


def _word_before(line: str, end: int) -> str:
    """The word characters (as regex ``\\w``: letters, digits, "_") right before ``end``."""
    start = end
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] == "_"):
        start -= 1
    return line[start:end]


def _starts_sentence(line: str, position: int, *, german: bool) -> bool:
    following = _FOLLOWING_WORD.match(line, position)
    if following is None or not following.group(1)[:1].isupper():
        return False
    # German capitalises nouns ("5 Mio. Tonnen"): only a word that starts sentences counts.
    return following.group(1) in _GERMAN_STARTS if german else True


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
