"""Inject one factual error at a time into a reference translation, for measuring the fact checker.

    python benchmarks/inject_errors.py [--corpus ../shared/corpus/dev] [--seed 0] [-v]

:func:`inject` takes a translation (one paragraph per line), its target locale, a seeded RNG and
optionally the gold of its source, and returns :class:`Variant` s that each differ from the text
in exactly one place. The facts are found with regexes written here for German, English and
Russian (figures with their grouping and decimal marks, scale words, currency symbols and words,
dates with month names in their case forms, 4-digit years) and with the names of
``glossaries/belarus.tsv``. The kinds:

==========================  =========================================================  ========
kind                        what changes                                               repair?
==========================  =========================================================  ========
``digit``                   one digit of a figure (amount, percentage, grouped or      yes
                            decimal number, a date's day or year)
``scale``                   million ↔ billion, Millionen ↔ Milliarden, млн ↔ млрд,     yes
                            thousand / Tsd. / тыс. → million
``currency``                $ ↔ €, Br → $, dollars ↔ euros, Dollar ↔ Euro,             yes
                            долларов ↔ евро, рублей → долларов
``day``, ``month``,         a date's day, month name (same style or case form:         yes
``year``                    января → февраля, январе → феврале) or year
``name-misspelt``           a glossary name with one letter doubled, dropped or        yes
                            swapped with the next
``name-source-spelling``    a glossary name in the source language's spelling          yes
                            (Lukashenko → Lukaschenko); needs the gold's language
``dropped``                 an amount, percentage or date removed with its             no
                            preposition, or a parenthesis holding one fact
``stray``                   a percentage the source does not have added after a        no
                            figure: " (up 3.7%)", " (plus 3,7 %)", " (на 3,7% больше)"
``merged``                  two adjacent paragraphs joined with a space: a control,    no
                            no factual error at all
==========================  =========================================================  ========

Up to ``per_kind`` variants per kind are drawn with the RNG among the candidate positions; a
kind with no candidate in a text gives none. Run alone, the module injects into every reference
translation of the corpus, checks that each variant changes its one line and keeps every other
byte, and prints the variants per kind (``-v``: every change, in its context).
"""

# Cyrillic words, dashes and quotes here are data, not look-alike typos.

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parent.parent
GLOSSARY = REPO / "glossaries" / "belarus.tsv"

KINDS = (
    "digit",
    "scale",
    "currency",
    "day",
    "month",
    "year",
    "name-misspelt",
    "name-source-spelling",
    "dropped",
    "stray",
    "merged",
)
REPAIRABLE = frozenset(KINDS[:8])


class Variant(NamedTuple):
    """A translation with one injected change."""

    text: str
    line: int  # 1-based line of the change in ``text`` (for ``merged``: the joined line)
    kind: str
    repairable: bool
    original: str  # the reference line(s) the change replaced (``merged``: two, joined by \n)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Fact:
    """A figure or date in the text, with the offsets of its parts (role, start, end)."""

    start: int
    end: int
    kind: str  # amount, percent, quantity, number, date
    parts: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class _Lang:
    number: str  # a number with this language's grouping and decimal marks
    decimal: str
    scales: dict[str, str]  # scale word -> the one it is swapped for
    currencies: dict[str, str]  # currency word -> the one it is swapped for
    adjectives: str  # words that may stand between an amount and its currency word
    percent: str
    months: tuple[tuple[str, ...], ...]  # series of forms that swap among themselves
    day_month: str  # a day before its month: "5 September", "5. September", "5 сентября"
    year_prefix: str
    year_suffix: str
    range_words: str  # "January to September"
    prepositions: str  # dropped together with the fact they introduce
    stray: str


def _swaps(pairs: str) -> dict[str, str]:
    """Parse 'a>b, c>d' into {"a": "b", "c": "d"}, so that each table below fits a few lines."""
    return dict(pair.split(">") for pair in pairs.split(", "))


def _series(*series: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(words.split()) for words in series)


_DAY = r"(?<![\d.,])(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)"

