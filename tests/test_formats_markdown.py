"""Markdown with front matter: prose translated, syntax and other keys byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from localise import InputError, localise_file
from localise.files import read_article
from localise.formats import Article, markdown
from support import make_pipeline

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "formats" / "traktoren-usbekistan.md"
)


def texts(article: Article) -> list[tuple[str, str]]:
    doc = article.doc
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks if b.translate]


def test_blocks_and_protected_syntax(tmp_path: Path) -> None:
    article = read_article(EXAMPLE)
    found = texts(article)
    assert found[:3] == [
        ("title", "Belarus liefert Traktoren nach Usbekistan"),
        ("lead", "MTZ will im Jahr 2025 mehr Technik nach Zentralasien verkaufen"),
        ("heading", "Belarus liefert Traktoren nach Usbekistan"),
    ]
    assert ("list_item", "Schulung von 50 Mechanikern") in found
    assert not any("Bestellnummer" in text or "[presse]:" in text for _, text in found)
    markup = {s.text for s in article.doc.spans}
    assert {"**", "`BELARUS-1523`", "](https://example.org/taschkent)", "][presse]", "!["} <= markup
    assert '](https://example.org/bilder/mtz.jpg "MTZ")' in markup


def test_round_trip_same_language(tmp_path: Path, models_dir: Path) -> None:
    path = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    result = localise_file(make_pipeline("de-DE", models_dir), path)
    # Its dates and amounts read the same in de-DE: every byte is the source's.
    assert result.text == EXAMPLE.read_text(encoding="utf-8")
    assert "slug: traktoren-usbekistan\n" in result.text


def test_translation_copy_model_keeps_structure(tmp_path: Path, models_dir: Path) -> None:
    path = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    result = localise_file(make_pipeline("en-GB", models_dir), path)
    assert "MINSK, 11 February (BelTA)" in result.text
    assert "```\nBestellnummer: MTZ-2025-0211\n```" in result.text
    assert result.report.to_json()["glossary"] == [] or all(
        "markup" not in g for g in result.report.to_json()["glossary"]
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Neuer Titel", "title: Neuer Titel\n"),
        ("Titel: mit Doppelpunkt", 'title: "Titel: mit Doppelpunkt"\n'),
        ("# kein Kommentar", 'title: "# kein Kommentar"\n'),
    ],
)
def test_front_matter_value_quoted_when_needed(tmp_path: Path, value: str, written: str) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Alter Titel\nid: 7\n---\nText hier.\n", encoding="utf-8")
    article = read_article(path)
    outputs = tuple(
        value if b.kind == "title" else article.doc.text[b.start : b.end]
        for b in article.doc.blocks
    )
    out = markdown.write(article, outputs, "de")
    assert out == f"---\n{written}id: 7\n---\nText hier.\n"


def test_broken_front_matter_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [kaputt\n---\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.md: front matter is not valid YAML"):
        read_article(path)


_WORDS = st.sampled_from(
    ["Minsk", "Handel", "wächst", "am", "14.", "Januar", "Export", "„gut“", "&amp;"]
)
_INLINE = st.one_of(
    _WORDS,
    _WORDS.map(lambda w: f"**{w}**"),
    _WORDS.map(lambda w: f"*{w}*"),
    _WORDS.map(lambda w: f"`{w}`"),
    _WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    _WORDS.map(lambda w: f"![{w}](bild.png)"),
    st.just("<https://example.org>"),
    st.just("<b>x</b>"),
)
_LINE = st.lists(_INLINE, min_size=1, max_size=6).map(" ".join)
_BLOCK = st.one_of(
    _LINE,
    _LINE.map(lambda line: "# " + line),
    _LINE.map(lambda line: "> " + line),
    st.lists(_LINE, min_size=1, max_size=3).map(lambda items: "\n".join("- " + i for i in items)),
    st.lists(_LINE, min_size=2, max_size=3).map("\n".join),
    st.just("```\ncode = 1\n```"),
)


@given(st.lists(_BLOCK, min_size=1, max_size=5), st.sampled_from(["\n", "\r\n"]))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_markdown_round_trips_byte_for_byte(
    tmp_path: Path, blocks: list[str], newline: str
) -> None:
    text = ("---\ntitle: Titel\n---\n" + "\n\n".join(blocks) + "\n").replace("\n", newline)
    path = tmp_path / "gen.md"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path)
    outputs = tuple(article.doc.text[b.start : b.end] for b in article.doc.blocks)
    assert markdown.write(article, outputs, "de") == text
    assert all(b.translate for b in article.doc.blocks)  # every generated block was mapped
