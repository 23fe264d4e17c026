"""HTML: text and attributes translated in place, markup kept, lang set to the target."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest

from localise import localise_file
from localise.files import read_article
from support import make_pipeline

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "formats" / "aufzuege-kasachstan.html"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    return path


def test_blocks_attributes_and_what_is_left_alone(page: Path) -> None:
    doc = read_article(page).doc
    found = [doc.text[b.start : b.end] for b in doc.blocks]
    assert "Ein Aufzug im Werk" in found  # alt
    assert "Der Aufzughersteller erweitert sein Geschäft in Zentralasien." in found  # meta
    assert not any("dataLayer" in t or "margin" in t or "Artikelnummer" in t for t in found)
    lead = next(t for t in found if t.startswith("MINSK"))
    assert 'title="Mehr über Astana">Astana</a>' in lead  # the title is text of the sentence
    markup = {s.text for s in doc.spans}
    assert {
        "<b>",
        "</b>",
        '<a href="https://example.org/astana" title="',
        "&bdquo;",
        "ML-2025 Pro",
    } <= markup


def test_round_trip_same_language(page: Path, models_dir: Path) -> None:
    result = localise_file(make_pipeline("de", models_dir), page)
    # Its dates and amounts read the same in German: every byte is the source's.
    assert result.text == EXAMPLE.read_text(encoding="utf-8")


def test_translation_sets_lang_and_keeps_inline_markup(page: Path, models_dir: Path) -> None:
    result = localise_file(make_pipeline("en-GB", models_dir, glossaries=_bundled()), page)
    assert '<html lang="en-GB">' in result.text
    assert "MINSK, 20 March (BelTA) – Der Hersteller <b>Mogilevliftmash</b> hat" in result.text
    names = result.report.to_json()["glossary"]
    assert {g["text"] for g in names} >= {"Mogiljowliftmasch", "Astana", "Kasachstan"}
    assert {g["status"] for g in names} == {"kept"}


def test_lang_is_added_when_missing(tmp_path: Path, models_dir: Path) -> None:
    path = tmp_path / "a.htm"
    path.write_text(
        "<html><body><p>Der Handel mit Kasachstan wächst weiter.</p></body></html>",
        encoding="utf-8",
    )
    result = localise_file(make_pipeline("en-GB", models_dir), path)
    assert result.text.startswith('<html lang="en-GB"><body><p>Der Handel')


class _Typographer:
    """An engine double that writes what real engines write: ASCII quotes, "&", "<"."""

    description = "typographer"

    def translate(self, segments: Sequence[str]) -> list[str]:
        return [
            s.replace("„", '"').replace("“", '"').replace(" und ", " & ").replace(" unter ", " < ")
            for s in segments
        ]


def test_text_the_engine_writes_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body><img src="a.jpg" alt="„Traktoren“ aus Minsk">'
        "<p>Forschung und Entwicklung &amp; Preise unter 5 Euro.</p></body></html>",
        encoding="utf-8",
    )
    pipeline = make_pipeline("en-GB", source="de", engines={("de", "en"): _Typographer()})
    out = localise_file(pipeline, path).text
    assert 'alt="&quot;Traktoren&quot; aus Minsk"' in out
    # "5 Euro" states the source's value: the engine's words stand, escaped.
    assert "<p>Forschung &amp; Entwicklung &amp; Preise &lt; 5 Euro.</p>" in out


class _Attributes(HTMLParser):
    """Every tag and its attributes, as a browser's tokenizer reads them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _handlers(text: str) -> list[str]:
    return [name for _, attrs in _Attributes(text).tags for name in attrs if name.startswith("on")]


def test_a_glossary_apostrophe_cannot_close_an_attribute(tmp_path: Path, models_dir: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><p>Der Präsident sprach. <img src='x.png' "
        "alt='Lukaschenkos Ziel onerror=alert(1) x'> Er ging.</p></body></html>",
        encoding="utf-8",
    )
    pipeline = make_pipeline("en-GB", models_dir, glossaries=_bundled())
    out = localise_file(pipeline, path).text
    assert _handlers(out) == []
    img = next(attrs for tag, attrs in _Attributes(out).tags if tag == "img")
    assert img == {"src": "x.png", "alt": "Lukashenko's Ziel onerror=alert(1) x"}


class _Injector:
    """An engine double gone bad: it writes tags of its own and drops pieces of others."""

    description = "injector"

    def translate(self, segments: Sequence[str]) -> list[str]:
        return [
            s.replace("Preise", "<b onmouseover=alert(1)>Preise</b>")
            .replace('">', "")  # the end of a tag whose attribute value is translated
            .replace("Mehr", "More info")
            for s in segments
        ]


def test_markup_the_engine_invents_or_breaks_is_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body><p>Preise <a href="/x" title="Mehr">hier</a> und <b>dort</b>.</p>'
        "<p>Siehe <img alt=Mehr src=y.png> unten.</p></body></html>",
        encoding="utf-8",
    )
    pipeline = make_pipeline("en-GB", source="de", engines={("de", "en"): _Injector()})
    out = localise_file(pipeline, path).text
    assert _handlers(out) == []
    assert "&lt;b onmouseover=alert(1)>Preise&lt;/b>" in out
    # The <a> lost its end: kept as text, so the rest of the paragraph is not inside a tag.
    assert '&lt;a href="/x" title="More info' in out
    assert "<b>dort</b>" in out
    # An unquoted value cannot be ended by the space the engine wrote.
    img = next(attrs for tag, attrs in _Attributes(out).tags if tag == "img")
    assert img == {"alt": "More info", "src": "y.png"}


def _bundled() -> list[Path]:
    from localise.stages.glossary import bundled_glossaries

    return bundled_glossaries()
