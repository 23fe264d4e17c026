"""Argos translation packages on disk: list, validate, install, remove, fetch from the index.

Installed packages live in one folder, by default argostranslate's own package folder, so that
packages installed with ``argospm`` are reused. Reading what is installed needs only each
package's ``metadata.json``; argostranslate itself is imported only to parse the package index
and, in :mod:`localise.engine`, to load a package's tokenizer.

An install never leaves half a package: the archive is checked first (a zip, one top folder,
``metadata.json`` with language codes, a ``model/`` folder, no member escaping the target),
extracted to a temporary folder beside the destination, then renamed into place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ModelNotFoundError, PackageFileError, PackageIndexError

PIVOT_LANGUAGE = "en"
DOWNLOAD_TIMEOUT = 30.0

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


def installed_packages(models_dir: Path) -> list[InstalledPackage]:
    """Every readable package in ``models_dir``, sorted by language pair."""
    if not models_dir.is_dir():
        return []
    packages = []
    for folder in sorted(models_dir.iterdir()):
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


def install_package_file(archive: Path, models_dir: Path) -> InstalledPackage:
    """Validate an ``.argosmodel`` file and install it, replacing a package of the same pair."""
    top, metadata = validate_package_file(archive)
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=models_dir))
    try:
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(staging)
        for old in installed_packages(models_dir):
            if (old.from_code, old.to_code) == (metadata["from_code"], metadata["to_code"]):
                _remove_folder(old.path)
        destination = models_dir / top
        if destination.exists():
            _remove_folder(destination)
        os.replace(staging / top, destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return InstalledPackage(
        path=destination,
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        version=str(metadata.get("package_version", "")),
    )


def validate_package_file(archive: Path) -> tuple[str, dict[str, Any]]:
    """Check an ``.argosmodel`` file; return its top folder name and metadata."""
    if not archive.is_file():
        raise PackageFileError(archive, "no such file")
    if not zipfile.is_zipfile(archive):
        raise PackageFileError(archive, "not a zip archive")
    try:
        with zipfile.ZipFile(archive) as zipped:
            names = zipped.namelist()
            top = _single_top_folder(archive, names)
            try:
                raw = zipped.read(f"{top}/metadata.json")
            except KeyError:
                raise PackageFileError(archive, f"no {top}/metadata.json") from None
            bad = zipped.testzip()
    except zipfile.BadZipFile as exc:
        raise PackageFileError(archive, f"corrupt zip archive ({exc})") from exc
    if bad is not None:
        raise PackageFileError(archive, f"corrupt member {bad!r} (CRC mismatch)")
    if not any(name.startswith(f"{top}/model/") for name in names):
        raise PackageFileError(archive, f"no {top}/model/ folder with the CTranslate2 model")
    metadata = _parse_metadata(archive, raw)
    return top, metadata


def remove_package(models_dir: Path, from_code: str, to_code: str) -> InstalledPackage:
    """Remove the installed package for a pair; raise ModelNotFoundError if there is none."""
    for package in installed_packages(models_dir):
        if (package.from_code, package.to_code) == (from_code, to_code):
            _remove_folder(package.path)
            return package
    raise ModelNotFoundError(from_code, to_code, models_dir)


def fetch_index(index_url: str, *, timeout: float = DOWNLOAD_TIMEOUT) -> list[IndexEntry]:
    """Read the package index at ``index_url`` (a folder URL holding ``index.json``).

    argostranslate's ``get_available_packages()`` retries forever when the index cannot be
    fetched; we fetch it once, with a timeout, and parse entries with argostranslate's own
    ``AvailablePackage`` so naming follows argospm.
    """
    import urllib.error
    import urllib.request  # here: it loads ssl and http, which nothing else needs

    url = index_url if index_url.endswith(".json") else index_url.rstrip("/") + "/index.json"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            entries = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError) as exc:
        raise PackageIndexError(
            f"cannot fetch the package index {url} ({_reason(exc)}); check the network, or "
            f"install a downloaded file with `localise models install FILE.argosmodel`"
        ) from exc
    except ValueError as exc:
        raise PackageIndexError(f"the package index {url} is not valid JSON ({exc})") from exc
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
) -> list[InstalledPackage]:
    """Download and install what a pair needs: its package, or both legs through English
    (a leg already installed is kept). ``progress`` gives each download its callback."""
    installed = {(p.from_code, p.to_code) for p in installed_packages(models_dir)}
    entries = plan_downloads(fetch_index(index_url), from_code, to_code)
    done = []
    for entry in entries:
        if (entry.from_code, entry.to_code) not in installed or len(entries) == 1:
            callback = progress(entry) if progress is not None else None
            done.append(install_from_index(entry, models_dir, progress=callback))
    return done


def install_from_index(
    entry: IndexEntry, models_dir: Path, *, progress: Progress | None = None
) -> InstalledPackage:
    """Download one index entry to a temporary file and install it like a local file."""
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".download-", dir=models_dir) as folder:
        archive = Path(folder) / entry.filename
        _download(entry.links, archive, progress)
        return install_package_file(archive, models_dir)


def _download(links: Sequence[str], destination: Path, progress: Progress | None) -> None:
    import urllib.error
    import urllib.request

    failures = []
    for link in links:
        try:
            with urllib.request.urlopen(link, timeout=DOWNLOAD_TIMEOUT) as response:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                done = 0
                with destination.open("wb") as out:
                    while chunk := response.read(1 << 16):
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)
            return
        except (urllib.error.URLError, OSError) as exc:
            failures.append(f"{link}: {_reason(exc)}")
    raise PackageIndexError("download failed: " + "; ".join(failures or ["no links"]))


def _index_entry(metadata: dict[str, Any]) -> IndexEntry:
    from argostranslate.package import AvailablePackage, argospm_package_name

    available = AvailablePackage(metadata)
    return IndexEntry(
        from_code=str(available.from_code),
        to_code=str(available.to_code),
        version=str(available.package_version),
        links=tuple(available.links),
        filename=argospm_package_name(available) + ".argosmodel",
    )


def _single_top_folder(archive: Path, names: Sequence[str]) -> str:
    tops = set()
    for name in names:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or "\\" in name or ":" in path.parts[0]:
            raise PackageFileError(archive, f"member {name!r} would escape the models folder")
        tops.add(path.parts[0])
    if len(tops) != 1:
        found = ", ".join(sorted(tops)) or "nothing"
        raise PackageFileError(archive, f"expected one top-level folder, found {found}")
    top = tops.pop()
    if top in {".", ""} or top.startswith("."):
        raise PackageFileError(archive, f"bad top-level folder name {top!r}")
    return top


def _parse_metadata(archive: Path, raw: bytes) -> dict[str, Any]:
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageFileError(archive, f"metadata.json is not valid JSON ({exc})") from exc
    if not isinstance(metadata, dict):
        raise PackageFileError(archive, "metadata.json is not a JSON object")
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.isalpha():
            raise PackageFileError(archive, f"metadata.json has no valid {key!r}: {value!r}")
    return metadata


def _read_metadata(path: Path) -> dict[str, Any] | None:
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(metadata, dict) and all(
        isinstance(metadata.get(key), str) for key in ("from_code", "to_code")
    )
    return metadata if ok else None


def _remove_folder(folder: Path) -> None:
    # Rename first so that a crash mid-delete never leaves a half package under its real name.
    doomed = folder.with_name(f".removing-{folder.name}")
    shutil.rmtree(doomed, ignore_errors=True)
    os.replace(folder, doomed)
    shutil.rmtree(doomed)


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason if reason is not None else exc)
