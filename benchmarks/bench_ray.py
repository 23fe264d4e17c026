"""Batch runs on Ray against the local executor, measured in one run.

    python benchmarks/bench_ray.py [--articles 240] [--repeat 2] [--small] [--threads N]
                                   [--address ADDR] [--skip-local]

The batch benchmark's German agency articles and copy model (``bench_batch.py``: a real Argos
package with a real model's size and compute cost; ``--small``: the one-layer test model),
each configuration timed as the ``localise translate`` command an operator would run (a
fresh process, a fresh output folder, so every segment is translated):

    local --jobs 1      this process alone
    ray --jobs 1        one Ray actor     (a local Ray instance the command starts, or the
    local --jobs 2      two worker processes   cluster at --address: the nodes of a cluster)
    ray --jobs 2        two Ray actors

The rows run in turn, ``--repeat`` times, and the fastest run of each counts. Printed side
by side: seconds, articles per second, the main process's busy share (the
summary's ``scan`` and ``write`` stages: planning, fact checks, writing the files and the
state records; the other stages are the time it waits for the workers), Ray's overhead against
the local executor with as many workers (goal: at most 10 %) and the speed-up from one
worker to two. Then the fixed costs of Ray, measured through the library in this process:
``ray.init`` of a local instance, starting the actors (a process each: interpreter, imports,
the pipeline) and loading the models in each actor.

Every output folder is compared with the ``local --jobs 1`` one: the outputs and reports must
be byte-identical (their own folder's path aside).

Without ``--address``, Ray runs on the loopback address only (``RAY_ENABLE_WINDOWS_OR_OSX_
CLUSTER=0``: no node of another machine can join, and none is needed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import build_model, write_article

GOAL_OVERHEAD = 0.10
#: Each Ray row right after the local row it is compared with, so that whatever else the
#: machine runs at the time weighs on both alike.
ROWS = (("local", 1), ("ray", 1), ("local", 2), ("ray", 2))
STAGES = ("scan", "analyse", "translate", "write")


def outputs(out: Path) -> dict[str, bytes]:
    """Every output and report, the output folder's own path taken out (as tests/test_batch)."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes().replace(str(out).encode(), b"OUT")
        for path in sorted(out.rglob("*"))
        if path.is_file() and (path.suffix == ".txt" or "/reports/" in path.as_posix())
    }


def timed_run(
    articles: Path,
    out: Path,
    models: Path,
    executor: str,
    jobs: int,
    address: str | None,
    threads: int = 0,
) -> dict[str, Any]:
    command = [sys.executable, "-m", "localise", "translate", str(articles), "--to", "en-GB",
               "--out", str(out), "--models-dir", str(models), "--offline", "--quiet",
               "--jobs", str(jobs), "--executor", executor, "--threads", str(threads)]  # fmt: skip
    if executor == "ray" and address:
        command += ["--ray-address", address]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    summary = json.loads((out / "_localise" / "summary.json").read_text())
    return {"seconds": seconds, "summary": summary}


def fixed_costs(models: Path, jobs: int, address: str | None) -> dict[str, Any]:
    """ray.init, starting ``jobs`` actors, and each actor's model load, in seconds."""
    import ray

    from localise import Config, ModelsConfig, Pipeline
    from localise.batch.ray_executor import RayExecutor
    from localise.stages.glossary import bundled_glossaries

    started = time.perf_counter()
    if address:
        ray.init(address=address, logging_level="ERROR")
    else:
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level="ERROR")
    init = time.perf_counter() - started
    try:
        config = Config(
            ("en-GB",), glossaries=tuple(bundled_glossaries()), models=ModelsConfig(models)
        )
        pipeline = Pipeline(config)
        started = time.perf_counter()
        executor = RayExecutor(pipeline, jobs, 10**6)
        start = time.perf_counter() - started
        try:
            tasks = [(("de", "en"), ("Die Ausfuhr stieg um 5 Prozent.",))] * jobs
            list(executor.translate(tasks))  # one task each: each actor loads its models
            loads = [sum(pairs.values()) for pairs in executor.model_loads()]
        finally:
            executor.close()
    finally:
        ray.shutdown()
    return {"init": init, "start": start, "loads": loads, "nodes": executor.nodes}


