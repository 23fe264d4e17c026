"""Russian declension of proper names, by word type, with the case each form shows.

A name is declined word by word, and the words agree: a phrase's form is kept only where its
words share a case ("Минской" gen/dat/ins/prep + "области" gen/dat/prep → "Минской области"
gen/dat/prep; "Минской областью" ins; never "Минская области"). What a word does depends on
its type, read from its ending and its place in the name:

- **adjectives** before the head noun, in the gender their ending shows ("Союзное
  государство" → "Союзного государства"; "Евразийский экономический союз"), and adjectival
  surnames ("Крутой" → "Крутого", "Зеленский" → "Зеленского");
- **the head noun**, by declension class: masculine in a consonant, "-й" or "-ь" ("Минск",
  "Беларуськалий", "Гомель"), feminine in "-а"/"-я"/"-ия"/"-ь" ("Польша" → "Польшей",
  "Россия" → "Россией", "Беларусь" → "Беларусью"), neuter common nouns in "-о"/"-е"
  ("государство", "Содружество"), plurals ("Барановичи" → "Барановичах");
- **words after the head noun** stay as written: they are a genitive or an apposition
  ("Республика Беларусь" → "Республики Беларусь", "Содружество Независимых Государств");
- **undeclined**: names in "-о", "-е", "-и", "-у", "-ю" that are no common noun ("Лукашенко",
  "Гродно", "Тбилиси", "Эмомали"), abbreviations read letter by letter ("СНГ", "ЕАЭС", "РФ"),
  Latin-script words, and a woman's surname in a consonant ("Ирина Мельник").

People are animate: a man's accusative is his genitive ("видел Богданова"). A person's
gender is read from the surname's ending ("-ов"/"-ова", "-ский"/"-ская"), else from the
first name's ("-а"/"-я" is a woman's unless the surname says otherwise: "Абдулла Арипов").

Where the ending does not tell the rules enough — the gender of a place in "-ь" ("Гомель" is
masculine, "Сморгонь" feminine), a plural's genitive ("-ов", "-ей" or no ending), a person
whose names show no gender — both readings are generated for matching (a form that never
occurs costs nothing), the more frequent one is preferred for writing, and
:attr:`Declension.unsure` names the cases that are guesses, so ``glossary check`` can ask
for them as ``ru_cases``.

>>> declension = decline("Минская область")
>>> sorted(declension.forms["Минской области"])
['dat', 'gen', 'prep']
>>> declension.preferred("ins"), declension.preferred("acc")
('Минской областью', 'Минскую область')
>>> decline("Гомель").unsure["ins"]
"the gender of 'Гомель' (masculine 'Гомелем' or feminine 'Гомелью')"
"""

# Cyrillic here is data, not look-alike typos.

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["ALL_CASES", "Declension", "RuCase", "decline"]

RuCase = Literal["nom", "gen", "dat", "acc", "ins", "prep"]
ALL_CASES: frozenset[RuCase] = frozenset(("nom", "gen", "dat", "acc", "ins", "prep"))
OBLIQUE: tuple[RuCase, ...] = ("gen", "dat", "acc", "ins", "prep")

Gender = Literal["m", "f"]
#: A word's forms in the order a writer prefers them, each with the cases it shows.
_Options = list[tuple[str, frozenset[RuCase]]]

_VOWELS = "аеёиоуыэюя"
_VELARS = "кгх"
_SIBILANTS = "жшчщ"
_HUSHING = _SIBILANTS + "ц"


@dataclass(frozen=True)
class Declension:
    """Every form of a name, the cases each shows (``nom`` for the base form), preferred
    forms first; and the cases the rules can only guess, each with the reason."""

    forms: dict[str, frozenset[RuCase]]
    unsure: dict[RuCase, str] = field(default_factory=dict)

    def preferred(self, case: RuCase) -> str | None:
        """The form a writer uses for ``case`` (the first generated that shows it)."""
        return next((form for form, cases in self.forms.items() if case in cases), None)


