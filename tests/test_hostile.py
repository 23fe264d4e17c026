"""Hostile and broken inputs: every reader and stage ends in a result or a LocaliseError.

Files localise did not write (empty, binary, UTF-16, deeply nested, with a lone surrogate or a
YAML tag) fail alone with one clear line, and no input makes a reader or a stage work more
than near-linearly: the inputs that were quadratic (runs of dots and spaces, "14. " repeated,
100 000 nested ``<div>``s, 50 000 capitalised words) are timed at two sizes, a quarter and the
whole, and the whole must take less than ten times the quarter (a quadratic cost takes
sixteen). Hypothesis then throws arbitrary text at each reader, the recognisers and the
glossary loaders.
"""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

import codecs
import gc
import io
import json
import os
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from localise.cli import main
from localise.config import FormatOptions
from localise.doc import Doc
from localise.errors import GlossaryError, InputError
from localise.formats import html, jsonfmt, markdown, text
from localise.formats._common import Article
from localise.stages.entities import recogniser
from localise.stages.glossary import Glossary, GlossaryFinder, GlossaryRenderer
from localise.stages.glossary.files import read_glossary_file
from localise.stages.glossary.store import bundled_glossaries
from localise.stages.glossary.tools import (
    Candidate,
    check_glossary,
    suggest_names,
    write_suggestions_tsv,
)
from localise.stages.render import EntityRenderer
from localise.stages.segment import ABBREVIATIONS, Segmenter, split_sentences
from localise.textio import decode
from support import run_unprivileged

