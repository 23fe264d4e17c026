"""EntityRecogniser and find_article_date: source forms in, spans with gold-shaped values out."""

# Cyrillic words, dashes and thin spaces here are data, not look-alike typos.

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from localise.doc import Doc, Span
from localise.errors import ConfigError
from localise.stages.article_date import find_article_date
from localise.stages.entities import (
    DateValue,
    EntityRecogniser,
    MoneyValue,
    NumberValue,
)

ARTICLE = date(2025, 1, 20)


@pytest.fixture(scope="module")
def recognisers() -> dict[str, EntityRecogniser]:
    return {lang: EntityRecogniser(lang) for lang in ("de", "en", "ru")}


def spans(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    article_date: date | None = ARTICLE,
) -> list[Span]:
    return list(recognisers[lang](Doc(text, lang=lang, article_date=article_date)).spans)


def only(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, span_kind: str
) -> dict[str, Any]:
    """The gold-shaped JSON of the one span found, which must be of ``span_kind``."""
    found = spans(recognisers, lang, text)
    assert [s.kind for s in found] == [span_kind], found
    return found[0].to_json()


DATES = [
    ("de", "Am 14. Januar 2025 kam er.", "14. Januar 2025", "2025-01-14", None, "date"),
    (
        "de",
        "flag Mittwoch, 15 Januar 2025",
        "Mittwoch, 15 Januar 2025",
        "2025-01-15",
        None,
        "weekday_date",
    ),
    (
        "de",
        "Stand: 14 Januar 2025, 13:18",
        "14 Januar 2025, 13:18",
        "2025-01-14",
        "13:18",
        "datetime",
    ),
    (
        "de",
        "Stand 21.10.2019 | 16:54 Uhr",
        "21.10.2019 | 16:54 Uhr",
        "2019-10-21",
        "16:54",
        "datetime",
    ),
    ("de", "Gestern, 14.01.2025, tagte er.", "14.01.2025", "2025-01-14", None, "date"),
    ("de", "MINSK, 14. Januar (Agentur)", "14. Januar", "2025-01-14", None, "day_month"),
    ("de", "Es war am 28. Dezember.", "28. Dezember", "2024-12-28", None, "day_month"),
    ("de", "Seit 3. Jan. läuft es.", "3. Jan.", "2025-01-03", None, "day_month"),
    ("de", "Das war im März 2024 so.", "März 2024", "2024-03", None, "month_year"),
    ("de", "Das war im Jahr 2021 so.", "im Jahr 2021", "2021", None, "year"),
    ("de", "Bis 2030 soll es fertig sein.", "2030", "2030", None, "year"),
    (
        "de",
        "Die Sitzung ist vom 14. bis 16. Januar.",
        "vom 14. bis 16. Januar",
        "2025-01-14/2025-01-16",
        None,
        "day_range",
    ),
    (
        "de",
        "Die Sitzung ist am 14.–16. Januar.",
        "14.–16. Januar",
        "2025-01-14/2025-01-16",
        None,
        "day_range",
    ),
    (
        "de",
        "Von Januar bis März wuchs es.",
        "Januar bis März",
        "2025-01/2025-03",
        None,
        "month_range",
    ),
    (
        "de",
        "In den Monaten Januar-Mai 2023 wuchs es.",
        "Januar-Mai 2023",
        "2023-01/2023-05",
        None,
        "month_range",
    ),
    ("de", "In den Jahren 2019-2021 wuchs es.", "2019-2021", "2019/2021", None, "year_range"),
    ("de", "NEU (um 9.45)", "um 9.45", "2025-01-20", "09:45", "time"),
    ("de", "Beginn 13.18 Uhr heute", "13.18 Uhr", "2025-01-20", "13:18", "time"),
    ("en", "On January 14, 2025 he left.", "January 14, 2025", "2025-01-14", None, "date"),
    ("en", "On 14 January 2025 he left.", "14 January 2025", "2025-01-14", None, "date"),
    ("en", "Posted 3 Feb 2023", "3 Feb 2023", "2023-02-03", None, "date"),
    (
        "en",
        "In January-June 2019 it grew.",
        "January-June 2019",
        "2019-01/2019-06",
        None,
        "month_range",
    ),
    (
        "en",
        "Updated Tuesday, March 4, 2025, 1:18 PM",
        "Tuesday, March 4, 2025, 1:18 PM",
        "2025-03-04",
        "13:18",
        "datetime",
    ),
    ("en", "Filed 2024-03-20 here", "2024-03-20", "2024-03-20", None, "iso_date"),
    ("ru", "Это было 14 января 2025 г.", "14 января 2025 г.", "2025-01-14", None, "date"),
    (
        "ru",
        "С 15 апреля 2022 года въезд открыт.",
        "15 апреля 2022 года",
        "2022-04-15",
        None,
        "date",
    ),
    (
        "ru",
        "17:59, 24 Май 2011 | GMT +5",
        "17:59, 24 Май 2011 | GMT +5",
        "2011-05-24",
        "17:59",
        "datetime",
    ),
    (
        "ru",
        "Рост за январь - июнь 2021 года",
        "январь - июнь 2021 года",
        "2021-01/2021-06",
        None,
        "month_range",
    ),
    ("ru", "в январе - марте рост", "январе - марте", "2025-01/2025-03", None, "month_range"),
    ("ru", "по сравнению с 2020-го", "2020-го", "2020", None, "year"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "value", "time", "kind"), DATES)
