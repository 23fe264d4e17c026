"""Shared fixtures: an isolated argostranslate home and a real (copy) Argos package.

argostranslate.settings reads ARGOS_* / XDG_* variables and creates folders when first
imported, so they are pointed at a temporary folder here, before any test can import it.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="localise-tests-argos-"))
for _variable, _folder in {
    "XDG_DATA_HOME": "data",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "ARGOS_PACKAGES_DIR": "argos-packages",
}.items():
    os.environ[_variable] = str(_ARGOS_HOME / _folder)
os.environ.pop("LOCALISE_MODELS_DIR", None)
os.environ.pop("ARGOS_PACKAGE_INDEX", None)

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def package_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real .argosmodel files of copy models: de→en, en→ru, en→de (built once per session)."""
    from copymodel import build_copy_package

    folder = tmp_path_factory.mktemp("packages")
    return {
        f"{src}-{tgt}": build_copy_package(folder, src, tgt)
        for src, tgt in (("de", "en"), ("en", "ru"), ("en", "de"))
    }


@pytest.fixture
def models_dir(tmp_path: Path, package_files: dict[str, Path]) -> Path:
    """A models folder with the de→en and en→ru copy packages installed the users' way."""
    from localise.engine.packages import install_package_file

    folder = tmp_path / "models"
    for pair in ("de-en", "en-ru"):
        install_package_file(package_files[pair], folder)
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Iterator[Path]:
    """A folder with copies of the example articles (so no test can touch the originals)."""
    import shutil

    folder = tmp_path / "articles"
    shutil.copytree(EXAMPLES, folder)
    yield folder


@pytest.fixture(autouse=True)
def _signal_handlers_are_left_as_found() -> Iterator[None]:
    """A command run in-process must not leave Ctrl-C ignored or blocked: every child started
    later (a batch in a subprocess) would inherit it and could not be stopped. Checked at
    Python's level and, on Linux, at the kernel's (a library may call sigaction itself)."""
    import signal

    def dispositions() -> tuple[object, ...]:
        python = tuple(signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM))
        try:
            status = Path(f"/proc/{os.getpid()}/task/{threading.get_native_id()}/status")
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            return python
        mask = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
        kernel = tuple(int(fields[k], 16) & mask for k in ("SigIgn", "SigBlk"))
        return (*python, *kernel)

    before = dispositions()
    yield
    after = dispositions()
    assert after == before, f"signal handlers left changed: {before} -> {after}"
