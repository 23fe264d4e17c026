"""The configuration is one frozen tree: every field reaches workers and every report."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from localise import (
    Config,
    ConfigError,
    EngineConfig,
    FormatOptions,
    ModelsConfig,
    Pipeline,
    Style,
    StyleRules,
)
from localise.batch import workers
from localise.cli import main
from localise.config import output_key, signature_of

GLOSSARY = "id\tkind\tde\ten\nminsk\tplace\tMinsk\tMinsk\n"


def everything_set(tmp_path: Path) -> Config:
    """A configuration whose every field differs from its default."""
    glossary = tmp_path / "names.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return Config(
        targets=("de-CH", "en-US"),
        source="de",
        glossaries=(glossary,),
        article_date=date(2025, 3, 1),
        models=ModelsConfig(folder=tmp_path / "models", index="file:///index/", download=True),
        engine=EngineConfig(
            beam_size=2, threads=1, batch_size=8, device="cpu", compute_type="int8"
        ),
        formats=FormatOptions(
            keep_boilerplate=True,
            boilerplate=("Startseite",),
            fields=("title",),
            front_matter_fields=("summary",),
        ),
        style=Style("house", (("de", StyleRules(percent="word", clock="dot")),)),
    )


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted field name, value) for every field of a dataclass tree."""
    for field in dataclasses.fields(value):
        child = getattr(value, field.name)
        name = f"{path}{field.name}"
        if dataclasses.is_dataclass(child):
            yield from leaves(child, name + ".")
        else:
            yield name, child


def test_the_test_configuration_sets_every_field(tmp_path: Path) -> None:
    # A new field fails here until the tests below carry it too.
    defaults = dict(leaves(Config(("en-GB",))))
    changed = dict(leaves(everything_set(tmp_path)))
    assert changed.keys() == defaults.keys()
    assert [name for name in changed if changed[name] == defaults[name]] == []


def _config_in_worker() -> Config:
    return workers._process_worker[0].pipeline.config


def test_a_worker_rebuilds_the_pipeline_from_the_whole_configuration(tmp_path: Path) -> None:
    config = everything_set(tmp_path)
    with ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=workers._start_worker,
        initargs=(config, None, os.getpid()),
    ) as pool:
        rebuilt = pool.submit(_config_in_worker).result(timeout=60)
    assert rebuilt == config
    assert dict(leaves(rebuilt)) == dict(leaves(config))


def test_the_signature_records_every_field(tmp_path: Path) -> None:
    config = everything_set(tmp_path)
    report = Pipeline(config).localise("Der Handel mit Minsk wächst.", "de-CH").report
    signature = json.loads(json.dumps(report.to_json()["signature"]))
    recorded = signature["config"]
    for name, value in leaves(config):
        node = recorded
        for part in name.split("."):
            node = node[part]
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):
            continue  # a nested record (the style's rules): compared whole below
        expected = [str(v) for v in value] if isinstance(value, tuple) else value
        expected = str(expected) if isinstance(value, (Path, date)) else expected
        assert node == expected, name
    assert recorded == json.loads(json.dumps(signature_of(config)))
    assert recorded["style"]["rules"][0][1]["percent"] == "word"
    assert signature["target"] == "de-CH"
    assert signature["glossary"] == Pipeline(config).glossary.fingerprint


def test_only_fields_that_decide_an_output_are_compared_by_reruns(tmp_path: Path) -> None:
    config = everything_set(tmp_path)
    moved = dataclasses.replace(
        config,
        targets=("de-CH",),
        models=ModelsConfig(folder=tmp_path / "elsewhere"),
        engine=dataclasses.replace(config.engine, threads=4, batch_size=16),
    )
    assert output_key(moved) == output_key(config)
    assert signature_of(moved) != signature_of(config)
    wider = dataclasses.replace(config, engine=dataclasses.replace(config.engine, beam_size=5))
    assert output_key(wider) != output_key(config)


def test_the_command_line_builds_the_same_configuration(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Der Handel mit Minsk wächst am 1. März weiter.\n", encoding="utf-8")
    glossary = tmp_path / "names.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["translate", str(article), "--to", "de-CH", "--from", "de", "--out", str(out),
         "--no-bundled-glossary", "--glossary", str(glossary), "--article-date", "2025-03-01",
         "--models-dir", str(tmp_path / "models"), "--index", "file:///index/",
         "--beam-size", "2", "--threads", "1", "--device", "cpu", "--compute-type", "int8",
         "--keep-boilerplate", "--fields", "title",
         "--front-matter-fields", "summary"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads((out / "_localise" / "reports" / "a.txt.json").read_text())
    recorded = report["signature"]["config"]
    assert recorded["source"] == "de" and recorded["article_date"] == "2025-03-01"
    assert recorded["glossaries"] == [str(glossary)]
    assert recorded["models"] == {
        "folder": str(tmp_path / "models"),
        "index": "file:///index/",
        "download": True,
    }
    assert recorded["engine"] == {
        "beam_size": 2,
        "threads": 1,
        "batch_size": 2048,
        "device": "cpu",
        "compute_type": "int8",
    }
    assert recorded["formats"]["keep_boilerplate"] is True
    assert recorded["formats"]["fields"] == ["title"]
    assert recorded["formats"]["front_matter_fields"] == ["summary"]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Config(()), "at least one target locale, please (--to en-GB)"),
        (lambda: Config(("en-GB", "en-GB")), "each target locale once, please: got en-GB, en-GB"),
        (lambda: Config(("xx-YY",)), "unknown locale 'xx-YY'; use a CLDR locale such as en-GB"),
        (lambda: Config(("en-GB",), source="deutsch"), "source language must be an ISO 639"),
        (lambda: EngineConfig(beam_size=0), "beam size must be between 1 and 16, got 0"),
        (lambda: Config(("en-GB", "de-CH")).target(), "this configuration has several targets"),
        (lambda: Config(("en-GB",)).target("ru-RU"), "'ru-RU' is not a target"),
    ],
)
def test_bad_configurations_say_what_to_do(build: Any, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build()
    assert str(caught.value).startswith(message)