def test_dates(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str,
    value: str,
    time: str | None,
    kind: str,
) -> None:
    found = only(recognisers, lang, text, "date")
    assert (found["text"], found["value"], found["time"], found["kind"]) == (
        surface,
        value,
        time,
        kind,
    )


# Shapes of docs/entities.md that the examples lacked: periods, slashes, far years, ISO with a
# time, a dotted date in English, ordinal days. (text, surface, value, time); article of
# 20 January 2025.
SHAPES = [
    ("de", "Im ersten Quartal 2024 stieg er.", "ersten Quartal 2024", "2024-Q1", None),
    ("de", "Im 3. Quartal 2023 fiel er.", "3. Quartal 2023", "2023-Q3", None),
    ("de", "Im I. Quartal 2023 fiel er.", "I. Quartal 2023", "2023-Q1", None),
    ("de", "Am Montag, 13. Januar, um 23.55 Uhr", "Montag, 13. Januar, um 23.55 Uhr", "2025-01-13",
     "23:55"),
    ("de", "Die Zahlen des ersten Quartals 2024.", "ersten Quartals 2024", "2024-Q1", None),
    ("de", "Im vierten Quartal wuchs er.", "vierten Quartal", "2024-Q4", None),
    ("de", "Das Ergebnis für Q1 2019 lag vor.", "Q1 2019", "2019-Q1", None),
    ("de", "Im ersten Halbjahr 2025 wuchs er.", "ersten Halbjahr 2025", "2025-H1", None),
    ("de", "In der zweiten Jahreshälfte 2024 fiel er.", "zweiten Jahreshälfte 2024", "2024-H2",
     None),
    ("de", "Bis Ende 2024 soll es fertig sein.", "Ende 2024", "2024", None),
    ("de", "Mitte Mai 2025 kam er.", "Mitte Mai 2025", "2025-05", None),
    ("de", "In den ersten neun Monaten 2024 wuchs er.", "ersten neun Monaten 2024",
     "2024-01/2024-09", None),
    ("de", "In den 1990er Jahren fiel er.", "1990er Jahren", "1990/1999", None),
    ("de", "Im Geschäftsjahr 2024 wuchs er.", "Geschäftsjahr 2024", "2024", None),
    ("de", "Von Januar/August 2024 wuchs er.", "Januar/August 2024", "2024-01/2024-08", None),
    ("de", "In der Saison 2024/2025 wuchs er.", "2024/2025", "2024/2025", None),
    ("de", "Im Jahr 2023/24 wuchs er.", "Im Jahr 2023/24", "2023/2024", None),
    ("de", "Das Werk soll bis 2122 stehen.", "2122", "2122", None),
    ("de", "Eingang 2024-08-20 14:05 MEZ", "2024-08-20 14:05", "2024-08-20", "14:05"),
    ("en", "In the first quarter of 2024 it rose.", "first quarter of 2024", "2024-Q1", None),
    ("en", "Second-quarter output will rise.", "Second-quarter", "2025-Q2", None),
    ("en", "Results for Q3'24 are out.", "Q3'24", "2024-Q3", None),
    ("en", "In the first half of 2025 it rose.", "first half of 2025", "2025-H1", None),
    ("en", "In H1 2025 it rose.", "H1 2025", "2025-H1", None),
    ("en", "It will open by mid-2025.", "mid-2025", "2025", None),
    ("en", "It opened in late May 2024.", "late May 2024", "2024-05", None),
    ("en", "At the end of 2024 it rose.", "end of 2024", "2024", None),
    ("en", "In the first nine months of 2024 it rose.", "first nine months of 2024",
     "2024-01/2024-09", None),
    ("en", "Output fell in the 1990s.", "1990s", "1990/1999", None),
    ("en", "Revenue for FY2024 rose.", "FY2024", "2024", None),
    ("en", "Revenue in fiscal 2023 rose.", "fiscal 2023", "2023", None),
    ("en", "In January/February 2024 it rose.", "January/February 2024", "2024-01/2024-02", None),
    ("en", "The deal was signed on 20.08.2024 in Minsk.", "20.08.2024", "2024-08-20", None),
    ("en", "It met on the 15th of January 2025.", "15th of January 2025", "2025-01-15", None),
    ("en", "It met on Wednesday, January 15th.", "Wednesday, January 15th", "2025-01-15", None),
    ("en", "The plan runs until 2150.", "2150", "2150", None),
    ("en", "It grew between 2016 and 2018.", "2016 and 2018", "2016/2018", None),
    ("ru", "Он рос между 2016 и 2018 годами.", "2016 и 2018 годами", "2016/2018", None),
    ("ru", "В I квартале 2024 года он вырос.", "I квартале 2024 года", "2024-Q1", None),
    ("ru", "В первом квартале он вырос.", "первом квартале", "2025-Q1", None),
    ("ru", "За 1-й квартал 2023 года он вырос.", "1-й квартал 2023 года", "2023-Q1", None),
    ("ru", "В первом полугодии 2024 года он вырос.", "первом полугодии 2024 года", "2024-H1", None),
    ("ru", "За 9 месяцев 2024 года он вырос.", "9 месяцев 2024 года", "2024-01/2024-09", None),
    ("ru", "За девять месяцев 2024 года он вырос.", "девять месяцев 2024 года",
     "2024-01/2024-09", None),
    ("ru", "В конце 2024 года он вырос.", "конце 2024 года", "2024", None),
    ("ru", "В начале мая 2024 года он вырос.", "начале мая 2024 года", "2024-05", None),
    ("ru", "В 1990-е годы он упал.", "1990-е годы", "1990/1999", None),
    ("ru", "В 1990-х годах он упал.", "1990-х годах", "1990/1999", None),
    ("ru", "За январь/июнь он вырос.", "январь/июнь", "2025-01/2025-06", None),
    ("ru", "Программа рассчитана до 2100 года.", "2100 года", "2100", None),
    ("ru", "К декабрю 2026 года завод построят.", "декабрю 2026 года", "2026-12", None),
    ("ru", "По сравнению с декабрем 2014 года он вырос.", "декабрем 2014 года", "2014-12", None),
    ("ru", "В 2024/2025 учебном году он вырос.", "2024/2025", "2024/2025", None),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "value", "time"), SHAPES)
