"""Where a batch's analysis and translation run on a Ray cluster: a pool of Ray actors.

:class:`RayExecutor` takes the same tasks as :class:`.workers.Executor` and returns the same
results in the same order, so the main process plans, writes, records the state and reports
exactly as in a local run (and alone: actors never write a file or open the state database).
Each actor is a :class:`.workers.Worker`: it rebuilds the run's pipeline from the pickled
configuration once and keeps its models loaded for the whole run.

**Paths, not the object store.** Every node reads the models folder, the glossaries and the
input articles at the same paths as the main process: a shared file system (NFS, a volume
mounted on every node) or the same copy at the same place. CTranslate2 loads a model from a
folder, so a model shipped through Ray's object store (hundreds of MB per language pair) would
be copied to every node in every run and unpacked into a folder there all the same; a shared
folder is read once per actor and stays in the node's page cache. A node that sees something
else is refused before it translates anything, with one line: each actor compares its
configuration hash (localise, Babel and CLDR versions, the glossaries' content, the options)
with the main process's when it starts, and the engine it would use for a language pair
(package, version, device) before its first segment of that pair, so no node can write an
output that differs from a local run's.

**Failures.** Actors start with ``max_restarts`` and ``max_task_retries``: an actor that dies
(a crash in a model library, the OOM killer, a node lost) is restarted, on another node when
its own is gone, and the tasks it had not finished are sent again (a task is a pure function of
its input, so running it twice is harmless). Once the restarts are spent, the run ends with the
same :class:`~localise.errors.WorkerError` as a dead local worker; every output written so far
is recorded, and the next run resumes.

ray is imported only when a :class:`RayExecutor` is made (``pip install 'localise[ray]'``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from ..config import Config
from ..engine import ArgosEngines, EngineFactory
from ..errors import ConfigError, LocaliseError, ModelError, WorkerError
from ..pipeline import Pipeline
from .discover import Item
from .plan import config_hash
from .workers import DEAD_WORKER, INLINE_BELOW, Analysis, Translated, Worker, _can_send

__all__ = ["NO_RAY", "RayExecutor", "require_ray"]

#: What ``--executor ray`` says when ray is not installed.
NO_RAY = "--executor ray needs Ray: pip install 'localise[ray]' (or pip install 'ray>=2.9')"
#: Restarts of an actor that died (its models reloaded, on another node if its own is gone).
MAX_RESTARTS = 3
#: Times a task of a dead actor is sent again, to the restarted actor.
MAX_TASK_RETRIES = 3
#: Seconds for every actor to start; an actor that cannot be placed (too few CPUs in the
#: cluster for the actors asked for) would otherwise wait for ever.
START_TIMEOUT = 300.0
#: Seconds to reach a cluster's address before Ray is asked to join it (Ray itself retries
#: an address that does not answer for minutes).
CONNECT_TIMEOUT = 10.0

AnalysisTask = tuple[Item, tuple[str, ...]]
TranslationTask = tuple[tuple[str, str], tuple[str, ...]]


def require_ray() -> None:
    """Raise :class:`~localise.errors.ConfigError` (:data:`NO_RAY`) when ray is not
    installed; ray itself is not imported."""
    try:
        found = importlib.util.find_spec("ray") is not None
    except (ImportError, ValueError):  # a parent package missing; a module set to None
        found = False
    if not found:
        raise ConfigError(NO_RAY)


@dataclass(frozen=True)
class _Refused:
    """An actor's answer when its node cannot do the run's work as this machine would."""

    kind: Literal["model", "worker"]
    message: str

    def error(self) -> LocaliseError:
        return ModelError(self.message) if self.kind == "model" else WorkerError(self.message)


class _Actor:
    """One Ray actor: a :class:`.workers.Worker` and the checks that its node is this one's
    equal. Decorated with ``ray.remote`` when the executor starts (ray loads only then)."""

    def __init__(
        self,
        config: Config,
        engines: EngineFactory | None,
        expected: dict[str, str],
    ) -> None:
        import ray

        node = ray.get_runtime_context().get_node_id()[:8]
        self.node = f"{ray.util.get_node_ip_address()} (node {node})"
        self.refused: _Refused | None = None
        self.described: dict[tuple[str, str], str] = {}
        self.loads: dict[str, float] = {}
        self.worker: Worker | None = None
        try:
            pipeline = Pipeline(config, engines=engines)
            hashes = {target: config_hash(pipeline, target) for target in expected}
        except LocaliseError as exc:
            self.refused = _Refused("worker", f"on the Ray node {self.node}: {exc}")
            return
        if hashes != expected:
            self.refused = _Refused(
                "worker",
                f"the Ray node {self.node} would write other outputs than this machine (its "
                f"localise, Babel or CLDR version or its glossaries differ); install the same "
                f"localise on every node and give it the glossaries at the same paths",
            )
            return
        self.worker = Worker(pipeline)

    def ready(self) -> str | _Refused:
        return self.refused or self.node

    def model_loads(self) -> dict[str, float]:
        """Seconds each language pair's models took to load here (describe + load)."""
        return dict(self.loads)

    def analyse(self, tasks: Sequence[AnalysisTask]) -> list[Analysis] | _Refused:
        if self.worker is None:
            return self.refused or _Refused("worker", f"the Ray node {self.node} failed")
        for item, _targets in tasks:
            root = _input_folder(item)
            if not item.path.exists() and not root.exists():
                return _Refused(
                    "worker",
                    f"the Ray node {self.node} cannot see the input folder {root}: every node "
                    f"reads the inputs, glossaries and models folder at the same paths (a "
                    f"shared file system)",
                )
        return [self.worker.analyse(task) for task in tasks]

    def translate(self, task: TranslationTask, description: str) -> Translated | _Refused:
        if self.worker is None:
            return self.refused or _Refused("worker", f"the Ray node {self.node} failed")
        pair = task[0]
        if pair not in self.described:
            refused = self._check_engine(pair, description)
            if refused is not None:
                return refused
        return self.worker.translate(task)

    def _check_engine(self, pair: tuple[str, str], expected: str) -> _Refused | None:
        assert self.worker is not None
        started = time.perf_counter()
        arrow = f"{pair[0]}→{pair[1]}"
        try:
            here = self.worker.pipeline.engine_description(pair)
        except ModelError as exc:
            return _Refused(
                "model",
                f"the Ray node {self.node} has no {arrow} model: {exc}; every node reads the "
                f"models folder at the same path as this machine (a shared file system)",
            )
        if here != expected:
            return _Refused(
                "model",
                f"the Ray node {self.node} would translate {arrow} with {here}, this machine "
                f"with {expected}: give every node the same packages at the same path (and the "
                f"same --device)",
            )
        # The models load once, here. A package that fails to load fails the task instead
        # (the task loads it again and reports why), as in a local worker.
        with contextlib.suppress(Exception):
            self.worker.pipeline.engine(pair)
        self.described[pair] = here
        self.loads[arrow] = time.perf_counter() - started
        return None


