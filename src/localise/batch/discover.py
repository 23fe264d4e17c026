"""Finding the articles of a run: folders walked recursively, globs, what to skip.

Hidden files and folders are skipped, and so is the output folder (a run never reads its own
outputs), and any folder holding another run's state (``_localise/state.sqlite``). Links to
folders are not followed, nor links to files outside their input folder. Nothing else is left
out silently: a file of another type, a special file (a FIFO, a device) and a file over the
size limit are each listed with the reason. Two inputs that would write the same output file:
the first wins, the second is refused.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..formats import supported_suffixes

SUPPORTED_SUFFIXES = supported_suffixes()
#: The largest article read by default (``--max-size``): wire copy is a few kilobytes, a
#: scraped page a few hundred.
MAX_SIZE = 10 * 1024 * 1024
#: The folder of a run's state, reports and summary, inside its output folder.
STATE_FOLDER = "_localise"


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
    max_size: int = MAX_SIZE,
) -> tuple[list[Item], list[tuple[Item, str]], list[tuple[Item, str]]]:
    """Articles under ``paths`` (folders recursively), the paths that cannot be used (why),
    and the files and folders left out (why: another type, a special file, too large,
    another run's output folder).

    Hidden files and folders are skipped, and so is ``skip`` (the output folder) so that a run
    never reads its own outputs. Symbolic links to folders are not followed, nor links to files
    outside their input folder. Files given by name are taken whatever the globs say.
    """
    items: list[Item] = []
    failures: list[tuple[Item, str]] = []
    left_out: list[tuple[Item, str]] = []
    skip_resolved = skip.resolve() if skip is not None else None
    for path in paths:
        if path.is_dir():
            unlisted: list[tuple[Item, str]] = []
            for item, reason in _walk(path, skip_resolved, include, exclude, max_size, unlisted):
                if reason is None:
                    items.append(item)
                else:
                    left_out.append((item, reason))
            failures.extend(unlisted)
        elif not path.exists() and not path.is_symlink():
            failures.append((Item(path, Path(path.name)), "no such file or folder"))
        else:
            item = Item(path, Path(path.name))
            reason = _unusable(path, max_size)
            if reason is None:
                items.append(item)
            else:
                failures.append((item, reason))
    kept, collisions = _without_collisions(items)
    return kept, failures + collisions, left_out


def _unusable(path: Path, max_size: int) -> str | None:
    """Why a file cannot be an article (None when it can), from its name and ``stat`` alone:
    a special file is never opened (a FIFO would block the run)."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "not a regular file"
        return f"{kind}: not read (localise reads only regular files)"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        return f"unsupported file type {path.suffix or '(none)'!r}; localise reads {supported}"
    if info.st_size > max_size:
        return (
            f"too large ({_size(info.st_size)}; the limit is {_size(max_size)}, raise it with "
            f"--max-size)"
        )
    return None


def _size(size: int) -> str:
    """ "820 bytes", "154 kB", "12.5 MB"."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1000**2:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1000**2:.1f} MB"


def _walk(
    root: Path,
    skip: Path | None,
    include: Sequence[str],
    exclude: Sequence[str],
    max_size: int,
    unlisted: list[tuple[Item, str]],
) -> Iterator[tuple[Item, str | None]]:
    """The files under ``root`` and why each is left out (None: it is an article); folders
    that cannot be listed are added to ``unlisted``, not passed over in silence."""
    root_resolved = root.resolve()

    def unreadable(exc: OSError) -> None:
        folder = Path(exc.filename) if exc.filename else root
        relative = folder.relative_to(root) if _is_within(folder, root) else folder
        unlisted.append(
            (
                Item(folder, relative),
                f"cannot list this folder ({exc.strerror or exc}); the articles in it are "
                f"not translated",
            )
        )

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        relative_folder = here.relative_to(root)
        if (here / STATE_FOLDER / "state.sqlite").is_file() and here.resolve() != skip:
            yield (
                Item(here, relative_folder),
                "the output folder of another localise run (it has _localise/state.sqlite): "
                "not read as input",
            )
            dirs[:] = []
            continue
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
            if name.startswith("."):
                continue
            if include and not _matches(relative.as_posix(), name, include):
                continue
            if _matches(relative.as_posix(), name, exclude):
                continue
            # realpath, not resolve(): it never raises, even on a loop of links.
            if path.is_symlink() and not _is_within(Path(os.path.realpath(path)), root_resolved):
                continue
            yield Item(path, relative), _unusable(path, max_size)


def _matches(relative: str, name: str, globs: Sequence[str]) -> bool:
    return any(
        fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(name, glob) for glob in globs
    )


def _without_collisions(items: list[Item]) -> tuple[list[Item], list[tuple[Item, str]]]:
    # Two inputs that would write the same output file: keep the first, fail the other.
    failures: list[tuple[Item, str]] = []
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