OPTIONS = FormatOptions()
#: LOCALISE_FUZZ_EXAMPLES=20000 makes the fuzz tests a soak (about a minute per thousand).
FUZZ = settings(
    max_examples=int(os.environ.get("LOCALISE_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _seconds(work: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start
    finally:
        gc.enable()


def assert_near_linear(work: Callable[[str], object], make: Callable[[int], str], n: int) -> None:
    """``work`` on ``make(4 * n)`` takes under ten times what it takes on ``make(n)``; the
    smaller counts as at least 0.1 s, and the larger is timed twice when the first time is
    over, so neither timer noise nor a busy machine fails it."""
    small, large = make(n), make(4 * n)
    quarter = _seconds(lambda: work(small))
    bound = 10 * max(quarter, 0.1)
    whole = _seconds(lambda: work(large))
    if whole >= bound:
        whole = min(whole, _seconds(lambda: work(large)))
    assert whole < bound, f"{quarter:.3f}s for n, {whole:.3f}s for 4n"


def _read(fmt: object, content: str, name: str = "a") -> Article:
    return fmt.read(content, Path(name), OPTIONS)  # type: ignore[attr-defined,no-any-return]


# -- decoding files ------------------------------------------------------------------------

ARTICLE = "MINSK, 14. Januar – Der Export wuchs um 5 %."


@pytest.mark.parametrize(
    ("data", "text_or_error"),
    [
        (b"", ""),
        (ARTICLE.encode("utf-8"), ARTICLE),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE),
        (ARTICLE.encode("utf-16"), ARTICLE),  # with its BOM
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE),
        (ARTICLE.encode("utf-32"), ARTICLE),
        (
            "Минск".encode("cp1251"),
            "not valid UTF-8 text (bad byte at offset 0); save the file as UTF-8",
        ),
        (
            b"\xff\xfe\x00\xd8x\x00",  # a BOM, then a lone surrogate
            "not valid UTF-16 text (bad byte at offset 2); save the file as UTF-8",
        ),
        (
            ARTICLE.encode("utf-16-le"),
            "looks like UTF-16 text without a byte-order mark; save the file as UTF-8 (or as "
            "UTF-16 with a BOM)",
        ),
        (
            ARTICLE.encode("utf-16-be"),
            "looks like UTF-16 text without a byte-order mark; save the file as UTF-8 (or as "
            "UTF-16 with a BOM)",
        ),
        (
            "Минск, 14 января".encode("utf-16-le"),  # no NUL byte at all, and valid UTF-8
            "looks like UTF-16 text without a byte-order mark; save the file as UTF-8 (or as "
            "UTF-16 with a BOM)",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "not valid UTF-8 text (bad byte at offset 0); save the file as UTF-8",
        ),
        (
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
            "looks like a binary file (contains NUL or other control characters), not text",
        ),
        (
            bytes(range(1, 9)) * 20 + b"text",
            "looks like a binary file (contains NUL or other control characters), not text",
        ),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_files_decode_or_say_what_they_are(data: bytes, text_or_error: str) -> None:
    path = Path("article.txt")
    if text_or_error == "" or text_or_error == ARTICLE:
        assert decode(data, path) == text_or_error
        return
    with pytest.raises(InputError) as caught:
        decode(data, path)
    assert str(caught.value) == f"article.txt: {text_or_error}"


def test_a_form_feed_or_an_escape_in_text_is_no_binary_file() -> None:
    page = f"{ARTICLE}\f\n{ARTICLE} \x1b[1m fett\n" * 20
    assert decode(page.encode("utf-8"), Path("a.txt")) == page


@given(st.binary(max_size=300))
@FUZZ
def test_any_bytes_decode_or_fail_with_an_input_error(data: bytes) -> None:
    try:
        decoded = decode(data, Path("a.txt"))
    except InputError as exc:
        assert str(exc).startswith("a.txt: ")
    else:
        assert "\x00" not in decoded


# -- HTML ------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["", " \n", "<!-- nothing -->", "<html></html>"])
def test_an_empty_page_has_no_blocks(page: str) -> None:
    article = _read(html, page, "a.html")
    assert article.doc.blocks == ()
    assert html.write(article, [], "en-GB") == page.replace("<html>", '<html lang="en-GB">')


@pytest.mark.parametrize(
    ("page", "blocks"),
    [
        ("<![alt[x]]>", []),  # the stdlib asserts; a browser reads a bogus comment
        ("<p>Eins</p><![alt[x]]><p>Zwei</p>", ["Eins", "Zwei"]),
        ("<p>Eins</p><![1 x]><p>Zwei</p>", ["Eins", "Zwei"]),
        ("<p>Eins<![CDATA[x]]> zwei</p>", ["Eins<![CDATA[x]]> zwei"]),
        ("<p>Eins &# zwei &#x drei</p><p>Vier</p>", ["Eins &# zwei &#x drei", "Vier"]),
        ("<p>Eins</p><p>Zwei <b", ["Eins", "Zwei <b"]),
        ("<p>Eins</p><!-- offen", ["Eins"]),
    ],
)
def test_broken_markup_is_read_as_a_browser_would(page: str, blocks: list[str]) -> None:
    doc = _read(html, page, "a.html").doc
    assert [doc.text[b.start : b.end] for b in doc.blocks] == blocks


def test_100000_nested_divs_are_read_in_linear_time() -> None:
    def nested(n: int) -> str:
        return "<div>" * n + "Ein Satz." + "</div>" * n

    doc = _read(html, nested(100_000), "a.html").doc
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Ein Satz."]
    assert_near_linear(lambda page: _read(html, page, "a.html"), nested, 25_000)


@pytest.mark.parametrize(
    "unit",
    ["<div>Satz. ", "<b>", "<a ", "<a b='", "<!--", "<!-- >", "<![CDATA[", "<![CDATA[ >", "&#x"],
)
def test_markup_that_never_closes_costs_linear_time(unit: str) -> None:
    def page(n: int) -> str:
        return unit * (n // len(unit)) + ">"

    assert_near_linear(lambda content: _read(html, content, "a.html"), page, 50_000)


HTML_PIECES = [
    "<", ">", "</", "/>", "<!--", "-->", "<!", "<![", "]]>", "<![alt[", "<![CDATA[", "<?", "<p>",
    "</p>", "<b>", "</b>", "<div>", "</div>", "<script>", "</script>", "<code>", "</code>",
    "<html>", "<title>", "</title>", '<img alt="', "<a title='", "<span translate=no>", "&amp;",
    "&#", "&#x", "&#123;", "&", ";", "=", '"', "'", " ", "\n", "\r", "Satz.", "Minsk", "14. ",
    '<meta name="description" content="', '<meta property="article:published_time" content="',
]  # fmt: skip


def _pieces(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(st.sampled_from(pieces), max_size=40).map("".join),
        st.text(max_size=80),
    )


@given(_pieces(HTML_PIECES))
@FUZZ
def test_any_html_is_read_and_written_back(page: str) -> None:
    try:
        article = _read(html, page, "a.html")
    except InputError:
        return
    doc = article.doc
    outputs = [doc.text[b.start : b.end].upper() for b in doc.blocks]
    html.write(article, outputs, "en-GB").encode("utf-8")


# -- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"title": "Export", "body": "Text \\ud800 mehr"}',
            "the 'body' value at line 1 holds a lone surrogate escape (\\ud800), half of a "
            "character that no text can hold; export the file again or remove the escape",
        ),
        (
            '[{"title": "Eins"},\n {"title": ["Zwei", "x\\udfff"]}]',
            "the 'title' value at line 2 holds a lone surrogate escape (\\udfff), half of a "
            "character that no text can hold; export the file again or remove the escape",
        ),
        (
            '{"title": "Export", "body": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "arrays and objects nested more than 200 levels deep (at line 1); an article "
            "export nests a few levels: check the file",
        ),
        (
            "{" + '"a": {' * 201 + "}" * 202,
            "arrays and objects nested more than 200 levels deep (at line 1); an article "
            "export nests a few levels: check the file",
        ),
        (
            '{"title": "Export", "id": ' + "1" * 5000 + "}",
            "not valid JSON (Exceeds the limit (4300 digits) for integer string conversion: "
            "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit); "
            "fix the file or export it again",
        ),
        (
            "",
            "not valid JSON (Expecting value at line 1, column 1); fix the file or export it again",
        ),
    ],
    ids=["surrogate", "surrogate-in-array", "deep-array", "deep-object", "huge-integer", "empty"],
)
def test_json_that_cannot_be_localised_is_refused_when_read(content: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        _read(jsonfmt, content, "a.json")
    assert str(caught.value) == f"a.json: {message}"


def test_json_keeps_what_it_does_not_translate_and_writes_utf8() -> None:
    # A surrogate *pair* is one character; a lone one outside the translated fields stays
    # as the file wrote it, escaped, and the output is valid UTF-8.
    content = '{"id": "\\ud800", "title": "Gut \\ud83d\\ude00", "body": ' + "[" * 150 + "]" * 150
    content += "}"
    article = _read(jsonfmt, content, "a.json")
    assert article.doc.text == "Gut 😀"
    written = jsonfmt.write(article, ["Good 😀"], "en-GB")
    assert json.loads(written.encode("utf-8"))["title"] == "Good 😀"
    assert written.startswith('{"id": "\\ud800", ')


JSON_PIECES = [
    "{", "}", "[", "]", '"title"', '"body"', '"lead"', '"date"', ":", ",", '"', "\\", "\\u",
    "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\n", "\\u00e4", "1", "-", ".", "e5", "true",
    "null", " ", "\n", "Satz.", '"2025-01-14"', "[[[[", "]]]]",
]  # fmt: skip


@given(
    st.one_of(
        _pieces(JSON_PIECES),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.sampled_from(["title", "body", "lead", "id", "date"]), inner)
            ),
            max_leaves=20,
        ).map(json.dumps),
    )
)
@FUZZ
def test_any_json_is_read_and_written_back(content: str) -> None:
    try:
        article = _read(jsonfmt, content, "a.json")
    except InputError:
        return
    doc = article.doc
    same = [doc.text[b.start : b.end] for b in doc.blocks]
    assert jsonfmt.write(article, same, "en-GB") == content
    jsonfmt.write(article, [s.upper() + " ä" for s in same], "en-GB").encode("utf-8")


