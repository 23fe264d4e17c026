"""Facts through translation, with engine doubles that write as real engines write.

Each double stands for a competent engine's output of one segment: correct forms (cases,
prepositions, range forms, scale words) that localise must leave alone, and the typical
mistakes (a scale word swapped, digits of the source locale, a day changed, a name
transliterated or left in the source spelling, a fact dropped, a figure added, a fact left
untranslated) that it must find and, where it is safe, fix.
"""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import pytest

from localise import Finding, Pipeline
from localise.doc import Span
from localise.stages.glossary import bundled_glossaries
from localise.stages.protect import protect
from support import make_pipeline

DATE = date(2025, 3, 10)


class Writes:
    """An engine double that writes a fixed translation: one sentence per segment it gets
    (the translation's sentences, split after each full stop, question or exclamation mark
    that a space follows)."""

    description = "engine double"

    def __init__(self, translation: str) -> None:
        self.translation = translation
        self.seen: list[str] = []

    def translate(self, segments: Sequence[str]) -> list[str]:
        self.seen.extend(segments)
        if len(segments) == 1:
            return [self.translation]
        sentences = re.split(r"(?<=[.!?]) (?=[A-ZА-Я])", self.translation)
        assert len(sentences) == len(segments), (segments, sentences)
        return sentences


def localised(source: str, target: str, text: str, translation: str) -> tuple[str, list[Finding]]:
    pipeline = _pipeline(source, target, Writes(translation))
    result = pipeline.localise(text)
    return result.text, list(result.report.findings)


def _pipeline(source: str, target: str, engine: Writes) -> Pipeline:
    pair = (source, target.split("-")[0])
    return make_pipeline(
        target,
        source=source,
        glossaries=bundled_glossaries(),
        engines={pair: engine},
        article_date=DATE,
    )


# Correct translations, as a competent engine or translator writes them: nothing changes,
# nothing is reported. (The review found each of these damaged by the old repair pass.)
CORRECT = [
    ("de", "ru-RU", "Im Januar 2019 stiegen die Reserven.", "В январе 2019 года резервы выросли."),
    (
        "de",
        "ru-RU",
        "Die Messe findet vom 1. bis 5. März statt.",
        "Выставка пройдет с 1 по 5 марта.",
    ),
    (
        "en",
        "de-DE",
        "The fair takes place from 1 to 5 March.",
        "Die Messe findet vom 1. bis 5. März statt.",
    ),
    (
        "de",
        "en-GB",
        "Von Januar bis September 2022 stieg der Handel.",
        "From January to September 2022, trade rose.",
    ),
    (
        "de",
        "en-GB",
        "Der Umsatz lag bei $1,1 bis $1,2 Milliarden.",
        "Trade amounted to $1.1 billion to $1.2 billion.",
    ),
    ("de", "en-US", "Er sprach darüber am 14. Januar.", "He spoke about it on January 14."),
    ("en", "de-DE", "Exports rose by 10.7%.", "Die Exporte stiegen um 10,7 Prozent."),
    ("en", "ru-RU", "Exports rose by 10.7%.", "Экспорт вырос на 10,7%."),
    (
        "en",
        "de-DE",
        "BelTA learned this from the National Bank of the Republic of Belarus.",
        "Das erfuhr BelTA von der Nationalbank der Republik Belarus.",
    ),
    ("de", "ru-RU", "Der Export stieg um das 1,5-fache.", "Экспорт вырос в 1,5 раза."),
    ("de", "en-GB", "Der Export stieg um das 4,4-fache.", "Exports grew 4.4 times."),
    (
        "en",
        "de-DE",
        "The reserves totaled $7,017.7 million.",
        "Die Reserven beliefen sich auf 7.017,7 Millionen Dollar.",
    ),
    ("de", "en-GB", "Es wurden 62 Tsd. Tonnen geerntet.", "62,000 tonnes were harvested."),
    (
        "de",
        "ru-RU",
        "Die Exporte betragen ca. $800 bis $900 Millionen.",
        "Экспорт составляет около $800–900 млн.",
    ),
    (
        "de",
        "ru-RU",
        "Der Umsatz lag bei $1,1 bis $1,2 Milliarden.",
        "Товарооборот находится на уровне от $1,1 млрд до $1,2 млрд.",
    ),
    (
        "en",
        "de-DE",
        "Earnings totaled Br839.1 billion in 2014 in Minsk.",
        "Die Erlöse beliefen sich 2014 in Minsk auf 839,1 Milliarden belarussischen Rubeln.",
    ),
    (
        "en",
        "ru-RU",
        "Investments in Belarus made up Br4.7 billion in January-February 2024.",
        "Инвестиции в Беларуси в январе – феврале 2024 года составили 4,7 млрд рублей.",
    ),
    # Periods (docs/entities.md): the engine's own form of a quarter, a half-year, a year's
    # first months, the end of a year, a decade is the same fact.
    ("de", "en-GB", "Im ersten Quartal 2024 stieg der Export.", "In Q1 2024, exports rose."),
    (
        "de",
        "ru-RU",
        "Im ersten Quartal 2024 stieg der Export.",
        "В I квартале 2024 года экспорт вырос.",
    ),
    (
        "ru",
        "de-DE",
        "В первом полугодии 2025 года экспорт вырос.",
        "Im ersten Halbjahr 2025 stieg der Export.",
    ),
    (
        "ru",
        "en-GB",
        "За 9 месяцев 2025 года экспорт вырос.",
        "In January-September 2025, exports rose.",
    ),
    ("de", "ru-RU", "Ende 2024 waren es mehr.", "В конце 2024 года их было больше."),
    ("en", "de-DE", "In the 1990s, output fell.", "In den 1990er Jahren sank die Produktion."),
    ("de", "en-GB", "Lukaschenkos Ziel sind mehr Exporte.", "Lukashenko's goal is more exports."),
    ("de", "ru-RU", "Lukaschenko traf sich mit Mirziyoyev.", "Лукашенко встретился с Мирзиёевым."),
]


