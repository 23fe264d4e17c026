"""The editor's desk (issue 14): the reports' paragraphs side by side, the review page, XLIFF
out (read back with translate-toolkit, as CAT tooling reads it) and post-edited XLIFF back in.

The run is the copy model with an engine double that corrupts five known sentences
(``review_support``): the findings that need a look, on the page and in the XLIFF, must be
exactly those sentences. The page in a real browser is ``test_review_browser.py``.
"""

from __future__ import annotations

import json
import re
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st
from translate.storage import xliff as toolkit

from localise.batch import Batch
from localise.cli import main
from localise.errors import InputError
from localise.review import merge_xliff, page, read_reports, read_xliff, write_xliff_files
from localise.review.reports import ReportFile
from localise.review.xliff import NS, xliff
from review_support import CORRUPTED, corrupted_run
from support import config


@pytest.fixture
def run(tmp_path: Path, models_dir: Path) -> tuple[Path, Path]:
    inputs, out, _ = corrupted_run(tmp_path, models_dir)
    write_xliff_files(out)
    return inputs, out


def _reports(out: Path) -> dict[str, ReportFile]:
    return {r.relative: r for r in read_reports(out)}


def _needs_look(report: ReportFile) -> set[tuple[str, int]]:
    findings = report.findings
    return {
        (report.relative, number)
        for number, unit in enumerate(report.data["units"], 1)
        if any(findings[f["index"]]["severity"] in ("warning", "error") for f in unit["findings"])
    }


# -- the reports -------------------------------------------------------------------------


def _entry(report: dict[str, Any], ref: str) -> dict[str, Any]:
    key, index = ref.split("/")
    entry: dict[str, Any] = report[key][int(index)]
    return entry


def _placed(unit: dict[str, Any], place: list[int] | None) -> str | None:
    return unit["target"][place[0] : place[1]] if place else None


def test_reports_hold_the_paragraphs_and_sentences_side_by_side(run: tuple[Path, Path]) -> None:
    inputs, out = run
    report = _reports(out)["agrar-export.txt"].data
    source = (inputs / "agrar-export.txt").read_text(encoding="utf-8")
    output = (out / "agrar-export.txt").read_text(encoding="utf-8")
    assert [b["kind"] for b in report["blocks"]] == ["title", "lead", "paragraph", "quote"]
    assert all(source[b["start"] : b["end"]] == b["text"] for b in report["blocks"])
    assert len(report["units"]) == report["segments"] == 8
    for unit in report["units"]:
        assert unit["target"] in output
        for mark in unit["marks"]:
            start, end = mark["source"]
            assert source[start:end] == _entry(report, mark["ref"])["text"]
    # Each fact where it stands in the output, kept, rendered or repaired.
    lead, paragraph = report["units"][1], report["units"][4]
    facts = {
        _entry(report, m["ref"])["text"]: _placed(lead, m["target"])
        for m in lead["marks"]
        if m["kind"] in ("date", "money")
    }
    assert facts == {
        "22. Januar": "22 January",  # rendered
        "im Jahr 2024": "2024",  # kept: the copy model's "im Jahr 2024" says the year
        "7,1 Milliarden Dollar": "$7.1 billion",  # repaired
    }
    names = [_placed(paragraph, m["target"]) for m in paragraph["marks"] if m["kind"] == "name"]
    assert names == ["Russia", "Kazakhstan", "Uzbekistan"]


def test_a_finding_is_placed_where_the_repair_put_its_words(run: tuple[Path, Path]) -> None:
    _, out = run
    report = _reports(out)["agrar-export.txt"].data
    unit = report["units"][1]
    placed = {
        report["findings"][f["index"]]["kind"]: unit["target"][f["target"][0] : f["target"][1]]
        for f in unit["findings"]
    }
    assert placed == {"untranslated": "22 January", "value-differs": "$7.1 billion"}
    dropped = report["units"][7]["findings"]
    assert [report["findings"][f["index"]]["kind"] for f in dropped] == ["name-missing"]
    assert dropped[0]["target"] is None and dropped[0]["source"] is not None


