"""Inflected forms of proper names, by suffix rules per language.

Names in running text are inflected: German adds a genitive ``-s`` ("Lukaschenkos",
"Kasachstans", "des Unionsstaates") and declines the adjectives of multi-word names ("der
Eurasischen Wirtschaftsunion"); Russian declines almost everything ("Мирзиёева", "Мирзиёеву",
"Богдановым", "Брестской области") but not names ending in a vowel such as "Лукашенко"; English
has only the possessive ("Lukashenko's", "Belarus'").

These rules *generate* the forms of a glossary term, each tagged with the grammatical case it
shows, and the matcher looks the generated forms up. Generation over-produces harmlessly (a form
that never occurs costs nothing), it keeps matching exact and fast, and the case tag is what the
target grammar needs (a German possessive genitive becomes an English ``'s``). A stemmer would
recognise the same forms but lose the case, and conflates names with common words.

>>> sorted(word_forms("Мирзиёев", "ru"))
['Мирзиёев', 'Мирзиёева', 'Мирзиёеве', 'Мирзиёевом', 'Мирзиёеву', 'Мирзиёевым']
>>> word_forms("Lukaschenko", "de")["Lukaschenkos"]
'gen'
>>> possessive("Alexander Lukaschenko", "de"), possessive("Belarus", "en")
('Alexander Lukaschenkos', "Belarus'")
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import re
from typing import Literal

#: The grammatical case a form shows; ``None`` for the base form or an ambiguous ending.
#: ``poss`` is a possessive (prenominal) genitive: English "'s", German "Lukaschenkos Ziel".
Case = Literal["gen", "poss", "dat", "acc", "ins", "prep"]
CASES: tuple[Case, ...] = ("gen", "poss", "dat", "acc", "ins", "prep")

Forms = dict[str, "Case | None"]

_VOWELS = "аеёиоуыэюяaeiouy"
_RU_SIBILANTS = "жшчщц"


def word_forms(word: str, lang: str, *, final: bool = True, person: bool = False) -> Forms:
    """Every form of one word of a name, mapped to the case it shows.

    ``final`` is False for a word that is not the last of a multi-word name (German declines
    those only when they are adjectives); ``person`` marks a person's name, whose first names
    German does not decline.
    """
    if lang == "de":
        return _german(word, final=final, person=person)
    if lang in ("ru", "be", "uk"):
        return _russian(word)
    if lang == "en" and final:
        return {
            word: None,
            possessive(word, "en"): "poss",
            possessive(word, "en", apostrophe="’"): "poss",
        }
    return {word: None}


def possessive(phrase: str, lang: str, *, apostrophe: str = "'") -> str:
    """The possessive form of a name: English ``'s``, German genitive ``-s``.

    A name ending in a sibilant takes an apostrophe alone ("Belarus'"), in English as in
    German. Other languages have no such form; the phrase is returned unchanged.
    """
    if not phrase:
        return phrase
    sibilant = phrase[-1].lower() in "sxzß"
    if lang == "en":
        return phrase + (apostrophe if phrase[-1].lower() == "s" else apostrophe + "s")
    if lang == "de":
        return phrase + (apostrophe if sibilant else "s")
    return phrase


def _german(word: str, *, final: bool, person: bool) -> Forms:
    forms: Forms = {word: None}
    if not final:
        adjective = _GERMAN_ADJECTIVE.match(word)
        if person:
            return forms  # first names are not declined: "Alexander Lukaschenkos"
        if adjective is not None:
            stem = adjective.group(1)
            for ending in ("e", "en", "er", "es", "em"):
                forms.setdefault(stem + ending, None)
            # Texts write "das staatliche Grenzkomitee" as well as "Staatliche".
            for form in list(forms):
                forms.setdefault(form[0].lower() + form[1:], None)
            return forms
        # The head noun comes first in "Gebiet Brest", "Palast der Unabhängigkeit".
    forms[possessive(word, "de")] = "gen"
    forms[possessive(word, "de", apostrophe="’")] = "gen"
    if word[-1:].isupper():
        forms.setdefault(word + "s", "gen")  # acronyms: "des IWFs", "BelAZs"
    if word[-1:].isalpha() and word[-1].lower() not in "sxzß" + _VOWELS and word[-1].islower():
        forms.setdefault(word + "es", "gen")  # des Unionsstaates, des Ministerrates
    return forms


_GERMAN_ADJECTIVE = re.compile(r"^(\w+(?:isch|lich|ig|al|iv|ell|ös))(?:e|es|er|en|em)?$")


def _russian(word: str) -> Forms:
    lower = word.lower()
    if not word[-1:].isalpha():
        return {word: None}
    if word.isupper() and len(word) > 1:
        # Abbreviations read as words take lowercase endings: "МАЗа", "БЕЛАЗом".
        if lower[-1] in _VOWELS:
            return {word: None}
        return {
            word: None,
            word + "а": "gen",
            word + "у": "dat",
            word + "ом": "ins",
            word + "е": "prep",
        }
    for ending, paradigm in _RU_PARADIGMS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            stem = word[: len(word) - len(ending)]
            forms: Forms = {word: None}
            for suffix, case in paradigm:
                forms.setdefault(stem + _match_case(suffix, word), case)
            return forms
    if lower[-1] in _VOWELS:
        return {word: None}  # Лукашенко, Гродно, Тбилиси: not declined
    ins = "ем" if lower[-1] in _RU_SIBILANTS else "ом"
    forms = {
        word: None,
        word + "а": "gen",
        word + "у": "dat",
        word + ins: "ins",
        word + "е": "prep",
    }
    if re.search(r"(ов|ев|ёв|ин|ын)$", lower):
        forms[word + "ым"] = "ins"  # surnames: Богдановым, Путиным (places keep -ом)
    return forms


def _match_case(suffix: str, word: str) -> str:
    return suffix.upper() if word.isupper() else suffix


_Paradigm = tuple[tuple[str, "Case | None"], ...]
_RU_ADJ_MASC: _Paradigm = (("ого", "gen"), ("ому", "dat"), ("ым", "ins"), ("ом", "prep"))
# Ordered: the first ending that fits decides the paradigm.
_RU_PARADIGMS: tuple[tuple[str, _Paradigm], ...] = (
    ("ская", (("ской", None), ("скую", "acc"))),
    ("цкая", (("цкой", None), ("цкую", "acc"))),
    ("ая", (("ой", None), ("ую", "acc"), ("ою", "ins"))),
    ("яя", (("ей", None), ("юю", "acc"))),
    ("ское", (("ского", "gen"), ("скому", "dat"), ("ским", "ins"), ("ском", "prep"))),
    ("ое", (("ого", "gen"), ("ому", "dat"), ("ым", "ins"), ("ом", "prep"))),
    ("ский", (("ского", "gen"), ("скому", "dat"), ("ским", "ins"), ("ском", "prep"))),
    ("цкий", (("цкого", "gen"), ("цкому", "dat"), ("цким", "ins"), ("цком", "prep"))),
    ("ой", _RU_ADJ_MASC),
    ("ый", _RU_ADJ_MASC),
    # Дмитрий, Анатолий: nouns; a few adjectives in -ий are covered by -ский/-цкий above.
    ("ий", (("ия", "gen"), ("ию", "dat"), ("ием", "ins"), ("ии", "prep"))),
    ("ей", (("ея", "gen"), ("ею", "dat"), ("еем", "ins"), ("ее", "prep"))),
    ("ай", (("ая", "gen"), ("аю", "dat"), ("аем", "ins"), ("ае", "prep"))),
    ("ия", (("ии", None), ("ию", "acc"), ("ией", "ins"))),
    ("я", (("и", None), ("е", None), ("ю", "acc"), ("ей", "ins"))),
    ("ка", (("ки", "gen"), ("ке", None), ("ку", "acc"), ("кой", "ins"))),
    ("га", (("ги", "gen"), ("ге", None), ("гу", "acc"), ("гой", "ins"))),
    ("ха", (("хи", "gen"), ("хе", None), ("ху", "acc"), ("хой", "ins"))),
    ("ва", (("вой", None), ("ву", "acc"), ("вы", "gen"), ("ве", None))),
    ("на", (("ной", None), ("ну", "acc"), ("ны", "gen"), ("не", None))),
    ("а", (("ы", "gen"), ("и", "gen"), ("е", None), ("у", "acc"), ("ой", "ins"))),
    # Беларусь (feminine) and Гомель (masculine) end alike; both paradigms are produced.
    ("ь", (("и", None), ("ью", "ins"), ("я", "gen"), ("ю", "dat"), ("ем", "ins"), ("е", "prep"))),
)


_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ў": "w",
    }
)  # fmt: skip


def romanize(text: str) -> str:
    """A plain BGN-style romanisation of Cyrillic, the spelling engines tend to invent.

    >>> romanize("Мирзиёев")
    'Mirziyoev'
    """
    out = []
    for index, char in enumerate(text):
        latin = char.lower().translate(_CYRILLIC_TO_LATIN)
        # "Мирзиёев": ё after a vowel is "yo"; elsewhere BGN writes "e" for е/ё.
        if char.lower() == "ё" and not (index and text[index - 1].lower() in _VOWELS):
            latin = "e"
        if char.isupper():
            following_upper = index + 1 < len(text) and text[index + 1].isupper()
            latin = latin.upper() if following_upper else latin.capitalize()
        out.append(latin)
    return "".join(out)
