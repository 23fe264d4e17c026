"""Hostile and broken Argos packages, and a models folder that cannot take them.

Each archive is built here with zipfile (valid ones from the copy model): every one is refused
with one line naming the file, nothing is left half installed, and the package already
installed is untouched, byte for byte. Zip bombs are refused from their declared sizes and,
with that check switched off, by the limit counted while unpacking, set low here, so no test
writes more than a few MiB.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import random
import shutil
import stat
import struct
import subprocess
import sys
import time
import warnings
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from copymodel import write_package_index
from localise.cli import main
from localise.engine import packages
from localise.engine.packages import (
    PackageLimits,
    fetch_index,
    install_from_index,
    install_package_file,
    installed_packages,
    remove_leftovers,
    remove_package,
    validate_package_file,
)
from localise.errors import ModelError, PackageFileError, PackageIndexError
from support import run_unprivileged

TOP = "translate-de_en-1_0"
METADATA = json.dumps({"from_code": "de", "to_code": "en", "package_version": "1.0"}).encode()
MODEL = {"pkg/metadata.json": METADATA, "pkg/model/model.bin": b"weights"}

Member = tuple["str | zipfile.ZipInfo", bytes]


def _zip(path: Path, members: Iterable[Member], method: int = zipfile.ZIP_STORED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate names we mean to write
        with zipfile.ZipFile(path, "w", method) as zipped:
            for name, data in members:
                zipped.writestr(name, data)
    return path


def _link(name: str, target: str) -> Member:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def _special(name: str) -> Member:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    return info, b""


def _patched(archive: Path, name: str, offset: int, value: int, fmt: str = "<H") -> Path:
    """The archive with one field of ``name``'s central directory entry overwritten (8 flags,
    10 compression method, 24 uncompressed size): headers that lie."""
    data = bytearray(archive.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            struct.pack_into(fmt, data, at + offset, value)
            archive.write_bytes(bytes(data))
            return archive
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"no {name} in {archive}")


def _repacked(
    source: Path,
    archive: Path,
    *,
    top: str = TOP,
    replace: dict[str, bytes] | None = None,
) -> Path:
    """A copy of a valid package with its top folder renamed and some members replaced
    (named below the top folder, e.g. ``model/model.bin``)."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(archive, "w") as new:
        for info in old.infolist():
            inner = info.filename.split("/", 1)[1]
            data = replace.get(inner, old.read(info))
            new.writestr(f"{top}/{inner}", data, zipfile.ZIP_DEFLATED)
    return archive