# -- Markdown --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "Nur ein Satz",
            "front matter is a single value, not 'key: value' lines; write it as 'title: ...' "
            "lines between the '---' fences",
        ),
        (
            "- title: Eins\n- title: Zwei",
            "front matter is a list, not 'key: value' lines; write it as 'title: ...' lines "
            "between the '---' fences",
        ),
        (
            "title: Eins\nk: " + "[" * 10_000 + "]" * 10_000,
            "front matter nests more than 32 levels deep (at line 3); front matter holds a few "
            "keys and lists: check the lines between the '---' fences",
        ),
        (
            "title: Eins\nk:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(2000)) + " x",
            "front matter nests more than 32 levels deep (at line 35); front matter holds a few "
            "keys and lists: check the lines between the '---' fences",
        ),
        (
            "title: Eins\nk:\n" + "- " * 10_000 + "x",
            "front matter nests more than 32 levels deep (at line 4); front matter holds a few "
            "keys and lists: check the lines between the '---' fences",
        ),
    ],
    ids=["scalar", "list", "deep-flow", "deep-indent", "deep-dashes"],
)
def test_front_matter_that_is_no_mapping_or_too_deep(front: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        _read(markdown, f"---\n{front}\n---\nText.\n", "a.md")
    assert str(caught.value) == f"a.md: {message}"


def test_front_matter_tags_are_never_constructed(tmp_path: Path) -> None:
    victim = tmp_path / "constructed"
    content = (
        "---\n"
        f"title: Lukaschenko in Minsk\n"
        f"run: !!python/object/apply:os.system ['touch {victim}']\n"
        f"obj: !!python/object:collections.OrderedDict {{}}\n"
        f"lead: !custom Ein Satz\n"
        "---\n"
        "Text.\n"
    )
    article = _read(markdown, content, "a.md")
    doc = article.doc
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Lukaschenko in Minsk", "Text."]
    written = markdown.write(article, ["Lukashenko in Minsk", "Text."], "en-GB")
    assert written == content.replace("Lukaschenko", "Lukashenko")
    assert not victim.exists()


def test_a_translation_that_is_nested_yaml_is_quoted() -> None:
    article = _read(markdown, "---\ntitle: Eins\n---\nText.\n", "a.md")
    written = markdown.write(article, ["[" * 5000, "Text."], "en-GB")
    assert written == '---\ntitle: "' + "[" * 5000 + '"\n---\nText.\n'


MARKDOWN_PIECES = [
    "---\n", "title: ", "lead: ", "date: 2025-01-14\n", "[", "]", "{", "}", "- ", "? ", ": ",
    "!!python/object ", "&a ", "*a ", "\n", "  ", "> ", "`", "``", "![", "](", ")", "|", "# ",
    "<b>", "</b>", "\\", "&amp;", "&#", "'", '"', "...", "Satz. ", "Minsk", "*", "_", "\t",
    "|---|\n", "[^1]", "[a]: b\n", "<http://a>", "***", "1. ", "```\n",
]  # fmt: skip


@given(_pieces(MARKDOWN_PIECES))
@FUZZ
def test_any_markdown_is_read_and_written_back(content: str) -> None:
    try:
        article = _read(markdown, content, "a.md")
    except InputError:
        return
    doc = article.doc
    same = [doc.text[b.start : b.end] for b in doc.blocks]
    assert markdown.write(article, same, "en-GB") == content
    markdown.write(article, [f'{s}: "x"' for s in same], "en-GB").encode("utf-8")


# -- text pages ------------------------------------------------------------------------------

TEXT_PIECES = [
    "\n", "\r\n", "\r", " ", "\t", "MINSK, 14. Januar (BelTA) – ", "Der Export wuchs.",
    "Mittwoch, 15 Januar 2025 ", "12:30", "2025", "Industrie", "„", "«", "Telegram", ".", "…",
    "Das ist ein langer Satz mit vielen Wörtern. ",
]  # fmt: skip


def test_a_text_page_with_long_blank_gaps_is_written_in_linear_time() -> None:
    options = FormatOptions(boilerplate=frozenset({"Werbung"}))

    def page(n: int) -> str:
        prose = "Das ist ein langer Satz mit vielen Wörtern."
        return f"{prose}\n" + "\n" * n + "Werbung\n" + "\n" * n + f"{prose}\n"

    def work(content: str) -> object:
        article = text.read(content, Path("a.txt"), options)
        return text.write(article, [content[b.start : b.end] for b in article.doc.blocks], "de")

    assert_near_linear(work, page, 20_000)


@given(_pieces(TEXT_PIECES))
@FUZZ
def test_any_text_page_is_read_and_written_back(content: str) -> None:
    article = _read(text, content, "a.txt")
    doc = article.doc
    text.write(article, [doc.text[b.start : b.end] for b in doc.blocks], "en-GB")


# -- segmentation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "lang"),
    [
        (".", "de"),
        ("!?", "en"),
        ("14. ", "de"),
        ("Mio. ", "de"),
        ("млн. ", "ru"),
        ("a.", "de"),
        ('.") ', "de"),
        (" ", "de"),
        (". ", "en"),
    ],
)
def test_segmentation_costs_linear_time(unit: str, lang: str) -> None:
    def line(n: int) -> str:
        return "Der Export wuchs" + unit * (n // len(unit)) + " Das"

    def work(content: str) -> object:
        return list(split_sentences(content, ABBREVIATIONS[lang]))

    assert_near_linear(work, line, 50_000)
    segmenter = Segmenter(lang)
    assert_near_linear(lambda content: segmenter(Doc(content, lang=lang)), line, 50_000)


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("Am 14. Januar war es so. Das ist gut.", ["Am 14. Januar war es so.", "Das ist gut."]),
        ("14. 14. 14. Das", ["14. 14. 14. Das"]),
        ("Er sagte (siehe oben). Das ist gut.", ["Er sagte (siehe oben).", "Das ist gut."]),
        ("„Wir wachsen.“ Das sagte er.", ["„Wir wachsen.“", "Das sagte er."]),
        ("Es waren 5 Mio. Das teilte er mit.", ["Es waren 5 Mio.", "Das teilte er mit."]),
        ("Es waren 5 Mio. Tonnen.", ["Es waren 5 Mio. Tonnen."]),
        ("Warte...      Jetzt.", ["Warte...", "Jetzt."]),
        ("Nein!?! – Doch.", ["Nein!?!", "– Doch."]),
    ],
)
def test_segmentation_decisions_stay_the_same(line: str, sentences: list[str]) -> None:
    found = [line[s:e] for s, e in split_sentences(line, ABBREVIATIONS["de"])]
    assert found == sentences


