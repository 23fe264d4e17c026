"""Helpers the tests share: a pipeline from a few options, a factory of engine doubles, and a
command run the way a user without root's privileges runs it."""

from __future__ import annotations

import ctypes
import functools
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import pytest

from localise import Config, EngineConfig, FormatOptions, ModelsConfig, Pipeline
from localise.engine import Engine, EngineFactory
from localise.errors import ModelNotFoundError

Pair = tuple[str, str]


class Doubles:
    """An engine factory of engine doubles, one per language pair (a test's own engines)."""

    def __init__(self, engines: Mapping[Pair, Engine]) -> None:
        self.engines = dict(engines)

    def describe(self, pair: Pair) -> str:
        if pair not in self.engines:
            raise ModelNotFoundError(*pair, Path("<doubles>"))
        return self.engines[pair].description

    def load(self, pair: Pair) -> Engine:
        self.describe(pair)
        return self.engines[pair]


def config(
    targets: str | Sequence[str],
    models_dir: Path | None = None,
    *,
    source: str | None = None,
    glossaries: Sequence[Path | str] = (),
    article_date: date | None = None,
    beam_size: int = 4,
    formats: FormatOptions | None = None,
) -> Config:
    return Config(
        targets=(targets,) if isinstance(targets, str) else tuple(targets),
        source=source,
        glossaries=tuple(Path(g) for g in glossaries),
        article_date=article_date,
        models=ModelsConfig(folder=models_dir),
        engine=EngineConfig(beam_size=beam_size),
        formats=formats or FormatOptions(),
    )


def make_pipeline(
    targets: str | Sequence[str],
    models_dir: Path | None = None,
    *,
    engines: Mapping[Pair, Engine] | EngineFactory | None = None,
    **options: object,
) -> Pipeline:
    """A pipeline for the targets; ``engines`` maps pairs to engine doubles (or is a factory)."""
    factory = Doubles(engines) if isinstance(engines, Mapping) else engines
    return Pipeline(config(targets, models_dir, **options), engines=factory)  # type: ignore[arg-type]


# -- a command without root's privileges -------------------------------------------------------

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_permission_override() -> None:  # pragma: no cover - runs in the child, before exec
    # Root reads and writes whatever the permission bits say (CAP_DAC_OVERRIDE and
    # CAP_DAC_READ_SEARCH). Without them in the bounding set, the command's process still runs
    # as uid 0 (so the interpreter under /root stays readable to it) but a folder chmod 555
    # is read-only and a file chmod 000 unreadable, as for any user.
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@functools.cache
def _can_drop_permission_override() -> bool:
    """Whether a child may drop it (asked once: it costs an interpreter start)."""
    try:
        probe = subprocess.run(
            [sys.executable, "-c", "pass"],
            preexec_fn=_drop_permission_override,
            capture_output=True,
        )
    except subprocess.SubprocessError:  # the child's prctl failed: raised here
        return False
    return probe.returncode == 0


def run_unprivileged(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m localise ARGS`` with the permission checks of an ordinary user.

    As a non-root user that is a plain run; as root (CI) the child drops root's permission
    override before it starts, and the test is skipped where the system does not allow that.
    """
    if os.geteuid() != 0:
        preexec = None
    else:
        if not _can_drop_permission_override():
            pytest.skip("cannot drop root's permission override here (no CAP_SETPCAP)")
        preexec = _drop_permission_override
    return subprocess.run(
        [sys.executable, "-m", "localise", *args],
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )
