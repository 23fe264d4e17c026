"""``localise check``: a translation's facts against its source's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._options import (
    CONTEXT,
    build,
    counted,
    glossary_options,
    glossary_paths,
    or_fail,
    shown,
    style_from,
    style_option,
    with_options,
)


@click.command(context_settings=CONTEXT)
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--translation",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The translation to check: one paragraph per line (.txt), or the source's format.",
)
@click.option("--to", "target", required=True, metavar="LOCALE", help="The translation's locale.")
@click.option("--from", "source_lang", metavar="LANG", help="The source's language [detected].")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the findings.")
@click.option(
    "--fix", is_flag=True, help="Write the translation with the safe repairs made (needs -o)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where --fix writes the repaired translation (never over the translation itself).",
)
@with_options(glossary_options)
@style_option
def check(
    source: Path,
    translation: Path,
    target: str,
    source_lang: str | None,
    as_json: bool,
    fix: bool,
    output: Path | None,
    glossaries: tuple[Path, ...],
    no_bundled_glossary: bool,
    style: str | None,
) -> None:
    """Check a translation made by anyone against its SOURCE article: every date, amount,
    number and glossary name of the source must be in it with the same value.

    Paragraphs are aligned first (merged, split and missing ones included). Each finding
    names the translation's line, what the source says, what the translation says, and the
    sentence. Exit code 1 when an error was found (a fact differs or is missing), 0
    otherwise, 2 for usage errors.

    \b
    Examples:
      localise check article.txt --translation article.en.txt --to en-GB
      localise check article.txt --translation article.ru.txt --to ru-RU --json
      localise check article.txt --translation a.en.txt --to en-GB --fix -o a.fixed.txt
    """
    from ..check import check_translation
    from ..config import Config
    from ..pipeline import Pipeline
    from ..textio import write_atomic

    if fix and output is None:
        raise click.UsageError("--fix needs -o FILE for the repaired translation")
    if output is not None and output.resolve() == translation.resolve():
        raise click.UsageError("-o must not be the translation itself; inputs are never modified")
    config = build(
        lambda: Config(
            targets=(target,),
            source=source_lang,
            glossaries=glossary_paths(glossaries, no_bundled_glossary),
            style=style_from(style),
        )
    )
    result = or_fail(lambda: check_translation(Pipeline(config), source, translation))
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        for found in result.findings:
            message = shown(found.finding.message())
            click.echo(f"{shown(translation)}:{found.line}: {found.severity}: {message}")
            if found.finding.sentence:
                click.echo(f"    in: {shown(' '.join(found.finding.sentence.split()))}")
        errors = result.errors
        warnings = sum(f.severity == "warning" for f in result.findings)
        click.echo(
            f"{translation}: {counted(errors, 'error')}, {counted(warnings, 'warning')}",
            err=True,
        )
    if fix and output is not None:
        or_fail(lambda: write_atomic(output, result.fixed))
    if result.errors:
        sys.exit(1)
