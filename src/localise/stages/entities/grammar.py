"""The recognisers' regular expressions, composed from a :class:`~.lexicon.Lexicon`.

Each shape is a :class:`Shape`: a compiled ``core`` with named groups that starts where an
*anchor* starts (a run of digits, or a month name), and an optional ``lead`` for the words
before the anchor that belong to the span ("vom ", "$", "im Jahr ", "um "). The recogniser
finds the anchors once per text and tries each core only there; the lead is matched backwards
from the core. A pattern that may begin with an optional word is tried by the regex engine at
every character of the text, which is what made one scan per shape slow. :class:`Grammar`
compiles everything once per recogniser. Nothing here is language-specific: the words come
from the lexicon.
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple

from .extras import BareCurrency, Extras, Minor, Territory
from .lexicon import Lexicon

_SPACES = " \u00a0\u2009\u202f"
_DASH = "-–—"


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words, longest first so "Jan." wins over "Jan"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")" if ordered else "(?!)"


def _first_letter_either_case(words: Iterable[str]) -> list[str]:
    return [v for w in words for v in {w, w[:1].upper() + w[1:]}]


@dataclass(frozen=True)
class Shape:
    """One form of entity: a ``core`` tried where an ``anchor`` starts, and its ``lead``.

    The lead is searched in the few characters before the core's start (only where its
    ``tail`` says it may end); with ``lead_required`` the shape matches only when it is there
    ("$" before "1,1 Mrd.").
    A lead's group ``opener`` is a preposition that belongs to the span ("vom", "im Jahr");
    when the shape names a ``range_group``, the opener counts only if that group matched
    ("от 1 до 2 млрд", but not "от" + "5 млрд").
    """

    name: str
    core: re.Pattern[str]
    lead: Lead | None = None
    lead_required: bool = False
    anchor: Literal["digit", "month", "word"] = "digit"
    range_group: str | None = None
    #: False for a lead that is context, not part of the span ("rose" of "rose 9 times").
    lead_in_span: bool = True


class Lead(NamedTuple):
    """What stands before a core and belongs to its span, searched backwards from the core."""

    #: The lead, ending where the core starts (``\\Z`` at the search's end).
    pattern: re.Pattern[str]
    #: A zero-width check at the core's start that the lead can end there (a space before
    #: it, or a currency symbol's last character): most anchors fail it, cheaply.
    tail: re.Pattern[str]
    #: How many characters before the core the lead may start: its longest words and a few
    #: spaces. The search costs in proportion to it.
    window: int


_AFTER_SPACE = re.compile(r"(?<=\s)")
#: Room for the spaces in a lead ("vom  14."), on top of its longest words.
_LEAD_SPACES = 8


def _lead(pattern: str, *words: Iterable[str], tail: re.Pattern[str] = _AFTER_SPACE) -> Lead:
    """A lead for the pattern; ``words`` are its word lists, whose longest words add up to
    the longest lead."""
    longest = sum(max(map(len, group), default=0) for group in words)
    return Lead(re.compile(rf"{pattern}\Z"), tail, longest + _LEAD_SPACES)


@dataclass(frozen=True)
class AmountWords:
    """What the money and number finders read around a figure (see :mod:`.money`)."""

    #: A sign before a figure, ending where it starts: ``sym`` ("-", "−", "+") right before
    #: the digits after a space or bracket, or ``word`` ("minus ").
    sign: re.Pattern[str]
    #: The last letters of the minus words ("s" of "minus"): with a space after one, or a
    #: sign character, before a figure, the pattern is tried.
    minus_ends: str
    #: Amounts in words ("eine halbe Milliarde", "полмиллиарда"): the long scale words, found
    #: in one pass over the text, and the number word before one (group ``w``), searched
    #: backwards from it; None without such words.
    scale_words: re.Pattern[str] | None
    number_word: Lead | None
    #: Number words, lower-cased, -> value; the words for one among them are ``ones``.
    values: Mapping[str, Decimal]
    ones: frozenset[str]
    #: Lower-cased words that may follow an amount without being its unit, comparisons among
    #: them (:class:`~.extras.Amounts`).
    followers: frozenset[str]
    comparisons: frozenset[str]
    #: A comparison phrase ending right before a figure ("compared with "), or None.
    comparison_lead: re.Pattern[str] | None
    #: With ``capitalised_nouns``, CLDR's lower-case unit words ("t", "kg"): units after all.
    units: frozenset[str]
    capitalised_nouns: bool


class Ticker(NamedTuple):
    """A dot decimal (tried where a ``dot`` between digits is, found in one pass over the
    text: few texts have one), and the ISO code after it or, searched backwards, before it."""

    dot: re.Pattern[str]
    number: re.Pattern[str]
    code_after: re.Pattern[str]
    code_before: re.Pattern[str]


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns for one lexicon; see the module docstring."""

    number: re.Pattern[str]
    money_prefixed: Shape
    money_suffixed: Shape
    percent: Shape
    multiplier: Shape | None
    #: A multiplier that counts only after its lead ("rose 9 times", "в 1,5 раза").
    counted: Shape | None
    scaled: Shape
    plain_number: Shape
    #: A dot decimal next to an ISO code in a comma-decimal language ("3.25 BYN", "USD
    #: 2.5"): ticker style, the dot always decimal. None where "." is the decimal anyway.
    ticker: Ticker | None
    amount_words: AmountWords
    piece: re.Pattern[str]
    #: Per lower-cased initial, the currency names starting with it, one group per name
    #: ("c0", "c1"...); ``currency_word_codes`` gives the currency each group stands for.
    currency_words: dict[str, re.Pattern[str]]
    currency_word_codes: dict[str, str | Territory | BareCurrency | Minor]
    #: Symbols ("$", "US-$") and territory symbols ("Br") in one pattern, longest first.
    symbol: re.Pattern[str]
    #: The words that make a bare currency word the other currency ("Minsk": BYN).
    currency_cues: re.Pattern[str] | None
    date_prefix: re.Pattern[str]
    dates: tuple[Shape, ...]
    #: Where a month name may start: the anchors of the shapes that begin with one.
    month_anchor: re.Pattern[str]
    #: What joins the two ends of a range written in two units, the whole gap ("от 1 копейки
    #: до 2 рублей": " до "), and the preposition that may open it, right before its first
    #: end ("от ", "from ").
    unit_range_joint: re.Pattern[str] | None = None
    unit_range_opener: re.Pattern[str] | None = None
    #: A phrase that puts its sentence in the article's year ("this year").
    this_year: re.Pattern[str] | None = None
    #: A phrase right after an amount that names its denomination ("in new money"), one
    #: group per code (see ``Extras.denomination_phrases``).
    denomination_after: re.Pattern[str] | None = None

    @classmethod
    def build(cls, lx: Lexicon, *, loose: bool = False) -> Grammar:
        """The patterns of a lexicon; ``loose`` drops the context a counted multiplier needs
        ("13 times" alone), for reading a translation whose source says what it is."""
        extra = lx.extra
        non_space = "".join(re.escape(g) for g in lx.groups if not g.isspace())
        space = "".join(g for g in lx.groups if g.isspace())
        integer = []
        if non_space:
            integer.append(rf"\d+(?:[{non_space}]\d{{3}})+")
        if space:
            integer.append(rf"\d{{1,3}}(?:[{space}]\d{{3}})+")
        integer.append(r"\d+")
        decimal = re.escape(lx.decimal)
        seps = re.escape("".join(sorted({lx.decimal, *lx.groups, ".", ","})))
        number = (
            rf"(?<!\d)(?<!\d[.,'’])(?:{'|'.join(integer)})(?:{decimal}\d+)?"
            rf"(?!\d)(?![{seps}]\d)"
        )
        long_scales = [w for w in lx.scales if len(w) >= 3 or w.endswith(".")]
        scale = alternation(_first_letter_either_case(long_scales)) + r"(?!\w)"
        money_scale = alternation(lx.scales) + r"(?!\w)"
        range_words = "|".join(re.escape(w) for w in extra.range_words)
        range_sep = rf"(?:[{_SPACES}]?[{_DASH}][{_SPACES}]?" + (
            rf"|\s+(?:{range_words})\s+)" if range_words else ")"
        )
        openers = extra.range_openers
        # The two amounts of a change ("von 27 auf 29 Rubel") are read like a range's ends,
        # then taken apart (see money._joined_by_change).
        changes = extra.amounts.change_words
        money_sep = rf"(?:{range_sep}|\s+{alternation(changes)}\s+)" if changes else range_sep
        opener_word = rf"(?<!\w){alternation(_first_letter_either_case(openers))}\s+"
        opener_lead = _lead(rf"(?P<opener>{opener_word})", openers) if openers else None
        symbols = alternation([*lx.symbols, *lx.territory_symbols])
        codes = rf"(?=[A-Z]{{3}}(?![A-Za-z])){alternation(lx.codes)}"
        marker = rf"(?:{symbols}|{codes})"
        # "$2-billion deal", "2-Milliarden-Dollar-Deal"; a source's stray full stop after a
        # decimal ("$3,5. Milliarden") is one amount.
        typo = rf"(?:(?<={decimal}\d)|(?<={decimal}\d\d))\.[{_SPACES}]"
        joint = rf"(?:[{_SPACES}]|-|{typo})?"
        # "6 млн 210 тыс. рублей": a compound amount, scale words falling.
        amount = (
            rf"{number}(?:{joint}{money_scale}(?:[{_SPACES}]{number}[{_SPACES}]?{money_scale})*)?"
        )
        marker_ends = "".join(
            sorted({re.escape(m[-1]) for m in (*lx.symbols, *lx.territory_symbols, *lx.codes)})
        )
        money_prefixed = Shape(
            "money_prefixed",
            re.compile(rf"{amount}(?P<to>{money_sep}(?:{marker}[{_SPACES}]?)?{amount})?"),
            _lead(
                rf"(?P<opener>{opener_word})?(?<![\w$€£¥₽]){marker}[{_SPACES}]?",
                openers,
                [*lx.symbols, *lx.territory_symbols, *lx.codes],
                tail=re.compile(rf"(?<=[{marker_ends}])|(?<=[{marker_ends}][{_SPACES}])"),
            ),
            lead_required=True,
            range_group="to",
        )
        # A currency name is checked by ``currency_word`` from where the letter group starts:
        # trying ~300 names inside this pattern after every number is what made it slow.
        money_suffixed = Shape(
            "money_suffixed",
            re.compile(
                rf"{amount}(?P<to>{money_sep}{amount})?(?:[{_SPACES}]|-)?"
                rf"(?:{symbols}|{codes}(?!\w)|(?P<word>(?=[^\W\d_])))"
            ),
            opener_lead,
            range_group="to",
        )
        percent_words = alternation(_first_letter_either_case(lx.percent_words))
        percent = (
            rf"{number}(?:{range_sep}{number})?[{_SPACES}]?"
            rf"(?:{re.escape(lx.percent_sign)}|{percent_words}(?!\w))"
        )
        multiplier = counted = None
        if extra.multiplier is not None:
            # A suffix, or a count before a comparison ("3 times as much", "3 Mal mehr").
            written = (extra.multiplier.pattern, extra.multiplier.compared)
            suffixes = "|".join(p for p in written if p)
            multiplier = Shape("multiplier", re.compile(rf"{number}(?:{suffixes})"))
            if extra.multiplier.counted:
                lead = extra.multiplier.lead
                counted = Shape(
                    "counted",
                    re.compile(rf"{number}(?:{extra.multiplier.counted})"),
                    Lead(re.compile(rf"(?:{lead})\Z"), _AFTER_SPACE, 24),
                    lead_required=not loose,
                    lead_in_span=extra.multiplier.lead_in_span,
                )
        scaled = (
            rf"{number}(?:{range_sep}{number})?(?:[{_SPACES}]|-)?{scale}"
            rf"(?:\s+{number}[{_SPACES}]?{scale})*"
        )
        ticker = None
        if lx.decimal != ".":
            # Three digits after the dot are a thousands group ("1.500"), not ticker style.
            ticker = Ticker(
                re.compile(r"\d\.\d"),
                re.compile(r"(?<![\d.,])\d+\.(?!\d{3}(?!\d))\d+(?!\d)(?![.,]\d)"),
                re.compile(rf"[{_SPACES}]?{codes}(?![A-Za-z])"),
                re.compile(rf"(?<![\w$€£¥₽]){codes}[{_SPACES}]?\Z"),
            )
        piece = rf"(?P<num>{number})|(?P<scale>{money_scale})"
        ordered = sorted(lx.currency_words.items(), key=lambda item: len(item[0]), reverse=True)
        by_initial: dict[str, list[str]] = {}
        for i, (pattern, word) in enumerate(ordered):
            for initial in word.initials:
                by_initial.setdefault(initial, []).append(f"(?P<c{i}>{pattern})")
        return cls(
            number=re.compile(number),
            money_prefixed=money_prefixed,
            money_suffixed=money_suffixed,
            percent=Shape("percent", re.compile(percent)),
            multiplier=multiplier,
            counted=counted,
            scaled=Shape("scaled", re.compile(scaled)),
            plain_number=Shape("plain_number", re.compile(number)),
            ticker=ticker,
            amount_words=_amount_words(lx, scale),
            piece=re.compile(piece),
            currency_words={
                initial: re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)")
                for initial, groups in by_initial.items()
            },
            currency_word_codes={f"c{i}": word.currency for i, (_, word) in enumerate(ordered)},
            symbol=re.compile(symbols),
            currency_cues=(
                # Any case: a dateline writes "MINSK", "/БЕЛТА/".
                re.compile(rf"(?<!\w){alternation(bare.cues)}", re.IGNORECASE)
                if (bare := extra.bare_currency) is not None
                else None
            ),
            date_prefix=date_prefix(lx),
            dates=_date_shapes(lx, range_sep, opener_lead),
            month_anchor=re.compile(rf"{alternation(lx.months)}(?!\w)"),
            unit_range_joint=(
                re.compile(rf"[{_SPACES}]+(?:{alternation(extra.range_words)})[{_SPACES}]+\Z")
                if extra.range_words
                else None
            ),
            unit_range_opener=_unit_range_opener(extra),
            this_year=(
                re.compile(rf"(?<!\w)(?:{alternation(extra.this_year)})(?!\w)", re.IGNORECASE)
                if extra.this_year
                else None
            ),
            denomination_after=(
                re.compile(
                    rf"[{_SPACES}]*(?:"
                    + "|".join(
                        rf"(?P<{code}>{alternation(phrases)})"
                        for code, phrases in extra.denomination_phrases.items()
                    )
                    + r")(?!\w)",
                    re.IGNORECASE,
                )
                if extra.denomination_phrases
                else None
            ),
        )