# -- the page (without a browser; see test_review_browser.py) ------------------------------


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_the_page_flags_exactly_the_corrupted_sentences(run: tuple[Path, Path]) -> None:
    _, out = run
    reports = read_reports(out)
    assert set().union(*(_needs_look(r) for r in reports)) == CORRUPTED
    html = page(reports, out=out, at=out / "_localise" / "review.html")
    articles = dict(
        re.findall(r'<article [^>]*id="(a\d+)"[^>]*>\n<header><h2 [^>]*><a [^>]*>([^<]+)<', html)
    )
    # Those with findings that need a look first (most first), then by path.
    assert list(articles.values()) == [
        "agrar-export.txt", "maz-kasachstan.txt", "hostile.txt", "lukaschenko-usbekistan.txt"
    ]  # fmt: skip
    listed = re.findall(
        r'<li class="finding sev-(\w+)[^"]*" id="(a\d+)-f(\d+)".*?data-unit="a\d+-u(\d+)"', html
    )
    warned = {(a, n) for severity, a, n, _ in listed if severity == "warning"}
    sentences = {(articles[a], int(u)) for severity, a, _, u in listed if severity == "warning"}
    assert sentences == CORRUPTED and len(warned) == 5
    # Each is flagged in the margin of its paragraph and at its place in the text.
    margin = re.findall(r'<a class="flag sev-(\w+)" href="#(a\d+)-f(\d+)"', html)
    assert {(a, n) for severity, a, n in margin if severity == "warning"} == warned
    tags = _parsed(html).tags
    ids = {a["id"] for _, a in tags if "id" in a}
    assert all(f"{a}-f{n}-at" in ids for a, n in warned)
    # Every link of the page lands on an element of the page.
    links = [a["href"][1:] for t, a in tags if t == "a" and a.get("href", "").startswith("#")]
    assert links and all(link in ids for link in links)
    in_articles = _parsed(html[html.index("<main") :]).tags
    highlighted = [a for t, a in in_articles if t == "mark" and "e-money" in a.get("class", "")]
    assert highlighted and all("data-tip" in a and a["tabindex"] == "0" for a in highlighted)


def test_the_page_shows_an_article_s_markup_as_text(run: tuple[Path, Path]) -> None:
    _, out = run
    html = page(read_reports(out), out=out, at=out / "_localise" / "review.html")
    parsed = _parsed(html)
    assert [t for t, _ in parsed.tags].count("script") == 1  # the page's own
    assert not any("onerror" in a for _, a in parsed.tags)
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "window.pwned = 1" in "".join(parsed.text)
    assert "&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;" in html
    policy = next(a["content"] for t, a in parsed.tags if a.get("http-equiv"))
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)  # nothing from the network


def test_review_rebuilds_the_page_from_the_reports(run: tuple[Path, Path]) -> None:
    _, out = run
    result = CliRunner().invoke(main, ["review", str(out)])
    assert result.exit_code == 0, result.output
    at = out / "_localise" / "review.html"
    assert result.stdout.strip() == str(at)
    assert at.read_text(encoding="utf-8") == page(
        read_reports(out), out=out, at=at, summary=json.loads(
            (out / "_localise" / "summary.json").read_text(encoding="utf-8"))
    )  # fmt: skip


def test_review_of_a_folder_without_reports(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"localise: error: {tmp_path}: no reports in {tmp_path}/_localise/reports; run "
        f"`localise translate ... --out {tmp_path}` first\n"
    )


# -- XLIFF out ---------------------------------------------------------------------------


def test_xliff_reads_back_with_translate_toolkit(run: tuple[Path, Path]) -> None:
    inputs, out = run
    reports = _reports(out)
    for relative, report in reports.items():
        store = toolkit.xlifffile.parsefile(str(report.xliff_path))
        units = report.data["units"]
        blocks = report.data["blocks"]
        assert store.getsourcelanguage() == "de" and store.gettargetlanguage() == "en-GB"
        assert store.getfilenames() == [str(inputs / relative)]
        assert len(store.units) == len(units) == report.data["segments"]
        for number, (unit, expected) in enumerate(zip(store.units, units, strict=True), 1):
            block = blocks[expected["block"]]
            start = expected["start"] - block["start"]
            assert unit.source == block["text"][start : start + expected["end"] - expected["start"]]
            assert unit.target == expected["target"]
            notes = [n for n in unit.getnotes().split("\n") if n]
            findings = [report.findings[f["index"]] for f in expected["findings"]]
            assert notes == [f"{f['severity']} ({f['kind']}): {f['message']}" for f in findings]
            # A unit a finding that needs a look touches is to be reviewed: exactly those.
            review = unit.get_state_n() == unit.statemap["needs-review-translation"]
            assert review == ((relative, number) in CORRUPTED)


