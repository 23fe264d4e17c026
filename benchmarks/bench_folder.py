"""A folder of many small articles: how the cost of a run grows with the number of files.

    python benchmarks/bench_folder.py [--sizes 1000,10000] [--jobs N]

For each size, writes that many one-sentence German articles (from a template written here)
into 100 subfolders of a temporary folder, installs the small copy model (a real Argos
package whose model copies its input), and times, each as the ``localise translate``
command a scheduler runs (a fresh process):

1. ``--dry-run`` (walk, hash and plan every file; write nothing);
2. the first run;
3. a re-run with nothing changed;
4. a re-run after changing one article.

It prints wall-clock seconds and peak memory (the largest resident set of the run's
processes, from ``wait4``) per size, side by side, and the ratio of the largest size to the
smallest: near-linear growth shows as a time ratio close to the ratio of the sizes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
TEMPLATE = "MINSK, {day}. März (BelTA) – Die Ausfuhr von {good} stieg um {rate} Prozent.\n"
GOODS = ("Milch", "Butter", "Käse", "Fleisch", "Getreide", "Holz", "Traktoren")


def write_folder(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"d{number % 100:02}" / f"a{number:06}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = TEMPLATE.format(
            day=1 + number % 28, good=GOODS[number % len(GOODS)], rate=number % 97 + 1
        )
        path.write_text(f"{text}Meldung {number}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one command (the largest of its processes)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # waited for here, not by Popen
    if code != 0:
        raise SystemExit(f"{' '.join(args)} exited {code}:\n{stderr.decode()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="folder sizes, comma-separated")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: auto)")
    options = parser.parse_args()
    sizes = sorted(int(s) for s in options.sizes.split(","))
    jobs = ["--jobs", str(options.jobs)] if options.jobs else []
    steps = ("dry run", "first run", "unchanged", "one changed")
    results: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-folder-") as temp:
        root = Path(temp)
        models = root / "models"
        # In a child process: a child's peak memory starts from its parent's (Linux keeps it
        # across fork and exec), so this process stays small.
        install = (
            f"import sys; sys.path.insert(0, {str(TESTS)!r}); "
            "from pathlib import Path; from copymodel import build_copy_package; "
            "from localise.engine.packages import install_package_file; "
            f"install_package_file(build_copy_package(Path({str(root / 'packages')!r}), "
            f"'de', 'en'), Path({str(models)!r}))"
        )
        subprocess.run([sys.executable, "-c", install], check=True)
        for size in sizes:
            articles, out = root / f"in-{size}", root / f"out-{size}"
            paths = write_folder(articles, size)
            base = [sys.executable, "-m", "localise", "translate", str(articles),
                    "--to", "en-GB", "--out", str(out), "--models-dir", str(models),
                    "--offline", "--no-bundled-glossary", *jobs]  # fmt: skip
            row = results[size] = {}
            row["dry run"] = timed([*base, "--dry-run"])
            row["first run"] = timed(base)
            row["unchanged"] = timed(base)
            paths[len(paths) // 2].write_text("MINSK, 2. März (BelTA) – Neu.\n", encoding="utf-8")
            row["one changed"] = timed(base)
            print(f"{size} files done", file=sys.stderr)
    print(f"cores: {os.cpu_count()}; jobs: {options.jobs or 'auto'}")
    header = "".join(f"{f'{size} files':>22}" for size in sizes)
    ratio = f"{sizes[-1]}/{sizes[0]}" if len(sizes) > 1 else ""
    print(f"{'':<13}{header}{ratio:>14}")
    for step in steps:
        cells = "".join(
            f"{results[s][step][0]:>10.1f} s {results[s][step][1]:>6.0f} MB" for s in sizes
        )
        growth = (
            f"{results[sizes[-1]][step][0] / results[sizes[0]][step][0]:>13.1f}×"
            if len(sizes) > 1
            else ""
        )
        print(f"{step:<13}{cells}{growth}")
    first = results[sizes[-1]]["first run"][0]
    print(f"first run at {sizes[-1]} files: {1000 * first / sizes[-1]:.1f} ms per article")


if __name__ == "__main__":
    main()
