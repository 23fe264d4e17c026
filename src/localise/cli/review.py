"""``localise review`` and ``localise merge``: the editor's page, and post-edited XLIFF back in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._options import CONTEXT, counted, or_fail, shown


@click.command(context_settings=CONTEXT)
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the page [default: OUT/_localise/review.html].",
)
def review(out: Path, output: Path | None) -> None:
    """Build the review page of an output folder OUT from its reports, and print its path.

    One static HTML file to open in any browser (it needs no network): a summary, then each
    article, those with findings first, source and translation side by side, names, dates,
    amounts and numbers highlighted (hover or Tab to one for its value and check), the
    findings flagged in the margin and listed with links, filters by severity and kind.
    `localise translate ... --review` writes it after a run.

    \b
    Examples:
      localise review out/en-GB
      localise review out -o /tmp/review.html
    """
    from ..review import write_page

    path = or_fail(lambda: write_page(out, output))
    click.echo(shown(path))


@click.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder: each article goes to its path in the translation run, in its own "
    "format, its report to OUT/_localise/reports/.",
)
@click.option("--review", "review_page", is_flag=True, help="Also write OUT's review page.")
def merge(files: tuple[Path, ...], out_dir: Path, review_page: bool) -> None:
    """Merge post-edited XLIFF FILES (from `localise translate --xliff`) back into their
    articles, in their format and place under --out, each with a report.

    The source articles are read again as the translation run read them (run merge where the
    translation ran). Every sentence is checked against its source again: an edited one as a
    human translation (a wrong or missing fact is an error), the others as the engine's; no
    character of an editor's text is changed. Units left as they were keep the machine
    translation, so merging an unedited file writes the run's output byte for byte. Exit code
    1 when a file could not be merged or an edited sentence has an error.

    \b
    Examples:
      localise merge out/_localise/reports/news/a.txt.xlf --out edited
      localise merge edited-xliff/*.xlf --out final --review
    """
    from ..errors import LocaliseError
    from ..review import merge_xliff, write_page

    failed = errors = warnings = edited = merged = 0
    for path in files:
        try:
            result = merge_xliff(path, out_dir)
        except LocaliseError as exc:
            click.echo(f"localise: error: {shown(exc)}", err=True)
            failed += 1
            continue
        merged += 1
        edited += len(result.edited)
        for unit, finding in result.findings:
            if finding.severity == "info":
                continue
            errors += finding.severity == "error"
            warnings += finding.severity == "warning"
            where = f"{shown(path)}:{unit}" if unit is not None else shown(path)
            click.echo(f"{where}: {finding.severity}: {shown(finding.message())}")
            if finding.sentence:
                click.echo(f"    in: {shown(' '.join(finding.sentence.split()))}")
        click.echo(f"merged\t{shown(path)}\t{shown(result.output)}", err=True)
    click.echo(
        f"{counted(merged, 'article')} merged into {shown(out_dir)} "
        f"({counted(edited, 'sentence')} edited): {counted(errors, 'error')}, "
        f"{counted(warnings, 'warning')}" + (f", {failed} failed" if failed else ""),
        err=True,
    )
    if review_page and merged:
        click.echo(
            f"localise: review page: {shown(or_fail(lambda: write_page(out_dir)))}", err=True
        )
    if failed or errors:
        sys.exit(1)