@pytest.mark.parametrize(("source", "target", "text", "translation"), CORRECT)
def test_a_correct_translation_is_left_alone(
    source: str, target: str, text: str, translation: str
) -> None:
    output, findings = localised(source, target, text, translation)
    assert output == translation
    assert [(f.kind, f.found) for f in findings if f.severity != "info"] == []


# An engine's mistakes: each found, and fixed in the engine's own phrase where that is safe.
MISTAKES = [
    (
        "de",
        "en-GB",
        "Der Umsatz lag bei $1,1 Milliarden.",
        "Trade was $1.1 million.",
        "Trade was $1.1 billion.",
        "value-differs",
    ),
    (
        "de",
        "en-GB",
        "Der Umsatz lag bei $1,1 Milliarden.",
        "Trade was $1,1 billion.",
        "Trade was $1.1 billion.",
        "number-format",
    ),
    (
        "de",
        "en-GB",
        "Der Umsatz lag bei 7.017,7 Millionen Dollar.",
        "Trade was $7,071.7 million.",
        "Trade was $7,017.7 million.",
        "value-differs",
    ),
    (
        "de",
        "en-GB",
        "Das Treffen war am 14. Januar 2025.",
        "The meeting was on 15 January 2025.",
        "The meeting was on 14 January 2025.",
        "value-differs",
    ),
    (
        "de",
        "ru-RU",
        "Im Januar 2019 stiegen die Reserven.",
        "В феврале 2019 года резервы выросли.",
        "В январе 2019 года резервы выросли.",
        "value-differs",
    ),
    (
        "de",
        "en-GB",
        "Lukaschenko traf Mirziyoyev.",
        "Lukashenka met Mirziyoyev.",
        "Lukashenko met Mirziyoyev.",
        "name-misspelt",
    ),
    (
        "de",
        "en-GB",
        "Lukaschenko traf Mirziyoyev.",
        "Lukaschenko met Mirziyoyev.",
        "Lukashenko met Mirziyoyev.",
        "name-spelling",
    ),
    (
        "de",
        "en-GB",
        "Der Export stieg um 5,5 Prozent.",
        "Exports rose by 5,5 Prozent.",
        "Exports rose by 5.5%.",
        "untranslated",
    ),
    (
        "de",
        "en-GB",
        "Der Preis lag bei 1,20 belarussische Rubel.",
        "The price was 1,20 belarussische Rubel.",
        "The price was 1.20 Belarusian roubles.",
        "untranslated",
    ),
    (
        "de",
        "en-GB",
        "Der Handel liegt bei $1,1 bis $1,2 Milliarden.",
        "Trade stands at $1.1 billion to €1.2 billion.",
        "Trade stands at $1.1 billion to $1.2 billion.",
        "value-differs",
    ),
    (
        "de",
        "ru-RU",
        "Im ersten Quartal 2024 stieg der Export.",
        "В I квартале 2023 года экспорт вырос.",
        "В I квартале 2024 года экспорт вырос.",
        "value-differs",
    ),
    (
        "de",
        "en-GB",
        "Das sagte Lukaschenko.",
        "Lukashenkko said so.",
        "Lukashenko said so.",
        "name-misspelt",
    ),
    (
        "de",
        "en-GB",
        "Die Reserven von Belarus stiegen.",
        "The reserves of Belaruss rose.",
        "The reserves of Belarus rose.",
        "name-misspelt",
    ),
    (
        "ru",
        "en-GB",
        "Экспорт Беларуси вырос.",
        "Belaurs’ exports rose.",
        "Belarus’ exports rose.",
        "name-misspelt",
    ),
    (
        "ru",
        "en-GB",
        "Экспорт в Африку составил 51,0%.",
        "Exports to Africa made up 51,0%.",
        "Exports to Africa made up 51.0%.",
        "untranslated",
    ),
    # Hundredths: a wrong unit is written whole ("roubles" for "копеек"), wrong digits of the
    # right unit are put right in the phrase.
    (
        "ru",
        "en-GB",
        "Проезд в Минске стоит 65 копеек.",
        "A ride in Minsk costs 65 roubles.",
        "A ride in Minsk costs 65 kopecks.",
        "value-differs",
    ),
    (
        "ru",
        "de-DE",
        "Проезд в Минске стоит 65 копеек.",
        "Eine Fahrt in Minsk kostet 0,65 Kopeken.",
        "Eine Fahrt in Minsk kostet 65 Kopeken.",
        "value-differs",
    ),
    (
        "ru",
        "en-GB",
        "Проезд в Минске стоит 65 рублей.",
        "A ride in Minsk costs 65 kopecks.",
        "A ride in Minsk costs 65 Belarusian roubles.",
        "value-differs",
    ),
]


