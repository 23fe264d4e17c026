"""Locale identifiers as users write them ("en-GB", "en_GB", "de") parsed once, with Babel."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from .errors import ConfigError


def parse_locale(identifier: str) -> Locale:
    """A Babel locale; ConfigError naming valid examples when CLDR does not know it."""
    try:
        return Locale.parse(identifier.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ConfigError(
            f"unknown locale {identifier!r}; use a CLDR locale such as en-GB, en-US, de-DE, "
            f"de-CH or ru-RU"
        ) from exc
