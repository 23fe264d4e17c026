"""Soak: a long fuzz of every reader and the analysis, and a batch killed again and again.

    python benchmarks/soak.py [--minutes 5] [--kills 20] [--seed 0]

**Fuzz.** Seed articles in each format (text page, Markdown with front matter, HTML, JSON)
are mutated at random — bytes flipped, inserted, deleted and repeated, slices spliced from
other seeds, runs of digits, dots, spaces and capitals, deep nesting, lone surrogates,
control characters — and each mutant goes through the user's path in this process: read the
file, analyse it (language, article date, entities, glossary names) and prepare it for a
target. Any exception that is not a ``LocaliseError`` is a crash; an input that takes longer
than ``--slow`` seconds is a hang. Both are saved under ``--keep`` for a test.

**Kills.** A batch of generated articles is started and SIGKILLed at random moments
``--kills`` times (workers included), then run to the end; every output must equal a clean
run's, no temporary file may remain, the state database must pass ``integrity_check`` and
the inputs must be unchanged.

Prints inputs tried per target, crashes, hangs, kills survived; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

SEEDS = {
    ".txt": "Startseite | Politik\n14.01.2025 10:15\n\nMINSK, 14. Januar (BelTA) – Der Export "
    "stieg um 12,5 Prozent auf $1,2 Milliarden, sagte Lukaschenko am 13. Januar 2025.\n\n"
    "Im ersten Quartal 2024 lieferte MAZ 1 500 Busse.\n",
    ".md": "---\ntitle: Export wächst\ndate: 2025-01-14\ntags: [a, b]\n---\n\n# Export\n\n"
    "MINSK, 14. Januar (BelTA) – Der Umsatz erreichte 3,5 Mrd. Rubel (**plus 4 %**).\n\n"
    "- Punkt *eins* mit [Link](https://example.org)\n",
    ".html": "<!DOCTYPE html><html><head><title>Export</title><meta name='description' "
    "content='Minsk meldet mehr'></head><body><p>MINSK, 14. Januar (BelTA) – <b>Der Export"
    "</b> stieg um 5&nbsp;% auf 800 Mio. Euro.<img alt='Lukaschenkos Ziel'></p>"
    "<script>var x = 1;</script><!-- c --></body></html>",
    ".json": json.dumps(
        {
            "title": "Export wächst",
            "lead": "MINSK, 14. Januar (BelTA) – Mehr Milch.",
            "body": "Der Export stieg im Januar–November 2024 um 7 Prozent auf 2,1 Mrd. Dollar.",
            "date": "2025-01-14",
        },
        ensure_ascii=False,
    ),
}
RUNS = ["9" * 400, "." * 2000, " " * 3000, "14. " * 300, "Mio. " * 300, "Ab " * 2000]


def mutate(data: bytes, chance: random.Random, others: list[bytes]) -> bytes:
    """One to eight random edits of ``data``."""
    out = bytearray(data)
    for _ in range(chance.randint(1, 8)):
        where = chance.randint(0, len(out))
        kind = chance.randrange(9)
        if kind == 0 and out:
            out[min(where, len(out) - 1)] = chance.randrange(256)
        elif kind == 1:
            out[where:where] = bytes(chance.randrange(256) for _ in range(chance.randint(1, 8)))
        elif kind == 2:
            del out[where : where + chance.randint(1, 40)]
        elif kind == 3:
            piece = out[where : where + chance.randint(1, 30)]
            out[where:where] = bytes(piece) * chance.randint(2, 200)
        elif kind == 4:
            other = chance.choice(others)
            start = chance.randint(0, len(other))
            out[where:where] = other[start : start + chance.randint(1, 200)]
        elif kind == 5:
            out[where:where] = chance.choice(RUNS).encode()
        elif kind == 6:
            depth = chance.randint(50, 5000)
            opener, closer = chance.choice([("<div>", "</div>"), ("[", "]"), ('{"a":', "}")])
            out[where:where] = (opener * depth + closer * depth).encode()
        elif kind == 7:
            out[where:where] = chance.choice([b"\\ud800", b"\xed\xa0\x80", b"\x00", b"\x1b[2J"])
        else:
            out[where:where] = chance.choice(
                [
                    "<![x[y]]>",
                    "---\n- a\n---\n",
                    "!!python/object:os.system ''",
                    "&#xD800;",
                    "\u202e",
                ]
            ).encode()
    return bytes(out)


def fuzz(minutes: float, seed: int, slow: float, keep: Path) -> tuple[Counter[str], list[str]]:
    from localise import Config, Pipeline
    from localise.errors import LocaliseError
    from localise.files import read_article
    from localise.stages.glossary import bundled_glossaries

    pipeline = Pipeline(Config(("en-GB",), glossaries=bundled_glossaries()))
    chance = random.Random(seed)
    seeds = {suffix: text.encode() for suffix, text in SEEDS.items()}
    tried: Counter[str] = Counter()
    problems: list[str] = []
    deadline = time.monotonic() + 60 * minutes
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            suffix = chance.choice(list(seeds))
            data = mutate(seeds[suffix], chance, list(seeds.values()))
            path = Path(folder) / f"article{suffix}"
            path.write_bytes(data)
            started = time.monotonic()
            try:
                doc = pipeline.analyse(read_article(path).doc)
                pipeline.prepare(doc, "en-GB")
            except LocaliseError:
                pass
            except Exception as exc:  # a crash: what the soak is for
                problems.append(f"crash {type(exc).__name__}: {exc!s:.120}")
                _keep(keep, data, suffix, "crash")
            took = time.monotonic() - started
            if took > slow:
                problems.append(f"slow {took:.1f} s on a {len(data)}-byte {suffix} input")
                _keep(keep, data, suffix, "slow")
            tried[suffix] += 1
    return tried, problems


def _keep(folder: Path, data: bytes, suffix: str, kind: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(data).hexdigest()[:12]
    (folder / f"{kind}-{name}{suffix}").write_bytes(data)


def kills(count: int, seed: int) -> tuple[int, list[str]]:
    from copymodel import build_copy_package
    from test_batch import outputs, write_articles

    chance = random.Random(seed)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        models = root / "models"
        package = build_copy_package(root / "packages", "de", "en")
        localise = [sys.executable, "-m", "localise"]
        subprocess.run([*localise, "models", "install", str(package), "--models-dir",
                        str(models)], check=True, capture_output=True)  # fmt: skip
        articles = root / "in"
        write_articles(articles, 300)
        before = {p: p.read_bytes() for p in articles.rglob("*") if p.is_file()}

        def command(out: Path, jobs: str) -> list[str]:
            return [*localise, "translate", str(articles), "--to", "en-GB", "--out", str(out),
                    "--models-dir", str(models), "--offline", "--jobs", jobs]  # fmt: skip

        subprocess.run(command(root / "reference", "1"), check=True, capture_output=True)
        out = root / "out"
        survived = 0
        for _ in range(count):
            process = subprocess.Popen(
                command(out, chance.choice(["1", "2"])),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            time.sleep(chance.uniform(0.3, 4.0))
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            survived += 1
        done = subprocess.run(command(out, "2"), capture_output=True, text=True)
        if done.returncode != 0:
            problems.append(f"the final run failed: {done.stderr[-300:]}")
        texts = {k: v for k, v in outputs(out).items() if k.endswith(".txt")}
        reference = {k: v for k, v in outputs(root / "reference").items() if k.endswith(".txt")}
        if texts != reference:
            problems.append(f"{len(set(texts.items()) ^ set(reference.items()))} outputs differ")
        if list(out.rglob("*.tmp")):
            problems.append("temporary files left")
        with sqlite3.connect(out / "_localise" / "state.sqlite") as db:
            if db.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                problems.append("the state database is damaged")
        if {p: p.read_bytes() for p in articles.rglob("*") if p.is_file()} != before:
            problems.append("an input changed")
    return survived, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="fuzzing time")
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs of the batch")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slow", type=float, default=5.0, help="seconds that count as a hang")
    parser.add_argument("--keep", type=Path, default=Path("soak-findings"))
    options = parser.parse_args()
    started = time.monotonic()
    tried, fuzz_problems = fuzz(options.minutes, options.seed, options.slow, options.keep)
    survived, kill_problems = kills(options.kills, options.seed)
    print(f"{'target':<28}{'inputs tried':>14}")
    for suffix, count in sorted(tried.items()):
        print(f"{'read + analyse ' + suffix:<28}{count:>14}")
    print(f"{'all readers':<28}{sum(tried.values()):>14}")
    crashes = sum(p.startswith("crash") for p in fuzz_problems)
    print(f"\ncrashes: {crashes}   hangs (> {options.slow:g} s): {len(fuzz_problems) - crashes}")
    for problem in Counter(fuzz_problems).most_common(10):
        print(f"  {problem[1]:>4} × {problem[0]}")
    print(f"kills survived: {survived - bool(kill_problems)}/{survived}")
    for problem in kill_problems:
        print(f"  {problem}")
    print(f"\n{time.monotonic() - started:.0f} s, seed {options.seed}")
    return 1 if fuzz_problems or kill_problems else 0


if __name__ == "__main__":
    sys.exit(main())
