"""Batch runs: localise the articles under some folders into an output folder, incrementally.

::

    discover ─▶ plan ─────────▶ analyse ─────▶ memory ─▶ translate ──▶ finish ─▶ write ─▶ record
    (walk,      (hash inputs;   (workers:      (SQLite:  (workers:     (verify,  (atomic  (SQLite,
     globs)      skip what is    detect once,   known     unique new    repair,   files,   after
                 unchanged)      each target)   segments) segments)     report)   reports) the file)

The output folder mirrors the input tree (``OUT/<locale>/...`` when the run has several target
locales). ``OUT/_localise/`` holds the state database (:mod:`localise.state`: what was done,
and the translation memory), one JSON report per output under ``reports/`` and the run summary
``summary.json``. Every file is written atomically and recorded in the database only once it
is in place, so a killed run resumes where it stopped; inputs are only ever read.

Articles go through in windows of :data:`WINDOW`: a window's articles are analysed (in worker
processes with ``jobs > 1``), their segments deduplicated and looked up in the memory, the rest
translated in batches of :data:`SEGMENTS_PER_TASK`, and the outputs written by the main
process, which alone opens the database. Windows and batches are cut the same way whatever the
number of workers, so the outputs do not depend on it. A file that fails is reported and the
run goes on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .discover import Item, find_articles
from .errors import ConfigError, LocaliseError, ModelNotFoundError, error_text
from .formats import (
    Article,
    FormatOptions,
    learn_boilerplate,
    write_article,
)
from .pipeline import Pipeline, Prepared, Result
from .state import EngineKey, Record, State
from .textio import write_atomic
from .workers import Analysis, Executor

STATE_FOLDER = "_localise"

#: Articles analysed and translated together; the unit of progress and of resumption.
WINDOW = 64
#: Segments per translation task (one engine call in one worker).
SEGMENTS_PER_TASK = 64

Status = Literal["ok", "warning", "failed", "skipped"]
STATUSES: tuple[Status, ...] = ("ok", "warning", "failed", "skipped")
_STAGES = ("scan", "analyse", "translate", "write")

#: Called when a language pair has no model; returns True when it installed one (retry).
OnMissingModel = Callable[[ModelNotFoundError], bool]


@dataclass(frozen=True)
class Outcome:
    """What happened to one article for one target locale.

    ``status`` is ``skipped`` when the input, configuration and model are unchanged since the
    output was written (``previous_status`` says how that run went). ``target`` is None for a
    path that failed before any target was involved (missing, unreadable, unsupported).
    ``result`` holds the localised text and report of an article done in this run.
    """

    item: Item
    status: Status
    target: str | None = None
    result: Result | None = None
    error: str | None = None
    output: Path | None = None
    previous_status: str | None = None

    @property
    def report(self) -> Any:
        return self.result.report if self.result is not None else None

    @property
    def has_warnings(self) -> bool:
        """True for warnings in this run, and for an unchanged output that had warnings."""
        return self.status == "warning" or self.previous_status == "warning"


@dataclass(frozen=True)
class Progress:
    """A run's progress, given to the ``progress`` callback after each article."""

    articles: int  # inputs in the run, skipped ones included
    done: int  # inputs finished, whatever their status
    segments: int  # segments of the articles finished in this run
    translated: int  # segments the engine translated (the rest came from the memory)
    elapsed: float


@dataclass(frozen=True)
class Summary:
    """The run summary, also written to ``OUT/_localise/summary.json``."""

    articles: int
    targets: tuple[str, ...]
    counts: Mapping[str, int]
    seconds: float
    stages: Mapping[str, float]
    segments: Mapping[str, int]
    jobs: int
    failed: tuple[Mapping[str, Any], ...]
    warnings: tuple[Mapping[str, Any], ...]
    signature: Mapping[str, Any]
    path: Path

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "targets": list(self.targets),
            "counts": dict(self.counts),
            "seconds": round(self.seconds, 3),
            "stages": {stage: round(s, 3) for stage, s in self.stages.items()},
            "segments": dict(self.segments),
            "jobs": self.jobs,
            "failed": [dict(f) for f in self.failed],
            "warnings": [dict(w) for w in self.warnings],
            "signature": dict(self.signature),
        }