def test_catalogue_shapes(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str,
    value: str,
    time: str | None,
) -> None:
    found = only(recognisers, lang, text, "date")
    assert (found["text"], found["value"], found["time"]) == (surface, value, time)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A code alone is a model or a formula; "half" and "Hälfte" are common words.
        ("en", "The Q7 and H2 models."),
        ("en", "In the first half, he scored twice."),
        ("de", "In der ersten Hälfte des Spiels fiel kein Tor."),
        # The part of a bare month, like a bare month, is no date; a duration is none either.
        ("de", "Ende Mai kam er."),
        ("ru", "За девять месяцев строители возвели дом."),
        # After 2100 only as a plan's year: "bis 2150 Traktoren" counts tractors.
        ("de", "Es wurden bis 2150 Traktoren gebaut."),
        ("ru", "Собрано 2150 тонн."),
    ],
)
def test_what_looks_like_a_period_and_is_none(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str
) -> None:
    assert [s for s in spans(recognisers, lang, text) if s.kind == "date"] == []


def test_a_time_on_the_next_paragraph_is_not_the_dates(
    recognisers: dict[str, EntityRecogniser],
) -> None:
    found = spans(recognisers, "de", "Stand: 14 Januar 2025\n\n13:18 Uhr begann es.")
    assert [(s.text, s.to_json()["time"]) for s in found] == [
        ("14 Januar 2025", None),
        ("13:18 Uhr", "13:18"),
    ]


