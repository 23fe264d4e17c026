"""``localise merge``: post-edited XLIFF back into articles, their facts checked again.

An XLIFF file written by ``translate --xliff`` (:mod:`.xliff`) names its source article and
carries the run's signature. Merging rebuilds the run's configuration from the signature,
reads and analyses the source again exactly as the run did (same paragraphs, same sentences:
each unit's source must still be its sentence), and puts each unit's target in its sentence's
place: a unit left as it was keeps the machine translation, byte for byte, so a round trip
without edits writes the same file as the run. The file goes to the run's relative path under
the merge's output folder, in the source's format, with a report beside it as a batch writes
one (``_localise/reports/<path>.json``, with the paragraphs side by side for
``localise review``).

Every unit's text goes through the fact checks again: an edited unit as a human translation
(a wrong or missing fact is an error, as with ``localise check``), an unedited one as the
engine's. Merging changes no character of an editor's text: what the checks would repair is
reported, not written. (A target in the source's language was never checked by an engine and
is written as it is.)
"""

from __future__ import annotations

import dataclasses
import json
import os
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Literal, Union

from ..alignment import aligned, finding_units
from ..batch.discover import STATE_FOLDER
from ..config import Config
from ..doc import Doc
from ..errors import InputError, LocaliseError
from ..files import read_article
from ..formats import format_named
from ..pipeline import Pipeline, Prepared, Result, reassemble
from ..report import Report, warnings_for
from ..stages.facts import SEVERITY, Check, Finding
from ..textio import write_atomic
from .xliff import XliffArticle, read_xliff

__all__ = ["Merged", "config_from_signature", "merge_xliff"]


@dataclass(frozen=True)
class Merged:
    """One merged article: where it came from and went, which units the editor changed
    (their numbers), and what the checks found, each finding with its unit's number."""

    xliff: Path
    source: Path
    output: Path
    report_path: Path
    result: Result
    edited: tuple[int, ...]
    findings: tuple[tuple[int | None, Finding], ...]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for _, f in self.findings)