@pytest.mark.parametrize(("source", "target", "text", "translation", "fixed", "kind"), MISTAKES)
def test_a_wrong_fact_is_fixed_in_the_engines_phrase(
    source: str, target: str, text: str, translation: str, fixed: str, kind: str
) -> None:
    output, findings = localised(source, target, text, translation)
    assert output == fixed
    assert [f.kind for f in findings] == [kind]
    assert findings[0].written is not None


def test_a_dropped_fact_and_an_added_figure_are_reported() -> None:
    text = "Der Export stieg um 5,5 Prozent auf $1 Milliarde."
    output, findings = localised("de", "en-GB", text, "Exports rose to $1 billion.")
    assert output == "Exports rose to $1 billion."
    assert [(f.severity, f.kind, f.source) for f in findings] == [
        ("warning", "missing", "5,5 Prozent")
    ]
    output, findings = localised(
        "de", "en-GB", "Der Export stieg auf $1 Milliarde.", "Exports rose by 3% to $1 billion."
    )
    assert [(f.severity, f.kind, f.found) for f in findings] == [("warning", "extra-figure", "3%")]


def test_a_fact_left_untranslated_gets_the_rendering_in_the_case_russian_asks() -> None:
    text = "Im März 2025 stieg der Export."
    output, findings = localised("de", "ru-RU", text, "Экспорт вырос в März 2025.")
    assert output == "Экспорт вырос в марте 2025\u202fгода."
    assert [f.kind for f in findings] == ["untranslated"]