def test_a_range_without_its_year_is_placed_by_its_end(
    recognisers: dict[str, EntityRecogniser],
) -> None:
    # In a December article, "January-November" is this year's (it ended a month ago), though
    # next January is nearer than this one.
    found = spans(recognisers, "en", "Sales rose in January-November.", date(2021, 12, 29))
    assert [s.to_json()["value"] for s in found] == ["2021-01/2021-11"]


def test_turn_of_the_year(recognisers: dict[str, EntityRecogniser]) -> None:
    early_january = spans(recognisers, "de", "Am 28. Dezember und am 5. Januar.", date(2025, 1, 3))
    assert [s.to_json()["value"] for s in early_january] == ["2024-12-28", "2025-01-05"]
    late_december = spans(recognisers, "en", "On 5 January.", date(2024, 12, 30))
    assert late_december[0].to_json()["value"] == "2025-01-05"


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # The next January is nearer to a September article, but "this year" says which.
        ("en", "The rouble fell 4% this year, to 9,030 against 8,680 on Jan. 2.",
         date(2013, 9, 12), ["2013-01-02"]),
        ("de", "Seit Jahresbeginn stieg der Kurs, am 2. Januar lag er bei 8680.",
         date(2013, 9, 12), ["2013-01-02"]),
        ("ru", "С начала года рубль подешевел: 2 января курс составлял 8680.",
         date(2013, 9, 12), ["2013-01-02"]),
        # Only in its own sentence: a plan in the next one keeps the nearest year.
        ("en", "Sales rose this year. Talks are planned for Jan. 15.", date(2013, 11, 20),
         ["2014-01-15"]),
        # A "this year" never moves a date the nearest rule already puts in the article's year.
        ("en", "This year's fair opens on Oct. 2.", date(2013, 9, 12), ["2013-10-02"]),
    ],
)  # fmt: skip
def test_this_year_keeps_a_sentences_dates_in_the_articles_year(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    published: date,
    expected: list[str],
) -> None:
    found = spans(recognisers, lang, text, published)
    assert [s.to_json()["value"] for s in found if s.kind == "date"] == expected


