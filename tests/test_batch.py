"""Batch runs: discovery, incremental re-runs, memory, workers, crash safety, several targets."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from localise import Config, ModelsConfig, Pipeline
from localise.batch import Batch, BatchRun, Outcome, Progress, discover
from localise.cli import main
from localise.engine import ArgosEngines, Engine, EngineFactory
from localise.errors import ConfigError
from support import config

GLOSSARY_HEADER = "id\tkind\tde\ten\tru\n"

TEMPLATE = (
    "MINSK, {day}. März (BelTA) – Die Ausfuhr von {good} stieg im Jahr 2023 um {rate} Prozent.\n"
    "Der Umsatz erreichte {amount} Millionen Euro, teilte das Ministerium in Minsk mit.\n"
    "Artikel {number}: die Agentur berichtet täglich über die Landwirtschaft.\n"
)
GOODS = ("Milch", "Butter", "Käse", "Fleisch", "Getreide", "Zucker", "Flachs")


def write_articles(folder: Path, count: int, *, first: int = 0) -> list[Path]:
    """Distinct German articles from a template, spread over two subfolders."""
    paths = []
    for number in range(first, first + count):
        path = folder / f"region-{number % 2}" / f"article-{number:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            TEMPLATE.format(
                day=1 + number % 28,
                good=GOODS[number % len(GOODS)],
                rate=number % 40 + 1,
                amount=100 + number,
                number=number,
            ),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def run(
    configured: Config, paths: Sequence[Path], out: Path, **options: object
) -> tuple[list[Outcome], BatchRun]:
    batch_run = Batch(configured, out, **options).run(paths)  # type: ignore[arg-type]
    return list(batch_run), batch_run


def statuses(outcomes: Sequence[Outcome]) -> dict[str, str]:
    return {f"{o.item.relative.as_posix()}@{o.target}": o.status for o in outcomes}


def outputs(out: Path) -> dict[str, bytes]:
    """Every output and report, with the output folder's own path taken out of the reports."""
    files = {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and (path.suffix == ".txt" or "/reports/" in relative):
            files[relative] = path.read_bytes().replace(str(out).encode(), b"OUT")
    return files


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    write_articles(folder, 12)
    return folder


def en_gb(models_dir: Path, **options: object) -> Config:
    return config("en-GB", models_dir, **options)  # type: ignore[arg-type]


def test_a_rerun_skips_everything_unchanged(tmp_path: Path, many: Path, models_dir: Path) -> None:
    out = tmp_path / "out"
    first, _ = run(en_gb(models_dir), [many], out)
    assert set(statuses(first).values()) == {"ok"} and len(first) == 12
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")}
    second, batch_run = run(en_gb(models_dir), [many], out)
    assert set(statuses(second).values()) == {"skipped"}
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")} == written
    assert batch_run.summary is not None
    assert batch_run.summary.counts == {
        "ok": 0,
        "warning": 0,
        "failed": 0,
        "skipped": 12,
        "unsupported": 0,
    }
    assert batch_run.summary.segments["translated"] == 0


def test_a_changed_file_is_redone_alone(tmp_path: Path, many: Path, models_dir: Path) -> None:
    out = tmp_path / "out"
    run(en_gb(models_dir), [many], out)
    changed = many / "region-1" / "article-003.txt"
    changed.write_text(changed.read_text() + "Ein neuer Satz über Minsk.\n", encoding="utf-8")
    outcomes, batch_run = run(en_gb(models_dir), [many], out)
    redone = [key for key, status in statuses(outcomes).items() if status != "skipped"]
    assert redone == ["region-1/article-003.txt@en-GB"]
    assert (out / "region-1" / "article-003.txt").read_text().endswith("über Minsk.\n")
    # Only the new sentence reached the engine; the others came from the memory.
    assert batch_run.summary is not None
    assert batch_run.summary.segments["translated"] == 1


def test_force_redoes_everything_from_the_memory(
    tmp_path: Path, many: Path, models_dir: Path
) -> None:
    out = tmp_path / "out"
    run(en_gb(models_dir), [many], out)
    outcomes, batch_run = run(en_gb(models_dir), [many], out, force=True)
    assert set(statuses(outcomes).values()) == {"ok"}
    assert batch_run.summary is not None
    assert batch_run.summary.segments["translated"] == 0
    assert batch_run.summary.segments["memory"] == batch_run.summary.segments["unique"]


def test_a_changed_glossary_redoes_the_articles_and_translates_what_it_changed(
    tmp_path: Path, many: Path, models_dir: Path
) -> None:
    glossary = tmp_path / "names.tsv"
    glossary.write_text(GLOSSARY_HEADER + "minsk\tplace\tMinsk\tMinsk\tМинск\n", encoding="utf-8")
    out = tmp_path / "out"
    run(en_gb(models_dir, glossaries=[glossary]), [many], out)
    glossary.write_text(
        GLOSSARY_HEADER + "minsk\tplace\tMinsk\tMinsk City\tМинск\n", encoding="utf-8"
    )
    outcomes, batch_run = run(en_gb(models_dir, glossaries=[glossary]), [many], out)
    assert set(statuses(outcomes).values()) == {"ok"}
    assert "MINSK CITY, " in (out / "region-0" / "article-000.txt").read_text()
    # Each article has two segments naming Minsk (the dateline and the second sentence):
    # those are new engine inputs; the rest came from the memory.
    assert batch_run.summary is not None
    assert batch_run.summary.segments["translated"] == 2 * 12


def test_a_changed_option_redoes_everything(tmp_path: Path, many: Path, models_dir: Path) -> None:
    out = tmp_path / "out"
    run(en_gb(models_dir), [many], out)
    outcomes, batch_run = run(en_gb(models_dir, beam_size=2), [many], out)
    assert set(statuses(outcomes).values()) == {"ok"}
    assert batch_run.summary is not None and batch_run.summary.segments["memory"] == 0


def test_a_new_model_version_redoes_its_pair(tmp_path: Path, many: Path, models_dir: Path) -> None:
    from copymodel import build_copy_package
    from localise.engine.packages import install_package_file, remove_package

    out = tmp_path / "out"
    run(en_gb(models_dir), [many], out)
    remove_package(models_dir, "de", "en")
    install_package_file(
        build_copy_package(tmp_path / "v2", "de", "en", package_version="1.1"), models_dir
    )
    outcomes, _ = run(en_gb(models_dir), [many], out)
    assert set(statuses(outcomes).values()) == {"ok"}
    report = json.loads((out / "_localise/reports/region-0/article-000.txt.json").read_text())
    assert report["engine"] == "translate-de_en 1.1 (cpu, auto)"


def test_jobs_1_and_2_give_identical_outputs(tmp_path: Path, many: Path, models_dir: Path) -> None:
    extra = write_articles(tmp_path / "extra", 30, first=100)
    one, _ = run(en_gb(models_dir), [many, extra[0].parent.parent], tmp_path / "one", jobs=1)
    two, batch_run = run(
        en_gb(models_dir), [many, extra[0].parent.parent], tmp_path / "two", jobs=2
    )
    assert batch_run.summary is not None and batch_run.summary.jobs == 2
    assert statuses(one) == statuses(two)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert len(outputs(tmp_path / "one")) == 2 * 42


def test_two_targets_analyse_each_article_once(
    tmp_path: Path, many: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from localise.stages.detect import LanguageDetector

    detected: list[str] = []
    detect = LanguageDetector.detect
    monkeypatch.setattr(
        LanguageDetector, "detect", lambda self, text: detected.append(text) or detect(self, text)
    )
    out = tmp_path / "out"
    outcomes, batch_run = run(config(("en-GB", "de-CH"), models_dir), [many], out, jobs=1)
    assert len(detected) == 12
    assert sorted({o.target for o in outcomes}) == ["de-CH", "en-GB"]
    assert set(statuses(outcomes).values()) == {"ok"}
    swiss = (out / "de-CH" / "region-0" / "article-000.txt").read_text()
    assert "100 Millionen Euro" in swiss and swiss.startswith("MINSK, 1. März")
    english = (out / "en-GB" / "region-0" / "article-000.txt").read_text()
    assert english.startswith("MINSK, 1 March")
    # Same content as a single-target run into en-GB alone.
    run(en_gb(models_dir), [many], tmp_path / "single")
    assert english == (tmp_path / "single" / "region-0" / "article-000.txt").read_text()
    assert (out / "_localise/reports/de-CH/region-0/article-000.txt.json").is_file()
    assert batch_run.summary is not None and batch_run.summary.targets == ("en-GB", "de-CH")


def test_a_bad_file_fails_alone_with_workers(tmp_path: Path, many: Path, models_dir: Path) -> None:
    (many / "region-0" / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    (many / "region-1" / "latin1.txt").write_bytes("Stra\xdfe".encode("latin-1"))
    result = CliRunner().invoke(
        main,
        ["translate", str(many), "--to", "en-GB", "--out", str(tmp_path / "out"),
         "--models-dir", str(models_dir), "--offline", "--jobs", "2"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "12 articles" not in result.output
    assert "14 articles: 12 ok, 0 with warnings, 2 failed, 0 unchanged" in result.output
    latin1 = many / "region-1" / "latin1.txt"
    assert (
        f"localise: error: {latin1}: not valid UTF-8 text (bad byte at offset 4); "
        f"save the file as UTF-8" in result.output
    )
    assert len(list((tmp_path / "out").rglob("article-*.txt"))) == 12


def test_fail_on_warning(tmp_path: Path) -> None:
    # Two glossaries that disagree: every report warns about the conflict.
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_text("id\tkind\tde\ten\nminsk\tplace\tMinsk\tMinsk\n", encoding="utf-8")
    second.write_text("id\tkind\tde\ten\nm2\tplace\tMinsk\tMinsk City\n", encoding="utf-8")
    write_articles(tmp_path / "in", 2)
    args = ["translate", str(tmp_path / "in"), "--to", "de-CH", "--out", str(tmp_path / "out"),
            "--no-bundled-glossary", "--glossary", str(first),
            "--glossary", str(second)]  # fmt: skip
    lenient = CliRunner().invoke(main, args)
    assert lenient.exit_code == 0, lenient.output
    assert "2 articles: 0 ok, 2 with warnings, 0 failed, 0 unchanged" in lenient.output
    assert "localise: warning: " in lenient.output and "glossary conflict: 'Minsk'" in (
        lenient.output
    )
    strict = CliRunner().invoke(main, [*args, "--fail-on", "warning"])
    assert strict.exit_code == 1, strict.output
    assert "localise: 2 unchanged outputs had warnings in an earlier run" in strict.output


def test_discovery_globs_hidden_files_output_folder_and_links(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write_articles(root, 4)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "a.txt").write_text("x")
    (root / ".b.txt").write_text("x")
    (root / "drafts").mkdir()
    (root / "drafts" / "d.txt").write_text("x")
    (root / "notes.md5").write_text("x")
    (root / "out" / "old.txt").parent.mkdir()
    (root / "out" / "old.txt").write_text("x")
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    (root / "link.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "drafts" / "d.txt")
    items, failures = discover([root], skip=root / "out", exclude=["drafts"])
    assert [(o.item.relative.as_posix(), o.status) for o in failures] == [
        ("notes.md5", "unsupported")
    ]
    assert [i.relative.as_posix() for i in items] == [
        "inside.txt",
        "region-0/article-000.txt",
        "region-0/article-002.txt",
        "region-1/article-001.txt",
        "region-1/article-003.txt",
    ]
    items, _ = discover([root], include=["region-1/*"])
    assert [i.relative.as_posix() for i in items] == [
        "region-1/article-001.txt",
        "region-1/article-003.txt",
    ]
    items, _ = discover([root], include=["*-002.txt"], exclude=["region-1"])
    assert [i.relative.as_posix() for i in items] == ["region-0/article-002.txt"]


def test_progress_callback_and_summary_file(tmp_path: Path, many: Path, models_dir: Path) -> None:
    seen: list[Progress] = []
    out = tmp_path / "out"
    run(en_gb(models_dir), [many], out, progress=seen.append)
    assert [p.done for p in seen] == list(range(1, 13))
    assert seen[-1].articles == 12 and seen[-1].segments == 36 and seen[-1].translated == 36
    summary = json.loads((out / "_localise" / "summary.json").read_text())
    assert summary["counts"] == {
        "ok": 12,
        "warning": 0,
        "failed": 0,
        "skipped": 0,
        "unsupported": 0,
    }
    assert set(summary["stages"]) == {"scan", "analyse", "translate", "write"}
    assert summary["segments"] == {"total": 36, "unique": 36, "memory": 0, "translated": 36}
    assert summary["signature"]["target"] == "en-GB"
    assert summary["signature"]["glossary"] == Pipeline(en_gb(models_dir)).glossary.fingerprint


def test_missing_model_fails_its_articles_or_is_downloaded_when_allowed(
    tmp_path: Path, many: Path, package_files: dict[str, Path]
) -> None:
    from copymodel import write_package_index

    models = tmp_path / "models"
    outcomes, _ = run(en_gb(models), [many], tmp_path / "out")
    assert {o.status for o in outcomes} == {"failed"}
    assert outcomes[0].error is not None and "no de→en model installed" in outcomes[0].error

    index = write_package_index(tmp_path / "index", [package_files["de-en"]])
    allowed = ModelsConfig(folder=models, index=index.parent.as_uri(), download=True)
    outcomes, _ = run(Config(("en-GB",), models=allowed), [many], tmp_path / "out")
    assert {o.status for o in outcomes} == {"ok"}
    assert [p.name for p in models.iterdir()] == ["translate-de_en-1_0"]


@pytest.mark.parametrize(
    ("targets", "options", "message"),
    [
        (("en-GB", "en-GB"), {}, "each target locale once, please: got en-GB, en-GB"),
        (("en-GB",), {"jobs": 0}, "jobs must be 1 or more, got 0"),
    ],
)
def test_batch_configuration_errors(
    tmp_path: Path, targets: tuple[str, ...], options: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        Batch(Config(targets), tmp_path, **options)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_a_killed_run_resumes_and_completes(tmp_path: Path, models_dir: Path) -> None:
    articles = tmp_path / "articles"
    write_articles(articles, 150)
    run(en_gb(models_dir), [articles], tmp_path / "reference")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "localise", "translate", str(articles), "--to", "en-GB",
               "--out", str(out), "--models-dir", str(models_dir), "--offline", "--jobs", "1",
               "--no-bundled-glossary"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(out.rglob("article-*.txt")) and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    written = len(list(out.rglob("article-*.txt")))
    assert 0 < written < 150
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert " unchanged; summary in" in resumed.stderr
    summary = json.loads((out / "_localise" / "summary.json").read_text())
    assert summary["counts"]["ok"] + summary["counts"]["skipped"] == 150
    assert summary["counts"]["skipped"] >= written - 1
    texts = {k: v for k, v in outputs(out).items() if k.endswith(".txt")}
    assert texts == {k: v for k, v in outputs(tmp_path / "reference").items() if k.endswith(".txt")}
    assert [p.name for p in out.rglob("*.tmp")] == []


def test_outputs_stream_from_the_first_article(tmp_path: Path, models_dir: Path) -> None:
    articles = tmp_path / "articles"
    write_articles(articles, 40)
    out = tmp_path / "out"
    engines = _Counting(ArgosEngines(ModelsConfig(models_dir)))
    batch_run = Batch(en_gb(models_dir), out, jobs=1, engines=engines).run([articles])
    first = next(batch_run)
    # The first article is written and recorded while most of the run is still ahead:
    # only the first window's segments (4 articles of 3) have been translated.
    assert first.status == "ok" and first.output is not None and first.output.is_file()
    assert engines.translated <= 4 * 3
    # Stopped after N articles (Ctrl-C in the command line), the next run keeps those N.
    done = [first, next(batch_run), next(batch_run)]
    batch_run.close()
    outcomes, _ = run(en_gb(models_dir), [articles], out)
    kept = {o.item.relative for o in outcomes if o.status == "skipped"}
    assert kept == {o.item.relative for o in done}


def test_outputs_do_not_depend_on_the_windows(
    tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import localise.batch.run as batch_module

    articles = tmp_path / "articles"
    write_articles(articles, 30)
    # Articles sharing segments across windows: the memory must give the same outputs.
    write_articles(tmp_path / "articles" / "again", 10)
    run(en_gb(models_dir), [articles], tmp_path / "wide")
    monkeypatch.setattr(batch_module, "FIRST_WINDOW", 1)
    monkeypatch.setattr(batch_module, "WINDOW", 3)
    assert list(batch_module.windows(7)) == [(0, 1), (1, 3), (3, 6), (6, 7)]
    run(en_gb(models_dir), [articles], tmp_path / "narrow", jobs=2)
    assert outputs(tmp_path / "narrow") == outputs(tmp_path / "wide")


class _Counting:
    """An engine factory that counts the segments its engines translate."""

    def __init__(self, inner: EngineFactory) -> None:
        self.inner = inner
        self.translated = 0

    def describe(self, pair: tuple[str, str]) -> str:
        return self.inner.describe(pair)

    def load(self, pair: tuple[str, str]) -> Engine:
        engine, factory = self.inner.load(pair), self

        class Counted:
            description = engine.description

            def translate(self, segments: Sequence[str]) -> list[str]:
                factory.translated += len(segments)
                return engine.translate(segments)

        return Counted()
