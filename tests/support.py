"""Helpers the tests share: a pipeline from a few options, and a factory of engine doubles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

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