# -- recognisers and renderers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "rendered"),
    [
        ("en-GB", ["€1,234,567,890,123,456,789,012,345,678", "€1.5 trillion", "0.0000001%"]),
        (
            "de-CH",
            ["1'234'567'890'123'456'789'012'345'678 Euro", "1.5 Billionen Euro", "0.0000001%"],
        ),
        ("ru-RU", ["1 234 567 890 123 456 789 012 345 678 евро", "1,5 трлн евро", "0,0000001%"]),
    ],
)
def test_figures_of_28_digits_are_exact_and_longer_ones_left_as_text(
    target: str, rendered: list[str]
) -> None:
    source = (
        "Es kostet 1234567890123456789012345678 Euro, nicht 1234567890123456789012345678901 "
        "Euro, also 1,2345678901234567890123456789012345 % mehr, 1,5 Billionen Euro, "
        "0,0000001 Prozent und 1" + "0" * 5000 + " Euro."
    )
    doc = EntityRenderer(target)(recogniser("de")(Doc(source, lang="de")))
    assert [s.rendering.replace("\xa0", " ") for s in doc.spans if s.rendering] == [
        r.replace("\xa0", " ") for r in rendered
    ]
    json.dumps([span.value.to_json() for span in doc.spans])


@pytest.mark.parametrize(
    "value",
    [
        Decimal("1" * 40),
        Decimal("0." + "0" * 40 + "1"),
        Decimal("1.2345678901234567890123456789012"),
    ],
)
def test_renderers_write_any_number_of_digits(value: Decimal) -> None:
    from localise.stages.entities import NumberValue

    def digits(written: str) -> str:
        return "".join(char for char in written if char.isdigit())

    for target in ("en-GB", "de-DE", "de-CH", "ru-RU"):
        rendered = EntityRenderer(target).render(NumberValue((value,)))
        assert digits(rendered) == digits(format(value, "f"))