LANGS: dict[str, _Lang] = {
    "en": _Lang(
        number=r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?",
        decimal=".",
        scales=_swaps("million>billion, billion>million, trillion>billion, thousand>million"),
        currencies=_swaps(
            "US dollars>euros, dollars>euros, dollar>euro, euros>dollars, euro>dollar, "
            "roubles>dollars, rouble>dollar, rubles>dollars, ruble>dollar"
        ),
        adjectives=r"Belarusian|Russian",
        percent=r"%|per cent(?!\w)|percent(?!\w)",
        months=_series(
            "January February March April May June July August September October November December",
            "Jan. Feb. Aug. Sept. Oct. Nov. Dec.",  # AP style abbreviations swap among themselves
        ),
        day_month=_DAY + r"\s+(?P<month>{month})",
        year_prefix="",
        year_suffix="",
        range_words=r"to|through",
        prepositions=r"by|of|at|to|in|on|from|than|about|around",
        stray=" (up {x}%)",
    ),
    "de": _Lang(
        number=r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?",
        decimal=",",
        scales=_swaps(
            "Millionen>Milliarden, Milliarden>Millionen, Million>Milliarde, Milliarde>Million, "
            "Billionen>Milliarden, Billion>Milliarde, Tausend>Millionen, Mio.>Mrd., Mrd.>Mio., "
            "Tsd.>Mio."
        ),
        currencies=_swaps("US-Dollar>Euro, Dollar>Euro, Euro>Dollar, Rubeln>Dollar, Rubel>Dollar"),
        adjectives=r"belarussischen|belarussische|russischen|russische",
        percent=r"%|Prozent(?!\w)",
        months=_series(
            "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
        ),
        day_month=_DAY + r"\.\s?(?P<month>{month})",
        year_prefix=r"(?:Jahr\s+)?",
        year_suffix="",
        range_words=r"bis",
        prepositions=r"um|auf|von|in|im|am|bei|mit|bis|seit|zum|ab",
        stray=" (plus {x} %)",
    ),
    "ru": _Lang(
        number=r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?",
        decimal=",",
        scales=_swaps(
            "млн.>млрд., млрд.>млн., млн>млрд, млрд>млн, трлн>млрд, тыс.>млн, "
            "миллиона>миллиарда, миллионов>миллиардов, миллион>миллиард, "
            "миллиарда>миллиона, миллиардов>миллионов, миллиард>миллион"
        ),
        currencies=_swaps(
            "долларов США>евро, доллара США>евро, долларов>евро, доллара>евро, доллар>евро, "
            "евро>долларов, рублей>долларов, рубля>доллара, рубль>доллар"
        ),
        adjectives=r"белорусских|белорусского|российских|российского",
        percent=r"%|процент(?:а|ов)?(?!\w)",
        # Three case forms: a month swaps within its own (января -> февраля, январе -> феврале).
        months=_series(
            "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
            "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
            "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
        ),
        day_month=_DAY + r"\s+(?P<month>{month})",
        year_prefix="",
        year_suffix=r"(?:\s+(?:годах|годы|года|году|годом|год)(?!\w)|\s?г\.)?",
        range_words=r"по",
        prepositions=r"на|в|во|до|от|с|по|к|около|свыше|более",
        stray=" (на {x}% больше)",
    ),
}
SYMBOLS = {"US$": "€", "$": "€", "€": "$", "£": "€", "Br": "$"}


def inject(
    text: str,
    locale: str,
    rng: random.Random,
    *,
    gold: dict[str, Any] | None = None,
    per_kind: int = 3,
    glossary: Path = GLOSSARY,
) -> list[Variant]:
    """Variants of ``text`` with one injected change each, in the order of :data:`KINDS`.

    ``gold`` is the source's gold (``gold/<lang>/<id>.json``): its ``language`` gives the
    source spellings for ``name-source-spelling`` (no such variants without it), and its
    figures are kept out of the ``stray`` ones.
    """
    code = locale.split("-")[0].lower()
    lang = LANGS[code]
    facts = find_facts(text, code)
    names = _name_forms(glossary, code, (gold or {}).get("language"))
    candidates = {
        "digit": _digit_edits(text, facts, rng),
        "scale": _swap_edits(text, facts, "scale", lang.scales),
        "currency": _swap_edits(text, facts, "currency", {**SYMBOLS, **lang.currencies}),
        "day": _day_edits(text, facts, rng),
        "month": _month_edits(text, facts, lang, rng),
        "year": _year_edits(text, facts, rng),
        "name-misspelt": _misspelt_edits(text, names, rng),
        "name-source-spelling": _source_spelling_edits(text, names),
        "dropped": _dropped_edits(text, facts, lang),
        "stray": _stray_edits(text, facts, lang, gold, rng),
        "merged": _merged_edits(text),
    }
    variants = []
    for kind in KINDS:
        edits = candidates[kind]
        for edit in rng.sample(edits, min(per_kind, len(edits))):
            variants.append(_apply(text, edit, kind))
    return variants


def rng_for(seed: int, key: str) -> random.Random:
    """The RNG for one reference ("en-GB/de/016"): its variants do not depend on the others."""
    return random.Random(f"{seed}:{key}")


