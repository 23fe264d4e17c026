"""What the words around a name say about it: which case a preposition asks for, whether
digits after a brand are a product's model, whether a plural article makes a country's name
the people, whether the name stands in another script, a quoted slogan or a list of regions.

The finder (:mod:`.find`) asks these questions of the text around each match; they are plain
functions of the text and offsets, so each can be tested alone.
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import re

from .inflect import Case
from .words import PLURAL_DETERMINERS

__all__ = [
    "REGION_WORD",
    "after_plural_determiner",
    "in_foreign_quote",
    "in_region_list",
    "model_after",
    "preposition_cases",
    "script_of",
    "script_of_language",
]

#: After a region's adjective alone: a list that ends in "области" within the sentence.
_LIST_AHEAD = re.compile(r"\s*(?:,|и\s)[^.!?\n]{0,200}?\bобласт", re.IGNORECASE)
# Behind, the same paragraph: figures like "879 тыс. т" put full stops inside the sentence.
_LIST_BEHIND = re.compile(r"\bобласт\w*[^\n]{0,400}$", re.IGNORECASE)


#: Words after a city's name that make it the name of its region.
REGION_WORD = re.compile(
    r"\s+(?:oblast|Oblast|region|Region|province|Province|Gebiet|Gebiets|Rayon|district"
    r"|District|област\w*|район\w*)(?!\w)"
)
#: A short quotation: „…“, «…», “…”, "…".
_QUOTE = re.compile(r"[„«“\"]([^„«“”\"»\n]{1,60})[“»”\"]")
#: Words of an English slogan or title inside another language's text ("Made in Belarus").
_ENGLISH = frozenset({"made", "the", "of", "and", "for", "with", "by", "is", "are", "your"})


def in_foreign_quote(text: str, start: int, end: int, lang: str) -> bool:
    """A name inside a short quoted phrase in another language than the text's ("„Made in
    Belarus“" in German or Russian): the phrase is kept as written, name included."""
    offset = max(0, start - 64)
    for quote in _QUOTE.finditer(text[offset : end + 64]):
        if not (offset + quote.start(1) <= start and end <= offset + quote.end(1)):
            continue
        words = re.findall(r"[^\W\d_]+", quote.group(1))
        if len(words) > 6:
            return False
        if lang != "en" and {w.lower() for w in words} & _ENGLISH:
            return True
        return lang in ("ru", "be", "uk") and all(w.isascii() for w in words)
    return False


def in_region_list(text: str, start: int, end: int) -> bool:
    """True for "Брестская" in "Брестская и Гомельская области", "Минская область…, Брестская"."""
    return bool(
        _LIST_AHEAD.match(text, end) or _LIST_BEHIND.search(text, max(0, start - 400), start)
    )


#: Model digits after a brand: "-75306", " 75306", "-6312С9", " 82.1".
_MODEL = re.compile(r"(?:-|[ \u00a0])(\d+(?:[./-]?[^\W_]+)*)")


def model_after(text: str, end: int, *, place: bool) -> str:
    """The model designation right after a brand ending at ``end``, or "" where the digits
    are something else: a decimal ("Belarus 7,92 Mio."), a percentage, a year ("MAZ 2024"),
    one digit after a place ("MINSK 5 (BelTA)")."""
    match = _MODEL.match(text, end)
    if match is None:
        return ""
    model = match.group(1)
    if place and len(model) < 2:
        return ""
    if re.match(r",\d|\s?%", text[match.end() : match.end() + 3]):
        return ""
    if match.group(0)[0] != "-" and re.fullmatch(r"(?:19|20)\d\d", model):
        return ""
    return model


#: The cases a Russian preposition asks for.
_RU_PREPOSITION_CASES: dict[str, frozenset[Case | None]] = {
    **dict.fromkeys(("в", "во", "на"), frozenset({"acc", "prep"})),
    **dict.fromkeys(("о", "об", "обо", "при"), frozenset({"prep"})),
    **dict.fromkeys(("с", "со"), frozenset({"gen", "ins"})),
    **dict.fromkeys(("за", "под"), frozenset({"acc", "ins"})),
    **dict.fromkeys(("между", "над", "перед"), frozenset({"ins"})),
    **dict.fromkeys(("через", "про", "сквозь"), frozenset({"acc"})),
    **dict.fromkeys(("к", "ко", "по", "благодаря", "согласно", "вопреки"), frozenset({"dat"})),
    **dict.fromkeys(
        ("из", "от", "до", "для", "у", "без", "около", "после", "против", "среди", "вокруг",
         "кроме", "возле", "вдоль", "ради", "вне", "внутри", "помимо", "накануне"),
        frozenset({"gen"}),
    ),
}  # fmt: skip


def preposition_cases(text: str, start: int) -> frozenset[Case | None]:
    """The cases the Russian preposition right before ``start`` asks for; empty if none."""
    word = re.search(r"(\w+)[\s\u00a0]+$", text[max(0, start - 24) : start])
    return _RU_PREPOSITION_CASES.get(word.group(1).lower(), frozenset()) if word else frozenset()


def after_plural_determiner(text: str, start: int, end: int, lang: str) -> bool:
    """True where the word before ``text[start:end]`` shows a plural noun: an article in a
    plural case, a quantifier or a number, adjectives between skipped ("die Polen", "viele
    junge Polen", "2000 Polen"); not in a compound ("die Polen-Reise")."""
    if text[end : end + 1] == "-":
        return False  # "die Polen-Reise": a compound about the country
    determiners = PLURAL_DETERMINERS.get(lang, frozenset())
    clause = re.split(r"[.!?;:\n(]", text[max(0, start - 80) : start])[-1]
    for word in reversed(re.findall(r"\w+", clause)[-4:]):
        if word.isdigit() or word.lower() in determiners:
            return True
        if not (word.islower() and word.endswith(("e", "en", "er"))):
            return False  # an adjective between ("viele junge Polen") is skipped
    return False


_CYRILLIC_LANGUAGES = frozenset({"ru", "be", "uk", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})


def script_of_language(lang: str) -> str:
    return "cyrillic" if lang in _CYRILLIC_LANGUAGES else "latin"


def script_of(text: str) -> str:
    """The script of a name's letters: "cyrillic", "latin", or "" (no letters, or both)."""
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in text)
    latin = any(char.isascii() and char.isalpha() for char in text)
    return "" if cyrillic == latin else ("cyrillic" if cyrillic else "latin")