def merge_xliff(path: Path | str, out: Path | str) -> Merged:
    """Merge one post-edited XLIFF file into the output folder ``out`` (see the module
    docstring); InputError says what stops it (the source changed, a glossary is gone...)."""
    path, out = Path(path), Path(out)
    edited_file = read_xliff(path)
    pipeline = _pipeline(edited_file)
    source = _source_file(edited_file)
    article = read_article(source, pipeline.config.formats)
    prepared = pipeline.prepare(pipeline.analyse(article.doc), edited_file.target)
    doc = prepared.doc
    targets = _targets(edited_file, doc)
    output = _output_path(edited_file, out, source)
    report = dataclasses.replace(
        _checked(pipeline, prepared, targets, edited_file), path=str(source)
    )
    blocks = tuple(reassemble(doc, targets, b.start, b.end) for b in doc.blocks)
    text = format_named(article.format).write(article, blocks, edited_file.target)
    report_path = out / STATE_FOLDER / "reports" / f"{edited_file.output}.json"
    write_atomic(output, text)
    payload = {**report.to_json(), "output": str(output), **aligned(doc, targets, report)}
    write_atomic(report_path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    units = edited_file.units
    numbers = [
        units[u].number if u is not None else None
        for u in finding_units(doc, targets, report.findings)
    ]
    return Merged(
        xliff=path,
        source=source,
        output=output,
        report_path=report_path,
        result=Result(text, doc, report, blocks, tuple(targets)),
        edited=tuple(u.number for u in units if u.edited),
        findings=tuple(zip(numbers, report.findings, strict=True)),
    )


def _pipeline(edited: XliffArticle) -> Pipeline:
    """The translation run's pipeline, rebuilt from the signature, its glossaries unchanged."""
    config = config_from_signature(edited.signature, edited.target, edited.path)
    try:
        pipeline = Pipeline(config)
    except LocaliseError as exc:
        reason = f"cannot rebuild the translation run's configuration: {exc}"
        raise InputError(edited.path, reason) from exc
    wanted = edited.signature.get("glossary")
    if wanted and pipeline.glossary.fingerprint != wanted:
        raise InputError(
            edited.path,
            "the glossaries are not those the article was translated with (their content "
            "changed); merge with the glossaries of the run, or translate the article again",
        )
    return pipeline


def _checked(
    pipeline: Pipeline, prepared: Prepared, targets: Sequence[str], edited: XliffArticle
) -> Report:
    """The report of the article as merged: every sentence checked again, an edited one as a
    human translation; nothing repaired."""
    if prepared.pair is None:
        report = pipeline.finish(prepared, (), "").report
        findings: list[Finding] = []
        checks = list(report.checks)
    else:
        engine = f"{edited.signature.get('engine', 'an engine')}, post-edited"
        report = pipeline.finish(prepared, targets, engine).report
        where = finding_units(prepared.doc, targets, report.findings)
        findings = [
            _as_written(f, u is not None and edited.units[u].edited)
            for f, u in zip(report.findings, where, strict=True)
        ]
        checks = [_unrepaired(c) for c in report.checks]
    # The report's warnings: one per finding that needs a look, then the article's own (a
    # language detected with low confidence, glossary conflicts), which follow them.
    own = report.warnings[len(warnings_for(report.findings)) :]
    numbers = [u.number for u in edited.units if u.edited]
    return dataclasses.replace(
        report,
        checks=tuple(checks),
        findings=tuple(findings),
        warnings=(*warnings_for(findings), *own),
        signature={**report.signature, "xliff": str(edited.path), "edited": numbers},
    )


def _source_file(edited: XliffArticle) -> Path:
    recorded = Path(edited.original)
    if recorded.is_file():
        return recorded
    if edited.source_file and Path(edited.source_file).is_file():
        return Path(edited.source_file)
    raise InputError(
        edited.path,
        f"its source article {edited.original} is not there; merge reads the source the XLIFF "
        f"was made from (run it in the folder the translation ran in)",
    )


def _targets(edited: XliffArticle, doc: Doc) -> list[str]:
    """Each sentence's text to write, checked against the article as it is now."""
    units = edited.units
    if [u.number for u in units] != list(range(1, len(units) + 1)):
        raise InputError(edited.path, "its trans-units are not numbered 1, 2, 3… in order")
    if len(units) != len(doc.segments):
        raise InputError(
            edited.path,
            f"has {len(units)} units but the source article now has {len(doc.segments)} "
            f"sentences: it changed since the XLIFF was written; translate it again",
        )
    targets = []
    for unit, segment in zip(units, doc.segments, strict=True):
        if unit.source != doc.text[segment.start : segment.end]:
            raise InputError(
                edited.path,
                f"unit {unit.number}: its source is no longer the article's sentence (the "
                f"source article changed since the XLIFF was written); translate it again",
            )
        text = unit.target if unit.target is not None else unit.machine
        if text is None:
            raise InputError(edited.path, f"unit {unit.number} has no target")
        targets.append(text)
    return targets


def _output_path(edited: XliffArticle, out: Path, source: Path) -> Path:
    """Where the article goes: the run's relative path, under ``out`` and nowhere else."""
    relative = PurePosixPath(edited.output)
    if (
        not relative.parts
        or relative.is_absolute()
        or ".." in relative.parts
        or relative.parts[0] == STATE_FOLDER
        or "\\" in edited.output
    ):
        raise InputError(
            edited.path, f"its output path {edited.output!r} is not a path inside a folder"
        )
    output = out.joinpath(*relative.parts)
    # A symbolic link inside ``out`` leading elsewhere is not followed.
    folder = Path(os.path.realpath(output.parent))
    root = out.resolve()
    if folder != root and root not in folder.parents:
        raise InputError(
            edited.path, f"its output folder {output.parent} leads outside {out}; not followed"
        )
    if output.resolve() == source.resolve():
        raise InputError(edited.path, f"would write over its source {source}; choose another --out")
    return output


def _as_written(finding: Finding, edited: bool) -> Finding:
    """A finding about the text as the editor left it: nothing repaired; an edited unit is a
    human translation, its severity that of ``localise check``."""
    severity = SEVERITY[finding.kind][1] if edited else finding.severity
    return dataclasses.replace(finding, severity=severity, written=None)


def _unrepaired(check: Check) -> Check:
    """A check whose repair merging does not write: the text says something else."""
    if check.status in ("repaired", "rendered"):
        return dataclasses.replace(check, status="differs", written=None)
    return check


# -- the configuration, from a signature ---------------------------------------------------


def config_from_signature(signature: Mapping[str, Any], target: str, path: Path) -> Config:
    """The configuration a report's signature records (:func:`localise.config.signature_of`),
    for ``target`` alone and never downloading; InputError when it cannot be rebuilt."""
    plain = signature.get("config")
    if not isinstance(plain, Mapping):
        raise InputError(path, "its signature records no configuration")
    try:
        config = _built(Config, {**plain, "targets": [target]})
    except (LocaliseError, TypeError, ValueError, KeyError) as exc:
        raise InputError(path, f"its signature's configuration cannot be rebuilt ({exc})") from exc
    assert isinstance(config, Config)
    models = dataclasses.replace(config.models, download=False)
    return dataclasses.replace(config, models=models)


def _built(hint: Any, value: Any) -> Any:
    """``value`` (JSON, as :func:`~localise.config.signature_of` wrote it) as a ``hint``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: _built(hints[k], v) for k, v in dict(value).items() if k in known})
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        return _built(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_built(args[0], item) for item in value)
        return tuple(_built(a, item) for a, item in zip(args, value, strict=True))
    if hint is Path:
        return Path(value)
    if hint is date:
        return date.fromisoformat(value)
    if origin is Literal or hint in (str, int, float, bool):
        return value
    raise TypeError(f"no way to rebuild a {hint!r} from {value!r}")
