"""What CLDR lacks, per language: the one supplement to the locale data, each entry with why.

CLDR has month names, number symbols, currency names and plural rules, but no case
inflection, no prepositions, no range words and no "-fache". :data:`EXTRA` holds, per
language, the few words the recognisers and renderers need beyond it, in one typed
:class:`Extras` record per language. A language without an entry works with CLDR's words
alone (no range words or year phrases). Adding a language is adding a record here.
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

__all__ = [
    "EXTRA",
    "NONE",
    "SUPPORTED_LANGUAGES",
    "TERRITORIAL_NAMES",
    "Amounts",
    "BareCurrency",
    "Extras",
    "HouseName",
    "MinorUnit",
    "Multiplier",
    "Periods",
    "Phrases",
    "Territory",
    "extras_for",
]


@dataclass(frozen=True)
class Territory:
    """A currency that depends on the date: the legal tender of a territory ("BY") on the
    article's date, as the symbol "Br" or the name "Belarusian roubles" mean it."""

    code: str


class BareCurrency(NamedTuple):
    """A currency word that alone names more than one currency ("Rubel", "рублей").

    It is ``in_context`` when the text mentions one of the ``cues`` anywhere (the words start
    a word: "Belarus", "belarussischen", "Minsk", "BelTA"), else ``default``. An article about
    Belarus that writes a bare "Rubel" means the Belarusian one; a Russian rouble in it is
    named ("russische Rubel") and read from its full name. ``in_context`` may be a territory
    of :data:`TERRITORIAL_NAMES`: the currency is then that territory's on the article's date.
    """

    words: tuple[str, ...]
    default: str
    in_context: str
    cues: tuple[str, ...]


#: The key of a :class:`MinorUnit` that belongs to the language's bare currency word.
BARE = "bare"


@dataclass(frozen=True)
class MinorUnit:
    """A currency's hundredth as prose names it ("65 копеек", "40 cents", "50 Cent"): CLDR
    has each currency's number of decimals but no name for its minor unit.

    ``of`` is the currency code, or :data:`BARE` for the language's bare currency word (a
    kopeck is a hundredth of whichever rouble the bare "рублей" means in the text); ``forms``
    by CLDR plural category (``other`` required) write it, and every form in ``words`` is read.
    """

    of: str
    forms: Mapping[str, str]
    words: tuple[str, ...] = ()
    #: The word is shared ("cents" of a dollar or a euro) and ``of`` only its usual reading:
    #: a translation that reads it as the other's states the same fact.
    shared: bool = False

    def __post_init__(self) -> None:
        if "other" not in self.forms:
            raise ValueError(f"a minor unit of {self.of} needs an 'other' form")

    @property
    def all_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.forms.values(), *self.words)))


class Minor(NamedTuple):
    """What a minor-unit word names: the hundredth of ``currency`` (a code, or the bare
    currency word settled from the text); ``shared`` as :attr:`MinorUnit.shared`."""

    currency: str | BareCurrency
    shared: bool = False


@dataclass(frozen=True)
class HouseName:
    """A currency name that overrides CLDR's: one form per CLDR plural category (as
    ``Locale.plural_form`` names them; ``other`` is required) and the ``dative`` written
    after the amount-range phrase ("von 1 bis 2 Milliarden belarussischen Rubel")."""

    forms: Mapping[str, str]
    dative: str | None = None

    def __post_init__(self) -> None:
        if "other" not in self.forms:
            raise ValueError(f"a house-style currency name needs an 'other' form: {self!r}")


@dataclass(frozen=True)
class Multiplier:
    """A multiplier suffix ("-fache", "-fold") as a regex after the number, and how the
    renderer writes one (``{0}`` is the number).

    ``counted`` is a suffix that makes a multiplier only after ``lead`` (a regex for what
    stands right before the number): "rose 9 times" but not "met 5 times", "в 1,5 раза" but not "2
    раза в неделю". With ``lead_in_span`` the lead is part of the span ("в 1,5 раза").
    """

    pattern: str
    rendering: str
    counted: str = ""
    lead: str = ""
    lead_in_span: bool = False
    #: A suffix that makes a multiplier when a comparison follows it, with no lead: "3
    #: times as much", "3 Mal mehr" (a regex, its lookahead the comparison).
    compared: str = ""


