"""Money and number shapes of issue 11: implied currencies, ticker decimals, amounts in words,
compound scale forms, signs, minor units (kopecks, cents), multipliers before a comparison;
their renderings read back, and a correct translation of each kept by the fact checker."""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from localise.doc import Doc, Span
from localise.stages.entities import EntityRecogniser, MoneyValue, NumberValue
from localise.stages.glossary import bundled_glossaries
from localise.stages.render import EntityRenderer
from support import make_pipeline

ARTICLE = date(2025, 3, 10)
LOCALES = ("en-US", "en-GB", "de-DE", "de-CH", "ru-RU")


@pytest.fixture(scope="module")
def recognisers() -> dict[str, EntityRecogniser]:
    return {lang: EntityRecogniser(lang) for lang in ("de", "en", "ru", *LOCALES)}


@pytest.fixture(scope="module")
def renderers() -> dict[str, EntityRenderer]:
    return {locale: EntityRenderer(locale) for locale in LOCALES}


def facts(recognisers: dict[str, EntityRecogniser], lang: str, text: str) -> list[Span]:
    doc = recognisers[lang](Doc(text, lang=lang, article_date=ARTICLE))
    return [s for s in doc.spans if s.kind in ("money", "number")]


def shown(span: Span) -> tuple[Any, ...]:
    """A span as the gold files have it: text, kind, value(s), currency, implied."""
    data = span.to_json()
    if span.kind == "money":
        return (span.text, data["amounts"], data["currency"], data.get("currency_implied", False))
    return (span.text, data["value"], data["kind"])


# -- 1. money whose currency an earlier amount implies --------------------------------------

IMPLIED = [
    ("de", "Der Umsatz sank von $1,2 Mrd. auf 833 Millionen.",
     [("$1,2 Mrd.", [1_200_000_000], "USD", False),
      ("833 Millionen", [833_000_000], "USD", True)]),
    ("de", "Die Ausfuhr fiel von 4 Mrd. Euro auf 3,1 Milliarden im Jahr 2024.",
     [("4 Mrd. Euro", [4_000_000_000], "EUR", False),
      ("3,1 Milliarden", [3_100_000_000], "EUR", True)]),
    ("en", "Revenue fell from $1.2 billion to 833 million.",
     [("$1.2 billion", [1_200_000_000], "USD", False),
      ("833 million", [833_000_000], "USD", True)]),
    ("en", "Exports reached $4.5 billion, imports 3.9 billion last year.",
     [("$4.5 billion", [4_500_000_000], "USD", False),
      ("3.9 billion", [3_900_000_000], "USD", True)]),
    ("ru", "Выручка снизилась с $1,2 млрд до 833 млн за год.",
     [("$1,2 млрд", [1_200_000_000], "USD", False),
      ("833 млн", [833_000_000], "USD", True)]),
    ("ru", "Экспорт составил $1,2 млрд, что на 63,3 млн больше, чем годом ранее.",
     [("$1,2 млрд", [1_200_000_000], "USD", False),
      ("63,3 млн", [63_300_000], "USD", True)]),
    # A comparison carries the currency into a later sentence of the paragraph.
    ("de", "Der Export betrug 2024 $1,2 Mrd. Das sind 63,3 Mio. mehr als im Vorjahr.",
     [("$1,2 Mrd.", [1_200_000_000], "USD", False),
      ("63,3 Mio.", [63_300_000], "USD", True)]),
    ("ru", "Инвестиции составили 2,4 млрд рублей, что на 1,5 больше плана.",
     [("2,4 млрд рублей", [2_400_000_000], "RUB", False),
      ("1,5", [Decimal("1.5")], "RUB", True)]),
]  # fmt: skip

NOT_IMPLIED = [
    # A unit attached: a word that may be one (en, ru), a German noun or CLDR unit.
    ("de", "Der Export brachte $1,2 Mrd., geerntet wurden 2 Mio. Tonnen.", "2 Mio."),
    ("de", "Der Export brachte $1,2 Mrd. bei 2 Mio. t Getreide.", "2 Mio."),
    ("en", "Sales hit $1.2 billion and 9.2 million people bought one.", "9.2 million"),
    ("ru", "Экспорт принес $1,2 млрд, собрано 2 млн тонн зерна.", "2 млн"),
    # Another sentence, and no comparison: the subject may have changed.
    ("de", "Der Export betrug $1,2 Mrd. Die Bevölkerung wuchs auf 9,2 Millionen.", "9,2 Millionen"),
    # The nearest quantity before it is a percentage, not an amount.
    ("de", "Der Export stieg auf $1,2 Mrd. und um 5 %, die Zahl auf 833 Millionen.",
     "833 Millionen"),
    # Another paragraph.
    ("en", "Sales hit $1.2 billion.\n\nThe city has 2.1 million.", "2.1 million"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), IMPLIED)
