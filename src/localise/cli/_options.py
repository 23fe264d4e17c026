"""What the commands share: options, reading the environment, and errors as one line.

The command line is the only part of localise that reads environment variables. The heavier
library modules (Babel's data, SQLite, the model runtime) are imported inside the commands, so
that ``localise --help`` loads little more than click.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from ..config import DEFAULT_INDEX_URL, FormatOptions, Style, argos_models_dir
from ..errors import ConfigError, LocaliseError

T = TypeVar("T")

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

models_dir_option = click.option(
    "--models-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="LOCALISE_MODELS_DIR",
    help="Folder of installed Argos packages [default: argostranslate's own folder, so "
    "packages installed with argospm are used; env: LOCALISE_MODELS_DIR].",
)
index_option = click.option(
    "--index",
    "index_url",
    envvar="ARGOS_PACKAGE_INDEX",
    default=DEFAULT_INDEX_URL,
    show_default=True,
    help="Argos package index to download models from (a folder URL holding index.json; "
    "file:// works) [env: ARGOS_PACKAGE_INDEX].",
)
glossary_options = [
    click.option(
        "--glossary",
        "glossaries",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Glossary file (.tsv, .csv, .tbx) stacked on top of the bundled one; repeat to "
        "stack more (later files win).",
    ),
    click.option(
        "--no-bundled-glossary",
        is_flag=True,
        help="Do not load the bundled Belarus / Central Asia glossary.",
    ),
]
format_options = [
    click.option(
        "--keep-boilerplate",
        is_flag=True,
        help="Keep a scraped page's navigation, page-date and footer lines (translated); "
        "by default the output is title + dateline + body.",
    ),
    click.option(
        "--fields",
        default="title,lead,body",
        show_default=True,
        metavar="NAMES",
        help="JSON articles: the comma-separated fields to translate; every other byte is kept.",
    ),
    click.option(
        "--front-matter-fields",
        default="title,description,summary",
        show_default=True,
        metavar="NAMES",
        help="Markdown articles: the front-matter keys to translate.",
    ),
]
article_date_option = click.option(
    "--article-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Publication date of articles whose file states none (front matter, JSON field, "
    "HTML meta): used before the page's timestamp line and anything the text suggests; "
    "it gives the years dates leave out.",
)


style_option = click.option(
    "--style",
    metavar="NAME|FILE",
    help="House style: reuters, ap, dpa, tass, belta, or a style file (TOML) of your desk's "
    "[default: natural wire copy in each language].",
)


def style_from(value: str | None) -> Style:
    """The style ``--style`` names (a ConfigError, hence exit code 2, when there is none)."""
    from ..styles import load_style

    return Style() if value is None else load_style(value)


def with_options(options: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def decorate(function: Any) -> Any:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def models_folder(option: Path | None, environ: Mapping[str, str] | None = None) -> Path:
    """The models folder: ``--models-dir`` (or ``LOCALISE_MODELS_DIR``), else argostranslate's
    ``ARGOS_PACKAGES_DIR``, else its default under ``XDG_DATA_HOME`` or the home folder."""
    environ = os.environ if environ is None else environ
    if option is not None:
        return option
    if environ.get("ARGOS_PACKAGES_DIR"):
        return Path(environ["ARGOS_PACKAGES_DIR"]).expanduser()
    if environ.get("XDG_DATA_HOME"):
        return Path(environ["XDG_DATA_HOME"]) / "argos-translate" / "packages"
    return argos_models_dir()


def glossary_paths(glossaries: Sequence[Path], no_bundled: bool) -> tuple[Path, ...]:
    from ..stages.glossary import bundled_glossaries

    return (*([] if no_bundled else bundled_glossaries()), *glossaries)


def format_config(keep_boilerplate: bool, fields: str, front_matter_fields: str) -> FormatOptions:
    def names(value: str) -> tuple[str, ...]:
        return tuple(name.strip() for name in value.split(",") if name.strip())

    return FormatOptions(
        keep_boilerplate=keep_boilerplate,
        fields=names(fields),
        front_matter_fields=names(front_matter_fields),
    )


def day(value: datetime | None) -> Any:
    return value.date() if value is not None else None


def build(factory: Callable[[], T]) -> T:
    """Build a configured object; a bad option value is a usage error (exit code 2), any
    other failure (an unreadable glossary) one line and its exit code."""
    try:
        return factory()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    except LocaliseError as exc:
        fail(exc)


def or_fail(action: Callable[[], T]) -> T:
    try:
        return action()
    except LocaliseError as exc:
        fail(exc)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, as Ctrl-C raises KeyboardInterrupt."""


def exit_code_of(interrupt: KeyboardInterrupt) -> int:
    """130 for Ctrl-C (128 + SIGINT), 143 for SIGTERM (128 + SIGTERM)."""
    return 143 if isinstance(interrupt, Terminated) else 130


def internal_error(exc: BaseException) -> str:
    """ "internal error: ValueError: its first line", the way a batch reports a defect."""
    from ..batch.workers import internal_error as summary

    return shown(summary(exc))


def save_traceback() -> str:
    """Save the exception being handled to a file; say where (or that it could not be)."""
    import tempfile
    import traceback

    try:
        handle, path = tempfile.mkstemp(prefix="localise-traceback-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(traceback.format_exc())
    except OSError:
        return "a defect; its traceback could not be saved"
    return f"a defect; please report it with the traceback in {path}"


def fail(exc: LocaliseError) -> NoReturn:
    click.echo(f"localise: error: {shown(exc)}", err=True)
    sys.exit(exc.exit_code)


def exit_for_failures(failures: Sequence[tuple[Path, str]]) -> None:
    for path, error in failures:
        click.echo(f"localise: error: {shown(path)}: {shown(error)}", err=True)
    if failures:
        sys.exit(1)


#: Characters a terminal may act on: C0 and C1 controls (escape sequences, carriage return,
#: bell), DEL, and the bidirectional overrides that reorder what follows them.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(value: object) -> str:
    r"""``value`` as text safe for a terminal: control characters from article text, file
    names or messages are written as escapes ("\x1b"), never sent raw.

    >>> shown("Minsk\x1b[2J\nnews.txt")
    'Minsk\\x1b[2J\\nnews.txt'
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))


def counted(n: int, noun: str) -> str:
    """ "1 error", "2 errors"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