@dataclass(frozen=True)
class Amounts:
    """The words of amounts and figures CLDR lacks: numbers in words before a scale word, a
    minus in words, comparisons, and what may follow an amount whose currency an earlier
    amount implies (see :func:`~localise.stages.entities.money.imply_currencies`).

    Only the words agency copy writes with a scale word are here ("half a billion",
    "полтора миллиарда"): other numbers in words are not figures the recognisers read (the
    gold files annotate digits only).
    """

    #: Fractions and mixed numbers before a scale word, word -> value: "eine halbe
    #: Milliarde", "anderthalb Millionen", "полмиллиарда" ("пол" attached).
    fractions: Mapping[str, Decimal] = field(default_factory=dict)
    #: Words for one before a scale word: "a billion dollars", "eine Milliarde Euro"; an
    #: amount only with a currency after it ("a million people" is no figure). ``""`` is the
    #: scale word alone ("миллиард долларов").
    ones: tuple[str, ...] = ()
    #: Words for a minus sign before a figure ("minus 3 Prozent", "минус 3%").
    minus: tuple[str, ...] = ()
    #: Comparison words after a figure ("63,3 млн больше", "3 Mal mehr").
    comparisons: tuple[str, ...] = ()
    #: Words that may follow an amount without being its unit: prepositions, conjunctions,
    #: copulas, time adverbs ("833 million in 2024", "833 млн в 2024 году"). Any other word
    #: after a bare figure may be its unit ("833 million tonnes"), so the list is closed.
    followers: tuple[str, ...] = ()
    #: Nouns are capitalised (German): a lower-case word after a figure is no unit, unless
    #: CLDR names it as one ("2 Mio. t", "5 Mrd. kWh").
    capitalised_nouns: bool = False
    #: Comparison phrases before a figure ("compared with 8,680", "gegenüber 7 Mio."): the
    #: figure is in the unit of the amount it is compared with.
    comparison_leads: tuple[str, ...] = ()
    #: Prepositions before two amounts joined by a range word that make them a change, not a
    #: range: Russian "вырос с $412 млн до 530 млн" (a range is "от … до").
    change_openers: tuple[str, ...] = ()
    #: Words that join the two amounts of a change ("von 27 auf 29 Rubel").
    change_words: tuple[str, ...] = ()


_DE_AMOUNTS = Amounts(
    fractions={
        **dict.fromkeys(("eine halbe", "einer halben", "einem halben", "halbe", "halben"),
                        Decimal("0.5")),
        **dict.fromkeys(("anderthalb", "eineinhalb"), Decimal("1.5")),
    },
    ones=("eine", "einer", "ein", "einem"),
    minus=("minus",),
    comparisons=("mehr", "weniger", "höher", "niedriger", "größer", "kleiner"),
    comparison_leads=("gegenüber", "im Vergleich zu", "verglichen mit"),
    change_words=("auf",),
    # CLDR's inch ("in") is the preposition here: "833 Millionen in diesem Jahr".
    followers=("in",),
    capitalised_nouns=True,
)  # fmt: skip

_EN_AMOUNTS = Amounts(
    fractions={
        **dict.fromkeys(("half a", "half-a", "a half"), Decimal("0.5")),
        **dict.fromkeys(("a quarter of a", "quarter of a"), Decimal("0.25")),
        **dict.fromkeys(("three quarters of a", "three-quarters of a"), Decimal("0.75")),
        **dict.fromkeys(("one and a half", "one-and-a-half"), Decimal("1.5")),
    },
    ones=("a", "one"),
    minus=("minus",),
    comparisons=("more", "less", "fewer", "higher", "lower", "larger", "bigger", "greater",
                 "smaller"),
    comparison_leads=("compared with", "compared to", "against", "versus", "vs."),
    followers=(
        "and", "or", "but", "while", "whereas", "as", "than", "to", "from", "in", "on", "at",
        "for", "by", "during", "after", "before", "since", "against", "compared", "versus",
        "vs", "a", "the", "this", "that", "last", "next", "earlier", "previously", "ago",
        "respectively", "year-on-year", "was", "were", "is", "are", "had", "has", "have",
        "will", "would", "up", "down",
    ),
)  # fmt: skip

