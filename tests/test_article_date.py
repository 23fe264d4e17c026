"""The article's publication date: which evidence wins, where it came from, and what the text
alone says (datelines, reported periods, deadlines)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from babel.dates import format_date
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from localise import localise_file
from localise.cli import main
from localise.doc import Doc
from localise.files import read_article
from localise.stages.article_date import ArticleDate, find_article_date, timestamp_date
from support import make_pipeline

# The text alone says 3 January 2021 (the dateline, after "im November 2020"); every other
# source of the date names another year, so the winner shows in the date.
BODY = (
    "MINSK, 3. Januar (BelTA) – Der Liefervertrag wurde am 28. Dezember in Astana "
    "unterschrieben. Im November 2020 wuchs der Handel um 5 %."
)
FILES = {
    "front-matter.md": f"---\ntitle: Vertrag unterschrieben\ndate: 2025-01-03\n---\n{BODY}\n",
    "feed.json": f'{{"title": "Vertrag", "published_at": "2025-01-03T09:15:00+03:00", '
    f'"body": "{BODY}"}}',
    "page.html": '<html><head><meta property="article:published_time" '
    f'content="2025-01-03T09:15:00Z"></head><body><p>{BODY}</p></body></html>',
    "scraped.txt": "Wirtschaft\n03 Januar 2022, 10:15\n\nLiefervertrag in Astana unterschrieben"
    f"\n\n{BODY}\n",
    "plain.md": f"{BODY}\n",
    "undated.md": "Der Liefervertrag wurde am 28. Dezember in Astana unterschrieben, teilte das "
    "Ministerium mit.\n",
}
OPTION = "2023-01-03"

# file, --article-date, the article date, where it came from
PRIORITY = [
    ("front-matter.md", OPTION, "2025-01-03", "metadata"),  # the file's metadata > the option
    ("feed.json", OPTION, "2025-01-03", "metadata"),
    ("page.html", OPTION, "2025-01-03", "metadata"),
    ("scraped.txt", OPTION, "2023-01-03", "option"),  # the option > the timestamp line
    ("plain.md", OPTION, "2023-01-03", "option"),  # the option > the text
    ("scraped.txt", None, "2022-01-03", "timestamp"),  # the timestamp line > the text
    ("plain.md", None, "2021-01-03", "text"),
    ("front-matter.md", None, "2025-01-03", "metadata"),
    ("undated.md", None, None, None),
    ("undated.md", OPTION, "2023-01-03", "option"),
]


def _write(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(FILES[name], encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "option", "expected", "source"), PRIORITY)
def test_the_most_trusted_date_wins_in_the_library(
    tmp_path: Path, name: str, option: str | None, expected: str | None, source: str | None
) -> None:
    given_date = date.fromisoformat(option) if option else None
    pipeline = make_pipeline("de-CH", source="de", article_date=given_date)
    result = localise_file(pipeline, _write(tmp_path, name))
    found = result.doc.article_date
    assert (found.isoformat() if found else None, result.doc.article_date_source) == (
        expected,
        source,
    )
    report = result.report.to_json()
    assert (report["article_date"], report["article_date_source"]) == (expected, source)
    # The winner gives the years dates leave out: the December before the article.
    values = {s.text: s.value.to_json()["value"] for s in result.doc.spans_of("date")}
    assert values["28. Dezember"] == (f"{int(expected[:4]) - 1}-12-28" if expected else "--12-28")


@pytest.mark.parametrize(("name", "option", "expected", "source"), PRIORITY)
def test_the_most_trusted_date_wins_in_inspect(
    tmp_path: Path, name: str, option: str | None, expected: str | None, source: str | None
) -> None:
    path = _write(tmp_path, name)
    options = ["--article-date", option] if option else []
    result = CliRunner().invoke(main, ["inspect", "--json", "--from", "de", *options, str(path)])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.output)
    assert (facts["article_date"], facts["article_date_source"]) == (expected, source)


@pytest.mark.parametrize(
    ("name", "option", "line"),
    [
        ("front-matter.md", OPTION, "article date 2025-01-03 (from the file's metadata)"),
        ("scraped.txt", OPTION, "article date 2023-01-03 (from --article-date)"),
        ("scraped.txt", None, "article date 2022-01-03 (from the page's timestamp line)"),
        ("plain.md", None, "article date 2021-01-03 (from the text's dateline and periods)"),
        ("undated.md", None, "article date unknown"),
    ],
)
def test_inspect_says_where_the_date_came_from(
    tmp_path: Path, name: str, option: str | None, line: str
) -> None:
    path = _write(tmp_path, name)
    options = ["--article-date", option] if option else []
    result = CliRunner().invoke(main, ["inspect", "--from", "de", *options, str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"{path}: language de (1.00), {line}"


@pytest.mark.parametrize(
    ("option", "expected", "source"),
    [(OPTION, "2023-01-03", "option"), (None, "2022-01-03", "timestamp")],
)
def test_the_translate_report_records_where_the_date_came_from(
    tmp_path: Path, option: str | None, expected: str, source: str
) -> None:
    path = _write(tmp_path, "scraped.txt")
    out = tmp_path / "out"
    options = ["--article-date", option] if option else []
    args = ["translate", str(path), "--to", "de-CH", "--out", str(out), "--offline", *options]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "_localise" / "reports" / "scraped.txt.json").read_text())
    assert (report["article_date"], report["article_date_source"]) == (expected, source)


def test_a_date_the_stage_set_is_judged_again_under_another_config() -> None:
    doc = Doc(BODY, lang="de")
    by_option = ArticleDate("de", date(2023, 1, 3))(doc)
    assert (by_option.article_date, by_option.article_date_source) == (date(2023, 1, 3), "option")
    again = ArticleDate("de")(by_option)
    assert (again.article_date, again.article_date_source) == (date(2021, 1, 3), "text")
    # A date given on the Doc itself (a reader's, a caller's) is the file's metadata.
    stated = ArticleDate("de", date(2023, 1, 3))(Doc(BODY, article_date=date(2025, 1, 3)))
    assert (stated.article_date, stated.article_date_source) == (date(2025, 1, 3), "metadata")


@pytest.mark.parametrize(
    ("article_date", "source"),
    [(None, "text"), (date(2025, 1, 3), "guess")],
)
def test_a_source_needs_a_date_and_a_known_name(article_date: date | None, source: str) -> None:
    with pytest.raises(ValueError, match="article_date_source"):
        Doc("Text.", article_date=article_date, article_date_source=source)  # type: ignore[arg-type]


def test_the_timestamp_line_gives_its_own_date_not_the_next_lines(tmp_path: Path) -> None:
    path = tmp_path / "seite.txt"
    path.write_text(
        "Politik\n14 Januar 2025, 13:18\n\nMINSK, 15. Januar (BelTA) – Der Premierminister "
        "hat am Mittwoch die Messe eröffnet, teilte sein Pressedienst mit.\n",
        encoding="utf-8",
    )
    doc = read_article(path).doc
    assert doc.meta["timestamp"] == "14 Januar 2025, 13:18"
    dated = make_pipeline("de-CH", source="de").analyse(doc)
    assert (dated.article_date, dated.article_date_source) == (date(2025, 1, 14), "timestamp")
    # The dateline's day keeps to its own line: no clock time from the line above.
    dateline = next(s for s in dated.spans_of("date") if s.text == "15. Januar")
    assert (dateline.value.to_json()["value"], dateline.value.to_json()["time"]) == (
        "2025-01-15",
        None,
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("14 Januar 2025, 13:18", date(2025, 1, 14)),
        ("17:59, 24 Май 2011 | GMT +5", date(2011, 5, 24)),
        ("20 March 2024 22:35 (UTC+04:00)", date(2024, 3, 20)),
        ("21.10.2019 | 16:54", date(2019, 10, 21)),
        ("Wirtschaft 13:18", None),  # a time without a date
        (None, None),
    ],
)
def test_timestamp_date(line: str | None, expected: date | None) -> None:
    assert timestamp_date(line) == expected


DEADLINES = [
    # A deadline with its month: "bis", "by", "до", "к" point forward; the reported period
    # decides, where the latest period (the old rule) gave the deadline's year after it.
    (
        "de",
        "MINSK, 14. März (BelTA) – Bis Juni 2027 soll das neue Milchwerk in Betrieb gehen. "
        "Im Januar 2025 stieg die Milchproduktion um 4,2 %.",
        date(2025, 3, 14),
    ),
    (
        "de",
        "MINSK, 20. Februar (BelTA) – Im Januar 2025 exportierte Belarus Waren für $3,1 Mrd. "
        "Bis spätestens Ende Dezember 2026 will das Ministerium den Export verdoppeln.",
        date(2025, 2, 20),
    ),
    (
        "en",
        "MINSK, 14 March (BelTA) – Exports rose by 5% in January 2025. The new plant is to be "
        "completed by June 2027.",
        date(2025, 3, 14),
    ),
    (
        "en",
        "MINSK, 10 April (BelTA) – Belarus will double its IT exports by the end of June 2026, "
        "the minister said. In January-February 2025 they grew by 12%.",
        date(2025, 4, 10),
    ),
    (
        "ru",
        "МИНСК, 14 марта. /БЕЛТА/ – В январе 2025 года экспорт молочной продукции вырос на 5%. "
        "До июня 2027 года в Гродненской области построят новый завод.",
        date(2025, 3, 14),
    ),
    (
        "ru",
        "МИНСК, 2 апреля. /БЕЛТА/ – К концу декабря 2026 года в стране откроют 12 ферм. В "
        "январе-феврале 2025 года производство молока выросло на 3,1%.",
        date(2025, 4, 2),
    ),
    # A half-year to come: from its end, the dateline would fall in the year after it.
    (
        "de",
        "MINSK, 31. März (BelTA) – Ab dem zweiten Halbjahr 2025 sollen 20 Kipper nach "
        "Nowosibirsk geliefert werden. Im Januar-Februar 2025 wuchs der Export um 4 %.",
        date(2025, 3, 31),
    ),
    (
        "en",
        "MINSK, 14 March (BelTA) – Starting from the second half of 2025 the plant will ship "
        "20 trucks a month. In January-February 2025 exports grew by 4%.",
        date(2025, 3, 14),
    ),
    # A plan without a preposition: the other mentions support the reported year only.
    (
        "en",
        "MINSK, 14 March (BelTA) – Exports rose 5% in January 2025 from January 2024. The "
        "plant will open in June 2027.",
        date(2025, 3, 14),
    ),
    (
        "de",
        "MINSK, 14. März (BelTA) – Im Januar 2025 wuchs der Export gegenüber dem Vorjahr. Im "
        "Juni 2027 soll das Werk eröffnet werden, bis 2027 sollen 500 Stellen entstehen.",
        date(2025, 3, 14),
    ),
    # A deadline alone says nothing of the year the article was written in; nor does a day
    # more than 62 days before the dateline (an event, not the period being reported).
    ("de", "MINSK, 14. März (BelTA) – Bis Juni 2027 soll das Werk fertig sein.", None),
    (
        "ru",
        "МИНСК, 12 августа. /БЕЛТА/ – С 15 апреля 2022 года завод выпустил 500 автобусов.",
        None,
    ),
    # Years of plans ("by 2030", "до 2030 года", "к 2035 году") beside a quarter or half-year.
    (
        "en",
        "MINSK, 5 May (BelTA) – By 2030 Belarus plans to build 20 new dairy farms. In the "
        "first quarter of 2025 milk output grew by 3%.",
        date(2025, 5, 5),
    ),
    (
        "ru",
        "МИНСК, 1 августа. /БЕЛТА/ – К 2035 году Беларусь планирует удвоить экспорт, до 2030 "
        "года – нарастить его на треть. В январе-июне 2024 года товарооборот вырос на 8%.",
        date(2024, 8, 1),
    ),
    # Reported periods as before: "as of", a comparison with the year before, history.
    (
        "en",
        "MINSK, 7 February (BelTA) – Gold and foreign exchange reserves stood at $7.2 billion "
        "as of 1 February 2019, the National Bank said.",
        date(2019, 2, 7),
    ),
    (
        "en",
        "MINSK, 1 August (BelTA) – In January-June 2019 trade grew by 8% up from January-June "
        "2018.",
        date(2019, 8, 1),
    ),
    (
        "en",
        "MINSK, 1 August (BelTA) – In January-June 2025 the plant, founded in May 1948, made "
        "5,000 tractors.",
        date(2025, 8, 1),
    ),
    (
        "de",
        "MINSK, 12. August (BelTA) – Im ersten Halbjahr 2025 wuchs der Export nach China um 9 %.",
        date(2025, 8, 12),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DEADLINES)
def test_a_deadline_does_not_decide_the_year(lang: str, text: str, expected: date | None) -> None:
    assert find_article_date(text, lang) == expected


DATELINES = [
    (
        "ru",
        "1 сентября, Минск /Корр. БЕЛТА/. В январе-июле 2025 года экспорт вырос на 6%.",
        date(2025, 9, 1),
    ),
    (
        "ru",
        "МИНСК, 12 мая. /БЕЛТА/ – В январе-марте 2024 года товарооборот составил $1,2 млрд.",
        date(2024, 5, 12),
    ),
    ("en", "MINSK, 3 June (BelTA) - In January-April 2025 exports rose by 4%.", date(2025, 6, 3)),
    ("de", "MINSK, 14. März (BelTA) – Im Januar 2025 stieg der Export um 3 %.", date(2025, 3, 14)),
    ("en", "LONDON, June 3 (Reuters) - Car sales rose 2% in April 2025.", date(2025, 6, 3)),
    ("ru", "АСТАНА, 24 мая. Экспорт в январе-апреле 2024 года вырос на 2%.", date(2024, 5, 24)),
    # A title's day and month comes before the dateline; the dateline's shape tells them apart.
    (
        "ru",
        "Выставка откроется 5 октября\n\n1 сентября, Минск /Корр. БЕЛТА/. В январе-июле 2025 "
        "года экспорт вырос на 6%.",
        date(2025, 9, 1),
    ),
    (
        "de",
        "Lukaschenko empfängt am 20. März den Gast aus Peking\n\nMINSK, 14. März (BelTA) – Im "
        "Januar 2025 stieg der Export um 3 %.",
        date(2025, 3, 14),
    ),
    # A clock time alone on the line above the dateline stays on its own line.
    (
        "en",
        "Business 10:15\n\nMINSK, 14 March (BelTA) - Exports rose in December 2024 by 2%.",
        date(2025, 3, 14),
    ),
    ("de", "MINSK, 14. November (BelTA) – Seit 2021 wächst der Handel.", None),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DATELINES)
def test_datelines(lang: str, text: str, expected: date | None) -> None:
    assert find_article_date(text, lang) == expected


SHAPES = {
    "de": (
        "d. MMMM",
        "MINSK, {dateline} (BelTA) – Im {period} wuchs der Export um 5 %. Bis {plan} soll er "
        "sich verdoppeln.",
    ),
    "en": (
        "d MMMM",
        "MINSK, {dateline} (BelTA) – In {period} exports grew by 5%. They are to double by {plan}.",
    ),
    "ru": (
        "d MMMM",
        "{dateline}, Минск /Корр. БЕЛТА/. За {period} года экспорт вырос на 5%. До {plan} года "
        "его удвоят.",
    ),
}


@settings(max_examples=60, deadline=None)
@given(
    lang=st.sampled_from(sorted(SHAPES)),
    published=st.dates(min_value=date(2001, 1, 1), max_value=date(2095, 12, 31)),
)
def test_the_dateline_takes_the_year_of_the_month_before_it(lang: str, published: date) -> None:
    # The month before the publication is reported; a deadline two years on is not.
    before = date(published.year - (published.month == 1), (published.month - 2) % 12 + 1, 1)
    plan = date(published.year + 2, before.month, 1)
    dateline_format, template = SHAPES[lang]
    text = template.format(
        dateline=format_date(published, dateline_format, locale=lang),
        period=format_date(before, "LLLL y", locale=lang),
        plan=format_date(plan, "MMMM y", locale=lang),
    )
    assert find_article_date(text, lang) == published