def test_without_article_date_the_year_stays_unknown(
    recognisers: dict[str, EntityRecogniser],
) -> None:
    found = spans(recognisers, "de", "MINSK, 14. Januar (Agentur)", None)
    assert found[0].to_json() == {
        "text": "14. Januar",
        "start": 7,
        "end": 17,
        "value": "--01-14",
        "time": None,
        "year_implied": True,
        "kind": "day_month",
    }


MONEY = [
    ("de", "Das sind $1,1 Milliarden.", "$1,1 Milliarden", [1_100_000_000], "USD"),
    ("de", "über 1 Milliarde USD. Zu", "1 Milliarde USD", [1_000_000_000], "USD"),
    ("de", "rund 800 Millionen Dollar", "800 Millionen Dollar", [800_000_000], "USD"),
    ("de", "nur 5 Mio. Euro", "5 Mio. Euro", [5_000_000], "EUR"),
    ("de", "rund 2,5 Mrd. US-Dollar", "2,5 Mrd. US-Dollar", [2_500_000_000], "USD"),
    ("de", "für 100 belarussische Rubel", "100 belarussische Rubel", [100], "BYN"),
    (
        "de",
        "über 960 Millionen belarussischen Rubel",
        "960 Millionen belarussischen Rubel",
        [960_000_000],
        "BYN",
    ),
    ("de", "kostet BYN 50 am Tag", "BYN 50", [50], "BYN"),
    ("de", "kostet €5 am Tag", "€5", [5], "EUR"),
    ("de", "Lohn: Br2367,5 im Mai", "Br2367,5", [2367.5], "BYN"),
    ("de", "Lohn: 2313,9 Br im Mai", "2313,9 Br", [2313.9], "BYN"),
    ("de", "rund 4,9 Mrd. US-$ exportiert", "4,9 Mrd. US-$", [4_900_000_000], "USD"),
    (
        "de",
        "von $1,1 bis $1,2 Milliarden",
        "$1,1 bis $1,2 Milliarden",
        [1_100_000_000, 1_200_000_000],
        "USD",
    ),
    (
        "de",
        "ca. 800 bis 900 Millionen Dollar",
        "800 bis 900 Millionen Dollar",
        [800_000_000, 900_000_000],
        "USD",
    ),
    (
        "en",
        "a record $59 billion - $60 billion",
        "$59 billion - $60 billion",
        [59_000_000_000, 60_000_000_000],
        "USD",
    ),
    ("en", "totaled $7,017.7 million as of", "$7,017.7 million", [7_017_700_000], "USD"),
    ("en", "some $4.5bn in", "$4.5bn", [4_500_000_000], "USD"),
    ("ru", "превысит 1,2 млрд долларов", "1,2 млрд долларов", [1_200_000_000], "USD"),
    ("ru", "превысит 1 млрд. долларов США.", "1 млрд. долларов США", [1_000_000_000], "USD"),
    ("ru", "около $2,99 млрд, сообщили", "$2,99 млрд", [2_990_000_000], "USD"),
    ("ru", "от 1 до 2 млрд рублей", "от 1 до 2 млрд рублей", [1_000_000_000, 2_000_000_000], "RUB"),
    ("ru", "выросла от 5 млрд рублей", "5 млрд рублей", [5_000_000_000], "RUB"),
    ("de", "Lohn von 1.500 Rubel", "1.500 Rubel", [1500], "RUB"),
    ("de", "für 300 Mio. russische Rubel", "300 Mio. russische Rubel", [300_000_000], "RUB"),
    ("ru", "составила 6 млн 210 тыс. рублей.", "6 млн 210 тыс. рублей", [6_210_000], "RUB"),
    # Around the redenomination, "old" and "new" roubles name one denomination each.
    ("ru", "Это 10 000 старых рублей.", "10 000 старых рублей", [10_000], "BYR"),
    ("en", "It costs 1 new rouble now.", "1 new rouble", [1], "BYN"),
    ("de", "Das sind 10.000 alte Rubel.", "10.000 alte Rubel", [10_000], "BYR"),
    ("en", "trading at 9,030 roubles per dollar", "9,030 roubles", [9030], "RUB"),
    (
        "ru",
        "порядка 16-18 млрд долларов",
        "16-18 млрд долларов",
        [16_000_000_000, 18_000_000_000],
        "USD",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "amounts"),
    [
        # Two currencies: two amounts, not one range, and neither lost.
        (
            "en",
            "from $800 million to €900 million",
            [("$800 million", "USD"), ("€900 million", "EUR")],
        ),
        ("ru", "от $1 млрд до €2 млрд", [("$1 млрд", "USD"), ("€2 млрд", "EUR")]),
        (
            "de",
            "von 8 Mio. Euro bis 9 Mio. Dollar",
            [("8 Mio. Euro", "EUR"), ("9 Mio. Dollar", "USD")],
        ),
        # A scale word on the first end alone: the second number is not money.
        ("en", "raised $800 million to 900 people", [("$800 million", "USD")]),
    ],
)
def test_what_is_not_one_range_is_read_end_by_end(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, amounts: list[tuple[str, str]]
) -> None:
    spans = [s for s in recognisers[lang](Doc(text)).spans if s.kind == "money"]
    assert [(s.text, s.value.currency) for s in spans] == amounts  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "text", "amounts"),
    [
        # Russian "с … до" after a verb of change is a change: two amounts, the second's
        # currency implied (a range is "от … до").
        (
            "ru",
            "Экспорт вырос с $412 млн до 530 млн. Импорт упал.",
            [("$412 млн", "USD", False), ("530 млн.", "USD", True)],
        ),
        # "von 27 auf 29 Rubel": the first figure of a change takes the second's currency.
        (
            "de",
            "Die Gebühr steigt in Minsk von 27 auf 29 Rubel.",
            [("27", "BYN", True), ("29 Rubel", "BYN", False)],
        ),
        (
            "ru",
            "Сбор в Минске вырастет с 27 до 29 рублей.",
            [("27", "BYN", True), ("29 рублей", "BYN", False)],
        ),
        # A figure compared with an amount is in its currency.
        (
            "en",
            "It traded at 9,030 roubles in Minsk compared with 8,680 on Monday.",
            [("9,030 roubles", "BYN", False), ("8,680", "BYN", True)],
        ),
        (
            "de",
            "Der Export lag bei 5 Mio. Euro gegenüber 4,2 Mio. im Vorjahr.",
            [("5 Mio. Euro", "EUR", False), ("4,2 Mio.", "EUR", True)],
        ),
    ],
)
def test_changes_and_comparisons_are_two_amounts(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    amounts: list[tuple[str, str, bool]],
) -> None:
    found = [s for s in spans(recognisers, lang, text, date(2025, 1, 20)) if s.kind == "money"]
    values = [s.value for s in found]
    assert [
        (s.text, v.currency, v.currency_implied) for s, v in zip(found, values, strict=True)
    ] == amounts  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "text", "surface", "amounts", "currency"), MONEY)
