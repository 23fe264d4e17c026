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
from types import MappingProxyType
from typing import NamedTuple

__all__ = [
    "EXTRA",
    "NONE",
    "SUPPORTED_LANGUAGES",
    "TERRITORIAL_NAMES",
    "BareCurrency",
    "Extras",
    "HouseName",
    "Multiplier",
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
    #: Day-number suffixes ("14th").
    ordinal_suffix: tuple[str, ...] = ()
    multiplier: Multiplier | None = None
    #: A full stop after a day number is an ordinal ("14. Januar"); elsewhere it ends a
    #: sentence ("on January 14.").
    ordinal_dot: bool = False
    #: Percent words CLDR lacks ("per cent").
    percent_words: tuple[str, ...] = ()
    phrases: Phrases | None = None


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
            bare_currency=BareCurrency(
                ("Rubel", "Rubeln"),
                "RUB",
                "BY",
                ("Belarus", "belarussisch", "Weißrussland", "weißrussisch", "Minsk", "BelTA"),
            ),
            symbols={"US-$": "USD"},
            ordinal_dot=True,
            range_words=("bis",),
            and_words=("und",),
            range_openers=("vom",),
            year_prefix=("im Jahr", "im Jahre"),
            time_prefix=("um",),
            time_suffix=("Uhr",),
            multiplier=Multiplier(r"-?[fF]ache[nmrs]?(?!\w)|-?fach(?!\w)|-?mal(?!\w)", "{0}-fache"),
            phrases=Phrases(
                year="im Jahr {0}",
                day_range="vom {0} bis {1}",
                month_range="von {0} bis {1}",
                amount_range="von {0} bis {1}",
            ),
        ),
        "en": Extras(
            months={"Sept.": 9, "Sept": 9},
            scales={"mln": 10**6, "bln": 10**9, "mn": 10**6, "bn": 10**9, "tn": 10**12},
            short_scales={10**6: "mn", 10**9: "bn", 10**12: "tn"},
            currencies={
                "USD": ("dollar", "dollars"),
                "BYN": ("Belarusian rouble", "Belarusian roubles"),
            },
            range_words=("to",),
            and_words=("and",),
            time_prefix=("at",),
            ordinal_suffix=("st", "nd", "rd", "th"),
            # "4.4-fold"; "4.4 times" as wire copy writes it ("up 4.4 times", "grew 9 times").
            multiplier=Multiplier(
                r"-fold(?!\w)",
                "{0}-fold",
                counted=r"\s+times(?!\w)",
                lead=r"(?<!\w)(?:up|down|rose|risen|grew|grown|increased|jumped|surged|soared|fell"
                r"|fallen|dropped|declined|decreased|expanded|multiplied|higher|more|by)\s+",
            ),
            percent_words=("per cent",),
            phrases=Phrases(
                year="in {0}",
                day_range="from {0} to {1}",
                month_range="from {0} to {1}",
                amount_range="from {0} to {1}",
            ),
        ),
        "ru": Extras(
            month_endings=("е",),
            scales={"млрд.": 10**9, "млн.": 10**6, "трлн.": 10**12},
            currencies={"USD": ("доллар", "доллара", "долларов")},
            bare_currency=BareCurrency(
                ("рубль", "рубля", "рублей"),
                "RUB",
                "BY",
                ("Беларус", "Белорусс", "белорусск", "Минск", "БелТА"),
            ),
            range_words=("до", "по"),
            and_words=("и",),
            range_openers=("от",),
            year_suffix=("годах", "годы", "года", "году", "год", "г.", "-го", "-м"),
            time_prefix=("в",),
            # "в 1,5 раза" is how Russian writes "1,5-fache"; "1,5-кратный" is an adjective.
            multiplier=Multiplier(
                r"-?кратн\w*",
                "в {0} раза",
                counted=r"\s+раза?(?!\w)",
                lead=r"(?<!\w)[вВ]\s+",
                lead_in_span=True,
            ),
            # "с" takes the genitive ("с января"), "по" the accusative ("по июнь"): the
            # renderer writes the first month in CLDR's format (genitive) form.
            phrases=Phrases(
                year="в {0} году",
                day_range="с {0} по {1}",
                month_range="с {0} по {1}",
                amount_range="от {0} до {1}",
            ),
        ),
    }
)

#: Languages with an :data:`EXTRA` entry: fully supported. Any other CLDR language works with
#: the CLDR vocabulary alone.
SUPPORTED_LANGUAGES = tuple(sorted(EXTRA))


def extras_for(lang: str) -> Extras:
    """The language's supplement, or the empty one."""
    return EXTRA.get(lang, NONE)
