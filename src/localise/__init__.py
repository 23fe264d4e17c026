"""localise: offline translation and localisation of news-agency articles.

>>> from localise import Pipeline                                      # doctest: +SKIP
>>> result = Pipeline("en-GB").localise_file("article.txt")           # doctest: +SKIP
>>> print(result.text); print(result.report.to_json()["warnings"])    # doctest: +SKIP
"""

__version__ = "0.1.0"

from .batch import Batch, BatchRun, Outcome, Progress, Summary
from .checks import Check
from .doc import Doc, Segment, Span
from .errors import (
    ConfigError,
    GlossaryError,
    InputError,
    LocaliseError,
    ModelError,
    ModelNotFoundError,
    PackageFileError,
    PackageIndexError,
    StateError,
)
from .pipeline import Config, Pipeline, Result
from .report import Report

__all__ = [
    "Batch",
    "BatchRun",
    "Check",
    "Config",
    "ConfigError",
    "Doc",
    "GlossaryError",
    "InputError",
    "LocaliseError",
    "ModelError",
    "ModelNotFoundError",
    "Outcome",
    "PackageFileError",
    "PackageIndexError",
    "Pipeline",
    "Progress",
    "Report",
    "Result",
    "Segment",
    "Span",
    "StateError",
    "Summary",
    "__version__",
]
