"""Inflected forms of proper names, by suffix rules per language.

Names in running text are inflected: German adds a genitive ``-s`` ("Lukaschenkos",
"Kasachstans", "des Unionsstaates") and declines the adjectives of multi-word names ("der
Eurasischen Wirtschaftsunion"); Russian declines almost everything ("Мирзиёева", "Мирзиёеву",
"Богдановым", "Брестской области") but not names ending in a vowel such as "Лукашенко"; English
has only the possessive ("Lukashenko's", "Belarus'").

These rules *generate* the forms of a glossary term, each tagged with the grammatical cases it
can show (Russian by word type and agreement, :mod:`.russian`), and the matcher looks the
generated forms up. Generation over-produces harmlessly (a form
that never occurs costs nothing), it keeps matching exact and fast, and the case tag is what the
target grammar needs (a German possessive genitive becomes an English ``'s``). A stemmer would
recognise the same forms but lose the case, and conflates names with common words.

>>> sorted(word_forms("Мирзиёев", "ru", person=True))
['Мирзиёев', 'Мирзиёева', 'Мирзиёеве', 'Мирзиёеву', 'Мирзиёевым']
>>> sorted(inflections("Минская область", "ru")["Минской области"])
['dat', 'gen', 'prep']
>>> word_forms("Lukaschenko", "de")["Lukaschenkos"]
'gen'
>>> possessive("Alexander Lukaschenko", "de"), possessive("Belarus", "en")
('Alexander Lukaschenkos', "Belarus'")
"""

# Cyrillic and typographic quotes here are data, not look-alike typos.

from __future__ import annotations

import re
from typing import Literal

from .russian import decline

#: The grammatical case a form shows; ``None`` for the base form or an ambiguous ending.
#: ``poss`` is a possessive (prenominal) genitive: English "'s", German "Lukaschenkos Ziel".
Case = Literal["gen", "poss", "dat", "acc", "ins", "prep"]
CASES: tuple[Case, ...] = ("gen", "poss", "dat", "acc", "ins", "prep")

Forms = dict[str, "Case | None"]
#: Every form of a phrase, with the cases it can show (``None``: the base form).
PhraseForms = dict[str, frozenset["Case | None"]]

#: Languages whose names are declined by the Russian rules.
CASE_LANGUAGES = frozenset({"ru", "be", "uk"})
_VOWELS = "аеёиоуыэюяaeiouy"


def word_forms(word: str, lang: str, *, final: bool = True, person: bool = False) -> Forms:
    """Every form of one word of a name, mapped to the case it shows.

    ``final`` is False for a word that is not the last of a multi-word name (German declines
    those only when they are adjectives); ``person`` marks a person's name, whose first names
    German does not decline.
    """
    if lang == "de":
        return _german(word, final=final, person=person)
    if lang in CASE_LANGUAGES:
        forms = decline(word, person=person).forms
        return {form: _one_case(cases) for form, cases in forms.items()}
    if lang == "en" and final:
        return {
            word: None,
            possessive(word, "en"): "poss",
            possessive(word, "en", apostrophe="’"): "poss",
        }
    return {word: None}


def inflections(
    phrase: str,
    lang: str,
    *,
    person: bool = False,
    possessive: bool = True,
    full: str | None = None,
) -> PhraseForms:
    """Every inflected form of a (multi-word) name, with the cases it can show, the forms a
    writer prefers first.

    Russian words agree in case (:mod:`.russian`); elsewhere each word is inflected alone and
    a form shows the first case one of its words shows. ``possessive`` False leaves out the
    possessive (organisations keep their form); ``full`` is a person's full name when
    ``phrase`` is part of it (a surname alone).
    """
    if lang in CASE_LANGUAGES:
        forms = decline(phrase, person=person, full=full).forms
        return {form: frozenset(_case(c) for c in cases) for form, cases in forms.items()}
    words = phrase.split(" ")
    combos: dict[str, Case | None] = {"": None}
    for position, word in enumerate(words):
        final = position == len(words) - 1
        options = word_forms(word, lang, final=final, person=person)
        if not possessive:
            options = {w: c for w, c in options.items() if c != "poss"}
        combos = {
            (f"{prefix} {option}" if prefix else option): prefix_case or case
            for prefix, prefix_case in combos.items()
            for option, case in options.items()
        }
        if len(combos) > 2000:  # a very long name: keep it as written
            return {phrase: frozenset({None})}
    return {form: frozenset({case}) for form, case in combos.items()}


def _case(case: str) -> Case | None:
    return None if case == "nom" else case  # type: ignore[return-value]


def _one_case(cases: frozenset[str]) -> Case | None:
    """One case for a form that can show several: the base form, else the first oblique
    case in the usual order (a genitive before a dative)."""
    if "nom" in cases:
        return None
    return next((case for case in CASES if case in cases), None)


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
