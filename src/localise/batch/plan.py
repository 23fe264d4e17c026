"""Planning a run: which articles, for which targets, are to be redone.

An output is unchanged, and skipped, when its input's content hash, the configuration hash
(:func:`config_hash`) and the engine that would translate it now are those recorded when it
was written, and the output file is still there.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import output_key
from ..pipeline import Pipeline
from .discover import Item
from .state import Record

__all__ = ["Planned", "config_hash", "plan", "reason", "sha256"]


@dataclass(frozen=True)
class Planned:
    """An article to (re)do: its content hash, the targets to redo and those unchanged."""

    item: Item
    content_hash: str
    targets: tuple[str, ...]  # to redo
    unchanged: tuple[tuple[str, Record], ...] = ()  # the article's other targets, skipped


def config_hash(pipeline: Pipeline, target: str) -> str:
    """What decides an output besides its input and model: versions, glossary content, and
    the configuration fields that decide outputs (:func:`localise.config.output_key`)."""
    payload = {**pipeline.signature(target, ""), "config": output_key(pipeline.config)}
    return sha256(json.dumps(payload, sort_keys=True, default=str).encode())


def plan(
    items: Sequence[Item],
    records: Mapping[tuple[str, str], Record],
    *,
    targets: Sequence[str],
    hashes: Mapping[str, str],
    out: Path,
    force: bool,
    engine_now: Callable[[tuple[str, str]], str | None],
) -> tuple[list[Planned], list[Planned]]:
    """The articles to do (some targets at least) and those entirely unchanged.

    ``engine_now`` says which engine would translate a pair now (None: none installed).
    """
    todo: list[Planned] = []
    unchanged: list[Planned] = []
    for item in items:
        try:
            content_hash = sha256(item.path.read_bytes())
        except OSError:
            content_hash = ""  # the analysis reports why it cannot be read
        kept: list[tuple[str, Record]] = []
        redo: list[str] = []
        for target in targets:
            record = records.get((item.relative.as_posix(), target))
            if not force and _unchanged(record, content_hash, hashes[target], out, engine_now):
                assert record is not None
                kept.append((target, record))
            else:
                redo.append(target)
        planned = Planned(item, content_hash, tuple(redo), tuple(kept))
        (todo if redo else unchanged).append(planned)
    return todo, unchanged


def _unchanged(
    record: Record | None,
    content_hash: str,
    config: str,
    out: Path,
    engine_now: Callable[[tuple[str, str]], str | None],
) -> bool:
    return reason(record, content_hash, config, out, engine_now) == "unchanged"


def reason(
    record: Record | None,
    content_hash: str,
    config: str,
    out: Path,
    engine_now: Callable[[tuple[str, str]], str | None],
) -> str:
    """Why an output is to be redone ("new", "input changed", …), or "unchanged"."""
    if record is None:
        return "new"
    if not content_hash:
        return "unreadable"
    if record.content_hash != content_hash:
        return "input changed"
    if record.config_hash != config:
        return "configuration changed (options, glossary, style or versions)"
    if not (out / record.output).is_file():
        return "output missing"
    if record.pair is None:
        return "unchanged"
    source, _, target = record.pair.partition("-")
    now = engine_now((source, target))
    if now != record.engine:
        return f"model changed ({record.engine} → {now or 'none installed'})"
    return "unchanged"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
