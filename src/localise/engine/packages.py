"""Argos translation packages on disk: list, validate, install, remove, fetch from the index.

Installed packages live in one folder, by default argostranslate's own package folder, so that
packages installed with ``argospm`` are reused. Reading what is installed needs only each
package's ``metadata.json``; argostranslate is never imported: the package format, the folder
and the index are read as argospm writes them.

An ``.argosmodel`` file comes from elsewhere, so an install trusts nothing in it and never
leaves half a package:

1. the zip's central directory is checked before anything is written: one top folder, no
   member escaping it (absolute, ``..``, backslashes), no symbolic link or special file, no
   duplicate, no name that is both a file and a folder, no name a file system cannot hold,
   only compression methods zipfile unpacks, and a bounded total size and compression ratio
   (:class:`PackageLimits`: a zip bomb is refused from its declared sizes);
2. ``metadata.json`` is read (bounded in size and nesting) and must name a language pair;
3. the members are unpacked into a hidden ``.installing-PID-HOST-*`` folder beside the
   destination, with the same limits counted on the bytes actually written, since headers can
   lie; each member's CRC is checked as it is read;
4. CTranslate2 loads the model once, in a child process with a time limit, so a model that
   cannot be loaded is refused now rather than at translation time, and a crash of the native
   library cannot take the caller down;
5. the package is renamed into place under its own folder name, or under
   ``translate-FROM_TO-VERSION`` when that name belongs to anything but a package of the same
   pair, and only then is the pair's previous package removed. Nothing else is touched.

A process killed mid-install leaves its hidden folder behind; the next install, removal or
listing deletes such leftovers once their process is gone (or after :data:`STALE_AFTER`).
Failures are :class:`~localise.errors.PackageFileError` for the archive and
:class:`~localise.errors.ModelError` for the folder (read-only, full), one line each.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ModelError, ModelNotFoundError, PackageFileError, PackageIndexError

PIVOT_LANGUAGE = "en"
DOWNLOAD_TIMEOUT = 30.0
#: A leftover of an interrupted install whose process may still be alive is removed after this.
STALE_AFTER = 12 * 3600.0

_KiB, _MiB, _GiB = 1 << 10, 1 << 20, 1 << 30
_CHUNK = _MiB
_MAX_NAME_BYTES = 255  # one path component, as file systems allow
_MAX_PATH_CHARS = 1024
_MAX_DEPTH = 16  # a package is three folders deep
_MAX_METADATA_DEPTH = 32
_MAX_INDEX_BYTES = 16 * _MiB  # the official index.json is about 100 KiB
_SPACE_MARGIN = 16 * _MiB
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_VERSION = re.compile(r"[A-Za-z0-9_.+-]{0,32}")
_PID_MAX = 1 << 22  # Linux's largest pid_max
_LEFTOVER = re.compile(r"\.(installing|download|removing)-(?:(\d+)-([0-9a-f]{8})-)?")

# Run by a child Python: a native crash or a hang there cannot take the installer down. The
# working folder leaves sys.path so that nothing in it can stand in for ctranslate2.
_LOAD_CHECK = (
    "import sys\n"
    "sys.path[:] = [p for p in sys.path if p not in ('', '.')]\n"
    "import ctranslate2\n"
    "ctranslate2.Translator(sys.argv[1], device='cpu', intra_threads=1)\n"
)

#: Called while downloading with (bytes so far, total bytes or None when unknown).
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class InstalledPackage:
    """An installed Argos package: its folder and what its metadata says."""

    path: Path
    from_code: str
    to_code: str
    version: str

    @property
    def name(self) -> str:
        return f"translate-{self.from_code}_{self.to_code}"

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


@dataclass(frozen=True)
class IndexEntry:
    """A package offered by the Argos package index."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    filename: str


