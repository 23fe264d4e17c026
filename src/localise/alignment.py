"""Where each sentence and each checked fact of an article stands in its source and its output.

The review page and the XLIFF files (:mod:`localise.review`) are built from reports alone, so
every report carries the article's paragraphs and sentences side by side (:func:`aligned`):

``blocks``
    the article's paragraphs (title, lead, paragraph, quote…; page chrome left out, it is
    listed under ``boilerplate``): ``kind``, ``start`` and ``end`` in the source, ``text``
    (the source paragraph), ``translated`` and, for one left as it was, ``reason``;
``units``
    one per sentence sent to the engine (an XLIFF ``trans-unit``): ``block`` (its index in
    ``blocks``), ``start`` and ``end`` in the source, ``target`` (the sentence localise wrote),
    ``marks`` (each name, date, amount, number and piece of markup: ``kind``, ``ref`` (its
    entry, ``"glossary/2"``, ``"conversions/0"``, or None), ``source`` and ``target``
    offsets, the target's None where the output does not show it) and ``findings`` (``index``
    into the report's findings, the ``source`` offsets of the fact it is about and its
    ``target`` offsets, each None where there is none).

Source offsets are into the article's text, like every other offset in the report; target
offsets are into the unit's ``target``. Where a fact stands in the output is known exactly
for what localise changed or reported (a finding's offsets, shifted by the repairs before
it); a fact kept as the engine wrote it is found again by value, the way the fact checker
found it.

>>> from localise.doc import Block, Segment
>>> doc = Doc("Hallo Welt.", blocks=(Block(0, 11),), segments=(Segment(0, 11),))
>>> report = Report("en-GB", "de", "de", 1.0, "copy", None, 1, (), (), {})
>>> aligned(doc, ["Hello world."], report)["units"]
[{'block': 0, 'start': 0, 'end': 11, 'target': 'Hello world.', 'marks': [], 'findings': []}]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from .doc import Block, Doc, Span
from .errors import ConfigError
from .report import Report
from .stages.entities import recogniser
from .stages.facts import Check, Finding, same_fact
from .stages.glossary import GlossaryValue
from .stages.protect import apply_edits

__all__ = ["aligned", "finding_units"]

Range = tuple[int, int]
_LEFT_OUT = ("boilerplate", "metadata")


def aligned(doc: Doc, outputs: Sequence[str], report: Report) -> dict[str, Any]:
    """The ``blocks`` and ``units`` of a report (see the module docstring): ``doc`` is the
    analysed article, ``outputs`` the output of each of its segments."""
    blocks = [b for b in doc.blocks or (Block(0, len(doc.text)),) if _shown(b)]
    if len(outputs) != len(doc.segments):
        return {"blocks": [], "units": []}
    refs = _refs(report.checks)
    grouped = finding_units(doc, outputs, report.findings)
    units = []
    for index, (segment, output) in enumerate(zip(doc.segments, outputs, strict=True)):
        block = next((i for i, b in enumerate(blocks) if b.start <= segment.start < b.end), None)
        if block is None:
            continue
        mine = [i for i, u in enumerate(grouped) if u == index]
        checks = [
            (c, refs[id(c)])
            for c in report.checks
            if segment.start <= c.span.start and c.span.end <= segment.end
        ]
        marks, flags = _located(
            output,
            checks,
            [(i, report.findings[i]) for i in mine],
            report.target,
            doc.article_date,
        )
        units.append(
            {"block": block, "start": segment.start, "end": segment.end, "target": output,
             "marks": marks, "findings": flags}
        )  # fmt: skip
    shown = [
        {"kind": b.kind, "start": b.start, "end": b.end, "text": doc.text[b.start : b.end],
         "translated": b.translate, "reason": b.reason}
        for b in blocks
    ]  # fmt: skip
    return {"blocks": shown, "units": units}


def _shown(block: Block) -> bool:
    return block.translate or block.kind not in _LEFT_OUT


def _refs(checks: Sequence[Check]) -> dict[int, str | None]:
    """Each check's entry in the report: ``glossary/i`` or ``conversions/i`` (see
    :meth:`Report.to_json`), None for markup and literals (they have no entry)."""
    refs: dict[int, str | None] = {}
    names = conversions = 0
    for check in checks:
        if check.span.kind == "name":
            refs[id(check)], names = f"glossary/{names}", names + 1
        elif check.span.kind in ("date", "money", "number"):
            refs[id(check)], conversions = f"conversions/{conversions}", conversions + 1
        else:
            refs[id(check)] = None
    return refs


def finding_units(
    doc: Doc, outputs: Sequence[str], findings: Sequence[Finding]
) -> list[int | None]:
    """The segment each finding is in, by index (None if none is found).

    A finding about a source fact is in the segment that holds the fact. One without (a
    figure the source does not have) is in the segment whose translation is its sentence:
    the one of the finding before it, else the next whose output is that sentence (a figure
    reported makes no repair), never twice at the same place.
    """
    units: list[int | None] = []
    at = 0
    taken: set[tuple[int, str, int, int]] = set()
    for finding in findings:
        unit: int | None = None
        span = finding.span
        if span is not None:
            unit = next(
                (i for i, s in enumerate(doc.segments) if s.start <= span.start < s.end), None
            )
        else:
            previous = units[-1] if units else None
            for i in range(at, len(doc.segments)):
                key = (i, finding.kind, finding.start, finding.end)
                same_sentence = (
                    i == previous and findings[len(units) - 1].sentence == finding.sentence
                ) or outputs[i] == finding.sentence
                if same_sentence and key not in taken:
                    unit = i
                    break
        if unit is not None:
            at = unit
            taken.add((unit, finding.kind, finding.start, finding.end))
        units.append(unit)
    return units


def _located(
    output: str,
    checks: Sequence[tuple[Check, str | None]],
    findings: Sequence[tuple[int, Finding]],
    target: str,
    article_date: date | None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The unit's marks and findings with their places in ``output``."""
    places = _finding_places(output, [f for _, f in findings])
    taken: list[Range] = [p for p in places if p is not None]
    flags = [
        {"index": index, "source": [f.span.start, f.span.end] if f.span else None,
         "target": list(place) if place else None}
        for (index, f), place in zip(findings, places, strict=True)
    ]  # fmt: skip
    by_span: dict[Range, Range] = {}
    for (_, finding), place in zip(findings, places, strict=True):
        if finding.span is not None and place is not None:
            by_span.setdefault((finding.span.start, finding.span.end), place)
    found: list[Span] | None = None
    marks = []
    for check, ref in checks:
        span = check.span
        place = by_span.get((span.start, span.end))
        if place is None and check.status in ("kept", "rendered"):
            if span.kind in ("date", "money", "number") and found is None:
                found = _recognised(output, target, article_date)
            place = _find(output, check, found or [], taken)
            if place is not None:
                taken.append(place)
        marks.append(
            {"kind": span.kind, "ref": ref, "source": [span.start, span.end],
             "target": list(place) if place else None}
        )  # fmt: skip
    return marks, flags


