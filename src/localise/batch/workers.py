"""Where a batch's analysis and translation run: this process, or worker processes.

Each worker process rebuilds the run's pipeline from its configuration (and engine factory)
once and keeps its models loaded; tasks and results cross the process boundary by pickling.
Workers never write files or open the state database: the main process does.

Workers leave signals to the main process (Ctrl-C reaches the whole process group, and the
main process decides what to keep), and exit on their own within a second or two when the main
process is gone (killed with SIGKILL, or by the OOM killer), so none is ever left behind. Any
exception while reading, analysing or translating fails that task alone: the main process
reports it as an internal error with its traceback, and the run goes on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from ..config import Config
from ..engine import ArgosEngines, EngineFactory
from ..errors import ConfigError, LocaliseError, WorkerError, error_text
from ..files import read_article
from ..formats import Article
from ..pipeline import Pipeline, Prepared
from .discover import Item

T = TypeVar("T")

#: With ``jobs=None``, fewer pending articles than this run in the main process: starting
#: workers (interpreter, imports, models) costs more than they would save.
INLINE_BELOW = 24


#: How often a worker checks that the main process is alive, in seconds.
PARENT_CHECK = 1.0

#: The WorkerError of a worker that died (a local process, or a Ray actor out of restarts).
DEAD_WORKER = (
    "a worker process died unexpectedly; every output written so far is recorded, so run the "
    "same command again to resume, or with --jobs 1 to see which article fails"
)


@dataclass(frozen=True)
class Analysis:
    item: Item
    article: Article | None = None
    prepared: dict[str, Prepared] = field(default_factory=dict)
    error: str | None = None
    #: The traceback of an unexpected exception (a defect), for the main process to save.
    trace: str | None = None


@dataclass(frozen=True)
class Translated:
    outputs: tuple[str, ...] = ()
    error: str | None = None
    trace: str | None = None


def internal_error(exc: BaseException) -> str:
    """One line for a defect: the exception's type and first line."""
    summary = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"internal error: {type(exc).__name__}" + (f": {summary}" if summary else "")


