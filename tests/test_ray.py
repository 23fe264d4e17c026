"""Batch runs on Ray (``--executor ray``): the same outputs as a local run, whatever the number
of actors; dead actors restarted or one WorkerError; nodes that differ refused in one line.

The tests that need ray share one local instance (``ray.init(num_cpus=2)``, started once) and
are skipped when ray is not installed; the executor uses an instance that is already
initialised as it is. Each test is bounded in time (:func:`bounded`).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from click.testing import CliRunner

from localise import Config
from localise.batch import Batch
from localise.batch.discover import Item
from localise.batch.ray_executor import NO_RAY, _input_folder
from localise.batch.workers import DEAD_WORKER
from localise.cli import main
from localise.errors import ConfigError, ModelError, ModelNotFoundError, WorkerError
from support import config
from test_batch import en_gb, outputs, run, statuses, write_articles

TESTS = Path(__file__).resolve().parent
#: A local Ray instance on the loopback address only (by default Ray listens on the
#: machine's network address, ready for other nodes; the tests need none). Read when ray is
#: imported, so set before; the command lines the tests start inherit it.
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
#: Seconds any one test may take.
LIMIT = 180


@pytest.fixture(scope="module")
def ray_instance() -> Iterator[Any]:
    """One local Ray instance with 2 CPUs for this module's tests; skipped without ray."""
    ray = pytest.importorskip("ray")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        logging_level="ERROR",
        # The actors import the engine doubles of this module and of support.py.
        runtime_env={"env_vars": {"PYTHONPATH": str(TESTS)}},
    )
    yield ray
    ray.shutdown()


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Fail a test that runs past :data:`LIMIT` seconds instead of hanging the suite."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"the test ran past {LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# -- engine doubles the actors rebuild (they pickle) -----------------------------------------


class Copying:
    """An engine that copies its input, as the copy model does."""

    def __init__(self, description: str = "copy 1.0") -> None:
        self.description = description

    def translate(self, segments: Sequence[str]) -> list[str]:
        return list(segments)


class Dying(Copying):
    """Copies, but ends its process (as a crash in a model library would) on a segment with
    ``trigger``: once (while ``marker`` does not exist), or always (``marker`` None)."""

    def __init__(self, trigger: str, marker: Path | None) -> None:
        super().__init__()
        self.trigger, self.marker = trigger, marker

    def translate(self, segments: Sequence[str]) -> list[str]:
        if any(self.trigger in s for s in segments):
            if self.marker is None:
                os._exit(3)
            if not self.marker.exists():
                self.marker.touch()
                os._exit(3)
        return list(segments)


class Elsewhere:
    """An engine factory for de→en that is ``here`` in this process and ``there`` in any
    other (an actor): a node whose models differ from the main process's."""

    def __init__(self, here: Copying, there: Copying | None) -> None:
        self.main = os.getpid()
        self.here, self.there = here, there

    def _engine(self, pair: tuple[str, str]) -> Copying:
        engine = self.here if os.getpid() == self.main else self.there
        if engine is None or pair != ("de", "en"):
            raise ModelNotFoundError(*pair, Path("/models"))
        return engine

    def describe(self, pair: tuple[str, str]) -> str:
        return self._engine(pair).description

    def load(self, pair: tuple[str, str]) -> Copying:
        return self._engine(pair)


def _copying() -> Elsewhere:
    return Elsewhere(Copying(), Copying())


def _articles(tmp_path: Path, count: int = 40) -> Path:
    folder = tmp_path / "articles"
    write_articles(folder, count)
    return folder


# -- identical outputs -----------------------------------------------------------------------


@pytest.mark.parametrize("actors", [1, 2])
def test_ray_writes_the_same_bytes_as_a_local_run(
    tmp_path: Path, models_dir: Path, ray_instance: Any, actors: int
) -> None:
    articles = _articles(tmp_path, 42)
    local, _ = run(en_gb(models_dir), [articles], tmp_path / "local", jobs=1)
    on_ray, batch_run = run(
        en_gb(models_dir), [articles], tmp_path / "ray", jobs=actors, executor="ray"
    )
    assert statuses(on_ray) == statuses(local) and set(statuses(local).values()) == {"ok"}
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    assert len(outputs(tmp_path / "local")) == 2 * 42
    assert batch_run.summary is not None
    assert (batch_run.summary.jobs, batch_run.summary.executor) == (actors, "ray")
    summary = json.loads((tmp_path / "ray" / "_localise" / "summary.json").read_text())
    assert (summary["jobs"], summary["executor"]) == (actors, "ray")


def test_the_executor_decides_no_output(
    tmp_path: Path, models_dir: Path, ray_instance: Any
) -> None:
    # Recorded in the summary only: switching executors redoes nothing.
    articles, out = _articles(tmp_path, 8), tmp_path / "out"
    run(en_gb(models_dir), [articles], out, executor="ray")
    again, _ = run(en_gb(models_dir), [articles], out, jobs=1)
    assert set(statuses(again).values()) == {"skipped"}
    changed = articles / "region-0" / "article-000.txt"
    changed.write_text(changed.read_text() + "Ein neuer Satz.\n", encoding="utf-8")
    redone, _ = run(en_gb(models_dir), [articles], out, executor="ray", jobs=2)
    assert [k for k, s in statuses(redone).items() if s != "skipped"] == [
        "region-0/article-000.txt@en-GB"
    ]


# -- dying actors ----------------------------------------------------------------------------


def test_a_dead_actor_is_restarted_and_its_task_sent_again(
    tmp_path: Path, ray_instance: Any
) -> None:
    articles = _articles(tmp_path)
    reference, _ = run(config("en-GB"), [articles], tmp_path / "local", jobs=1, engines=_copying())
    dying = Elsewhere(Copying(), Dying("Artikel 20:", tmp_path / "died-once"))
    outcomes, _ = run(
        config("en-GB"), [articles], tmp_path / "ray", jobs=2, engines=dying, executor="ray"
    )
    assert (tmp_path / "died-once").exists()
    assert statuses(outcomes) == statuses(reference)
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")


def test_an_actor_that_keeps_dying_ends_the_run_with_the_worker_error(
    tmp_path: Path, ray_instance: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from localise.batch import ray_executor

    monkeypatch.setattr(ray_executor, "MAX_RESTARTS", 1)
    monkeypatch.setattr(ray_executor, "MAX_TASK_RETRIES", 1)
    articles, out = _articles(tmp_path), tmp_path / "out"
    dying = Elsewhere(Copying(), Dying("Artikel 20:", None))
    batch_run = Batch(config("en-GB"), out, jobs=2, engines=dying, executor="ray").run([articles])
    finished = []
    with pytest.raises(WorkerError) as caught:
        finished.extend(batch_run)
    assert str(caught.value) == DEAD_WORKER
    # The articles written before it are recorded: the next run keeps them, does the rest,
    # and the folder is then the same as one local run's.
    assert finished and {o.status for o in finished} == {"ok"}
    resumed, _ = run(config("en-GB"), [articles], out, jobs=1, engines=_copying())
    kept = [k for k, s in statuses(resumed).items() if s == "skipped"]
    assert sorted(kept) == sorted(statuses(finished))
    run(config("en-GB"), [articles], tmp_path / "local", jobs=1, engines=_copying())
    assert outputs(out) == outputs(tmp_path / "local")


# -- nodes that differ -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("there", "message"),
    [
        (
            None,
            r"the Ray node [\d.]+ \(node \w{8}\) has no de→en model: no de→en model installed "
            r"in /models \(nor a pivot through English\); .*; every node reads the models "
            r"folder at the same path as this machine \(a shared file system\)",
        ),
        (
            Copying("copy 2.0"),
            r"the Ray node [\d.]+ \(node \w{8}\) would translate de→en with copy 2.0, this "
            r"machine with copy 1.0: give every node the same packages at the same path \(and "
            r"the same --device\)",
        ),
    ],
)
def test_a_node_without_the_model_fails_the_run_in_one_line(
    tmp_path: Path, ray_instance: Any, there: Copying | None, message: str
) -> None:
    batch = Batch(
        config("en-GB"),
        tmp_path / "out",
        jobs=2,
        engines=Elsewhere(Copying(), there),
        executor="ray",
    )
    with pytest.raises(ModelError) as caught:
        list(batch.run([_articles(tmp_path, 4)]))
    assert re.fullmatch(message, str(caught.value)), str(caught.value)
    assert list((tmp_path / "out").rglob("article-*.txt")) == []


def test_a_node_that_would_write_other_outputs_is_refused(
    tmp_path: Path, ray_instance: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from localise.batch import ray_executor

    # The main process expects another configuration hash than the actors compute.
    monkeypatch.setattr(ray_executor, "config_hash", lambda pipeline, target: "elsewhere")
    batch = Batch(config("en-GB"), tmp_path / "out", engines=_copying(), executor="ray")
    with pytest.raises(WorkerError) as caught:
        list(batch.run([_articles(tmp_path, 4)]))
    assert re.fullmatch(
        r"the Ray node [\d.]+ \(node \w{8}\) would write other outputs than this machine "
        r"\(its localise, Babel or CLDR version or its glossaries differ\); install the same "
        r"localise on every node and give it the glossaries at the same paths",
        str(caught.value),
    )


class _Cluster:
    """What :func:`ray_executor._shape` asks of ray: the nodes and their CPUs."""

    def __init__(self, *cpus: float) -> None:
        self.cpus = cpus

    def nodes(self) -> list[dict[str, Any]]:
        return [{"Alive": True, "Resources": {"CPU": c} if c else {}} for c in self.cpus]


@pytest.mark.parametrize(
    ("cpus", "jobs", "pending", "threads", "shape"),
    [
        ((0, 4, 4), None, 1000, 0, (8, 1.0)),  # one actor per CPU, one thread each
        ((0, 4, 4), None, 30, 0, (1, 4.0)),  # a small run: one actor, a node's CPUs
        ((0, 4, 4), 1, 1000, 0, (1, 4.0)),  # never more than the largest node has
        ((0, 4, 4), 3, 1000, 0, (3, 2.0)),
        ((2,), 2, 1000, 0, (2, 1.0)),
        ((0, 4, 4), 2, 1000, 3, (2, 3.0)),  # --threads decides
    ],
)
def test_how_many_actors_and_cpus(
    cpus: tuple[float, ...],
    jobs: int | None,
    pending: int,
    threads: int,
    shape: tuple[int, float],
) -> None:
    from localise.batch.ray_executor import _shape

    assert _shape(_Cluster(*cpus), jobs, pending, threads) == shape


@pytest.mark.parametrize(
    ("cpus", "jobs", "threads", "message"),
    [
        ((0, 4, 4), 5, 2, "5 Ray actors of 2 CPUs need 10 CPUs, and the cluster has 8: ask "
         "for at most 4 with --jobs, or add nodes"),
        ((0,), 1, 0, "the Ray cluster has no CPUs for actors: add a node with CPUs"),
    ],
)  # fmt: skip
def test_a_cluster_too_small_for_the_actors(
    cpus: tuple[float, ...], jobs: int, threads: int, message: str
) -> None:
    from localise.batch.ray_executor import _shape

    with pytest.raises(WorkerError) as caught:
        _shape(_Cluster(*cpus), jobs, 1000, threads)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("path", "relative", "folder"),
    [
        ("/news/desk/a.txt", "desk/a.txt", "/news"),
        ("/news/a.txt", "a.txt", "/news"),
    ],
)
def test_the_input_folder_an_actor_must_see(path: str, relative: str, folder: str) -> None:
    assert _input_folder(Item(Path(path), Path(relative))) == Path(folder)


# -- without ray, and the command line -------------------------------------------------------


def test_without_ray_the_executor_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed
    with pytest.raises(ConfigError) as caught:
        Batch(Config(("en-GB",)), tmp_path, executor="ray")
    assert str(caught.value) == NO_RAY
    articles = _articles(tmp_path, 1)
    result = CliRunner().invoke(
        main, ["translate", str(articles), "--to", "en-GB", "--out", str(tmp_path / "out"),
               "--executor", "ray"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert NO_RAY in result.output


def test_a_ray_address_needs_the_ray_executor(tmp_path: Path) -> None:
    articles = _articles(tmp_path, 1)
    result = CliRunner().invoke(
        main, ["translate", str(articles), "--to", "en-GB", "--out", str(tmp_path / "out"),
               "--ray-address", "127.0.0.1:6379"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "a Ray address is for the ray executor (--executor ray)" in result.output


def _command(articles: Path, out: Path, models_dir: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "localise", "translate", str(articles), "--to", "en-GB",
            "--out", str(out), "--models-dir", str(models_dir), "--offline", "--quiet",
            *options]  # fmt: skip


def test_an_unreachable_cluster_is_one_line(tmp_path: Path, models_dir: Path) -> None:
    pytest.importorskip("ray")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    articles = _articles(tmp_path, 2)
    command = _command(articles, tmp_path / "out", models_dir, "--executor", "ray")
    done = subprocess.run(
        [*command, "--ray-address", f"127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"localise: error: cannot reach the Ray cluster at 127.0.0.1:{port}: Connection "
        f"refused; start it there (ray start --head --port {port}) or check --ray-address"
    ]


def test_the_command_starts_a_local_ray_instance(tmp_path: Path, models_dir: Path) -> None:
    pytest.importorskip("ray")
    articles = _articles(tmp_path, 30)
    local = subprocess.run(
        _command(articles, tmp_path / "local", models_dir, "--jobs", "2"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert local.returncode == 0, local.stderr
    on_ray = subprocess.run(
        _command(articles, tmp_path / "ray", models_dir, "--executor", "ray", "--jobs", "2"),
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert on_ray.returncode == 0, on_ray.stderr
    lines = on_ray.stderr.splitlines()
    summary = "30 articles: 30 ok, 0 with warnings, 0 failed, 0 unchanged; summary in"
    assert [line for line in lines if line.startswith(summary)], on_ray.stderr
    assert " with 2 Ray actors (scan " in on_ray.stderr
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")


def test_the_command_line_and_a_batch_never_import_ray(tmp_path: Path) -> None:
    statement = (
        "import sys, localise.cli, localise.batch.run; "
        "from localise import Config; from localise.batch import Batch; "
        f"Batch(Config(('en-GB',)), {str(tmp_path)!r}); print('ray' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", statement], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
