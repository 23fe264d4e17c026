"""A stack of glossary files: the entries, and the clashes between them.

:meth:`Glossary.load` reads glossary files (:mod:`.files`) and stacks them, later ones
winning; every clash is recorded in :attr:`Glossary.conflicts` rather than raised, and the
report lists it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ...errors import GlossaryError
from .files import Entry, read_glossary_file
from .tokens import fold_phrase

__all__ = ["Conflict", "Glossary", "bundled_glossaries", "stack"]


@dataclass(frozen=True)
class Conflict:
    """Two entries claim the same id or the same source form; ``kept`` (the later) wins."""

    reason: Literal["same id", "same form"]
    kept: Entry
    dropped: Entry
    lang: str | None = None
    form: str | None = None

    def __str__(self) -> str:
        if self.reason == "same id":
            what = f"entry {self.kept.id!r} is defined twice"
        else:
            claimants = f"{self.dropped.id!r} and {self.kept.id!r}"
            what = f"{self.form!r} ({self.lang}) is claimed by {claimants}"
        return f"glossary conflict: {what}; {self.kept.origin} wins over {self.dropped.origin}"


@dataclass(frozen=True)
class Glossary:
    """Glossary files stacked in order; build it with :meth:`load`."""

    entries: tuple[Entry, ...]
    conflicts: tuple[Conflict, ...] = ()
    fingerprint: str = hashlib.sha256().hexdigest()
    paths: tuple[Path, ...] = ()

    @classmethod
    def load(cls, paths: Sequence[Path | str]) -> Glossary:
        """Read and stack glossary files (.tsv, .csv, .tbx); later files win.

        Raises :class:`GlossaryError` (path and line) for the first malformed row; clashes
        between entries are not errors but :attr:`conflicts`.
        """
        digest = hashlib.sha256()
        entries: list[Entry] = []
        for path in map(Path, paths):
            file_entries, problems, content = read_glossary_file(path)
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise GlossaryError(path, errors[0].message, errors[0].line)
            digest.update(hashlib.sha256(content).digest())
            entries.extend(file_entries)
        kept, conflicts = stack(entries)
        return cls(tuple(kept), tuple(conflicts), digest.hexdigest(), tuple(map(Path, paths)))

    def __len__(self) -> int:
        return len(self.entries)

    def conflict_warnings(self) -> list[str]:
        """One line per conflict, for a run's report."""
        return [str(conflict) for conflict in self.conflicts]


def bundled_glossaries() -> list[Path]:
    """The glossary shipped with localise (Belarus / Central Asia news names).

    Looked up inside the package first (where packaging puts it), then in the source
    checkout's ``glossaries/`` folder.
    """
    package = Path(__file__).resolve().parents[2]  # src/localise, or localise when installed
    for folder in (package / "glossaries", package.parent.parent / "glossaries"):
        if (folder / "belarus.tsv").is_file():
            return [folder / "belarus.tsv"]
    raise GlossaryError(
        package / "glossaries" / "belarus.tsv",
        "the bundled glossary is not installed; reinstall localise or pass --no-bundled-glossary",
    )


def stack(entries: Sequence[Entry]) -> tuple[list[Entry], list[Conflict]]:
    """The entries with the later of two that share an id, and every clash (same id, or one
    source form claimed by two entries)."""
    by_id: dict[str, Entry] = {}
    conflicts: list[Conflict] = []
    for entry in entries:
        old = by_id.pop(entry.id, None)
        if old is not None and old._content() != entry._content():
            conflicts.append(Conflict("same id", kept=entry, dropped=old))
        by_id[entry.id] = entry  # re-inserted last: the later entry takes precedence
    owner: dict[tuple[str, tuple[str, ...]], Entry] = {}
    for entry in by_id.values():
        for lang, form in entry.explicit_forms():
            key = (lang, fold_phrase(form, lang))
            previous = owner.get(key)
            if previous is not None and previous.id != entry.id:
                conflicts.append(Conflict("same form", entry, previous, lang, form))
            owner[key] = entry
    return list(by_id.values()), conflicts
