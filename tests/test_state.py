"""The state database: records, translation memory, locking, unusable files."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from localise.batch.state import EngineKey, Record, State
from localise.errors import StateError

KEY = EngineKey("de-en", "translate-de_en 1.0", "beam_size=4")


def record(relative: str, target: str = "en-GB", content: str = "c1") -> Record:
    return Record(
        relative, target, f"/in/{relative}", content, "cfg", "de-en", "e", "ok", 0, relative
    )


def test_records_round_trip_and_replace(tmp_path: Path) -> None:
    with State.open(tmp_path) as state:
        state.record([record("a.txt"), record("b.txt")])
        state.record([record("a.txt", content="c2")])
    with State.open(tmp_path) as state:
        records = state.records()
    assert sorted(records) == [("a.txt", "en-GB"), ("b.txt", "en-GB")]
    assert records["a.txt", "en-GB"].content_hash == "c2"


def test_the_database_is_in_wal_mode(tmp_path: Path) -> None:
    State.open(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / "state.sqlite")) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_memory_recalls_by_pair_engine_and_options(tmp_path: Path) -> None:
    with State.open(tmp_path) as state:
        state.remember(KEY, {"Guten Tag.": "Good day.", "Danke.": "Thanks."})
        assert state.recall(KEY, ["Danke.", "Bitte."]) == {"Danke.": "Thanks."}
        other_model = EngineKey("de-en", "translate-de_en 1.1", "beam_size=4")
        other_beam = EngineKey("de-en", "translate-de_en 1.0", "beam_size=2")
        assert state.recall(other_model, ["Danke."]) == {}
        assert state.recall(other_beam, ["Danke."]) == {}
    with closing(sqlite3.connect(tmp_path / "state.sqlite")) as db:
        assert db.execute("SELECT count(*) FROM memory").fetchone() == (2,)


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    with State.open(tmp_path / "_localise"), pytest.raises(StateError) as caught:
        State.open(tmp_path / "_localise")
    holder = f"(pid {os.getpid()}, since "
    assert str(caught.value).startswith(f"{tmp_path}: another localise run {holder}")
    assert str(caught.value).endswith(
        ") is writing into this output folder; wait for it to finish (or pass --wait), or use "
        "another --out folder"
    )


def test_an_unusable_file_names_the_fix(tmp_path: Path) -> None:
    (tmp_path / "state.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StateError) as caught:
        State.open(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'state.sqlite'}: not a usable state database")
    assert str(caught.value).endswith("delete it to start afresh")


def test_another_schema_version_is_refused(tmp_path: Path) -> None:
    State.open(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / "state.sqlite")) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
        db.commit()
    with pytest.raises(StateError, match=r"schema 99, this one reads 1\); delete it"):
        State.open(tmp_path)
