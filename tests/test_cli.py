"""The command line through CliRunner: exit codes, messages, files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from copymodel import write_package_index
from localise.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _translate(runner: CliRunner, path: object, target: str, out: object, models: object) -> Result:
    """``localise translate PATH --to TARGET --out OUT`` offline with the given models."""
    args = ["translate", str(path), "--to", target, "--out", str(out), "--models-dir", str(models)]
    return runner.invoke(main, [*args, "--offline"])


def test_models_install_list_remove(
    runner: CliRunner, tmp_path: Path, package_files: dict[str, Path]
) -> None:
    models = tmp_path / "models"
    result = runner.invoke(
        main, ["models", "install", str(package_files["de-en"]), "--models-dir", str(models)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"installed translate-de_en 1.0 into {models / 'translate-de_en-1_0'}\n"
    result = runner.invoke(main, ["models", "list", "--models-dir", str(models)])
    assert result.output == f"de→en\ttranslate-de_en 1.0\t{models / 'translate-de_en-1_0'}\n"
    result = runner.invoke(main, ["models", "remove", "de", "en", "--models-dir", str(models)])
    assert (result.exit_code, result.output) == (0, f"removed translate-de_en 1.0 from {models}\n")
    result = runner.invoke(main, ["models", "list", "--models-dir", str(models)])
    assert result.output.startswith(f"no models installed in {models}; install one with")


def test_models_dir_from_environment(
    runner: CliRunner, tmp_path: Path, package_files: dict[str, Path]
) -> None:
    models = tmp_path / "env-models"
    env = {"LOCALISE_MODELS_DIR": str(models)}
    assert (
        runner.invoke(main, ["models", "install", str(package_files["en-ru"])], env=env).exit_code
        == 0
    )
    assert runner.invoke(main, ["models", "list"], env=env).output.startswith("en→ru\t")


def test_models_install_from_file_index(
    runner: CliRunner, tmp_path: Path, package_files: dict[str, Path]
) -> None:
    index = write_package_index(
        tmp_path / "index", [package_files["de-en"], package_files["en-ru"]]
    )
    models = tmp_path / "models"
    result = runner.invoke(
        main,
        ["models", "install", "de", "ru", "--models-dir", str(models)],
        env={"ARGOS_PACKAGE_INDEX": index.parent.as_uri() + "/"},
    )
    assert result.exit_code == 0, result.output
    listed = runner.invoke(main, ["models", "list", "--models-dir", str(models)]).output
    assert [line.split("\t")[0] for line in listed.splitlines()] == ["de→en", "en→ru"]


def test_models_install_refuses_a_corrupt_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip")
    result = runner.invoke(
        main, ["models", "install", str(bad), "--models-dir", str(tmp_path / "m")]
    )
    assert result.exit_code == 1
    assert (
        result.output == f"localise: error: {bad}: not a valid Argos package: not a zip archive\n"
    )


def test_models_install_offline_index(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main,
        [
            "models",
            "install",
            "de",
            "en",
            "--models-dir",
            str(tmp_path / "m"),
            "--index",
            (tmp_path / "missing").as_uri(),
        ],
    )
    assert result.exit_code == 1
    assert result.output.startswith("localise: error: cannot fetch the package index")


def test_models_install_usage(runner: CliRunner) -> None:
    result = runner.invoke(main, ["models", "install", "a", "b", "c"])
    assert result.exit_code == 2
    assert "give one .argosmodel file, or two language codes such as `de en`" in result.output


def test_translate_folder(
    runner: CliRunner, tmp_path: Path, articles: Path, models_dir: Path
) -> None:
    before = {p: p.read_bytes() for p in articles.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    result = _translate(runner, str(articles), "en-GB", str(out), str(models_dir))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in articles.glob("*.txt"))
    assert sorted(p.name for p in out.glob("*.txt")) == names
    for name in names:
        report = json.loads((out / "_localise" / "reports" / f"{name}.json").read_text())
        assert report["language"]["source"] == "de"
        assert report["engine"] == "translate-de_en 1.0 (cpu, auto)"
    summary = json.loads((out / "_localise" / "summary.json").read_text())
    assert summary["counts"] == {
        "ok": len(names),
        "warning": 0,
        "failed": 0,
        "skipped": 0,
        "unsupported": 0,
    }
    assert f"{len(names)} articles: {len(names)} ok" in result.output
    # Again: the inputs are untouched, the outputs the same, and nothing was redone.
    first = {p: p.read_bytes() for p in out.rglob("*.txt")}
    again = _translate(runner, str(articles), "en-GB", str(out), str(models_dir))
    assert again.exit_code == 0, again.output
    assert f"{len(names)} articles: 0 ok, 0 with warnings, 0 failed, {len(names)} unchanged" in (
        again.output
    )
    assert {p: p.read_bytes() for p in articles.rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in out.rglob("*.txt")} == first


def test_translate_a_bad_file_fails_alone(
    runner: CliRunner, tmp_path: Path, articles: Path, models_dir: Path
) -> None:
    (articles / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    (articles / "latin1.txt").write_bytes("Stra\xdfe".encode("latin-1"))
    out = tmp_path / "out"
    result = _translate(runner, str(articles), "en-GB", str(out), str(models_dir))
    assert result.exit_code == 1
    assert (
        f"localise: error: {articles / 'latin1.txt'}: not valid UTF-8 text (bad byte at offset 4);"
        " save the file as UTF-8" in result.output
    )
    assert "3 ok" in result.output and "2 failed" in result.output
    assert len(list(out.glob("*.txt"))) == 3


def test_translate_missing_model_offline(runner: CliRunner, tmp_path: Path, articles: Path) -> None:
    result = _translate(
        runner,
        str(articles / "agrar-export.txt"),
        "ru-RU",
        str(tmp_path / "out"),
        str(tmp_path / "none"),
    )
    assert result.exit_code == 1
    assert "no de→ru model installed" in result.output
    assert "run `localise models install de ru`" in result.output


def test_translate_installs_a_missing_pair_from_the_index(
    runner: CliRunner, tmp_path: Path, articles: Path, package_files: dict[str, Path]
) -> None:
    index = write_package_index(tmp_path / "index", [package_files["de-en"]])
    models = tmp_path / "models"
    result = runner.invoke(
        main,
        [
            "translate",
            str(articles / "agrar-export.txt"),
            "--to",
            "en-US",
            "--models-dir",
            str(models),
        ],
        env={"ARGOS_PACKAGE_INDEX": index.parent.as_uri()},
    )
    assert result.exit_code == 0, result.output
    assert "no de→en model installed; installing it from" in result.stderr
    assert "Belarus" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["translate", "x.txt", "--to", "xx-YY"], "unknown locale 'xx-YY'"),
        (["translate", "x.txt"], "Missing option '--to'"),
        (["translate", ".", "--to", "en-GB"], "several inputs, a folder, several --to locales"),
        (
            ["translate", "x.txt", "--to", "en", "--beam-size", "0"],
            "0 is not in the range 1<=x<=16",
        ),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output


def test_detect(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    english.write_text(
        "The president said on Tuesday that exports to Kazakhstan had grown strongly."
    )
    paths = [str(articles / "agrar-export.txt"), str(english)]
    result = runner.invoke(main, ["detect", "--no-blocks", *paths])
    assert result.exit_code == 0
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert [(line[0], line[1]) for line in lines] == [(paths[0], "de"), (paths[1], "en")]


def test_detect_prints_each_block(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Alle Nachrichten\n"
        "Belarus steigert Exporte nach Kasachstan deutlich\n\n"
        "MINSK, 3. März (BelTA) – Belarus hat im Februar mehr Lastwagen nach Kasachstan "
        "geliefert als je zuvor, teilte das Ministerium mit.\n\n"
        "„We are very satisfied with the quality of the trucks we have received“, said the buyer.\n"
    )
    result = runner.invoke(main, ["detect", str(page), "--to", "en-GB"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{page}\tde\t")
    blocks = [line.split("\t") for line in lines[1:]]
    assert [(b[1], b[2]) for b in blocks] == [
        ("boilerplate", "de"),
        ("title", "de"),
        ("lead", "de"),
        ("quote", "en"),
    ]
    assert blocks[2][4] == "translate"
    assert blocks[3][4].startswith("keep (already in the target language")
    found = runner.invoke(main, ["detect", "--json", str(page)]).output
    assert json.loads(found)["blocks"][3]["lang"] == "en"


def test_detect_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["detect", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.output == f"localise: error: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "localise", "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "Translate and localise news-agency articles offline." in out.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty article: nothing to translate"),
        ("blank.txt", b"  \n\n", "empty article: nothing to translate"),
        (
            "digits.txt",
            b"12345 678\n",
            "cannot tell the language of a text without words; "
            "pass --from LANG (source= in the library)",
        ),
        (
            "bad.md",
            b"---\ntitle: [unclosed\n---\nText\n",
            "front matter is not valid YAML (expected ',' or ']', but got '<stream end>' at line 3)"
            "; fix the lines between the '---' fences",
        ),
        ("broken.json", b"{broken", "not valid JSON"),
        ("notes.docx", b"PK", "unsupported file type '.docx'"),
    ],
)
def test_a_bad_file_gets_one_clear_line(
    runner: CliRunner, tmp_path: Path, models_dir: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = _translate(runner, str(path), "en-GB", str(tmp_path / "out"), str(models_dir))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("localise: error")]
    assert len(errors) == 1
    assert errors[0].startswith(f"localise: error: {path}: {message}")
    assert "Traceback" not in result.output


def test_article_date_fills_the_years_an_article_leaves_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "meldung.txt"
    path.write_text(
        "MINSK, 14. Januar (BelTA) – Die Ernte wurde am 28. Dezember abgeschlossen, "
        "teilte das Ministerium mit.\n"
    )

    def dates(*options: str) -> list[str]:
        result = runner.invoke(main, ["inspect", "--json", *options, str(path)])
        assert result.exit_code == 0, result.output
        return [d["value"] for d in json.loads(result.output)["dates"]]

    assert dates() == ["--01-14", "--12-28"]
    assert dates("--article-date", "2025-01-14") == ["2025-01-14", "2024-12-28"]
    bad = runner.invoke(main, ["inspect", "--article-date", "14.01.2025", str(path)])
    assert bad.exit_code == 2
