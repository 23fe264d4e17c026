"""The ``localise`` command: a thin shell over the library.

It parses options into the library's configuration, calls the library, prints results, and maps
every ``LocaliseError`` to a one-line message and an exit code: 0 when every input succeeded,
1 when some failed (each named with its reason), 2 for usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from . import __version__
from .batch import Batch, Outcome, Progress, Summary, discover
from .discover import Item
from .errors import ConfigError, LocaliseError, ModelNotFoundError, error_text
from .formats import FormatOptions, read_article
from .locales import parse_locale
from .models import (
    DEFAULT_INDEX_URL,
    IndexEntry,
    default_models_dir,
    fetch_index,
    install_from_index,
    install_package_file,
    installed_packages,
    plan_downloads,
    remove_package,
)
from .pipeline import Pipeline

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


def _format_options(keep_boilerplate: bool, fields: str, front_matter_fields: str) -> FormatOptions:
    def names(value: str) -> tuple[str, ...]:
        return tuple(name.strip() for name in value.split(",") if name.strip())

    return FormatOptions(
        keep_boilerplate=keep_boilerplate,
        fields=names(fields),
        front_matter_fields=names(front_matter_fields),
    )


article_date_option = click.option(
    "--article-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Publication date to assume for articles that state none (no page timestamp, "
    "front-matter date or year near the dateline): it gives the years dates leave out.",
)


def _with(options: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def decorate(function: Any) -> Any:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="localise")
def main() -> None:
    """Translate and localise news-agency articles offline.

    \b
    localise detect ARTICLE...                 which language is each article in
    localise inspect ARTICLE...                which dates, amounts and names were found
    localise translate ARTICLE... --to en-GB   translate, keep names, reformat dates/amounts
    localise models list|install|remove        manage the Argos translation packages
    localise glossary check|suggest            check glossary files, find uncovered names

    Run `localise COMMAND --help` for the options of each.
    """


@main.command(context_settings=CONTEXT)
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
@_with(glossary_options)
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
@_with(format_options)
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
    models_dir = models_dir or default_models_dir(os.environ)
    glossary_paths = _glossary_paths(glossaries, no_bundled_glossary)

    def pipeline(target: str) -> Pipeline:
        return Pipeline(
            target,
            source=source,
            glossaries=glossary_paths,
            models_dir=models_dir,
            beam_size=beam_size,
            threads=threads,
            article_date=article_date.date() if article_date else None,
        )

    pipelines = [_build(partial(pipeline, target)) for target in dict.fromkeys(targets)]
    options = _format_options(keep_boilerplate, fields, front_matter_fields)
    if out_dir is None:
        if len(paths) == 1 and paths[0].is_file() and len(pipelines) == 1:
            _translate_to_stdout(pipelines[0], paths[0], options, offline, index_url, models_dir)
            return
        raise click.UsageError(
            "several inputs, a folder or several --to locales need --out DIR for the outputs"
        )
    bar = _ProgressDisplay(quiet)
    batch = _build(
        lambda: Batch(
            pipelines,
            out_dir,
            jobs=jobs,
            force=force,
            include=include,
            exclude=exclude,
            format_options=options,
            on_missing_model=_missing_model_installer(offline, index_url, models_dir),
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
        _fail(exc)
    bar.close()
    assert run.summary is not None
    _print_summary(run.summary, outcomes, fail_on == "warning")


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--from", "source", metavar="LANG", help="The article language to assume.")
@click.option(
    "--to",
    "target",
    metavar="LOCALE",
    help="Also flag blocks already in this locale's language, as translate would.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, per line.")
@click.option("--no-blocks", is_flag=True, help="Only the article's language, one line per file.")
def detect(
    paths: tuple[Path, ...],
    source: str | None,
    target: str | None,
    as_json: bool,
    no_blocks: bool,
) -> None:
    """Print the language of each article and of each of its blocks.

    \b
    One line per article:  PATH  LANG  CONFIDENCE
    then one per block:      INDEX  KIND  LANG  CONFIDENCE  translate|keep (reason)  TEXT
    A block is kept as written when it is boilerplate or markup, or in another language than
    the article (a quote), or already in the --to language.
    """
    from .detect import LanguageDetector, detect_file

    target_lang = str(_build(lambda: parse_locale(target)).language) if target else None
    detector = LanguageDetector()
    items, failures = discover(paths)
    for item in items:
        try:
            found = detect_file(item.path, source=source, target=target_lang, detector=detector)
        except LocaliseError as exc:
            failures.append(Outcome(item, "failed", error=error_text(exc)))
            continue
        if as_json:
            click.echo(json.dumps(found.to_json(), ensure_ascii=False))
            continue
        click.echo(f"{item.path}\t{found.lang or 'unknown'}\t{_confidence(found.confidence)}")
        for block in () if no_blocks else found.blocks:
            action = "translate" if block.translate else f"keep ({block.reason})"
            excerpt = " ".join(block.text.split())
            excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
            click.echo(
                f"  {block.index}\t{block.kind}\t{block.lang or '-'}\t"
                f"{_confidence(block.confidence)}\t{action}\t{excerpt}"
            )
    _exit_for_failures(failures)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per file, per line, in the shape of the gold corpus files.",
)
@click.option("--from", "source", metavar="LANG", help="Source language; detected when omitted.")
@click.option(
    "--to",
    "target",
    default="en-GB",
    show_default=True,
    metavar="LOCALE",
    help="Locale to show renderings for (table view).",
)
@_with(glossary_options)
@article_date_option
def inspect(
    paths: tuple[Path, ...],
    as_json: bool,
    source: str | None,
    target: str,
    glossaries: tuple[Path, ...],
    no_bundled_glossary: bool,
    article_date: datetime | None,
) -> None:
    """Show the dates, amounts, numbers and names found in each article.

    Offsets are into the article's text as read (the file's text; for JSON, its translatable
    fields joined by blank lines).
    """
    pipeline = _build(
        lambda: Pipeline(
            target,
            source=source,
            glossaries=_glossary_paths(glossaries, no_bundled_glossary),
            article_date=article_date.date() if article_date else None,
        )
    )
    failures: list[Outcome] = []
    for path in paths:
        item = Item(path, Path(path.name))
        try:
            doc = pipeline.analyse(read_article(path).doc)
        except LocaliseError as exc:
            failures.append(Outcome(item, "failed", error=error_text(exc)))
            if as_json:
                click.echo(
                    json.dumps({"path": str(path), "error": error_text(exc)}, ensure_ascii=False)
                )
            continue
        if as_json:
            click.echo(json.dumps(_gold_shape(path, doc), ensure_ascii=False))
        else:
            _print_table(path, doc)
    _exit_for_failures(failures)


@main.group(context_settings=CONTEXT)
def models() -> None:
    """List, install and remove Argos translation packages."""


@models.command("list", context_settings=CONTEXT)
@models_dir_option
def models_list(models_dir: Path | None) -> None:
    """List installed packages: language pair, name and version, folder."""
    models_dir = models_dir or default_models_dir(os.environ)
    packages = installed_packages(models_dir)
    if not packages:
        click.echo(
            f"no models installed in {models_dir}; install one with "
            f"`localise models install de en` or `localise models install FILE.argosmodel`"
        )
        return
    for package in packages:
        click.echo(f"{package.from_code}→{package.to_code}\t{package}\t{package.path}")


@models.command("install", context_settings=CONTEXT)
@click.argument("what", nargs=-1, required=True, metavar="FILE.argosmodel | FROM TO")
@models_dir_option
@index_option
def models_install(what: tuple[str, ...], models_dir: Path | None, index_url: str) -> None:
    """Install a package from an .argosmodel file, or a language pair from the package index.

    \b
    Examples:
      localise models install translate-de_en-1_9.argosmodel
      localise models install de en     (downloads de→en, or de→en and en→ru for de ru)
    """
    models_dir = models_dir or default_models_dir(os.environ)
    if len(what) == 1:
        package = _or_fail(lambda: install_package_file(Path(what[0]), models_dir))
        click.echo(f"installed {package} into {package.path}")
    elif len(what) == 2:
        _or_fail(lambda: _install_pair(what[0], what[1], index_url, models_dir))
    else:
        raise click.UsageError("give one .argosmodel file, or two language codes such as `de en`")


@models.command("remove", context_settings=CONTEXT)
@click.argument("from_code", metavar="FROM")
@click.argument("to_code", metavar="TO")
@models_dir_option
def models_remove(from_code: str, to_code: str, models_dir: Path | None) -> None:
    """Remove the installed package for a language pair."""
    models_dir = models_dir or default_models_dir(os.environ)
    package = _or_fail(lambda: remove_package(models_dir, from_code, to_code))
    click.echo(f"removed {package} from {package.path.parent}")


@main.group(context_settings=CONTEXT)
def glossary() -> None:
    """Check glossary files, and find the names they lack."""


@glossary.command("check", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def glossary_check(paths: tuple[Path, ...]) -> None:
    """Check glossary files, stacked in the order given: malformed rows (with line numbers),
    duplicates, conflicts between files, empty cells, names that are common words.

    Exit code 1 when a file has errors; warnings alone exit 0.
    """
    from .glossary_tools import check_glossary

    problems = check_glossary(paths)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(problem.severity == "error" for problem in problems)
    click.echo(f"{len(paths)} files: {errors} errors, {len(problems) - errors} warnings", err=True)
    if errors:
        sys.exit(1)


@glossary.command("suggest", context_settings=CONTEXT)
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--lang", required=True, help="Language of the articles: de, en, ru...")
@_with(glossary_options)
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
    """
    from .glossary import Glossary
    from .glossary_tools import suggest_names, write_suggestions_tsv

    loaded = _or_fail(lambda: Glossary.load(_glossary_paths(glossaries, no_bundled_glossary)))
    candidates = _or_fail(lambda: suggest_names(articles, loaded, lang, min_count=min_count))
    if output is None:
        write_suggestions_tsv(candidates, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            write_suggestions_tsv(candidates, out)
    click.echo(f"{len(candidates)} names not in the glossary", err=True)


def _install_pair(from_code: str, to_code: str, index_url: str, models_dir: Path) -> None:
    """Download and install what a pair needs; raises LocaliseError for the caller to report."""
    installed = {(p.from_code, p.to_code) for p in installed_packages(models_dir)}
    entries = plan_downloads(fetch_index(index_url), from_code, to_code)
    for entry in entries:
        if (entry.from_code, entry.to_code) not in installed or len(entries) == 1:
            _download_and_install(entry, models_dir)


def _download_and_install(entry: IndexEntry, models_dir: Path) -> None:
    label = f"downloading {entry.from_code}→{entry.to_code} {entry.version}"
    with click.progressbar(length=1, label=label, file=sys.stderr) as bar:

        def progress(done: int, total: int | None) -> None:
            if total:
                bar.length = total
                bar.update(done - bar.pos)

        package = install_from_index(entry, models_dir, progress=progress)
    click.echo(f"installed {package} into {package.path}", err=True)


def _missing_model_installer(
    offline: bool, index_url: str, models_dir: Path
) -> Callable[[ModelNotFoundError], bool]:
    tried: set[tuple[str, str]] = set()

    def install(exc: ModelNotFoundError) -> bool:
        pair = (exc.from_code, exc.to_code)
        if offline or pair in tried:
            return False
        tried.add(pair)
        click.echo(
            f"localise: no {pair[0]}→{pair[1]} model installed; installing it from "
            f"{index_url} (pass --offline to forbid downloads)",
            err=True,
        )
        try:
            _install_pair(*pair, index_url, models_dir)
        except LocaliseError as error:
            click.echo(f"localise: error: {error}", err=True)
            return False
        return True

    return install


def _translate_to_stdout(
    pipeline: Pipeline,
    path: Path,
    options: FormatOptions,
    offline: bool,
    index_url: str,
    models_dir: Path,
) -> None:
    installer = _missing_model_installer(offline, index_url, models_dir)
    while True:
        try:
            result = pipeline.localise_file(path, options)
            break
        except ModelNotFoundError as exc:
            if not installer(exc):
                _fail(exc)
        except LocaliseError as exc:
            _fail(exc)
    click.echo(result.text, nl=False)
    for warning in result.report.warnings:
        click.echo(f"localise: warning: {path}: {warning}", err=True)


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


def _exit_for_failures(failures: Sequence[Outcome]) -> None:
    for failure in failures:
        click.echo(f"localise: error: {failure.item.path}: {failure.error}", err=True)
    if failures:
        sys.exit(1)


def _confidence(value: float | None) -> str:
    # None: not judged (a forced --from, or a block with no letters).
    return "-" if value is None else f"{value:.2f}"


def _glossary_paths(glossaries: Sequence[Path], no_bundled: bool) -> list[Path]:
    from .glossary import bundled_glossaries

    return [*([] if no_bundled else bundled_glossaries()), *glossaries]


def _build(factory: Callable[[], T]) -> T:
    """Build a configured object; a bad option value is a usage error (exit code 2)."""
    try:
        return factory()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def _or_fail(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except LocaliseError as exc:
        _fail(exc)


def _fail(exc: LocaliseError) -> NoReturn:
    click.echo(f"localise: error: {exc}", err=True)
    sys.exit(exc.exit_code)


def _gold_shape(path: Path, doc: Any) -> dict[str, Any]:
    kinds = {"dates": "date", "money": "money", "numbers": "number", "names": "name"}
    return {
        "path": str(path),
        "language": doc.lang,
        "article_date": doc.article_date.isoformat() if doc.article_date else None,
        **{key: [span.to_json() for span in doc.spans_of(kind)] for key, kind in kinds.items()},
    }


def _print_table(path: Path, doc: Any) -> None:
    date = doc.article_date.isoformat() if doc.article_date else "unknown"
    click.echo(f"{path}: language {doc.lang} ({doc.lang_confidence or 0:.2f}), article date {date}")
    for span in doc.spans:
        value = json.dumps(span.value.to_json(), ensure_ascii=False)
        click.echo(
            f"  {span.start:>6}-{span.end:<6} {span.kind:<7} {span.text!r} → "
            f"{span.rendering!r}  {value}"
        )