class Worker:
    """Analysis and translation for a run: the pipeline, models loaded once."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def analyse(self, task: tuple[Item, tuple[str, ...]]) -> Analysis:
        """Read an article, analyse it once, and prepare it for each target."""
        item, targets = task
        try:
            article = read_article(item.path, self.pipeline.config.formats)
            doc = self.pipeline.analyse(article.doc)
            prepared = {target: self.pipeline.prepare(doc, target) for target in targets}
        except LocaliseError as exc:
            return Analysis(item, error=error_text(exc))
        except RecursionError as exc:
            return Analysis(item, error=f"too deeply nested to read ({type(exc).__name__})")
        except Exception as exc:  # a defect: this article fails, the run goes on
            return Analysis(item, error=internal_error(exc), trace=traceback.format_exc())
        return Analysis(item, article, prepared)

    def translate(self, task: tuple[tuple[str, str], tuple[str, ...]]) -> Translated:
        pair, sources = task
        try:
            return Translated(tuple(self.pipeline.engine(pair).translate(sources)))
        except LocaliseError as exc:
            return Translated(error=str(exc))
        except Exception as exc:  # a defect in a model library: this task fails alone
            return Translated(error=internal_error(exc), trace=traceback.format_exc())


class WorkerPool(Protocol):
    """Where a run's tasks go: :class:`Executor` (this machine) or
    :class:`.ray_executor.RayExecutor` (a Ray cluster); the main process sees no difference."""

    jobs: int

    def analyse(self, tasks: Sequence[tuple[Item, tuple[str, ...]]]) -> list[Analysis]: ...

    def translate(
        self, tasks: Sequence[tuple[tuple[str, str], tuple[str, ...]]]
    ) -> Iterator[Translated]: ...

    def close(self, *, abort: bool = False) -> None: ...


class Executor:
    """Runs worker tasks in this process (jobs 1) or in a pool of worker processes."""

    def __init__(self, pipeline: Pipeline, jobs: int | None, pending: int) -> None:
        self.jobs = choose_jobs(jobs, pending)
        if self.jobs > 1 and not _can_send(pipeline.engines):
            if jobs is not None:
                raise ConfigError(
                    f"the engine factory {type(pipeline.engines).__name__} cannot be sent to "
                    f"worker processes (it does not pickle); run with jobs=1 (--jobs 1)"
                )
            self.jobs = 1
        self._pipeline = pipeline
        self._inline = Worker(pipeline) if self.jobs == 1 else None
        self._pool: ProcessPoolExecutor | None = None

    def analyse(self, tasks: Sequence[tuple[Item, tuple[str, ...]]]) -> list[Analysis]:
        if self._inline is not None:
            return list(map(self._inline.analyse, tasks))
        chunk = max(1, len(tasks) // (4 * self.jobs))
        return collect(self._workers().map(_analyse_in_worker, tasks, chunksize=chunk))

    def translate(
        self, tasks: Sequence[tuple[tuple[str, str], tuple[str, ...]]]
    ) -> Iterator[Translated]:
        """Each task's translation, in order, as soon as it (and those before it) is done."""
        if self._inline is not None:
            return map(self._inline.translate, tasks)
        return stream(self._workers().map(_translate_in_worker, tasks))

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers: after their current task, or at once with ``abort`` (an
        interrupted run, whose unfinished work is redone by the next)."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        if abort:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        # A pool whose workers were just terminated may be broken: nothing to wait for then.
        with contextlib.suppress(Exception):
            pool.shutdown(wait=True, cancel_futures=True)

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            config = self._pipeline.config
            if config.engine.threads == 0:  # "all cores", shared between the workers
                threads = max(1, (os.cpu_count() or 1) // self.jobs)
                config = replace(config, engine=replace(config.engine, threads=threads))
            # The default factory is rebuilt there from the configuration.
            engines = self._pipeline.engines
            sent = None if isinstance(engines, ArgosEngines) else engines
            # spawn, not fork: forking a process that runs CTranslate2 threads can deadlock.
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(config, sent, os.getpid()),
            )
        return self._pool


def _can_send(engines: EngineFactory) -> bool:
    if isinstance(engines, ArgosEngines):
        return True
    try:
        pickle.dumps(engines)
    except Exception:  # whatever a custom factory's pickling raises: it cannot be sent
        return False
    return True


# Set in worker processes only, by the pool's initializer: the process's pipeline, whose
# models load once per process. The main process never sets it.
_process_worker: list[Worker] = []


def _start_worker(config: Config, engines: EngineFactory | None, parent: int) -> None:
    # Ctrl-C and SIGTERM are the main process's to handle: it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(143))
    _watch_parent(parent)
    _process_worker.append(Worker(Pipeline(config, engines=engines)))


def _watch_parent(parent: int) -> None:
    """Exit when the main process ``parent`` is gone (a re-parented worker sees another
    parent pid), also when it died before this worker started."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="localise-parent-watch", daemon=True).start()


def _analyse_in_worker(task: tuple[Item, tuple[str, ...]]) -> Analysis:
    return _process_worker[0].analyse(task)


def _translate_in_worker(task: tuple[tuple[str, str], tuple[str, ...]]) -> Translated:
    return _process_worker[0].translate(task)


def collect(results: Iterator[T]) -> list[T]:
    """A pool's results; a worker that died (a crash in a model library, the OOM killer)
    becomes a WorkerError with the way out, not a traceback."""
    return list(stream(results))


def stream(results: Iterator[T]) -> Iterator[T]:
    """A pool's results as they come, a dead worker told as in :func:`collect`."""
    try:
        yield from results
    except BrokenProcessPool as exc:
        raise WorkerError(DEAD_WORKER) from exc


def choose_jobs(jobs: int | None, pending: int) -> int:
    """``jobs``, or for None: up to 8 cores, and this process alone for small runs."""
    if jobs is not None:
        return jobs
    if pending < INLINE_BELOW:
        return 1
    return max(1, min(os.cpu_count() or 1, 8, pending // INLINE_BELOW))