@dataclass(frozen=True)
class PackageLimits:
    """What an archive may hold to be installed.

    Real Argos packages unpack to 100–400 MB at a ratio near 1 (their weights hardly
    compress). The ratio applies only above ``ratio_floor``: a small model of zeros (a test's
    copy model) compresses 500 times, and anything under the floor is cheap to unpack anyway.
    """

    max_unpacked: int = 2 * _GiB
    max_ratio: float = 100.0
    ratio_floor: int = 256 * _MiB
    max_members: int = 10_000
    max_metadata: int = _MiB
    load_timeout: float = 300.0


DEFAULT_LIMITS = PackageLimits()


def installed_packages(models_dir: Path) -> list[InstalledPackage]:
    """Every readable package in ``models_dir``, sorted by language pair."""
    if not models_dir.is_dir():
        return []
    try:
        folders = sorted(models_dir.iterdir())
    except OSError as exc:
        raise ModelError(f"cannot read the models folder {models_dir}: {_strerror(exc)}") from exc
    packages = []
    for folder in folders:
        if folder.name.startswith("."):  # staging or half-removed folders
            continue
        metadata = _read_metadata(folder / "metadata.json")
        if metadata is None or metadata.get("type", "translate") != "translate":
            continue
        if not (folder / "model").is_dir():
            continue
        packages.append(
            InstalledPackage(
                path=folder,
                from_code=str(metadata["from_code"]),
                to_code=str(metadata["to_code"]),
                version=str(metadata.get("package_version", "")),
            )
        )
    return sorted(packages, key=lambda p: (p.from_code, p.to_code, p.version))


def find_route(models_dir: Path, from_code: str, to_code: str) -> list[InstalledPackage]:
    """The packages that translate ``from_code`` to ``to_code``: one, or two through English."""
    by_pair = {(p.from_code, p.to_code): p for p in installed_packages(models_dir)}
    if (from_code, to_code) in by_pair:
        return [by_pair[from_code, to_code]]
    first = by_pair.get((from_code, PIVOT_LANGUAGE))
    second = by_pair.get((PIVOT_LANGUAGE, to_code))
    if first is not None and second is not None:
        return [first, second]
    raise ModelNotFoundError(from_code, to_code, models_dir)


def install_package_file(
    archive: Path, models_dir: Path, *, limits: PackageLimits = DEFAULT_LIMITS
) -> InstalledPackage:
    """Check an ``.argosmodel`` file, load its model once, and install it, replacing the
    package of the same pair (see the module docstring). Raises PackageFileError for a bad
    archive and ModelError when the models folder cannot take it; then nothing has changed."""
    contents = _inspect(archive, limits)
    action = f"install {archive.name} in"
    with _folder_errors(models_dir, action):
        _prepare(models_dir)
        _check_free_space(models_dir, archive, contents.unpacked)
        staging = _temp_folder(models_dir, "installing")
    try:
        with _folder_errors(models_dir, action):
            _extract(archive, contents, staging, limits)
        _check_model_loads(archive, staging / contents.top / "model", limits.load_timeout)
        metadata = contents.metadata
        pair = (metadata["from_code"], metadata["to_code"])
        replaced = [
            p.path for p in installed_packages(models_dir) if (p.from_code, p.to_code) == pair
        ]
        destination = _destination(archive, models_dir, contents.top, metadata, replaced)
        with _folder_errors(models_dir, action):
            _move_into_place(staging / contents.top, destination, replaced)
    finally:
        _delete(staging)
    return InstalledPackage(
        path=destination,
        from_code=pair[0],
        to_code=pair[1],
        version=_version(metadata),
    )


def validate_package_file(
    archive: Path, *, limits: PackageLimits = DEFAULT_LIMITS
) -> tuple[str, dict[str, Any]]:
    """Check an ``.argosmodel`` file's central directory and metadata; return its top folder
    name and metadata. Member contents (their CRCs, the model) are checked by an install."""
    contents = _inspect(archive, limits)
    return contents.top, contents.metadata


