"""Recognise dates, amounts of money and numbers in an article: the ``entities`` stage.

>>> from datetime import date
>>> from localise.doc import Doc
>>> doc = EntityRecogniser("de")(Doc("Am 14. Januar: $1,1 bis $1,2 Milliarden, 5,5 %.",
...                                  article_date=date(2025, 1, 20)))
>>> [(s.kind, s.text) for s in doc.spans]
[('date', '14. Januar'), ('money', '$1,1 bis $1,2 Milliarden'), ('number', '5,5 %')]
>>> doc.spans[1].to_json()["amounts"]
[1100000000, 1200000000]

Source forms recognised (words from CLDR, see :mod:`.lexicon`, and the supplement in
:mod:`.extras`):

* dates (:mod:`.dates`): "14. Januar 2025", "14 Januar 2025", "14.01.2025", "2025-01-14",
  "January 14, 2025", "14 января 2025 г.", with a weekday ("Mittwoch, 15 Januar 2025"), with a
  time ("14 Januar 2025, 13:18", "21.10.2019 | 16:54", "17:59, 24 Май 2011"), day and month
  ("14. Januar"), month and year ("September 2024"), years ("2021", "im Jahr 2021", "2020
  года", "2020-го"), ranges of days, months and years ("22.-23. Januar", "vom 14. bis 16.
  Januar", "Januar bis Juni", "январь - июнь 2021 года", "2016-2018"), clock times ("um
  12.21", "13.18 Uhr");
* money (:mod:`.money`): symbol or ISO code before or after, currency names with their
  inflections, ranges with the symbol or scale word once or twice;
* numbers (:mod:`.numbers`): separators, percentages, scale words, multipliers.

Approximation words ("ca.", "rund", "около") stay outside the spans. A preposition is inside a
span where the language's convention puts it ("im Jahr 2021", "vom 14. bis 16. Januar", "от 1
до 2 млрд рублей", but "от" + "5 млрд рублей" and en "in" + "2021"), and the value records it
(``preposition``) for the renderer. Values are frozen dataclasses (:mod:`.values`) whose
``==`` means "the same fact".
"""

# Cyrillic words here are data, not look-alike typos.

from .extras import SUPPORTED_LANGUAGES
from .recognise import EntityRecogniser, recogniser
from .values import DateValue, MoneyValue, NumberValue

__all__ = [
    "SUPPORTED_LANGUAGES",
    "DateValue",
    "EntityRecogniser",
    "MoneyValue",
    "NumberValue",
    "recogniser",
]
