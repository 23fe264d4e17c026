"""Finding the articles of a run: folders walked recursively, globs, what to skip.

Hidden files and folders are skipped, and so is the output folder (a run never reads its own
outputs). Links to folders are not followed, nor links to files outside their input folder.
Two inputs that would write the same output file: the first wins, the second is refused.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..formats import supported_suffixes

SUPPORTED_SUFFIXES = supported_suffixes()


@dataclass(frozen=True)
class Item:
    """One input article and its path relative to its input folder (and to the output)."""

    path: Path
    relative: Path


def find_articles(
    paths: Iterable[Path],
    *,
    skip: Path | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[Item], list[tuple[Item, str]]]:
    """Articles under ``paths`` (folders recursively), and the paths that cannot be used, why.

    Hidden files and folders are skipped, and so is ``skip`` (the output folder) so that a run
    never reads its own outputs. Symbolic links to folders are not followed, nor links to files
    outside their input folder. Files given by name are taken whatever the globs say.
    """
    items: list[Item] = []
    failures: list[tuple[Item, str]] = []
    skip_resolved = skip.resolve() if skip is not None else None
    for path in paths:
        if path.is_dir():
            items.extend(_walk(path, skip_resolved, include, exclude))
        elif not path.exists():
            failures.append((Item(path, Path(path.name)), "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
            failures.append(
                (
                    Item(path, Path(path.name)),
                    f"unsupported file type {path.suffix!r}; localise reads {supported}",
                )
            )
        else:
            items.append(Item(path, Path(path.name)))
    return _without_collisions(items, failures)


def _walk(
    root: Path, skip: Path | None, include: Sequence[str], exclude: Sequence[str]
) -> Iterator[Item]:
    root_resolved = root.resolve()
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        relative_folder = here.relative_to(root)
        # Pruned in place so that os.walk does not descend: hidden folders, the output
        # folder, excluded folders. os.walk does not follow links to folders.
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not (skip is not None and (here / d).resolve() == skip)
            and not _matches((relative_folder / d).as_posix(), d, exclude)
        )
        for name in sorted(files):
            path = here / name
            relative = relative_folder / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if include and not _matches(relative.as_posix(), name, include):
                continue
            if _matches(relative.as_posix(), name, exclude):
                continue
            if path.is_symlink() and not _is_within(path.resolve(), root_resolved):
                continue
            yield Item(path, relative)


def _matches(relative: str, name: str, globs: Sequence[str]) -> bool:
    return any(
        fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(name, glob) for glob in globs
    )


def _without_collisions(
    items: list[Item], failures: list[tuple[Item, str]]
) -> tuple[list[Item], list[tuple[Item, str]]]:
    # Two inputs that would write the same output file: keep the first, fail the other.
    first: dict[Path, Item] = {}
    for item in items:
        if item.relative in first:
            failures.append(
                (
                    item,
                    f"would overwrite the output of {first[item.relative].path}; "
                    f"localise these inputs in separate runs or with separate --out folders",
                )
            )
        else:
            first[item.relative] = item
    return list(first.values()), failures


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