def test_money(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str,
    amounts: list[float],
    currency: str,
) -> None:
    found = only(recognisers, lang, text, "money")
    assert (found["text"], found["amounts"], found["currency"]) == (surface, amounts, currency)
    assert found["range"] is (len(amounts) > 1)


@pytest.mark.parametrize(("when", "code"), [(date(2014, 5, 1), "BYR"), (date(2017, 5, 1), "BYN")])
def test_belarusian_rouble_symbol_follows_the_redenomination(
    recognisers: dict[str, EntityRecogniser], when: date, code: str
) -> None:
    found = spans(recognisers, "en", "sold Br6.96 trillion worth", when)
    assert found[0].to_json()["currency"] == code


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("de", "MINSK (BelTA) – Der Lohn stieg auf 1.500 Rubel.", "BYN"),
        ("de", "Der belarussische Lohn stieg auf 1.500 Rubel.", "BYN"),
        ("de", "In Weißrussland stieg der Lohn auf 1.500 Rubel.", "BYN"),
        ("de", "In Moskau stieg der Lohn auf 1.500 Rubel.", "RUB"),
        ("ru", "В Беларуси зарплата выросла до 1 500 рублей.", "BYN"),
        ("ru", "В Москве зарплата выросла до 1 500 рублей.", "RUB"),
        ("ru", "В Минске цена - 1 500 российских рублей.", "RUB"),
    ],
)
def test_a_bare_rouble_is_belarusian_in_a_text_about_belarus(
    recognisers: dict[str, EntityRecogniser], lang: str, text: str, code: str
) -> None:
    money = [s for s in spans(recognisers, lang, text) if s.kind == "money"]
    assert [s.to_json()["currency"] for s in money] == [code]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "preposition"),
    [
        ("de", "Das war im Jahr 2021 so.", "im Jahr 2021", True),
        ("de", "Bis 2030 soll es fertig sein.", "2030", False),
        ("de", "Die Sitzung ist vom 14. bis 16. Januar.", "vom 14. bis 16. Januar", True),
        ("de", "Die Sitzung ist am 14.–16. Januar.", "14.–16. Januar", False),
        ("ru", "от 1 до 2 млрд рублей", "от 1 до 2 млрд рублей", True),
        ("ru", "порядка 16-18 млрд долларов", "16-18 млрд долларов", False),
    ],
)
def test_an_opening_preposition_is_recorded(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str,
    preposition: bool,
) -> None:
    [found] = spans(recognisers, lang, text)
    assert (found.text, getattr(found.value, "preposition", None)) == (surface, preposition)


