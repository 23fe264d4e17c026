"""``localise detect`` and ``localise inspect``: what localise sees in articles."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._options import (
    CONTEXT,
    article_date_option,
    build,
    day,
    exit_for_failures,
    glossary_options,
    glossary_paths,
    shown,
    style_from,
    style_option,
    with_options,
)

if TYPE_CHECKING:
    from ..doc import Doc


@click.command(context_settings=CONTEXT)
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
    from ..batch import discover
    from ..errors import LocaliseError, error_text
    from ..files import detect_file
    from ..locales import parse_locale
    from ..stages.detect import LanguageDetector

    target_lang = str(build(lambda: parse_locale(target)).language) if target else None
    detector = LanguageDetector()
    items, failed = discover(paths)
    failures = [(o.item.path, o.error or "") for o in failed if o.status == "failed"]
    for item in items:
        try:
            found = detect_file(item.path, source=source, target=target_lang, detector=detector)
        except LocaliseError as exc:
            failures.append((item.path, error_text(exc)))
            continue
        if as_json:
            click.echo(json.dumps(found.to_json(), ensure_ascii=False))
            continue
        lang = found.lang or "unknown"
        click.echo(f"{shown(item.path)}\t{lang}\t{_confidence(found.confidence)}")
        for block in () if no_blocks else found.blocks:
            action = "translate" if block.translate else f"keep ({block.reason})"
            excerpt = shown(" ".join(block.text.split()))
            excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
            click.echo(
                f"  {block.index}\t{block.kind}\t{block.lang or '-'}\t"
                f"{_confidence(block.confidence)}\t{action}\t{excerpt}"
            )
    exit_for_failures(failures)


@click.command(context_settings=CONTEXT)
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
@with_options(glossary_options)
@article_date_option
@style_option
def inspect(
    paths: tuple[Path, ...],
    as_json: bool,
    source: str | None,
    target: str,
    glossaries: tuple[Path, ...],
    no_bundled_glossary: bool,
    article_date: datetime | None,
    style: str | None,
) -> None:
    """Show the dates, amounts, numbers and names found in each article, and its publication
    date with where that came from (``article_date_source``).

    Offsets are into the article's text as read (the file's text; for JSON, its translatable
    fields joined by blank lines).
    """
    from ..config import Config
    from ..errors import LocaliseError, error_text
    from ..files import read_article
    from ..pipeline import Pipeline
    from ..report import facts

    config = build(
        lambda: Config(
            targets=(target,),
            source=source,
            glossaries=glossary_paths(glossaries, no_bundled_glossary),
            article_date=day(article_date),
            style=style_from(style),
        )
    )
    pipeline = Pipeline(config)
    failures: list[tuple[Path, str]] = []
    for path in paths:
        try:
            doc = pipeline.prepare(pipeline.analyse(read_article(path).doc)).doc
        except LocaliseError as exc:
            failures.append((path, error_text(exc)))
            if as_json:
                click.echo(
                    json.dumps({"path": str(path), "error": error_text(exc)}, ensure_ascii=False)
                )
            continue
        if as_json:
            click.echo(json.dumps(facts(doc, str(path)), ensure_ascii=False))
        else:
            _print_table(path, doc)
    exit_for_failures(failures)


def _confidence(value: float | None) -> str:
    # None: not judged (a forced --from, or a block with no letters).
    return "-" if value is None else f"{value:.2f}"


#: Where the article date came from (``article_date_source`` in ``--json``), for a reader.
_DATE_SOURCES = {
    "metadata": "the file's metadata",
    "option": "--article-date",
    "timestamp": "the page's timestamp line",
    "text": "the text's dateline and periods",
}


def _print_table(path: Path, doc: Doc) -> None:
    date = "unknown"
    if doc.article_date is not None:
        source = _DATE_SOURCES[doc.article_date_source or "metadata"]
        date = f"{doc.article_date.isoformat()} (from {source})"
    confidence = doc.lang_confidence or 0
    click.echo(f"{shown(path)}: language {doc.lang} ({confidence:.2f}), article date {date}")
    for span in doc.spans:
        value = json.dumps(span.value.to_json(), ensure_ascii=False)
        click.echo(
            f"  {span.start:>6}-{span.end:<6} {span.kind:<7} {span.text!r} → "
            f"{span.rendering!r}  {value}"
        )