def decline(phrase: str, *, person: bool = False, full: str | None = None) -> Declension:
    """Every form of a name (one word or several), with the cases each shows.

    ``person`` marks a person's name (animate; first names and surnames decline together).
    ``full`` is the person's full name when ``phrase`` is a part of it (the surname alone,
    "А. Лукашенко"): the gender is read from the full name.
    """
    words = phrase.split(" ")
    unsure: dict[RuCase, str] = {}
    if person:
        gender, why = _person_gender((full or phrase).split(" "))
        options = [
            _person_word(word, gender, last=index == len(words) - 1, unsure=unsure, why=why)
            for index, word in enumerate(words)
        ]
    else:
        options = _thing_words(words, unsure)
    return Declension(_agree(options), unsure)


def _agree(options: list[_Options]) -> dict[str, frozenset[RuCase]]:
    combos: dict[str, frozenset[RuCase]] = {"": ALL_CASES}
    for word_options in options:
        combos = {
            (f"{prefix} {form}" if prefix else form): shared
            for prefix, prefix_cases in combos.items()
            for form, cases in word_options
            if (shared := prefix_cases & cases)
        }
    return combos


# --------------------------------------------------------------------------- people


_MALE_SURNAME = re.compile(r"(?:[оеё]в|[иы]н|ский|цкий|[оы]й)$")
_FEMALE_SURNAME = re.compile(r"(?:[оеё]ва|[иы]на|ская|цкая|ая|яя)$")


def _person_gender(words: list[str]) -> tuple[Gender, str]:
    """A person's gender from the surname's ending, else the first name's; and, when neither
    shows it, the reason (the gender is then a guess: masculine)."""
    surname, first = words[-1].lower(), words[0].lower()
    if _MALE_SURNAME.search(surname):
        return "m", ""
    if len(words) > 1 and _FEMALE_SURNAME.search(surname):
        return "f", ""
    if first[-1:] in "ая" and first[-1:].isalpha():
        return "f", ""
    if first[-1:] not in _VOWELS and first[-1:].isalpha():
        return "m", ""
    return "m", f"the gender of {' '.join(words)!r} (neither name's ending shows it)"


def _person_word(
    word: str, gender: Gender, *, last: bool, unsure: dict[RuCase, str], why: str
) -> _Options:
    prefix, core = _split_prefix(word)
    lower = core.lower()
    if not _declinable_letters(core) or lower[-1] in "оеёиуюыэ":
        return [(word, ALL_CASES)]  # Лукашенко, Эмомали, Ругинене: not declined
    if last and _ADJECTIVAL_SURNAME.search(lower) and len(lower) > 3:
        options = _adjective(core, animate=True)
    elif gender == "f":
        if last and re.search(r"(?:[оеё]ва|[иы]на)$", lower):
            options = _endings(core, 1, ("а", "nom"), ("ой", "gen dat ins prep"), ("у", "acc"))
        elif lower[-1] in "ая":
            options = _noun(core, "f", animate=True)
        else:
            return [(word, ALL_CASES)]  # Ирина Мельник: a woman's surname in a consonant
    else:
        options = _noun(core, "m", animate=True, surname=last)
        if why and len(options) > 1:
            for case in OBLIQUE:
                unsure.setdefault(case, why)
    return [(prefix + form, cases) for form, cases in options]


# --------------------------------------------------------------------------- things


#: Adjective endings: "Брестская", "Союзное", "Евразийский", "Верхний", "Объединённые",
#: "Арабские" (not the noun "Управление").
_ADJECTIVE = re.compile(r"(?:[ыои]й|[ая]я|[ое]е|ые|[кгхжшчщ]ие|[^аеи]ние)$")
#: Surnames declined as adjectives: "Крутой", "Зеленский", "Навроцкий", "Толстая".
_ADJECTIVAL_SURNAME = re.compile(r"(?:[ыо]й|[кгх]ий|[ая]я)$")
#: Endings that make a single word an adjective ("Брестская" of "Брестская и Гомельская").
_CLEAR_ADJECTIVE = re.compile(r"(?:[сц]к(?:ий|ой|ая|ое|ие)|[ыо]й|[ая]я|ое|ые)$")
#: Feminine nouns in "-ь" by their ending: "область", "Беларусь", "Русь", "Казань", "Тверь".
_FEMININE_SOFT = re.compile(r"(?:сть|[жшчщ]ь|усь|ань|ерь|ядь|бь|вь|мь)$")
#: Masculine nouns in "-ь": "Кремль", "Ярославль", "Севастополь".
_MASCULINE_SOFT = re.compile(r"(?:[^аеёиоуыэюя]ль|поль)$")
#: Common nouns in "-о"/"-е" that decline even capitalised: "Содружество", "Полесье".
_NEUTER_NOUN = re.compile(r"(?:ство|ие|ье|ище)$")