@pytest.mark.parametrize(
    ("text", "translation", "fixed"),
    [
        # The abbreviation's full stop also ended the sentence: it stays.
        ("Der Umsatz stieg um $300 Mio. Das Ministerium teilte es mit.",
         "Trade rose by $300 Mio. The ministry said so.",
         "Trade rose by $300 million. The ministry said so."),
        # A rendering that ends with a full stop is not followed by a second one.
        ("Das Treffen war am 14. Januar 2025.", "Встреча состоялась 14. Januar 2025.",
         "Встреча состоялась 14 января 2025\u202fгода."),
    ],
)  # fmt: skip
def test_punctuation_is_never_lost_or_doubled(text: str, translation: str, fixed: str) -> None:
    target = "ru-RU" if any("а" <= c <= "я" for c in translation) else "en-GB"
    output, _ = localised("de", target, text, translation)
    assert output == fixed


def test_names_reach_the_engine_in_the_target_form_and_facts_as_written() -> None:
    engine = Writes("Lukashenko's goal for 2025 is $1 billion.")
    _pipeline("de", "en-GB", engine).localise("Lukaschenkos Ziel für 2025 sind $1 Milliarde.")
    assert engine.seen == ["Lukashenko's Ziel für 2025 sind $1 Milliarde."]


def test_invisible_differences_are_not_findings() -> None:
    # SentencePiece turns no-break and thin spaces into plain ones: not a repair, not missing.
    text = "Das Treffen begann am 14. Januar 2025, 13:18."
    output, findings = localised(
        "de", "en-US", text, "The meeting began on January 14, 2025, 1:18 PM."
    )
    assert output == "The meeting began on January 14, 2025, 1:18 PM."
    assert findings == []


def test_a_finding_says_what_source_and_translation_say_without_escapes() -> None:
    _, findings = localised(
        "de", "en-GB", "Der Umsatz lag bei $1,1 Milliarden.", "Trade was $1.1 million."
    )
    assert findings[0].message() == (
        "value differs from the source; source: $1,1 Milliarden; translation: $1.1 million; "
        "localise wrote: $1.1 billion"
    )
    assert findings[0].sentence == "Trade was $1.1 million."


def test_protect_puts_renderings_in_the_segment() -> None:
    name = Span(0, 12, "name", "Lukaschenkos", _Value(), "Lukashenko's")
    text = "Lukaschenkos Ziel: MAZ stärken."
    assert protect(text, 0, [name]) == "Lukashenko's Ziel: MAZ stärken."


class _Value:
    def to_json(self) -> dict[str, object]:
        return {}


# Same-language targets: no engine; only what the target locale writes differently changes.
SAME_LANGUAGE = [
    ("de", "de-CH", "Das Defizit lag bei 16,3 Milliarden belarussischen Rubeln.",
     "Das Defizit lag bei 16.3 Milliarden belarussischen Rubeln."),
    ("de", "de-CH", "Von Januar bis September 2022 stieg der Handel um 5,5 Prozent.",
     "Von Januar bis September 2022 stieg der Handel um 5.5 Prozent."),
    ("de", "de-CH", "Der Umsatz stieg um $300 Mio. Das teilte das Ministerium mit.",
     "Der Umsatz stieg um $300 Mio. Das teilte das Ministerium mit."),
    ("de", "de-CH", "Geerntet wurden 2.258.000 Tonnen, am 14. Januar um 12.21 Uhr.",
     "Geerntet wurden 2'258'000 Tonnen, am 14. Januar um 12.21 Uhr."),
    ("de", "de-AT", "Am 14. Januar 2025 war es so.", "Am 14. Jänner 2025 war es so."),
    ("en", "en-US", "The fair runs from 14 to 16 January, opening at 13:18.",
     "The fair runs from January 14 to 16, opening at 1:18\u202fPM."),
    ("en", "en-US", "It was signed on 14 January 2025 in Minsk.",
     "It was signed on January 14, 2025 in Minsk."),
    ("en", "en-GB", "It was signed on January 14, 2025, at 1:18 PM.",
     "It was signed on 14 January 2025, at 13:18."),
    # The abbreviation's full stop ends the sentence too: never doubled.
    ("en", "en-GB", "Talks begin on Jan. 2. They end later.",
     "Talks begin on 2 Jan. They end later."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "target", "text", "expected"), SAME_LANGUAGE)
