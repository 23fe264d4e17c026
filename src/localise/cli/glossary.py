"""``localise glossary check|suggest``: the editors' glossary tools."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from ._options import CONTEXT, counted, glossary_options, glossary_paths, or_fail, with_options


@click.group(context_settings=CONTEXT)
def glossary() -> None:
    """Check glossary files, and find the names they lack."""


@glossary.command("check", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def glossary_check(paths: tuple[Path, ...]) -> None:
    """Check glossary files, stacked in the order given: malformed rows (with line numbers),
    duplicates, conflicts between files, empty cells, names that are common words.

    Exit code 1 when a file has errors; warnings alone exit 0.
    """
    from ..stages.glossary.tools import check_glossary

    problems = check_glossary(paths)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    click.echo(
        f"{counted(len(paths), 'file')}: {counted(errors, 'error')}, "
        f"{counted(warnings, 'warning')}",
        err=True,
    )
    if errors:
        sys.exit(1)


@glossary.command("suggest", context_settings=CONTEXT)
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--lang", required=True, help="Language of the articles: de, en, ru...")
@with_options(glossary_options)
@click.option("--min-count", default=1, show_default=True, type=click.IntRange(min=1),
              help="Leave out names seen fewer times.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the TSV to this file [default: standard output].")  # fmt: skip
def glossary_suggest(
    articles: tuple[Path, ...],
    lang: str,
    glossaries: tuple[Path, ...],
    no_bundled_glossary: bool,
    min_count: int,
    output: Path | None,
) -> None:
    """List proper names in ARTICLES (files or folders of *.txt) that no glossary covers,
    most frequent first, as glossary rows (TSV) for an editor to fill in.

    A cell that would start with =, +, -, @, a tab or a carriage return is written with an
    apostrophe first, so no spreadsheet runs it as a formula; glossaries read it back without.
    """
    from ..stages.glossary import Glossary
    from ..stages.glossary.tools import suggest_names, write_suggestions_tsv

    loaded = or_fail(lambda: Glossary.load(glossary_paths(glossaries, no_bundled_glossary)))
    candidates = or_fail(lambda: suggest_names(articles, loaded, lang, min_count=min_count))
    if output is None:
        write_suggestions_tsv(candidates, sys.stdout)
    else:
        table = io.StringIO(newline="")
        write_suggestions_tsv(candidates, table)
        or_fail(lambda: _write(output, table.getvalue()))
    click.echo(f"{len(candidates)} names not in the glossary", err=True)


def _write(path: Path, text: str) -> None:
    from ..errors import InputError
    from ..textio import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(
            path, f"cannot write the suggestions: {exc.strerror or exc}; choose another -o"
        ) from exc