def _thing_words(words: list[str], unsure: dict[RuCase, str]) -> list[_Options]:
    """A place's or an organisation's words: adjectives, the head noun, the rest as written."""
    if len(words) == 1:
        word = words[0]
        _, core = _split_prefix(word)
        if _CLEAR_ADJECTIVE.search(core.lower()) and not _is_abbreviation(core):
            return [_prefixed(word, _adjective(core, animate=False))]
        return [_head_noun(word, plural=False, unsure=unsure)]
    options: list[_Options] = []
    plural = False
    for index, word in enumerate(words):
        _, core = _split_prefix(word)
        lower = core.lower()
        is_last = index == len(words) - 1
        if not is_last and _ADJECTIVE.search(lower) and _declinable_letters(core):
            plural = plural or lower.endswith(("ые", "ие"))
            options.append(_prefixed(word, _adjective(core, animate=False)))
            continue
        options.append(_head_noun(word, plural=plural, unsure=unsure))
        options += [[(rest, ALL_CASES)] for rest in words[index + 1 :]]
        break
    return options


def _head_noun(word: str, *, plural: bool, unsure: dict[RuCase, str]) -> _Options:
    _, core = _split_prefix(word)
    lower = core.lower()
    if not _declinable_letters(core):
        return [(word, ALL_CASES)]
    if _is_abbreviation(core):
        if not _word_like(core):
            return [(word, ALL_CASES)]  # СНГ, ЕАЭС, РФ: read letter by letter
        # Abbreviations read as a word take lowercase endings: "МАЗа", "БелАЗом".
        options = _endings(core, 0, ("", "nom acc"), ("а", "gen"), ("у", "dat"), ("ом", "ins"),
                           ("е", "prep"))  # fmt: skip
        return _prefixed(word, options)
    if lower.endswith("ы") or re.search(r"(?:ичи|ищи)$", lower) or (plural and lower[-1] == "и"):
        options = _plural(core)
        if not re.search(r"[чщжш]и$", lower):
            unsure["gen"] = f"the genitive plural of {core!r} ('-ов', '-ей' or no ending)"
        return _prefixed(word, options)
    if lower[-1] in "оеёиуюэ" and not (word[:1].islower() or _NEUTER_NOUN.search(lower)):
        return [(word, ALL_CASES)]  # Гродно, Тбилиси: not declined
    if lower.endswith("ь"):
        if _FEMININE_SOFT.search(lower):
            return _prefixed(word, _noun(core, "f", animate=False))
        masculine = _noun(core, "m", animate=False)
        if _MASCULINE_SOFT.search(lower):
            return _prefixed(word, masculine)
        feminine = _noun(core, "f", animate=False)
        ins_m, ins_f = _form_for(masculine, "ins"), _form_for(feminine, "ins")
        why = f"the gender of {core!r} (masculine {ins_m!r} or feminine {ins_f!r})"
        for case in OBLIQUE:
            if _form_for(masculine, case) != _form_for(feminine, case):
                unsure.setdefault(case, why)
        return _prefixed(word, _merge(masculine, feminine))
    gender: Gender = "f" if lower[-1] in "ая" else "m"
    return _prefixed(word, _noun(core, gender, animate=False))


# --------------------------------------------------------------------------- paradigms