def test_same_language_targets_are_minimal_edits(
    source: str, target: str, text: str, expected: str
) -> None:
    pipeline = make_pipeline(
        target, source=source, glossaries=bundled_glossaries(), article_date=DATE
    )
    assert pipeline.localise(text).text == expected


# Not facts to localise: each left as written (and never read as a date, amount or number).
NOT_ENTITIES = [
    "Call +375 17 222-33-44 or (017) 222-33-44 between 8.30 and 17.30.",
    "Write to press@belta.by or see https://www.belta.by/economics/view/12345.html today.",
    "Under Decree No. 282 and Law No. 12.345, MAZ-5440 and ML-2025 Pro trucks are sold.",
    "The office is at 220030 Minsk, 14 Kirova Street.",
]


@pytest.mark.parametrize("text", NOT_ENTITIES)
def test_what_is_no_fact_to_localise_is_left_as_written(text: str) -> None:
    pipeline = make_pipeline("de-DE", source="en", engines={("en", "de"): Writes(text)})
    result = pipeline.localise(text)
    assert result.text == text
    converted = [s.text for s in result.doc.spans if s.kind in ("date", "money", "number")]
    assert converted in ([], ["8.30 and 17.30"])
    assert result.report.findings == ()


@pytest.mark.parametrize(
    ("source", "target", "text", "translation"),
    [
        # A city's name before "oblast" is the region's: the engine translates it.
        ("en", "ru-RU", "Trade with Moscow oblast grew.", "Торговля с Московской областью росла."),
        # A name inside a compound proper name is no name of its own (outside German).
        ("ru", "en-GB", "Сообщило агентство «Минск-Новости».", "The Minsk-Novosti agency said."),
        # A slogan in another language keeps its words.
        ("de", "ru-RU", "Die Marke „Made in Belarus“ wächst.", "Бренд «Made in Belarus» растет."),
        # An abbreviation in capitals is no name in capitals.
        ("ru", "en-GB", "Экспорт из РБ в РФ вырос.", "Exports from Belarus to Russia rose."),
    ],
)
def test_names_that_stand_for_something_else_are_left_to_the_engine(
    source: str, target: str, text: str, translation: str
) -> None:
    output, findings = localised(source, target, text, translation)
    assert output == translation
    assert [f for f in findings if f.severity != "info"] == []


def test_a_name_repaired_takes_the_case_its_russian_preposition_asks() -> None:
    text = "Der Präsident sprach mit Kasachstan."
    output, findings = localised("de", "ru-RU", text, "Президент поговорил с Kasachstan.")
    assert output == "Президент поговорил с Казахстаном."
    assert [f.kind for f in findings] == ["name-spelling"]


def test_a_bare_currency_in_a_later_sentence_is_read_with_the_whole_translation() -> None:
    # The article names Minsk once; "2 roubles" two sentences on are Belarusian roubles on
    # both sides, as the source's "2 рублей" is.
    pipeline = make_pipeline(
        "en-GB",
        source="ru",
        glossaries=bundled_glossaries(),
        engines={("ru", "en"): _Sentences({
            "В Minsk подорожал проезд.": "Fares rose in Minsk.",  # the name in its target form
            "Новые монеты будут от 1 копейки до 2 рублей.":
                "The new coins will range from 1 kopeck to 2 roubles.",
        })},
        article_date=date(2025, 9, 2),
    )  # fmt: skip
    result = pipeline.localise(
        "В Минске подорожал проезд. Новые монеты будут от 1 копейки до 2 рублей."
    )
    assert (
        result.text == "Fares rose in Minsk. The new coins will range from 1 kopeck to 2 roubles."
    )
    assert [f for f in result.report.findings if f.severity != "info"] == []


class _Sentences:
    """An engine double that writes a given translation of each sentence."""

    description = "engine double"

    def __init__(self, translations: dict[str, str]) -> None:
        self.translations = translations

    def translate(self, segments: Sequence[str]) -> list[str]:
        return [self.translations[s] for s in segments]
