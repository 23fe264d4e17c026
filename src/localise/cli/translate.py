"""``localise translate``: options → Config → a batch run (or one file to stdout) → printing."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._options import (
    CONTEXT,
    article_date_option,
    build,
    day,
    fail,
    format_config,
    format_options,
    glossary_options,
    glossary_paths,
    index_option,
    models_dir_option,
    models_folder,
    or_fail,
    style_from,
    style_option,
    with_options,
)
from .models import progress_bar

if TYPE_CHECKING:
    from ..batch import Outcome, Progress, Summary
    from ..config import Config
    from ..engine import ArgosEngines
    from ..engine.packages import IndexEntry, Progress as DownloadProgress


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "targets",
    required=True,
    multiple=True,
    metavar="LOCALE",
    help="Target locale, e.g. en-GB, en-US, de-CH, ru-RU; repeat for several (with --out, "
    "one subfolder per locale).",
)
@click.option(
    "--from",
    "source",
    metavar="LANG",
    help="Source language (ISO 639-1, e.g. de); detected per article when omitted.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder, mirroring the input tree; state, reports and summary go to "
    "OUT/_localise/. Without it, a single input file is printed to stdout.",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="Only files whose path (relative to its input folder) or name matches; repeatable.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders whose relative path or name matches; repeatable.",
)
@click.option(
    "--force", is_flag=True, help="Redo every article, even those unchanged since the last run."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1),
    help="Worker processes, each loading the models once [default: up to 8 cores; small "
    "runs in this process]. The outputs are the same whatever the number.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit 1 on failed articles only, or also when an output has warnings.",
)
@with_options(glossary_options)
@models_dir_option
@index_option
@click.option(
    "--offline",
    is_flag=True,
    help="Never download: fail when a language pair's model is not installed.",
)
@click.option(
    "--beam-size",
    default=4,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Beam width: larger is slower and sometimes better.",
)
@click.option(
    "--threads",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="CPU threads for translation (0 = all cores, shared between the jobs).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the final summary.")
@article_date_option
@with_options(format_options)
@style_option
def translate(
    paths: tuple[Path, ...],
    targets: tuple[str, ...],
    source: str | None,
    out_dir: Path | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    force: bool,
    jobs: int | None,
    fail_on: str,
    glossaries: tuple[Path, ...],
    no_bundled_glossary: bool,
    models_dir: Path | None,
    index_url: str,
    offline: bool,
    beam_size: int,
    threads: int,
    quiet: bool,
    article_date: datetime | None,
    keep_boilerplate: bool,
    fields: str,
    front_matter_fields: str,
    style: str | None,
) -> None:
    """Translate and localise articles (files or folders, recursively) into LOCALE.

    Names follow the glossary, dates and amounts are rewritten for the target locale and
    checked after translation; a JSON report per article says what was changed, protected or
    needs a human look. Same-language targets (a German article --to de-CH) need no model.

    With --out, a re-run redoes only what changed (input, glossary, options or model) and
    resumes a run that was stopped; identical segments are translated once and remembered.
    Exit code 0 when all went well, 1 when some articles failed (or had warnings, with
    --fail-on warning), 2 for usage errors.

    \b
    Examples:
      localise translate examples/articles --to en-GB --out out/en-GB
      localise translate news/ --to en-GB --to ru-RU --out out --exclude 'drafts/*'
      localise translate article.txt --to en-US --from de > article.en.txt
    """
    from ..config import Config, EngineConfig, ModelsConfig

    config = build(
        lambda: Config(
            targets=tuple(dict.fromkeys(targets)),
            source=source,
            glossaries=glossary_paths(glossaries, no_bundled_glossary),
            article_date=day(article_date),
            models=ModelsConfig(models_folder(models_dir), index_url, download=not offline),
            engine=EngineConfig(beam_size=beam_size, threads=threads),
            formats=format_config(keep_boilerplate, fields, front_matter_fields),
            style=style_from(style),
        )
    )
    engines = _engines(config)
    if out_dir is None:
        if len(paths) == 1 and paths[0].is_file() and len(config.targets) == 1:
            _translate_to_stdout(config, engines, paths[0])
            return
        raise click.UsageError(
            "several inputs, a folder or several --to locales need --out DIR for the outputs"
        )
    _translate_batch(
        config,
        engines,
        paths,
        out_dir,
        jobs=jobs,
        force=force,
        include=include,
        exclude=exclude,
        quiet=quiet,
        strict=fail_on == "warning",
    )


def _engines(config: Config) -> ArgosEngines:
    """The installed packages, with a progress bar for each one downloaded."""
    from ..engine import ArgosEngines

    def downloading(pair: tuple[str, str], entry: IndexEntry) -> DownloadProgress:
        click.echo(
            f"localise: no {pair[0]}→{pair[1]} model installed; installing it from "
            f"{config.models.index} (pass --offline to forbid downloads)",
            err=True,
        )
        return progress_bar(entry)

    return ArgosEngines(config.models, config.engine, on_download=downloading)


def _translate_to_stdout(config: Config, engines: ArgosEngines, path: Path) -> None:
    from ..files import localise_file
    from ..pipeline import Pipeline

    pipeline = Pipeline(config, engines=engines)
    result = or_fail(lambda: localise_file(pipeline, path))
    click.echo(result.text, nl=False)
    for warning in result.report.warnings:
        click.echo(f"localise: warning: {path}: {warning}", err=True)


def _translate_batch(
    config: Config,
    engines: ArgosEngines,
    paths: Sequence[Path],
    out: Path,
    *,
    jobs: int | None,
    force: bool,
    include: Sequence[str],
    exclude: Sequence[str],
    quiet: bool,
    strict: bool,
) -> None:
    from ..batch import Batch
    from ..errors import LocaliseError

    bar = _ProgressDisplay(quiet)
    batch = build(
        lambda: Batch(
            config,
            out,
            engines=engines,
            jobs=jobs,
            force=force,
            include=include,
            exclude=exclude,
            progress=bar.update,
        )
    )
    run = batch.run(paths)
    outcomes: list[Outcome] = []
    try:
        for outcome in run:
            outcomes.append(outcome)
            bar.log(outcome)
    except LocaliseError as exc:
        bar.close()
        fail(exc)
    bar.close()
    assert run.summary is not None
    _print_summary(run.summary, outcomes, strict)


class _ProgressDisplay:
    """A progress bar on a terminal; one line per finished article otherwise (none if quiet)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.interactive = not quiet and sys.stderr.isatty()
        self._bar: Any = None
        self._text = ""

    def update(self, progress: Progress) -> None:
        if not self.interactive:
            return
        if self._bar is None:
            self._bar = click.progressbar(
                length=progress.articles,
                label="localising",
                file=sys.stderr,
                show_pos=True,
                show_eta=True,
                item_show_func=lambda _: self._text,
            )
            self._bar.__enter__()
        rate = progress.done / progress.elapsed if progress.elapsed else 0.0
        # Segments of finished articles; the engine translates a window ahead of them.
        self._text = f"{progress.segments} segments, {rate:.1f} articles/s"
        self._bar.update(progress.done - self._bar.pos, current_item=self._text)

    def log(self, outcome: Outcome) -> None:
        if self.quiet or self.interactive or outcome.status == "skipped":
            return
        target = f"\t{outcome.target}" if outcome.target else ""
        click.echo(f"{outcome.status}{target}\t{outcome.item.path}", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


#: Lines of warnings and errors the final summary shows; the rest are in summary.json.
SUMMARY_LINES = 20


def _print_summary(summary: Summary, outcomes: Sequence[Outcome], strict: bool) -> None:
    several = len(summary.targets) > 1
    warnings = [
        f"localise: warning: {_where(o, several)}: {warning}"
        for o in outcomes
        if o.report is not None
        for warning in o.report.warnings
    ]
    errors = list(
        dict.fromkeys(
            f"localise: error: {_where(o, several)}: {o.error}" for o in outcomes if o.error
        )
    )
    for lines in (warnings, errors):
        for line in lines[:SUMMARY_LINES]:
            click.echo(line, err=True)
        if len(lines) > SUMMARY_LINES:
            click.echo(f"  ... and {len(lines) - SUMMARY_LINES} more in {summary.path}", err=True)
    counts = summary.counts
    locales = f" × {len(summary.targets)} locales" if len(summary.targets) > 1 else ""
    click.echo(
        f"{summary.articles} articles{locales}: {counts['ok']} ok, {counts['warning']} with "
        f"warnings, {counts['failed']} failed, {counts['skipped']} unchanged; "
        f"summary in {summary.path}",
        err=True,
    )
    segments, stages = summary.segments, summary.stages
    click.echo(
        f"{segments['total']} segments ({segments['unique']} distinct: {segments['memory']} "
        f"from memory, {segments['translated']} translated) in {summary.seconds:.1f} s "
        f"with {summary.jobs} {'process' if summary.jobs == 1 else 'processes'} ("
        + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in stages.items())
        + ")",
        err=True,
    )
    unchanged_with_warnings = sum(o.status == "skipped" and o.has_warnings for o in outcomes)
    if strict and unchanged_with_warnings:
        click.echo(
            f"localise: {unchanged_with_warnings} unchanged outputs had warnings in an earlier "
            f"run (see their reports)",
            err=True,
        )
    if errors or (strict and any(o.has_warnings for o in outcomes)):
        sys.exit(1)


def _where(outcome: Outcome, several_targets: bool) -> str:
    if several_targets and outcome.target is not None:
        return f"{outcome.item.path} ({outcome.target})"
    return str(outcome.item.path)