def test_xliff_header_names_the_article_and_its_signature(run: tuple[Path, Path]) -> None:
    _, out = run
    report = _reports(out)["maz-kasachstan.txt"]
    root = ET.parse(report.xliff_path).getroot()
    props = {p.get("prop-type"): p.text for p in root.iter(f"{{{NS}}}prop")}
    assert props["output"] == "maz-kasachstan.txt"
    assert props["path"] == report.data["path"] and props["status"] == "warning"
    assert json.loads(props["signature"] or "") == report.data["signature"]
    tool = root.find(f".//{{{NS}}}tool")
    assert tool is not None and tool.get("tool-id") == "localise"


def test_xliff_marks_names_and_facts_with_their_values(run: tuple[Path, Path]) -> None:
    _, out = run
    root = ET.parse(_reports(out)["agrar-export.txt"].xliff_path).getroot()
    unit = next(u for u in root.iter(f"{{{NS}}}trans-unit") if u.get("id") == "2")
    source, target = unit.find(f"{{{NS}}}source"), unit.find(f"{{{NS}}}target")
    assert source is not None and target is not None
    marks = {(m.get("mtype"), m.text): m.get("comment") for m in target.iter(f"{{{NS}}}mrk")}
    assert marks[("x-localise-money", "$7.1 billion")] == (
        "money: 7,100,000,000 USD; rendering: $7.1 billion; check: repaired; "
        "engine wrote: $7.1 million"
    )
    assert ("protected", "BelTA") in marks
    assert target.get("state") == "needs-review-translation"
    in_source = [(m.get("mtype"), m.text) for m in source.iter(f"{{{NS}}}mrk")]
    assert ("x-localise-money", "7,1 Milliarden Dollar") in in_source


def _synthetic(text: str) -> ReportFile:
    """A report of one paragraph of one sentence, ``text``, translated as itself."""
    data = {
        "path": "a.txt", "status": "ok", "target": "en-GB", "language": {"source": "de"},
        "signature": {"config": {}}, "findings": [], "glossary": [], "conversions": [],
        "blocks": [{"kind": "paragraph", "start": 0, "end": len(text), "text": text,
                    "translated": True, "reason": None}],
        "units": [{"block": 0, "start": 0, "end": len(text), "target": text, "marks": [],
                   "findings": []}],
    }  # fmt: skip
    return ReportFile(Path("out/_localise/reports/a.txt.json"), "a.txt", data)


@pytest.mark.parametrize(
    "text",
    ['Form\x0cfeed & <tags> ]]> "quotes"', "Zeile\x0b\x01 Ende", "Emoji 😀 und \ufffd"],
)
def test_xliff_carries_any_text_xml_can_and_the_rest_as_codes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.txt.xlf"
    path.write_bytes(xliff(_synthetic(text)))
    unit = read_xliff(path).units[0]
    assert (unit.source, unit.target, unit.machine) == (text, text, text)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1))
def test_any_text_crosses_xliff_and_comes_back(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt.xlf"
        path.write_bytes(xliff(_synthetic(text)))
        unit = read_xliff(path).units[0]
    assert (unit.source, unit.target) == (text, text)


#: The elements the page itself writes; an article's text adds none.
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "div", "h1", "span", "p",
    "section", "b", "table", "caption", "thead", "tr", "th", "tbody", "td", "code", "form",
    "fieldset", "legend", "label", "input", "output", "mark", "nav", "h2", "ol", "li", "main",
    "article", "dl", "dt", "dd", "colgroup", "col", "footer", "script", "details", "summary",
    "ul", "h3", "i", "sup",
}  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1))
def test_any_article_text_is_shown_as_text(text: str) -> None:
    html = page([_synthetic(text)], out=Path("out"), at=Path("out/_localise/review.html"))
    parsed = _parsed(html)
    assert {tag for tag, _ in parsed.tags} <= PAGE_TAGS
    assert [t for t, _ in parsed.tags].count("script") == 1
    shown = "".join(parsed.text)
    assert text.replace("\r", "\n") in shown.replace("\r", "\n")


# -- XLIFF back in -----------------------------------------------------------------------


