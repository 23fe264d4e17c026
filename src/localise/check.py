"""``localise check``: any translation of an article, checked against its source's facts.

A translation made by anyone — a human, DeepL, an Argos run — is read beside its source. The
source is read as ``translate`` reads it (page chrome left out); the translation as one
paragraph per line (a ``.txt``) or in the source's format. Their paragraphs are aligned
(:func:`align`: lengths and shared figures, surviving merged, split and missing paragraphs),
and each aligned group goes through the same fact checks as ``translate``
(:class:`~localise.stages.facts.FactChecker`, in ``check`` mode: a wrong fact is an error).
The safe repairs can be written back (``--fix``), every other byte as it was.

>>> result = check_translation(Pipeline(Config(("en-GB",))), "article.txt",
...                            "article.en.txt")                        # doctest: +SKIP
>>> [f.line for f in result.findings if f.severity == "error"]         # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .doc import Block, Doc, Span
from .files import read_article
from .formats import format_for
from .pipeline import Pipeline
from .report import finding_json
from .stages.facts import Finding
from .stages.protect import apply_edits
from .stages.segment import split_sentences
from .textio import lines, read_text

__all__ = ["CheckResult", "LineFinding", "align", "check_translation"]


@dataclass(frozen=True)
class LineFinding:
    """A finding and the 1-based line of the translation file it is on."""

    line: int
    finding: Finding

    @property
    def severity(self) -> str:
        return self.finding.severity

    def to_json(self) -> dict[str, Any]:
        found = finding_json(self.finding)
        return {
            "line": self.line,
            "severity": found["severity"],
            "kind": found["kind"],
            "source": found["source"],
            "translation": found["translation"],
            "sentence": found["sentence"],
            "source_sentence": self.finding.source_sentence,
            "action": found["action"],
            "written": found["written"],
            "message": found["message"],
        }


@dataclass(frozen=True)
class CheckResult:
    """What a check found, and the translation with the safe repairs made (``fixed``)."""

    source: Path
    translation: Path
    target: str
    findings: tuple[LineFinding, ...]
    text: str
    fixed: str

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": str(self.source),
            "translation": str(self.translation),
            "target": self.target,
            "findings": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    text: str


def check_translation(
    pipeline: Pipeline, source: Path | str, translation: Path | str, target: str | None = None
) -> CheckResult:
    """Check ``translation`` (a file) against ``source`` (the article file) into ``target``."""
    source, translation = Path(source), Path(translation)
    target = pipeline.config.target(target)
    doc = pipeline.prepare(
        pipeline.analyse(read_article(source, pipeline.config.formats).doc), target
    ).doc
    assert doc.lang is not None
    wanted = [b for b in doc.blocks if b.translate] or [Block(0, len(doc.text))]
    sources = [_Paragraph(b.start, b.end, doc.text[b.start : b.end]) for b in wanted]
    text = read_text(translation)
    targets = _paragraphs(text, translation, pipeline)
    checker = pipeline.fact_checker(doc.lang, target)
    found: list[LineFinding] = []
    edits: list[tuple[int, int, str]] = []
    starts = [start for start, _, _ in lines(text)]
    for group_sources, group_targets in align(
        [p.text for p in sources], [p.text for p in targets], source_lang=doc.lang
    ):
        spans = [s for i in group_sources for s in _facts_in(doc, sources[i])]
        if not group_targets:
            line = _line_of(starts, targets[-1].end if targets else 0)
            for finding in checker.check(
                "", spans, article_date=doc.article_date, mode="check"
            ).findings:
                found.append(LineFinding(line, _with_source_sentence(finding, doc)))
            continue
        first, last = targets[group_targets[0]], targets[group_targets[-1]]
        window = text[first.start : last.end]
        checked = checker.check(
            window, spans, article_date=doc.article_date, mode="check", context=text
        )
        edits += [(first.start + s, first.start + e, w) for s, e, w in checked.edits]
        for finding in checked.findings:
            at = first.start + (finding.start if finding.end else 0)
            sentence = _sentence(text, at, checker.lang) if finding.end else window
            located = replace(finding, sentence=sentence)
            found.append(LineFinding(_line_of(starts, at), _with_source_sentence(located, doc)))
    return CheckResult(
        source=source,
        translation=translation,
        target=target,
        findings=tuple(sorted(found, key=lambda f: f.line)),
        text=text,
        fixed=apply_edits(text, edits),
    )


def _paragraphs(text: str, path: Path, pipeline: Pipeline) -> list[_Paragraph]:
    """One per non-blank line of a ``.txt``; the translatable blocks of another format."""
    if path.suffix.lower() == ".txt":
        return [
            _Paragraph(start, end, text[start:end])
            for start, end, _ in lines(text)
            if text[start:end].strip()
        ]
    article = format_for(path).read(text, path, pipeline.config.formats)
    return [
        _Paragraph(b.start, b.end, article.doc.text[b.start : b.end])
        for b in article.doc.blocks
        if b.translate
    ]


def _facts_in(doc: Doc, paragraph: _Paragraph) -> list[Span]:
    return [
        s
        for s in doc.spans_within(paragraph.start, paragraph.end)
        if s.kind not in ("markup", "literal") and s.rendering is not None
    ]


def _with_source_sentence(finding: Finding, doc: Doc) -> Finding:
    span = finding.span
    if span is None:
        return finding
    assert doc.lang is not None
    return replace(finding, source_sentence=_sentence(doc.text, span.start, doc.lang))


def _sentence(text: str, position: int, lang: str) -> str:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    for start, end in split_sentences(line):
        if line_start + start <= position < line_start + end:
            return line[start:end]
    return line.strip()


def _line_of(starts: Sequence[int], position: int) -> int:
    line = 0
    for number, start in enumerate(starts):
        if start <= position:
            line = number
        else:
            break
    return line + 1


# -- aligning paragraphs -----------------------------------------------------------------

_DIGITS = re.compile(r"\d[\d.,'’\s\u00a0\u202f]*\d|\d")
#: What skipping a paragraph costs, on the scale of a pair's cost (0 for a perfect pair, 4
#: for one that shares nothing): a paragraph is left unpaired only when pairing it is worse.
_SKIP = 2.6
_MERGE = 0.6


def align(
    sources: Sequence[str], targets: Sequence[str], *, source_lang: str = ""
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Groups of source and translation paragraphs that translate each other, in order: one
    to one, two to one (merged), one to two (split), or one to none (missing, or extra).

    Dynamic programming over the two sequences (as Gale and Church align sentences) with a
    cost for each pairing: how far the lengths are from the documents' own ratio, and how
    many figures the two sides do not share (digits, whatever the separators).
    """
    del source_lang  # the length ratio is measured on the two documents themselves
    total_s = sum(map(len, sources)) or 1
    total_t = sum(map(len, targets)) or 1
    ratio = total_t / total_s
    figures_s = [_figures(s) for s in sources]
    figures_t = [_figures(t) for t in targets]
    n, m = len(sources), len(targets)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    moves = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for a, b in moves:
                if i + a > n or j + b > m:
                    continue
                if a == 0 or b == 0:
                    step = _SKIP
                else:
                    length_s = sum(len(sources[k]) for k in range(i, i + a))
                    length_t = sum(len(targets[k]) for k in range(j, j + b))
                    shared_s = set().union(*figures_s[i : i + a])
                    shared_t = set().union(*figures_t[j : j + b])
                    step = _pair_cost(length_s * ratio, length_t, shared_s, shared_t)
                    step += _MERGE if a + b > 2 else 0.0
                if cost[i][j] + step < cost[i + a][j + b]:
                    cost[i + a][j + b] = cost[i][j] + step
                    back[i + a][j + b] = (a, b)
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None
        a, b = move
        groups.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return groups[::-1]


def _pair_cost(expected: float, length: int, a: set[str], b: set[str]) -> float:
    lengths = abs(expected - length) / max(expected, length, 1.0)
    figures = 1 - len(a & b) / len(a | b) if (a or b) else 0.5
    return 2 * lengths + 2 * figures


def _figures(text: str) -> set[str]:
    """The figures of a paragraph as bare digits ("1.1" and "1,1" are both "11")."""
    return {re.sub(r"\D", "", m.group()) for m in _DIGITS.finditer(text)}
