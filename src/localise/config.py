"""The configuration: one frozen tree of dataclasses, the single source of truth of a run.

::

    Config                      what decides the output (all of it is in every report's signature)
    ├── targets, source         target locales; source language (None: detected per article)
    ├── glossaries              glossary files, stacked in order
    ├── article_date            publication date assumed for articles that state none
    ├── models: ModelsConfig    where packages are, the index, whether to download a missing one
    ├── engine: EngineConfig    decoding: beam size, threads, batch size
    ├── formats: FormatOptions  how files are read and written
    └── style: Style            what a desk decides: "$" or "US$", "%" or "Prozent", …

Only the command line reads options and environment variables to build one; the library
takes it as given (``Pipeline(config)``, ``Batch(config, out)``), and a worker process
receives it pickled. The report's signature is built from the fields themselves
(:func:`signature_of`), so a new option is recorded the moment it exists. A field whose
metadata says ``decides_output=False`` (where the models are, the thread count) is recorded
but does not make an incremental run redo its articles (:func:`output_key`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigError
from .locales import parse_locale

__all__ = [
    "DEFAULT_INDEX_URL",
    "Config",
    "EngineConfig",
    "FormatOptions",
    "ModelsConfig",
    "Style",
    "StyleRules",
    "argos_models_dir",
    "output_key",
    "signature_of",
]

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"

#: Field metadata: recorded in the signature, but changing it does not change an output.
_RECORDED_ONLY = {"decides_output": False}


def argos_models_dir(home: Path | None = None) -> Path:
    """argostranslate's default package folder (``~/.local/share/argos-translate/packages``).

    The library's default when no folder is configured. The command line also honours
    ``LOCALISE_MODELS_DIR``, ``ARGOS_PACKAGES_DIR`` and ``XDG_DATA_HOME``, as argospm does.
    """
    return (home or Path.home()) / ".local" / "share" / "argos-translate" / "packages"


@dataclass(frozen=True)
class ModelsConfig:
    """Where the Argos packages are, and whether a missing language pair may be downloaded.

    ``folder`` None means argostranslate's default folder (:func:`argos_models_dir`).
    ``download``: install a missing pair from ``index`` (a folder URL holding
    ``index.json``; ``file://`` works) instead of failing.
    """

    folder: Path | None = field(default=None, metadata=_RECORDED_ONLY)
    index: str = field(default=DEFAULT_INDEX_URL, metadata=_RECORDED_ONLY)
    download: bool = field(default=False, metadata=_RECORDED_ONLY)

    @property
    def path(self) -> Path:
        return self.folder if self.folder is not None else argos_models_dir()


@dataclass(frozen=True)
class EngineConfig:
    """Decoding settings. ``threads=0`` lets CTranslate2 use every core (shared by workers).

    ``device``: "auto" (CUDA when CTranslate2 sees a GPU, else the CPU), "cpu" or "cuda".
    ``compute_type``: CTranslate2's ("auto": the fastest the device supports for the model's
    weights; "int8", "float16", "int8_float16", …). The device chosen is in each engine's
    description, and so in every report's signature and the translation memory's key.
    ``batch_size``: the most tokens in one batch of ``translate_batch`` (segments are sorted
    by length, so a batch holds segments of about the same length).
    """

    beam_size: int = 4
    threads: int = field(default=0, metadata=_RECORDED_ONLY)
    batch_size: int = field(default=2048, metadata=_RECORDED_ONLY)
    device: str = field(default="auto", metadata=_RECORDED_ONLY)
    compute_type: str = field(default="auto", metadata=_RECORDED_ONLY)

    def __post_init__(self) -> None:
        if not 1 <= self.beam_size <= 16:
            raise ConfigError(f"beam size must be between 1 and 16, got {self.beam_size}")
        if self.threads < 0:
            raise ConfigError(f"threads must be 0 (all cores) or more, got {self.threads}")
        if self.batch_size < 1:
            raise ConfigError(f"batch size must be at least 1, got {self.batch_size}")
        if self.device not in DEVICES:
            raise ConfigError(f"device must be one of {', '.join(DEVICES)}, got {self.device!r}")
        if self.compute_type not in COMPUTE_TYPES:
            raise ConfigError(
                f"compute type must be one of {', '.join(COMPUTE_TYPES)}, got {self.compute_type!r}"
            )


#: Where CTranslate2 runs ("auto": CUDA when a GPU is visible).
DEVICES = ("auto", "cpu", "cuda")
#: CTranslate2's compute types (https://opennmt.net/CTranslate2/quantization.html).
COMPUTE_TYPES = (
    "auto",
    "default",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)


@dataclass(frozen=True)
class FormatOptions:
    """How formats read and write.

    ``keep_boilerplate``: translate a page's navigation, page date and footer lines and keep
    them in the output (default: leave them out). ``boilerplate``: lines learned as
    boilerplate across a run (a batch learns them before it starts). ``fields``: the JSON
    fields to translate. ``front_matter_fields``: the Markdown front-matter keys to translate.
    """

    keep_boilerplate: bool = False
    boilerplate: tuple[str, ...] = ()
    fields: tuple[str, ...] = ("title", "lead", "body")
    front_matter_fields: tuple[str, ...] = ("title", "description", "summary")


@dataclass(frozen=True)
class StyleRules:
    """A desk's decisions for one language, where CLDR offers more than one correct form.

    ``currency``: "symbol" writes "$1.1 billion" where the language puts the symbol first,
    "name" always "1.1 billion US dollars". ``symbols``: currency symbols of the desk, code ->
    symbol ({"USD": "$"} against CLDR en-GB's "US$"; {"BYN": "Br"}). ``scale``: "word"
    ("billion") or "short" ("bn", "Mrd.", "млрд"). ``percent``: "sign" (CLDR's "5,5 %"),
    "tight" ("5,5%") or "word" ("5,5 Prozent", "5.5 per cent"). ``clock``: "cldr" ("13:18",
    "1:18 PM"), "ap" ("1:18 p.m.") or "dot" ("13.18 Uhr"). ``ranges``: "dash" ("$1.1–1.2
    billion") or "words" ("$1.1 billion to $1.2 billion"). ``months``: "full" or "ap"
    ("Jan. 14", "Sept. 5": AP's abbreviations with a day). ``year``: Russian "word" ("14
    января 2025 года") or "abbreviation" ("14 января 2025 г."). ``old_rouble``: words after
    an amount of pre-2016 Belarusian roubles ("old"), none by default: the date says it.
    """

    currency: Literal["symbol", "name"] = "symbol"
    symbols: tuple[tuple[str, str], ...] = ()
    scale: Literal["word", "short"] = "word"
    percent: Literal["sign", "tight", "word"] = "sign"
    clock: Literal["cldr", "ap", "dot"] = "cldr"
    ranges: Literal["dash", "words"] = "dash"
    months: Literal["full", "ap"] = "full"
    year: Literal["word", "abbreviation"] = "word"
    old_rouble: str = ""

    def symbol(self, code: str) -> str | None:
        return dict(self.symbols).get(code)


#: Natural wire copy in each language, when no style is chosen: "$1.1 billion" (as Reuters and
#: AP write it, not CLDR en-GB's "US$"), "5,5 %" in German, "5,5%" and "года" in Russian.
DEFAULT_RULES: dict[str, StyleRules] = {
    "en": StyleRules(symbols=(("USD", "$"),)),
    "de": StyleRules(currency="name"),
    "ru": StyleRules(currency="name", scale="short", percent="tight"),
}


@dataclass(frozen=True)
class Style:
    """A house style: a name and its rules per language (:class:`StyleRules`); a language it
    does not mention follows :data:`DEFAULT_RULES`. Profiles ship with localise
    (``localise.styles``: reuters, ap, dpa, tass, belta) and an agency can write its own."""

    name: str = "default"
    rules: tuple[tuple[str, StyleRules], ...] = ()

    def for_language(self, lang: str) -> StyleRules:
        return dict(self.rules).get(lang) or DEFAULT_RULES.get(lang, StyleRules())


@dataclass(frozen=True)
class Config:
    """Everything that decides a run's outputs; see the module docstring.

    >>> Config(("en-GB", "ru-RU"), glossaries=(Path("house.tsv"),)).targets
    ('en-GB', 'ru-RU')
    """

    targets: tuple[str, ...] = field(metadata=_RECORDED_ONLY)  # each report records its own
    source: str | None = None
    glossaries: tuple[Path, ...] = field(default=(), metadata=_RECORDED_ONLY)  # by content
    #: The publication date of articles whose file states none (front matter ``date:``, a
    #: JSON field, HTML ``article:published_time``): it comes before the page's timestamp
    #: line and what the text suggests, and gives the years dates leave out.
    article_date: date | None = None
    models: ModelsConfig = field(default_factory=ModelsConfig)
    engine: EngineConfig = field(default_factory=EngineConfig)
    formats: FormatOptions = field(default_factory=FormatOptions)
    style: Style = field(default_factory=Style)

    def __post_init__(self) -> None:
        if isinstance(self.targets, str):
            object.__setattr__(self, "targets", (self.targets,))
        if not self.targets:
            raise ConfigError("at least one target locale, please (--to en-GB)")
        if len(set(self.targets)) != len(self.targets):
            raise ConfigError(f"each target locale once, please: got {', '.join(self.targets)}")
        for target in self.targets:
            parse_locale(target)
        if self.source is not None and not _is_language(self.source):
            raise ConfigError(
                f"source language must be an ISO 639 code like 'de', 'en' or 'ru' that CLDR "
                f"knows, not {self.source!r}"
            )

    def target(self, target: str | None = None) -> str:
        """``target`` if it is one of the targets; with None, the only one."""
        if target is None:
            if len(self.targets) > 1:
                raise ConfigError(
                    f"this configuration has several targets ({', '.join(self.targets)}); "
                    f"say which one with target="
                )
            return self.targets[0]
        if target not in self.targets:
            raise ConfigError(
                f"{target!r} is not a target of this configuration ({', '.join(self.targets)})"
            )
        return target


def _is_language(code: str) -> bool:
    """An ISO 639 language code CLDR knows ("de", "ru"; not "xx", not "de-DE")."""
    if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3 and code.islower()):
        return False
    try:
        parse_locale(code)
    except ConfigError:
        return False
    return True


def signature_of(config: Config) -> dict[str, Any]:
    """Every field of the configuration, as JSON values (paths and dates as strings)."""
    plain: dict[str, Any] = _plain(config)
    return plain


def output_key(config: Config) -> dict[str, Any]:
    """The fields that decide an output: what an incremental run compares."""
    plain: dict[str, Any] = _plain(config, deciding_only=True)
    return plain


def _plain(value: Any, *, deciding_only: bool = False) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name), deciding_only=deciding_only)
            for f in dataclasses.fields(value)
            if not deciding_only or f.metadata.get("decides_output", True)
        }
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_plain(item, deciding_only=deciding_only) for item in value]
    if isinstance(value, (Path, date)):
        return str(value)
    return value