def _noun(word: str, gender: Gender, *, animate: bool, surname: bool = False) -> _Options:
    """A singular noun's forms: its declension class read from its ending and gender."""
    lower = word.lower()
    acc_m = "gen acc" if animate else "gen"
    nom_m = "nom" if animate else "nom acc"
    if lower.endswith("ия"):
        return _endings(word, 2, ("ия", "nom"), ("ии", "gen dat prep"), ("ию", "acc"),
                        ("ией", "ins"))  # fmt: skip
    if lower.endswith("я"):
        return _endings(word, 1, ("я", "nom"), ("и", "gen"), ("е", "dat prep"), ("ю", "acc"),
                        ("ей", "ins"))  # fmt: skip
    if lower.endswith("а"):
        stem = lower[-2:-1]
        gen = "и" if stem in _VELARS + _SIBILANTS else "ы"
        # Польшей, Оршей (unstressed); Москвой. After a hushing stem both are made.
        a_ins = ("ей", "ой") if stem in _HUSHING else ("ой",)
        return _endings(word, 1, ("а", "nom"), (gen, "gen"), ("е", "dat prep"), ("у", "acc"),
                        *((ending, "ins") for ending in a_ins))  # fmt: skip
    if lower.endswith("ь") and gender == "f":
        return _endings(word, 1, ("ь", "nom acc"), ("и", "gen dat prep"), ("ью", "ins"))
    if lower.endswith("ь"):
        return _endings(word, 1, ("ь", nom_m), ("я", acc_m), ("ю", "dat"), ("ем", "ins"),
                        ("е", "prep"))  # fmt: skip
    if lower.endswith("ий"):
        return _endings(word, 2, ("ий", nom_m), ("ия", acc_m), ("ию", "dat"), ("ием", "ins"),
                        ("ии", "prep"))  # fmt: skip
    if lower.endswith("й"):
        return _endings(word, 1, ("й", nom_m), ("я", acc_m), ("ю", "dat"), ("ем", "ins"),
                        ("е", "prep"))  # fmt: skip
    if lower.endswith("ие"):
        return _endings(word, 2, ("ие", "nom acc"), ("ия", "gen"), ("ию", "dat"),
                        ("ием", "ins"), ("ии", "prep"))  # fmt: skip
    if lower.endswith("е"):
        hard = lower[-2:-1] in _HUSHING
        return _endings(word, 1, ("е", "nom acc"), ("а" if hard else "я", "gen"),
                        ("у" if hard else "ю", "dat"), ("ем", "ins"), ("е", "prep"))  # fmt: skip
    if lower.endswith("о"):
        return _endings(word, 1, ("о", "nom acc"), ("а", "gen"), ("у", "dat"), ("ом", "ins"),
                        ("е", "prep"))  # fmt: skip
    # A consonant: "Минск", "Богданов"; a surname in -ов/-ин takes -ым ("Богдановым",
    # "Путиным"), a place keeps -ом ("Борисовом", "Жлобином").
    if surname and re.search(r"(?:[оеё]в|[иы]н)$", lower):
        ins: tuple[str, ...] = ("ым",)
    elif lower[-1] in _HUSHING:
        ins = ("ем", "ом")  # Ринкевичем, Гомсельмашем; stressed: ножом
    else:
        ins = ("ом",)
    return _endings(word, 0, ("", nom_m), ("а", acc_m), ("у", "dat"),
                    *((ending, "ins") for ending in ins), ("е", "prep"))  # fmt: skip