def test_an_earlier_amount_implies_the_currency(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, expected: list[Any]
) -> None:
    assert [shown(s) for s in facts(recognisers, lang, text)] == expected


@pytest.mark.parametrize(("lang", "text", "figure"), NOT_IMPLIED)
def test_a_figure_of_another_kind_stays_a_number(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, figure: str
) -> None:
    found = {s.text: s.kind for s in facts(recognisers, lang, text)}
    assert found[figure] == "number"


def test_an_implied_currency_is_flagged_in_the_report(
    recognisers: dict[str, EntityRecogniser],
) -> None:
    text = "Der Umsatz sank von $1,2 Mrd. auf 833 Millionen."
    implied = facts(recognisers, "de", text)[1]
    assert implied.to_json() == {
        "text": "833 Millionen",
        "start": 34,
        "end": 47,
        "amounts": [833_000_000],
        "currency": "USD",
        "range": False,
        "currency_implied": True,
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A range is written low to high: two ends that descend are two amounts.
        ("en", "It fell from $1.2 billion to $833 million.",
         [("$1.2 billion", [1_200_000_000], "USD", False),
          ("$833 million", [833_000_000], "USD", False)]),
        ("en", "It was $1.1 billion to $1.2 billion.",
         [("$1.1 billion to $1.2 billion", [1_100_000_000, 1_200_000_000], "USD", False)]),
    ],
)  # fmt: skip
def test_a_range_ascends(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, expected: list[Any]
) -> None:
    assert [shown(s) for s in facts(recognisers, lang, text)] == expected


# -- 2. ticker decimals, amounts in words, compound scale forms, a stray full stop -----------

MONEY = [
    ("ru", "Курс составил 3.25 BYN за доллар.", "3.25 BYN", [3.25], "BYN"),
    ("ru", "курс 2.5 USD, как и вчера", "2.5 USD", [2.5], "USD"),
    ("ru", "по курсу USD 2.4975 на торгах", "USD 2.4975", [2.4975], "USD"),
    ("de", "Der Kurs lag bei 3.25 BYN.", "3.25 BYN", [3.25], "BYN"),
    # Three digits after the dot are a German thousands group.
    ("de", "Es kostet 3.250 BYN.", "3.250 BYN", [3250], "BYN"),
    ("en", "It cost half a billion dollars.", "half a billion dollars", [500_000_000], "USD"),
    ("en", "a fund of one and a half billion dollars", "one and a half billion dollars",
     [1_500_000_000], "USD"),
    ("en", "They paid a billion dollars for it.", "a billion dollars", [1_000_000_000], "USD"),
    ("de", "Es kostet eine halbe Milliarde Euro.", "eine halbe Milliarde Euro", [500_000_000],
     "EUR"),
    ("de", "mit einer halben Milliarde Dollar", "einer halben Milliarde Dollar", [500_000_000],
     "USD"),
    ("de", "rund anderthalb Millionen Dollar", "anderthalb Millionen Dollar", [1_500_000],
     "USD"),
    ("ru", "Это стоило полмиллиарда рублей.", "полмиллиарда рублей", [500_000_000], "RUB"),
    ("ru", "почти полтора миллиарда долларов", "полтора миллиарда долларов",
     [1_500_000_000], "USD"),
    ("ru", "около полутора", None, [], ""),
    ("en", "a $2-billion deal", "$2-billion", [2_000_000_000], "USD"),
    ("de", "ein 2-Milliarden-Dollar-Deal", "2-Milliarden-Dollar", [2_000_000_000], "USD"),
    ("de", "ein 5-Mrd.-Euro-Programm", "5-Mrd.-Euro", [5_000_000_000], "EUR"),
    # A source typo: one amount, not an amount and a stray number.
    ("de", "Das kostete $3,5. Milliarden im Jahr.", "$3,5. Milliarden", [3_500_000_000], "USD"),
    # Per-unit and per-capita amounts: the amount; the unit stays text.
    ("en", "Wheat sold at $450 per tonne.", "$450", [450], "USD"),
    ("de", "Weizen kostet 450 Dollar pro Tonne.", "450 Dollar", [450], "USD"),
    ("ru", "Пшеница стоит 450 долларов за тонну.", "450 долларов", [450], "USD"),
    ("en", "GDP reached $7,000 per capita.", "$7,000", [7000], "USD"),
    ("de", "7.000 Dollar pro Kopf", "7.000 Dollar", [7000], "USD"),
    ("ru", "7 000 долларов на душу населения", "7 000 долларов", [7000], "USD"),
    # Signed amounts: the sign is in the value.
    ("en", "The loss was -$5 million.", "-$5 million", [-5_000_000], "USD"),
    ("de", "Saldo: −5 Mio. Euro", "−5 Mio. Euro", [-5_000_000], "EUR"),
    ("ru", "сальдо минус 2,5 млрд долларов", "минус 2,5 млрд долларов", [-2_500_000_000],
     "USD"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "amounts", "currency"), MONEY)
