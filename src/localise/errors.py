"""Every error localise raises on purpose, under one base class.

::

    LocaliseError                   exit code 1 unless stated
    ├── ConfigError                 bad option value (exit code 2): unknown locale, bad beam size
    ├── InputError                  an article that cannot be read or written (carries the path)
    ├── GlossaryError               a malformed glossary file (carries path and line)
    ├── StateError                  an output folder's state database is unusable or locked
    ├── WorkerError                 a worker process of a batch run died
    └── ModelError                  anything about translation models
        ├── ModelNotFoundError      no installed package (or pivot) for a language pair
        ├── PackageFileError        an .argosmodel file that is not a valid package
        └── PackageIndexError       the package index cannot be fetched or has no such pair

Messages say what failed, show the bad value and name the fix, so the CLI can print them as
they are on one line.
"""

from __future__ import annotations

from pathlib import Path


class LocaliseError(Exception):
    """Base class: catch this to handle every failure localise reports."""

    exit_code = 1


def error_text(exc: LocaliseError) -> str:
    """The message for an article's failure, without the path the caller prints beside it."""
    return exc.reason if isinstance(exc, InputError) else str(exc)


class ConfigError(LocaliseError):
    """An option has a value localise cannot use."""

    exit_code = 2


class InputError(LocaliseError):
    """An article file cannot be read, decoded or written."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class GlossaryError(LocaliseError):
    """A glossary file is malformed."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


class StateError(LocaliseError):
    """The state database of an output folder cannot be used."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class WorkerError(LocaliseError):
    """A worker process of a batch run died; the run stops, what it recorded stands."""


class ModelError(LocaliseError):
    """A translation model is missing, invalid or cannot be fetched."""


class ModelNotFoundError(ModelError):
    """No installed package translates this pair, directly or through English."""

    def __init__(self, from_code: str, to_code: str, models_dir: Path) -> None:
        self.from_code = from_code
        self.to_code = to_code
        self.models_dir = models_dir
        super().__init__(
            f"no {from_code}→{to_code} model installed in {models_dir} (nor a pivot through "
            f"English); run `localise models install {from_code} {to_code}` or install an "
            f".argosmodel file with `localise models install FILE`"
        )


class PackageFileError(ModelError):
    """An .argosmodel file is not a valid Argos package."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: not a valid Argos package: {reason}")


class PackageIndexError(ModelError):
    """The package index cannot be fetched, or does not offer the pair asked for."""
