"""Batch runs: localise the articles under some folders into an output folder, incrementally.

::

    discover ─▶ plan ─────────▶ analyse ─────▶ memory ─▶ translate ──▶ finish ─▶ write ─▶ record
    (walk,      (hash inputs;   (workers:      (SQLite:  (workers:     (verify,  (atomic  (SQLite,
     globs)      skip what is    detect once,   known     unique new    repair,   files,   after
                 unchanged)      each target)   segments) segments)     report)   reports) the file)

The output folder mirrors the input tree (``OUT/<locale>/...`` when the run has several target
locales). ``OUT/_localise/`` holds the state database (:mod:`.state`: what was done, and the
translation memory), one JSON report per output under ``reports/`` and the run summary
``summary.json``. Every file is written atomically and recorded in the database only once it
is in place, so a killed run resumes where it stopped; inputs are only ever read.

Articles go through in windows (:func:`windows`: small first, so the first outputs land within
seconds, then :data:`WINDOW`): a window's articles are analysed (in worker processes with
``jobs > 1``), their segments deduplicated and looked up in the memory, the rest translated in
tasks of :data:`SEGMENTS_PER_TASK`, and each article written by the main process (which alone
opens the database) as soon as its last segment is translated, then recorded. A segment's
translation depends on nothing but the segment (the memory keeps the first one), so the
outputs are the same whatever the number of workers and however the windows are cut. A file
that fails is reported and the run goes on.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..alignment import aligned
from ..config import Config
from ..engine import EngineFactory
from ..errors import ConfigError, InputError, LocaliseError, ModelError, StateError, error_text
from ..files import learn_boilerplate, write_article
from ..formats import Article
from ..pipeline import Pipeline, Prepared, Result
from ..report import Report
from ..textio import write_atomic
from .discover import MAX_SIZE, STATE_FOLDER, Item, find_articles
from .plan import Planned, config_hash, plan, reason, sha256
from .state import EngineKey, Record, State
from .workers import Analysis, Executor, WorkerPool, internal_error

__all__ = ["STATE_FOLDER", "Batch", "BatchRun", "Outcome", "Progress", "Summary", "discover"]

#: Articles analysed and translated together, at most; the first windows are smaller.
WINDOW = 64
#: The first window's articles: its outputs are the run's first (the windows then double).
FIRST_WINDOW = 4
#: Segments per translation task (one engine call in one worker).
SEGMENTS_PER_TASK = 64

Status = Literal["ok", "warning", "failed", "skipped", "unsupported"]
STATUSES: tuple[Status, ...] = ("ok", "warning", "failed", "skipped", "unsupported")
#: Errors of the output's file system that end a run: every later write would fail too.
_FATAL_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
_STAGES = ("scan", "analyse", "translate", "write")


@dataclass(frozen=True)
class Outcome:
    """What happened to one article for one target locale.

    ``status`` is ``skipped`` when the input, configuration and model are unchanged since the
    output was written (``previous_status`` says how that run went), ``unsupported`` for a
    file in an input folder that localise does not read (``error`` says why: another type, a
    special file, too large, another run's output folder; ``strict`` makes these failures).
    ``target`` is None for a path that failed before any target was involved (missing,
    unreadable, unsupported).
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
    def report(self) -> Report | None:
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
    #: Where the tasks ran: "local" (this machine) or "ray" (a Ray cluster; ``jobs`` actors).
    executor: str = "local"
    #: The files and folders left out (``unsupported``), each with its path and why.
    not_read: tuple[Mapping[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "targets": list(self.targets),
            "counts": dict(self.counts),
            "seconds": round(self.seconds, 3),
            "stages": {stage: round(s, 3) for stage, s in self.stages.items()},
            "segments": dict(self.segments),
            "jobs": self.jobs,
            "executor": self.executor,
            "failed": [dict(f) for f in self.failed],
            "warnings": [dict(w) for w in self.warnings],
            "not_read": [dict(n) for n in self.not_read],
            "signature": dict(self.signature),
        }


class Batch:
    """A batch run configuration: the configuration, the output folder, how to run.

    >>> batch = Batch(Config(("en-GB", "de-CH")), out="out")  # doctest: +SKIP
    >>> run = batch.run(["articles"])                         # doctest: +SKIP
    >>> for outcome in run:                                   # doctest: +SKIP
    ...     print(outcome.status, outcome.item.path, outcome.target)
    >>> run.summary.counts                                    # doctest: +SKIP

    ``jobs``: worker processes; 1 runs everything in this process; None (the default) uses
    up to 8 cores, and this process alone for small runs. Each worker rebuilds the pipeline
    from ``config`` (and a pickled copy of ``engines``, which must pickle then). ``force``
    redoes every article; ``include`` / ``exclude`` are globs matched against the path
    relative to its input folder and against the file name (``*`` crosses folders).
    ``strict`` fails the files localise does not read instead of listing them as
    ``unsupported``; ``max_size`` is the largest article file read, in bytes.

    ``executor`` is where the analysis and translation run: "local" (this process, or ``jobs``
    worker processes) or "ray" (``jobs`` Ray actors, see :mod:`.ray_executor`: a local Ray
    instance, or the cluster at ``ray_address``). Outputs and reports are the same whichever
    runs them, so it is recorded in the run's summary, not in the configuration.
    """

    def __init__(
        self,
        config: Config,
        out: Path | str,
        *,
        engines: EngineFactory | None = None,
        jobs: int | None = None,
        force: bool = False,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        progress: Callable[[Progress], None] | None = None,
        strict: bool = False,
        max_size: int = MAX_SIZE,
        wait: bool = False,
        executor: Literal["local", "ray"] = "local",
        ray_address: str | None = None,
    ) -> None:
        if jobs is not None and jobs < 1:
            raise ConfigError(f"jobs must be 1 or more, got {jobs}")
        if max_size < 1:
            raise ConfigError(f"the size limit must be at least 1 byte, got {max_size}")
        self.strict = strict
        self.max_size = max_size
        self.wait = wait
        if executor not in ("local", "ray"):
            raise ConfigError(f"executor must be local or ray, got {executor!r}")
        if ray_address is not None and executor != "ray":
            raise ConfigError("a Ray address is for the ray executor (--executor ray)")
        if executor == "ray":
            from .ray_executor import require_ray

            require_ray()
        self.executor: Literal["local", "ray"] = executor
        self.ray_address = ray_address
        self.config = config
        self.out = Path(out)
        self.engines = engines
        self.jobs = jobs
        self.force = force
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.progress = progress

    @property
    def targets(self) -> tuple[str, ...]:
        return self.config.targets

    def run(self, paths: Iterable[Path | str]) -> BatchRun:
        """Start a run over ``paths`` (files or folders): iterate it for the outcomes."""
        return BatchRun(_Runner(self, [Path(p) for p in paths]).outcomes())

    def dry_run(self, paths: Iterable[Path | str]) -> list[tuple[str, str, str | None, str]]:
        """What a run over ``paths`` would do, without doing it: ``(action, path, target,
        why)`` per article and target, action "do", "skip", "fail" or "unsupported". Nothing
        is written, downloaded or locked."""
        return _Runner(self, [Path(p) for p in paths]).dry_run()

    def output_path(self, item: Item, target: str) -> Path:
        return self.out / self.relative_output(item, target)

    def relative_output(self, item: Item, target: str) -> Path:
        """Where an output goes, relative to ``out``."""
        return Path(target) / item.relative if len(self.targets) > 1 else item.relative

    def report_path(self, item: Item, target: str) -> Path:
        relative = item.relative.with_name(item.relative.name + ".json")
        folder = self.out / STATE_FOLDER / "reports"
        return folder / target / relative if len(self.targets) > 1 else folder / relative


class BatchRun(Iterator[Outcome]):
    """One run of a :class:`Batch`: an iterator of outcomes, one per article and target.

    Outputs are written as the iteration goes; ``summary`` is set (and ``summary.json``
    written) when it ends. Stopping early (``close()``) leaves a folder the next run resumes.
    """

    def __init__(self, outcomes: Generator[Outcome, None, Summary]) -> None:
        self.summary: Summary | None = None
        self._outcomes = outcomes

    def __iter__(self) -> BatchRun:
        return self

    def __next__(self) -> Outcome:
        try:
            return next(self._outcomes)
        except StopIteration as done:
            self.summary = done.value
            raise

    def close(self) -> None:
        self._outcomes.close()


def discover(
    paths: Iterable[Path],
    *,
    skip: Path | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_size: int = MAX_SIZE,
    strict: bool = False,
) -> tuple[list[Item], list[Outcome]]:
    """Articles under ``paths`` (see :func:`.discover.find_articles`), and an outcome for each
    path that cannot be used (failed) or is left out (unsupported; failed when ``strict``)."""
    items, problems, left_out = find_articles(
        paths, skip=skip, include=include, exclude=exclude, max_size=max_size
    )
    status: Status = "failed" if strict else "unsupported"
    return items, [
        *(_failed(item, reason) for item, reason in problems),
        *(Outcome(item, status, error=reason) for item, reason in left_out),
    ]


# -- the run -------------------------------------------------------------------------------


@dataclass
class _Tally:
    stages: dict[str, float] = field(default_factory=lambda: dict.fromkeys(_STAGES, 0.0))
    segments: Counter[str] = field(default_factory=Counter)
    done: int = 0


class _Runner:
    def __init__(self, batch: Batch, paths: list[Path]) -> None:
        self.batch = batch
        self.paths = paths
        self.tally = _Tally()
        self.started = time.perf_counter()
        self.articles = 0
        self.jobs = 1
        # Replaced once the run's articles are known (their boilerplate is configuration).
        self.pipeline = Pipeline(batch.config, engines=batch.engines)
        self._descriptions: dict[tuple[str, str], str] = {}
        self._pair_errors: dict[tuple[str, str], str] = {}
        self.config_hashes: dict[str, str] = {}
        self._traces = 0

    def outcomes(self) -> Generator[Outcome, None, Summary]:
        batch = self.batch
        outcomes: list[Outcome] = []
        with State.open(batch.out / STATE_FOLDER, wait=batch.wait) as state:
            _remove_stale_temporaries(batch.out)
            mark = time.perf_counter()
            items, failures = discover(
                self.paths,
                skip=batch.out,
                include=batch.include,
                exclude=batch.exclude,
                max_size=batch.max_size,
                strict=batch.strict,
            )
            self.articles = len(items) + len(failures)
            # The run's configuration: the lines repeated across its pages are boilerplate.
            self.pipeline = Pipeline(_with_boilerplate(batch.config, items), engines=batch.engines)
            self.config_hashes = {t: config_hash(self.pipeline, t) for t in batch.targets}
            for outcome in failures:
                yield self._emitted(outcome, outcomes, article_done=True)
            inputs = {item.path.resolve() for item in items}
            todo, unchanged = plan(
                [
                    item
                    for item in items
                    if not self._overwrites_input(item, inputs) and not self._lands_in_state(item)
                ],
                state.records(),
                targets=batch.targets,
                hashes=self.config_hashes,
                out=batch.out,
                force=batch.force,
                engine_now=self._description,
            )
            for item in items:
                if self._overwrites_input(item, inputs):
                    failure = _failed(
                        item, "its output would overwrite an input; choose another --out"
                    )
                    yield self._emitted(failure, outcomes, article_done=True)
                elif self._lands_in_state(item):
                    failure = _failed(
                        item,
                        f"its output would land in {STATE_FOLDER}/, the run's own state folder; "
                        f"rename its folder or localise it on its own",
                    )
                    yield self._emitted(failure, outcomes, article_done=True)
            self.tally.stages["scan"] += time.perf_counter() - mark
            for planned in unchanged:
                kept = self._unchanged(planned)
                for outcome in kept:
                    yield self._emitted(outcome, outcomes, article_done=outcome is kept[-1])
            executor = self._executor(len(todo))
            self.jobs = executor.jobs
            finished = False
            try:
                for start, end in windows(len(todo)):
                    window = todo[start:end]
                    for outcome, last in self._window(window, executor, state):
                        yield self._emitted(outcome, outcomes, article_done=last)
                finished = True
            finally:
                # Stopped early (an interrupt, a fatal error): the workers' unfinished tasks
                # are redone by the next run, so they are not waited for.
                executor.close(abort=not finished)
        return self._summary(outcomes)

    def _executor(self, pending: int) -> WorkerPool:
        if self.batch.executor == "ray":
            from .ray_executor import RayExecutor  # ray loads only for a run on Ray

            address = self.batch.ray_address
            return RayExecutor(self.pipeline, self.batch.jobs, pending, address=address)
        return Executor(self.pipeline, self.batch.jobs, pending)

    def _lands_in_state(self, item: Item) -> bool:
        return any(
            self.batch.relative_output(item, t).parts[:1] == (STATE_FOLDER,)
            for t in self.batch.targets
        )

    def dry_run(self) -> list[tuple[str, str, str | None, str]]:
        batch = self.batch
        self.pipeline = Pipeline(
            dataclasses.replace(
                batch.config, models=dataclasses.replace(batch.config.models, download=False)
            ),
            engines=batch.engines,
        )
        items, failures = discover(
            self.paths,
            skip=batch.out,
            include=batch.include,
            exclude=batch.exclude,
            max_size=batch.max_size,
            strict=batch.strict,
        )
        rows: list[tuple[str, str, str | None, str]] = [
            (
                "fail" if o.status == "failed" else "unsupported",
                str(o.item.path),
                None,
                o.error or "",
            )
            for o in failures
        ]
        config = _with_boilerplate(self.pipeline.config, items)
        self.pipeline = Pipeline(config, engines=batch.engines)
        hashes = {t: config_hash(self.pipeline, t) for t in batch.targets}
        records = State.read_only(batch.out / STATE_FOLDER)
        for item in items:
            try:
                content = sha256(item.path.read_bytes())
            except OSError as exc:
                # What the run itself would say of it (files.read_article).
                rows.append(("fail", str(item.path), None, f"cannot read: {exc.strerror or exc}"))
                continue
            for target in batch.targets:
                record = records.get((item.relative.as_posix(), target))
                why = reason(record, content, hashes[target], batch.out, self._description)
                if batch.force and why == "unchanged":
                    why = "--force"
                action = "skip" if why == "unchanged" else "do"
                rows.append((action, str(item.path), target, why))
        return rows

    def _overwrites_input(self, item: Item, inputs: set[Path]) -> bool:
        return any(self.batch.output_path(item, t).resolve() in inputs for t in self.batch.targets)

    def _unchanged(self, planned: Planned) -> list[Outcome]:
        return [
            Outcome(
                planned.item,
                "skipped",
                target,
                output=self.batch.out / record.output,
                previous_status=record.status,
            )
            for target, record in planned.unchanged
        ]

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

    def _description(self, pair: tuple[str, str]) -> str | None:
        """The engine that would translate ``pair`` now (None when no model can)."""
        if pair not in self._descriptions and pair not in self._pair_errors:
            try:
                self._descriptions[pair] = self.pipeline.engine_description(pair)
            except ModelError as exc:
                self._pair_errors[pair] = str(exc)
        return self._descriptions.get(pair)

    def _window(
        self, window: list[Planned], executor: WorkerPool, state: State
    ) -> Iterator[tuple[Outcome, bool]]:
        """Each outcome of the window's articles, and whether it is its article's last; an
        article is written as soon as its segments are translated, in the window's order."""
        mark = time.perf_counter()
        analyses = list(executor.analyse([(p.item, p.targets) for p in window]))
        self.tally.stages["analyse"] += time.perf_counter() - mark
        waiting = list(zip(window, analyses, strict=True))
        mark = time.perf_counter()
        for translations, settled in self._translate(analyses, executor, state):
            self.tally.stages["translate"] += time.perf_counter() - mark
            while waiting and _ready(waiting[0][1], translations, settled):
                planned, analysis = waiting.pop(0)
                mark = time.perf_counter()
                outcomes = self._finish(planned, analysis, translations, state)
                self.tally.stages["write"] += time.perf_counter() - mark
                self.tally.segments["done"] += sum(
                    len(p.sources) for p in analysis.prepared.values()
                )
                for number, outcome in enumerate(outcomes, 1):
                    yield outcome, number == len(outcomes)
            mark = time.perf_counter()

    def _translate(
        self, analyses: list[Analysis], executor: WorkerPool, state: State
    ) -> Iterator[tuple[dict[tuple[str, str], dict[str, str]], dict[tuple[str, str], set[str]]]]:
        """The translations known so far (and the segments whose task failed), first from
        the memory, then after each translation task."""
        wanted: dict[tuple[str, str], dict[str, None]] = {}
        for analysis in analyses:
            for prepared in analysis.prepared.values():
                if prepared.pair is not None:
                    wanted.setdefault(prepared.pair, {}).update(dict.fromkeys(prepared.sources))
                    self.tally.segments["total"] += len(prepared.sources)
        found: dict[tuple[str, str], dict[str, str]] = {}
        settled: dict[tuple[str, str], set[str]] = {}
        tasks: list[tuple[tuple[str, str], tuple[str, ...]]] = []
        for pair in sorted(wanted):
            description = self._description(pair)
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
        yield found, settled
        for (pair, sources), translated in zip(tasks, executor.translate(tasks), strict=True):
            if translated.error is not None:
                error = self._with_trace(translated.error, translated.trace)
                self._pair_errors.setdefault(pair, error)
                settled.setdefault(pair, set()).update(sources)
            else:
                new = dict(zip(sources, translated.outputs, strict=True))
                try:
                    state.remember(self._key(pair, self._descriptions[pair]), new)
                except sqlite3.Error as exc:
                    raise _state_error(self.batch.out, exc) from exc
                found[pair].update(new)
                self.tally.segments["translated"] += len(new)
            yield found, settled

    def _key(self, pair: tuple[str, str], description: str) -> EngineKey:
        beam = self.pipeline.config.engine.beam_size
        return EngineKey(f"{pair[0]}-{pair[1]}", description, f"beam_size={beam}")

    def _finish(
        self,
        planned: Planned,
        analysis: Analysis,
        translations: Mapping[tuple[str, str], Mapping[str, str]],
        state: State,
    ) -> list[Outcome]:
        item = planned.item
        unchanged = self._unchanged(planned)
        if analysis.error is not None or analysis.article is None:
            error = self._with_trace(analysis.error or "not analysed", analysis.trace)
            return [*unchanged, _failed(item, error)]
        outcomes = []
        for target in planned.targets:
            prepared = analysis.prepared[target]
            try:
                outcome = self._write(item, analysis.article, prepared, translations)
            except LocaliseError as exc:
                outcome = _failed(item, error_text(exc), target)
            except OSError as exc:
                if exc.errno in _FATAL_WRITE_ERRORS:
                    raise _output_error(self.batch.out, exc) from exc
                outcome = _failed(item, f"cannot write its output: {_os_reason(exc)}", target)
            except Exception as exc:  # a defect: this article fails, the run goes on
                import traceback

                error = self._with_trace(internal_error(exc), traceback.format_exc())
                outcome = _failed(item, error, target)
            if outcome.status != "failed":
                try:
                    state.record([self._record(planned, prepared, outcome)])
                except sqlite3.Error as exc:
                    raise _state_error(self.batch.out, exc) from exc
            outcomes.append(outcome)
        return [*unchanged, *outcomes]

    def _with_trace(self, error: str, trace: str | None) -> str:
        """The error, and where its traceback was saved (for an internal error)."""
        if trace is None:
            return error
        folder = self.batch.out / STATE_FOLDER / "tracebacks"
        self._traces += 1
        path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{self._traces}.txt"
        try:
            write_atomic(path, trace)
        except OSError:
            return f"{error} (its traceback could not be saved)"
        return f"{error} (traceback in {path}; please report it)"

    def _write(
        self,
        item: Item,
        article: Article,
        prepared: Prepared,
        translations: Mapping[tuple[str, str], Mapping[str, str]],
    ) -> Outcome:
        target, pair = prepared.target, prepared.pair
        if pair is None:
            result = self.pipeline.finish(prepared, (), "")
        else:
            if pair in self._pair_errors and pair not in translations:
                return _failed(item, self._pair_errors[pair], target)
            known = translations[pair]
            missing = next((s for s in prepared.sources if s not in known), None)
            if missing is not None:
                return _failed(item, self._pair_errors.get(pair, "not translated"), target)
            outputs = [known[s] for s in prepared.sources]
            result = self.pipeline.finish(prepared, outputs, self._descriptions[pair])
        result = dataclasses.replace(
            result,
            text=write_article(article, result),
            report=dataclasses.replace(result.report, path=str(item.path)),
        )
        output = self.batch.output_path(item, target)
        self._check_inside_out(item, output)
        write_atomic(output, result.text)
        payload = {**result.report.to_json(), "output": str(output)}
        # The paragraphs side by side, for the review page and XLIFF (localise.review).
        payload.update(aligned(result.doc, result.outputs, result.report))
        write_atomic(
            self.batch.report_path(item, target),
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
        )
        status: Status = "warning" if result.report.warnings else "ok"
        return Outcome(item, status, target, result=result, output=output)

    def _check_inside_out(self, item: Item, output: Path) -> None:
        """Refuse an output whose folder leads out of ``out`` or into its state folder
        (through a symbolic link someone placed inside ``out``)."""
        out = self.batch.out.resolve()
        folder = Path(os.path.realpath(output.parent))
        state = out / STATE_FOLDER
        if (
            not (folder == out or out in folder.parents)
            or folder == state
            or state in folder.parents
        ):
            raise InputError(
                item.path,
                f"its output folder {output.parent} leads outside {self.batch.out} (a symbolic "
                f"link inside the output folder?); localise does not follow it",
            )

    def _record(self, planned: Planned, prepared: Prepared, outcome: Outcome) -> Record:
        pair, target = prepared.pair, prepared.target
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
            output=self.batch.relative_output(planned.item, target).as_posix(),
        )

    def _summary(self, outcomes: list[Outcome]) -> Summary:
        counts = Counter(o.status for o in outcomes)
        seconds = time.perf_counter() - self.started
        path = self.batch.out / STATE_FOLDER / "summary.json"
        targets = self.batch.targets
        signature = self.pipeline.signature(targets[0], "per article (see the reports)")
        signature["target"] = list(targets) if len(targets) > 1 else targets[0]
        signature["include"], signature["exclude"] = (
            list(self.batch.include),
            list(self.batch.exclude),
        )
        summary = Summary(
            articles=self.articles,
            targets=targets,
            counts={status: counts.get(status, 0) for status in STATUSES},
            seconds=seconds,
            stages=dict(self.tally.stages),
            segments={
                key: self.tally.segments[key] for key in ("total", "unique", "memory", "translated")
            },
            jobs=self.jobs,
            executor=self.batch.executor,
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
            not_read=tuple(
                {"path": str(o.item.path), "reason": o.error}
                for o in outcomes
                if o.status == "unsupported"
            ),
            signature=signature,
            path=path,
        )
        write_atomic(path, json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n")
        return summary


# -- helpers -------------------------------------------------------------------------------


def _os_reason(exc: OSError) -> str:
    return f"{exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")


def _output_error(out: Path, exc: OSError) -> StateError:
    return StateError(
        out,
        f"cannot write: {_os_reason(exc)}; the outputs written so far are complete and "
        f"recorded: make room and run the same command again to resume",
    )


def _state_error(out: Path, exc: sqlite3.Error) -> StateError:
    return StateError(
        out / STATE_FOLDER / "state.sqlite",
        f"cannot update the state database ({exc}); the outputs recorded so far are intact: "
        f"make room and run the same command again to resume",
    )


def windows(articles: int) -> Iterator[tuple[int, int]]:
    """Where the windows of a run of ``articles`` start and end: :data:`FIRST_WINDOW`
    articles, then twice as many each time up to :data:`WINDOW`.

    >>> list(windows(40))
    [(0, 4), (4, 12), (12, 28), (28, 40)]
    """
    start, size = 0, FIRST_WINDOW
    while start < articles:
        yield start, min(start + size, articles)
        start, size = start + size, min(2 * size, WINDOW)


def _ready(
    analysis: Analysis,
    translations: Mapping[tuple[str, str], Mapping[str, str]],
    settled: Mapping[tuple[str, str], set[str]],
) -> bool:
    """Whether every segment of the article is translated, or its task has failed."""
    for prepared in analysis.prepared.values():
        pair = prepared.pair
        if pair is None or pair not in translations:
            continue  # same language, or no model: nothing to wait for
        known, failed = translations[pair], settled.get(pair, set())
        if any(s not in known and s not in failed for s in prepared.sources):
            return False
    return True


def _failed(item: Item, error: str, target: str | None = None) -> Outcome:
    return Outcome(item, "failed", target, error=error)


_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files a killed run left (``textio.write_atomic``'s); we hold the lock."""
    for folder, _dirs, files in os.walk(out):
        for name in files:
            if _TEMPORARY.match(name):
                Path(folder, name).unlink(missing_ok=True)


def _with_boilerplate(config: Config, items: Sequence[Item]) -> Config:
    """The configuration with the lines repeated across this run's pages as boilerplate.

    Learned once per run, before anything is translated; they are part of the configuration
    hash, so a run whose articles change what counts as boilerplate redoes every article.
    """
    if config.formats.boilerplate:
        return config
    learned = learn_boilerplate(item.path for item in items)
    formats = dataclasses.replace(config.formats, boilerplate=tuple(sorted(learned)))
    return dataclasses.replace(config, formats=formats)