ENTITY_PIECES = [
    "1", "14", "2025", "1.234", "1,5", "0,", ".", ",", " ", "-", "–", "/", ":", "%", " %", "$",
    "€", "Br", "Rubel", "рублей", "долларов", "Euro", "Mio.", "Mrd.", "Milliarden", "million",
    "billion", "млн", "млрд", "тыс.", "Januar", "January", "января", "Mai", "vom ", " bis ",
    "from ", " to ", "от ", " до ", "im Jahr ", "in ", "года", "г.", "Q1", "ersten Quartal",
    "Ende ", "um ", " Uhr", "12:30", "a.m.", "rund ", "около ", "+", "−", "fache", "times",
    "раза", "1" * 30, "9" * 29, "0" * 40, "\n",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(ENTITY_PIECES), max_size=30).map("".join),
    st.sampled_from(["de", "en", "ru"]),
)
@FUZZ
def test_any_text_is_recognised_and_rendered(source: str, lang: str) -> None:
    doc = recogniser(lang)(Doc(source, lang=lang))
    for target in ("en-GB", "de-DE", "ru-RU"):
        rendered = _renderer(target)(doc)
        json.dumps([span.value.to_json() for span in rendered.spans])


@given(
    st.lists(
        st.sampled_from([*ENTITY_PIECES, *TEXT_PIECES, "Lukaschenko", "Лукашенко"]), max_size=30
    ).map("".join),
    st.sampled_from(["de", "en", "ru"]),
)
@FUZZ
def test_any_text_goes_through_the_stages(bundled: Glossary, source: str, lang: str) -> None:
    doc = GlossaryFinder(bundled, lang)(Doc(source, lang=lang))
    doc = recogniser(lang)(doc)
    for target in ("en", "ru"):
        prepared = GlossaryRenderer(bundled, lang, target)(doc)
        prepared = _renderer("en-GB" if target == "en" else "ru-RU")(prepared)
        Segmenter(lang)(prepared)