ARTICLES = {
    "article.txt": (
        "Belarus steigert Agrarexporte\n\nMINSK, 22. Januar (BelTA) – Belarus hat im Jahr 2024 "
        "Lebensmittel im Wert von 7,1 Milliarden Dollar exportiert. Das teilte das Ministerium "
        "am 22. Januar mit.\n"
    ),
    "article.md": (
        "---\ntitle: Belarus steigert Agrarexporte\ndate: 2025-01-22\n---\n\n"
        "# Belarus steigert Agrarexporte\n\nMINSK, 22. Januar (BelTA) – Belarus hat im Jahr "
        "2024 Lebensmittel im Wert von **7,1 Milliarden Dollar** exportiert. Das teilte das\n"
        "[Ministerium](https://example.org/a?b=1&c=2) am 22. Januar mit.\n"
    ),
    "windows.md": (
        "# Belarus steigert Agrarexporte\r\n\r\nMINSK, 22. Januar (BelTA) – Belarus hat im Jahr "
        "2024 Lebensmittel\r\nim Wert von 7,1 Milliarden Dollar exportiert.\r\n"
    ),
    "article.html": (
        "<!DOCTYPE html>\n<html><head><title>Belarus steigert Agrarexporte</title></head>\n"
        "<body><article><h1>Belarus steigert Agrarexporte</h1>\n<p>MINSK, 22. Januar (BelTA) "
        "– Belarus hat im Jahr 2024 Lebensmittel im Wert von <b>7,1 Milliarden Dollar</b> "
        "exportiert. Das teilte das Ministerium am 22.&nbsp;Januar mit.</p></article></body>"
        "</html>\n"
    ),
    "article.json": json.dumps(
        {
            "title": "Belarus steigert Agrarexporte",
            "date": "2025-01-22",
            "body": "MINSK, 22. Januar (BelTA) – Belarus hat im Jahr 2024 Lebensmittel im Wert "
            "von 7,1 Milliarden Dollar exportiert. Das teilte das Ministerium am 22. Januar mit.",
        },
        ensure_ascii=False,
        indent=2,
    ),
}


