"""JSON exports: the configured fields translated, every other byte kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from localise import FormatOptions, InputError, localise_file
from localise.files import read_article
from support import make_pipeline

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "formats" / "milch-export.json"


def test_fields_of_an_array_of_articles() -> None:
    doc = read_article(EXAMPLE).doc
    assert [(b.kind, doc.text[b.start : b.end][:20]) for b in doc.blocks][:4] == [
        ("title", "Belarus exportiert m"),
        ("lead", "MINSK, 5. März (BelT"),
        ("paragraph", "Nach Angaben des Lan"),
        ("paragraph", "Der wichtigste Abneh"),
    ]


@pytest.mark.parametrize("fields", [("title",), ("title", "lead", "body"), ("tags",)])
def test_round_trip_same_language_keeps_other_fields(
    tmp_path: Path, models_dir: Path, fields: tuple[str, ...]
) -> None:
    path = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    pipeline = make_pipeline("de-DE", models_dir, formats=FormatOptions(fields=fields))
    result = localise_file(pipeline, path)
    source, output = json.loads(EXAMPLE.read_text(encoding="utf-8")), json.loads(result.text)
    for before, after in zip(source, output, strict=True):
        assert {k: v for k, v in before.items() if k not in fields} == {
            k: v for k, v in after.items() if k not in fields
        }
    untouched = [
        line
        for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
        if '"id"' in line or '"url"' in line
    ]
    assert all(line in result.text for line in untouched)


def test_changed_value_is_reencoded_in_place(tmp_path: Path, models_dir: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        '{"id": 1,  "title": "Export steigt um 4,2 %", '
        '"body": "Der Handel w\\u00e4chst weiter stark."}',
        encoding="utf-8",
    )
    result = localise_file(make_pipeline("en-GB", models_dir), path)
    assert result.text.startswith('{"id": 1,  "title": "Export steigt um 4.2%", "body": ')
    assert json.loads(result.text)["body"] == "Der Handel wächst weiter stark."


def test_invalid_json_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"title": ', encoding="utf-8")
    with pytest.raises(
        InputError, match=r"a\.json: not valid JSON \(Expecting value at line 1, column 11\); fix"
    ):
        read_article(path)
