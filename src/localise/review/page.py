"""The review page: one static HTML file for the editor, built from a run's reports.

``OUT/_localise/review.html`` (``translate --review``, ``localise review OUT``) has a summary
at the top (articles by status, findings by kind and severity, the articles that failed),
then each article, those with findings that need a look first: its findings, numbered and
linked to their sentence, then its paragraphs side by side, source and translation aligned
sentence by sentence. Names, dates, amounts and numbers are highlighted in both columns
(value, rendering and check on hover or keyboard focus); each finding is flagged in the
margin of its paragraph and at its place in the text.

The file needs nothing else: no network, no fonts, no external script. Its one inline
script (the filters by severity and kind) is optional, and the page's Content Security
Policy allows only that script and its style sheet, by hash. Every piece of article and
report text is escaped, so an article that contains ``<script>`` or ``onerror=`` shows it as
text. Colours are the Okabe–Ito palette, and each severity also has a shape and a label
(✖ error, ▲ warning, ● info), each check a line style; the page prints (one article per
page, the tooltips left out).
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..batch.discover import STATE_FOLDER
from ..textio import write_atomic
from .reports import ReportFile, entry, read_reports, read_summary, value_text

__all__ = ["page", "write_page"]

SEVERITIES = ("error", "warning", "info")
SYMBOL = {"error": "✖", "warning": "▲", "info": "●"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def write_page(out: Path, at: Path | None = None) -> Path:
    """Build the review page of the output folder ``out`` from its reports and write it to
    ``at`` (default ``OUT/_localise/review.html``); the page's path."""
    at = at or out / STATE_FOLDER / "review.html"
    write_atomic(at, page(read_reports(out), out=out, at=at, summary=read_summary(out)))
    return at


