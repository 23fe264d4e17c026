"""Where a batch's analysis and translation run: this process, or worker processes.

Each worker process rebuilds the run's pipelines from their configuration once and keeps its
models loaded; tasks and results cross the process boundary by pickling. Workers never write
files or open the state database: the main process does.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TypeVar

from .discover import Item
from .errors import LocaliseError, WorkerError, error_text
from .formats import Article, FormatOptions, read_article
from .pipeline import Config, Pipeline, Prepared

T = TypeVar("T")

#: With ``jobs=None``, fewer pending articles than this run in the main process: starting
#: workers (interpreter, imports, models) costs more than they would save.
INLINE_BELOW = 24


@dataclass(frozen=True)
class Analysis:
    item: Item
    article: Article | None = None
    prepared: Mapping[str, Prepared] = field(default_factory=dict)
    error: str | None = None


@dataclass(frozen=True)
class Translated:
    outputs: tuple[str, ...] = ()
    error: str | None = None


class Worker:
    """Analysis and translation for a run: the pipelines (one per target), models loaded once."""

    def __init__(self, pipelines: Sequence[Pipeline], format_options: FormatOptions) -> None:
        self.pipelines = {p.config.target: p for p in pipelines}
        self.format_options = format_options

    @classmethod
    def rebuilt(cls, configs: Sequence[Config], threads: int, options: FormatOptions) -> Worker:
        return cls([_pipeline_from(config, threads) for config in configs], options)

    def analyse(self, task: tuple[Item, tuple[str, ...]]) -> Analysis:
        """Read an article, analyse it once, and prepare it for each target."""
        item, targets = task
        try:
            article = read_article(item.path, self.format_options)
            first = self.pipelines[targets[0]].prepare(article.doc)
            prepared: dict[str, Prepared] = {targets[0]: first}
            for target in targets[1:]:
                prepared[target] = self.pipelines[target].retarget(first.doc)
        except LocaliseError as exc:
            return Analysis(item, error=error_text(exc))
        return Analysis(item, article, prepared)

    def translate(self, task: tuple[tuple[str, str], tuple[str, ...]]) -> Translated:
        pair, sources = task
        pipeline = next(
            (p for p in self.pipelines.values() if p.target_lang == pair[1]),
            next(iter(self.pipelines.values())),
        )
        try:
            return Translated(tuple(pipeline.engine(*pair).translate(sources)))
        except LocaliseError as exc:
            return Translated(error=str(exc))


class Executor:
    """Runs worker tasks in this process (jobs 1) or in a pool of worker processes."""

    def __init__(
        self,
        pipelines: Sequence[Pipeline],
        jobs: int | None,
        pending: int,
        options: FormatOptions,
    ) -> None:
        self.jobs = choose_jobs(jobs, pipelines, pending)
        self._pipelines = pipelines
        self._options = options
        self._inline = Worker(pipelines, options) if self.jobs == 1 else None
        self._pool: ProcessPoolExecutor | None = None

    def analyse(self, tasks: Sequence[tuple[Item, tuple[str, ...]]]) -> list[Analysis]:
        if self._inline is not None:
            return list(map(self._inline.analyse, tasks))
        chunk = max(1, len(tasks) // (4 * self.jobs))
        return collect(self._workers().map(_analyse_in_worker, tasks, chunksize=chunk))

    def translate(
        self, tasks: Sequence[tuple[tuple[str, str], tuple[str, ...]]]
    ) -> list[Translated]:
        if self._inline is not None:
            return list(map(self._inline.translate, tasks))
        return collect(self._workers().map(_translate_in_worker, tasks))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            threads = self._pipelines[0].config.engine.threads
            if threads == 0:  # "all cores", shared between the workers
                threads = max(1, (os.cpu_count() or 1) // self.jobs)
            # spawn, not fork: forking a process that runs CTranslate2 threads can deadlock.
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(
                    tuple(p.config for p in self._pipelines),
                    threads,
                    self._options,
                ),
            )
        return self._pool


# Set in worker processes only, by the pool's initializer: the process's pipelines, whose
# models load once per process. The main process never sets it.
_process_worker: list[Worker] = []


def _start_worker(configs: Sequence[Config], threads: int, options: FormatOptions) -> None:
    _process_worker.append(Worker.rebuilt(configs, threads, options))


def _analyse_in_worker(task: tuple[Item, tuple[str, ...]]) -> Analysis:
    return _process_worker[0].analyse(task)


def _translate_in_worker(task: tuple[tuple[str, str], tuple[str, ...]]) -> Translated:
    return _process_worker[0].translate(task)


def _pipeline_from(config: Config, threads: int) -> Pipeline:
    return Pipeline(
        config.target,
        source=config.source,
        glossaries=config.glossaries,
        models_dir=config.models_dir,
        beam_size=config.engine.beam_size,
        threads=threads,
        article_date=config.article_date,
    )


def collect(results: Iterator[T]) -> list[T]:
    """A pool's results; a worker that died (a crash in a model library, the OOM killer)
    becomes a WorkerError with the way out, not a traceback."""
    try:
        return list(results)
    except BrokenProcessPool as exc:
        raise WorkerError(
            "a worker process died unexpectedly; every output written so far is recorded, so "
            "run the same command again to resume, or with --jobs 1 to see which article fails"
        ) from exc


def choose_jobs(jobs: int | None, pipelines: Sequence[Pipeline], pending: int) -> int:
    """``jobs``, or for None: up to 8 cores, and this process alone for small runs."""
    if jobs is not None:
        return jobs
    if pending < INLINE_BELOW or any(p.has_given_engines for p in pipelines):
        return 1
    return max(1, min(os.cpu_count() or 1, 8, pending // INLINE_BELOW))