def _unit_range_opener(extra: Extras) -> re.Pattern[str] | None:
    """The prepositions that open a range: the supplement's, and the first word of its
    amount-range phrase ("from {0} to {1}")."""
    words = list(extra.range_openers)
    if extra.phrases is not None and not extra.phrases.amount_range.startswith("{"):
        words.append(extra.phrases.amount_range.split()[0])
    if not words:
        return None
    cased = alternation(_first_letter_either_case(tuple(dict.fromkeys(words))))
    return re.compile(rf"(?<!\w)(?:{cased})[{_SPACES}]+\Z")


def year_pattern(lx: Lexicon, name: str, *, second: bool = False) -> str:
    """A year (1900–2099) in group ``name``, with the words a language writes after one
    ("2021 года", "2020-го"); ``second`` for a range's second year, after its separator."""
    suffixes = lx.extra.year_suffix
    attached = [s for s in suffixes if s.startswith("-")]
    spaced = [s for s in suffixes if not s.startswith("-")]
    suffix = (
        rf"(?:{alternation(attached)}(?!\w)|\s+{alternation(spaced)}(?!\w))?" if suffixes else ""
    )
    before = r"(?<!\d)" if second else r"(?<![\d.,/:-])"
    # A year after 2100 where the words after it say it is one ("до 2100 года").
    far = rf"|2[1-9]\d\d(?=\s+{alternation(spaced)}(?!\w))" if spaced else ""
    return rf"{before}(?P<{name}>(?:19|20)\d\d{far})(?!\d)(?![.,]\d){suffix}"