def _adjective(word: str, *, animate: bool) -> _Options:
    """An adjective's forms in the gender (or the plural) its ending shows."""
    lower = word.lower()
    ending, stem = lower[-2:], lower[-3:-2]
    # Hard "Минского", "Минским"; soft and after a sibilant "Верхнего", "Верхним".
    soft = ending in ("ий", "ее", "яя", "ие") and stem not in _VELARS
    o = "е" if soft else "о"
    y = "и" if soft or stem in _VELARS + _SIBILANTS else "ы"
    acc_m = "gen acc" if animate else "gen"
    nom_m = "nom" if animate else "nom acc"
    if ending in ("ая", "яя"):
        a = "е" if ending == "яя" else "о"
        acc = "юю" if ending == "яя" else "ую"
        return _endings(word, 2, (ending, "nom"), (a + "й", "gen dat ins prep"), (acc, "acc"),
                        (a + "ю", "ins"))  # fmt: skip
    if ending in ("ое", "ее"):
        return _endings(word, 2, (ending, "nom acc"), (o + "го", "gen"), (o + "му", "dat"),
                        (y + "м", "ins"), (o + "м", "prep"))  # fmt: skip
    if ending in ("ые", "ие"):
        return _endings(word, 2, (ending, nom_m), (y + "х", acc_m + " prep"), (y + "м", "dat"),
                        (y + "ми", "ins"))  # fmt: skip
    return _endings(word, 2, (ending, nom_m), (o + "го", acc_m), (o + "му", "dat"),
                    (y + "м", "ins"), (o + "м", "prep"))  # fmt: skip


def _plural(word: str) -> _Options:
    """A plural noun's forms (inanimate: "Барановичи", "Черкассы", "Эмираты")."""
    lower = word.lower()
    stem = lower[-2:-1]
    if stem in _SIBILANTS:
        gens: tuple[str, ...] = ("ей",)  # Барановичей
    else:
        gens = ("ов", "", "ей")  # Эмиратов; Черкасс; ...
    a = "я" if lower.endswith("и") and stem not in _VELARS + _SIBILANTS + "ц" else "а"
    return _endings(word, 1, (lower[-1], "nom acc"), *((g, "gen") for g in gens),
                    (a + "м", "dat"), (a + "ми", "ins"), (a + "х", "prep"))  # fmt: skip


def _endings(word: str, cut: int, *endings: tuple[str, str]) -> _Options:
    """The forms of ``word`` with its last ``cut`` letters replaced by each ending, in the
    letter case of the word (an all-capitals word keeps capitals, but an abbreviation takes
    lowercase endings: "МАЗа")."""
    stem = word[: len(word) - cut] if cut else word
    upper = word.isupper() and len(word) > 1 and cut > 0
    options: dict[str, frozenset[RuCase]] = {}
    for ending, cases in endings:
        form = stem + (ending.upper() if upper else ending)
        parsed = frozenset(case for case in ALL_CASES if case in cases.split())
        options[form] = options.get(form, frozenset()) | parsed
    return list(options.items())


def _merge(first: _Options, second: _Options) -> _Options:
    merged: dict[str, frozenset[RuCase]] = {}
    for form, cases in [*first, *second]:
        merged[form] = merged.get(form, frozenset()) | cases
    return list(merged.items())


def _form_for(options: _Options, case: RuCase) -> str | None:
    return next((form for form, cases in options if case in cases), None)


def _prefixed(word: str, options: _Options) -> _Options:
    prefix, _ = _split_prefix(word)
    return [(prefix + form, cases) for form, cases in options]


def _split_prefix(word: str) -> tuple[str, str]:
    """The part of a word that does not decline, and the rest: "Касым-" + "Жомарт",
    "А." + "Лукашенко"."""
    cut = max(word.rfind("-"), word.rfind("."))
    if cut == -1 or cut == len(word) - 1:
        return "", word
    return word[: cut + 1], word[cut + 1 :]


def _declinable_letters(word: str) -> bool:
    """Cyrillic letters to the end: "А." (an initial), "BelTA" and "2025" are kept as written."""
    return bool(word) and all("\u0400" <= char <= "\u04ff" for char in word)


def _is_abbreviation(word: str) -> bool:
    return any(char.isupper() for char in word[1:])


def _word_like(word: str) -> bool:
    """An abbreviation read as a word ("МАЗ", "БЕЛАЗ", "МИД"), not letter by letter ("СНГ",
    "ЕАЭС", "МТЗ"): a vowel, no two vowels together, a single consonant at the end."""
    lower = word.lower()
    return (
        len(lower) >= 3
        and any(char in _VOWELS for char in lower)
        and not re.search(f"[{_VOWELS}]{{2}}", lower)
        and lower[-1] not in _VOWELS
        and lower[-1] != lower[-2]
    )