def test_money_shapes(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str | None,
    amounts: list[float],
    currency: str,
) -> None:
    money = [s for s in facts(recognisers, lang, text) if s.kind == "money"]
    if surface is None:
        assert money == []
        return
    assert [shown(s) for s in money] == [(surface, amounts, currency, False)]


NUMBERS = [
    ("de", "Es kamen anderthalb Millionen Touristen.", "anderthalb Millionen", 1_500_000,
     "scaled"),
    ("en", "half a million people came", "half a million", 500_000, "scaled"),
    ("ru", "полмиллиона туристов", "полмиллиона", 500_000, "scaled"),
    ("de", "Es wurden 2-Mrd. t geerntet.", "2-Mrd.", 2_000_000_000, "scaled"),
    ("en", "a 2-million-tonne harvest", "2-million", 2_000_000, "scaled"),
    ("ru", "2-млрд контракт", "2-млрд", 2_000_000_000, "scaled"),
    # Signs: hyphen-minus, the minus sign, words, a plus.
    ("de", "Das BIP sank um -2,1 % im Jahr.", "-2,1 %", -2.1, "percent"),
    ("en", "GDP changed −2.1% in May.", "−2.1%", -2.1, "percent"),
    ("de", "Das Wachstum lag bei minus 3 Prozent.", "minus 3 Prozent", -3, "percent"),
    ("ru", "Рост составил минус 3%.", "минус 3%", -3, "percent"),
    ("de", "Der Index lag bei +5 %.", "+5 %", 5, "percent"),
    ("en", "The balance was (-1,234.5) points.", "-1,234.5", -1234.5, "decimal"),
    ("ru", "Сальдо: -2,5 млн.", "-2,5 млн.", -2_500_000, "scaled"),
    # Multipliers in digits before a comparison.
    ("de", "Der Export war 3 Mal mehr als 2020.", "3 Mal", 3, "multiplier"),
    ("de", "Es war 2,5 mal so viel.", "2,5 mal", 2.5, "multiplier"),
    ("en", "Exports were 3 times as much.", "3 times", 3, "multiplier"),
    ("en", "It is 2.5 times higher than in 2020.", "2.5 times", 2.5, "multiplier"),
    ("ru", "Экспорт был в 3 раза больше.", "в 3 раза", 3, "multiplier"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "value", "kind"), NUMBERS)
def test_number_shapes(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str,
    value: float,
    kind: str,
) -> None:
    assert [shown(s) for s in facts(recognisers, lang, text)] == [(surface, value, kind)]


def test_a_plus_sign_is_recorded_and_not_part_of_the_fact(
    recognisers: dict[str, EntityRecogniser],
) -> None:
    [plus] = facts(recognisers, "de", "Der Index lag bei +5,5 %.")
    assert isinstance(plus.value, NumberValue) and plus.value.plus_sign
    assert plus.value == NumberValue((Decimal("5.5"),), "percent")