_RENDERERS: dict[str, EntityRenderer] = {}


def _renderer(target: str) -> EntityRenderer:
    if target not in _RENDERERS:
        _RENDERERS[target] = EntityRenderer(target)
    return _RENDERERS[target]


# -- glossaries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "g.tbx",
            b'<?xml version="1.0" encoding="klingon"?><martif/>',
            "g.tbx:1: the XML declaration names an encoding Python does not know (unknown "
            "encoding: klingon); save the file as UTF-8",
        ),
        (
            "g.tbx",
            b"<martif>" + b"<x>" * 100_000 + b"</x>" * 100_000 + b"</martif>",
            "g.tbx:1: elements nested more than 64 levels deep; a TBX file nests about six "
            "(martif, text, body, termEntry, langSet, tig, term): check the file",
        ),
        (
            "g.tbx",
            b'<!DOCTYPE m [<!ENTITY a "aaaa">]><m>&a;</m>',
            "g.tbx:1: entity declarations are not allowed in a TBX file (a)",
        ),
        ("g.tbx", b"", "g.tbx:1: not well-formed XML: no element found"),
        (
            "g.tsv",
            "id\tde\n1\tМинск\n".encode("cp1251"),
            "g.tsv:2: not UTF-8 text (byte 0xcc); save it as UTF-8",
        ),
    ],
    ids=["unknown-encoding", "deep", "entities", "empty", "cp1251"],
)
def test_unreadable_glossaries_are_one_glossary_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GlossaryError) as caught:
        read_glossary_file(path)
    assert str(caught.value) == f"{tmp_path}/{message}"


