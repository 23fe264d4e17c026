"""Installing, listing and removing Argos packages, from files and from a file:// index."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from copymodel import write_package_index
from localise.cli import main
from localise.engine.packages import (
    fetch_index,
    find_route,
    install_from_index,
    install_package_file,
    installed_packages,
    plan_downloads,
    remove_package,
)
from localise.errors import ModelNotFoundError, PackageFileError, PackageIndexError


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    return path


METADATA = json.dumps({"from_code": "de", "to_code": "en", "package_version": "1.0"}).encode()


def test_install_from_file_lists_and_removes(
    tmp_path: Path, package_files: dict[str, Path]
) -> None:
    models = tmp_path / "models"
    package = install_package_file(package_files["de-en"], models)
    assert (package.from_code, package.to_code, package.version) == ("de", "en", "1.0")
    assert (package.path / "model" / "model.bin").is_file()
    assert installed_packages(models) == [package]
    assert [p.name for p in models.iterdir()] == [package.path.name]  # no staging left over
    assert remove_package(models, "de", "en") == package
    assert installed_packages(models) == []
    assert list(models.iterdir()) == []


def test_reinstall_replaces_the_same_pair(tmp_path: Path, package_files: dict[str, Path]) -> None:
    models = tmp_path / "models"
    install_package_file(package_files["de-en"], models)
    install_package_file(package_files["de-en"], models)
    assert len(installed_packages(models)) == 1


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        (
            {"pkg/../../evil.txt": b"x", "pkg/metadata.json": METADATA},
            "member 'pkg/../../evil.txt' would escape the models folder",
        ),
        (
            {"/abs/metadata.json": METADATA},
            "member '/abs/metadata.json' would escape the models folder",
        ),
        (
            {"a/metadata.json": METADATA, "b/model/model.bin": b""},
            "expected one top-level folder, found a, b",
        ),
        ({"pkg/model/model.bin": b""}, "no pkg/metadata.json"),
        ({"pkg/metadata.json": METADATA}, "no pkg/model/ folder with the CTranslate2 model"),
        (
            {"pkg/metadata.json": b"{not json", "pkg/model/model.bin": b""},
            "metadata.json is not valid JSON",
        ),
        (
            {"pkg/metadata.json": b'{"from_code": "de"}', "pkg/model/model.bin": b""},
            "metadata.json has no valid 'to_code': None",
        ),
    ],
)
def test_invalid_packages_are_refused(
    tmp_path: Path, members: dict[str, bytes], reason: str
) -> None:
    archive = _zip(tmp_path / "bad.argosmodel", members)
    models = tmp_path / "models"
    with pytest.raises(PackageFileError) as caught:
        install_package_file(archive, models)
    assert str(caught.value).startswith(f"{archive}: not a valid Argos package: {reason}")
    assert not models.exists() or list(models.iterdir()) == []


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "broken.argosmodel"
    archive.write_bytes(b"PK\x03\x04 truncated garbage")
    with pytest.raises(PackageFileError, match="not a zip archive"):
        install_package_file(archive, tmp_path / "models")


def test_a_truncated_package_is_refused(tmp_path: Path, package_files: dict[str, Path]) -> None:
    data = package_files["de-en"].read_bytes()
    archive = tmp_path / "truncated.argosmodel"
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(PackageFileError):
        install_package_file(archive, tmp_path / "models")


def test_route_is_direct_or_through_english(models_dir: Path) -> None:
    assert [p.name for p in find_route(models_dir, "de", "en")] == ["translate-de_en"]
    assert [p.name for p in find_route(models_dir, "de", "ru")] == [
        "translate-de_en",
        "translate-en_ru",
    ]


def test_missing_pair_names_the_install_command(models_dir: Path) -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        find_route(models_dir, "ru", "de")
    assert str(caught.value) == (
        f"no ru→de model installed in {models_dir} (nor a pivot through English); run "
        "`localise models install ru de` or install an .argosmodel file with "
        "`localise models install FILE`"
    )


def test_install_from_a_file_index(tmp_path: Path, package_files: dict[str, Path]) -> None:
    index = write_package_index(
        tmp_path / "index", [package_files["de-en"], package_files["en-ru"]]
    )
    entries = fetch_index(index.parent.as_uri() + "/")
    assert {(e.from_code, e.to_code) for e in entries} == {("de", "en"), ("en", "ru")}
    plan = plan_downloads(entries, "de", "ru")
    assert [(e.from_code, e.to_code) for e in plan] == [("de", "en"), ("en", "ru")]
    seen: list[int] = []
    models = tmp_path / "models"
    for entry in plan:
        install_from_index(entry, models, progress=lambda done, total: seen.append(done))
    assert [p.name for p in find_route(models, "de", "ru")] == [
        "translate-de_en",
        "translate-en_ru",
    ]
    assert seen and seen[-1] > 0
    assert {p.name for p in models.iterdir()} == {"translate-de_en-1_0", "translate-en_ru-1_0"}


def test_index_without_the_pair(tmp_path: Path, package_files: dict[str, Path]) -> None:
    index = write_package_index(tmp_path / "index", [package_files["de-en"]])
    with pytest.raises(PackageIndexError, match=r"offers no ru→de package.*it offers: de→en"):
        plan_downloads(fetch_index(index.parent.as_uri()), "ru", "de")


def test_unreachable_index_fails_fast_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(PackageIndexError) as caught:
        fetch_index((tmp_path / "nowhere").as_uri())
    assert "cannot fetch the package index" in str(caught.value)
    assert "localise models install FILE.argosmodel" in str(caught.value)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LOCALISE_MODELS_DIR": "/a", "ARGOS_PACKAGES_DIR": "/b"}, "/a"),
        ({"ARGOS_PACKAGES_DIR": "/b", "XDG_DATA_HOME": "/x"}, "/b"),
        ({"XDG_DATA_HOME": "/x"}, "/x/argos-translate/packages"),
    ],
)
def test_the_command_line_finds_the_models_folder_as_argospm_does(
    environ: dict[str, str], expected: str
) -> None:
    clean = {"LOCALISE_MODELS_DIR": "", "ARGOS_PACKAGES_DIR": "", "XDG_DATA_HOME": ""}
    result = CliRunner().invoke(main, ["models", "list"], env={**clean, **environ})
    assert result.output.startswith(f"no models installed in {expected};")