def _apply(text: str, edit: Edit, kind: str) -> Variant:
    line = text.count("\n", 0, edit.start) + 1
    lines = text.split("\n")
    original = "\n".join(lines[line - 1 : line + 1]) if kind == "merged" else lines[line - 1]
    mutated = text[: edit.start] + edit.new + text[edit.end :]
    return Variant(mutated, line, kind, kind in REPAIRABLE, original)


# -- facts -------------------------------------------------------------------------------------


def find_facts(text: str, language: str) -> list[Fact]:
    """Figures and dates in the text of a language ("de", "en", "ru"), in text order.

    Where two patterns overlap, the one that starts first wins, then the longer one.
    """
    found = []
    for kind, pattern in _patterns(language):
        for match in pattern.finditer(text):
            if kind == "number" and not re.search(r"\D", match["num"]):
                continue  # a plain integer ("56 countries") is not a figure
            parts = tuple(
                (role, match.start(role), match.end(role))
                for role, value in match.groupdict().items()
                if value is not None
            )
            found.append(Fact(match.start(), match.end(), kind, parts))
    kept: list[Fact] = []
    for fact in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if not kept or fact.start >= kept[-1].end:
            kept.append(fact)
    return kept


@cache
def _patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lang = LANGS[language]
    num = rf"(?<![\d.,])(?P<num>{lang.number})(?!\d|[.,]\d)"
    num2 = rf"(?:\s?[–-]\s?(?P<num2>{lang.number})(?!\d|[.,]\d))?"
    scale = rf"(?P<scale>{_alternatives(lang.scales)})"
    word = rf"(?P<currency>{_alternatives(lang.currencies)})"
    symbol = rf"(?P<currency>{_alternatives(SYMBOLS, whole=False)})"  # "Br2,313.9"
    month = _alternatives({form: "" for series in lang.months for form in series})
    year = r"(?<![\d.,$€])(?P<{name}>(?:19|20)\d\d)(?!\d|[.,]\d|\s?%)"
    with_year = rf"(?:,?\s+{year.format(name='year')}{lang.year_suffix})?"
    templates = {
        "amount": [
            rf"{symbol}\s?{num}{num2}(?:\s+{scale})?",
            rf"{num}{num2}(?:\s+{scale})?(?:\s+(?:{lang.adjectives}))?\s+{word}",
            rf"{num}(?:\s{scale})?\s?(?P<currency>€|\$|Br)(?!\w)",
        ],
        "percent": [rf"{num}{num2}\s?(?:{lang.percent})"],
        "quantity": [rf"{num}{num2}\s+{scale}"],
        "number": [num],
        "date": [
            lang.day_month.format(month=month) + with_year,
            rf"(?P<month>{month})\s+{_DAY}(?!\d|[.,]\d){with_year}",
            rf"(?P<month>{month})(?:\s?[–-]\s?|\s+(?:{lang.range_words})\s+)"
            rf"(?P<month2>{month}){with_year}",
            rf"(?P<month>{month})\s+{year.format(name='year')}{lang.year_suffix}",
            lang.year_prefix
            + year.format(name="year")
            + rf"(?:\s?[–-]\s?{year.format(name='year2')})?{lang.year_suffix}",
        ],
    }
    return tuple(
        (kind, re.compile(pattern)) for kind, patterns in templates.items() for pattern in patterns
    )


def _alternatives(words: dict[str, str], *, whole: bool = True) -> str:
    """A regex alternation of the words, longest first; ``whole``: none inside a longer word."""
    ordered = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    if whole:
        ordered = [rf"(?<!\w){w}" if w[0].isalnum() else w for w in ordered]
        ordered = [rf"{w}(?!\w)" if w[-1].isalnum() else w for w in ordered]
    return "|".join(ordered)


def _parts(facts: list[Fact], *roles: str) -> list[tuple[str, int, int]]:
    return [part for fact in facts for part in fact.parts if part[0] in roles]


# -- figures and dates -------------------------------------------------------------------------


def _digit_edits(text: str, facts: list[Fact], rng: random.Random) -> list[Edit]:
    edits = []
    figures = [f for f in facts if f.kind != "date"]
    for role, start, end in [
        *_parts(figures, "num", "num2"),
        *_parts(facts, "day", "year", "year2"),
    ]:
        token = text[start:end]
        digits = [i for i, c in enumerate(token) if c.isdigit()]
        if role.startswith("year"):
            digits = digits[-2:]  # 2019 -> 2016, still a year
        options = []
        for i in digits:
            for digit in "0123456789":
                if digit == token[i] or (i == 0 and digit == "0"):
                    continue
                new = token[:i] + digit + token[i + 1 :]
                if role != "day" or 1 <= int(new) <= 28:
                    options.append(new)
        if options:
            edits.append(Edit(start, end, rng.choice(options)))
    return edits


