"""Locale identifiers as users write them ("en-GB", "en_GB", "de") parsed once, with Babel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from babel import Locale


def parse_locale(identifier: str) -> Locale:
    """A Babel locale; ConfigError naming valid examples when CLDR does not know it."""
    # Babel is imported here, not at the top: the configuration validates locales with this,
    # and reading a configuration (or `localise --help`) should not load CLDR.
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(identifier.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ConfigError(
            f"unknown locale {identifier!r}; use a CLDR locale such as en-GB, en-US, de-DE, "
            f"de-CH or ru-RU"
        ) from exc