def page(
    reports: Sequence[ReportFile],
    *,
    out: Path,
    at: Path,
    summary: Mapping[str, Any] | None = None,
) -> str:
    """The page for ``reports`` of the output folder ``out``, to be written at ``at`` (its
    links to outputs, reports and XLIFF files are relative to it)."""
    style = resources.files(__package__).joinpath("page.css").read_text(encoding="utf-8")
    script = resources.files(__package__).joinpath("page.js").read_text(encoding="utf-8")
    ordered = sorted(reports, key=_order)
    articles = [_Article(f"a{n}", r) for n, r in enumerate(ordered, 1)]
    failed = list((summary or {}).get("failed") or [])
    title = f"Review: {len(reports)} articles"
    policy = (
        f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f'<meta name="generator" content="localise {escape(__version__)}">\n',
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#articles">Skip to the articles</a>\n',
        _top(articles, failed, out, at),
        '<main id="articles"><div class="wrap">\n',
        *(a.html(out, at) for a in articles),
        '<footer class="end">Built by localise ',
        escape(__version__),
        " from the reports in ",
        escape(str(out / STATE_FOLDER / "reports")),
        "; <code>localise review ",
        escape(str(out)),
        "</code> builds it again.</footer>\n",
        f"</div></main>\n<script>{script}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _badge(severity: str) -> str:
    """A severity's pill: its shape and its name (never its colour alone)."""
    shape = SYMBOL.get(severity, "●")
    name = escape(severity)
    return f'<span class="sev sev-{name}"><span aria-hidden="true">{shape}</span> {name}</span>'


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _order(report: ReportFile) -> tuple[int, int, str]:
    """Articles with findings that need a look first (most first), then those with notes
    only, then the clean ones; by path within each."""
    needs, findings = report.needs_look, len(report.findings)
    return (0 if needs else 1 if findings else 2, -needs, report.relative)


def _top(
    articles: Sequence[_Article], failed: Sequence[Mapping[str, Any]], out: Path, at: Path
) -> str:
    reports = [a.report for a in articles]
    needs = sum(1 for r in reports if r.needs_look)
    targets = sorted({str(r.data.get("target")) for r in reports})
    tiles = [
        ("t-all", len(reports), "articles"),
        ("t-look", needs, "need a look"),
        ("t-ok", len(reports) - needs, "fine as they are"),
        ("t-failed", len(failed), "failed"),
    ]
    html = [
        '<header class="top"><div class="wrap">\n',
        f'<h1>Review <span class="where">{escape(str(out))}</span></h1>\n',
        f'<p class="meta">{len(reports)} articles into {escape(", ".join(targets) or "—")} · ',
        "findings of the fact checks: ✖ error, ▲ warning (both need a look), ● info (what ",
        "localise put right)</p>\n",
        '<section class="summary" aria-label="Summary"><div>\n<div class="tiles">',
        *(
            f'<div class="tile {c}"><b>{n}</b><span>{escape(label)}</span></div>'
            for c, n, label in tiles
        ),
        "</div>\n",
        _failed(failed),
        "</div>\n",
        _kinds_table(reports),
        "</section>\n",
        _tools(reports),
        _contents(articles),
        "</div></header>\n",
    ]
    return "".join(html)


def _failed(failed: Sequence[Mapping[str, Any]]) -> str:
    if not failed:
        return ""
    items = "".join(
        f"<li><b>{escape(str(f.get('path')))}</b>"
        + (f" ({escape(str(f['target']))})" if f.get("target") else "")
        + f": {escape(str(f.get('error')))}</li>"
        for f in failed
    )
    summary = f"<summary>{len(failed)} failed</summary>"
    return f'<details class="failed">{summary}<ul>{items}</ul></details>\n'


def _kinds(reports: Sequence[ReportFile]) -> tuple[Counter[tuple[str, str]], dict[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    said: dict[str, str] = {}
    for report in reports:
        for finding in report.findings:
            kind = str(finding.get("kind"))
            counts[(kind, str(finding.get("severity")))] += 1
            said.setdefault(kind, str(finding.get("message", "")).split("; ")[0])
    return counts, said


def _kinds_table(reports: Sequence[ReportFile]) -> str:
    counts, said = _kinds(reports)
    if not counts:
        return '<p class="none">No findings: every fact of every article checked out.</p>\n'
    totals = Counter[str]()
    for (kind, _), n in counts.items():
        totals[kind] += n
    head = "".join(f'<th class="n" scope="col">{_badge(s)}</th>' for s in SEVERITIES)
    rows = []
    for kind in sorted(
        totals, key=lambda k: (min(_RANK.get(s, 3) for (k2, s) in counts if k2 == k), -totals[k], k)
    ):
        cells = "".join(
            f'<td class="n{" zero" if not counts[(kind, s)] else ""}">{counts[(kind, s)]}</td>'
            for s in SEVERITIES
        )
        what = f"<td>{escape(said[kind])}</td>"
        rows.append(f'<tr><th scope="row"><code>{escape(kind)}</code></th>{what}{cells}</tr>')
    return (
        '<table class="kinds"><caption>Findings by kind</caption><thead><tr>'
        f'<th scope="col">kind</th><th scope="col">what it means</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>\n"
    )


def _tools(reports: Sequence[ReportFile]) -> str:
    counts, _ = _kinds(reports)
    severities = Counter[str]()
    kinds = Counter[str]()
    for (kind, severity), n in counts.items():
        severities[severity] += n
        kinds[kind] += n
    boxes = "".join(
        f'<label><input type="checkbox" data-filter="sev" value="{s}" checked> '
        f"{_badge(s)} {severities[s]}</label>"
        for s in SEVERITIES
    )
    kind_boxes = "".join(
        f'<label><input type="checkbox" data-filter="kind" value="{escape(k)}" checked> '
        f"<code>{escape(k)}</code> {n}</label>"
        for k, n in sorted(kinds.items())
    )
    legend = (
        '<div class="legend" aria-label="Legend">'
        '<mark class="e e-name">name</mark><mark class="e e-date">date</mark>'
        '<mark class="e e-money">amount</mark><mark class="e e-number">number</mark>'
        '<span>underline: <mark class="e e-date">kept</mark> solid · '
        '<mark class="e e-date s-rendered">rendered or repaired</mark> dashed · '
        '<mark class="e e-date s-differs">differs or missing</mark> dotted</span>'
        "<span>hover or focus a highlight (Tab) for its value</span></div>"
    )
    return (
        '<div class="tools">'
        '<form class="filters" id="filters" aria-label="Filters" hidden>'
        f"<fieldset><legend>Severity</legend>{boxes}</fieldset>"
        f"<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>"
        '<fieldset><legend>Articles</legend><label><input type="checkbox" id="only-findings"> '
        "only those with findings shown</label></fieldset>"
        '<output id="shown" aria-live="polite"></output></form>'
        f"{legend}</div>\n"
    )


def _contents(articles: Sequence[_Article]) -> str:
    items = "".join(
        f'<li><a href="#{a.id}">{escape(a.report.relative)}</a>{a.counts()}</li>' for a in articles
    )
    return f'<nav class="toc" aria-label="Articles"><h2>Articles</h2><ol>{items}</ol></nav>\n'


# -- one article -------------------------------------------------------------------------


@dataclass
class _Mark:
    """A highlight in one column's text: offsets into it, the classes and attributes of its
    element, and what follows the element (the flags of its findings)."""

    start: int
    end: int
    classes: list[str]
    attributes: dict[str, str] = field(default_factory=dict)
    after: list[str] = field(default_factory=list)
    rank: int = 3

    def flag(self, number: int, severity: str, kind: str, article: str) -> None:
        """Mark this highlight as the place of finding ``number``."""
        if _RANK.get(severity, 3) < self.rank:
            self.rank = _RANK.get(severity, 3)
            self.classes = [c for c in self.classes if not c.startswith("f-")] + [f"f-{severity}"]
            self.attributes.update({"data-sev": severity, "data-kind": kind})
        if "f" not in self.classes:
            self.classes.append("f")
        self.after.append(
            f'<sup class="fs sev-{severity}" id="{article}-f{number}-at" data-sev="{severity}" '
            f'data-kind="{escape(kind)}"><a href="#{article}-f{number}" '
            f'aria-label="finding {number}">{SYMBOL.get(severity, "●")}{number}</a></sup>'
        )

    def html(self, text: str) -> str:
        attributes = "".join(f' {k}="{escape(v)}"' for k, v in self.attributes.items())
        focus = ' tabindex="0"' if "data-tip" in self.attributes else ""
        return (
            f'<mark class="{" ".join(self.classes)}"{focus}{attributes}>{escape(text)}</mark>'
            + "".join(self.after)
        )


def _marked(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` escaped, with each mark's element around its characters (overlaps left out)."""
    parts, position = [], 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < position or mark.end > len(text) or mark.start >= mark.end:
            continue
        parts.append(escape(text[position : mark.start]))
        parts.append(mark.html(text[mark.start : mark.end]))
        position = mark.end
    parts.append(escape(text[position:]))
    return "".join(parts)


class _Article:
    def __init__(self, id: str, report: ReportFile) -> None:
        self.id = id
        self.report = report
        self.data = report.data
        self.findings = report.findings
        self.units = list(self.data.get("units") or [])
        self.blocks = list(self.data.get("blocks") or [])
        # Finding index -> (unit number, its flag: source and target offsets).
        self.placed: dict[int, tuple[int, Mapping[str, Any]]] = {}
        #: Findings flagged at their place in the text (their anchors exist).
        self.anchored: set[int] = set()
        for number, unit in enumerate(self.units, 1):
            for flag in unit.get("findings") or []:
                self.placed.setdefault(int(flag["index"]), (number, flag))

    def counts(self) -> str:
        counts = Counter(str(f.get("severity")) for f in self.findings)
        badges = "".join(
            f'<span class="sev sev-{s}"><span aria-hidden="true">{SYMBOL[s]}</span> {counts[s]}'
            f'<span class="vh"> {s}</span></span>'
            for s in SEVERITIES
            if counts[s]
        )
        return f'<span class="counts">{badges}</span>' if badges else ""

    def html(self, out: Path, at: Path) -> str:
        needs = self.report.needs_look
        classes = "article needs" if needs else "article clean" if not self.findings else "article"
        status = str(self.data.get("status", "ok"))
        label = "needs a look" if needs else "ok"
        aligned = self._aligned()  # first: it places the findings the list links to
        return (
            f'<article class="{classes}" id="{self.id}" aria-labelledby="{self.id}-h">\n'
            f'<header><h2 id="{self.id}-h"><a href="#{self.id}">{escape(self.report.relative)}</a>'
            f'<span class="status st-{"warning" if status == "warning" else "ok"}">{label}</span>'
            f"{self.counts()}</h2>\n"
            f"{self._facts(out, at)}</header>\n"
            f"{self._findings()}{aligned}{self._left_out()}</article>\n"
        )

    def _facts(self, out: Path, at: Path) -> str:
        data = self.data
        language = data.get("language") or {}
        source = str(language.get("source") or "?")
        if language.get("detected") and language.get("confidence") is not None:
            source += f" (detected, {float(language['confidence']):.2f})"
        date = data.get("article_date")
        if date and data.get("article_date_source"):
            date = f"{date} (from the {data['article_date_source']})"
        links = [f'<a href="{self._link(out / self.report.relative, at)}">output</a>']
        links.append(f'<a href="{self._link(self.report.path, at)}">report</a>')
        if self.report.xliff_path.is_file():
            links.append(f'<a href="{self._link(self.report.xliff_path, at)}">XLIFF</a>')
        names, conversions = len(data.get("glossary") or []), len(data.get("conversions") or [])
        facts = [
            ("source", str(data.get("path") or "")),
            ("into", str(data.get("target"))),
            ("from", source),
            ("engine", str(data.get("engine") or "")),
            ("article date", str(date or "none found")),
            ("checked", f"{names} names, {conversions} dates, amounts and numbers"),
        ]
        items = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in facts)
        return (
            f'<dl class="facts">{items}<div><dt>files</dt><dd>{" · ".join(links)}</dd></div></dl>\n'
        )

    @staticmethod
    def _link(path: Path, at: Path) -> str:
        relative = os.path.relpath(path, at.parent).replace(os.sep, "/")
        return escape(quote(relative))

    def _where(self, index: int) -> tuple[str, str]:
        """The link of a finding (to its place, else its sentence) and its words."""
        if index not in self.placed:
            return "", ""
        number = self.placed[index][0]
        unit = self.units[number - 1]
        block = int(unit["block"]) + 1
        kind = str(self.blocks[block - 1]["kind"]) if block - 1 < len(self.blocks) else "paragraph"
        anchor = f"#{self.id}-f{index + 1}-at"
        place = anchor if index in self.anchored else f"#{self.id}-u{number}"
        return place, f"{kind} {block}, sentence {number}"

    def _findings(self) -> str:
        if not self.findings:
            return (
                '<section class="findings"><p class="none">No findings: every fact checked '
                "out.</p></section>\n"
            )
        items = "".join(self._finding(i, f) for i, f in enumerate(self.findings))
        return (
            f'<section class="findings" aria-label="Findings"><h3>Findings: {len(self.findings)}, '
            f"{self.report.needs_look} to look at</h3><ol>{items}</ol></section>\n"
        )

    def _finding(self, index: int, finding: Mapping[str, Any]) -> str:
        """One finding of the list: what, where (a link to its place), what each side says;
        one that needs a look also with its sentence, one localise put right on one line."""
        severity = escape(str(finding.get("severity")))
        kind = escape(str(finding.get("kind")))
        href, words = self._where(index)
        unit = self.placed.get(index, (0, {}))[0]
        link = f'<a href="{href}" data-unit="{self.id}-u{unit}">{escape(words)}</a>' if href else ""
        said = [("source", finding.get("source")), ("translation", finding.get("translation"))]
        if finding.get("written") is not None:
            said.append(("localise wrote", finding.get("written")))
        pairs = "".join(
            f"<div><dt>{k}</dt><dd>{escape(str(v)) if v else '(nothing)'}</dd></div>"
            for k, v in said
        )
        message = escape(str(finding.get("message", "")).split("; ")[0])
        compact = severity == "info"
        sentence = " ".join(str(finding.get("sentence") or "").split())
        badge = _badge(str(finding.get("severity")))
        return (
            f'<li class="finding sev-{severity}{" compact" if compact else ""}" '
            f'id="{self.id}-f{index + 1}" data-sev="{severity}" data-kind="{kind}">'
            f'<span class="no">{index + 1}</span><div class="head">{badge}'
            f'<span class="msg">{message}</span><code class="kind">{kind}</code>{link}'
            f"{f'<dl class=said>{pairs}</dl>' if compact else ''}</div>"
            + ("" if compact else f'<dl class="said">{pairs}</dl>')
            + (
                f'<p class="in">in: <i>{escape(sentence)}</i></p>'
                if sentence and not compact
                else ""
            )
            + "</li>"
        )

    def _aligned(self) -> str:
        if not self.blocks:
            return (
                '<p class="none old">This report has no text side by side (written by an older '
                "localise); translate the article again to see it.</p>\n"
            )
        language = self.data.get("language") or {}
        source_lang = escape(str(language.get("source") or ""))
        target = escape(str(self.data.get("target") or ""))
        rows = [self._row(i, block, source_lang, target) for i, block in enumerate(self.blocks)]
        return (
            '<table class="aligned"><colgroup><col class="m"><col><col></colgroup><thead><tr>'
            '<th scope="col"><span class="vh">Findings</span></th>'
            f'<th scope="col">Source · {source_lang}</th>'
            f'<th scope="col">Translation · {target}</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        )

    def _row(self, index: int, block: Mapping[str, Any], source_lang: str, target: str) -> str:
        units = [(n, u) for n, u in enumerate(self.units, 1) if int(u["block"]) == index]
        text = str(block["text"])
        start = int(block["start"])
        kind = str(block.get("kind") or "paragraph")
        flags: list[str] = []
        source_parts, target_parts = [], []
        position = 0
        for number, unit in units:
            s, e = int(unit["start"]) - start, int(unit["end"]) - start
            source_marks, target_marks = self._marks(number, unit, flags)
            gap = escape(text[position:s])
            source_parts += [
                gap,
                f'<span class="u" id="{self.id}-u{number}-src">',
                _marked(text[s:e], source_marks),
                "</span>",
            ]
            target_parts += [
                gap,
                f'<span class="u" id="{self.id}-u{number}">',
                _marked(str(unit["target"]), target_marks),
                "</span>",
            ]
            position = e
        source_parts.append(escape(text[position:]))
        target_parts.append(escape(text[position:]))
        label = f'<span class="bk">{escape(kind)}</span>'
        if not units:
            reason = block.get("reason") or "nothing to translate"
            target_parts.append(f'<span class="note">kept as it was: {escape(str(reason))}</span>')
        classes = [f"k-{escape(kind)}"] + ([] if units else ["kept"])
        if any('data-sev="warning"' in f or 'data-sev="error"' in f for f in flags):
            classes.append("flagged")
        return (
            f'<tr class="{" ".join(classes)}" id="{self.id}-p{index + 1}">'
            f'<td class="margin">{"".join(flags)}</td>'
            f'<td class="src" lang="{source_lang}">{label}{"".join(source_parts)}</td>'
            f'<td class="tgt" lang="{target}">{label}{"".join(target_parts)}</td></tr>'
        )

    def _marks(
        self, number: int, unit: Mapping[str, Any], flags: list[str]
    ) -> tuple[list[_Mark], list[_Mark]]:
        """The highlights of one sentence in both columns, its findings flagged on them and in
        the margin (``flags``)."""
        start = int(unit["start"])
        sources: list[_Mark] = []
        targets: list[_Mark] = []
        by_source: dict[tuple[int, int], _Mark] = {}
        for mark in unit.get("marks") or []:
            kind = str(mark.get("kind"))
            item = entry(self.data, mark.get("ref"))
            status = str(item.get("status")) if item else "kept"
            classes = ["e", f"e-{escape(kind)}", f"s-{escape(status)}"]
            s, e = int(mark["source"][0]) - start, int(mark["source"][1]) - start
            source = _Mark(s, e, list(classes), self._tip(kind, item, side="source"))
            sources.append(source)
            by_source[(int(mark["source"][0]), int(mark["source"][1]))] = source
            if mark.get("target"):
                t0, t1 = int(mark["target"][0]), int(mark["target"][1])
                targets.append(_Mark(t0, t1, list(classes), self._tip(kind, item, side="target")))
        for flag in unit.get("findings") or []:
            index = int(flag["index"])
            if index >= len(self.findings):
                continue
            finding = self.findings[index]
            severity, kind = str(finding.get("severity")), str(finding.get("kind"))
            place = None
            if flag.get("target"):
                t0, t1 = int(flag["target"][0]), int(flag["target"][1])
                place = next((m for m in targets if m.start < t1 and t0 < m.end), None)
                if place is None:
                    place = _Mark(
                        t0, t1, ["e", "hit"], {"data-tip": f"{severity}: {finding.get('message')}"}
                    )
                    targets.append(place)
            elif flag.get("source"):
                place = by_source.get((int(flag["source"][0]), int(flag["source"][1])))
            if place is not None:
                place.flag(index + 1, severity, kind, self.id)
                self.anchored.add(index)
            message = escape(str(finding.get("message", "")))
            flags.append(
                f'<a class="flag sev-{escape(severity)}" href="#{self.id}-f{index + 1}" '
                f'data-sev="{escape(severity)}" data-kind="{escape(kind)}" '
                f'title="{escape(severity)}: {message}">'
                f'<span aria-hidden="true">{SYMBOL.get(severity, "●")}</span>{index + 1}'
                f'<span class="vh"> {escape(severity)}: {message}</span></a>'
            )
        return sources, targets

    @staticmethod
    def _tip(kind: str, item: Mapping[str, Any] | None, *, side: str) -> dict[str, str]:
        if kind == "markup":
            return {}
        if kind == "literal":
            tip = "kept byte for byte (a phone number, an address, a document number)"
            return {"data-tip": tip, "aria-description": tip}
        if item is None:
            return {}
        lines = [f"{kind}: {value_text(item)}", f"rendering: {item.get('rendering')}"]
        status = str(item.get("status"))
        if side == "target":
            line = f"check: {status}"
            if item.get("engine_wrote") is not None:
                line += f" (the engine wrote “{item['engine_wrote']}”"
                line += f", localise wrote “{item['written']}”)" if item.get("written") else ")"
            lines.append(line)
        else:
            lines.append(f"check: {status}")
        tip = "\n".join(lines)
        return {"data-tip": tip, "aria-description": tip.replace("\n", "; ")}

    def _left_out(self) -> str:
        boilerplate = [str(b) for b in self.data.get("boilerplate") or []]
        if not boilerplate:
            return ""
        items = "".join(f"<li>{escape(line)}</li>" for line in boilerplate)
        return (
            f'<details class="left-out"><summary>Left out of the output: {len(boilerplate)} lines '
            f"of page chrome (navigation, page date, footer)</summary><ul>{items}</ul></details>\n"
        )
