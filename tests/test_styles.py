"""House styles: what a desk decides, in profiles that ship and in an agency's own file."""

# Cyrillic words here are data, not look-alike typos.

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from localise import ConfigError, Style
from localise.cli import main
from localise.doc import Doc
from localise.stages.entities import EntityRecogniser
from localise.stages.render import EntityRenderer
from localise.styles import load_style, parse_style, profile_names

TEXT = (
    "Am 14. Januar 2025 tagte er. Um 13.18 Uhr: $1,1 bis $1,2 Milliarden, 5,5 Prozent, "
    "4,7 Milliarden belarussische Rubel in Minsk."
)


def rendered(locale: str, style: Style | None) -> list[str | None]:
    doc = EntityRecogniser("de")(Doc(TEXT, lang="de", article_date=date(2025, 1, 20)))
    return [s.rendering for s in EntityRenderer(locale, style)(doc).spans]


@pytest.mark.parametrize(
    ("profile", "locale", "expected"),
    [
        (None, "en-GB", ["14 January 2025", "at 13:18", "$1.1–1.2 billion", "5.5%",
                         "4.7 billion Belarusian roubles"]),
        ("ap", "en-US", ["Jan. 14, 2025", "at 1:18 p.m.", "$1.1 billion to $1.2 billion", "5.5%",
                         "4.7 billion Belarusian rubles"]),
        ("reuters", "en-GB", ["14 January 2025", "at 1:18 p.m.", "$1.1 billion to $1.2 billion",
                              "5.5%", "4.7 billion Belarusian roubles"]),
        ("belta", "en-GB", ["14 January 2025", "at 13:18", "$1.1–1.2 billion", "5.5%",
                            "Br4.7 billion"]),
        ("dpa", "de-DE", ["14. Januar 2025", "um 13.18 Uhr", "1,1 bis 1,2 Milliarden US-Dollar",
                          "5,5 Prozent", "4,7 Milliarden belarussische Rubel"]),
        (None, "ru-RU", ["14 января 2025\u202fгода", "в 13:18", "1,1–1,2 млрд долларов США",
                         "5,5%", "4,7 млрд белорусских рублей"]),
    ],
)  # fmt: skip
def test_profiles(profile: str | None, locale: str, expected: list[str]) -> None:
    style = load_style(profile) if profile else None
    assert rendered(locale, style) == expected


def test_the_profiles_that_ship() -> None:
    assert profile_names() == ["ap", "belta", "dpa", "reuters", "tass"]


def test_an_agencys_own_file(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text(
        'name = "desk"\n[en]\nsymbols = { USD = "US$" }\nscale = "short"\npercent = "word"\n'
        '[ru]\nyear = "abbreviation"\n',
        encoding="utf-8",
    )
    style = load_style(path)
    assert style.name == "desk"
    assert rendered("en-GB", style)[2:] == [
        "US$1.1–1.2 bn",
        "5.5 per cent",
        "4.7 bn Belarusian roubles",
    ]
    assert rendered("ru-RU", style)[0] == "14 января 2025\u202fг."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[en]\npercent = 'words'\n", "x.toml: [en] percent = 'words'; use one of 'sign', 'tight'"),
        ("[en]\ncolour = 'red'\n", "x.toml: [en] 'colour' is not a style rule; rules: currency"),
        ("[en\n", "x.toml: not valid TOML"),
        ("en = 3\n", "x.toml: 'en' must be a table of rules, like [en]"),
    ],
)
def test_a_bad_style_file_says_what_to_write(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_style(text, where="x.toml")
    assert str(caught.value).startswith(message)


def test_the_command_line_takes_a_style(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Der Handel wuchs am 14. Januar 2025 um 5,5 Prozent.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", str(article), "--to", "en-US", "--style", "ap"])
    assert result.exit_code == 0, result.output
    assert "'Jan. 14, 2025'" in result.output
    unknown = CliRunner().invoke(main, ["inspect", str(article), "--style", "bild"])
    assert unknown.exit_code == 2
    assert "no style 'bild': give one of ap, belta, dpa, reuters, tass" in unknown.output
