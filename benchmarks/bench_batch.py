"""Incremental batch runs: the cost of a re-run against the first run, measured in one run.

    python benchmarks/bench_batch.py [--articles 240] [--jobs N]

Builds the copy model (a real Argos package whose model copies its input), writes
``--articles`` German articles from templates written here (not corpus text) into a temporary
folder, then times, each as the ``localise translate`` command an operator would schedule
(a fresh process: interpreter, imports, models):

1. the first run;
2. a re-run with nothing changed                    (goal: at most 3 % of the first run);
3. a re-run after changing one article              (goal: at most 5 % of the first run).

and the same three through the library in one long-lived process (``Batch.run`` with the
same pipelines, as a workflow service would), which leaves out the fixed start-up of a
process: interpreter, imports, language profiles, recognisers, models. Times are wall-clock
seconds; the ratios are printed side by side.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from localise import Pipeline
from localise.batch import Batch
from localise.glossary import bundled_glossaries

CITIES = ("MINSK", "BREST", "GRODNO", "WITEBSK", "GOMEL", "MOGILJOW")
GOODS = ("Milchprodukte", "Butter", "Käse", "Rindfleisch", "Getreide", "Zucker", "Flachs")
PARTNERS = ("Kasachstan", "Usbekistan", "China", "Russland", "Vietnam", "Ägypten")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September")
PARAGRAPHS = (
    "Die Ausfuhr von {good} nach {partner} stieg im Jahr {year} um {rate} Prozent auf "
    "{amount} Millionen US-Dollar.",
    "Wie das Ministerium für Landwirtschaft am {day}. {month} mitteilte, wurden von Januar "
    "bis {month} insgesamt {tonnes} Tonnen geliefert.",
    "Der Verband der Erzeuger rechnet für das kommende Jahr mit weiteren {rate2} Prozent "
    "Wachstum, sofern die Logistik über {partner} stabil bleibt.",
    "Nach Angaben der Zollbehörde lag der Anteil von {good} am gesamten Export bei "
    "{share} Prozent.",
    "Die Regierung plant, bis {year2} neue Lager mit einer Kapazität von {tonnes2} Tonnen "
    "zu bauen.",
    "Der Minister sagte, man werde die Zusammenarbeit mit {partner} in den Bereichen "
    "Maschinenbau und Bildung ausbauen.",
)
BOILERPLATE = "Die Nachrichtenagentur berichtet täglich über Wirtschaft und Politik."


def write_article(path: Path, number: int, rng: random.Random) -> None:
    values = {
        "good": rng.choice(GOODS),
        "partner": rng.choice(PARTNERS),
        "year": rng.randint(2019, 2024),
        "year2": rng.randint(2026, 2030),
        "rate": rng.randint(2, 40),
        "rate2": rng.randint(2, 15),
        "amount": rng.randint(10, 900),
        "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS),
        "tonnes": f"{rng.randint(1, 900)}.{rng.randint(100, 999)}",
        "tonnes2": f"{rng.randint(10, 90)}.000",
        "share": rng.randint(2, 30),
    }
    dateline = f"{rng.choice(CITIES)}, {values['day']}. {values['month']} (Agentur) – "
    paragraphs = [p.format(**values) for p in rng.sample(PARAGRAPHS, 4)]
    body = "\n\n".join(paragraphs)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"{dateline}{body}\n\nMeldung {number}. {BOILERPLATE}\n"
    path.write_text(text, encoding="utf-8")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--jobs", type=int, default=None, help="default: localise's own choice")
    args = parser.parse_args()

    from localise.models import install_package_file
    from localise.testing import build_copy_package

    with tempfile.TemporaryDirectory(prefix="localise-bench-batch-") as temporary:
        root = Path(temporary)
        models = root / "models"
        install_package_file(build_copy_package(root / "packages", "de", "en"), models)
        articles = root / "articles"
        rng = random.Random(20250114)
        paths = [articles / f"desk-{n % 8}" / f"article-{n:04}.txt" for n in range(args.articles)]
        for number, path in enumerate(paths):
            write_article(path, number, rng)
        out = root / "out"
        command = [sys.executable, "-m", "localise", "translate", str(articles),
                   "--to", "en-GB", "--out", str(out), "--models-dir", str(models), "--offline",
                   "--quiet"]  # fmt: skip
        if args.jobs is not None:
            command += ["--jobs", str(args.jobs)]
        command_times = three_runs(lambda: timed(command), paths[len(paths) // 2])
        pipeline = Pipeline("en-GB", models_dir=models, glossaries=bundled_glossaries())
        batch = Batch(pipeline, root / "out-library", jobs=args.jobs)
        library_times = three_runs(lambda: timed_library(batch, articles), paths[1])
        jobs = args.jobs or "auto"
        print(f"{args.articles} articles, copy model, jobs={jobs}, {os.cpu_count()} CPUs")
        print(f"{'':<28}{'command':>17}{'library':>17}")
        print(f"{'run':<28}{'seconds':>9}{'ratio':>8}{'seconds':>9}{'ratio':>8}{'goal':>7}")
        labels = ("first run", "re-run, nothing changed", "re-run, one article changed")
        goals = (None, 0.03, 0.05)
        for label, command_s, library_s, goal in zip(
            labels, command_times, library_times, goals, strict=True
        ):
            row = f"{label:<28}{command_s:>9.2f}"
            if goal is None:
                print(f"{row}{'':>8}{library_s:>9.2f}")
                continue
            command_ratio, library_ratio = (
                command_s / command_times[0],
                library_s / library_times[0],
            )
            print(f"{row}{command_ratio:>8.1%}{library_s:>9.2f}{library_ratio:>8.1%}{goal:>7.0%}")


def three_runs(run: Callable[[], float], to_change: Path) -> tuple[float, float, float]:
    first = run()
    unchanged = run()
    with to_change.open("a", encoding="utf-8") as changed:
        changed.write("Ein Sprecher bestätigte die Zahlen am Dienstag.\n")
    return first, unchanged, run()


def timed_library(batch: Batch, articles: Path) -> float:
    started = time.perf_counter()
    for _ in batch.run([articles]):
        pass
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