NUMBERS = [
    ("de", "um 5,5 % gestiegen", "5,5 %", 5.5, "percent"),
    ("de", "um 5,5% gestiegen", "5,5%", 5.5, "percent"),
    ("de", "um 25,3 Prozent gestiegen", "25,3 Prozent", 25.3, "percent"),
    ("de", "2,5 Millionen Tonnen", "2,5 Millionen", 2_500_000, "scaled"),
    ("de", "7,92 Mio. t Getreide", "7,92 Mio.", 7_920_000, "scaled"),
    ("de", "62 Tsd. Tonnen", "62 Tsd.", 62_000, "scaled"),
    ("de", "1 Million 383 Tausend Tonnen", "1 Million 383 Tausend", 1_383_000, "scaled"),
    ("de", "Minsk – 2.258.000 Tonnen", "2.258.000", 2_258_000, "thousands"),
    ("de", "insgesamt 140 268 Einwohner", "140 268", 140_268, "thousands"),
    ("de", "um das 4,4-fache", "4,4-fache", 4.4, "multiplier"),
    ("de", "um das 3,2fache", "3,2fache", 3.2, "multiplier"),
    ("de", "ein Wert von 1.234,5 Punkten", "1.234,5", 1234.5, "decimal"),
    ("en", "up 25.3% year-on-year", "25.3%", 25.3, "percent"),
    ("en", "over 20,000 people", "20,000", 20_000, "thousands"),
    ("en", "worth 1,234.5 points", "1,234.5", 1234.5, "decimal"),
    ("en", "grew 1.5-fold", "1.5-fold", 1.5, "multiplier"),
    ("ru", "более 7,6 млн т зерна", "7,6 млн", 7_600_000, "scaled"),
    ("ru", "44,4 тыс. га", "44,4 тыс.", 44_400, "scaled"),
    ("ru", "7 млн 654 тыс. тонн", "7 млн 654 тыс.", 7_654_000, "scaled"),
    ("ru", "посетили 937 837 иностранцев", "937 837", 937_837, "thousands"),
    ("ru", "урожайность — 32,6 ц/га", "32,6", 32.6, "decimal"),
    ("ru", "с темпом роста 132,7 %", "132,7 %", 132.7, "percent"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "value", "kind"), NUMBERS)