def _amount_words(lx: Lexicon, scale: str) -> AmountWords:
    """The patterns and word sets of :class:`AmountWords`; ``scale`` the long scale words."""
    words = lx.extra.amounts
    minus = alternation(_first_letter_either_case(words.minus))
    sign = re.compile(
        rf"(?:(?:^|(?<=[\s(\[/:„“\"«]))(?P<sym>[-−+])|(?<!\w)(?P<word>{minus})[{_SPACES}]+)\Z"
    )
    values = {w.lower(): v for w, v in words.fractions.items()}
    values |= {w.lower(): Decimal(1) for w in words.ones if w}
    number_word = None
    if values:
        number = alternation(_first_letter_either_case(values))
        number_word = _lead(rf"(?<!\w)(?P<w>{number})[{_SPACES}-]?", values)
    return AmountWords(
        sign=sign,
        minus_ends="".join(sorted({w[-1] for w in words.minus})),
        scale_words=re.compile(scale) if values else None,
        number_word=number_word,
        values=values,
        ones=frozenset(w.lower() for w in words.ones if w),
        followers=frozenset(w.lower() for w in (*words.followers, *words.comparisons)),
        comparisons=frozenset(w.lower() for w in words.comparisons),
        comparison_lead=(
            re.compile(rf"(?<!\w)(?i:{alternation(words.comparison_leads)})\s+\Z")
            if words.comparison_leads
            else None
        ),
        units=_unit_words(lx) if words.capitalised_nouns else frozenset(),
        capitalised_nouns=words.capitalised_nouns,
    )