_RU_AMOUNTS = Amounts(
    # "полмиллиарда": the half is written onto the scale word.
    fractions={"пол": Decimal("0.5"), "полтора": Decimal("1.5"), "полторы": Decimal("1.5")},
    ones=("", "один", "одна", "одного", "одной", "одну"),
    minus=("минус",),
    comparisons=("больше", "меньше", "выше", "ниже"),
    comparison_leads=("по сравнению с", "против"),
    change_openers=("с", "со"),
    followers=(
        "и", "а", "но", "или", "либо", "что", "чем", "как", "в", "во", "за", "на", "по", "до",
        "от", "с", "со", "к", "ко", "у", "из", "при", "против", "после", "перед", "годом",
        "ранее", "соответственно", "был", "была", "было", "были", "составил", "составила",
        "составило", "составили",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Phrases:
    """How the renderer writes a value whose source span opened with a preposition, so the
    preposition is not lost: ``{0}`` (and ``{1}``) are the rendered year or range ends.

    Spans follow each language's own convention, so the phrase's preposition is inside the
    span where it is an opener or year prefix (de "im Jahr", "vom"; ru "от") and outside it
    elsewhere: en "in 2024" reads back as the span "2024", with the same value.
    """

    year: str
    day_range: str
    month_range: str
    amount_range: str


@dataclass(frozen=True)
class Periods:
    """Parts of a year and of a period, which CLDR names only as "1. Quartal" / "Q1".

    Agency copy writes quarters and half-years with ordinal words ("im ersten Quartal", "in
    the first half of 2025", "в I квартале"), a period's first months ("in den ersten neun
    Monaten 2025", "за 9 месяцев 2025 года"), the part of a month or year ("Ende 2024",
    "mid-2025", "в конце 2024 года"), decades ("1990er Jahre") and fiscal years ("FY2024").
    The recogniser reads every form listed; the renderer writes the first of each (see
    :mod:`~localise.stages.render.dates`). Rendering templates: ``{0}`` the number of the
    quarter or half (or the rendered month or year), ``{1}`` the year.
    """

    #: Ordinal words 1–4 in every form and case ("ersten", "первом"), word -> number.
    ordinals: Mapping[str, int]
    #: The nouns in every form ("Quartal", "Quartals", "квартале").
    quarter: tuple[str, ...]
    half: tuple[str, ...]
    #: Nouns that are common words too ("half", "Hälfte"): a period only with its year.
    needs_year: tuple[str, ...]
    #: Cardinals 2–11 in every form ("neun", "девяти"), for "the first nine months".
    cardinals: Mapping[str, int]
    #: "the first N months" of a year: the word before the number (``""`` for none) and the
    #: nouns. Only with the year written: "за 9 месяцев" alone is as often a duration.
    months_lead: str
    months: tuple[str, ...]
    #: What joins a period and its year ("of": "first quarter of 2024").
    of: tuple[str, ...]
    #: The part of a month or year before it, word -> "start" / "mid" / "end".
    parts: Mapping[str, str]
    #: A decade after its year's digits ("er Jahre", "s", "-е годы"), as a regex.
    decade: str
    #: What makes a year a fiscal year before it ("FY", "Geschäftsjahr").
    fiscal: tuple[str, ...]
    #: Renderings.
    quarter_rendering: str
    half_rendering: str
    part_rendering: Mapping[str, str]
    decade_rendering: str
    fiscal_rendering: str
    #: The ordinal the renderings use, per number (``{0}`` of the quarter/half renderings).
    ordinal_rendering: tuple[str, ...] = ("1", "2", "3", "4")
    #: A year in a rendering (``{1}``); Russian "2024 г." (the style may write "года").
    year_rendering: str = "{0}"
    #: Words of a rendering that take a case after a preposition (Russian "в I квартале"):
    #: nominative -> case -> form; the cases as :data:`RU_CASES` name them.
    cases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def _declined(stems: Mapping[str, int], endings: tuple[str, ...]) -> dict[str, int]:
    return {stem + ending: n for stem, n in stems.items() for ending in endings}


_DE_PERIODS = Periods(
    ordinals={
        **_declined({"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4}, ("", "n", "m", "r", "s")),
        "1.": 1, "2.": 2, "3.": 3, "4.": 4, "I.": 1, "II.": 2, "III.": 3, "IV.": 4,
    },
    quarter=("Quartal", "Quartals", "Quartales", "Vierteljahr", "Vierteljahres"),
    half=("Halbjahr", "Halbjahres", "Halbjahrs", "Jahreshälfte", "Hälfte"),
    needs_year=("Hälfte",),
    cardinals={
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
        "neun": 9, "zehn": 10, "elf": 11,
    },
    months_lead="ersten",
    months=("Monaten", "Monate"),
    of=("des Jahres", "im Jahr"),
    parts={"Anfang": "start", "Beginn": "start", "Mitte": "mid", "Ende": "end"},
    decade=r"er(?:[- ]Jahre[n]?)?",
    fiscal=("Geschäftsjahr", "Geschäftsjahres", "Haushaltsjahr", "Wirtschaftsjahr"),
    # "im 1. Quartal", "das 1. Halbjahr": the numeral reads right in every case.
    quarter_rendering="{0}. Quartal {1}",
    half_rendering="{0}. Halbjahr {1}",
    part_rendering={"start": "Anfang {0}", "mid": "Mitte {0}", "end": "Ende {0}"},
    decade_rendering="{0}er Jahre",
    fiscal_rendering="Geschäftsjahr {0}",
)  # fmt: skip

_EN_PERIODS = Periods(
    ordinals={
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    },
    quarter=("quarter",),
    half=("half",),
    needs_year=("half",),
    cardinals={
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11,
    },
    months_lead="first",
    months=("months",),
    of=("of",),
    parts={
        "early": "start", "beginning of": "start", "start of": "start", "mid-": "mid",
        "mid": "mid", "middle of": "mid", "late": "end", "end of": "end",
    },
    decade=r"'?s",
    fiscal=("fiscal year", "fiscal", "FY"),
    quarter_rendering="{0} quarter of {1}",
    half_rendering="{0} half of {1}",
    part_rendering={"start": "early {0}", "mid": "mid-{0}", "end": "late {0}"},
    decade_rendering="{0}s",
    fiscal_rendering="fiscal {0}",
    ordinal_rendering=("first", "second", "third", "fourth"),
)  # fmt: skip

_RU_PERIODS = Periods(
    ordinals={
        **_declined({"перв": 1, "втор": 2, "четверт": 4, "четвёрт": 4},
                    ("ый", "ой", "ого", "ому", "ым", "ом", "ое", "ая", "ую")),
        **_declined({"трет": 3}, ("ий", "ьего", "ьему", "ьим", "ьем", "ье")),
        **{f"{n}-{e}": n for n in range(1, 5) for e in ("й", "го", "м", "е", "ом", "ый")},
        "I": 1, "II": 2, "III": 3, "IV": 4,
    },
    quarter=("квартал", "квартала", "кварталу", "кварталом", "квартале"),
    half=("полугодие", "полугодия", "полугодию", "полугодием", "полугодии"),
    needs_year=(),
    cardinals={
        "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4,
        "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
        "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
        "одиннадцать": 11, "одиннадцати": 11,
    },
    months_lead="",
    months=("месяцев", "месяца", "месяцах"),
    of=(),
    parts={
        "начало": "start", "начала": "start", "начале": "start",
        "середина": "mid", "середины": "mid", "середине": "mid",
        "конец": "end", "конца": "end", "конце": "end",
    },
    decade=r"-?(?:е|х|ые|ых)(?:\s+(?:годы|годов|годах|гг\.))?",
    fiscal=(),
    # TASS and BelTA write quarters and half-years with Roman numerals: "в I квартале".
    quarter_rendering="{0} квартал {1}",
    half_rendering="{0} полугодие {1}",
    part_rendering={"start": "начало {0}", "mid": "середина {0}", "end": "конец {0}"},
    decade_rendering="{0}-е годы",
    fiscal_rendering="{0} финансовый год",
    ordinal_rendering=("I", "II", "III", "IV"),
    year_rendering="{0} г.",
    cases={
        "квартал": {"prepositional": "квартале", "genitive": "квартала"},
        "полугодие": {"prepositional": "полугодии", "genitive": "полугодия"},
        "начало": {"prepositional": "начале", "genitive": "начала"},
        "середина": {"prepositional": "середине", "genitive": "середины"},
        "конец": {"prepositional": "конце", "genitive": "конца"},
        "-е годы": {"prepositional": "-х годах", "genitive": "-х годов"},
        "финансовый год": {"prepositional": "финансовом году", "genitive": "финансового года"},
    },
)  # fmt: skip


@dataclass(frozen=True)
class Extras:
    """The words CLDR lacks for one language; every field has a harmless empty default."""

    #: Case endings added to a month's stem (Russian prepositional "январе").
    month_endings: tuple[str, ...] = ()
    #: Month abbreviations of news style CLDR lacks (AP's "Sept."), word -> month.
    months: Mapping[str, int] = field(default_factory=dict)
    #: Scale abbreviations missing from CLDR ("Tsd.": CLDR's short German thousand is empty).
    scales: Mapping[str, int] = field(default_factory=dict)
    #: The abbreviations news writes where CLDR's short forms are symbols ("bn", not "B"),
    #: factor -> word, for a style that abbreviates.
    short_scales: Mapping[int, str] = field(default_factory=dict)
    #: Currency words CLDR lacks (a bare "Dollar"; inflected forms): code -> forms of a name.
    currencies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Currency words that name one denomination whatever the article's date: around
    #: Belarus's redenomination of 2016, "old roubles" are BYR and "new roubles" BYN.
    denominations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The same said after an amount written with the plain symbol or name: "Br1 in new
    #: money", "10 000 рублей в старых деньгах".
    denomination_phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The minor units prose names ("копеек", "cents"); see :class:`MinorUnit`.
    minor_units: tuple[MinorUnit, ...] = ()
    #: The CLDR plural form whose currency name stands after a range's preposition phrase,
    #: by the count's own form: Russian "от 1 до 2 рублей" is in the genitive, which is the
    #: "many" name after 2 ("рублей", not "рубля") and the "other" name after 1 ("до 1
    #: рубля"). Empty: the count's own form.
    range_forms: Mapping[str, str] = field(default_factory=dict)
    #: House-style names that override CLDR's (German writes the adjective in lower case
    #: mid-sentence, "belarussische Rubel", as BelTA does; CLDR: "Weißrussische Rubel"). The
    #: recogniser reads them too. en and ru need none: CLDR's "Belarusian rubles" (en-GB
    #: "roubles") and "белорусских рублей" are house style.
    currency_names: Mapping[str, HouseName] = field(default_factory=dict)
    #: A currency word that alone names more than one currency ("Rubel": BYN in a text
    #: about Belarus, RUB elsewhere).
    bare_currency: BareCurrency | None = None
    #: Symbol spellings CLDR lacks ("US-$").
    symbols: Mapping[str, str] = field(default_factory=dict)
    #: What joins the ends of a range ("bis", "до").
    range_words: tuple[str, ...] = ()
    #: "and", which joins the ends of opening hours ("between 8.30 and 17.30") but of no other
    #: range ("2019 and 2020" are two years).
    and_words: tuple[str, ...] = ()
    #: A preposition that opens a range and belongs to its span ("vom 14. bis 16.", "от 1 до
    #: 2 млрд"); before a single amount it stays outside.
    range_openers: tuple[str, ...] = ()
    #: A phrase that is part of a year mention ("im Jahr 2021").
    year_prefix: tuple[str, ...] = ()
    #: The same after the year ("2021 года", "2020-го", "2025 г.").
    year_suffix: tuple[str, ...] = ()
    #: The preposition of a bare clock time ("um 12.21"); the renderer writes the first.
    time_prefix: tuple[str, ...] = ()
    #: A word after a clock time ("13.18 Uhr"); the renderer writes the first.
    time_suffix: tuple[str, ...] = ()
    #: Words after a full hour that make it a time after the time preposition ("в 14
    #: часов"; without "в" it counts hours).
    hour_words: tuple[str, ...] = ()
    #: Day periods CLDR lacks ("p.m.", as AP writes it), word -> "am" / "pm".
    day_periods: Mapping[str, str] = field(default_factory=dict)
    #: "between", which makes two years joined by "and" a range ("between 2016 and 2018").
    between_words: tuple[str, ...] = ()
    #: Prepositions that stand before a day ("am 14.01."), which alone make "14.01." a date.
    date_prepositions: tuple[str, ...] = ()
    #: Words between a weekday and its date ("Montag, den 14. Januar").
    weekday_joiners: tuple[str, ...] = ()
    #: Day-number suffixes ("14th").
    ordinal_suffix: tuple[str, ...] = ()
    #: What may join a day and its month ("the 15th of January").
    day_of: tuple[str, ...] = ()
    #: Words before a plan's year, which alone make a number after 2100 a year ("bis 2122";
    #: Russian writes "до 2100 года", read by the year suffix).
    plan_words: tuple[str, ...] = ()
    #: Phrases that put a sentence in the article's own year ("this year", "в этом году"): a
    #: day and month without a year in that sentence is in it, even where the next year's
    #: would be nearer ("compared with 8,680 on Jan. 2" in a September article).
    this_year: tuple[str, ...] = ()
    multiplier: Multiplier | None = None
    #: Amounts in words, signs in words, what may follow an amount (see :class:`Amounts`).
    amounts: Amounts = field(default_factory=Amounts)
    #: A full stop after a day number is an ordinal ("14. Januar"); elsewhere it ends a
    #: sentence ("on January 14.").
    ordinal_dot: bool = False
    #: Percent words CLDR lacks ("per cent").
    percent_words: tuple[str, ...] = ()
    phrases: Phrases | None = None
    #: Quarters, half-years, parts of a year, decades, fiscal years (see :class:`Periods`).
    periods: Periods | None = None


#: A language without an entry.
NONE = Extras()

#: Currencies whose plain names stand for a territory's currency of the day, code ->
#: territory. Belarus redenominated on 1 July 2016 (10,000 BYR = 1 BYN) and prose kept writing
#: "Belarusian roubles", "belarussische Rubel", "белорусских рублей" for both: like the symbol
#: "Br", the name means BYR in an article dated before the change and BYN after it (CLDR's
#: currency history). CLDR names BYR only with a label, "Belarusian Ruble (2000–2016)".
TERRITORIAL_NAMES: Mapping[str, str] = MappingProxyType({"BYN": "BY"})

EXTRA: Mapping[str, Extras] = MappingProxyType(
    {
        "de": Extras(
            scales={"Tsd.": 1000, "Tsd": 1000},
            short_scales={10**3: "Tsd.", 10**6: "Mio.", 10**9: "Mrd.", 10**12: "Bio."},
            currency_names={
                "BYN": HouseName(
                    {"one": "belarussischer Rubel", "other": "belarussische Rubel"},
                    dative="belarussischen Rubel",
                ),
                "RUB": HouseName(
                    {"one": "russischer Rubel", "other": "russische Rubel"},
                    dative="russischen Rubel",
                ),
            },
            # The dative plural, as in "mit 2,3 Milliarden belarussischen Rubeln".
            currencies={
                "USD": ("Dollar", "Dollars"),
                "BYN": ("belarussischen Rubeln",),
                "RUB": ("russischen Rubeln",),
            },
            denominations={
                "BYN": ("neue Rubel", "neuen Rubel", "neuen Rubeln", "neuer Rubel"),
                "BYR": ("alte Rubel", "alten Rubel", "alten Rubeln"),
            },
            denomination_phrases={
                "BYN": ("in neuem Geld", "in neuen Rubeln", "nach der Denominierung"),
                "BYR": ("in altem Geld", "in alten Rubeln", "vor der Denominierung"),
            },
            # German news writes "Cent" for the euro's (a dollar's is "US-Cent").
            minor_units=(
                MinorUnit(BARE, {"one": "Kopeke", "other": "Kopeken"}),
                MinorUnit("EUR", {"one": "Cent", "other": "Cent"}, shared=True),
                MinorUnit("EUR", {"one": "Euro-Cent", "other": "Euro-Cent"}, ("Eurocent",)),
                MinorUnit("USD", {"one": "US-Cent", "other": "US-Cent"}),
            ),
            bare_currency=BareCurrency(
                ("Rubel", "Rubeln"),
                "RUB",
                "BY",
                ("Belarus", "belarussisch", "Weißrussland", "weißrussisch", "Minsk", "BelTA"),
            ),
            symbols={"US-$": "USD"},
            ordinal_dot=True,
            range_words=("bis", "bis zum"),
            weekday_joiners=("den", "dem"),
            date_prepositions=("am", "vom", "bis", "zum", "ab", "seit", "bis zum"),
            and_words=("und",),
            between_words=("zwischen",),
            range_openers=("vom",),
            year_prefix=("im Jahr", "im Jahre"),
            plan_words=("bis", "ab", "bis zum Jahr", "im Jahr"),
            this_year=(
                "in diesem Jahr",
                "dieses Jahres",
                "diesen Jahres",
                "seit Jahresbeginn",
                "seit Anfang des Jahres",
                "im laufenden Jahr",
                "laufenden Jahres",
            ),
            time_prefix=("um",),
            time_suffix=("Uhr",),
            multiplier=Multiplier(
                r"-?[fF]ache[nmrs]?(?!\w)|-?fach(?!\w)|-?mal(?!\w)",
                "{0}-fache",
                compared=r"\s+[mM]al(?=\s+(?:mehr|weniger|so|höher|niedriger|größer"
                r"|kleiner)(?!\w))",
            ),
            amounts=_DE_AMOUNTS,
            phrases=Phrases(
                year="im Jahr {0}",
                day_range="vom {0} bis {1}",
                month_range="von {0} bis {1}",
                amount_range="von {0} bis {1}",
            ),
            periods=_DE_PERIODS,
        ),
        "en": Extras(
            months={"Sept.": 9, "Sept": 9},
            scales={"mln": 10**6, "bln": 10**9, "mn": 10**6, "bn": 10**9, "tn": 10**12},
            short_scales={10**6: "mn", 10**9: "bn", 10**12: "tn"},
            currencies={
                "USD": ("dollar", "dollars"),
                "BYN": ("Belarusian rouble", "Belarusian roubles"),
            },
            denominations={
                "BYN": ("new roubles", "new rubles", "new rouble", "new ruble"),
                "BYR": ("old roubles", "old rubles", "old rouble", "old ruble"),
            },
            denomination_phrases={
                "BYN": (
                    "in new money",
                    "in new roubles",
                    "in new rubles",
                    "after the redenomination",
                    "after redenomination",
                ),
                "BYR": (
                    "in old money",
                    "in old roubles",
                    "in old rubles",
                    "before the redenomination",
                    "before redenomination",
                ),
            },
            # A bare "roubles" in an article about Belarus means Belarusian ones (as in German
            # and Russian); CLDR's names all carry the country.
            # Wire copy writes "cents" for the dollar's ("euro cents" for the euro's).
            minor_units=(
                MinorUnit(BARE, {"one": "kopeck", "other": "kopecks"}, ("kopek", "kopeks")),
                MinorUnit("EUR", {"one": "euro cent", "other": "euro cents"}),
                MinorUnit("USD", {"one": "cent", "other": "cents"}, shared=True),
            ),
            bare_currency=BareCurrency(
                ("rouble", "roubles", "ruble", "rubles"),
                "RUB",
                "BY",
                ("Belarus", "Minsk", "BelTA", "Lukashenko"),
            ),
            range_words=("to", "through"),
            day_periods={"a.m.": "am", "p.m.": "pm", "am": "am", "pm": "pm"},
            and_words=("and",),
            between_words=("between",),
            time_prefix=("at",),
            ordinal_suffix=("st", "nd", "rd", "th"),
            day_of=("of",),
            plan_words=("by", "until", "through", "in", "by the year"),
            this_year=(
                "this year",
                "since the start of the year",
                "since the beginning of the year",
                "year to date",
                "year-to-date",
            ),
            # "4.4-fold"; "4.4 times" as wire copy writes it ("up 4.4 times", "grew 9 times").
            multiplier=Multiplier(
                r"-fold(?!\w)",
                "{0}-fold",
                counted=r"\s+times(?!\w)",
                lead=r"(?<!\w)(?:up|down|rose|risen|grew|grown|increased|jumped|surged|soared|fell"
                r"|fallen|dropped|declined|decreased|expanded|multiplied|higher|more|by)\s+",
                compared=r"\s+times(?=\s+(?:as|more|less|fewer|higher|lower|larger|bigger"
                r"|greater|smaller|the)(?!\w))",
            ),
            amounts=_EN_AMOUNTS,
            # Both spellings in every English locale: a British text may write either.
            percent_words=("per cent", "percent"),
            phrases=Phrases(
                year="in {0}",
                day_range="from {0} to {1}",
                month_range="from {0} to {1}",
                amount_range="from {0} to {1}",
            ),
            periods=_EN_PERIODS,
        ),
        "ru": Extras(
            # Prepositional "в январе", dative "к декабрю", instrumental "с декабрем",
            # "январём", "мартом".
            month_endings=("е", "ю", "ем", "ём", "ом"),
            scales={"млрд.": 10**9, "млн.": 10**6, "трлн.": 10**12},
            currencies={
                "USD": ("доллар", "доллара", "долларов"),
            },
            denominations={
                "BYN": (
                    "новый рубль",
                    "нового рубля",
                    "новому рублю",
                    "новых рублей",
                    "новые рубли",
                ),
                "BYR": ("старый рубль", "старого рубля", "старых рублей", "старые рубли"),
            },
            denomination_phrases={
                "BYN": (
                    "в новых деньгах",
                    "новыми деньгами",
                    "в новых рублях",
                    "после деноминации",
                ),
                "BYR": (
                    "в старых деньгах",
                    "старыми деньгами",
                    "в старых рублях",
                    "до деноминации",
                ),
            },
            minor_units=(
                MinorUnit(
                    BARE,
                    {"one": "копейка", "few": "копейки", "many": "копеек", "other": "копейки"},
                    ("копейку", "копейкой", "копейками", "копейкам"),
                ),
                MinorUnit(
                    "EUR",
                    {
                        "one": "евроцент",
                        "few": "евроцента",
                        "many": "евроцентов",
                        "other": "евроцента",
                    },
                ),
                MinorUnit(
                    "USD",
                    {"one": "цент", "few": "цента", "many": "центов", "other": "цента"},
                    ("центам", "центами"),
                    shared=True,
                ),
            ),
            range_forms={"one": "other", "few": "many"},
            bare_currency=BareCurrency(
                ("рубль", "рубля", "рублей"),
                "RUB",
                "BY",
                ("Беларус", "Белорусс", "белорусск", "Минск", "БелТА"),
            ),
            range_words=("до", "по"),
            and_words=("и",),
            between_words=("между",),
            range_openers=("от",),
            year_suffix=(
                "годами",
                "годах",
                "годы",
                "года",
                "году",
                "год",
                "гг.",
                "г.",
                "-го",
                "-м",
            ),
            this_year=(
                "в этом году",
                "этого года",
                "с начала года",
                "с начала этого года",
                "в текущем году",
                "текущего года",
            ),
            time_prefix=("в",),
            hour_words=("часов", "часа", "час"),
            date_prepositions=("с", "по", "до", "на", "к", "от"),
            # "в 1,5 раза" is how Russian writes "1,5-fache"; "1,5-кратный" is an adjective.
            multiplier=Multiplier(
                r"-?кратн\w*",
                "в {0} раза",
                counted=r"\s+раза?(?!\w)",
                lead=r"(?<!\w)[вВ]\s+",
                lead_in_span=True,
            ),
            amounts=_RU_AMOUNTS,
            # "с" takes the genitive ("с января"), "по" the accusative ("по июнь"): the
            # renderer writes the first month in CLDR's format (genitive) form.
            phrases=Phrases(
                year="в {0} году",
                day_range="с {0} по {1}",
                month_range="с {0} по {1}",
                amount_range="от {0} до {1}",
            ),
            periods=_RU_PERIODS,
        ),
    }
)

#: Languages with an :data:`EXTRA` entry: fully supported. Any other CLDR language works with
#: the CLDR vocabulary alone.
SUPPORTED_LANGUAGES = tuple(sorted(EXTRA))


def extras_for(lang: str) -> Extras:
    """The language's supplement, or the empty one."""
    return EXTRA.get(lang, NONE)


#: Prepositions of a limit, a goal or a start to come, which make the date after them a
#: deadline or a target ("bis Juni 2027", "by June 2030", "до июня 2030 года", "к 2035 году",
#: "ab der zweiten Hälfte 2025"), not a reported period. A plan points forward from the day
#: it is written, so the article-date stage (:mod:`localise.stages.article_date`) never takes
#: a plan's year for the dateline's. CLDR has no prepositions. Each phrase is matched as whole
#: words, in any case, right before a date; the longer phrases hold what may stand between
#: the preposition and the date. Words that also open a past or compared period are left out
#: (en "from": "up from January 2024"; ru "с"; de "seit" is the past's "ab").
FORWARD_PREPOSITIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "de": (
            "bis", "bis zum", "bis zur", "bis Anfang", "bis Mitte", "bis Ende", "bis zum Ende",
            "spätestens", "bis spätestens", "spätestens bis", "spätestens Ende",
            "ab", "ab dem", "ab der", "ab Anfang", "ab Mitte", "ab Ende",
        ),
        "en": (
            "by", "by the", "until", "until the", "till", "by the end of", "by the middle of",
            "by early", "by mid-", "by late", "by end-", "until the end of", "no later than",
            "not later than", "starting", "starting from", "starting from the", "starting in",
            "starting in the",
        ),
        "ru": (
            "до", "к", "ко", "до конца", "к концу", "к середине", "не позднее", "не позже",
            "начиная с", "начиная со",
        ),
    }
)  # fmt: skip