def test_numbers(
    recognisers: dict[str, EntityRecogniser],
    lang: str,
    text: str,
    surface: str,
    value: float,
    kind: str,
) -> None:
    found = only(recognisers, lang, text, "number")
    assert (found["text"], found["value"], found["kind"]) == (surface, value, kind)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Er sprach mit die Leute und ging mit ihnen."),
        ("de", "Die 14. Sitzung zum 25. Jahrestag."),
        ("de", "Es kamen 2650 Touristen und 51 Milchbetriebe, Baureihe 7513."),
        ("de", "Minsk -3°C, Belarus 1"),
        ("en", "Ten 220-tonne trucks; Decree No.282; they may 5 times"),
        ("ru", "прибыл 2501 человек, Литвы — 1360"),
    ],
)
def test_no_false_positives(recognisers: dict[str, EntityRecogniser], lang: str, text: str) -> None:
    assert spans(recognisers, lang, text) == []


def test_a_dollar_amount_is_money_not_a_date(recognisers: dict[str, EntityRecogniser]) -> None:
    found = spans(recognisers, "de", "liegt bei $1,1 heute")
    assert [(s.kind, s.text) for s in found] == [("money", "$1,1")]


def test_spans_already_taken_are_left_alone(recognisers: dict[str, EntityRecogniser]) -> None:
    text = "Der 14. Januar war kalt."
    taken = Span(4, 14, "name", "14. Januar", MoneyValue((), "XXX"))
    doc = recognisers["de"](Doc(text, lang="de", article_date=ARTICLE, spans=(taken,)))
    assert doc.spans == (taken,)


def test_values_compare_by_fact_not_by_surface() -> None:
    assert DateValue(2025, 1, 14, kind="day_month", year_implied=True) == DateValue(2025, 1, 14)
    assert NumberValue((5,), "percent", kind="percent") != NumberValue((5,))


@pytest.mark.parametrize("lang", ["xx", "", "de-XX-foo-bar"])
def test_unknown_language(lang: str) -> None:
    with pytest.raises(ConfigError, match="unknown locale"):
        EntityRecogniser(lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Politik\n14 Januar 2025, 13:18\n\nMINSK, 14. Januar (BelTA) – Text.",
            "de",
            date(2025, 1, 14),
        ),
        (
            "flag Dienstag, 19 März 2024\nPolitik\n18 Januar 2018, 15:15\n\nMINSK, 18. Januar – X",
            "de",
            date(2018, 1, 18),
        ),
        ("Stand 21.10.2019 | 16:54\n\nText ohne Datum.", "de", date(2019, 10, 21)),
        (
            "Business news\n\n20 Jan 2023\n\nBelAZ ships trucks\nMINSK, 20 January (BelTA) – x",
            "en",
            date(2023, 1, 20),
        ),
        (
            "MINSK, 7 February (BelTA) - Reserves totaled $7 billion as of 1 February 2019.",
            "en",
            date(2019, 2, 7),
        ),
        ("MINSK, 1 August (BelTA) – In January-June 2019 trade grew.", "en", date(2019, 8, 1)),
        ("MINSK, 14. November (BelTA) – Seit 2021 wächst der Handel.", "de", None),
        ("Текст без даты.", "ru", None),
    ],
)
def test_find_article_date(text: str, lang: str, expected: date | None) -> None:
    assert find_article_date(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    ["17:59, 24 Май 2011 | GMT +5\nЗаголовок", "14 Januar 2025, 13:18 (UTC+3)\nTitel"],
)
def test_a_timestamp_span_ends_at_its_line(text: str) -> None:
    doc = EntityRecogniser("ru" if "Май" in text else "de")(Doc(text))
    (span,) = doc.spans_of("date")
    assert span.text == text.split("\n")[0]
