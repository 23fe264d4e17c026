"""Batch runs: find the articles under the given paths, localise each, write outputs and reports.

The output folder mirrors the input tree. Beside the articles, ``_localise/`` holds one JSON
report per article (``_localise/reports/<relative path>.json``) and the run summary
(``_localise/summary.json``). Every file is written atomically; inputs are only ever read.
A file that fails is reported and the run goes on.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, LocaliseError, ModelNotFoundError
from .formats import supported_suffixes
from .pipeline import Pipeline
from .report import Report
from .textio import write_atomic

SUPPORTED_SUFFIXES = supported_suffixes()
STATE_FOLDER = "_localise"

Status = Literal["ok", "warning", "failed"]

#: Called when a language pair has no model; returns True when it installed one (retry).
OnMissingModel = Callable[[ModelNotFoundError], bool]


@dataclass(frozen=True)
class Item:
    """One input article and where its output goes, relative to the output folder."""

    path: Path
    relative: Path


@dataclass(frozen=True)
class Outcome:
    """What happened to one article."""

    item: Item
    status: Status
    report: Report | None = None
    error: str | None = None
    output: Path | None = None


def discover(
    paths: Iterable[Path], *, skip: Path | None = None
) -> tuple[list[Item], list[Outcome]]:
    """Articles under ``paths`` (folders recursively), and failures for paths that are unusable.

    Hidden files and folders are skipped, and so is ``skip`` (the output folder) so that a run
    never reads its own outputs.
    """
    items: list[Item] = []
    failures: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            items.extend(_walk(path, skip))
        elif not path.exists():
            failures.append(_failed(Item(path, Path(path.name)), "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
            failures.append(
                _failed(
                    Item(path, Path(path.name)),
                    f"unsupported file type {path.suffix!r}; localise reads {supported}",
                )
            )
        else:
            items.append(Item(path, Path(path.name)))
    return _without_collisions(items, failures)


def run(
    pipeline: Pipeline,
    items: Sequence[Item],
    out_dir: Path,
    *,
    on_missing_model: OnMissingModel | None = None,
) -> Iterator[Outcome]:
    """Localise each item into ``out_dir``, yielding an outcome per article as it finishes."""
    for item in items:
        yield _localise_one(pipeline, item, out_dir, on_missing_model)


def write_summary(
    out_dir: Path, outcomes: Sequence[Outcome], signature: dict[str, Any], seconds: float
) -> Path:
    """The run summary: counts by status, every failure and warning, the signature."""
    counts = Counter(outcome.status for outcome in outcomes)
    summary = {
        "articles": len(outcomes),
        "counts": {status: counts.get(status, 0) for status in ("ok", "warning", "failed")},
        "seconds": round(seconds, 3),
        "failed": [{"path": str(o.item.path), "error": o.error} for o in outcomes if o.error],
        "warnings": [
            {"path": str(o.item.path), "warnings": list(o.report.warnings)}
            for o in outcomes
            if o.report is not None and o.report.warnings
        ],
        "signature": signature,
    }
    path = out_dir / STATE_FOLDER / "summary.json"
    write_atomic(path, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return path


def error_text(exc: LocaliseError) -> str:
    """The message for an article's failure, without the path the caller prints anyway."""
    return exc.reason if isinstance(exc, InputError) else str(exc)


def report_path(out_dir: Path, item: Item) -> Path:
    return (
        out_dir / STATE_FOLDER / "reports" / item.relative.with_name(item.relative.name + ".json")
    )


def _localise_one(
    pipeline: Pipeline, item: Item, out_dir: Path, on_missing_model: OnMissingModel | None
) -> Outcome:
    started = time.perf_counter()
    while True:
        try:
            result = pipeline.localise_file(item.path)
            break
        except ModelNotFoundError as exc:
            if on_missing_model is None or not on_missing_model(exc):
                return _failed(item, str(exc))
        except LocaliseError as exc:
            return _failed(item, error_text(exc))
    output = out_dir / item.relative
    write_atomic(output, result.text)
    report = result.report
    payload = {
        **report.to_json(),
        "output": str(output),
        "seconds": round(time.perf_counter() - started, 3),
    }
    write_atomic(
        report_path(out_dir, item), json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    )
    status: Status = "warning" if report.warnings else "ok"
    return Outcome(item, status, report=report, output=output)


def _without_collisions(
    items: list[Item], failures: list[Outcome]
) -> tuple[list[Item], list[Outcome]]:
    # Two inputs that would write the same output file: keep the first, fail the other.
    first: dict[Path, Item] = {}
    for item in items:
        if item.relative in first:
            failures.append(
                _failed(
                    item,
                    f"would overwrite the output of {first[item.relative].path}; "
                    f"localise these inputs in separate runs or with separate --out folders",
                )
            )
        else:
            first[item.relative] = item
    return list(first.values()), failures


def _walk(root: Path, skip: Path | None) -> Iterator[Item]:
    skip_resolved = skip.resolve() if skip is not None else None
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if skip_resolved is not None and _is_within(path.resolve(), skip_resolved):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield Item(path, relative)


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _failed(item: Item, error: str) -> Outcome:
    return Outcome(item, "failed", error=error)