def _swap_edits(text: str, facts: list[Fact], role: str, swaps: dict[str, str]) -> list[Edit]:
    edits = []
    for _, start, end in _parts(facts, role):
        new = swaps[text[start:end]]
        if text[end - 1] == "." and not new.endswith(".") and _ends_sentence(text, end):
            new += "."  # "тыс." closing a sentence also closed the sentence
        edits.append(Edit(start, end, new))
    return edits


def _ends_sentence(text: str, end: int) -> bool:
    return re.match(r"\s*(?:\n|\Z)|\s+[A-ZÄÖÜА-ЯЁ„“«\"]", text[end:]) is not None


def _day_edits(text: str, facts: list[Fact], rng: random.Random) -> list[Edit]:
    edits = []
    for _, start, end in _parts(facts, "day"):
        old = text[start:end]
        new = str(rng.choice([d for d in range(1, 29) if d != int(old)]))
        edits.append(Edit(start, end, new.zfill(2) if old.startswith("0") else new))
    return edits


def _month_edits(text: str, facts: list[Fact], lang: _Lang, rng: random.Random) -> list[Edit]:
    edits = []
    for fact in facts:
        months = [text[start:end] for _, start, end in _parts([fact], "month", "month2")]
        for _, start, end in _parts([fact], "month", "month2"):
            series = next(s for s in lang.months if text[start:end] in s)
            # Not the other end of a range: "January to June" -> "June to June" says nothing.
            edits.append(Edit(start, end, rng.choice([m for m in series if m not in months])))
    return edits


def _year_edits(text: str, facts: list[Fact], rng: random.Random) -> list[Edit]:
    edits = []
    for _, start, end in _parts(facts, "year", "year2"):
        new = int(text[start:end]) + rng.choice((-3, -2, -1, 1, 2, 3))
        edits.append(Edit(start, end, str(new)))
    return edits


def _dropped_edits(text: str, facts: list[Fact], lang: _Lang) -> list[Edit]:
    """An amount, percentage or date with the preposition before it, or a parenthesis holding
    one (and words): what is left still reads as a sentence."""
    edits = []
    droppable = [f for f in facts if f.kind in ("amount", "percent", "date")]
    # "As of 5 September" would leave "As, ..."; a capital preposition starts the sentence.
    preposition = re.compile(rf"(?<![Aa]s)\s(?:{lang.prepositions})\s+\Z")
    for fact in droppable:
        line_start = text.rfind("\n", 0, fact.start) + 1
        before = preposition.search(text, line_start, fact.start)
        # "… около $800–900 млн. Здесь …": the abbreviation's stop also ends the sentence.
        end = fact.end - (text[fact.end - 1] == "." and _ends_sentence(text, fact.end))
        if before:
            edits.append(Edit(before.start(), end, ""))
    for paren in re.finditer(r"\s\([^()\n]*\)", text):
        inside = [f for f in facts if paren.start() < f.start and f.end < paren.end()]
        if len(inside) == 1 and inside[0] in droppable:
            edits.append(Edit(paren.start(), paren.end(), ""))
    return edits


def _stray_edits(
    text: str, facts: list[Fact], lang: _Lang, gold: dict[str, Any] | None, rng: random.Random
) -> list[Edit]:
    """A made-up percentage right after a figure that closes a clause."""
    known = _gold_values(gold)
    values = [whole + tenth / 10 for whole in range(2, 10) for tenth in range(1, 10)]
    edits = []
    for fact in facts:
        closes = re.compile(r"[,.;:]|\n|\Z").match(text, fact.end)
        # Not after "12 тыс.": the stop of the abbreviation may also close the sentence.
        if (
            fact.kind not in ("amount", "quantity", "number")
            or not closes
            or text[fact.end - 1] == "."
        ):
            continue
        for value in rng.sample(values, len(values)):
            written = f"{value:.1f}".replace(".", lang.decimal)
            if value not in known and written not in text:
                edits.append(Edit(fact.end, fact.end, lang.stray.format(x=written)))
                break
    return edits


def _gold_values(gold: dict[str, Any] | None) -> set[float]:
    values: set[float] = set()
    for number in (gold or {}).get("numbers", []):
        value = number["value"]
        values.update(value if isinstance(value, list) else [value])
    for money in (gold or {}).get("money", []):
        values.update(money["amounts"])
    return values