def remove_package(models_dir: Path, from_code: str, to_code: str) -> InstalledPackage:
    """Remove the installed package for a pair (every folder holding it); raise ModelError,
    naming what is installed, if there is none."""
    remove_leftovers(models_dir)
    packages = installed_packages(models_dir)
    doomed = [p for p in packages if (p.from_code, p.to_code) == (from_code, to_code)]
    if not doomed:
        pairs = ", ".join(f"{p.from_code}→{p.to_code}" for p in packages) or "none"
        raise ModelError(
            f"no {from_code}→{to_code} package is installed in {models_dir}, so nothing was "
            f"removed (installed: {pairs})"
        )
    with _folder_errors(models_dir, f"remove {doomed[0]} from"):
        for package in doomed:
            _remove_folder(package.path)
    return doomed[0]


def remove_leftovers(models_dir: Path, *, now: float | None = None) -> list[Path]:
    """Delete what interrupted installs and removals left in ``models_dir`` (hidden
    ``.installing-*``, ``.download-*``, ``.removing-*`` folders) once the process that made
    them is gone, or after :data:`STALE_AFTER`; return what was deleted. Never raises."""
    now = time.time() if now is None else now
    try:
        entries = list(models_dir.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match is None or not _is_stale(entry, match, now):
            continue
        _delete(entry)
        if not os.path.lexists(entry):
            removed.append(entry)
    return removed


def fetch_index(index_url: str, *, timeout: float = DOWNLOAD_TIMEOUT) -> list[IndexEntry]:
    """Read the package index at ``index_url`` (a folder URL holding ``index.json``).

    argostranslate's ``get_available_packages()`` retries forever when the index cannot be
    fetched; we fetch it once, with a timeout, and name entries as argospm does.
    """
    import http.client
    import urllib.error
    import urllib.request  # here: it loads ssl and http, which nothing else needs

    url = index_url if index_url.endswith(".json") else index_url.rstrip("/") + "/index.json"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            raw = response.read(_MAX_INDEX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        raise PackageIndexError(
            f"cannot fetch the package index {url} ({_reason(exc)}); check the network, or "
            f"install a downloaded file with `localise models install FILE.argosmodel`"
        ) from exc
    if len(raw) > _MAX_INDEX_BYTES:
        raise PackageIndexError(
            f"the package index {url} is larger than {_size(_MAX_INDEX_BYTES)}; check --index"
        )
    try:
        entries = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise PackageIndexError(f"the package index {url} is not valid JSON ({exc})") from exc
    if not isinstance(entries, list):
        raise PackageIndexError(f"the package index {url} is not a JSON list of packages")
    return [_index_entry(metadata) for metadata in entries if isinstance(metadata, dict)]


def plan_downloads(entries: Sequence[IndexEntry], from_code: str, to_code: str) -> list[IndexEntry]:
    """The index entries needed for a pair: the direct package, or both legs through English."""
    by_pair = {(e.from_code, e.to_code): e for e in entries if e.links}
    if (from_code, to_code) in by_pair:
        return [by_pair[from_code, to_code]]
    legs = [(from_code, PIVOT_LANGUAGE), (PIVOT_LANGUAGE, to_code)]
    if all(leg in by_pair for leg in legs):
        return [by_pair[leg] for leg in legs]
    offered = ", ".join(sorted(f"{f}→{t}" for f, t in by_pair)) or "nothing"
    raise PackageIndexError(
        f"the package index offers no {from_code}→{to_code} package, directly or through "
        f"English (it offers: {offered})"
    )


def install_pair(
    from_code: str,
    to_code: str,
    index_url: str,
    models_dir: Path,
    *,
    progress: Callable[[IndexEntry], Progress | None] | None = None,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> list[InstalledPackage]:
    """Download and install what a pair needs: its package, or both legs through English
    (a leg already installed is kept). ``progress`` gives each download its callback."""
    installed = {(p.from_code, p.to_code) for p in installed_packages(models_dir)}
    entries = plan_downloads(fetch_index(index_url), from_code, to_code)
    done = []
    for entry in entries:
        if (entry.from_code, entry.to_code) not in installed or len(entries) == 1:
            callback = progress(entry) if progress is not None else None
            done.append(install_from_index(entry, models_dir, progress=callback, limits=limits))
    return done


def install_from_index(
    entry: IndexEntry,
    models_dir: Path,
    *,
    progress: Progress | None = None,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> InstalledPackage:
    """Download one index entry to a hidden folder in ``models_dir`` and install it like a
    local file; an error about the archive names the link it came from."""
    with _folder_errors(models_dir, f"download {entry.filename} into"):
        _prepare(models_dir)
        folder = _temp_folder(models_dir, "download")
    try:
        archive = folder / entry.filename
        link = _download(entry.links, archive, progress, models_dir, limits.max_unpacked)
        try:
            return install_package_file(archive, models_dir, limits=limits)
        except PackageFileError as exc:
            raise PackageFileError(link, exc.reason) from exc
    finally:
        _delete(folder)


def _download(
    links: Sequence[str],
    destination: Path,
    progress: Progress | None,
    models_dir: Path,
    limit: int,
) -> str:
    """Fetch the first link that answers into ``destination``; return that link."""
    import http.client
    import urllib.error
    import urllib.request

    failures = []
    for link in links:
        try:
            response = urllib.request.urlopen(link, timeout=DOWNLOAD_TIMEOUT)
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            failures.append(f"{link}: {_reason(exc)}")
            continue
        with response:
            failure = _save(link, response, destination, progress, models_dir, limit)
        if failure is None:
            return link
        failures.append(f"{link}: {failure}")
    raise PackageIndexError("download failed: " + "; ".join(failures or ["no links"]))


def _save(
    link: str,
    response: Any,
    destination: Path,
    progress: Progress | None,
    models_dir: Path,
    limit: int,
) -> str | None:
    """Write a response to ``destination``; return why reading it failed, or None. Writing
    fails as a ModelError (a full disk), a response beyond ``limit`` as a PackageFileError."""
    import http.client

    length = response.headers.get("Content-Length")
    total = int(length) if length and length.isdigit() else None
    too_big = f"more than the {_size(limit)} a package may take"
    if total is not None and total > limit:
        raise PackageFileError(link, f"it is {_size(total)}, {too_big}")
    done = 0
    with (
        _folder_errors(models_dir, f"download {destination.name} into"),
        open(destination, "wb") as out,
    ):
        while True:
            try:
                chunk = response.read(1 << 16)
            except (OSError, http.client.HTTPException) as exc:
                return _reason(exc)
            if not chunk:
                return None
            done += len(chunk)
            if done > limit:
                raise PackageFileError(link, f"it is {too_big}")
            out.write(chunk)
            if progress is not None:
                progress(done, total)


def _index_entry(metadata: dict[str, Any]) -> IndexEntry:
    """An index entry, named as argospm names its download (``translate-de_en.argosmodel``)."""
    links = metadata.get("links")
    kind = metadata.get("type") or "translate"
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    name = str(kind) + (f"-{from_code}_{to_code}" if from_code and to_code else "")
    return IndexEntry(
        from_code=str(from_code),
        to_code=str(to_code),
        version=str(metadata.get("package_version", "")),
        links=tuple(str(link) for link in links) if isinstance(links, list) else (),
        # The index is not ours: its names must not lead the download out of its folder.
        filename=re.sub(r"[^A-Za-z0-9._-]", "_", name)[:100] + ".argosmodel",
    )


# --- the archive -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Contents:
    """What the central directory of a checked archive holds."""

    top: str
    metadata: dict[str, Any]
    members: tuple[tuple[zipfile.ZipInfo, tuple[str, ...]], ...]
    unpacked: int  # declared
    size: int  # of the archive file


def _inspect(archive: Path, limits: PackageLimits) -> _Contents:
    try:
        info = archive.stat()
    except FileNotFoundError:
        raise PackageFileError(archive, "no such file") from None
    except OSError as exc:
        raise PackageFileError(archive, f"cannot read it ({_strerror(exc)})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise PackageFileError(archive, "it is a folder; give the .argosmodel file")
    if not stat.S_ISREG(info.st_mode):
        raise PackageFileError(archive, "not a regular file")
    if info.st_size > limits.max_unpacked:
        raise PackageFileError(
            archive,
            f"it is {_size(info.st_size)}, more than the {_size(limits.max_unpacked)} a package "
            f"may take",
        )
    with _reading(archive) as zipped:
        infos = zipped.infolist()
        top, members = _check_members(archive, infos, limits)
        unpacked = _check_declared(archive, infos, info.st_size, limits)
        entry = next((i for i, parts in members if parts == (top, "metadata.json")), None)
        if entry is None or entry.is_dir():
            raise PackageFileError(archive, f"no {top}/metadata.json")
        if entry.file_size > limits.max_metadata:
            raise PackageFileError(
                archive,
                f"{top}/metadata.json is {_size(entry.file_size)}, more than the "
                f"{_size(limits.max_metadata)} a package's metadata may take",
            )
        raw = _read_member(archive, zipped, entry, limits.max_metadata)
    if not any(parts[:2] == (top, "model") and len(parts) > 2 for _, parts in members):
        raise PackageFileError(archive, f"no {top}/model/ folder with the CTranslate2 model")
    metadata = _parse_metadata(archive, raw)
    return _Contents(top, metadata, tuple(members), unpacked, info.st_size)


@contextmanager
def _reading(archive: Path) -> Iterator[zipfile.ZipFile]:
    """The archive opened as a zip; whatever zipfile raises on a malformed one (it raises
    more than BadZipFile) is a PackageFileError."""
    try:
        file = open(archive, "rb")  # noqa: SIM115  (closed below, after the yield)
    except OSError as exc:
        raise PackageFileError(archive, f"cannot read it ({_strerror(exc)})") from exc
    with file:
        try:
            if not zipfile.is_zipfile(file):
                raise PackageFileError(archive, "not a zip archive")
            zipped = zipfile.ZipFile(file)
        except PackageFileError:
            raise
        except Exception as exc:  # BadZipFile, struct.error, ValueError, OSError, …
            raise PackageFileError(archive, f"corrupt zip archive ({_one_line(exc)})") from exc
        with zipped:
            yield zipped


def _check_members(
    archive: Path, infos: Sequence[zipfile.ZipInfo], limits: PackageLimits
) -> tuple[str, list[tuple[zipfile.ZipInfo, tuple[str, ...]]]]:
    """The single top folder and each member with its path parts; refuses anything that
    could write outside the staging folder or collide inside it."""
    if len(infos) > limits.max_members:
        raise PackageFileError(
            archive, f"it has {len(infos):,} members, more than {limits.max_members:,}"
        )
    members = []
    names: dict[tuple[str, ...], str] = {}  # case-folded parts: a file system may fold case
    files: set[tuple[str, ...]] = set()
    folders: dict[tuple[str, ...], str] = {}
    for info in infos:
        name = info.filename
        parts = _member_parts(archive, name)
        key = tuple(part.casefold() for part in parts)
        if key in names:
            same = "" if names[key] == name else f" (as {_shown(names[key])})"
            raise PackageFileError(archive, f"duplicate member {_shown(name)}{same}")
        names[key] = name
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise PackageFileError(archive, f"member {_shown(name)} is a symbolic link")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackageFileError(archive, f"member {_shown(name)} is not a file or a folder")
        if info.flag_bits & 0x1:
            raise PackageFileError(archive, f"member {_shown(name)} is encrypted")
        if info.compress_type not in _METHODS:
            raise PackageFileError(
                archive,
                f"member {_shown(name)} uses compression method {info.compress_type}, which "
                f"cannot be unpacked (Argos packages use deflate)",
            )
        if info.is_dir():
            folders.setdefault(key, name)
        else:
            files.add(key)
        for depth in range(1, len(parts)):
            folders.setdefault(key[:depth], "/".join(parts[:depth]))
        members.append((info, parts))
    clashes = files & folders.keys()
    if clashes:
        shown = _shown(folders[min(clashes)])
        raise PackageFileError(archive, f"{shown} is both a file and a folder")
    tops = {parts[0] for _, parts in members}
    if len(tops) != 1:
        found = ", ".join(sorted(tops)) or "nothing"
        raise PackageFileError(archive, f"expected one top-level folder, found {found}")
    top = tops.pop()
    if (top.casefold(),) not in folders:
        raise PackageFileError(archive, f"expected one top-level folder, found the file {top!r}")
    if top.startswith("."):
        raise PackageFileError(archive, f"bad top-level folder name {top!r}")
    return top, members


def _member_parts(archive: Path, name: str) -> tuple[str, ...]:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name or ":" in name.split("/")[0]:
        raise PackageFileError(archive, f"member {_shown(name)} would escape the models folder")
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise PackageFileError(archive, f"member {_shown(name)} has a control character")
    if not path.parts:
        raise PackageFileError(archive, f"member {_shown(name)} has no name")
    if len(name) > _MAX_PATH_CHARS or len(path.parts) > _MAX_DEPTH:
        raise PackageFileError(
            archive,
            f"member {_shown(name)} is {len(name)} characters, {len(path.parts)} folders "
            f"deep (at most {_MAX_PATH_CHARS} and {_MAX_DEPTH})",
        )
    for part in path.parts:
        if len(part.encode("utf-8", "surrogateescape")) > _MAX_NAME_BYTES:
            raise PackageFileError(
                archive,
                f"member {_shown(name)} has a name longer than the {_MAX_NAME_BYTES} bytes "
                f"a file system allows",
            )
    return path.parts


def _check_declared(
    archive: Path, infos: Sequence[zipfile.ZipInfo], size: int, limits: PackageLimits
) -> int:
    """The total size the members declare, within the limits."""
    declared = sum(info.file_size for info in infos)
    _check_unpacked(archive, declared, size, limits, declared=True)
    return declared


def _check_unpacked(
    archive: Path, total: int, size: int, limits: PackageLimits, *, declared: bool
) -> None:
    """``total`` bytes declared by (or so far unpacked from) an archive of ``size`` bytes:
    refused beyond the limits."""
    amount = f"would unpack to {_size(total)}, more than" if declared else "unpacks to more than"
    if total > limits.max_unpacked:
        raise PackageFileError(
            archive,
            f"it {amount} the {_size(limits.max_unpacked)} a package may take (a zip bomb?)",
        )
    if total > limits.ratio_floor and total > limits.max_ratio * max(size, 1):
        raise PackageFileError(
            archive,
            f"it {amount} {limits.max_ratio:g} times its own {_size(size)} (a zip bomb?)",
        )


def _read_member(
    archive: Path, zipped: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int
) -> bytes:
    try:
        with zipped.open(info) as member:
            return member.read(limit + 1)
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, NotImplementedError, …
        raise _corrupt(archive, info, exc) from exc


def _corrupt(archive: Path, info: zipfile.ZipInfo, exc: BaseException) -> PackageFileError:
    return PackageFileError(
        archive, f"member {_shown(info.filename)} is corrupt ({_one_line(exc)})"
    )


def _parse_metadata(archive: Path, raw: bytes) -> dict[str, Any]:
    too_deep = f"metadata.json is nested more than {_MAX_METADATA_DEPTH} levels deep"
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageFileError(archive, f"metadata.json is not valid JSON ({exc})") from exc
    except RecursionError:
        raise PackageFileError(archive, too_deep) from None
    if _depth(metadata) > _MAX_METADATA_DEPTH:
        raise PackageFileError(archive, too_deep)
    if not isinstance(metadata, dict):
        raise PackageFileError(archive, "metadata.json is not a JSON object")
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise PackageFileError(
            archive, f"metadata.json has type {_shown(kind)}; only 'translate' packages install"
        )
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        ok = isinstance(value, str) and value.isascii() and value.isalpha() and len(value) <= 8
        if not ok:
            raise PackageFileError(archive, f"metadata.json has no valid {key!r}: {_shown(value)}")
    version = metadata.get("package_version", "")
    if not isinstance(version, (str, int, float)) or not _VERSION.fullmatch(str(version)):
        raise PackageFileError(
            archive, f"metadata.json has no valid 'package_version': {_shown(version)}"
        )
    return metadata


def _depth(value: Any) -> int:
    """How deeply a parsed JSON value nests (iteratively: the value may be deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= _MAX_METADATA_DEPTH:
                children = item.values() if isinstance(item, dict) else item
                stack.extend((child, depth + 1) for child in children)
    return deepest


def _read_metadata(path: Path) -> dict[str, Any] | None:
    """An installed package's metadata, or None when it is missing, too big or malformed."""
    try:
        with open(path, "rb") as file:
            raw = file.read(DEFAULT_LIMITS.max_metadata + 1)
        metadata = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    ok = len(raw) <= DEFAULT_LIMITS.max_metadata and isinstance(metadata, dict)
    ok = ok and all(isinstance(metadata.get(key), str) for key in ("from_code", "to_code"))
    return metadata if ok else None


def _version(metadata: dict[str, Any]) -> str:
    return str(metadata.get("package_version", ""))


# --- unpacking and loading ---------------------------------------------------------------


def _extract(archive: Path, contents: _Contents, staging: Path, limits: PackageLimits) -> None:
    """Unpack the checked members under ``staging``, counting the bytes really written: a
    member may not exceed its declared size, nor the whole the limits."""
    total = 0
    with _reading(archive) as zipped:
        for info, parts in contents.members:
            target = staging.joinpath(*parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                member = zipped.open(info)
            except Exception as exc:  # as in _read_member
                raise _corrupt(archive, info, exc) from exc
            with member, open(target, "xb") as out:
                written = 0
                while True:
                    try:
                        chunk = member.read(_CHUNK)
                    except Exception as exc:  # a bad CRC shows here
                        raise _corrupt(archive, info, exc) from exc
                    if not chunk:
                        break
                    written += len(chunk)
                    total += len(chunk)
                    if written > info.file_size:
                        raise PackageFileError(
                            archive,
                            f"member {_shown(info.filename)} unpacks to more than the "
                            f"{_size(info.file_size)} its header declares",
                        )
                    _check_unpacked(archive, total, contents.size, limits, declared=False)
                    out.write(chunk)


def _check_model_loads(archive: Path, model: Path, timeout: float) -> None:
    """Load the unpacked model with CTranslate2 once, in a child process."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _LOAD_CHECK, str(model)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PackageFileError(
            archive, f"CTranslate2 did not load its model within {timeout:g} s"
        ) from None
    except OSError as exc:
        raise ModelError(
            f"cannot start {sys.executable} to load the model of {archive}: {_strerror(exc)}"
        ) from exc
    if done.returncode == 0:
        return
    if done.returncode < 0:
        detail = f"it crashed with signal {-done.returncode}"
    else:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = _one_line(lines[-1] if lines else f"exit status {done.returncode}")
    raise PackageFileError(
        archive,
        f"CTranslate2 cannot load its model ({detail}); download the package again, or get "
        f"one made for this CTranslate2",
    )


# --- the models folder -------------------------------------------------------------------


def _prepare(models_dir: Path) -> None:
    if os.path.lexists(models_dir) and not models_dir.is_dir():
        raise ModelError(f"{models_dir} is not a folder; choose one with --models-dir")
    models_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(models_dir)


def _check_free_space(models_dir: Path, archive: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(models_dir).free
    except OSError:
        return
    if free < needed + _SPACE_MARGIN:
        raise ModelError(
            f"cannot install {archive.name} in {models_dir}: it unpacks to {_size(needed)} "
            f"and only {_size(free)} is free; nothing was changed (free some space, or "
            f"choose another folder with --models-dir)"
        )


def _destination(
    archive: Path, models_dir: Path, top: str, metadata: dict[str, Any], replaced: list[Path]
) -> Path:
    """The archive's own folder name, unless it belongs to something other than a package
    of the same pair; then ``translate-FROM_TO-VERSION``; never anyone else's folder."""
    own = f"translate-{metadata['from_code']}_{metadata['to_code']}"
    version = re.sub(r"[^A-Za-z0-9]", "_", _version(metadata))
    own += f"-{version}" if version else ""
    for name in dict.fromkeys((top, own)):
        candidate = models_dir / name
        if candidate in replaced or not os.path.lexists(candidate):
            return candidate
    holder = next((p for p in installed_packages(models_dir) if p.path.name == top), None)
    what = f"the {holder.from_code}→{holder.to_code} package" if holder else "a folder"
    raise ModelError(
        f"cannot install {archive.name}: its folder {top!r} in {models_dir} holds {what}, "
        f"and {own!r} is taken too; nothing was changed (move one of them away)"
    )


def _move_into_place(new: Path, destination: Path, replaced: list[Path]) -> None:
    aside = None
    if os.path.lexists(destination):  # the same pair's package: set aside, restored on failure
        aside = _temp_name(destination.parent, "removing")
        os.replace(destination, aside)
    try:
        os.replace(new, destination)
    except OSError:
        if aside is not None:
            os.replace(aside, destination)
        raise
    if aside is not None:
        _delete(aside)
    for old in replaced:
        if old != destination:
            _remove_folder(old)


def _remove_folder(folder: Path) -> None:
    # Rename first so that a crash mid-delete never leaves a half package under its real name.
    doomed = _temp_name(folder.parent, "removing")
    os.replace(folder, doomed)
    _delete(doomed)


def _temp_name(models_dir: Path, kind: str) -> Path:
    """A hidden name recording who made it (pid and host), so a leftover can be judged."""
    return models_dir / f".{kind}-{os.getpid()}-{_host_tag()}-{os.urandom(4).hex()}"


def _temp_folder(models_dir: Path, kind: str) -> Path:
    prefix = f".{kind}-{os.getpid()}-{_host_tag()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=models_dir))


def _host_tag() -> str:
    import hashlib
    import socket

    return hashlib.blake2b(socket.gethostname().encode(), digest_size=4).hexdigest()


def _is_stale(entry: Path, match: re.Match[str], now: float) -> bool:
    try:
        age = now - entry.lstat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER:
        return True
    pid, host = match.group(2), match.group(3)
    # A pid means something only on the host that wrote it (the folder may be shared).
    if pid is None or host != _host_tag() or os.name != "posix":
        return False
    if int(pid) > _PID_MAX:
        return True
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:  # EPERM: it exists, another user's
        return False
    return False


def _delete(path: Path) -> None:
    """Remove a file, link or folder tree, ignoring errors (a leftover is retried later)."""
    if path.is_symlink() or path.is_file():
        with suppress(OSError):
            path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _folder_errors(models_dir: Path, action: str) -> Iterator[None]:
    """An OSError while writing into the models folder as one ModelError line: "cannot
    {action} {models_dir}: …", the action ending in its preposition ("install X in")."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            problem = "the disk is full"
            fix = "free some space, or choose another folder with --models-dir"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            problem = _strerror(exc)
            fix = "make the folder writable, or choose another with --models-dir"
        else:
            problem, fix = _strerror(exc), "check the folder"
        raise ModelError(
            f"cannot {action} {models_dir}: {problem}; nothing was changed ({fix})"
        ) from exc


def _strerror(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _size(n: float) -> str:
    for unit, scale in (("GiB", _GiB), ("MiB", _MiB), ("KiB", _KiB)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{int(n)} bytes"


def _shown(value: object) -> str:
    """repr() of a value from an archive, cut short: a name can be 300 characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:60] + "…" + text[-10:]


def _one_line(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 300 else text[:297] + "…"


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason if reason is not None else exc)
