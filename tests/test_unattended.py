"""Unattended runs: signals, exit codes, nothing silent, standard input, dry runs, locks,
defects that fail one article, outputs that stay inside --out, a full disk."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from localise import Config
from localise.batch import Batch
from localise.cli import main
from support import run_unprivileged
from test_batch import en_gb, outputs, write_articles

ARTICLE = "MINSK, 14. März (BelTA) – Die Ausfuhr stieg im Jahr 2023 um 5 Prozent.\n"


def cli(*args: str, models: Path | None = None, stdin: str | None = None) -> tuple[int, str]:
    extra = ["--models-dir", str(models), "--offline"] if models is not None else []
    result = CliRunner().invoke(main, [*args, *extra], input=stdin)
    return result.exit_code, result.output


def command(articles: Path, out: Path, models: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "localise", "translate", str(articles), "--to", "en-GB",
            "--out", str(out), "--models-dir", str(models), "--offline",
            "--no-bundled-glossary", *options]  # fmt: skip


# -- exit codes ------------------------------------------------------------------------------


def test_usage_errors_exit_2(tmp_path: Path, models_dir: Path) -> None:
    articles = tmp_path / "in"
    write_articles(articles, 2)
    cases = [
        (["translate", str(tmp_path / "missing"), "--to", "en-GB", "--out", "o"], "no such file"),
        (["translate", str(articles), "--to", "en-GB", "--from", "xx", "--out", "o"], "'xx'"),
        (["translate", str(articles), "--to", "xx-YY", "--out", "o"], "unknown locale"),
        (["translate", str(articles), "--to", "en-GB", "--out", str(articles)], "is the input"),
        (
            ["translate", str(articles), "--to", "en-GB", "--out", str(articles / "o")],
            "is inside the input folder",
        ),
        (["translate", str(articles), "--to", "en-GB", "--out", "o", "--max-size", "x"], "size"),
        (["translate", "-", "--to", "en-GB", "--out", "o"], "leave out --out"),
    ]
    for args, message in cases:
        code, output = cli(*args, models=models_dir)
        assert code == 2, (args, output)
        assert message in output
    assert not (articles / "o").exists()


def test_a_folder_without_articles_is_an_error(tmp_path: Path, models_dir: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, output = cli(
        "translate", str(tmp_path / "empty"), "--to", "en-GB", "--out", str(tmp_path / "o"),
        models=models_dir,
    )  # fmt: skip
    assert code == 1
    assert f"no articles found in {tmp_path / 'empty'}" in output


# -- nothing silent --------------------------------------------------------------------------


def test_files_not_read_are_listed_and_strict_fails_them(tmp_path: Path, models_dir: Path) -> None:
    articles = tmp_path / "in"
    write_articles(articles, 2)
    (articles / "memo.docx").write_bytes(b"PK\x03\x04")
    (articles / "huge.txt").write_text(ARTICLE * 2000, encoding="utf-8")
    os.mkfifo(articles / "pipe.txt")  # opening it would block the run forever
    args = ["translate", str(articles), "--to", "en-GB", "--out", str(tmp_path / "o")]
    code, output = cli(*args, "--max-size", "50k", models=models_dir)
    assert code == 0, output
    assert f"not read: {articles / 'memo.docx'}: unsupported file type '.docx'" in output
    assert f"not read: {articles / 'huge.txt'}: too large (148 kB; the limit is 50 kB" in output
    assert f"not read: {articles / 'pipe.txt'}: a FIFO: not read" in output
    assert "2 ok, 0 with warnings, 0 failed, 0 unchanged, 3 not read" in output
    summary = json.loads((tmp_path / "o/_localise/summary.json").read_text())
    assert summary["counts"]["unsupported"] == 3
    code, output = cli(*args, "--max-size", "50k", "--strict", "--force", models=models_dir)
    assert code == 1
    assert f"error: {articles / 'memo.docx'}: unsupported file type" in output


def test_another_runs_output_folder_is_never_read(tmp_path: Path, models_dir: Path) -> None:
    articles = tmp_path / "in"
    write_articles(articles, 2)
    Batch(en_gb(models_dir), articles / "old-run").run([articles / "region-0"]).close()
    list(Batch(en_gb(models_dir), articles / "old-run").run([articles / "region-0"]))
    assert (articles / "old-run/_localise/state.sqlite").is_file()
    code, output = cli(
        "translate", str(articles), "--to", "en-GB", "--out", str(tmp_path / "o"),
        models=models_dir,
    )  # fmt: skip
    assert code == 0, output
    assert "the output folder of another localise run" in output
    assert not (tmp_path / "o/old-run").exists()
    assert "empty article" not in output


# -- permissions, as an ordinary user -------------------------------------------------------


def test_the_harness_reads_permissions_as_an_ordinary_user(tmp_path: Path) -> None:
    # Without this, the permission tests below would pass or fail by who runs them.
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    secret.chmod(0o000)
    try:
        result = run_unprivileged("detect", str(secret))
    finally:
        secret.chmod(0o644)
    assert result.returncode == 2
    assert f"Path '{secret}' is not readable" in result.stderr


def test_unreadable_files_and_folders_fail_alone(tmp_path: Path, models_dir: Path) -> None:
    articles, out = tmp_path / "in", tmp_path / "o"
    paths = write_articles(articles, 3)
    secret, locked = articles / "secret.txt", articles / "locked"
    secret.write_text(ARTICLE, encoding="utf-8")
    locked.mkdir()
    (locked / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    args = [*command(articles, out, models_dir)[3:], "--jobs", "1"]
    secret.chmod(0o000)
    locked.chmod(0o000)
    try:
        dry = run_unprivileged(*args, "--dry-run")
        dry_wrote = out.exists()
        result = run_unprivileged(*args)
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)
    assert f"fail\t{secret}\tcannot read: Permission denied\n" in dry.stdout
    assert (
        f"fail\t{locked}\tcannot list this folder (Permission denied); the articles in it are "
        "not translated\n"
    ) in dry.stdout
    assert "3 do, 2 fail" in dry.stderr
    assert not dry_wrote
    assert result.returncode == 1, result.stderr
    assert f"localise: error: {secret}: cannot read: Permission denied\n" in result.stderr
    assert f"localise: error: {locked}: cannot list this folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert "5 articles: 3 ok, 0 with warnings, 2 failed" in result.stderr
    written = [p.relative_to(out) for p in out.rglob("*.txt") if "_localise" not in p.parts]
    assert sorted(written) == sorted(p.relative_to(articles) for p in paths)
    summary = json.loads((out / "_localise/summary.json").read_text())
    assert summary["counts"]["failed"] == 2


def test_a_read_only_output_folder_is_one_line(tmp_path: Path, models_dir: Path) -> None:
    articles, out = tmp_path / "in", tmp_path / "o"
    write_articles(articles, 1)
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run_unprivileged(*command(articles, out, models_dir)[3:])
    finally:
        out.chmod(0o755)
    assert (result.returncode, result.stderr) == (
        1,
        f"localise: error: {out}: cannot write into the output folder (Permission denied); "
        "choose a folder you can write to with --out\n",
    )
    assert list(out.iterdir()) == []


# -- a large folder ----------------------------------------------------------------------------


def test_a_folder_of_ten_thousand_files(tmp_path: Path, models_dir: Path) -> None:
    # Scale, not speed (benchmarks/bench_folder.py times it): every file is found, planned and
    # listed once, in order, and the run ends; the subprocess's timeout only guards a hang.
    articles, out = tmp_path / "in", tmp_path / "o"
    names = [f"d{n % 100:02}/a{n:05}.txt" for n in range(10_000)]
    for number, name in enumerate(names):
        path = articles / name
        path.parent.mkdir(exist_ok=True, parents=True)
        path.write_text(f"MINSK, {1 + number % 28}. März (BelTA) – Die Ausfuhr stieg um "
                        f"{number} Prozent.\n", encoding="utf-8")  # fmt: skip
    args = command(articles, out, models_dir)
    dry = subprocess.run([*args, "--dry-run"], capture_output=True, text=True, timeout=300)
    assert dry.returncode == 0, dry.stderr
    rows = dry.stdout.splitlines()
    assert rows == [f"do\ten-GB\t{articles / name}\tnew" for name in sorted(names)]
    assert dry.stderr == "10000 do\n"
    # The same number of files, all but ten of another type: each is listed, the ten translated.
    for name in names[10:]:
        (articles / name).rename((articles / name).with_suffix(".jpg"))
    result = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    # The terminal gets the first few; the summary has every one.
    assert result.stderr.count("localise: not read: ") == 20
    assert f"  ... and 9970 more in {out / '_localise/summary.json'}\n" in result.stderr
    summary = json.loads((out / "_localise/summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["unsupported"] == 9_990
    assert summary["not_read"][-1] == {
        "path": str(articles / "d99/a09999.jpg"),
        "reason": "unsupported file type '.jpg'; localise reads .htm, .html, .json, .markdown, "
        ".md, .txt",
    }
    assert len(summary["not_read"]) == 9_990
    assert "10 ok, 0 with warnings, 0 failed, 0 unchanged, 9990 not read" in result.stderr
    assert len([p for p in out.rglob("*.txt") if "_localise" not in p.parts]) == 10


# -- standard input and dry runs -------------------------------------------------------------


def test_standard_input_to_standard_output(models_dir: Path) -> None:
    code, output = cli("translate", "-", "--to", "en-GB", "--from", "de", models=models_dir,
                       stdin=ARTICLE)  # fmt: skip
    assert code == 0
    assert output.startswith("MINSK, 14 March (BelTA) – ")
    page = "<html><body><p>MINSK, 14. März (BelTA) – Die Ausfuhr stieg.</p></body></html>"
    code, output = cli("translate", "-", "--to", "en-GB", "--from", "de", "--format", "html",
                       models=models_dir, stdin=page)  # fmt: skip
    assert code == 0
    assert "<p>MINSK, 14 March (BelTA) – Die Ausfuhr stieg.</p>" in output


def test_a_dry_run_says_what_would_be_done_and_writes_nothing(
    tmp_path: Path, models_dir: Path
) -> None:
    articles, out = tmp_path / "in", tmp_path / "o"
    paths = write_articles(articles, 3)
    (articles / "memo.docx").write_bytes(b"PK")
    args = ["translate", str(articles), "--to", "en-GB", "--out", str(out), "--dry-run"]
    code, output = cli(*args, models=models_dir)
    assert code == 0
    assert not out.exists()
    assert f"do\ten-GB\t{paths[0]}\tnew" in output
    assert f"unsupported\t{articles / 'memo.docx'}\tunsupported file type" in output
    cli(*args[:-1], models=models_dir)
    paths[1].write_text(ARTICLE, encoding="utf-8")
    before = sorted(p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file())
    code, output = cli(*args, models=models_dir)
    assert f"skip\ten-GB\t{paths[0]}\tunchanged" in output
    assert f"do\ten-GB\t{paths[1]}\tinput changed" in output
    assert sorted(p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()) == before


# -- locks -----------------------------------------------------------------------------------


def test_a_busy_output_folder_says_who_holds_it(tmp_path: Path, models_dir: Path) -> None:
    from localise.batch.state import State

    articles, out = tmp_path / "in", tmp_path / "o"
    write_articles(articles, 2)
    with State.open(out / "_localise"):
        code, output = cli("translate", str(articles), "--to", "en-GB", "--out", str(out),
                           models=models_dir)  # fmt: skip
    assert code == 1
    assert f"another localise run (pid {os.getpid()}, since " in output
    assert "pass --wait" in output


# -- signals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_run_cleanly(
    tmp_path: Path, models_dir: Path, signum: int, code: int
) -> None:
    articles, out = tmp_path / "in", tmp_path / "o"
    write_articles(articles, 400)
    process = subprocess.Popen(
        command(articles, out, models_dir, "--jobs", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_as_a_shell_starts_it,
    )
    deadline = time.monotonic() + 60
    while len(list(out.rglob("article-*.txt"))) < 5 and time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before it could be stopped"
        time.sleep(0.01)
    # As a terminal's Ctrl-C (or a supervisor) does: to the whole process group.
    os.killpg(process.pid, signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert "Traceback" not in stderr, stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("localise: interrupted: ") and "run the same command again" in last
    assert _gone(process.pid), stderr
    assert list(out.rglob("*.tmp")) == []
    resumed = subprocess.run(command(articles, out, models_dir), capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    finished = int(last.split(": ")[2].split()[0])
    summary = json.loads((out / "_localise/summary.json").read_text())
    assert summary["counts"]["skipped"] >= finished > 0, (last, summary["counts"])


def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path, models_dir: Path) -> None:
    articles, out = tmp_path / "in", tmp_path / "o"
    write_articles(articles, 400)
    process = subprocess.Popen(
        command(articles, out, models_dir, "--jobs", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(_processes_in_group(process.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(_processes_in_group(process.pid)) >= 3  # main, two workers (and a tracker)
    process.kill()
    process.wait()
    assert _gone(process.pid)


def _as_a_shell_starts_it() -> None:  # pragma: no cover - runs in the child, before exec
    # A library loaded earlier in this test process (Ray's, in tests/test_ray.py) may leave
    # SIGINT ignored or blocked at the C level, and a child inherits both; a shell or a
    # scheduler starts the command with the defaults.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _gone(group: int, seconds: float = 10) -> bool:
    """Whether every process of the group has exited within ``seconds``."""
    deadline = time.monotonic() + seconds
    while _processes_in_group(group) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _processes_in_group(group) == []


def _processes_in_group(group: int) -> list[str]:
    listing = subprocess.run(["ps", "-eo", "pid=,pgid=,stat=,args="], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    return [
        line
        for line in listing.splitlines()
        if line.split()[1] == str(group) and not line.split()[2].startswith("Z")
    ]


def test_killed_at_random_points_the_run_still_completes(tmp_path: Path, models_dir: Path) -> None:
    articles = tmp_path / "in"
    write_articles(articles, 120)
    list(Batch(en_gb(models_dir), tmp_path / "reference").run([articles]))
    before = {p: p.read_bytes() for p in articles.rglob("*") if p.is_file()}
    out = tmp_path / "o"
    chance = random.Random(20261201)
    for _ in range(5):
        process = subprocess.Popen(
            command(articles, out, models_dir, "--jobs", "1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.5, 2.5))
        process.kill()
        process.wait()
    done = subprocess.run(command(articles, out, models_dir), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert {k: v for k, v in outputs(out).items() if k.endswith(".txt")} == {
        k: v for k, v in outputs(tmp_path / "reference").items() if k.endswith(".txt")
    }
    assert list(out.rglob("*.tmp")) == []
    with sqlite3.connect(out / "_localise/state.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (120,)
    assert {p: p.read_bytes() for p in articles.rglob("*") if p.is_file()} == before


# -- defects, unsafe paths, full disks -------------------------------------------------------


def test_a_defect_fails_its_article_alone_with_its_traceback_saved(
    tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from localise.pipeline import Pipeline

    articles = tmp_path / "in"
    paths = write_articles(articles, 4)
    paths[1].write_text("BOOM. " + ARTICLE, encoding="utf-8")
    analyse = Pipeline.analyse

    def broken(self: Pipeline, doc: object) -> object:
        if "BOOM" in doc.text:  # type: ignore[attr-defined]
            raise ValueError("a defect\nsecond line")
        return analyse(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "analyse", broken)
    outcomes = list(Batch(en_gb(models_dir), tmp_path / "o", jobs=1).run([articles]))
    failed = [o for o in outcomes if o.status == "failed"]
    assert [o.item.path for o in failed] == [paths[1]]
    assert failed[0].error is not None
    assert failed[0].error.startswith("internal error: ValueError: a defect (traceback in ")
    trace = Path(failed[0].error.split("traceback in ")[1].split(";")[0])
    assert "raise ValueError" in trace.read_text()
    assert sum(o.status == "ok" for o in outcomes) == 3


def test_outputs_never_leave_the_output_folder(tmp_path: Path, models_dir: Path) -> None:
    articles, out, elsewhere = tmp_path / "in", tmp_path / "o", tmp_path / "elsewhere"
    write_articles(articles, 4)
    (articles / "_localise").mkdir()
    (articles / "_localise" / "reports.txt").write_text(ARTICLE, encoding="utf-8")
    elsewhere.mkdir()
    out.mkdir()
    (out / "region-1").symlink_to(elsewhere, target_is_directory=True)
    outcomes = list(Batch(en_gb(models_dir), out, jobs=1).run([articles]))
    errors = {o.item.relative.as_posix(): o.error for o in outcomes if o.status == "failed"}
    assert "the run's own state folder" in (errors.pop("_localise/reports.txt") or "")
    assert set(errors) == {"region-1/article-001.txt", "region-1/article-003.txt"}
    assert all("localise does not follow it" in (e or "") for e in errors.values())
    assert list(elsewhere.iterdir()) == []
    assert not (out / "_localise" / "reports.txt").exists()


def test_outputs_follow_the_umask(tmp_path: Path, models_dir: Path) -> None:
    articles, out = tmp_path / "in", tmp_path / "o"
    write_articles(articles, 1)
    previous = os.umask(0o022)
    try:
        list(Batch(en_gb(models_dir), out).run([articles]))
    finally:
        os.umask(previous)
    output = next(out.rglob("article-000.txt"))
    report = next(out.rglob("article-000.txt.json"))
    assert output.stat().st_mode & 0o777 == 0o644
    assert report.stat().st_mode & 0o777 == 0o644


def test_a_full_disk_stops_the_run_and_keeps_what_was_written(
    tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import localise.batch.run as run_module

    articles, out = tmp_path / "in", tmp_path / "o"
    write_articles(articles, 10)
    written: list[Path] = []
    write = run_module.write_atomic

    def filling(path: Path, data: str | bytes) -> None:
        if len(written) >= 6:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        write(path, data)
        written.append(path)

    monkeypatch.setattr(run_module, "write_atomic", filling)
    code, output = cli("translate", str(articles), "--to", "en-GB", "--out", str(out),
                       "--jobs", "1", models=models_dir)  # fmt: skip
    assert code == 1
    assert output.strip().splitlines()[-1].startswith(f"localise: error: {out}: cannot write: ")
    assert "No space left on device" in output and "run the same command again" in output
    with sqlite3.connect(out / "_localise/state.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        recorded = [row[0] for row in db.execute("SELECT output FROM articles")]
    assert len(recorded) == 3  # an output and its report each
    assert all((out / relative).is_file() for relative in recorded)


def test_terminal_output_escapes_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "news\x1b[2J\x07.txt"
    path.write_text("Die Ausfuhr stieg im Januar um fünf Prozent, meldet Minsk.\n", "utf-8")
    code, output = cli("detect", str(path))
    assert code == 0, output
    assert "\x1b" not in output and "\x07" not in output
    assert "news\\x1b[2J\\x07.txt\tde" in output
    code, output = cli("detect", str(tmp_path / "gone\x1b[31m.txt"))
    assert code == 1
    assert "gone\\x1b[31m.txt: no such file or folder" in output


def test_a_library_batch_takes_the_same_limits() -> None:
    from localise.errors import ConfigError

    with pytest.raises(ConfigError, match="size limit must be at least 1 byte"):
        Batch(Config(("en-GB",)), "out", max_size=0)


def test_a_defect_in_a_command_is_one_line_and_a_saved_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import localise.files

    def broken(*_args: object, **_options: object) -> None:
        raise ValueError("a defect\nwith a second line")

    monkeypatch.setattr(localise.files, "detect_file", broken)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, output = cli("detect", str(path))
    assert code == 1
    [line] = output.strip().splitlines()
    assert line.startswith("localise: internal error: ValueError: a defect (a defect; please ")
    trace = Path(line.split("traceback in ")[1].rstrip(")"))
    assert "raise ValueError" in trace.read_text()
    trace.unlink()


def test_a_missing_glossary_fails_when_the_pipeline_is_built(tmp_path: Path) -> None:
    from localise import Pipeline
    from localise.errors import GlossaryError

    with pytest.raises(GlossaryError, match=r"none\.tsv: no such glossary file; check the path"):
        Pipeline(Config(("en-GB",), glossaries=(tmp_path / "none.tsv",)))