def _merged_edits(text: str) -> list[Edit]:
    lines = text.split("\n")
    edits, offset = [], 0
    for line, following in itertools.pairwise(lines):
        offset += len(line)
        if line.strip() and following.strip():
            edits.append(Edit(offset, offset + 1, " "))
        offset += 1
    return edits


# -- names -------------------------------------------------------------------------------------


@cache
def _name_forms(glossary: Path, target: str, source: str | None) -> dict[str, str | None]:
    """Every glossary form of the target language, with its source spelling (None: no other).

    Russian case forms count; a person's first name and surname also count alone, each with
    the word of the same place in the source spelling ("Lukashenko" -> "Lukaschenko").
    """
    forms: dict[str, str | None] = {}

    def add(form: str, spelling: str | None) -> None:
        if form in forms and forms[form] != spelling:
            spelling = None  # two rows disagree: no single source spelling
        forms[form] = spelling if spelling != form else None

    with glossary.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        # A do-not-translate brand in source spelling is not wrong, so it gives no variant.
        spelling = None if row["dnt"] == "yes" or not source else row[source] or None
        cases = (
            [c.split("=", 1)[1] for c in row["ru_cases"].split("|") if c] if target == "ru" else []
        )
        for form in filter(None, [row[target], *cases]):
            add(form, spelling)
            words, source_words = form.split(), (spelling or "").split()
            if row["kind"] == "person" and len(words) > 1:
                same_shape = len(words) == len(source_words)
                for i, word in enumerate(words):
                    add(word, source_words[i] if same_shape else None)
    return forms


def _name_matches(text: str, forms: dict[str, str | None]) -> list[re.Match[str]]:
    if not forms:
        return []
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return list(re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text))


def _misspelt_edits(text: str, forms: dict[str, str | None], rng: random.Random) -> list[Edit]:
    edits = []
    for match in _name_matches(text, forms):
        words = list(re.finditer(r"\w{4,}", match[0]))
        if not words:
            continue
        word = rng.choice(words)
        new = _misspell(word[0], rng)
        if new not in forms:
            start = match.start() + word.start()
            edits.append(Edit(start, start + len(word[0]), new))
    return edits


def _misspell(word: str, rng: random.Random) -> str:
    """One letter after the first doubled, dropped, or swapped with the next."""
    i = rng.randrange(1, len(word) - 1)
    operation = rng.choice(("double", "drop", "swap"))
    if operation == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if operation == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _source_spelling_edits(text: str, forms: dict[str, str | None]) -> list[Edit]:
    return [
        Edit(match.start(), match.end(), spelling)
        for match in _name_matches(text, forms)
        if (spelling := forms[match[0]])
    ]


# -- self-check --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-kind", type=int, default=3)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    broken = 0
    for path in sorted((args.corpus / "translations").glob("*/*/*.txt")):
        locale, lang, key = path.parent.parent.name, path.parent.name, path.stem
        text = path.read_text(encoding="utf-8")
        gold = json.loads((args.corpus / "gold" / lang / f"{key}.json").read_text("utf-8"))
        rng = rng_for(args.seed, f"{locale}/{lang}/{key}")
        for variant in inject(text, locale, rng, gold=gold, per_kind=args.per_kind):
            counts[variant.kind] += 1
            problem = _broken(text, variant)
            broken += problem is not None
            if problem or args.verbose:
                where = f"{locale}/{lang}/{key}:{variant.line}"
                print(f"{variant.kind:<21} {where:<17} {problem or describe(variant)}")
    print("variants per kind: " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    print(f"{sum(counts.values())} variants, {broken} that change more than their one line")
    return 1 if broken else 0


def _broken(text: str, variant: Variant) -> str | None:
    """Why the variant is not the reference with its one line changed, or None."""
    old, new = text.split("\n"), variant.text.split("\n")
    at = variant.line - 1
    if variant.kind == "merged":
        expected = [*old[:at], " ".join(old[at : at + 2]), *old[at + 2 :]]
        return None if new == expected else "not the two lines joined"
    if len(old) != len(new) or old[at] == new[at] or old[at] != variant.original:
        return "line count, line or original differs"
    if old[:at] + old[at + 1 :] != new[:at] + new[at + 1 :]:
        return "another line changed"
    return None


def describe(variant: Variant) -> str:
    """The changed stretch of the variant's line, with some context."""
    return excerpt(variant.original.replace("\n", "¶"), variant.text.split("\n")[variant.line - 1])


def excerpt(old: str, new: str) -> str:
    """Where two lines differ, with some context: 'before' -> 'after'."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = max(0, head - 20)
    return f"{old[start : len(old) - tail + 12]!r} -> {new[start : len(new) - tail + 12]!r}"


if __name__ == "__main__":
    sys.exit(main())