def state_costs(folder: Path, outputs: int = 500) -> tuple[float, float]:
    """Milliseconds the main process spends on the state database per output (one record,
    one transaction, as a run writes them) and per translation task (64 segments remembered)."""
    from localise.batch.state import EngineKey, Record, State

    with State.open(folder) as state:
        started = time.perf_counter()
        for n in range(outputs):
            record = Record(f"desk/{n}.txt", "en-GB", f"/in/desk/{n}.txt", "a" * 64, "b" * 64,
                            "de-en", "copy 1.0", "ok", 0, f"desk/{n}.txt")  # fmt: skip
            state.record([record])
        per_output = (time.perf_counter() - started) / outputs * 1000
        key = EngineKey("de-en", "copy 1.0", "beam_size=4")
        started = time.perf_counter()
        for task in range(outputs // 10):
            state.remember(key, {f"Satz {task}-{i}." * 8: f"Sentence {i}." * 8 for i in range(64)})
        per_task = (time.perf_counter() - started) / (outputs // 10) * 1000
    return per_output, per_task


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--small", action="store_true", help="the one-layer test model")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="--threads of every run (0: all cores, shared by the workers; on a cluster of "
        "1-CPU nodes, 1 makes the local rows use what an actor has)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each row, interleaved; the fastest counts (a shared machine's other work "
        "slows some runs, never speeds one up)",
    )
    parser.add_argument("--address", help="a running Ray cluster for the ray rows")
    parser.add_argument(
        "--skip-local", action="store_true", help="the ray rows only (on a cluster)"
    )
    args = parser.parse_args()
    if not args.address:
        # A local instance on the loopback address (read when ray is imported).
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")

    with tempfile.TemporaryDirectory(prefix="localise-bench-ray-") as temporary:
        root = Path(temporary)
        models, model_description = build_model(root, small=args.small)
        articles = root / "articles"
        rng = random.Random(20250114)
        for number in range(args.articles):
            write_article(articles / f"desk-{number % 8}" / f"article-{number:04}.txt", number, rng)
        print(model_description)
        print(
            f"{args.articles} articles, {os.cpu_count()} CPUs, --threads {args.threads}, Ray "
            + (f"cluster at {args.address}" if args.address else "local instance per command")
        )
        rows = [r for r in ROWS if not (args.skip_local and r[0] == "local")]
        results: dict[tuple[str, int], dict[str, Any]] = {}
        reference: dict[str, bytes] | None = None
        for attempt in range(args.repeat):
            for executor, jobs in rows:
                out = root / f"out-{executor}-{jobs}-{attempt}"
                result = timed_run(
                    articles, out, models, executor, jobs, args.address, args.threads
                )
                print(f"  {executor} --jobs {jobs}: {result['seconds']:.1f} s")
                kept = results.get((executor, jobs))
                if kept is None or result["seconds"] < kept["seconds"]:
                    results[executor, jobs] = result
                written = outputs(out)
                reference = reference or written
                differ = sorted(
                    k for k in {*written, *reference} if written.get(k) != reference.get(k)
                )
                if differ:
                    raise SystemExit(
                        f"{executor} --jobs {jobs} wrote other outputs than {rows[0]}: "
                        f"{len(differ)} files, the first {differ[0]}"
                    )
        runs = args.repeat * len(rows)
        print(f"outputs and reports byte-identical in all {runs} runs; the fastest of each kept")
        print_table(results, args.articles)
        record, remember = state_costs(root / "state")
        print(
            f"state database (main process): {record:.2f} ms per output recorded, "
            f"{remember:.2f} ms per translation task remembered"
        )
        print()
        print("fixed costs of Ray (library, this process):")
        for jobs in (1, 2):
            costs = fixed_costs(models, jobs, args.address)
            loads = ", ".join(f"{s:.2f}" for s in costs["loads"])
            print(
                f"  {jobs} actor(s): ray.init {costs['init']:.1f} s, actors started in "
                f"{costs['start']:.1f} s, model load per actor {loads} s, on "
                + ", ".join(costs["nodes"])
            )


def print_table(results: dict[tuple[str, int], dict[str, Any]], articles: int) -> None:
    print()
    header = f"{'run':<17}{'seconds':>9}{'art/s':>8}{'main busy':>11}{'vs local':>10}{'goal':>6}"
    print(header + f"{'1→2 speed-up':>14}   stages (scan/analyse/translate/write s)")
    for (executor, jobs), result in results.items():
        seconds, summary = result["seconds"], result["summary"]
        stages = summary["stages"]
        busy = (stages["scan"] + stages["write"]) / summary["seconds"]
        row = f"{executor + ' --jobs ' + str(jobs):<17}{seconds:>9.1f}{articles / seconds:>8.2f}"
        row += f"{busy:>11.0%}"
        local = results.get(("local", jobs))
        if executor == "ray" and local is not None:
            overhead = seconds / local["seconds"] - 1
            mark = "ok" if overhead <= GOAL_OVERHEAD else "over"
            row += f"{overhead:>+10.1%}{mark:>6}"
        else:
            row += f"{'':>10}{'':>6}"
        one = results.get((executor, 1))
        row += f"{one['seconds'] / seconds:>13.2f}×" if jobs == 2 and one else f"{'':>14}"
        row += "   " + "/".join(f"{stages[s]:.1f}" for s in STAGES)
        print(row)


if __name__ == "__main__":
    main()