# What the gold files do not count as figures: multipliers and fractions in words, a slash
# fraction, a count of times without a comparison; and hyphens that are no minus.
NOT_FIGURES = [
    ("de", "Das ist dreimal so viel, ein Drittel davon, 1/3 davon."),
    ("en", "Exports tripled, three times as much, two-thirds of it, 3 times a week."),
    ("ru", "Экспорт вырос втрое, в три раза, на треть."),
    ("en", "a million people and one million more"),
    ("de", "Minsk -3°C, Covid-19, eine Million Menschen"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_FIGURES)
def test_what_the_gold_does_not_count_is_no_figure(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str
) -> None:
    assert facts(recognisers, lang, text) == []


def test_a_hyphen_between_figures_is_no_minus(recognisers: dict[str, EntityRecogniser]) -> None:
    found = facts(recognisers, "de", "Die Werte 1.234-5.678 Tonnen")
    assert [shown(s) for s in found] == [("1.234", 1234, "thousands"), ("5.678", 5678, "thousands")]


# -- 3. minor units: kopecks and cents ------------------------------------------------------

MINOR = [
    # A kopeck is a hundredth of whichever rouble the text's bare "рублей" means.
    ("ru", "В Минске проезд стоит 90 копеек.", [("90 копеек", [0.9], "BYN", [True])]),
    ("ru", "Рубль подешевел на 35 копеек.", [("35 копеек", [0.35], "RUB", [True])]),
    ("ru", "Цена выросла до 91 рубля 20 копеек.", [("91 рубля 20 копеек", [91.2], "RUB", None)]),
    ("ru", "В Минске выпустят монеты от 1 копейки до 2 рублей.",
     [("от 1 копейки до 2 рублей", [0.01, 2], "BYN", [True, False])]),
    ("en", "In Minsk a ride costs 90 kopecks.", [("90 kopecks", [0.9], "BYN", [True])]),
    ("en", "The rouble lost 3 kopeks.", [("3 kopeks", [0.03], "RUB", [True])]),
    ("de", "In Minsk kostet die Fahrt 65 Kopeken.", [("65 Kopeken", [0.65], "BYN", [True])]),
    # Cents: a dollar's in English and Russian, a euro's in German, unless named.
    ("en", "Brent rose 45 cents to $80.10 a barrel.",
     [("45 cents", [0.45], "USD", [True]), ("$80.10", [80.1], "USD", None)]),
    ("en", "Shares gained 2 euro cents.", [("2 euro cents", [0.02], "EUR", [True])]),
    ("de", "Benzin wurde 3 Cent teurer.", [("3 Cent", [0.03], "EUR", [True])]),
    ("de", "Der Preis stieg um 5 US-Cent.", [("5 US-Cent", [0.05], "USD", [True])]),
    ("ru", "Нефть подорожала на 40 центов.", [("40 центов", [0.4], "USD", [True])]),
    # A word that only starts like one is none; nor are "half a million cents" news.
    ("en", "Sales rose at 5 centres.", []),
    ("ru", "Открыто 5 копейщиков.", []),
]  # fmt: skip


def _minor(span: Span) -> tuple[Any, ...]:
    data = span.to_json()
    return (span.text, data["amounts"], data["currency"], data.get("minor_unit"))


@pytest.mark.parametrize(("lang", "text", "expected"), MINOR)
def test_minor_units(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, expected: list[Any]
) -> None:
    money = [s for s in facts(recognisers, lang, text) if s.kind == "money"]
    assert [_minor(s) for s in money] == expected


def test_kopecks_before_the_redenomination_are_new_roubles(
    recognisers: dict[str, EntityRecogniser],
) -> None:
    # Belarus's old rouble (BYR, to July 2016) had no kopecks (CLDR: no decimals): kopecks in
    # an article of June 2016 are the new rouble's, and so is an amount they complete; the
    # text may also say which ("in new money").
    text = (
        "МИНСК, 27 июня /БЕЛТА/ – Проезд за Br6500 будет стоить 65 копеек, хлеб 1 рубль 20 "
        "копеек, а 10 000 рублей в старых деньгах станут 1 рублём."
    )
    doc = recognisers["ru"](Doc(text, lang="ru", article_date=date(2016, 6, 27)))
    money = [_minor(s) for s in doc.spans if s.kind == "money"]
    assert money == [
        ("Br6500", [6500], "BYR", None),
        ("65 копеек", [0.65], "BYN", [True]),
        ("1 рубль 20 копеек", [1.2], "BYN", None),
        ("10 000 рублей", [10000], "BYR", None),
        ("1 рублём", [1], "BYR", None),
    ]
    english = "This means that Br10,000 in old money will be equal to Br1 in new money."
    doc = recognisers["en"](Doc(english, lang="en", article_date=date(2016, 5, 5)))
    assert [_minor(s) for s in doc.spans if s.kind == "money"] == [
        ("Br10,000", [10000], "BYR", None),
        ("Br1", [1], "BYN", None),
    ]


# -- 5. renderings read back in every locale ------------------------------------------------

PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
magnitudes = st.decimals(min_value=Decimal("0.1"), max_value=Decimal(999), places=1)


def _read_back(recogniser: EntityRecogniser, text: str) -> Span:
    doc = recogniser(Doc(f"« {text} »", article_date=ARTICLE))
    assert len(doc.spans) == 1, (text, doc.spans)
    assert doc.spans[0].text == text
    return doc.spans[0]


@PROPERTY
@given(
    locale=st.sampled_from(LOCALES),
    number=magnitudes,
    sign=st.sampled_from(["-", "+"]),
    kind=st.sampled_from(["percent", "scaled", "decimal", "thousands"]),
    scale=st.sampled_from([10**3, 10**6, 10**9]),
)
def test_signed_numbers_round_trip(
    recognisers: dict[str, EntityRecogniser],
    renderers: dict[str, EntityRenderer],
    locale: str,
    number: Decimal,
    sign: str,
    kind: str,
    scale: int,
) -> None:
    plus = sign == "+"
    signed = number if plus else -number
    if kind == "percent":
        value = NumberValue((signed,), "percent", kind="percent", plus_sign=plus)
    elif kind == "scaled":
        value = NumberValue((signed * scale,), kind="scaled", scale=scale, plus_sign=plus)
    elif kind == "decimal":
        value = NumberValue((signed * 1000 + Decimal("0.5"),), kind="decimal", plus_sign=plus)
    else:
        value = NumberValue((signed * 10000,), kind="thousands", plus_sign=plus)
    text = renderers[locale].render(value)
    found = _read_back(recognisers[locale], text).value
    assert found == value
    assert isinstance(found, NumberValue) and found.plus_sign is plus


@PROPERTY
@given(
    locale=st.sampled_from(LOCALES),
    amount=magnitudes,
    sign=st.sampled_from(["-", "+"]),
    scale=st.sampled_from([1, 10**6, 10**9]),
    currency=st.sampled_from(["USD", "EUR", "BYN", "RUB"]),
)
def test_signed_money_round_trips(
    recognisers: dict[str, EntityRecogniser],
    renderers: dict[str, EntityRenderer],
    locale: str,
    amount: Decimal,
    sign: str,
    scale: int,
    currency: str,
) -> None:
    plus = sign == "+"
    signed = amount if plus else -amount
    value = MoneyValue((signed * scale,), currency, scale=scale, plus_sign=plus)
    text = renderers[locale].render(value)
    found = _read_back(recognisers[locale], text).value
    assert found == value
    assert isinstance(found, MoneyValue) and found.plus_sign is plus


#: A clause that joins an amount and a later one about the same money, per language.
AFTER = {"en": "{0}, after {1}, was reported", "de": "{0}, nach {1}, hieß es",
         "ru": "{0}, после {1}, сообщили"}  # fmt: skip


@PROPERTY
@given(
    locale=st.sampled_from(LOCALES),
    first=magnitudes,
    second=magnitudes,
    scale=st.sampled_from([10**3, 10**6, 10**9]),
    currency=st.sampled_from(["USD", "EUR", "BYN", "RUB"]),
)
def test_implied_money_round_trips(
    recognisers: dict[str, EntityRecogniser],
    renderers: dict[str, EntityRenderer],
    locale: str,
    first: Decimal,
    second: Decimal,
    scale: int,
    currency: str,
) -> None:
    """An implied amount renders without its currency and reads back, after the amount that
    names it, as the same amount of that currency, flagged implied."""
    named = MoneyValue((first * scale,), currency, scale=scale)
    implied = MoneyValue((second * scale,), currency, currency_implied=True, scale=scale)
    render = renderers[locale].render
    text = AFTER[locale[:2]].format(render(named), render(implied))
    doc = recognisers[locale](Doc(text, article_date=ARTICLE))
    values = [s.value for s in doc.spans]
    assert values == [named, implied], text
    assert isinstance(values[1], MoneyValue) and values[1].currency_implied
    assert doc.spans[1].text == render(implied)


@PROPERTY
@given(
    locale=st.sampled_from(LOCALES),
    hundredths=st.integers(1, 99),
    currency=st.sampled_from(["USD", "EUR", "RUB"]),
)
def test_minor_units_round_trip(
    recognisers: dict[str, EntityRecogniser],
    renderers: dict[str, EntityRenderer],
    locale: str,
    hundredths: int,
    currency: str,
) -> None:
    value = MoneyValue((Decimal(hundredths).scaleb(-2),), currency, minor=(True,))
    found = _read_back(recognisers[locale], renderers[locale].render(value)).value
    assert found == value
    assert isinstance(found, MoneyValue) and found.minor == (True,)


@pytest.mark.parametrize(
    ("value", "locale", "expected"),
    [
        (MoneyValue((Decimal(-5_000_000),), "USD", scale=10**6), "en-US", "-$5 million"),
        (MoneyValue((Decimal(-5_000_000),), "USD", scale=10**6), "de-DE",
         "-5 Millionen US-Dollar"),
        (MoneyValue((Decimal(833_000_000),), "USD", currency_implied=True, scale=10**6), "en-GB",
         "833 million"),
        (MoneyValue((Decimal(833_000_000),), "USD", currency_implied=True, scale=10**6), "ru-RU",
         "833 млн"),
        (MoneyValue((Decimal("3.25"),), "BYN"), "ru-RU", "3,25 белорусского рубля"),
        (NumberValue((Decimal("-2.1"),), "percent", kind="percent"), "de-DE", "-2,1\u00a0%"),
        (NumberValue((Decimal("-2.1"),), "percent", kind="percent"), "de-CH", "-2.1%"),
        (NumberValue((Decimal(5),), "percent", kind="percent", plus_sign=True), "en-US", "+5%"),
        (NumberValue((Decimal(1_500_000),), kind="scaled", scale=10**6), "en-GB",
         "1.5 million"),
        # Hundredths in the locale's word for them, in CLDR's plural form.
        (MoneyValue((Decimal("0.65"),), "BYN", minor=(True,)), "en-GB", "65 kopecks"),
        (MoneyValue((Decimal("0.01"),), "RUB", minor=(True,)), "en-US", "1 kopeck"),
        (MoneyValue((Decimal("0.65"),), "BYN", minor=(True,)), "de-DE", "65 Kopeken"),
        (MoneyValue((Decimal("0.21"),), "RUB", minor=(True,)), "ru-RU", "21 копейка"),
        (MoneyValue((Decimal("0.03"),), "RUB", minor=(True,)), "ru-RU", "3 копейки"),
        (MoneyValue((Decimal("0.65"),), "RUB", minor=(True,)), "ru-RU", "65 копеек"),
        (MoneyValue((Decimal("0.45"),), "USD", minor=(True,)), "de-DE", "45 US-Cent"),
        (MoneyValue((Decimal("0.03"),), "EUR", minor=(True,)), "en-GB", "3 euro cents"),
        (MoneyValue((Decimal("0.03"),), "EUR", minor=(True,)), "de-CH", "3 Cent"),
        (MoneyValue((Decimal("0.4"),), "USD", minor=(True,)), "ru-RU", "40 центов"),
        # A currency without a word for its hundredths: the main unit.
        (MoneyValue((Decimal("0.65"),), "GBP", minor=(True,)), "en-GB", "£0.65"),
        # A range in two units, in the main one; Russian's genitive after "до".
        (MoneyValue((Decimal("0.01"), Decimal(2)), "BYN", minor=(True, False), preposition=True),
         "ru-RU", "от 0,01 до 2 белорусских рублей"),
        (MoneyValue((Decimal(1), Decimal(2)), "RUB", preposition=True), "ru-RU",
         "от 1 до 2 российских рублей"),
        (MoneyValue((Decimal(1), Decimal(21)), "RUB", preposition=True), "ru-RU",
         "от 1 до 21 российского рубля"),
    ],
)  # fmt: skip
def test_renderings(
    renderers: dict[str, EntityRenderer], value: object, locale: str, expected: str
) -> None:
    assert renderers[locale].render(value) == expected


# -- 6. a correct translation of each shape is kept -----------------------------------------


class Writes:
    """An engine double that writes a given translation of a one-sentence text."""

    description = "engine double"

    def __init__(self, translation: str) -> None:
        self.translation = translation

    def translate(self, segments: Sequence[str]) -> list[str]:
        assert len(segments) == 1, segments
        return [self.translation]


KEPT = [
    ("de", "en-GB", "Der Umsatz sank von $1,2 Mrd. auf 833 Millionen.",
     "Revenue fell from $1.2 billion to 833 million."),
    ("de", "ru-RU", "Der Umsatz sank von $1,2 Mrd. auf 833 Millionen im Vorjahr.",
     "Выручка снизилась с $1,2 млрд до 833 млн за год."),
    ("en", "ru-RU", "Exports rose to $1.2 billion, 63.3 million more than a year earlier.",
     "Экспорт вырос до $1,2 млрд, что на 63,3 млн больше, чем годом ранее."),
    ("ru", "de-DE", "Экспорт вырос до $1,2 млрд, что на 63,3 млн больше, чем годом ранее.",
     "Der Export stieg auf $1,2 Mrd., 63,3 Millionen mehr als ein Jahr zuvor."),
    ("ru", "en-GB", "Курс составил 3.25 BYN за доллар.", "The rate was 3.25 BYN per dollar."),
    ("ru", "de-DE", "Курс составил 3.25 BYN за доллар.", "Der Kurs lag bei 3,25 BYN je Dollar."),
    ("en", "de-DE", "The plant cost half a billion dollars.",
     "Das Werk kostete eine halbe Milliarde Dollar."),
    ("en", "ru-RU", "The plant cost half a billion dollars.",
     "Завод обошелся в полмиллиарда долларов."),
    ("ru", "en-GB", "Проект стоит полтора миллиарда долларов.", "The project costs $1.5 billion."),
    ("de", "en-GB", "Es kamen anderthalb Millionen Touristen.",
     "One and a half million tourists came."),
    ("en", "de-DE", "They signed a $2-billion deal.",
     "Sie unterzeichneten einen 2-Milliarden-Dollar-Deal."),
    ("de", "en-GB", "Der Fonds hat $3,5. Milliarden.", "The fund has $3.5 billion."),
    ("de", "en-GB", "Weizen kostet 450 Dollar pro Tonne.", "Wheat costs $450 per tonne."),
    ("en", "ru-RU", "Wheat costs $450 per tonne.", "Пшеница стоит 450 долларов за тонну."),
    ("en", "de-DE", "Income reached $7,000 per capita.",
     "Das Einkommen erreichte 7.000 Dollar pro Kopf."),
    ("de", "en-GB", "Das BIP änderte sich um -2,1 %.", "GDP changed by -2.1%."),
    ("ru", "de-DE", "Рост составил минус 3%.", "Das Wachstum lag bei minus 3 Prozent."),
    ("en", "de-DE", "The balance was -$5 million.", "Der Saldo betrug -5 Millionen Dollar."),
    ("de", "en-GB", "Der Index lag bei +5 %.", "The index stood at +5%."),
    ("de", "en-GB", "Der Export war 3 Mal mehr.", "Exports were 3 times more."),
    ("en", "ru-RU", "Exports were 3 times as much.", "Экспорт был в 3 раза больше."),
    ("ru", "en-GB", "В Минске проезд подорожал до 90 копеек.",
     "In Minsk the fare rose to 90 kopecks."),
    ("ru", "de-DE", "Рубль подешевел на 35 копеек.", "Der Rubel verlor 35 Kopeken."),
    ("en", "ru-RU", "Brent rose 45 cents to $80.10 a barrel.",
     "Brent подорожала на 45 центов, до $80,10 за баррель."),
    # The shared word: a euro's cents in German, "cents" in English.
    ("de", "en-GB", "Benzin wurde um 3 Cent teurer.", "Petrol rose by 3 cents."),
    ("ru", "en-GB", "Цена выросла до 91 рубля 20 копеек.", "The price rose to 91.20 roubles."),
    # A British target may spell it either way; engines mostly write "percent".
    ("de", "en-GB", "Die Ausfuhr stieg um 5 Prozent.", "Exports rose by 5 percent."),
    ("de", "en-GB", "Die Ausfuhr stieg um 5 Prozent.", "Exports rose by 5 per cent."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "target", "text", "translation"), KEPT)
def test_a_correct_translation_of_each_shape_is_kept(
    source: str, target: str, text: str, translation: str
) -> None:
    pipeline = make_pipeline(
        target,
        source=source,
        glossaries=bundled_glossaries(),
        engines={(source, target[:2]): Writes(translation)},
        article_date=ARTICLE,
    )
    result = pipeline.localise(text)
    assert result.text == translation
    findings = result.report.findings
    assert [(f.kind, f.source, f.found) for f in findings if f.severity != "info"] == []
