"""A run's reports, read back: what the review page and the XLIFF files are built from.

A batch run writes one JSON report per output under ``OUT/_localise/reports/`` (the output's
path with ``.json`` added, see :mod:`localise.batch`); the run's summary, with the articles
that failed, is ``OUT/_localise/summary.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..batch.discover import STATE_FOLDER
from ..errors import InputError

__all__ = ["ReportFile", "read_report", "read_reports", "read_summary", "reports_folder"]


@dataclass(frozen=True)
class ReportFile:
    """One report: where it is, the output's path relative to the output folder (as the
    batch wrote it, ``en-GB/news/a.txt`` with several targets), and its content."""

    path: Path
    relative: str
    data: Mapping[str, Any]

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self.data.get("findings") or [])

    @property
    def needs_look(self) -> int:
        """How many findings need a human look (warnings and errors)."""
        return sum(f.get("severity") in ("warning", "error") for f in self.findings)

    @property
    def xliff_path(self) -> Path:
        """Where its XLIFF file goes: beside the report, ``.xlf`` for ``.json``."""
        return self.path.with_suffix(".xlf")


def reports_folder(out: Path) -> Path:
    return out / STATE_FOLDER / "reports"


def read_reports(out: Path) -> list[ReportFile]:
    """Every report of the output folder ``out``, by output path; InputError when ``out``
    has none (no batch run wrote into it) or one is not a report."""
    folder = reports_folder(out)
    if not folder.is_dir():
        raise InputError(
            out, f"no reports in {folder}; run `localise translate ... --out {out}` first"
        )
    return [read_report(path, folder) for path in sorted(folder.rglob("*.json"))]


def read_report(path: Path, folder: Path) -> ReportFile:
    """The report at ``path`` in the reports ``folder``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"cannot read the report ({exc})") from exc
    if not isinstance(data, dict) or "findings" not in data or "target" not in data:
        raise InputError(path, "not a localise report (no target and findings)")
    relative = path.relative_to(folder).as_posix().removesuffix(".json")
    return ReportFile(path, relative, data)


def read_summary(out: Path) -> Mapping[str, Any]:
    """The run summary, or an empty mapping when there is none or it cannot be read."""
    try:
        data = json.loads((out / STATE_FOLDER / "summary.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def entry(data: Mapping[str, Any], ref: str | None) -> Mapping[str, Any] | None:
    """The report's entry a mark refers to (``"glossary/2"``, ``"conversions/0"``)."""
    if not ref or "/" not in ref:
        return None
    key, _, index = ref.partition("/")
    entries = data.get(key)
    if not isinstance(entries, list) or not index.isdigit() or int(index) >= len(entries):
        return None
    found = entries[int(index)]
    return found if isinstance(found, dict) else None


def value_text(item: Mapping[str, Any]) -> str:
    """A fact's value in a few words, for a tooltip or an XLIFF comment: "7,100,000,000
    USD", "2025-01-22 (year implied)", "Lukashenko (person, glossary entry lukashenko)"."""
    kind = item.get("entity")
    if kind == "name":
        what = [str(item["type"])] if item.get("type") else []
        what += [f"glossary entry {item['entry']}"] if item.get("entry") else []
        name = str(item.get("canonical") or item.get("text"))
        return name + (f" ({', '.join(what)})" if what else "")
    if kind == "money":
        amounts = " to ".join(_number(a) for a in item.get("amounts") or [])
        return f"{amounts} {item.get('currency') or ''}".strip()
    if kind == "number":
        shape = item.get("kind")
        return _number(item.get("value")) + (f" ({shape})" if shape else "")
    if kind == "date":
        value = str(item.get("value"))
        if item.get("time"):
            value += f" {item['time']}"
        return value + (" (year implied)" if item.get("year_implied") else "")
    return str(item.get("text", ""))


def _number(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}"
