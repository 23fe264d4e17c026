"""Everything localise writes for the bundled examples, in one folder, to compare two versions.

    python benchmarks/snapshot_examples.py --models MODELS_DIR OUT_DIR
    python benchmarks/snapshot_examples.py --compare OUT_BEFORE OUT_AFTER [--ignore signature]

Runs the CLI (a fresh process each time, as a user would) over ``examples/`` and a few
English and Russian articles written here, into five target locales (de→en-GB, de→en-US,
de→ru-RU through the English pivot, de→de-CH and de→de-DE without an engine; en→ru-RU,
en→de-DE, ru→en-GB), with and without ``--keep-boilerplate``, plus ``inspect --json`` and
``detect --json``. The run summaries' timings are the only figures that differ between two
runs; they are replaced by 0. ``MODELS_DIR`` holds the copy packages de→en, en→ru, en→de and
ru→en (``--build`` builds and installs them there first).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

ENGLISH = (
    "Belarus, Uzbekistan sign trade deal\n\n"
    "MINSK, 14 January (BelTA) – Aleksandr Lukashenko met Shavkat Mirziyoyev on 14 January "
    "2025. Trade rose by 12.5% to $1.2 billion in January-November 2024.\n\n"
    "MAZ plans to deliver 300 buses from 1 to 5 March; the contract is worth 45 million "
    'euros. "We will reach $2 billion by 2030," Lukashenko said at 12:30.\n'
)
RUSSIAN = (
    "Беларусь и Казахстан расширяют торговлю\n\n"
    "МИНСК, 14 января (БЕЛТА) – Александр Лукашенко провел переговоры 14 января 2025 года. "
    "В январе-ноябре 2024 года товарооборот вырос на 10,7% и составил $1,1 млрд.\n\n"
    "МАЗ поставит 300 автобусов с 1 по 5 марта, сумма контракта – 45 млн евро. "
    "В 2023 году экспорт составил 879 тыс. т.\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, nargs="+", help="folder for the snapshot (emptied)")
    parser.add_argument("--models", type=Path, help="folder of copy packages")
    parser.add_argument("--build", action="store_true", help="build the copy packages first")
    parser.add_argument("--compare", action="store_true", help="compare two snapshots")
    parser.add_argument("--ignore", action="append", default=[], metavar="KEY")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.out, ignore=args.ignore))
    if args.models is None or len(args.out) != 1:
        parser.error("give --models MODELS_DIR and one OUT_DIR")
    args.out = args.out[0]
    if args.build:
        build_models(args.models)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs"
        shutil.copytree(REPO / "examples", inputs / "de")
        (inputs / "en").mkdir()
        (inputs / "en" / "trade.txt").write_text(ENGLISH, encoding="utf-8")
        (inputs / "ru").mkdir()
        (inputs / "ru" / "trade.txt").write_text(RUSSIAN, encoding="utf-8")
        models = ["--models-dir", str(args.models), "--offline", "--jobs", "1", "-q"]
        german = ["--to", "en-GB", "--to", "en-US", "--to", "ru-RU", "--to", "de-CH"]
        runs = {
            "de": [str(inputs / "de"), *german, "--to", "de-DE"],
            "de-boilerplate": [str(inputs / "de"), "--to", "en-GB", "--keep-boilerplate"],
            "en": [str(inputs / "en"), "--to", "ru-RU", "--to", "de-DE", "--to", "en-US"],
            "ru": [str(inputs / "ru"), "--to", "en-GB", "--to", "ru-RU"],
        }
        for name, arguments in runs.items():
            out = args.out / "translate" / name
            _localise("translate", *arguments, "--out", str(out), *models, cwd=Path(tmp))
            _zero_timings(out / "_localise" / "summary.json")
            (out / "_localise" / "state.sqlite").unlink()
            for report in out.rglob("*.json"):
                text = _portable(report.read_text(encoding="utf-8"), tmp, args.out)
                report.write_text(text, encoding="utf-8")
        files = sorted(str(p) for p in inputs.rglob("*") if p.is_file())
        for command in ("inspect", "detect"):
            printed = _localise(command, "--json", *files, cwd=Path(tmp))
            printed = _portable(printed, tmp, args.out)
            (args.out / f"{command}.jsonl").write_text(printed, encoding="utf-8")
    count = sum(1 for p in args.out.rglob("*") if p.is_file())
    print(f"{count} files in {args.out}")


def compare(before: Path, after: Path, *, ignore: list[str]) -> int:
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    differ = []
    for name in sorted(names):
        first, second = before / name, after / name
        if not (first.is_file() and second.is_file()):
            differ.append(f"only in one: {name}")
        elif first.read_bytes() != second.read_bytes() and not _equal_but(first, second, ignore):
            differ.append(f"differs: {name}")
    print(
        "\n".join(differ)
        or f"{len(names)} files identical" + (f" (ignoring {', '.join(ignore)})" if ignore else "")
    )
    return 1 if differ else 0


def _equal_but(first: Path, second: Path, keys: list[str]) -> bool:
    if first.suffix != ".json" or not keys:
        return False
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    if not (isinstance(a, dict) and isinstance(b, dict)):
        return False
    return {k: v for k, v in a.items() if k not in keys} == {
        k: v for k, v in b.items() if k not in keys
    }


def build_models(folder: Path) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from copymodel import build_copy_package  # the tests' builder, outside the wheel
    from localise.engine.packages import install_package_file

    with tempfile.TemporaryDirectory() as tmp:
        for source, target in (("de", "en"), ("en", "ru"), ("en", "de"), ("ru", "en")):
            install_package_file(build_copy_package(Path(tmp), source, target), folder)


def _localise(*arguments: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "localise", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode not in (0, 1):
        sys.exit(f"localise {' '.join(arguments)} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def _portable(text: str, tmp: str, out: Path) -> str:
    """The text without what differs between two checkouts and runs: where they are."""
    return (
        text.replace(str(out.resolve()), "<out>")
        .replace(str(out), "<out>")
        .replace(tmp, "<tmp>")
        .replace(str(REPO), "<repo>")
    )


def _zero_timings(path: Path) -> None:
    summary = json.loads(path.read_text(encoding="utf-8"))
    summary["seconds"] = 0
    summary["stages"] = dict.fromkeys(summary["stages"], 0)
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
