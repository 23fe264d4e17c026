"""Same-language targets: change only what the target locale writes differently.

A German article localised for de-CH, an en-GB one for en-US, goes through no engine: localise
writes the output itself, and it keeps the source's words, inflection and punctuation. Inside
each date, amount or number it changes only

* the digits' grouping and decimal mark ("16,3 Milliarden belarussischen Rubeln" → de-CH "16.3
  Milliarden belarussischen Rubeln"; "2.258.000" → "2'258'000"), keeping the decimals written;
* a month name the target spells otherwise (de-AT "Jänner");
* the order of day and month (en-GB "14 to 16 January" ↔ en-US "January 14 to 16"), with the
  comma American dates put before the year;
* the clock's hour cycle ("13:18" ↔ "1:18 PM").

Everything else — "Von Januar bis September 2022", "um 12.21 Uhr", "5,5 Prozent" — is the
source's.
"""

from __future__ import annotations

import re
from datetime import time
from decimal import InvalidOperation

from babel import Locale
from babel.dates import format_time, get_month_names

from ...doc import Span
from ..entities import DateValue, EntityRecogniser
from ..entities.lexicon import to_decimal
from .numerals import number_text

__all__ = ["minimal_edit"]

_MONTH_WORD = re.compile(r"[^\W\d_]+")
_CLOCK = re.compile(
    r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?P<sep>[.:])(?P<m>[0-5]\d)(?!\d)"
    r"(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?)(?!\w))?"
)


def minimal_edit(span: Span, source: EntityRecogniser, target: Locale) -> str:
    """The span's text with only what ``target`` writes differently changed (see above);
    ``source`` is the recogniser that read it (its separators tell its digits)."""
    text = span.text
    if span.kind in ("money", "number"):
        return _redigited(text, source, target)
    if span.kind != "date" or not isinstance(span.value, DateValue):
        return text
    text = _months(text, source.locale, target)
    if str(target.language) == "en" and str(source.locale.language) == "en":
        text = _order(text, source, month_first=_month_first(target))
    if span.value.time is not None:
        text = _clocks(text, target)
    return text


def _redigited(text: str, source: EntityRecogniser, target: Locale) -> str:
    def rewritten(match: re.Match[str]) -> str:
        token = match.group()
        if not any(c in token for c in (source.lexicon.decimal, *source.lexicon.groups)):
            return token  # "300" reads the same everywhere
        try:
            return number_text(to_decimal(token, source.lexicon), target)
        except InvalidOperation:
            return token

    return source.grammar.number.sub(rewritten, text)


def _months(text: str, source: Locale, target: Locale) -> str:
    """Month names the target spells otherwise (de-AT "Jänner"), form for form."""
    if source == target:
        return text
    forms: dict[str, str] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            theirs = get_month_names(width, context, locale=source)
            ours = get_month_names(width, context, locale=target)
            for number, name in theirs.items():
                if str(name) != str(ours[number]):
                    forms.setdefault(str(name), str(ours[number]))
    if not forms:
        return text
    return _MONTH_WORD.sub(lambda m: forms.get(m.group(), m.group()), text)


def _month_first(locale: Locale) -> bool:
    return bool(locale.date_formats["long"].pattern.lstrip("EGc, ").startswith(("M", "L")))


def _order(text: str, source: EntityRecogniser, *, month_first: bool) -> str:
    """Day and month in the target's order: "14 January 2025" ↔ "January 14, 2025"."""
    month = "|".join(sorted((re.escape(m) for m in source.lexicon.months), key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    joiner = r"(?:\s*[-–—]\s*|\s+to\s+)"
    if month_first:
        found = re.fullmatch(
            rf"(?P<d>{day})(?:(?P<j>{joiner})(?P<d2>{day}))?\s+(?P<m>{month})(?:\s+(?P<y>\d{{4}}))?(?P<rest>.*)",
            text,
            re.S,
        )
        if found is None:
            return text
        days = found["d"] + (found["j"] + found["d2"] if found["d2"] else "")
        year = f", {found['y']}" if found["y"] else ""
        return f"{found['m']} {days}{year}{found['rest']}"
    found = re.fullmatch(
        rf"(?P<m>{month})\s+(?P<d>{day})(?:(?P<j>{joiner})(?P<d2>{day}))?(?:,?\s+(?P<y>\d{{4}}))?(?P<rest>.*)",
        text,
        re.S,
    )
    if found is None:
        return text
    days = found["d"] + (found["j"] + found["d2"] if found["d2"] else "")
    year = f" {found['y']}" if found["y"] else ""
    return f"{days} {found['m']}{year}{found['rest']}"


def _clocks(text: str, target: Locale) -> str:
    """Clock times in the target's hour cycle; a time already in it stays as written."""
    twelve = "h" in str(target.time_formats["short"].pattern)

    def rewritten(match: re.Match[str]) -> str:
        hour, minute = int(match["h"]), int(match["m"])
        period = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if period == "pm" and hour < 12:
            hour += 12
        elif period == "am" and hour == 12:
            hour = 0
        if twelve == bool(period):
            return match.group()  # already in the target's cycle: the source's notation stays
        return format_time(time(hour, minute), "short", locale=target)

    return _CLOCK.sub(rewritten, text)
