"""``localise glossary check`` and ``localise glossary suggest`` through CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from localise.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_check_clean_glossary(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("id\tkind\tde\ten\nminsk\tplace\tMinsk\tMinsk\n", encoding="utf-8")
    result = runner.invoke(main, ["glossary", "check", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "1 file: 0 errors, 0 warnings\n",
    )


def test_check_reports_errors_with_line_and_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        "id\tkind\tde\ten\nmog\tplace\tMogiljow\t\nx\tthing\tX\tX\nbrest\tplace\tBrest\tBrest\n",
        "utf-8",
    )
    result = runner.invoke(main, ["glossary", "check", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:2: warning: 'mog' has no en form; the source form will be kept there (mark it "
        "dnt if that is meant) [empty-cell]",
        f"{path}:3: error: unknown kind 'thing'; expected person, organisation, place or other "
        "[kind]",
    ]
    assert result.stderr == "1 file: 1 error, 1 warning\n"


def test_check_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text("<martif>", encoding="utf-8")
    result = runner.invoke(main, ["glossary", "check", str(path)])
    assert (result.exit_code, result.stdout) == (
        1,
        f"{path}:1: error: not well-formed XML: no element found [unreadable]\n",
    )


def test_suggest_writes_rows_to_fill_in(runner: CliRunner, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Der Gouverneur Wiktor Petrenko traf Lukaschenko in Minsk. Danach sprach Petrenko "
        "über Lieferungen von Tranzitmasch.",
        encoding="utf-8",
    )
    out = tmp_path / "new.tsv"
    result = runner.invoke(
        main, ["glossary", "suggest", str(articles), "--lang", "de", "-o", str(out)]
    )
    assert (result.exit_code, result.stderr) == (0, "3 names not in the glossary\n")
    rows = [line.split("\t")[:4] for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [
        ["id", "kind", "dnt", "de"],
        ["", "", "", "Petrenko"],
        ["", "", "", "Tranzitmasch"],
        ["", "person", "", "Wiktor Petrenko"],
    ]


def test_suggest_with_a_broken_glossary_is_a_one_line_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("kind\tde\npersn\tX\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text", encoding="utf-8")
    result = runner.invoke(
        main,
        ["glossary", "suggest", str(tmp_path / "a.txt"), "--lang", "de", "--glossary", str(bad)],
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"localise: error: {bad}:2: unknown kind 'persn'; expected person, organisation, "
        "place or other\n",
    )


def test_check_asks_for_case_forms_the_rules_cannot_make(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        "id\tkind\ten\tru\tru_cases\nmozyr\tplace\tMozyr\tМозырь\tgen=Мозыря\n"
        "pinsk\tplace\tPinsk\tПинск\t\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["glossary", "check", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{path}:2: warning: 'Мозырь' (ru): the rules cannot tell the gender of 'Мозырь' "
        "(masculine 'Мозырем' or feminine 'Мозырью'), so its dat, ins, prep forms are guesses; "
        "add them as ru_cases = dat=Мозырю|ins=Мозырем|prep=Мозыре (the rules' guess: check "
        "it) [inflection]\n",
        "1 file: 0 errors, 1 warning\n",
    )