def _translated(tmp_path: Path, models_dir: Path, name: str) -> tuple[Path, Path]:
    """One article of ``ARTICLES`` translated with the copy model, its XLIFF written: (out,
    the XLIFF file)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / name).write_text(ARTICLES[name], encoding="utf-8")
    out = tmp_path / "out"
    list(Batch(config("en-GB", models_dir), out, jobs=1).run([inputs]))
    assert write_xliff_files(out) == [out / "_localise" / "reports" / f"{name}.xlf"]
    return out, out / "_localise" / "reports" / f"{name}.xlf"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_a_round_trip_without_edits_writes_the_run_s_output_byte_for_byte(
    tmp_path: Path, models_dir: Path, name: str
) -> None:
    out, path = _translated(tmp_path, models_dir, name)
    merged = merge_xliff(path, tmp_path / "merged")
    assert merged.output == tmp_path / "merged" / name
    assert merged.output.read_bytes() == (out / name).read_bytes()
    assert merged.edited == ()
    # Checked again, the machine translation has what the run found still standing.
    run = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    standing = [(f["kind"], f["source"]) for f in run["findings"] if f["severity"] != "info"]
    assert [(f.kind, f.source) for _, f in merged.findings if f.severity != "info"] == standing
    report = json.loads(merged.report_path.read_text(encoding="utf-8"))
    assert report["signature"]["edited"] == [] and report["units"]


def test_all_corrupted_articles_round_trip(run: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = run
    for relative, report in _reports(out).items():
        merged = merge_xliff(report.xliff_path, tmp_path / "merged")
        assert merged.output.read_bytes() == (out / relative).read_bytes(), relative


def _edited(path: Path, unit_id: str, old: str, new: str, destination: Path) -> Path:
    """The XLIFF file with one unit's target edited as a CAT tool writes it: plain text where
    the marks were, the state changed."""
    tree = ET.parse(path)
    unit = next(u for u in tree.getroot().iter(f"{{{NS}}}trans-unit") if u.get("id") == unit_id)
    target = unit.find(f"{{{NS}}}target")
    assert target is not None
    text = "".join(target.itertext())
    assert old in text
    for child in list(target):
        target.remove(child)
    target.text = text.replace(old, new)
    target.set("state", "translated")
    ET.register_namespace("", NS)
    tree.write(destination, encoding="utf-8", xml_declaration=True)
    return destination


def test_an_editor_s_wrong_figure_is_an_error_and_written_as_edited(
    run: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = run
    report = _reports(out)["lukaschenko-usbekistan.txt"]
    edited = _edited(report.xliff_path, "7", "800 million", "900 million", tmp_path / "e.xlf")
    merged = merge_xliff(edited, tmp_path / "merged")
    assert merged.edited == (7,)
    text = merged.output.read_text(encoding="utf-8")
    assert "$900 million" in text and "$800 million" not in text  # the editor's word stands
    original = (out / "lukaschenko-usbekistan.txt").read_text(encoding="utf-8")
    assert text == original.replace("$800 million", "$900 million")
    wrong = [(u, f.kind, f.severity) for u, f in merged.findings if f.severity != "info"]
    assert wrong == [(7, "value-differs", "error")]
    saved = json.loads(merged.report_path.read_text(encoding="utf-8"))
    assert saved["status"] == "warning" and saved["signature"]["edited"] == [7]
    finding = next(f for f in saved["findings"] if f["severity"] == "error")
    assert (finding["translation"], finding["written"]) == ("$900 million", None)


def test_merge_on_the_command_line(run: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = run
    report = _reports(out)["lukaschenko-usbekistan.txt"]
    edited = _edited(report.xliff_path, "7", "800 million", "900 million", tmp_path / "e.xlf")
    runner = CliRunner()
    result = runner.invoke(main, ["merge", str(edited), "--out", str(tmp_path / "m"), "--review"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{edited}:7: error: value differs from the source; source: 800 Millionen Dollar; "
        "translation: $900 million",
        "    in: Nach Angaben der Regierung exportierte Belarus im vergangenen Jahr Waren im Wert "
        "von rund $900 million nach Uzbekistan, 5.5% mehr als ein Jahr zuvor.",
    ]
    assert "1 article merged into" in result.stderr and "(1 sentence edited): 1 error" in (
        result.stderr
    )
    assert (tmp_path / "m" / "_localise" / "review.html").is_file()
    clean = runner.invoke(main, ["merge", str(report.xliff_path), "--out", str(tmp_path / "c")])
    assert clean.exit_code == 0, clean.output


def test_translate_writes_the_page_and_the_xliff_files(tmp_path: Path, models_dir: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLES["article.txt"], encoding="utf-8")
    out = tmp_path / "out"
    arguments = ["translate", str(inputs), "--to", "en-GB", "--out", str(out), "--models-dir",
                 str(models_dir), "--offline", "--review", "--xliff"]  # fmt: skip
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert (out / "_localise" / "review.html").is_file()
    assert (out / "_localise" / "reports" / "a.txt.xlf").is_file()
    assert "localise: 1 XLIFF files written beside the reports" in result.stderr
    # An unchanged article keeps the XLIFF file an editor may be working on.
    (out / "_localise" / "reports" / "a.txt.xlf").write_text("at the editor's", encoding="utf-8")
    again = CliRunner().invoke(main, arguments)
    assert again.exit_code == 0, again.output
    assert (out / "_localise" / "reports" / "a.txt.xlf").read_text() == "at the editor's"


def test_review_and_xliff_need_an_output_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["article.txt"], encoding="utf-8")
    result = CliRunner().invoke(main, ["translate", str(tmp_path / "a.txt"), "--to", "en-GB",
                                       "--review"])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: --review and --xliff need --out DIR, beside the reports"
    )


# -- what merge refuses ------------------------------------------------------------------


def _header_changed(path: Path, prop: str, value: str, destination: Path) -> Path:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(rf'(<prop prop-type="{prop}">)[^<]*(</prop>)', rf"\g<1>{value}\g<2>", text)
    destination.write_text(changed, encoding="utf-8")
    return destination


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    f'<xliff version="1.2" xmlns="{NS}"><file><body>&lol2;</body></file></xliff>\n'
)


def test_merge_refuses_what_it_cannot_trust(run: tuple[Path, Path], tmp_path: Path) -> None:
    inputs, out = run
    report = _reports(out)["agrar-export.txt"]
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    escaping = _header_changed(report.xliff_path, "output", "../../escaped.txt", tmp_path / "x.xlf")
    refused = {
        bomb: "has a DOCTYPE or entity declarations; XLIFF needs neither, localise reads none",
        escaping: "its output path '../../escaped.txt' is not a path inside a folder",
    }
    for path, reason in refused.items():
        with pytest.raises(InputError) as caught:
            merge_xliff(path, tmp_path / "merged")
        assert caught.value.reason == reason
    (inputs / "agrar-export.txt").write_text(
        (inputs / "agrar-export.txt").read_text(encoding="utf-8").replace("Minister", "Chef"),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        merge_xliff(report.xliff_path, tmp_path / "merged")
    assert caught.value.reason == (
        "unit 7: its source is no longer the article's sentence (the source article changed "
        "since the XLIFF was written); translate it again"
    )
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "merged").exists()
