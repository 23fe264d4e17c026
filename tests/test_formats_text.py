"""Plain-text pages: anatomy, boilerplate left out, publication date, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from localise import FormatOptions, InputError, localise_file
from localise.files import learn_boilerplate, read_article
from support import make_pipeline

PAGE = (
    "Startseite\nRegionen\nflag Montag, 3 März 2025\nAlle Meldungen\nIndustrie\n"
    "28 Februar 2025, 16:05\n\nBelAZ baut neue Muldenkipper\n\n"
    "SCHODINO, 28. Februar (BelTA) – Das Werk BelAZ hat am 27. Februar zwei neue Modelle "
    "vorgestellt. Sie sollen ab 2026 gebaut werden.\n\n"
    "„Die Nachfrage ist hoch“, sagte der Direktor.\n"
    "Folgen Sie uns\nTelegram\nMeldungen aus der Region"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def kinds(path: Path, **options: object) -> list[tuple[str, str]]:
    doc = read_article(path, FormatOptions(**options)).doc  # type: ignore[arg-type]
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_page_anatomy(tmp_path: Path) -> None:
    found = kinds(write(tmp_path, "page.txt", PAGE))
    assert found == [
        ("boilerplate", "Startseite"),
        ("boilerplate", "Regionen"),
        ("boilerplate", "flag Montag, 3 März 2025"),
        ("boilerplate", "Alle Meldungen"),
        ("metadata", "Industrie"),
        ("metadata", "28 Februar 2025, 16:05"),
        ("title", "BelAZ baut neue Muldenkipper"),
        ("lead", PAGE.split("\n\n")[2]),
        ("quote", "„Die Nachfrage ist hoch“, sagte der Direktor."),
        ("boilerplate", "Folgen Sie uns"),
        ("boilerplate", "Telegram"),
        ("boilerplate", "Meldungen aus der Region"),
    ]


def test_page_metadata_and_publication_date(tmp_path: Path) -> None:
    doc = read_article(write(tmp_path, "page.txt", PAGE)).doc
    assert doc.meta["timestamp"] == "28 Februar 2025, 16:05"
    # The article-date stage reads the timestamp: the page of 28 February 2025.
    assert str(make_pipeline("de-DE").analyse(doc).article_date) == "2025-02-28"
    assert doc.meta["title"] == "BelAZ baut neue Muldenkipper"
    assert doc.meta["dateline"] == "SCHODINO"
    assert doc.meta["category"] == "Industrie"


@pytest.mark.parametrize(
    ("ending", "encoding", "bom"),
    [("\n", "utf-8", ""), ("\r\n", "utf-8", ""), ("\n", "utf-8", "\ufeff"), ("\r\n", "utf-16", "")],
)
def test_page_comes_out_as_title_and_body(
    tmp_path: Path, models_dir: Path, ending: str, encoding: str, bom: str
) -> None:
    path = write(tmp_path, "page.txt", bom + PAGE.replace("\n", ending), encoding)
    result = localise_file(make_pipeline("de-DE", models_dir), path)
    body = PAGE.split("\n\n", 1)[1].split("\nFolgen")[0]
    assert result.text == body.replace("\n", ending)
    report = result.report.to_json()
    assert report["article_date"] == "2025-02-28"
    assert "Telegram" in report["boilerplate"] and "Industrie" in report["boilerplate"]


def test_keep_boilerplate_reproduces_the_page(tmp_path: Path, models_dir: Path) -> None:
    path = write(tmp_path, "page.txt", PAGE)
    options = FormatOptions(keep_boilerplate=True)
    result = localise_file(make_pipeline("de-DE", models_dir, formats=options), path)
    # German into German: dates and amounts are written as the source wrote them.
    assert result.text == PAGE


def test_example_page_translated_with_implied_years(models_dir: Path, articles: Path) -> None:
    page = articles / "lukaschenko-usbekistan.txt"
    result = localise_file(make_pipeline("en-GB", models_dir), page)
    first_lines = result.text.split("\n")[:3]
    assert first_lines[0] == "Lukaschenko will Handel mit Usbekistan ausbauen"
    assert first_lines[2].startswith("MINSK, 15 January (BelTA) – ")
    assert "Abonnieren" not in result.text and "flag" not in result.text
    dates = {c["text"]: c.get("value") for c in result.report.to_json()["conversions"]}
    assert dates["28. Dezember"] == "2024-12-28"  # the page's timestamp is 15 January 2025


def test_learned_lines_are_boilerplate_but_prose_is_never_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir()
    repeated = "Werbung\nDer Text dieses Hinweises steht unter jedem Artikel der Seite.\n"
    for number in range(4):
        write(
            folder,
            f"a{number}.txt",
            f"Ein Satz mit vielen Wörtern, Nummer {number}.\n{repeated}Ende gut, alles gut hier.\n",
        )
    learned = learn_boilerplate(sorted(folder.iterdir()))
    assert "Werbung" in learned
    found = kinds(folder / "a0.txt", boilerplate=tuple(sorted(learned)))
    assert ("boilerplate", "Werbung") in found
    assert ("paragraph", "Der Text dieses Hinweises steht unter jedem Artikel der Seite.") in found


def test_plain_prose_without_page_is_kept_whole(tmp_path: Path) -> None:
    text = "Erster Satz des Artikels ist hier.\nZweiter Satz des Artikels ist hier.\n"
    assert [k for k, _ in kinds(write(tmp_path, "a.txt", text))] == ["paragraph", "paragraph"]


def test_unsupported_file_fails_with_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.docx", "x")
    with pytest.raises(
        InputError, match=r"a\.docx: unsupported file type '\.docx'; localise reads"
    ):
        read_article(path)