def test_a_cell_over_the_csv_limit_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text('id,de,en\nminsk,Minsk,Minsk\nx,"' + "x" * 200_000 + "\n", encoding="utf-8")
    entries, problems, _ = read_glossary_file(path)
    assert [e.id for e in entries] == ["minsk"]
    assert [str(p) for p in problems] == [
        f"{path}:3: error: the table cannot be read past this line (field larger than field "
        "limit (131072)); is a '\"' left unclosed? [table]"
    ]


def test_a_spreadsheets_utf16_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("id\tde\ten\nminsk\tMinsk\tMinsk\n".encode("utf-16"))
    entries, problems, _ = read_glossary_file(path)
    assert ([e.forms["de"] for e in entries], problems) == (["Minsk"], [])


def test_formula_cells_are_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    rows = [
        "id\tkind\tde\ten\tde_short\tnote",
        'f\tother\t=HYPERLINK("http://x")\t+375 17 123\t-\t@belta',
        "g\tother\t'=1+2\t'-Minsk\t'x\t'@a",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    entries, problems, _ = read_glossary_file(path)
    assert problems == []
    first, second = entries
    assert (dict(first.forms), dict(first.shorts), first.note) == (
        {"de": '=HYPERLINK("http://x")', "en": "+375 17 123"},
        {"de": ""},
        "@belta",
    )
    # The apostrophe localise writes before a formula character is dropped, no other.
    assert (dict(second.forms), dict(second.shorts), second.note) == (
        {"de": "=1+2", "en": "-Minsk"},
        {"de": "'x"},
        "@a",
    )


def test_suggestions_are_written_safe_for_spreadsheets_and_read_back(tmp_path: Path) -> None:
    candidates = [
        Candidate("=cmd|' /C calc'!A0", "de", 2, 1, "", "@SUM(1+1)"),
        Candidate("+Minsk", "de", 1, 1, "person", "-2+3"),
        Candidate("Minsk", "de", 1, 1, "", "Minsk"),
    ]
    out = io.StringIO()
    write_suggestions_tsv(candidates, out, languages=("de", "en"))
    rows = out.getvalue().splitlines()
    assert rows == [
        "id\tkind\tdnt\tde\ten\tsource\tnote",
        "\t\t\t'=cmd|' /C calc'!A0\t\t\tseen 2x in 1 articles: @SUM(1+1)",
        "\tperson\t\t'+Minsk\t\t\tseen 1x in 1 articles: -2+3",
        "\t\t\tMinsk\t\t\tseen 1x in 1 articles: Minsk",
    ]
    path = tmp_path / "suggested.tsv"
    path.write_text(out.getvalue(), encoding="utf-8")
    entries, _, _ = read_glossary_file(path)
    assert [e.forms["de"] for e in entries] == ["=cmd|' /C calc'!A0", "+Minsk", "Minsk"]
    assert [e.note for e in entries][1] == "seen 1x in 1 articles: -2+3"


def test_glossary_suggest_to_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Der Präsident Alexander Zolotow kam nach Minsk.\n", encoding="utf-8")
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    out = blocked / "suggest.tsv"
    result = CliRunner().invoke(
        main, ["glossary", "suggest", "--lang", "de", "-o", str(out), str(article)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"localise: error: {out}: cannot write the suggestions: ")
    assert result.stderr.endswith("; choose another -o\n")
    assert "Traceback" not in result.output
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        args = ["--lang", "de", "-o", str(read_only / "s.tsv"), str(article)]
        unprivileged = run_unprivileged("glossary", "suggest", *args)
    finally:
        read_only.chmod(0o755)
    assert (unprivileged.returncode, unprivileged.stderr) == (
        1,
        f"localise: error: {read_only / 's.tsv'}: cannot write the suggestions: Permission "
        "denied; choose another -o\n",
    )


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.load(bundled_glossaries())


@pytest.mark.parametrize(
    "unit", ["Wort ", "Minsk Lukaschenko ", "Wort. ", "Zolotow-Werk ", "Der Wort ", "Haus\n"]
)
def test_suggest_costs_linear_time(bundled: Glossary, unit: str) -> None:
    def capitalised(n: int) -> str:
        return unit * (n // len(unit))

    def work(content: str) -> object:
        return suggest_names([content], bundled, "de")

    assert_near_linear(work, capitalised, 50_000)


def test_suggest_reads_50000_capitalised_words(bundled: Glossary) -> None:
    words = ", ".join(f"Zolotow{chr(65 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(50_000))
    found = suggest_names([words], bundled, "en")
    assert len(found) == 26 * 26
    assert found[0].count == 74  # 50 000 words over 676 names


TSV_PIECES = [
    "id", "kind", "de", "en", "ru", "dnt", "note", "de_variants", "ru_cases", "de_short", "\t",
    ",", ";", "\n", "\r\n", '"', "'", "=", "+", "-", "@", "#", "|", "gen=", "x", "yes", "person",
    "Minsk", "Минск", "\ufeff", " ",
]  # fmt: skip
TBX_PIECES = [
    "<martif>", "</martif>", "<termEntry>", "</termEntry>", "<conceptEntry id='c'>", "<langSet",
    "<langSec", " xml:lang='de'>", " xml:lang=''>", "</langSet>", "<term>", "</term>",
    "<descrip type='kind'>", "</descrip>", "<note>", "</note>", "person", "Minsk", "&amp;",
    "&x;", "<?xml version='1.0' encoding='utf-8'?>", "<!DOCTYPE m>", "<", ">", "'", " ",
]  # fmt: skip


@given(
    st.one_of(
        st.tuples(st.just(".tsv"), st.lists(st.sampled_from(TSV_PIECES), max_size=40).map("".join)),
        st.tuples(st.just(".csv"), st.lists(st.sampled_from(TSV_PIECES), max_size=40).map("".join)),
        st.tuples(st.just(".tbx"), st.lists(st.sampled_from(TBX_PIECES), max_size=40).map("".join)),
        st.tuples(st.sampled_from([".tsv", ".csv", ".tbx"]), st.text(max_size=80)),
    ),
    st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
@FUZZ
def test_any_glossary_loads_or_fails_with_a_glossary_error(
    file: tuple[str, str], encoding: str
) -> None:
    suffix, content = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"g{suffix}"
        path.write_bytes(content.encode(encoding, errors="replace"))
        try:
            Glossary.load([path])
        except GlossaryError as exc:
            assert str(exc).startswith(str(path))
        check_glossary([path])


@pytest.mark.parametrize("unit", ["1.", "1-", "a.", "Mio. ", "a@", "x.y@"])
def test_literals_cost_linear_time(unit: str) -> None:
    from localise.stages.literals import find_literals

    assert_near_linear(find_literals, lambda n: "Kontakt " + unit * n + " Ende", 20000)


def test_e_mail_addresses_are_found_as_before() -> None:
    from localise.stages.literals import find_literals

    text = "Presse: presse.minsk@belta.by, ..info@mfa.gov.by, http://a.by/x@y.by und a@b"
    found = [text[start:end] for start, end in find_literals(text)]
    assert found == ["presse.minsk@belta.by", "info@mfa.gov.by", "http://a.by/x@y.by"]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Der Export" + " " * n + "wuchs, meldet Minsk, um 5 Prozent.",
        lambda n: (
            "<html><body>"
            + "<p>Minsk meldet am 14. März 5 Prozent.</p>" * (n // 40)
            + "</body></html>"
        ),
    ],
    ids=["blanks without a line break", "many blocks"],
)
def test_the_pipeline_costs_linear_time(make: Callable[[int], str]) -> None:
    from localise import Config, Pipeline

    pipeline = Pipeline(Config(("en-GB",)))

    def work(content: str) -> object:
        fmt = html if content.startswith("<html>") else text
        doc = pipeline.analyse(_read(fmt, content).doc)
        return pipeline.prepare(doc, "en-GB")

    assert_near_linear(work, make, 20000)