def _unit_words(lx: Lexicon) -> frozenset[str]:
    """CLDR's unit names of one word that start in lower case ("t", "kg", "km²"), less
    those the supplement lists as words that follow an amount (CLDR's inch "in")."""
    patterns = lx.locale._data["unit_patterns"]
    found: set[str] = set()
    for unit in patterns:
        for width in patterns[unit]:
            forms = patterns[unit][width]
            if not hasattr(forms, "values"):
                continue
            for form in forms.values():
                if isinstance(form, str) and "{0}" in form:
                    word = form.replace("{0}", "").strip(_SPACES)
                    if word[:1].islower() and not any(c.isspace() for c in word):
                        found.add(word)
    return frozenset(found) - {w.lower() for w in lx.extra.amounts.followers}


def _date_shapes(lx: Lexicon, range_sep: str, opener: Lead | None) -> tuple[Shape, ...]:
    extra = lx.extra
    month = alternation(lx.months)
    ordinal = alternation(extra.ordinal_suffix)

    dot = r"\.|" if extra.ordinal_dot else ""

    def day(name: str) -> str:
        return rf"(?<![\d.,])(?P<{name}>0?[1-9]|[12]\d|3[01])(?!\d)(?:{dot}{ordinal}(?!\w))?"

    def mon(name: str) -> str:
        return rf"(?<!\w)(?P<{name}>{month})(?!\w)"

    def year(name: str, *, second: bool = False) -> str:
        return year_pattern(lx, name, second=second)

    periods = alternation(lx.day_periods)
    time_suffix = alternation(extra.time_suffix)
    time_prefix = alternation(_first_letter_either_case(extra.time_prefix))
    iso_time = r"(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)"
    # After the time preposition a dot may separate the minutes ("um 23.55 Uhr").
    time = (
        r"(?P<hh>[01]?\d|2[0-3])(?(tp)[.:]|:)(?P<mm>[0-5]\d)(?!\d)"
        rf"(?:\s?(?P<ampm>{periods})(?!\w))?(?:\s+{time_suffix}(?!\w))?"
    )
    dot_time = r"(?P<hh>[01]?\d|2[0-3])[.:](?P<mm>[0-5]\d)(?!\d)"
    hour = r"(?P<hh>[01]?\d|2[0-3])(?P<mm>)(?![\d.,:]\d)"
    ampm = rf"[^\S\n]?(?P<ampm>{periods})(?!\w)"
    # A closing bracket belongs to the zone, the spaces (or line break) before nothing do not.
    zone = (
        r"(?:[^\S\n]*[(|]?[^\S\n]*(?:UTC|GMT)[^\S\n]?[+−-][^\S\n]?\d{1,2}(?::\d\d)?"
        r"(?:[^\S\n]*\))?)?"
    )
    # A time belongs to the date on its own line only: the next line is another paragraph.
    join = rf"(?:,[^\S\n]*|[^\S\n]+|[^\S\n]*\|[^\S\n]*)(?:(?P<tp>{time_prefix})[^\S\n]+)?"
    year_prefix = alternation(_first_letter_either_case(extra.year_prefix))
    sep = re.escape(lx.numeric_separator)
    numeric_fields = {
        "d": r"(?P<d>0?[1-9]|[12]\d|3[01])",
        "M": r"(?P<m>0?[1-9]|1[0-2])",
        "y": r"(?P<y>(?:19|20)\d\d)",
    }
    numeric = sep.join(numeric_fields[c] for c in lx.numeric_order)
    # "20.08.2025" is day, month, year in every language, English wire copy included.
    dotted = r"\.".join(numeric_fields[c] for c in "dMy")
    day_of = rf"(?:\s+{alternation(extra.day_of)}\s+|\s*)" if extra.day_of else r"\s*"
    far_lead = (
        _lead(
            rf"(?<!\w){alternation(_first_letter_either_case(extra.plan_words))}\s+",
            extra.plan_words,
        )
        if extra.plan_words
        else None
    )
    year_lead = (
        _lead(rf"(?P<opener>(?<!\w){year_prefix}\s+)", extra.year_prefix)
        if extra.year_prefix
        else None
    )
    time_lead = _lead(rf"(?<!\w){time_prefix}\s+", extra.time_prefix)
    ands = "|".join(re.escape(w) for w in extra.and_words)
    hours_sep = rf"(?:{range_sep}|\s+(?:{ands})\s+)" if ands else range_sep
    shapes = [
        Shape(
            "dmy",
            # "14. Januar 2025, 13:18", and a day's time without its year ("Donnerstag, 31.
            # Dezember, um 23.55 Uhr").
            re.compile(rf"{day('d')}{day_of}{mon('m')}(?:\s+{year('y')})?(?:{join}{time})?{zone}"),
        ),
        Shape("numeric", re.compile(rf"(?<![\d.,/]){numeric}(?!\d)(?:{join}{time}{zone})?")),
        *(
            [Shape("numeric", re.compile(rf"(?<![\d.,/]){dotted}(?!\d)(?:{join}{time}{zone})?"))]
            if dotted != numeric
            else []
        ),
        Shape(
            "iso",
            re.compile(
                r"(?<![\d.,/-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])"
                rf"-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)(?:(?:T|[^\S\n]+){iso_time}{zone})?"
            ),
        ),
        Shape("month_year", re.compile(rf"{mon('m')}\s+{year('y')}"), anchor="month"),
        Shape("year", re.compile(year("y")), year_lead),
        # "2016-2018", "2024/2025", "2024/25" (a season, a school or fiscal year).
        Shape(
            "year_range",
            re.compile(
                rf"{year('y')}(?:{range_sep}|/)"
                rf"(?:{year('y2', second=True)}|(?P<yy2>\d\d)(?![\d.,]\d))(?!\w)"
            ),
            year_lead,
        ),
        # "between 2016 and 2018": a range only after "between" ("2019 and 2020" are two).
        *(
            [
                Shape(
                    "year_range",
                    re.compile(rf"{year('y')}\s+(?:{ands})\s+{year('y2', second=True)}(?!\w)"),
                    _lead(
                        rf"(?<!\w){alternation(_first_letter_either_case(extra.between_words))}"
                        r"\s+",
                        extra.between_words,
                    ),
                    lead_required=True,
                    lead_in_span=False,
                )
            ]
            if ands and extra.between_words
            else []
        ),
        # A year after 2100 only as a plan's ("bis 2122", "by 2150"), before punctuation or
        # a lower-case word: "bis 2150 Traktoren" is a number.
        *(
            [
                Shape(
                    "year",
                    re.compile(
                        r"(?<![\d.,])(?P<y>2[1-9]\d\d)(?!\d)(?=\s*(?:[.,;:!?)]|$|[a-zа-яё]))"
                    ),
                    far_lead,
                    lead_required=True,
                    lead_in_span=False,
                )
            ]
            if far_lead is not None
            else []
        ),
        Shape(
            "day_range",
            re.compile(rf"{day('d')}{range_sep}{day('d2')}\s*{mon('m')}(?:\s+{year('y')})?"),
            opener,
        ),
        Shape(
            "day_range",
            re.compile(
                rf"{day('d')}\s*{mon('m')}{range_sep}{day('d2')}\s*{mon('m2')}"
                rf"(?:\s+{year('y')})?"
            ),
            opener,
        ),
        Shape(
            "month_range",
            re.compile(rf"{mon('m')}(?:{range_sep}|\s?/\s?){mon('m2')}(?:\s+{year('y')})?"),
            opener,
            anchor="month",
        ),
        # Opening hours, both ends ("von 8.30 bis 17.30 Uhr", "from 8.30 to 17.30"): a time
        # range, never two decimals.
        Shape(
            "time_range",
            re.compile(
                rf"(?<![\d.:,]){dot_time}{hours_sep}"
                rf"(?P<hh2>[01]?\d|2[0-3])[.:](?P<mm2>[0-5]\d)(?![\d.,]\d)"
                rf"(?:\s+{time_suffix}(?!\w))?"
            ),
        ),
        Shape(
            "time",
            re.compile(rf"(?<!\d){dot_time}(?:{ampm}|\s+{time_suffix}(?!\w))?"),
            time_lead,
            lead_required=True,
        ),
        Shape("time", re.compile(rf"(?<![\d.:]){dot_time}(?:{ampm}|\s+{time_suffix}(?!\w))")),
        # A full hour: "um 10 Uhr", "at 10 a.m.", "в 14 часов" (a count of hours without "в").
        Shape("time", re.compile(rf"(?<![\d.:,]){hour}(?:{ampm}|\s+{time_suffix}(?!\w))")),
        *(
            [
                Shape(
                    "time",
                    re.compile(rf"(?<![\d.:,]){hour}\s+{alternation(extra.hour_words)}(?!\w)"),
                    time_lead,
                    lead_required=True,
                )
            ]
            if extra.hour_words
            else []
        ),
        # "am 14.01.": a day and month in digits, the year the article's.
        *(
            [
                Shape(
                    "numeric_day",
                    re.compile(
                        r"(?<![\d.,/])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0[1-9]|1[0-2])\.(?![\d])"
                    ),
                    # After a preposition of dates only: "Version 1.10." is none.
                    _lead(
                        rf"(?<!\w){alternation(_first_letter_either_case(extra.date_prepositions))}"
                        r"\s+",
                        extra.date_prepositions,
                    ),
                    lead_required=True,
                    lead_in_span=False,
                )
            ]
            if lx.numeric_separator == "." and extra.date_prepositions
            else []
        ),
    ]
    if lx.month_first:
        shapes += [
            Shape(
                "mdy",
                re.compile(rf"{mon('m')}\s+{day('d')}(?:,?\s+{year('y')}(?:{join}{time}{zone})?)?"),
                anchor="month",
            ),
            Shape(
                "day_range",
                re.compile(rf"{mon('m')}\s+{day('d')}{range_sep}{day('d2')}(?:,?\s+{year('y')})?"),
                opener,
                anchor="month",
            ),
            Shape(
                "day_range",
                re.compile(
                    rf"{mon('m')}\s+{day('d')}{range_sep}{mon('m2')}\s+{day('d2')}"
                    rf"(?:,?\s+{year('y')})?"
                ),
                opener,
                anchor="month",
            ),
        ]
    return tuple(shapes)


def date_prefix(lx: Lexicon) -> re.Pattern[str]:
    """What may stand before a day-month date and belongs to it: a weekday ("Mittwoch, "),
    a leading clock time ("17:59, "). Matched backwards from the date, outside the shape
    patterns: an optional prefix at the start of a pattern is tried at every position."""
    # Any word is captured as the weekday; the caller checks it against the lexicon's.
    joiners = lx.extra.weekday_joiners
    joiner = rf"(?:{alternation(joiners)}[^\S\n]+)?" if joiners else ""
    return re.compile(
        r"(?:(?P<lh>[01]?\d|2[0-3]):(?P<lm>[0-5]\d),?[^\S\n]+)?"
        rf"(?:(?<!\w)(?P<wd>[^\W\d_]+)\.?,?[^\S\n]+{joiner})?\Z"
    )
