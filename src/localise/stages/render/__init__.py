"""Write recognised dates, amounts and numbers the way the target locale writes them.

>>> from localise.doc import Doc
>>> from localise.stages.entities import EntityRecogniser
>>> from datetime import date
>>> doc = EntityRecogniser("de")(Doc("Am 14. Januar: $1,1 bis $1,2 Milliarden, 1 Milliarde USD.",
...                                  lang="de", article_date=date(2025, 1, 20)))
>>> [s.rendering for s in EntityRenderer("en-US")(doc).spans]
['January 14', '$1.1–1.2 billion', '$1 billion']
>>> [s.rendering for s in EntityRenderer("en-GB")(doc).spans]
['14 January', '$1.1–1.2 billion', '$1 billion']

News style, composed from CLDR pieces for any locale (all through Babel, ``locale=`` always),
in the default style (:data:`localise.config.DEFAULT_RULES`; a house style changes what a desk
decides, see :class:`localise.config.StyleRules`):

==========  ===========================  ==========================  ==========================
value       en-US (en-GB)                de-DE (de-CH)               ru-RU
==========  ===========================  ==========================  ==========================
day, month  January 14 (14 January)      14. Januar                  14 января
full date   January 14, 2025             14. Januar 2025             14 января 2025 года
weekday     Wednesday, January 15, 2025  Mittwoch, 15. Januar 2025   среда, 15 января 2025 года
date+time   January 14, 2025, 1:18 PM    14. Januar 2025, 13:18      14 января 2025 года, 13:18
            (14 January 2025, 13:18)
clock time  at 12:21 PM (at 12:21)       um 12:21 Uhr                в 12:21
month       January 2025                 Januar 2025                 январь 2025 года
                                                                 (в январе 2025 года)
year        2021                         2021                        2021
"im Jahr"   in 2021                      im Jahr 2021                в 2021 году
day range   January 14 – 16 (14 – 16     14.–16. Januar              14—16 января
            January)
"vom ..."   from January 14 to 16 (from  vom 14. bis 16. Januar      с 14 по 16 января
            14 to 16 January)
month rng.  January – June 2025          Januar–Juni 2025            январь — июнь 2025 года
 + prep.    from January to June 2025    von Januar bis Juni 2025    с января по июнь 2025 года
year range  2016 – 2018                  2016–2018                   2016—2018
money       $1.1 billion; 4.7 billion    1,1 Milliarden US-Dollar    1,1 млрд долларов США
            Belarusian rubles (roubles)
money rng.  $1.1–1.2 billion             1,1–1,2 Milliarden          1,1–1,2 млрд долларов США
                                         US-Dollar
"от ... до" from $1.1 to $1.2 billion;   von 1 bis 2 Milliarden      от 1 до 2 млрд белорусских
            from 1 to 2 billion          belarussischen Rubel        рублей
            Belarusian rubles
small sum   $1,442.7; 1,442.7            1.442,7 belarussische       1 442,7 белорусского
            Belarusian rubles            Rubel                       рубля
percent     5.5%                         5,5 % (de-CH 5.5%)          5,5%
scaled      7.9 million                  7,9 Millionen               7,9 млн
grouped     2,258,000                    2.258.000 (de-CH 140'268)   2 258 000
multiplier  4.4-fold                     4,4-fache                   в 4,4 раза
time range  8:30–17:30 (8:30 AM – 5:30   08:30–17:30 Uhr             08:30–17:30
            PM)
==========  ===========================  ==========================  ==========================

* Dates use the locale's long format, its ``MMMMd``/``yMMMM`` skeletons and its interval
  formats (widened to full month names); a date keeps its year only when the source wrote one.
  A year mention keeps the source text when the source and target language are the same
  ("im Jahr 2021" stays in de-CH).
* Prepositions: a value whose source span opened with one ("im Jahr 2024", "vom 14. bis 16.
  Januar", "от 1 до 2 млрд рублей") is written with the target language's phrase from the
  ``phrases`` of :mod:`~localise.stages.entities.extras` (CLDR has none), so MT never
  sees a year or range stripped of its preposition. A range's two halves are CLDR's interval
  halves without the dash; the first month after Russian "с" takes CLDR's format (genitive)
  form. The phrase is capitalised when the source span was ("Im Jahr 2018" -> "In 2018").
* Money: where the locale's currency pattern puts the symbol first (en) and the style or the
  locale has a symbol for the currency, symbol + number + scale word ("$1.1 billion");
  otherwise number + scale word + currency name in the plural form CLDR's plural rules give
  for the amount ("1,1 Milliarden US-Dollar", "1,1 млрд долларов США", "4.7 billion Belarusian
  rubles"). Scale words are CLDR's long compact forms, Russian's short ones ("млн", "млрд",
  "тыс.": Russian news style). Digits after the decimal separator are kept as the source wrote
  them ("1,20" → "1.20"). Pre-2016 Belarusian roubles (BYR) take the current rouble's name:
  CLDR's "Belarusian Ruble (2000–2016)" is a label, not prose.
* Currency names are CLDR's unless the ``currency_names`` of
  :mod:`~localise.stages.entities.extras` has a house-style name for the language, chosen
  by the same plural rules (``Locale.plural_form``): German writes the adjective in lower
  case mid-sentence, "belarussische Rubel" and "russische Rubel" (CLDR: "Weißrussische
  Rubel", "Russische Rubel"), dative after "von ... bis". en and ru need no override.
* en-GB writes "$1.1 billion" by default, as Reuters and AP do: CLDR's standard USD symbol
  for en_001, from which en_GB inherits, is "US$"; a style with ``symbols = {USD = "US$"}``
  writes that.
* Ranges write the unit once when both ends share it ("$1.1–1.2 billion"), joined by an en
  dash (CLDR's number range pattern ``{0}–{1}``, which Babel does not ship); otherwise both
  ends in full, joined by " – ".
"""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, localcontext

