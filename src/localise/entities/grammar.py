"""The recognisers' regular expressions, composed from a :class:`~.lexicon.Lexicon`.

Each shape is one compiled pattern with named groups; :class:`Grammar` compiles them once per
recogniser. Nothing here is language-specific: the words come from the lexicon.
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
class Grammar:
    """Compiled patterns for one lexicon; see the module docstring."""

    number: re.Pattern[str]
    money_prefixed: re.Pattern[str]
    money_suffixed: re.Pattern[str]
    percent: re.Pattern[str]
    multiplier: re.Pattern[str] | None
    scaled: re.Pattern[str]
    plain_number: re.Pattern[str]
    piece: re.Pattern[str]
    #: Per lower-cased initial, the currency names starting with it, one group per name
    #: ("c0", "c1"...); ``currency_word_codes`` gives the code each group stands for.
    currency_words: dict[str, re.Pattern[str]]
    currency_word_codes: dict[str, str]
    #: Symbols ("$", "US-$") and territory symbols ("Br") in one pattern, longest first.
    symbol: re.Pattern[str]
    date_prefix: re.Pattern[str]
    dates: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def build(cls, lx: Lexicon) -> Grammar:
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
        range_words = "|".join(re.escape(w) for w in extra.get("range_words", ()))
        range_sep = rf"(?:[{_SPACES}]?[{_DASH}][{_SPACES}]?" + (
            rf"|\s+(?:{range_words})\s+)" if range_words else ")"
        )
        openers = extra.get("range_openers", ())
        opener = rf"(?:(?<!\w){alternation(_first_letter_either_case(openers))}\s+)?"
        symbols = alternation([*lx.symbols, *lx.territory_symbols])
        codes = rf"(?=[A-Z]{{3}}(?![A-Za-z])){alternation(lx.codes)}"
        marker = rf"(?:{symbols}|{codes})"
        amount = rf"{number}(?:[{_SPACES}]?{money_scale})?"
        money_prefixed = (
            rf"{opener}(?<![\w$€£¥₽]){marker}[{_SPACES}]?{amount}"
            rf"(?:{range_sep}(?:{marker}[{_SPACES}]?)?{amount})?"
        )
        # A currency name is checked by ``currency_word`` from where the letter group starts:
        # trying ~300 names inside this pattern after every number is what made it slow.
        money_suffixed = (
            rf"{opener}{amount}(?:{range_sep}{amount})?[{_SPACES}]?"
            rf"(?:{symbols}|{codes}(?!\w)|(?P<word>(?=[^\W\d_])))"
        )
        percent_words = alternation(_first_letter_either_case(lx.percent_words))
        percent = (
            rf"{number}(?:{range_sep}{number})?[{_SPACES}]?"
            rf"(?:{re.escape(lx.percent_sign)}|{percent_words}(?!\w))"
        )
        multiplier_rx = extra.get("multiplier", (None, None))[0]
        multiplier = re.compile(rf"{number}(?:{multiplier_rx})") if multiplier_rx else None
        scaled = (
            rf"{number}(?:{range_sep}{number})?[{_SPACES}]?{scale}"
            rf"(?:\s+{number}[{_SPACES}]?{scale})*"
        )
        piece = rf"(?P<num>{number})|(?P<scale>{money_scale})"
        ordered = sorted(lx.currency_words.items(), key=lambda item: len(item[0]), reverse=True)
        by_initial: dict[str, list[str]] = {}
        for i, (pattern, tagged) in enumerate(ordered):
            for initial in tagged.partition(":")[2]:
                by_initial.setdefault(initial, []).append(f"(?P<c{i}>{pattern})")
        return cls(
            number=re.compile(number),
            money_prefixed=re.compile(money_prefixed),
            money_suffixed=re.compile(money_suffixed),
            percent=re.compile(percent),
            multiplier=multiplier,
            scaled=re.compile(scaled),
            plain_number=re.compile(number),
            piece=re.compile(piece),
            currency_words={
                initial: re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)")
                for initial, groups in by_initial.items()
            },
            currency_word_codes={
                f"c{i}": tagged.partition(":")[0] for i, (_, tagged) in enumerate(ordered)
            },
            symbol=re.compile(symbols),
            date_prefix=date_prefix(lx),
            dates=_date_patterns(lx, range_sep, opener),
        )


def _date_patterns(
    lx: Lexicon, range_sep: str, opener: str
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    extra = lx.extra
    month = alternation(lx.months)
    ordinal = alternation(extra.get("ordinal_suffix", ()))

    def day(name: str) -> str:
        return rf"(?<![\d.,])(?P<{name}>0?[1-9]|[12]\d|3[01])(?!\d)(?:\.|{ordinal}(?!\w))?"

    def mon(name: str) -> str:
        return rf"(?<!\w)(?P<{name}>{month})(?!\w)"

    suffixes = extra.get("year_suffix", ())
    attached = [s for s in suffixes if s.startswith("-")]
    spaced = [s for s in suffixes if not s.startswith("-")]
    year_suffix = (
        rf"(?:{alternation(attached)}(?!\w)|\s+{alternation(spaced)}(?!\w))?" if suffixes else ""
    )

    def year(name: str, *, second: bool = False) -> str:
        before = r"(?<!\d)" if second else r"(?<![\d.,/:-])"
        return rf"{before}(?P<{name}>(?:19|20)\d\d)(?!\d)(?![.,]\d){year_suffix}"

    periods = alternation(lx.day_periods)
    time_suffix = alternation(extra.get("time_suffix", ()))
    time_prefix = alternation(_first_letter_either_case(extra.get("time_prefix", ())))
    time = (
        r"(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)"
        rf"(?:\s?(?P<ampm>{periods})(?!\w))?(?:\s+{time_suffix}(?!\w))?"
    )
    dot_time = r"(?P<hh>[01]?\d|2[0-3])[.:](?P<mm>[0-5]\d)(?!\d)"
    zone = r"(?:\s*[(|]?\s*(?:UTC|GMT)\s?[+−-]\s?\d{1,2}(?::\d\d)?\s*\)?)?"
    join = rf"(?:,\s*|\s+|\s*\|\s*)(?:{time_prefix}\s+)?"
    year_prefix = alternation(_first_letter_either_case(extra.get("year_prefix", ())))
    sep = re.escape(lx.numeric_separator)
    numeric_fields = {
        "d": r"(?P<d>0?[1-9]|[12]\d|3[01])",
        "M": r"(?P<m>0?[1-9]|1[0-2])",
        "y": r"(?P<y>(?:19|20)\d\d)",
    }
    numeric = sep.join(numeric_fields[c] for c in lx.numeric_order)
    shapes = [
        (
            "dmy",
            rf"{day('d')}\s*{mon('m')}"
            rf"(?:\s+{year('y')}(?:{join}{time})?{zone})?",
        ),
        ("numeric", rf"(?<![\d.,/]){numeric}(?!\d)(?:{join}{time}{zone})?"),
        (
            "iso",
            r"(?<![\d.,/-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?!\d)",
        ),
        ("month_year", rf"{mon('m')}\s+{year('y')}"),
        ("year", rf"(?:(?<!\w){year_prefix}\s+)?{year('y')}"),
        ("year_range", rf"{year('y')}{range_sep}{year('y2', second=True)}"),
        ("day_range", rf"{opener}{day('d')}{range_sep}{day('d2')}\s*{mon('m')}(?:\s+{year('y')})?"),
        (
            "day_range",
            rf"{opener}{day('d')}\s*{mon('m')}{range_sep}{day('d2')}\s*{mon('m2')}"
            rf"(?:\s+{year('y')})?",
        ),
        ("month_range", rf"{opener}{mon('m')}{range_sep}{mon('m2')}(?:\s+{year('y')})?"),
        ("time", rf"(?<!\w){time_prefix}\s+{dot_time}(?:\s+{time_suffix}(?!\w))?"),
        ("time", rf"(?<![\d.:]){dot_time}\s+{time_suffix}(?!\w)"),
    ]
    if lx.month_first:
        shapes += [
            (
                "mdy",
                rf"{mon('m')}\s+{day('d')}"
                rf"(?:,?\s+{year('y')}(?:{join}{time}{zone})?)?",
            ),
            ("day_range", rf"{mon('m')}\s+{day('d')}{range_sep}{day('d2')}(?:,?\s+{year('y')})?"),
            (
                "day_range",
                rf"{mon('m')}\s+{day('d')}{range_sep}{mon('m2')}\s+{day('d2')}"
                rf"(?:,?\s+{year('y')})?",
            ),
        ]
    return tuple((name, re.compile(pattern)) for name, pattern in shapes)


def date_prefix(lx: Lexicon) -> re.Pattern[str]:
    """What may stand before a day-month date and belongs to it: a weekday ("Mittwoch, "),
    a leading clock time ("17:59, "). Matched backwards from the date, outside the shape
    patterns: an optional prefix at the start of a pattern is tried at every position."""
    del lx  # any word is captured; the caller checks it against the lexicon's weekdays
    return re.compile(
        r"(?:(?P<lh>[01]?\d|2[0-3]):(?P<lm>[0-5]\d),?\s+)?"
        r"(?:(?<!\w)(?P<wd>[^\W\d_]+)\.?,?\s+)?\Z"
    )