class Batch:
    """A batch run configuration: pipelines (one per target locale), output folder, options.

    >>> batch = Batch([Pipeline("en-GB"), Pipeline("de-CH")], out="out")  # doctest: +SKIP
    >>> run = batch.run(["articles"])                                     # doctest: +SKIP
    >>> for outcome in run:                                               # doctest: +SKIP
    ...     print(outcome.status, outcome.item.path, outcome.target)
    >>> run.summary.counts                                                # doctest: +SKIP

    ``jobs``: worker processes; 1 runs everything in this process; None (the default) uses
    up to 8 cores, and this process alone for small runs. Every pipeline is rebuilt from its
    ``config`` in each worker, so pipelines built with ``engines=`` run with ``jobs`` 1 only.
    ``force`` redoes every article; ``include`` / ``exclude`` are globs matched against the
    path relative to its input folder and against the file name (``*`` crosses folders).
    """

    def __init__(
        self,
        pipelines: Pipeline | Sequence[Pipeline],
        out: Path | str,
        *,
        jobs: int | None = None,
        force: bool = False,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        format_options: FormatOptions | None = None,
        on_missing_model: OnMissingModel | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> None:
        self.pipelines = (pipelines,) if isinstance(pipelines, Pipeline) else tuple(pipelines)
        self.out = Path(out)
        self.jobs = jobs
        self.force = force
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.format_options = format_options or FormatOptions()
        self.on_missing_model = on_missing_model
        self.progress = progress
        _check_pipelines(self.pipelines, jobs)

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(p.config.target for p in self.pipelines)

    def run(self, paths: Iterable[Path | str]) -> BatchRun:
        """Start a run over ``paths`` (files or folders): iterate it for the outcomes."""
        return BatchRun(self, [Path(p) for p in paths])

    def signature(self) -> dict[str, Any]:
        """The run's signature: the pipelines' (versions, glossary hash...) and the options."""
        signature = self.pipelines[0].signature("per article (see the reports)")
        signature["target"] = list(self.targets) if len(self.targets) > 1 else self.targets[0]
        signature["format_options"] = dataclasses.asdict(self.format_options)
        signature["include"], signature["exclude"] = list(self.include), list(self.exclude)
        return signature

    def output_path(self, item: Item, target: str) -> Path:
        return self.out / self._relative_output(item, target)

    def report_path(self, item: Item, target: str) -> Path:
        relative = item.relative.with_name(item.relative.name + ".json")
        folder = self.out / STATE_FOLDER / "reports"
        return folder / target / relative if len(self.targets) > 1 else folder / relative

    def _relative_output(self, item: Item, target: str) -> Path:
        return Path(target) / item.relative if len(self.targets) > 1 else item.relative


class BatchRun(Iterator[Outcome]):
    """One run of a :class:`Batch`: an iterator of outcomes, one per article and target.

    Outputs are written as the iteration goes; ``summary`` is set (and ``summary.json``
    written) when it ends. Stopping early (``close()``) leaves a folder the next run resumes.
    """

    def __init__(self, batch: Batch, paths: list[Path]) -> None:
        self.batch = batch
        self.paths = paths
        self.summary: Summary | None = None
        self._outcomes = _Runner(batch, paths, self).outcomes()

    def __iter__(self) -> BatchRun:
        return self

    def __next__(self) -> Outcome:
        return next(self._outcomes)

    def close(self) -> None:
        self._outcomes.close()


def discover(
    paths: Iterable[Path],
    *,
    skip: Path | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[Item], list[Outcome]]:
    """Articles under ``paths`` (see :func:`localise.discover.find_articles`), and a failed
    outcome for each path that cannot be used."""
    items, problems = find_articles(paths, skip=skip, include=include, exclude=exclude)
    return items, [_failed(item, reason) for item, reason in problems]


def config_hash(pipeline: Pipeline, format_options: FormatOptions) -> str:
    """What decides an output besides its input and model: versions, glossary, options."""
    payload = {
        **pipeline.signature(""),
        "format_options": dataclasses.asdict(format_options),
    }
    return _sha256(json.dumps(payload, sort_keys=True, default=str).encode())


# -- the run -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Planned:
    item: Item
    content_hash: str
    targets: tuple[str, ...]  # to redo
    unchanged: tuple[Outcome, ...] = ()  # the article's other targets, skipped


@dataclass
class _Tally:
    stages: dict[str, float] = field(default_factory=lambda: dict.fromkeys(_STAGES, 0.0))
    segments: Counter[str] = field(default_factory=Counter)
    done: int = 0


class _Runner:
    def __init__(self, batch: Batch, paths: list[Path], run: BatchRun) -> None:
        self.batch = batch
        self.paths = paths
        self.run = run
        self.tally = _Tally()
        self.started = time.perf_counter()
        self.articles = 0
        self.jobs = 1
        self._descriptions: dict[tuple[str, str], str] = {}
        self._pair_errors: dict[tuple[str, str], str] = {}
        self._by_target = {p.config.target: p for p in batch.pipelines}
        self.options = batch.format_options
        self.config_hashes: dict[str, str] = {}

    def outcomes(self) -> Generator[Outcome, None, None]:
        batch = self.batch
        outcomes: list[Outcome] = []
        with State.open(batch.out / STATE_FOLDER) as state:
            _remove_stale_temporaries(batch.out)
            mark = time.perf_counter()
            items, failures = discover(
                self.paths, skip=batch.out, include=batch.include, exclude=batch.exclude
            )
            self.articles = len(items) + len(failures)
            self.options = _with_boilerplate(batch.format_options, items)
            self.config_hashes = {
                t: config_hash(self._by_target[t], self.options) for t in batch.targets
            }
            for outcome in failures:
                yield self._emitted(outcome, outcomes, article_done=True)
            plan, skipped = self._plan(items, state)
            self.tally.stages["scan"] += time.perf_counter() - mark
            for group in skipped:
                for outcome in group:
                    yield self._emitted(outcome, outcomes, article_done=outcome is group[-1])
            executor = Executor(batch.pipelines, batch.jobs, len(plan), self.options)
            self.jobs = executor.jobs
            try:
                for start in range(0, len(plan), WINDOW):
                    window = plan[start : start + WINDOW]
                    for outcome, last in self._window(window, executor, state):
                        yield self._emitted(outcome, outcomes, article_done=last)
            finally:
                executor.close()
        self.run.summary = self._summary(outcomes)

    def _emitted(self, outcome: Outcome, outcomes: list[Outcome], *, article_done: bool) -> Outcome:
        outcomes.append(outcome)
        if article_done:
            self._article_done()
        return outcome

    def _article_done(self) -> None:
        self.tally.done += 1
        if self.batch.progress is not None:
            self.batch.progress(
                Progress(
                    articles=self.articles,
                    done=self.tally.done,
                    segments=self.tally.segments["done"],
                    translated=self.tally.segments["translated"],
                    elapsed=time.perf_counter() - self.started,
                )
            )

    def _plan(self, items: list[Item], state: State) -> tuple[list[_Planned], list[list[Outcome]]]:
        batch = self.batch
        records = state.records()
        hashes = self.config_hashes
        inputs = {item.path.resolve() for item in items}
        plan: list[_Planned] = []
        skipped: list[list[Outcome]] = []
        for item in items:
            if any(batch.output_path(item, t).resolve() in inputs for t in batch.targets):
                skipped.append(
                    [_failed(item, "its output would overwrite an input; choose another --out")]
                )
                continue
            try:
                content_hash = _sha256(item.path.read_bytes())
            except OSError:
                content_hash = ""  # the analysis reports why it cannot be read
            unchanged: list[Outcome] = []
            todo: list[str] = []
            for target in batch.targets:
                record = records.get((item.relative.as_posix(), target))
                if not batch.force and self._unchanged(record, content_hash, hashes[target]):
                    assert record is not None
                    output = batch.out / record.output
                    unchanged.append(
                        Outcome(
                            item, "skipped", target, output=output, previous_status=record.status
                        )
                    )
                else:
                    todo.append(target)
            if todo:
                plan.append(_Planned(item, content_hash, tuple(todo), tuple(unchanged)))
            else:
                skipped.append(unchanged)
        return plan, skipped

    def _unchanged(self, record: Record | None, content_hash: str, config: str) -> bool:
        if record is None or not content_hash:
            return False
        if record.content_hash != content_hash or record.config_hash != config:
            return False
        if not (self.batch.out / record.output).is_file():
            return False
        if record.pair is None:
            return True
        pair = _pair(record.pair)
        return self._description(pair) == record.engine

    def _description(self, pair: tuple[str, str]) -> str | None:
        """The engine that would translate ``pair`` now (None when no model is installed)."""
        if pair not in self._descriptions:
            pipeline = self._pipeline_for(pair)
            try:
                self._descriptions[pair] = pipeline.engine_description(*pair)
            except ModelNotFoundError:
                return None
        return self._descriptions[pair]

    def _pipeline_for(self, pair: tuple[str, str]) -> Pipeline:
        return next(
            (p for p in self.batch.pipelines if p.target_lang == pair[1]), self.batch.pipelines[0]
        )

    def _window(
        self, window: list[_Planned], executor: Executor, state: State
    ) -> Iterator[tuple[Outcome, bool]]:
        """Each outcome of the window's articles, and whether it is its article's last."""
        mark = time.perf_counter()
        analyses = list(executor.analyse([(p.item, p.targets) for p in window]))
        self.tally.stages["analyse"] += time.perf_counter() - mark
        mark = time.perf_counter()
        translations = self._translate(analyses, executor, state)
        self.tally.stages["translate"] += time.perf_counter() - mark
        for planned, analysis in zip(window, analyses, strict=True):
            mark = time.perf_counter()
            outcomes = self._finish(planned, analysis, translations, state)
            self.tally.stages["write"] += time.perf_counter() - mark
            self.tally.segments["done"] += sum(len(p.sources) for p in analysis.prepared.values())
            for number, outcome in enumerate(outcomes, 1):
                yield outcome, number == len(outcomes)

    def _translate(
        self, analyses: list[Analysis], executor: Executor, state: State
    ) -> dict[tuple[str, str], dict[str, str]]:
        wanted: dict[tuple[str, str], dict[str, None]] = {}
        for analysis in analyses:
            for prepared in analysis.prepared.values():
                if prepared.pair is not None:
                    wanted.setdefault(prepared.pair, {}).update(dict.fromkeys(prepared.sources))
                    self.tally.segments["total"] += len(prepared.sources)
        found: dict[tuple[str, str], dict[str, str]] = {}
        tasks: list[tuple[tuple[str, str], tuple[str, ...]]] = []
        for pair in sorted(wanted):
            description = self._engine_or_error(pair)
            if description is None:
                continue
            unique = list(wanted[pair])
            found[pair] = state.recall(self._key(pair, description), unique)
            missing = [s for s in unique if s not in found[pair]]
            self.tally.segments["unique"] += len(unique)
            self.tally.segments["memory"] += len(unique) - len(missing)
            tasks += [
                (pair, tuple(missing[i : i + SEGMENTS_PER_TASK]))
                for i in range(0, len(missing), SEGMENTS_PER_TASK)
            ]
        for (pair, sources), translated in zip(tasks, executor.translate(tasks), strict=True):
            if translated.error is not None:
                self._pair_errors.setdefault(pair, translated.error)
                continue
            new = dict(zip(sources, translated.outputs, strict=True))
            state.remember(self._key(pair, self._descriptions[pair]), new)
            found[pair].update(new)
            self.tally.segments["translated"] += len(new)
        return found

    def _engine_or_error(self, pair: tuple[str, str]) -> str | None:
        if pair in self._pair_errors:
            return None
        while True:
            try:
                self._descriptions[pair] = self._pipeline_for(pair).engine_description(*pair)
                return self._descriptions[pair]
            except ModelNotFoundError as exc:
                hook = self.batch.on_missing_model
                if hook is None or not hook(exc):
                    self._pair_errors[pair] = str(exc)
                    return None

    def _key(self, pair: tuple[str, str], description: str) -> EngineKey:
        beam = self._pipeline_for(pair).config.engine.beam_size
        return EngineKey(f"{pair[0]}-{pair[1]}", description, f"beam_size={beam}")

    def _finish(
        self,
        planned: _Planned,
        analysis: Analysis,
        translations: Mapping[tuple[str, str], Mapping[str, str]],
        state: State,
    ) -> list[Outcome]:
        item = planned.item
        if analysis.error is not None or analysis.article is None:
            return [*planned.unchanged, _failed(item, analysis.error or "not analysed")]
        outcomes = []
        for target in planned.targets:
            prepared = analysis.prepared[target]
            try:
                outcome = self._write(item, target, analysis.article, prepared, translations)
            except LocaliseError as exc:
                outcome = _failed(item, error_text(exc), target)
            if outcome.status != "failed":
                state.record([self._record(planned, target, prepared, outcome)])
            outcomes.append(outcome)
        return [*planned.unchanged, *outcomes]

    def _write(
        self,
        item: Item,
        target: str,
        article: Article,
        prepared: Prepared,
        translations: Mapping[tuple[str, str], Mapping[str, str]],
    ) -> Outcome:
        pipeline = self._by_target[target]
        pair = prepared.pair
        if pair is None:
            result = pipeline.finish(prepared, (), "")
        else:
            if pair in self._pair_errors and pair not in translations:
                return _failed(item, self._pair_errors[pair], target)
            known = translations[pair]
            missing = next((s for s in prepared.sources if s not in known), None)
            if missing is not None:
                return _failed(item, self._pair_errors.get(pair, "not translated"), target)
            outputs = [known[s] for s in prepared.sources]
            result = pipeline.finish(prepared, outputs, self._descriptions[pair])
        options = self.options
        result = dataclasses.replace(
            result,
            text=write_article(article, result, options),
            report=dataclasses.replace(result.report, path=str(item.path)),
        )
        output = self.batch.output_path(item, target)
        write_atomic(output, result.text)
        payload = {**result.report.to_json(), "output": str(output)}
        write_atomic(
            self.batch.report_path(item, target),
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
        )
        status: Status = "warning" if result.report.warnings else "ok"
        return Outcome(item, status, target, result=result, output=output)

    def _record(
        self, planned: _Planned, target: str, prepared: Prepared, outcome: Outcome
    ) -> Record:
        pair = prepared.pair
        return Record(
            relative=planned.item.relative.as_posix(),
            target=target,
            source_path=str(planned.item.path),
            content_hash=planned.content_hash,
            config_hash=self.config_hashes[target],
            pair=f"{pair[0]}-{pair[1]}" if pair else None,
            engine=self._descriptions[pair] if pair else None,
            status=outcome.status,
            warnings=len(outcome.report.warnings) if outcome.report is not None else 0,
            output=self.batch._relative_output(planned.item, target).as_posix(),
        )

    def _summary(self, outcomes: list[Outcome]) -> Summary:
        counts = Counter(o.status for o in outcomes)
        seconds = time.perf_counter() - self.started
        path = self.batch.out / STATE_FOLDER / "summary.json"
        summary = Summary(
            articles=self.articles,
            targets=self.batch.targets,
            counts={status: counts.get(status, 0) for status in STATUSES},
            seconds=seconds,
            stages=dict(self.tally.stages),
            segments={
                key: self.tally.segments[key] for key in ("total", "unique", "memory", "translated")
            },
            jobs=self.jobs,
            failed=tuple(
                {"path": str(o.item.path), "target": o.target, "error": o.error}
                for o in outcomes
                if o.status == "failed"
            ),
            warnings=tuple(
                {"path": str(o.item.path), "target": o.target, "warnings": list(o.report.warnings)}
                for o in outcomes
                if o.report is not None and o.report.warnings
            ),
            signature={
                **self.batch.signature(),
                "format_options": dataclasses.asdict(self.options),
            },
            path=path,
        )
        write_atomic(path, json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n")
        return summary


# -- helpers -------------------------------------------------------------------------------


def _failed(item: Item, error: str, target: str | None = None) -> Outcome:
    return Outcome(item, "failed", target, error=error)


_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files a killed run left (``textio.write_atomic``'s); we hold the lock."""
    for folder, _dirs, files in os.walk(out):
        for name in files:
            if _TEMPORARY.match(name):
                Path(folder, name).unlink(missing_ok=True)


def _with_boilerplate(options: FormatOptions, items: Sequence[Item]) -> FormatOptions:
    """The options with the lines repeated across this run's articles as boilerplate.

    Learned once per run, before anything is translated; they are part of the configuration
    hash, so a run whose articles change what counts as boilerplate redoes every article.
    """
    if options.boilerplate:
        return options
    learned = learn_boilerplate(item.path for item in items)
    return dataclasses.replace(options, boilerplate=tuple(sorted(learned)))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pair(text: str) -> tuple[str, str]:
    source, _, target = text.partition("-")
    return source, target


def _check_pipelines(pipelines: Sequence[Pipeline], jobs: int | None) -> None:
    if not pipelines:
        raise ConfigError("a batch needs at least one pipeline (one per target locale)")
    if jobs is not None and jobs < 1:
        raise ConfigError(f"jobs must be 1 or more, got {jobs}")
    targets = [p.config.target for p in pipelines]
    if len(set(targets)) != len(targets):
        raise ConfigError(f"each target locale once, please: got {', '.join(targets)}")
    first = pipelines[0]
    for pipeline in pipelines[1:]:
        if dataclasses.replace(pipeline.config, target=first.config.target) != first.config or (
            pipeline.models_dir != first.models_dir
        ):
            raise ConfigError(
                f"the pipelines of one batch differ only in their target; "
                f"{pipeline.config.target} has other options than {first.config.target}"
            )
    if jobs is not None and jobs > 1 and any(p.has_given_engines for p in pipelines):
        raise ConfigError(
            "engines passed as objects cannot be sent to worker processes; use jobs=1"
        )
