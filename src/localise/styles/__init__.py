"""House styles: a desk's decisions where CLDR allows several correct forms.

A style is a small TOML file, one table per language, each key a field of
:class:`localise.config.StyleRules`; what it leaves out is the language's default
(:data:`localise.config.DEFAULT_RULES`)::

    name = "agency"

    [en]
    symbols = { USD = "US$", BYN = "Br" }   # "US$1.1 billion", "Br4.7 billion"
    scale = "short"                          # "$1.1bn" … "bn"
    percent = "word"                         # "5.5 per cent"
    clock = "ap"                             # "1:18 p.m."
    ranges = "words"                         # "$1.1 billion to $1.2 billion"
    months = "ap"                            # "Jan. 14"

    [ru]
    year = "abbreviation"                    # "14 января 2025 г."

Profiles ship with localise: reuters, ap, dpa, tass, belta (:func:`profile_names`).
``load_style`` takes one of those names or the path of an agency's own file.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from ..config import DEFAULT_RULES, Style, StyleRules
from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["load_style", "parse_style", "profile_names"]

_HERE = Path(__file__).resolve().parent


def profile_names() -> list[str]:
    """The styles that ship with localise."""
    return sorted(path.stem for path in _HERE.glob("*.toml"))


def load_style(name_or_path: str | Path) -> Style:
    """A shipped profile by name ("reuters"), or a style file an agency wrote."""
    candidate = _HERE / f"{name_or_path}.toml"
    path = candidate if candidate.is_file() else Path(name_or_path)
    if not path.is_file():
        raise ConfigError(
            f"no style {str(name_or_path)!r}: give one of {', '.join(profile_names())} or the "
            f"path of a style file (TOML)"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the style file ({exc})") from exc
    return parse_style(text, where=str(path), default_name=path.stem)


def parse_style(text: str, *, where: str = "<style>", default_name: str = "custom") -> Style:
    """A style from TOML text; ConfigError naming the file, the key and the valid values."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc})") from exc
    name = data.pop("name", default_name)
    rules = []
    for lang, table in sorted(data.items()):
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: {lang!r} must be a table of rules, like [{lang}]")
        rules.append((lang, _rules(lang, table, where)))
    return Style(str(name), tuple(rules))


def _rules(lang: str, table: dict[str, Any], where: str) -> StyleRules:
    base = DEFAULT_RULES.get(lang, StyleRules())
    hints = get_type_hints(StyleRules)
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key not in hints:
            known = ", ".join(f.name for f in dataclasses.fields(StyleRules))
            raise ConfigError(f"{where}: [{lang}] {key!r} is not a style rule; rules: {known}")
        if key == "symbols":
            if not isinstance(value, dict):
                raise ConfigError(f'{where}: [{lang}] symbols must be a table like {{USD = "$"}}')
            value = tuple(sorted({**dict(base.symbols), **value}.items()))
        allowed = get_args(hints[key]) if get_origin(hints[key]) is Literal else ()
        if allowed and value not in allowed:
            choices = ", ".join(map(repr, allowed))
            raise ConfigError(f"{where}: [{lang}] {key} = {value!r}; use one of {choices}")
        elif key == "old_rouble" and not isinstance(value, str):
            raise ConfigError(f'{where}: [{lang}] old_rouble must be text, like "old"')
        changes[key] = value
    return dataclasses.replace(base, **changes)
