"""The report: what was changed, what was protected, and what needs a human look.

Every report carries a signature (like sacrebleu's): the versions, models, glossary hash and
options that produced the output, so a published article can be traced and reproduced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .doc import ArticleDateSource, Doc, SpanKind
from .stages.facts import Check, Finding


@dataclass(frozen=True)
class Report:
    """What one article's localisation did."""

    target: str
    source_lang: str
    detected_lang: str | None
    confidence: float | None
    engine: str
    article_date: str | None
    segments: int
    checks: tuple[Check, ...]
    warnings: tuple[str, ...]
    signature: Mapping[str, Any]
    path: str | None = None
    #: Where ``article_date`` came from (see :mod:`localise.stages.article_date`).
    article_date_source: ArticleDateSource | None = None
    #: What the fact checks found in the translation (see :mod:`localise.stages.facts`).
    findings: tuple[Finding, ...] = ()
    #: Blocks not machine-translated: (kind, reason, text), boilerplate included.
    untranslated: tuple[tuple[str, str, str], ...] = ()

    @property
    def status(self) -> str:
        """``ok``, or ``warning`` when something needs a human look."""
        return "warning" if self.warnings else "ok"

    @property
    def names(self) -> list[Check]:
        return [check for check in self.checks if check.span.kind == "name"]

    @property
    def conversions(self) -> list[Check]:
        return [c for c in self.checks if c.span.kind in ("date", "money", "number")]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "target": self.target,
            "language": {
                "source": self.source_lang,
                "detected": self.detected_lang,
                "confidence": self.confidence,
            },
            "engine": self.engine,
            "article_date": self.article_date,
            "article_date_source": self.article_date_source,
            "segments": self.segments,
            "glossary": [_check_json(check) for check in self.names],
            "conversions": [_check_json(check) for check in self.conversions],
            "findings": [finding_json(f) for f in self.findings],
            "warnings": list(self.warnings),
            "blocks_not_translated": [
                {"kind": kind, "reason": reason, "text": _excerpt(text)}
                for kind, reason, text in self.untranslated
                if kind not in ("boilerplate", "metadata")
            ],
            "boilerplate": [
                text for kind, _, text in self.untranslated if kind in ("boilerplate", "metadata")
            ],
            "signature": dict(self.signature),
        }


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_json(check: Check) -> dict[str, Any]:
    span = check.span
    # "entity" and not "kind": the value's own fields use "kind" for its shape ("day_month").
    entry: dict[str, Any] = {"entity": span.kind, **span.to_json()}
    entry["rendering"] = span.rendering
    entry["changed"] = span.changed
    entry["status"] = check.status
    if check.found is not None:
        entry["engine_wrote"] = check.found
    if check.written is not None:
        entry["written"] = check.written
    return entry


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding for a report: severity, kind, what the source and translation say, what
    localise did, the sentence, and one line for a human."""
    return {
        "severity": finding.severity,
        "kind": finding.kind,
        "source": finding.source,
        "translation": finding.found,
        "written": finding.written,
        "action": finding.action,
        "sentence": finding.sentence,
        "message": finding.message(),
    }


def warnings_for(findings: Sequence[Finding]) -> list[str]:
    """One line per finding that needs a human look (warnings and errors), with its sentence."""
    return [
        f"{f.message()} — in: {_excerpt(_spaced(f.sentence), 160)}"
        for f in findings
        if f.severity in ("warning", "error")
    ]


def _spaced(text: str) -> str:
    return " ".join(text.split())


def facts(doc: Doc, path: str | None = None) -> dict[str, Any]:
    """An analysed article's facts in the shape of the corpus gold files: ``language``,
    ``article_date`` (with ``article_date_source``, where it came from), and the ``dates``,
    ``money``, ``numbers`` and ``names`` found, each with its text, offsets and value, and
    what the gold convention leaves out, listed apart: ``periods`` (half-years) and
    ``products`` (a brand before model digits) (``localise inspect --json`` prints one per
    file)."""
    kinds: dict[str, SpanKind] = {
        "dates": "date",
        "money": "money",
        "numbers": "number",
        "names": "name",
    }
    out: dict[str, Any] = {
        "path": path,
        "language": doc.lang,
        "article_date": doc.article_date.isoformat() if doc.article_date else None,
        "article_date_source": doc.article_date_source,
        **{key: [span.to_json() for span in doc.spans_of(kind)] for key, kind in kinds.items()},
    }
    # Half-years are facts localise checks, but the gold convention leaves them out of
    # "dates" and keeps their written year ("zweiten Hälfte des Jahres 2025": "2025").
    dates, periods = [], []
    for entry in out["dates"]:
        if str(entry.get("part", ""))[:1] != "H":
            dates.append(entry)
            continue
        periods.append(entry)
        year = re.search(r"(?<!\d)(?:19|20|21)\d\d(?!\d)", entry["text"])
        if year is not None and not entry["year_implied"]:
            start = entry["start"] + year.start()
            dates.append(
                {"text": year.group(), "start": start, "end": start + 4, "value": year.group(),
                 "time": None, "year_implied": False, "kind": "year"}
            )  # fmt: skip
    out["dates"], out["periods"] = dates, periods
    # A brand before model digits ("BelAZ 75306") is a product, not the organisation.
    names = out["names"]
    out["names"] = [n for n in names if n.get("type") != "product"]
    out["products"] = [n for n in names if n.get("type") == "product"]
    return out