def _tree(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with a digest of its bytes: equal trees, equal files."""
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        )
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def installed_template(
    tmp_path_factory: pytest.TempPathFactory, package_files: dict[str, Path]
) -> Path:
    folder = tmp_path_factory.mktemp("template") / "models"
    install_package_file(package_files["de-en"], folder)
    return folder


@pytest.fixture
def installed(tmp_path: Path, installed_template: Path) -> Path:
    """A models folder holding the de→en copy package (copied, not reinstalled: fast)."""
    folder = tmp_path / "models"
    shutil.copytree(installed_template, folder)
    return folder


def _refused(archive: Path, models: Path, **limits: Any) -> str:
    """Install ``archive`` into ``models``; return the reason it was refused, after checking
    that the models folder is exactly as it was."""
    before = _tree(models)
    with pytest.raises(PackageFileError) as caught:
        install_package_file(archive, models, limits=PackageLimits(**limits))
    assert _tree(models) == before
    assert caught.value.path == archive
    message = str(caught.value)
    assert message.startswith(f"{archive}: not a valid Argos package: ")
    assert "\n" not in message
    return caught.value.reason


# --- the central directory --------------------------------------------------------------

HOSTILE: list[tuple[str, list[Member], str]] = [
    (
        "parent folder",
        [("pkg/../../evil.txt", b"x"), *MODEL.items()],
        "member 'pkg/../../evil.txt' would escape the models folder",
    ),
    (
        "absolute path",
        [("/etc/evil", b"x"), *MODEL.items()],
        "member '/etc/evil' would escape the models folder",
    ),
    (
        "backslashes",
        [*MODEL.items(), ("pkg\\..\\..\\evil", b"x")],
        "member 'pkg\\\\..\\\\..\\\\evil' would escape the models folder",
    ),
    (
        "drive letter",
        [("C:/evil", b"x"), *MODEL.items()],
        "member 'C:/evil' would escape the models folder",
    ),
    (
        "symlink",
        [*MODEL.items(), _link("pkg/sentencepiece.model", "/etc/passwd")],
        "member 'pkg/sentencepiece.model' is a symbolic link",
    ),
    (
        "symlinked folder",
        [("pkg/metadata.json", METADATA), _link("pkg/model", "/tmp"), ("pkg/model/x", b"")],
        "member 'pkg/model' is a symbolic link",
    ),
    (
        "special file",
        [*MODEL.items(), _special("pkg/fifo")],
        "member 'pkg/fifo' is not a file or a folder",
    ),
    (
        "duplicate name",
        [*MODEL.items(), ("pkg/metadata.json", METADATA)],
        "duplicate member 'pkg/metadata.json'",
    ),
    (
        "duplicate once normalised",
        [*MODEL.items(), ("pkg/./model//model.bin", b"other")],
        "duplicate member 'pkg/./model//model.bin' (as 'pkg/model/model.bin')",
    ),
    (
        "names differing in case",
        [*MODEL.items(), ("pkg/model/MODEL.bin", b"other")],
        "duplicate member 'pkg/model/MODEL.bin' (as 'pkg/model/model.bin')",
    ),
    (
        "a file and a folder of one name",
        [("pkg/model", b"file"), *MODEL.items()],
        "'pkg/model' is both a file and a folder",
    ),
    (
        "a folder entry and a file of one name",
        [*MODEL.items(), ("pkg/extra/", b""), ("pkg/extra", b"file")],
        "duplicate member 'pkg/extra'",
    ),
    (
        "300-character name",
        [*MODEL.items(), ("pkg/" + "a" * 300, b"")],
        f"member 'pkg/{'a' * 55}…{'a' * 9}' has a name longer than the 255 bytes a file "
        "system allows",
    ),
    (
        "deep folders",
        [*MODEL.items(), ("pkg/" + "d/" * 20 + "x", b"")],
        f"member {'pkg/' + 'd/' * 20 + 'x'!r} is 45 characters, 22 folders deep "
        "(at most 1024 and 16)",
    ),
    (
        "control character",
        [*MODEL.items(), ("pkg/model/new\nline", b"")],
        "member 'pkg/model/new\\nline' has a control character",
    ),
    (
        "only a file",
        [("metadata.json", METADATA)],
        "expected one top-level folder, found the file 'metadata.json'",
    ),
    (
        "hidden top folder",
        [(".pkg/metadata.json", METADATA), (".pkg/model/model.bin", b"")],
        "bad top-level folder name '.pkg'",
    ),
    (
        "metadata.json is a folder",
        [("pkg/metadata.json/", b""), ("pkg/model/model.bin", b"")],
        "no pkg/metadata.json",
    ),
    (
        "metadata.json too big",
        [("pkg/metadata.json", b" " * (1 << 20) + METADATA), ("pkg/model/model.bin", b"")],
        "pkg/metadata.json is 1.0 MiB, more than the 1.0 MiB a package's metadata may take",
    ),
    (
        "metadata.json nested deeply",
        [
            ("pkg/metadata.json", b'{"from_code": "de", "x": ' + b"[" * 100_000 + b"]" * 100_000),
            ("pkg/model/model.bin", b""),
        ],
        "metadata.json is nested more than 32 levels deep",
    ),
    (
        "metadata.json nested past the limit",
        [
            ("pkg/metadata.json", b'{"x": ' + b"[" * 40 + b"]" * 40 + b"}"),
            ("pkg/model/model.bin", b""),
        ],
        "metadata.json is nested more than 32 levels deep",
    ),
    (
        "metadata.json a list",
        [("pkg/metadata.json", b"[]"), ("pkg/model/model.bin", b"")],
        "metadata.json is not a JSON object",
    ),
    (
        "metadata.json not UTF-8",
        [("pkg/metadata.json", b'{"from_code": "\xff"}'), ("pkg/model/model.bin", b"")],
        "metadata.json is not valid JSON",
    ),
    (
        "metadata.json with a code that is not one",
        [
            ("pkg/metadata.json", b'{"from_code": "de/../x", "to_code": "en"}'),
            ("pkg/model/model.bin", b""),
        ],
        "metadata.json has no valid 'from_code': 'de/../x'",
    ),
    (
        "metadata.json with a huge code",
        [
            ("pkg/metadata.json", b'{"from_code": "' + b"d" * 1000 + b'", "to_code": "en"}'),
            ("pkg/model/model.bin", b""),
        ],
        "metadata.json has no valid 'from_code': 'dddddddddddddddddd",
    ),
    (
        "metadata.json of another kind of package",
        [
            ("pkg/metadata.json", b'{"type": "sbd", "from_code": "de", "to_code": "en"}'),
            ("pkg/model/model.bin", b""),
        ],
        "metadata.json has type 'sbd'; only 'translate' packages install",
    ),
    (
        "metadata.json with an odd version",
        [
            (
                "pkg/metadata.json",
                b'{"from_code": "de", "to_code": "en", "package_version": {"a": 1}}',
            ),
            ("pkg/model/model.bin", b""),
        ],
        "metadata.json has no valid 'package_version': {'a': 1}",
    ),
    ("no model", [("pkg/metadata.json", METADATA)], "no pkg/model/ folder with the CTranslate2"),
    ("empty archive", [], "expected one top-level folder, found nothing"),
]


@pytest.mark.parametrize(
    ("members", "reason"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_hostile_archives_are_refused_and_nothing_is_touched(
    tmp_path: Path, installed: Path, members: list[Member], reason: str
) -> None:
    archive = _zip(tmp_path / "hostile.argosmodel", members)
    assert _refused(archive, installed).startswith(reason)
    with pytest.raises(PackageFileError):
        validate_package_file(archive)


def test_too_many_members_are_refused(tmp_path: Path, installed: Path) -> None:
    archive = _zip(
        tmp_path / "many.argosmodel", [*MODEL.items(), *((f"pkg/{n}", b"") for n in range(9))]
    )
    assert _refused(archive, installed, max_members=10) == "it has 11 members, more than 10"


@pytest.mark.parametrize(
    ("name", "offset", "value", "reason"),
    [
        (
            "pkg/model/model.bin",
            10,
            9,
            "member 'pkg/model/model.bin' uses compression method 9, which cannot be unpacked "
            "(Argos packages use deflate)",
        ),
        ("pkg/model/model.bin", 8, 1, "member 'pkg/model/model.bin' is encrypted"),
    ],
    ids=["deflate64", "encrypted"],
)
def test_members_zipfile_cannot_unpack_are_refused(
    tmp_path: Path, installed: Path, name: str, offset: int, value: int, reason: str
) -> None:
    archive = _patched(_zip(tmp_path / "odd.argosmodel", MODEL.items()), name, offset, value)
    assert _refused(archive, installed) == reason


@pytest.mark.parametrize(
    ("cut", "reason"),
    [(0.5, "not a zip archive"), (0.999, "not a zip archive"), (0.0, "not a zip archive")],
)
def test_truncated_archives_are_refused(
    tmp_path: Path, installed: Path, package_files: dict[str, Path], cut: float, reason: str
) -> None:
    data = package_files["de-en"].read_bytes()
    archive = tmp_path / "truncated.argosmodel"
    archive.write_bytes(data[: int(len(data) * cut)])
    assert _refused(archive, installed) == reason


def test_what_is_not_an_archive_file_is_refused(tmp_path: Path) -> None:
    models = tmp_path / "models"
    fifo = tmp_path / "fifo.argosmodel"
    os.mkfifo(fifo)
    (tmp_path / "folder.argosmodel").mkdir()
    for path, reason in [
        (tmp_path / "missing.argosmodel", "no such file"),
        (fifo, "not a regular file"),
        (tmp_path / "folder.argosmodel", "it is a folder; give the .argosmodel file"),
    ]:
        with pytest.raises(PackageFileError) as caught:
            install_package_file(path, models)
        assert caught.value.reason == reason
    assert not models.exists()


# --- zip bombs ------------------------------------------------------------------------


def test_a_bomb_is_refused_from_its_declared_size(tmp_path: Path, installed: Path) -> None:
    # 2.5 GB of zeros, declared: the default limit refuses it before a byte is written.
    archive = _zip(tmp_path / "bomb.argosmodel", [*MODEL.items(), ("pkg/zeros", b"\0" * 1000)])
    _patched(archive, "pkg/zeros", 24, 2_500_000_000, "<I")
    assert _refused(archive, installed) == (
        "it would unpack to 2.3 GiB, more than the 2.0 GiB a package may take (a zip bomb?)"
    )


def test_a_bomb_is_refused_from_its_ratio(tmp_path: Path, installed: Path) -> None:
    archive = _zip(
        tmp_path / "bomb.argosmodel",
        [*MODEL.items(), ("pkg/zeros", bytes(8 << 20))],
        zipfile.ZIP_DEFLATED,
    )
    size = archive.stat().st_size
    reason = _refused(archive, installed, ratio_floor=1 << 20)
    assert reason == (
        f"it would unpack to 8.0 MiB, more than 100 times its own {size / 1024:.1f} KiB "
        "(a zip bomb?)"
    )


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        ({"max_unpacked": 1 << 20}, "it unpacks to more than the 1.0 MiB a package may take"),
        ({"ratio_floor": 1 << 20}, "it unpacks to more than 100 times its own"),
    ],
)
def test_unpacking_enforces_the_limits_itself(
    tmp_path: Path,
    installed: Path,
    monkeypatch: pytest.MonkeyPatch,
    limits: dict[str, int],
    reason: str,
) -> None:
    # Headers can lie: with the central-directory check switched off, the bytes counted while
    # unpacking still stop the bomb, and the staging folder goes.
    monkeypatch.setattr(packages, "_check_declared", lambda *args: 0)
    archive = _zip(
        tmp_path / "bomb.argosmodel",
        [*MODEL.items(), ("pkg/zeros", bytes(8 << 20))],
        zipfile.ZIP_DEFLATED,
    )
    assert _refused(archive, installed, **limits).startswith(reason)


def test_a_member_larger_than_its_header_says_is_refused(tmp_path: Path, installed: Path) -> None:
    archive = _zip(tmp_path / "liar.argosmodel", [*MODEL.items(), ("pkg/data", b"x" * 5000)])
    _patched(archive, "pkg/data", 24, 10, "<I")
    assert _refused(archive, installed).startswith("member 'pkg/data' is corrupt (Bad CRC-32")


def test_a_damaged_member_is_refused(
    tmp_path: Path, installed: Path, package_files: dict[str, Path]
) -> None:
    data = bytearray(package_files["de-en"].read_bytes())
    with zipfile.ZipFile(package_files["de-en"]) as zipped:
        info = zipped.getinfo(f"{TOP}/model/model.bin")
    middle = info.header_offset + 100 + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    archive = tmp_path / "damaged.argosmodel"
    archive.write_bytes(bytes(data))
    assert _refused(archive, installed).startswith(f"member '{TOP}/model/model.bin' is corrupt (")


# --- the model --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("replace", "detail"),
    [
        ({"model/model.bin": b"\x07" * 4096}, "RuntimeError: Unsupported model binary version"),
        ({"model/model.bin": b""}, "RuntimeError: File model.bin is incomplete"),
        ({"model/config.json": b"{broken"}, "RuntimeError: [json.exception.parse_error.101]"),
    ],
    ids=["garbage", "empty", "bad config"],
)
def test_a_model_ctranslate2_cannot_load_is_refused(
    tmp_path: Path,
    installed: Path,
    package_files: dict[str, Path],
    replace: dict[str, bytes],
    detail: str,
) -> None:
    # The same pair as the one installed: the good package stays.
    archive = _repacked(package_files["de-en"], tmp_path / "corrupt.argosmodel", replace=replace)
    reason = _refused(archive, installed)
    assert reason.startswith(f"CTranslate2 cannot load its model ({detail}")
    assert reason.endswith("; download the package again, or get one made for this CTranslate2")
    assert [p.version for p in installed_packages(installed)] == ["1.0"]


@pytest.mark.parametrize(
    ("script", "timeout", "reason"),
    [
        (
            "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)",
            60.0,
            "CTranslate2 cannot load its model (it crashed with signal 11)",
        ),
        ("import time; time.sleep(60)", 0.5, "CTranslate2 did not load its model within 0.5 s"),
    ],
    ids=["crash", "hang"],
)
def test_a_crash_or_hang_while_loading_is_contained(
    tmp_path: Path,
    installed: Path,
    package_files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    script: str,
    timeout: float,
    reason: str,
) -> None:
    monkeypatch.setattr(packages, "_LOAD_CHECK", script)
    started = time.monotonic()
    assert _refused(package_files["en-ru"], installed, load_timeout=timeout).startswith(reason)
    assert time.monotonic() - started < 30


# --- folder names -----------------------------------------------------------------------


def test_an_archive_named_like_another_pair_never_replaces_it(
    tmp_path: Path, installed: Path, package_files: dict[str, Path]
) -> None:
    before = _tree(installed / TOP)
    archive = _repacked(package_files["en-ru"], tmp_path / "en-ru.argosmodel", top=TOP)
    package = install_package_file(archive, installed)
    assert package.path == installed / "translate-en_ru-1_0"
    assert _tree(installed / TOP) == before
    assert [(p.from_code, p.to_code) for p in installed_packages(installed)] == [
        ("de", "en"),
        ("en", "ru"),
    ]
    # Again, now that en→ru is installed: it replaces en→ru, in en→ru's folder.
    assert install_package_file(archive, installed).path == installed / "translate-en_ru-1_0"
    assert _tree(installed / TOP) == before
    assert sorted(p.name for p in installed.iterdir()) == [TOP, "translate-en_ru-1_0"]


def test_a_folder_that_is_not_a_package_is_never_replaced(
    tmp_path: Path, package_files: dict[str, Path]
) -> None:
    models = tmp_path / "models"
    (models / TOP).mkdir(parents=True)
    (models / TOP / "notes.txt").write_text("mine")
    package = install_package_file(
        _repacked(package_files["en-ru"], tmp_path / "a.argosmodel", top=TOP), models
    )
    assert package.path.name == "translate-en_ru-1_0"
    assert (models / TOP / "notes.txt").read_text() == "mine"
    # Both names taken by something else: refused, nothing touched.
    other = _repacked(package_files["de-en"], tmp_path / "b.argosmodel", top="translate-en_ru-1_0")
    (models / "translate-de_en-1_0" / "mine").mkdir(exist_ok=True)
    before = _tree(models)
    with pytest.raises(ModelError) as caught:
        install_package_file(other, models)
    assert str(caught.value) == (
        f"cannot install b.argosmodel: its folder 'translate-en_ru-1_0' in {models} holds the "
        "en→ru package, and 'translate-de_en-1_0' is taken too; nothing was changed (move one "
        "of them away)"
    )
    assert _tree(models) == before


# --- leftovers --------------------------------------------------------------------------


def test_a_killed_install_leaves_a_folder_the_next_listing_removes(
    tmp_path: Path, installed: Path, package_files: dict[str, Path]
) -> None:
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from localise.engine import packages\n"
        "packages._check_model_loads = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "packages.install_package_file(Path(sys.argv[1]), Path(sys.argv[2]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(package_files["en-ru"]), str(installed)], check=False
    )
    assert done.returncode == -9
    (leftover,) = installed.glob(".installing-*")
    assert (leftover / "translate-en_ru-1_0" / "model" / "model.bin").is_file()
    result = CliRunner().invoke(main, ["models", "list", "--models-dir", str(installed)])
    assert result.exit_code == 0, result.output
    assert result.output == f"de→en\ttranslate-de_en 1.0\t{installed / TOP}\n"
    assert sorted(p.name for p in installed.iterdir()) == [TOP]


def test_leftovers_are_removed_only_when_stale(tmp_path: Path) -> None:
    models = tmp_path / "models"
    host = packages._host_tag()
    names = {
        f".installing-99999999-{host}-dead": True,  # no such process
        f".download-{os.getpid()}-{host}-alive": False,  # this one
        f".removing-1-{host}-init": False,  # alive (pid 1)
        f".installing-99999999-{'0' * 8 if host != '0' * 8 else '1' * 8}-elsewhere": False,
        ".installing-legacy": False,  # no pid: only age decides
        ".installing-legacy-old": True,
        "translate-de_en-1_0": False,  # not a leftover
        ".hidden": False,
    }
    for name in names:
        (models / name / "sub").mkdir(parents=True)
    old = time.time() - packages.STALE_AFTER - 60
    os.utime(models / ".installing-legacy-old", (old, old))
    removed = remove_leftovers(models)
    assert sorted(p.name for p in removed) == sorted(n for n, stale in names.items() if stale)
    assert sorted(p.name for p in models.iterdir()) == sorted(
        n for n, stale in names.items() if not stale
    )
    later = time.time() + packages.STALE_AFTER + 60
    assert {p.name for p in remove_leftovers(models, now=later)} == {
        n for n, stale in names.items() if not stale and n.startswith((".inst", ".dow", ".rem"))
    }


def test_a_broken_folder_in_the_models_folder_is_not_listed(installed: Path) -> None:
    # Folders argospm or a person put there are read, never trusted.
    for name, metadata in [
        ("deep", b'{"from_code": "de", "to_code": "en", "x": ' + b"[" * 100_000),
        ("huge", b'{"from_code": "de", "to_code": "en"}' + b" " * (2 << 20)),
        ("binary", b"\xff\xfe"),
    ]:
        (installed / name / "model").mkdir(parents=True)
        (installed / name / "metadata.json").write_bytes(metadata)
    result = CliRunner().invoke(main, ["models", "list", "--models-dir", str(installed)])
    assert (result.exit_code, result.output) == (
        0,
        f"de→en\ttranslate-de_en 1.0\t{installed / TOP}\n",
    )


# --- remove -----------------------------------------------------------------------------


def test_removing_a_pair_that_is_not_installed_lists_what_is(models_dir: Path) -> None:
    before = _tree(models_dir)
    result = CliRunner().invoke(
        main, ["models", "remove", "de", "ru", "--models-dir", str(models_dir)]
    )
    assert (result.exit_code, result.output) == (
        1,
        f"localise: error: no de→ru package is installed in {models_dir}, so nothing was "
        "removed (installed: de→en, en→ru)\n",
    )
    assert _tree(models_dir) == before
    with pytest.raises(ModelError, match=r"nothing was removed \(installed: none\)$"):
        remove_package(models_dir.parent / "empty", "de", "en")


# --- the models folder ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["install", "{archive}"],
        ["remove", "de", "en"],
    ],
)
def test_a_read_only_models_folder_is_one_line(
    installed: Path, package_files: dict[str, Path], args: list[str]
) -> None:
    before = _tree(installed)
    archive = package_files["de-en"]
    installed.chmod(0o555)
    try:
        command = ["models", *(a.format(archive=archive) for a in args)]
        result = run_unprivileged(*command, "--models-dir", str(installed))
    finally:
        installed.chmod(0o755)
    action = (
        f"install {archive.name} in" if args[0] == "install" else "remove translate-de_en 1.0 from"
    )
    assert (result.returncode, result.stderr) == (
        1,
        f"localise: error: cannot {action} {installed}: Permission denied; nothing was "
        "changed (make the folder writable, or choose another with --models-dir)\n",
    )
    assert _tree(installed) == before


@pytest.mark.parametrize(
    ("args", "patched", "action"),
    [
        (["install", "{archive}"], "tempfile.mkdtemp", "install {name} in"),
        (["remove", "de", "en"], "os.replace", "remove translate-de_en 1.0 from"),
    ],
)
def test_a_read_only_file_system_is_one_line(
    installed: Path,
    package_files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    patched: str,
    action: str,
) -> None:
    # What a read-only mount answers, even to root: the first write raises EROFS.
    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    before = _tree(installed)
    archive = package_files["de-en"]
    monkeypatch.setattr(patched, read_only)
    command = ["models", *(a.format(archive=archive) for a in args)]
    result = CliRunner().invoke(main, [*command, "--models-dir", str(installed)])
    monkeypatch.undo()
    assert (result.exit_code, result.output) == (
        1,
        f"localise: error: cannot {action.format(name=archive.name)} {installed}: Read-only "
        "file system; nothing was changed (make the folder writable, or choose another with "
        "--models-dir)\n",
    )
    assert _tree(installed) == before


def _failing_writes(real_open: Callable[..., Any], mode_prefix: str) -> Callable[..., Any]:
    """``open`` whose files opened for writing fail with ENOSPC after their first 4 KiB."""

    class Full(io.RawIOBase):
        def __init__(self, file: Any) -> None:
            self.file, self.written = file, 0

        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            self.written += len(data)
            if self.written > 1 << 12:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return int(self.file.write(data))

        def close(self) -> None:
            self.file.close()
            super().close()

    def fake(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        file = real_open(path, mode, *args, **kwargs)
        return Full(file) if mode.startswith(mode_prefix) else file

    return fake


def test_a_full_disk_while_unpacking_is_one_line(
    installed: Path, package_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packages, "open", _failing_writes(open, "x"), raising=False)
    before = _tree(installed)
    archive = package_files["de-en"]
    result = CliRunner().invoke(
        main, ["models", "install", str(archive), "--models-dir", str(installed)]
    )
    assert (result.exit_code, result.output) == (
        1,
        f"localise: error: cannot install {archive.name} in {installed}: the disk is full; "
        "nothing was changed (free some space, or choose another folder with --models-dir)\n",
    )
    assert _tree(installed) == before


def test_a_full_disk_while_downloading_is_one_line(
    tmp_path: Path,
    installed: Path,
    package_files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = write_package_index(tmp_path / "index", [package_files["en-ru"]])
    (entry,) = fetch_index(index.parent.as_uri())
    monkeypatch.setattr(packages, "open", _failing_writes(open, "w"), raising=False)
    before = _tree(installed)
    with pytest.raises(ModelError) as caught:
        install_from_index(entry, installed)
    assert str(caught.value) == (
        f"cannot download translate-en_ru.argosmodel into {installed}: the disk is full; nothing "
        "was changed (free some space, or choose another folder with --models-dir)"
    )
    assert _tree(installed) == before


def test_too_little_free_space_is_refused_before_unpacking(
    installed: Path, package_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    usage = shutil.disk_usage(installed)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage._replace(free=1 << 20))
    before = _tree(installed)
    with pytest.raises(ModelError) as caught:
        install_package_file(package_files["de-en"], installed)
    assert str(caught.value) == (
        f"cannot install {package_files['de-en'].name} in {installed}: it unpacks to 2.5 MiB "
        "and only 1.0 MiB is free; nothing was changed (free some space, or choose another "
        "folder with --models-dir)"
    )
    assert _tree(installed) == before


def test_a_models_folder_that_is_a_file(tmp_path: Path, package_files: dict[str, Path]) -> None:
    models = tmp_path / "models"
    models.write_text("")
    with pytest.raises(ModelError, match=r"models is not a folder; choose one with --models-dir"):
        install_package_file(package_files["de-en"], models)


# --- the index --------------------------------------------------------------------------


def test_a_hostile_archive_from_the_index_names_its_link(tmp_path: Path, installed: Path) -> None:
    archive = _zip(tmp_path / "translate-en_ru-1_0.argosmodel", [("pkg/../../evil", b"x")])
    index = tmp_path / "index" / "index.json"
    index.parent.mkdir()
    entry = {"from_code": "en", "to_code": "ru", "package_version": "1.0", "type": "../../x"}
    index.write_text(json.dumps([{**entry, "links": [archive.as_uri()]}]))
    (indexed,) = fetch_index(index.parent.as_uri())
    assert "/" not in indexed.filename
    before = _tree(installed)
    with pytest.raises(PackageFileError) as caught:
        install_from_index(indexed, installed)
    assert str(caught.value) == (
        f"{archive.as_uri()}: not a valid Argos package: member 'pkg/../../evil' would escape "
        "the models folder"
    )
    assert _tree(installed) == before


def test_a_download_larger_than_a_package_may_be_is_refused(
    tmp_path: Path, installed: Path, package_files: dict[str, Path]
) -> None:
    index = write_package_index(tmp_path / "index", [package_files["en-ru"]])
    (entry,) = fetch_index(index.parent.as_uri())
    size = package_files["en-ru"].stat().st_size
    before = _tree(installed)
    with pytest.raises(PackageFileError) as caught:
        install_from_index(entry, installed, limits=PackageLimits(max_unpacked=10 << 10))
    assert str(caught.value) == (
        f"{entry.links[0]}: not a valid Argos package: it is {size / 1024:.1f} KiB, more than "
        "the 10.0 KiB a package may take"
    )
    assert _tree(installed) == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"a": 1}', "is not a JSON list of packages"),
        ("[" * 100_000 + "]" * 100_000, "is not valid JSON"),
    ],
)
def test_a_malformed_index_is_one_error(tmp_path: Path, text: str, reason: str) -> None:
    index = tmp_path / "index.json"
    index.write_text(text)
    with pytest.raises(PackageIndexError, match=reason):
        fetch_index(index.as_uri())


# --- the command line and fuzzing -----------------------------------------------------


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ([("pkg/../../evil.txt", b"x"), *MODEL.items()], "member 'pkg/../../evil.txt' would"),
        ([*MODEL.items(), _link("pkg/model/x", "/etc")], "member 'pkg/model/x' is a symbolic"),
        ([("pkg/metadata.json", b"[" * 50_000), *list(MODEL.items())[1:]], "metadata.json is"),
    ],
)
def test_the_command_line_says_one_line(
    tmp_path: Path, installed: Path, members: list[Member], reason: str
) -> None:
    archive = _zip(tmp_path / "bad.argosmodel", members)
    result = CliRunner().invoke(
        main, ["models", "install", str(archive), "--models-dir", str(installed)]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"localise: error: {archive}: not a valid Argos package: ")
    assert reason in result.output
    assert result.output.count("\n") == 1


def test_mutated_archives_end_in_a_localise_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever a damaged or crafted zip makes zipfile raise, the installer says it in one
    # line: any other exception fails this test. The model is not loaded (it is no model).
    monkeypatch.setattr(packages, "_check_model_loads", lambda *args: None)
    valid = _zip(
        tmp_path / "valid.argosmodel",
        [*MODEL.items(), ("pkg/sentencepiece.model", b"pieces" * 50)],
        zipfile.ZIP_DEFLATED,
    ).read_bytes()
    rng = random.Random(20250601)
    outcomes = {"installed": 0, "refused": 0}
    for attempt in range(300):
        data = bytearray(valid)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        archive = tmp_path / f"mutant-{attempt}.argosmodel"
        archive.write_bytes(bytes(data))
        models = tmp_path / f"models-{attempt}"
        try:
            install_package_file(archive, models)
            outcomes["installed"] += 1
        except (PackageFileError, ModelError):
            outcomes["refused"] += 1
            assert not models.exists() or [p.name for p in models.iterdir()] == []
    assert outcomes["refused"] > 0 and outcomes["installed"] > 0  # both paths were exercised