from babel import Locale

from ...config import Style, StyleRules
from ...doc import Doc
from ...locales import parse_locale
from ..entities import DateValue, MoneyValue, NumberValue
from ..entities.extras import extras_for
from .dates import DateWriter
from .money import AmountWriter
from .numerals import number_text, percent_text

__all__ = ["EntityRenderer", "number_text", "percent_text"]


class EntityRenderer:
    """The stage that sets ``rendering`` on date, money and number spans, for one target
    locale in a house style."""

    def __init__(self, locale: str, style: Style | StyleRules | None = None) -> None:
        self.locale: Locale = parse_locale(locale)
        self.lang = str(self.locale.language)
        style = style if style is not None else Style()
        rules = style.for_language(self.lang) if isinstance(style, Style) else style
        self.style: StyleRules = rules
        extra = extras_for(self.lang)
        self.dates = DateWriter(self.locale, extra, rules)
        self.amounts = AmountWriter(self.locale, extra, rules)

    def __repr__(self) -> str:
        return f"EntityRenderer({self.locale!s})"

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for span in doc.spans:
            if span.kind not in ("date", "money", "number"):
                spans.append(span)  # names and markup carry their own renderings
                continue
            rendering = self.render(span.value, source_text=span.text, source_lang=doc.lang)
            spans.append(replace(span, rendering=rendering))
        return doc.replace(spans=tuple(spans))

    def render(
        self, value: object, *, source_text: str = "", source_lang: str | None = None
    ) -> str:
        """The target-locale form of a DateValue, MoneyValue or NumberValue.

        A value whose source span opened with a preposition ("Im Jahr 2018") is written with
        the target's phrase, capitalised like the source ("In 2018"). Figures are written
        exactly, however many digits they have.
        """
        figures = value.amounts if isinstance(value, MoneyValue) else ()
        figures = value.values if isinstance(value, NumberValue) else figures
        with localcontext() as context:
            # Decimal's default 28 digits would round a longer figure (a / scale).
            context.prec = max([context.prec, *(len(f.as_tuple().digits) + 2 for f in figures)])
            return self._render(value, source_text, source_lang)

    def _render(self, value: object, source_text: str, source_lang: str | None) -> str:
        if isinstance(value, DateValue):
            if value.month is None and source_lang == self.lang and source_text:
                return source_text  # a year reads the same; keep "im Jahr 2021", "2021 года"
            text = self.dates.render(value)
        elif isinstance(value, MoneyValue):
            text = self.amounts.money(value)
        elif isinstance(value, NumberValue):
            return self.amounts.figure(value)
        else:
            raise TypeError(
                f"cannot render {type(value).__name__}; expected a date, money or number"
            )
        if value.preposition and source_text[:1].isupper():
            return text[:1].upper() + text[1:]
        return text

    def in_context(self, value: object, rendering: str, before: str) -> str:
        """The rendering as it reads after ``before`` in running text (the case a Russian
        preposition asks for: "в январе 2019 года")."""
        if isinstance(value, DateValue):
            return self.dates.in_context(value, rendering, before)
        return rendering

    def month_like(self, word: str, month: int) -> str | None:
        """``month``'s name in the form of the month name ``word``, or None."""
        return self.dates.month_like(word, month)

    def currency(self, code: str, *, symbolic: bool, count: Decimal) -> str | None:
        """How localise writes a currency: its symbol (None when it has none), or its name in
        the plural form for ``count``."""
        if symbolic:
            return self.amounts.symbol(code)
        return self.amounts.currency_name(code, count)

    def scale_word(self, scale: int, number: Decimal, *, like: str = "") -> str:
        """The scale word for 10**k and the number, as wide as ``like`` when given."""
        return self.amounts.scale_word(scale, number, like=like)
