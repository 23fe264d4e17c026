"""The state of batch runs into one output folder: what was done, and the translation memory.

One SQLite database, ``OUT/_localise/state.sqlite``, in WAL mode, opened by the main process
only (workers return results; the main process writes files, then the database):

* ``articles`` — per output (input path relative to its root, target locale): the content hash
  of the input, the configuration hash, the engine that translated it and the status. A row is
  written only after the output file is in place, so a killed run resumes where it stopped.
* ``memory`` — the translation memory: the engine's raw output for an engine input segment,
  keyed by language pair, engine (package names and versions) and decoding options. The input
  segment carries the glossary's and the renderer's target forms (they replace the source
  text before translation), so a glossary change misses the memory exactly for the segments
  it changes.

A lock file keeps two runs from writing into the same output folder at once.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from ..errors import StateError

FILENAME = "state.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    relative TEXT NOT NULL,
    target TEXT NOT NULL,
    source_path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    pair TEXT,
    engine TEXT,
    status TEXT NOT NULL,
    warnings INTEGER NOT NULL,
    output TEXT NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (relative, target)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS memory (
    pair TEXT NOT NULL,
    engine TEXT NOT NULL,
    options TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    PRIMARY KEY (pair, engine, options, source)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Record:
    """What the last run that finished an output recorded about it."""

    relative: str
    target: str
    source_path: str
    content_hash: str
    config_hash: str
    pair: str | None
    engine: str | None
    status: str
    warnings: int
    output: str


@dataclass(frozen=True)
class EngineKey:
    """What a translation memory entry depends on besides its source segment."""

    pair: str
    engine: str
    options: str


class State:
    """The state database of one output folder; use as a context manager.

    >>> with State.open(Path("out")) as state:  # doctest: +SKIP
    ...     state.record(...)
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, lock: IO[bytes] | None) -> None:
        self._db = connection
        self.path = path
        self._lock = lock

    @classmethod
    def read_only(cls, folder: Path) -> dict[tuple[str, str], Record]:
        """The records of an output folder, read without the lock and without creating or
        changing anything (``--dry-run``); none when the folder has no state yet."""
        path = folder / FILENAME
        if not path.is_file():
            return {}
        try:
            # immutable: no lock, and no -wal or -shm file created beside the database.
            uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
            connection = sqlite3.connect(uri, uri=True)
            try:
                return cls(connection, path, None).records()
            finally:
                connection.close()
        except sqlite3.Error as exc:
            raise StateError(path, f"not a usable state database ({exc})") from exc

    @classmethod
    def open(cls, folder: Path, *, wait: bool = False) -> State:
        """Open (creating it if needed) the database in ``folder``, holding its lock (or
        waiting for it, with ``wait``)."""
        path = folder / FILENAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            lock = _lock(folder / "lock", wait)
        except OSError as exc:
            raise StateError(
                folder.parent,
                f"cannot write into the output folder ({exc.strerror or exc}); choose a "
                f"folder you can write to with --out",
            ) from exc
        try:
            connection = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            if lock is not None:
                lock.close()
            raise StateError(path, f"cannot open the state database ({exc})") from exc
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            # WAL with NORMAL survives a killed process; only a power cut may lose the last
            # commits, which the next run then redoes.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.executescript(_SCHEMA)
            row = connection.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                connection.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                raise StateError(
                    path,
                    f"written by another localise version (schema {row[0]}, this one reads "
                    f"{SCHEMA_VERSION}); delete it to start afresh (every article is redone)",
                )
        except BaseException as exc:
            connection.close()
            if lock is not None:
                lock.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise StateError(
                    path, f"not a usable state database ({exc}); delete it to start afresh"
                ) from exc
            raise
        return cls(connection, path, lock)

    def __enter__(self) -> State:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def records(self) -> dict[tuple[str, str], Record]:
        """Every recorded output, by (relative path, target)."""
        rows = self._db.execute(
            "SELECT relative, target, source_path, content_hash, config_hash, pair, engine, "
            "status, warnings, output FROM articles"
        )
        return {(row[0], row[1]): Record(*row) for row in rows}

    def record(self, records: Iterable[Record]) -> None:
        """Record finished outputs (call only once their files are in place)."""
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.relative,
                        r.target,
                        r.source_path,
                        r.content_hash,
                        r.config_hash,
                        r.pair,
                        r.engine,
                        r.status,
                        r.warnings,
                        r.output,
                        now,
                    )
                    for r in records
                ],
            )

    def recall(self, key: EngineKey, sources: Sequence[str]) -> dict[str, str]:
        """The remembered translations of those ``sources`` that the memory holds."""
        found: dict[str, str] = {}
        query = (
            "SELECT translation FROM memory WHERE pair = ? AND engine = ? AND options = ? "
            "AND source = ?"
        )
        for source in sources:
            row = self._db.execute(query, (key.pair, key.engine, key.options, source)).fetchone()
            if row is not None:
                found[source] = row[0]
        return found

    def remember(self, key: EngineKey, translations: Mapping[str, str]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO memory VALUES (?, ?, ?, ?, ?)",
                [
                    (key.pair, key.engine, key.options, source, translation)
                    for source, translation in translations.items()
                ],
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def _lock(path: Path, wait: bool = False) -> IO[bytes] | None:
    """Hold the output folder's lock; the lock file says who holds it (pid, since when)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, concurrent runs into one folder are unsafe
        return None
    handle = path.open("a+b")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        holder = _holder(path)
        if not wait:
            handle.close()
            raise StateError(
                path.parent.parent,
                f"another localise run{holder} is writing into this output folder; wait for "
                f"it to finish (or pass --wait), or use another --out folder",
            ) from exc
        import sys

        print(f"localise: waiting for the run{holder} writing into {path.parent.parent}",
              file=sys.stderr)  # fmt: skip
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    handle.seek(0)
    handle.truncate()
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
    handle.write(f"{os.getpid()} {stamp}\n".encode())
    handle.flush()
    return handle


def _holder(path: Path) -> str:
    """ " (pid 1234, since 2026-12-01 10:00:00)" from the lock file, or nothing."""
    try:
        pid, _, since = path.read_text(encoding="utf-8").strip().partition(" ")
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid}, since {since})" if pid.isdigit() else ""
