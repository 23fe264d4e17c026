"""``localise translate``: options → Config → a batch run (or one file to stdout) → printing."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..config import COMPUTE_TYPES
from ._options import (
    CONTEXT,
    article_date_option,
    build,
    day,
    exit_code_of,
    fail,
    format_config,
    format_options,
    glossary_options,
    glossary_paths,
    index_option,
    models_dir_option,
    models_folder,
    or_fail,
    shown,
    style_from,
    style_option,
    with_options,
)
from .models import progress_bar

if TYPE_CHECKING:
    from ..batch import Batch, Outcome, Progress, Summary
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
    "--executor",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the analysis and translation run: this machine, or a pool of Ray actors "
    "(--jobs of them; needs `pip install 'localise[ray]'`). The outputs are the same.",
)
@click.option(
    "--ray-address",
    metavar="ADDR",
    help="With --executor ray, join the running cluster at ADDR (HOST:PORT of `ray start "
    "--head`) [default: start a local Ray instance].",
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
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default="auto",
    show_default=True,
    help="Where the models run: auto is the GPU when CTranslate2 sees one (CUDA 12, cuDNN 9), "
    "else the CPU. The choice is recorded in every report's signature.",
)
@click.option(
    "--compute-type",
    type=click.Choice(COMPUTE_TYPES),
    default="auto",
    show_default=True,
    help="CTranslate2's number format (auto: the fastest the device supports for the model; "
    "int8 on a CPU, int8_float16 or float16 on a GPU).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the final summary.")
@click.option(
    "--strict",
    is_flag=True,
    help="Files in the input folders that localise does not read (another type, a special "
    "file, over --max-size) fail the run instead of being listed.",
)
@click.option(
    "--max-size",
    default="10M",
    show_default=True,
    metavar="SIZE",
    callback=lambda _ctx, _param, value: _size(value),
    help="The largest article file read (bytes, or with k, M, G).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="List what a run would do with each article and why (new, changed, unchanged, "
    "unsupported), without translating or writing anything.",
)
@click.option(
    "--wait",
    is_flag=True,
    help="When another run is writing into --out, wait for it instead of failing.",
)
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["text", "markdown", "html", "json"]),
    help="The format of an article read from standard input (PATH '-') [default: text].",
)
@article_date_option
@with_options(format_options)
@style_option
@click.option(
    "--review",
    "review_page",
    is_flag=True,
    help="Also write the run's review page, OUT/_localise/review.html: source and translation "
    "side by side, facts highlighted, findings flagged (see `localise review`).",
)
@click.option(
    "--xliff",
    is_flag=True,
    help="Also write an XLIFF 1.2 file per article beside its report, for post-editing in a "
    "CAT tool (OUT/_localise/reports/PATH.xlf; `localise merge` brings it back).",
)
def translate(
    paths: tuple[Path, ...],
    targets: tuple[str, ...],
    source: str | None,
    out_dir: Path | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    force: bool,
    jobs: int | None,
    executor: str,
    ray_address: str | None,
    fail_on: str,
    glossaries: tuple[Path, ...],
    no_bundled_glossary: bool,
    models_dir: Path | None,
    index_url: str,
    offline: bool,
    beam_size: int,
    threads: int,
    device: str,
    compute_type: str,
    quiet: bool,
    strict: bool,
    max_size: int,
    dry_run: bool,
    wait: bool,
    input_format: str | None,
    article_date: datetime | None,
    keep_boilerplate: bool,
    fields: str,
    front_matter_fields: str,
    style: str | None,
    review_page: bool,
    xliff: bool,
) -> None:
    """Translate and localise articles (files or folders, recursively) into LOCALE.

    Names follow the glossary, dates and amounts are rewritten for the target locale and
    checked after translation; a JSON report per article says what was changed, protected or
    needs a human look. Same-language targets (a German article --to de-CH) need no model.

    With --out, a re-run redoes only what changed (input, glossary, options or model) and
    resumes a run that was stopped; identical segments are translated once and remembered.
    Exit code 0 when all went well, 1 when some articles failed (or had warnings, with
    --fail-on warning), 2 for usage errors, 130 after Ctrl-C and 143 after SIGTERM (what was
    finished is kept: run the same command again to resume). PATH '-' reads one article from
    standard input and writes it to standard output.

    \b
    Examples:
      localise translate examples/articles --to en-GB --out out/en-GB
      localise translate news/ --to en-GB --to ru-RU --out out --exclude 'drafts/*'
      localise translate article.txt --to en-US --from de > article.en.txt
      curl -s $URL | localise translate - --format html --to en-GB > page.html
    """
    from ..config import Config, EngineConfig, ModelsConfig

    config = build(
        lambda: Config(
            targets=tuple(dict.fromkeys(targets)),
            source=source,
            glossaries=glossary_paths(glossaries, no_bundled_glossary),
            article_date=day(article_date),
            models=ModelsConfig(models_folder(models_dir), index_url, download=not offline),
            engine=EngineConfig(
                beam_size=beam_size, threads=threads, device=device, compute_type=compute_type
            ),
            formats=format_config(keep_boilerplate, fields, front_matter_fields),
            style=style_from(style),
        )
    )
    _check_paths(paths, out_dir)
    engines = _engines(config)
    if out_dir is None or paths == (Path("-"),):
        if review_page or xliff:
            raise click.UsageError("--review and --xliff need --out DIR, beside the reports")
        if len(paths) == 1 and len(config.targets) == 1 and not dry_run:
            if paths[0] == Path("-"):
                _translate_stdin(config, engines, input_format or "text")
                return
            if paths[0].is_file():
                _translate_to_stdout(config, engines, paths[0])
                return
        raise click.UsageError(
            "several inputs, a folder, several --to locales or --dry-run need --out DIR for "
            "the outputs (standard input, '-', goes to standard output)"
        )
    if input_format is not None:
        raise click.UsageError("--format is for an article read from standard input ('-')")
    _translate_batch(
        config,
        engines,
        paths,
        out_dir,
        jobs=jobs,
        executor=executor,
        ray_address=ray_address,
        force=force,
        include=include,
        exclude=exclude,
        quiet=quiet,
        fail_on_warnings=fail_on == "warning",
        strict=strict,
        max_size=max_size,
        dry_run=dry_run,
        wait=wait,
        review_page=review_page,
        xliff=xliff,
    )


def _size(value: str) -> int:
    """``--max-size``: "500000", "500k", "10M", "1G"."""
    units = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3}
    number, unit = value.strip()[:-1], value.strip()[-1:].lower()
    if unit.isdigit() or unit == "":
        number, unit = value.strip(), ""
    try:
        size = int(float(number) * units[unit])
    except (ValueError, KeyError):
        raise click.BadParameter(f"{value!r} is not a size like 500k, 10M or 1G") from None
    if size < 1:
        raise click.BadParameter(f"{value!r}: the limit must be at least 1 byte")
    return size


def _check_paths(paths: Sequence[Path], out: Path | None) -> None:
    """Usage errors before anything runs: a path that does not exist, standard input with
    other paths, an output folder that is an input or inside one."""
    if Path("-") in paths and len(paths) > 1:
        raise click.UsageError("'-' (standard input) is one article: give it alone")
    if Path("-") in paths and out is not None:
        raise click.UsageError("'-' writes the article to standard output: leave out --out")
    for path in paths:
        if path != Path("-") and not path.exists() and not path.is_symlink():
            raise click.UsageError(f"{shown(path)}: no such file or folder")
    if out is None:
        return
    resolved = out.resolve()
    for path in paths:
        if path == Path("-") or not path.is_dir():
            continue
        folder = path.resolve()
        if resolved == folder or folder in resolved.parents:
            where = "is" if resolved == folder else "is inside"
            raise click.UsageError(
                f"--out {shown(out)} {where} the input folder {shown(path)}: the outputs would "
                f"be read as inputs by the next run; choose a folder outside it"
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


def _translate_stdin(config: Config, engines: ArgosEngines, input_format: str) -> None:
    from ..files import localise_text
    from ..pipeline import Pipeline

    data = sys.stdin.buffer.read()
    pipeline = Pipeline(config, engines=engines)
    result = or_fail(lambda: localise_text(pipeline, data, input_format))
    sys.stdout.buffer.write(result.text.encode("utf-8"))
    sys.stdout.buffer.flush()
    for warning in result.report.warnings:
        click.echo(f"localise: warning: <stdin>: {shown(warning)}", err=True)


def _translate_to_stdout(config: Config, engines: ArgosEngines, path: Path) -> None:
    from ..files import localise_file
    from ..pipeline import Pipeline

    pipeline = Pipeline(config, engines=engines)
    result = or_fail(lambda: localise_file(pipeline, path))
    click.echo(result.text, nl=False)
    for warning in result.report.warnings:
        click.echo(f"localise: warning: {shown(path)}: {shown(warning)}", err=True)


def _translate_batch(
    config: Config,
    engines: ArgosEngines,
    paths: Sequence[Path],
    out: Path,
    *,
    jobs: int | None,
    executor: str = "local",
    ray_address: str | None = None,
    force: bool,
    include: Sequence[str],
    exclude: Sequence[str],
    quiet: bool,
    fail_on_warnings: bool,
    strict: bool,
    max_size: int,
    dry_run: bool,
    wait: bool,
    review_page: bool = False,
    xliff: bool = False,
) -> None:
    import signal

    from ..batch import Batch
    from ..errors import LocaliseError

    bar = _ProgressDisplay(quiet)
    batch = build(
        lambda: Batch(
            config,
            out,
            engines=engines,
            jobs=jobs,
            executor="ray" if executor == "ray" else "local",
            ray_address=ray_address,
            force=force,
            include=include,
            exclude=exclude,
            progress=bar.update,
            strict=strict,
            max_size=max_size,
            wait=wait,
        )
    )
    if dry_run:
        _print_plan(or_fail(lambda: batch.dry_run(paths)))
        return
    run = batch.run(paths)
    outcomes: list[Outcome] = []
    try:
        for outcome in run:
            outcomes.append(outcome)
            bar.log(outcome)
    except LocaliseError as exc:
        bar.close()
        fail(exc)
    except KeyboardInterrupt as interrupt:  # Ctrl-C, or SIGTERM (see localise.cli)
        # A second signal while the workers stop would interrupt the clean-up; the handlers
        # are put back after it (a process that called the command in-process, or a child
        # it starts later, must not inherit an ignored Ctrl-C).
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        previous_term = signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            run.close()
            bar.close()
        finally:
            signal.signal(signal.SIGINT, previous)
            signal.signal(signal.SIGTERM, previous_term)
        finished = sum(o.status in ("ok", "warning") for o in outcomes)
        click.echo(
            f"localise: interrupted: {finished} outputs finished and recorded in {shown(out)}; "
            f"run the same command again to resume",
            err=True,
        )
        sys.exit(exit_code_of(interrupt))
    bar.close()
    assert run.summary is not None
    if run.summary.articles == 0:
        where = ", ".join(shown(p) for p in paths)
        click.echo(f"localise: error: no articles found in {where}", err=True)
        sys.exit(1)
    _review_files(batch, outcomes, page=review_page, xliff=xliff, quiet=quiet)
    _print_summary(run.summary, outcomes, fail_on_warnings)


def _review_files(
    batch: Batch, outcomes: Sequence[Outcome], *, page: bool, xliff: bool, quiet: bool
) -> None:
    """``--xliff`` and ``--review``: the XLIFF files of the articles done in this run (and of
    those that have none yet), then the review page of the whole output folder."""
    from ..review import write_page, write_xliff_files

    if xliff:
        fresh = [
            batch.report_path(o.item, o.target)
            for o in outcomes
            if o.target is not None and o.status in ("ok", "warning")
        ]
        written = or_fail(lambda: write_xliff_files(batch.out, fresh=fresh))
        if not quiet:
            click.echo(f"localise: {len(written)} XLIFF files written beside the reports", err=True)
    if page:
        path = or_fail(lambda: write_page(batch.out))
        if not quiet:
            click.echo(f"localise: review page: {shown(path)}", err=True)


def _print_plan(planned: Sequence[tuple[str, str, str | None, str]]) -> None:
    """``--dry-run``: one line per article and target: what a run would do, and why."""
    for action, path, target, why in planned:
        locale = f"\t{target}" if target else ""
        click.echo(f"{action}{locale}\t{shown(path)}\t{shown(why)}")
    counts = Counter(action for action, *_ in planned)
    click.echo(", ".join(f"{n} {action}" for action, n in sorted(counts.items())), err=True)


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
        if self.quiet or self.interactive or outcome.status in ("skipped", "unsupported"):
            return
        target = f"\t{outcome.target}" if outcome.target else ""
        click.echo(f"{outcome.status}{target}\t{shown(outcome.item.path)}", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


#: Lines of warnings and errors the final summary shows; the rest are in summary.json.
SUMMARY_LINES = 20


def _print_summary(summary: Summary, outcomes: Sequence[Outcome], strict: bool) -> None:
    several = len(summary.targets) > 1
    warnings = [
        f"localise: warning: {_where(o, several)}: {shown(warning)}"
        for o in outcomes
        if o.report is not None
        for warning in o.report.warnings
    ]
    errors = list(
        dict.fromkeys(
            f"localise: error: {_where(o, several)}: {shown(o.error)}"
            for o in outcomes
            if o.error and o.status == "failed"
        )
    )
    notes = [
        f"localise: not read: {_where(o, several)}: {shown(o.error)}"
        for o in outcomes
        if o.status == "unsupported"
    ]
    for lines in (notes, warnings, errors):
        for line in lines[:SUMMARY_LINES]:
            click.echo(line, err=True)
        if len(lines) > SUMMARY_LINES:
            click.echo(f"  ... and {len(lines) - SUMMARY_LINES} more in {summary.path}", err=True)
    counts = summary.counts
    locales = f" × {len(summary.targets)} locales" if len(summary.targets) > 1 else ""
    click.echo(
        f"{summary.articles} articles{locales}: {counts['ok']} ok, {counts['warning']} with "
        f"warnings, {counts['failed']} failed, {counts['skipped']} unchanged"
        + (f", {counts['unsupported']} not read (--strict fails them)" if notes else "")
        + f"; summary in {shown(summary.path)}",
        err=True,
    )
    segments, stages = summary.segments, summary.stages
    click.echo(
        f"{segments['total']} segments ({segments['unique']} distinct: {segments['memory']} "
        f"from memory, {segments['translated']} translated) in {summary.seconds:.1f} s "
        f"with {summary.jobs} {_workers(summary)} ("
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


def _workers(summary: Summary) -> str:
    if summary.executor == "ray":
        return "Ray actor" if summary.jobs == 1 else "Ray actors"
    return "process" if summary.jobs == 1 else "processes"


def _where(outcome: Outcome, several_targets: bool) -> str:
    if several_targets and outcome.target is not None:
        return f"{shown(outcome.item.path)} ({outcome.target})"
    return shown(outcome.item.path)
