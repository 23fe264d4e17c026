"""localise: offline translation and localisation of news-agency articles.

>>> from localise import Config, Pipeline, localise_file                  # doctest: +SKIP
>>> result = localise_file(Pipeline(Config(("en-GB",))), "article.txt")  # doctest: +SKIP
>>> print(result.text); print(result.report.to_json()["warnings"])      # doctest: +SKIP

The names below load on first use, so that ``import localise`` (and ``localise --help``)
loads nothing but this module: no Babel, no SQLite, no model runtime.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING, Any as _Any

from ._version import __version__

#: Each public name and the module that defines it.
_EXPORTS = {
    "Batch": "localise.batch",
    "BatchRun": "localise.batch",
    "Outcome": "localise.batch",
    "Progress": "localise.batch",
    "Summary": "localise.batch",
    "Check": "localise.stages.facts",
    "Finding": "localise.stages.facts",
    "Config": "localise.config",
    "EngineConfig": "localise.config",
    "FormatOptions": "localise.config",
    "ModelsConfig": "localise.config",
    "Style": "localise.config",
    "StyleRules": "localise.config",
    "Doc": "localise.doc",
    "Segment": "localise.doc",
    "Span": "localise.doc",
    "ConfigError": "localise.errors",
    "GlossaryError": "localise.errors",
    "InputError": "localise.errors",
    "LocaliseError": "localise.errors",
    "ModelError": "localise.errors",
    "ModelNotFoundError": "localise.errors",
    "PackageFileError": "localise.errors",
    "PackageIndexError": "localise.errors",
    "StateError": "localise.errors",
    "WorkerError": "localise.errors",
    "localise_file": "localise.files",
    "Pipeline": "localise.pipeline",
    "Prepared": "localise.pipeline",
    "Result": "localise.pipeline",
    "Report": "localise.report",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> _Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'localise' has no attribute {name!r}")
    value = getattr(_importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value  # bound from now on, as an eager import would have
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if _TYPE_CHECKING:  # what the names are, for type checkers (`X as X`: re-exported)
    from .batch import (
        Batch as Batch,
        BatchRun as BatchRun,
        Outcome as Outcome,
        Progress as Progress,
        Summary as Summary,
    )
    from .config import (
        Config as Config,
        EngineConfig as EngineConfig,
        FormatOptions as FormatOptions,
        ModelsConfig as ModelsConfig,
        Style as Style,
        StyleRules as StyleRules,
    )
    from .doc import (
        Doc as Doc,
        Segment as Segment,
        Span as Span,
    )
    from .errors import (
        ConfigError as ConfigError,
        GlossaryError as GlossaryError,
        InputError as InputError,
        LocaliseError as LocaliseError,
        ModelError as ModelError,
        ModelNotFoundError as ModelNotFoundError,
        PackageFileError as PackageFileError,
        PackageIndexError as PackageIndexError,
        StateError as StateError,
        WorkerError as WorkerError,
    )
    from .files import (
        localise_file as localise_file,
    )
    from .pipeline import (
        Pipeline as Pipeline,
        Prepared as Prepared,
        Result as Result,
    )
    from .report import (
        Report as Report,
    )
    from .stages.facts import (
        Check as Check,
        Finding as Finding,
    )