def _finding_places(output: str, findings: Sequence[Finding]) -> list[Range | None]:
    """Where each finding stands in ``output``: its offsets in the translation as it was,
    shifted by the repairs made before it (every repair is a finding with ``written``)."""
    edits = sorted(
        {(f.start, f.end, f.written) for f in findings if f.written is not None and f.end}
    )
    sentence = findings[0].sentence if findings else output
    if apply_edits(sentence, edits) != output:
        return [_search(output, f.written or f.found) if f.end else None for f in findings]
    places: list[Range | None] = []
    for finding in findings:
        if not finding.end:
            places.append(None)
            continue
        shift = sum(len(w) - (e - s) for s, e, w in edits if e <= finding.start)
        start = finding.start + shift
        written = finding.written if finding.written is not None else finding.found
        places.append((start, start + len(written)))
    return places


def _recognised(output: str, target: str, article_date: date | None) -> list[Span]:
    try:
        found = recogniser(target)
    except ConfigError:
        return []
    return list(found(Doc(output, article_date=article_date)).spans)


def _find(output: str, check: Check, found: Sequence[Span], taken: list[Range]) -> Range | None:
    """A kept fact in the output: the recognised expression of the same value, else its
    rendering or one of the name's forms, wherever nothing else was placed."""

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    span = check.span
    if span.kind in ("date", "money", "number"):
        for other in found:
            if free(other.start, other.end) and same_fact(span, other):
                return other.start, other.end
    forms = [check.written or "", span.rendering or "", span.text]
    if isinstance(span.value, GlossaryValue):
        forms += list(span.value.target_forms)
    forms += [form.upper() for form in forms]
    # Longest first, ties in text order: a set's order changes with the process's hash seed,
    # and the marks must not (a worker process or a Ray actor analysed the article).
    for form in sorted({f for f in forms if f.strip()}, key=lambda f: (-len(f), f)):
        for match in re.finditer(_whole(form), output):
            if free(match.start(), match.end()):
                return match.start(), match.end()
    return None


def _whole(form: str) -> str:
    before = r"(?<!\w)" if form[:1].isalnum() else ""
    after = r"(?!\w)" if form[-1:].isalnum() else ""
    return before + re.escape(form) + after


def _search(output: str, text: str) -> Range | None:
    at = output.find(text) if text else -1
    return (at, at + len(text)) if at >= 0 else None
