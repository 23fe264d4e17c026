"""localise and argostranslate share packages both ways (needs the ``argos`` extra).

A package installed by localise translates with argostranslate exactly as with localise, and
one installed by argostranslate's own install code is found and used by localise. Each
argostranslate call runs in a fresh interpreter with its own home: argostranslate's settings
create folders at import, and its sentence splitter is spaCy's (``ARGOS_CHUNK_TYPE=SPACY``)
from a blank pipeline saved in the package, so nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("argostranslate", reason="the argos extra is not installed")
spacy = pytest.importorskip("spacy", reason="the argos extra is not installed")

from copymodel import build_copy_package  # noqa: E402
from localise.config import EngineConfig, ModelsConfig  # noqa: E402
from localise.engine import ArgosEngines  # noqa: E402
from localise.engine.packages import install_package_file, installed_packages  # noqa: E402

SENTENCE = "Das neue Haus in Minsk kostet 1,2 Millionen Euro."
TRANSLATED = "Das neue house in Minsk kostet 1,2 Millionen Euro."


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("interop")
    return build_copy_package(folder, "de", "en", replacements={"▁Haus": "▁house"})


def _argos(script: str, models: Path, home: Path) -> str:
    """Run ``script`` with argostranslate's folders in ``home`` and packages in ``models``."""
    cache = home / "cache"
    # argostranslate looks for a cached spaCy model at import and downloads one if absent.
    (cache / "argos-translate" / "spacy" / "senter" / "model").mkdir(parents=True)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    environ.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(cache),
        ARGOS_PACKAGES_DIR=str(models),
        ARGOS_CHUNK_TYPE="SPACY",
        ARGOS_DEVICE_TYPE="cpu",
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=environ, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _blank_splitter(package: Path) -> None:
    # argostranslate adds the sentencizer itself.
    spacy.blank("de").to_disk(package / "spacy")


def _localise(models: Path) -> str:
    engines = ArgosEngines(ModelsConfig(folder=models), EngineConfig(device="cpu"))
    return engines.load(("de", "en")).translate([SENTENCE])[0]


def test_a_package_installed_by_localise_translates_with_argostranslate(
    archive: Path, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    package = install_package_file(archive, models)
    _blank_splitter(package.path)
    script = (
        "import json; from argostranslate import translate; "
        f"print(json.dumps(translate.translate({SENTENCE!r}, 'de', 'en')))"
    )
    by_argos = json.loads(_argos(script, models, tmp_path / "home"))
    assert by_argos == _localise(models) == TRANSLATED


def test_a_package_installed_by_argostranslate_is_used_by_localise(
    archive: Path, tmp_path: Path
) -> None:
    models = tmp_path / "argos-packages"
    script = (
        "import pathlib; from argostranslate import package; "
        f"package.install_from_path(pathlib.Path({str(archive)!r}))"
    )
    _argos(script, models, tmp_path / "home")
    [package] = installed_packages(models)
    assert (package.from_code, package.to_code) == ("de", "en")
    assert _localise(models) == TRANSLATED


def test_a_bpe_package_is_tokenized_as_argostranslate_tokenizes_it(tmp_path: Path) -> None:
    from argostranslate.tokenizer import BPETokenizer

    from copymodel import build_bpe_copy_package
    from localise.engine.tokenizers import load_tokenizer

    package = install_package_file(build_bpe_copy_package(tmp_path), tmp_path / "models")
    ours = load_tokenizer(package.path, "de", "en")
    theirs = BPETokenizer(package.path / "bpe.model", "de", "en")
    for text in ("Der Verband „Belavia & Co.“ meldet 12,5 Prozent mehr.", "5 <b> Euro | mehr"):
        assert ours.encode(text) == theirs.encode(text)
        assert ours.decode(ours.encode(text)) == theirs.decode(theirs.encode(text))
