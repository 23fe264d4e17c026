"""Importing localise has no side effects: no heavy backend loaded, no folder created."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import localise

HEAVY = ["argostranslate", "ctranslate2", "torch", "stanza", "langdetect", "sentencepiece"]


def test_import_loads_no_backend_and_creates_no_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import json, sys, localise, localise.cli, localise.testing; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    environ["HOME"] = str(home)
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []
    assert list(home.iterdir()) == []


def test_public_api_is_curated() -> None:
    assert sorted(localise.__all__) == [
        "Batch", "BatchRun", "Check", "Config", "ConfigError", "Doc", "GlossaryError",
        "InputError", "LocaliseError", "ModelError", "ModelNotFoundError", "Outcome",
        "PackageFileError", "PackageIndexError", "Pipeline", "Progress", "Report", "Result",
        "Segment", "Span", "StateError", "Summary", "__version__",
    ]  # fmt: skip
    for name in localise.__all__:
        assert hasattr(localise, name), name