def _input_folder(item: Item) -> Path:
    parts = item.path.parts
    return Path(*parts[: len(parts) - len(item.relative.parts)]) if parts else item.path


class RayExecutor:
    """Runs worker tasks on a pool of Ray actors; the interface of :class:`.workers.Executor`.

    ``address`` None starts a local Ray instance with this machine's CPUs (``RAY_ADDRESS`` is
    not read); otherwise it is a running cluster's address (``HOST:PORT``, ``auto``,
    ``ray://HOST:10001``) and the actors go to its nodes. A Ray already initialised by the
    calling program (``ray.init(...)``) is used as it is, and left running.

    ``jobs`` is the number of actors; None: one per CPU of the cluster, fewer for small runs.
    With ``threads=0`` (all cores) each actor asks Ray for its share of the cluster's CPUs
    (no more than the largest node has) and runs that many CTranslate2 threads.
    """

    def __init__(
        self, pipeline: Pipeline, jobs: int | None, pending: int, *, address: str | None = None
    ) -> None:
        require_ray()
        import ray

        if jobs is not None and jobs < 1:
            raise ConfigError(f"jobs must be 1 or more, got {jobs}")
        self._pipeline = pipeline
        self._ray = ray
        self._actors: list[Any] = []
        #: Where each actor runs ("IP (node ID)"), once started.
        self.nodes: list[str] = []
        self._next = 0
        self._descriptions: dict[tuple[str, str], str] = {}
        self._owns_ray = False
        if pending == 0:  # nothing to analyse or translate: no cluster needed
            self.jobs = jobs or 1
            return
        self._owns_ray = not ray.is_initialized()
        try:
            if self._owns_ray:
                _connect(ray, address, (jobs or 1) * max(1, pipeline.config.engine.threads))
            self.jobs, cpus = _shape(ray, jobs, pending, pipeline.config.engine.threads)
            self._start(cpus)
        except BaseException:
            self.close(abort=True)
            raise

    def analyse(self, tasks: Sequence[AnalysisTask]) -> list[Analysis]:
        if not tasks:
            return []
        size = max(1, len(tasks) // (4 * self.jobs))
        chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
        refs = [self._actor().analyse.remote(chunk) for chunk in chunks]
        return [analysis for ref in refs for analysis in self._get(ref)]

    def translate(self, tasks: Sequence[TranslationTask]) -> Iterator[Translated]:
        """Each task's translation, in order, as soon as it (and those before it) is done.

        Every task is sent at once (round robin over the actors), so the actors keep
        translating while this process writes the articles already done.
        """
        refs = [self._actor().translate.remote(task, self._description(task[0])) for task in tasks]
        return (self._get(ref) for ref in refs)

    def model_loads(self) -> list[dict[str, float]]:
        """For each actor, the seconds each language pair's models took to load on it."""
        return [self._get(actor.model_loads.remote()) for actor in self._actors]

    def close(self, *, abort: bool = False) -> None:
        """Stop the actors (their unfinished tasks, after an interrupt, are redone by the
        next run), and the local Ray instance if this executor started it."""
        actors, self._actors = self._actors, []
        if self._owns_ray:  # the actors end with the instance
            self._owns_ray = False
            with contextlib.suppress(Exception):
                self._ray.shutdown()
            return
        for actor in actors:
            with contextlib.suppress(Exception):
                self._ray.kill(actor, no_restart=True)

    def _start(self, cpus: float) -> None:
        config = self._pipeline.config
        engine = replace(config.engine, threads=max(1, int(cpus)))
        # Actors never download: the main process described (and installed) every pair.
        models = replace(config.models, download=False)
        config = replace(config, engine=engine, models=models)
        engines = self._pipeline.engines
        if not isinstance(engines, ArgosEngines) and not _can_send(engines):
            raise ConfigError(
                f"the engine factory {type(engines).__name__} cannot be sent to Ray actors "
                f"(it does not pickle); run with the local executor and jobs=1 (--jobs 1)"
            )
        sent = None if isinstance(engines, ArgosEngines) else engines
        expected = {target: config_hash(self._pipeline, target) for target in config.targets}
        remote = self._ray.remote(_Actor).options(
            num_cpus=cpus,
            max_restarts=MAX_RESTARTS,
            max_task_retries=MAX_TASK_RETRIES,
            scheduling_strategy="SPREAD",
        )
        self._actors = [remote.remote(config, sent, expected) for _ in range(self.jobs)]
        ready = [actor.ready.remote() for actor in self._actors]
        done, waiting = self._ray.wait(ready, num_returns=len(ready), timeout=START_TIMEOUT)
        if waiting:
            raise WorkerError(
                f"only {len(done)} of {self.jobs} Ray actors started within "
                f"{START_TIMEOUT:.0f} s (each asks for {cpus:g} CPUs; the cluster has "
                f"{_cluster_cpus(self._ray):g}): ask for fewer with --jobs, or add nodes"
            )
        self.nodes = [self._get(ref) for ref in ready]

    def _actor(self) -> Any:
        actor = self._actors[self._next % len(self._actors)]
        self._next += 1
        return actor

    def _description(self, pair: tuple[str, str]) -> str:
        if pair not in self._descriptions:
            self._descriptions[pair] = self._pipeline.engine_description(pair)
        return self._descriptions[pair]

    def _get(self, ref: Any) -> Any:
        exceptions = self._ray.exceptions
        try:
            result = self._ray.get(ref)
        except (
            exceptions.RayActorError,
            exceptions.WorkerCrashedError,
            exceptions.ObjectLostError,
        ) as exc:
            raise WorkerError(DEAD_WORKER) from exc
        if isinstance(result, _Refused):
            raise result.error()
        return result


def _connect(ray: Any, address: str | None, cpus: int) -> None:
    """Start a local Ray instance (``address`` None: this machine's CPUs, or ``cpus`` if
    more are asked for, as local workers may ask) or join the cluster at ``address``."""
    # ray.init sets its own SIGTERM handler; the command line's turns SIGTERM into a clean stop.
    handler = signal.getsignal(signal.SIGTERM)
    try:
        if address is None:
            ray.init(
                address="local",  # never RAY_ADDRESS nor a cluster found on this machine
                num_cpus=max(os.cpu_count() or 1, cpus),
                include_dashboard=False,
                # Ray's notices (token authentication, start-up) would break --quiet; what
                # fails is told by localise's own errors.
                logging_level=logging.ERROR,
            )
            return
        _reachable(address)
        try:
            ray.init(address=address, logging_level=logging.ERROR)
        except ValueError as exc:
            raise ConfigError(
                f"--ray-address {address!r} is not a Ray address ({_first_line(exc)}); give "
                f"HOST:PORT of the head node (ray start --head --port PORT), or ray://HOST:10001"
            ) from exc
        except (ConnectionError, RuntimeError) as exc:
            raise WorkerError(
                f"cannot join the Ray cluster at {address}: {_first_line(exc)}; check "
                f"--ray-address and that the cluster runs (ray status)"
            ) from exc
    finally:
        if threading.current_thread() is threading.main_thread() and handler is not None:
            signal.signal(signal.SIGTERM, handler)


def _reachable(address: str) -> None:
    """A WorkerError, within :data:`CONNECT_TIMEOUT`, when nothing answers at ``address``."""
    host_port = address.split("://", 1)[-1]
    host, _, port = host_port.rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", or a form Ray itself will judge
    try:
        socket.create_connection((host.strip("[]"), int(port)), CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise WorkerError(
            f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}; start it there "
            f"(ray start --head --port {port}) or check --ray-address"
        ) from exc


def _shape(ray: Any, jobs: int | None, pending: int, threads: int) -> tuple[int, float]:
    """How many actors, and how many CPUs each asks for."""
    nodes = [n["Resources"].get("CPU", 0.0) for n in ray.nodes() if n.get("Alive")]
    total, largest = sum(nodes), max(nodes, default=0.0)
    if total < 1:
        raise WorkerError("the Ray cluster has no CPUs for actors: add a node with CPUs")
    actors = jobs if jobs is not None else max(1, min(int(total), pending // INLINE_BELOW))
    cpus = float(threads or max(1, min(int(largest), int(total) // actors)))
    if actors * cpus > total:
        raise WorkerError(
            f"{actors} Ray actors of {cpus:g} CPUs need {actors * cpus:g} CPUs, and the cluster "
            f"has {total:g}: ask for at most {int(total // cpus)} with --jobs, or add nodes"
        )
    return actors, cpus


def _cluster_cpus(ray: Any) -> float:
    return float(ray.cluster_resources().get("CPU", 0.0))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
