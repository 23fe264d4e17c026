"""Translation engines: what the pipeline calls to translate segments, and where they come from.

An :class:`Engine` translates a list of segments, one output per input. Engines come from one
:class:`EngineFactory`, the pipeline's only way to get them: :class:`ArgosEngines` (the
default) finds installed Argos packages (:mod:`.packages`) and runs them through CTranslate2
(:mod:`.argos`), pivoting through English when no direct package is installed, and installs a
missing pair from the package index when the configuration allows it. A test or a workflow
passes its own factory to ``Pipeline(config, engines=...)``; a batch with worker processes
sends it to them pickled.

ctranslate2 is imported only when an engine is described or loaded; argostranslate never.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..config import EngineConfig, ModelsConfig
from ..errors import ModelNotFoundError
from .packages import IndexEntry, Progress, find_route, install_pair

__all__ = ["ArgosEngines", "DownloadHook", "Engine", "EngineFactory"]

Pair = tuple[str, str]
#: Told of each package download (the pair asked for, the package): returns its progress
#: callback, or None.
DownloadHook = Callable[[Pair, IndexEntry], Progress | None]


class Engine(Protocol):
    """Anything that translates a list of segments, one output per input, in order."""

    @property
    def description(self) -> str:
        """Which models translate, for reports and signatures."""
        ...

    def translate(self, segments: Sequence[str]) -> list[str]: ...


class EngineFactory(Protocol):
    """Where a pipeline's engines come from."""

    def describe(self, pair: Pair) -> str:
        """Which models would translate the pair, without loading them; raises
        :class:`~localise.errors.ModelNotFoundError` when none can."""
        ...

    def load(self, pair: Pair) -> Engine:
        """The engine for the pair (loading its models)."""
        ...


class ArgosEngines:
    """Installed Argos packages, found in ``models.folder``; see the module docstring.

    ``on_download`` hears of each package that ``models.download`` makes it fetch (the
    command line draws a progress bar). It stays in this process: a pickled factory (sent to
    a worker) has none, and workers never download, because the batch describes every pair
    in the main process first.
    """

    def __init__(
        self,
        models: ModelsConfig,
        engine: EngineConfig | None = None,
        *,
        on_download: DownloadHook | None = None,
    ) -> None:
        self.models = models
        self.engine = engine or EngineConfig()
        self.on_download = on_download

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "on_download": None}

    def describe(self, pair: Pair) -> str:
        try:
            route = find_route(self.models.path, *pair)
        except ModelNotFoundError:
            if not self.models.download:
                raise
            hook = self.on_download
            progress = (lambda entry: hook(pair, entry)) if hook is not None else None
            install_pair(*pair, self.models.index, self.models.path, progress=progress)
            route = find_route(self.models.path, *pair)
        from .argos import choose_device, describe

        device = choose_device(self.engine.device)
        return " + ".join(describe(package, self.engine, device) for package in route)

    def load(self, pair: Pair) -> Engine:
        from .argos import ArgosEngine, PivotEngine

        self.describe(pair)
        route = find_route(self.models.path, *pair)
        engines = [ArgosEngine(package, self.engine) for package in route]
        return engines[0] if len(engines) == 1 else PivotEngine(engines[0], engines[1])
