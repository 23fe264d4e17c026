"""The pipeline: configure once, then localise any number of articles.

::

    text ─▶ detect ─▶ glossary ─▶ entities ─▶ render ─▶ segment ─▶ translate ─▶ verify ─▶ Result
            (lang)    (names)     (dates,      (target   (sentences  (Argos,      (repair,
                                   money,       forms)    that never  protected   report)
                                   numbers)               split spans) spans)

Every stage but translation is a callable ``Doc -> Doc``; the pipeline is their explicit
sequence. Heavy parts (langdetect profiles, CTranslate2 models) load on first use and are kept
by the Pipeline instance, so one Pipeline serves a whole batch.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from . import __version__
from .checks import Check, protect, verify
from .detect import SEED, BlockLanguages, LanguageDetector
from .doc import Doc, Segment, Span
from .engine import Engine, EngineOptions, load_engine
from .entities import EntityRecogniser, find_article_date
from .errors import ConfigError, InputError, ModelError
from .formats import FormatOptions, read_article, write_article
from .glossary import Glossary, GlossaryMatcher
from .locales import parse_locale
from .models import default_models_dir, find_route
from .render import EntityRenderer
from .report import Report, warnings_for
from .segment import Segmenter


@dataclass(frozen=True)
class Config:
    """Everything that decides a pipeline's output; recorded in every report's signature.

    ``article_date``: the publication date assumed for an article that states none (no page
    timestamp, front-matter date or dateline year), for the years its dates leave out.
    """

    target: str
    source: str | None = None
    glossaries: tuple[Path, ...] = ()
    models_dir: Path | None = None
    engine: EngineOptions = field(default_factory=EngineOptions)
    article_date: date | None = None

    def __post_init__(self) -> None:
        parse_locale(self.target)
        if self.source is not None and not (self.source.isalpha() and len(self.source) <= 3):
            raise ConfigError(
                f"source language must be an ISO 639 code like 'de', not {self.source!r}"
            )


@dataclass(frozen=True)
class Prepared:
    """An analysed article whose protected segments (``sources``) await translation.

    ``pair`` is None when source and target language are the same: nothing to translate.
    """

    doc: Doc
    pair: tuple[str, str] | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """A localised article: the target text, the source analysis and the report.

    ``blocks`` holds the output of each of ``doc.blocks`` (empty when the Doc has none), for
    format writers that put each block back where it came from.
    """

    text: str
    doc: Doc
    report: Report
    blocks: tuple[str, ...] = ()


class Pipeline:
    """Localise articles into one target locale.

    >>> pipeline = Pipeline("en-GB", glossaries=["glossaries/belarus.tsv"])  # doctest: +SKIP
    >>> result = pipeline.localise("MINSK, 14. Januar (BelTA) – ...")        # doctest: +SKIP
    >>> result.text, result.report.to_json()                                  # doctest: +SKIP
    """

    def __init__(
        self,
        target: str,
        *,
        source: str | None = None,
        glossaries: Sequence[Path | str] = (),
        models_dir: Path | str | None = None,
        beam_size: int = 4,
        threads: int = 0,
        article_date: date | None = None,
        engines: Mapping[tuple[str, str], Engine] | None = None,
    ) -> None:
        self.config = Config(
            target=target,
            source=source,
            glossaries=tuple(Path(g) for g in glossaries),
            models_dir=Path(models_dir) if models_dir is not None else None,
            engine=EngineOptions(beam_size=beam_size, threads=threads),
            article_date=article_date,
        )
        self.locale = parse_locale(target)
        # Engines given by the caller (any object with ``translate`` and ``description``) are
        # used for their pairs instead of installed packages.
        self._engines: dict[tuple[str, str], Engine] = dict(engines or {})
        self._given_engines = bool(self._engines)
        self._recognisers: dict[str, EntityRecogniser | None] = {}
        self._stage_lists: dict[str, list[Callable[[Doc], Doc]]] = {}

    @cached_property
    def glossary(self) -> Glossary:
        return Glossary.load(self.config.glossaries)

    @cached_property
    def models_dir(self) -> Path:
        # Only when not configured: argostranslate's folder, as argospm would use it.
        return self.config.models_dir or default_models_dir(os.environ)

    @cached_property
    def _detector(self) -> LanguageDetector:
        return LanguageDetector()

    @cached_property
    def _renderer(self) -> EntityRenderer:
        return EntityRenderer(str(self.locale))

    @property
    def target_lang(self) -> str:
        return str(self.locale.language)

    def analyse(self, doc: Doc | str, *, article_date: date | None = None) -> Doc:
        """Detect, find names and entities, render them for the target, segment."""
        return self._analyse(Doc(doc) if isinstance(doc, str) else doc, article_date)

    def prepare(self, doc: Doc | str, *, article_date: date | None = None) -> Prepared:
        """Analyse an article and protect its segments, ready for an engine.

        With :meth:`finish`, this lets a batch translate the segments of many articles in
        one engine call (and look them up in a translation memory first).
        """
        return self._protect(self.analyse(doc, article_date=article_date))

    def retarget(self, doc: Doc) -> Prepared:
        """Prepare an article analysed by a pipeline for another target, for this one.

        Detection, the article date and entity recognition are kept (they depend on the source
        alone); only the target-specific stages run again: glossary names (whose positions
        depend on the source alone, their renderings on the target), entity renderings and
        segmentation. So a run into several locales analyses each article once. The other
        pipeline must have the same ``source`` and glossaries.
        """
        if doc.lang is None:
            raise ConfigError("retarget() needs an analysed Doc; call prepare() first")
        entities = doc.replace(spans=tuple(s for s in doc.spans if s.kind != "name"))
        for stage in self._stages(doc.lang):
            if not isinstance(stage, EntityRecogniser):
                entities = stage(entities)
        return self._protect(entities)

    def engine_description(self, from_code: str, to_code: str) -> str:
        """Which models translate a pair (as ``Engine.description``), without loading them.

        Raises ModelNotFoundError when no installed package (nor pivot) serves the pair.
        """
        key = (from_code, to_code)
        if key in self._engines:
            return self._engines[key].description
        return " + ".join(str(p) for p in find_route(self.models_dir, from_code, to_code))

    @property
    def has_given_engines(self) -> bool:
        """True when engines were passed as objects: such a pipeline cannot be rebuilt from
        its ``config`` in another process."""
        return self._given_engines

    def _protect(self, doc: Doc) -> Prepared:
        assert doc.lang is not None
        if doc.lang == self.target_lang:
            return Prepared(doc, None, ())
        sources = tuple(
            protect(doc.text[s.start : s.end], s.start, *_for_engine(doc, s)) for s in doc.segments
        )
        return Prepared(doc, (doc.lang, self.target_lang), sources)

    def finish(self, prepared: Prepared, translations: Sequence[str], engine: str) -> Result:
        """Verify and repair an engine's translations of ``prepared.sources``; build the result."""
        doc = prepared.doc
        if prepared.pair is None:
            outputs = [
                protect(doc.text[s.start : s.end], s.start, _spans_in(doc, s)) for s in doc.segments
            ]
            checks = [Check(span, "kept") for span in _protected(doc)]
            engine = "none (same language: entities and names only)"
        else:
            if len(translations) != len(prepared.sources):
                raise ModelError(
                    f"{engine} returned {len(translations)} translations for "
                    f"{len(prepared.sources)} segments"
                )
            outputs, checks = self._verify(doc, translations)
        return Result(
            text=_reassemble(doc, outputs, 0, len(doc.text)),
            doc=doc,
            report=self._report(doc, engine, checks),
            blocks=tuple(_reassemble(doc, outputs, b.start, b.end) for b in doc.blocks),
        )

    def localise(self, text: str | Doc, *, article_date: date | None = None) -> Result:
        """Localise one article given as text (or as a Doc with blocks, from a format reader)."""
        prepared = self.prepare(text, article_date=article_date)
        if prepared.pair is None:
            return self.finish(prepared, (), "")
        engine = self.engine(*prepared.pair)
        return self.finish(prepared, engine.translate(prepared.sources), engine.description)

    def localise_file(self, path: Path | str, options: FormatOptions | None = None) -> Result:
        """Localise one article file; ``Result.text`` is the whole output file's content."""
        article = read_article(Path(path), options)
        result = self.localise(article.doc)
        return dataclasses.replace(
            result,
            text=write_article(article, result, options),
            report=dataclasses.replace(result.report, path=str(path)),
        )

    def engine(self, from_code: str, to_code: str) -> Engine:
        """The engine for a pair, loaded once per pipeline."""
        key = (from_code, to_code)
        if key not in self._engines:
            self._engines[key] = load_engine(
                self.models_dir, from_code, to_code, self.config.engine
            )
        return self._engines[key]

    def signature(self, engine: str) -> dict[str, Any]:
        import babel

        return {
            "localise": __version__,
            "babel": babel.__version__,
            "cldr": str(babel.core.get_cldr_version()),
            "engine": engine,
            "beam_size": self.config.engine.beam_size,
            "glossary": self.glossary.fingerprint,
            "detector_seed": SEED,
            "target": self.config.target,
            "source": self.config.source or "auto",
            "article_date": str(self.config.article_date or "from each article"),
        }

    def _analyse(self, doc: Doc, article_date: date | None) -> Doc:
        doc = self._detector(doc)
        source = self.config.source or doc.lang
        if source is None:
            if not doc.text.strip():
                raise InputError(
                    doc.meta.get("path", "<text>"), "empty article: nothing to translate"
                )
            raise InputError(
                doc.meta.get("path", "<text>"),
                "cannot tell the language of a text without words; pass --from LANG "
                "(source= in the library)",
            )
        if article_date is None:
            article_date = (
                doc.article_date
                or find_article_date(doc.text, source, recogniser=self._recogniser(source))
                or self.config.article_date
            )
        doc = doc.replace(lang=source, article_date=article_date)
        # Per block, before segmenting: blocks in another language are not translated.
        doc = BlockLanguages(self._detector, self.target_lang)(doc)
        for stage in self._stages(source):
            doc = stage(doc)
        if doc.blocks:
            # Names and entities in a file's markup (front matter, tag attributes) are not
            # the article's: only what stands in a block is reported and localised.
            doc = doc.replace(spans=tuple(s for s in doc.spans if doc.block_of(s) is not None))
        return doc

    def _stages(self, source: str) -> list[Callable[[Doc], Doc]]:
        # Built once per source language: a GlossaryMatcher indexes the whole glossary.
        if source not in self._stage_lists:
            stages: list[Callable[[Doc], Doc]] = [
                GlossaryMatcher(self.glossary, source, self.target_lang)
            ]
            recogniser = self._recogniser(source)
            if recogniser is not None:
                stages += [recogniser, self._renderer]
            stages.append(Segmenter(source))
            self._stage_lists[source] = stages
        return self._stage_lists[source]

    def _recogniser(self, lang: str) -> EntityRecogniser | None:
        if lang not in self._recognisers:
            try:
                self._recognisers[lang] = EntityRecogniser(lang)
            except ConfigError:
                self._recognisers[lang] = None  # reported as a warning, not a failure
        return self._recognisers[lang]

    def _verify(self, doc: Doc, translations: Sequence[str]) -> tuple[list[str], list[Check]]:
        # The target locale's own separators: de-CH writes "1.1 Milliarden", not "1,1".
        recogniser = self._recogniser(str(self.locale))

        def find(text: str) -> list[Span]:
            assert recogniser is not None
            return list(recogniser(Doc(text, article_date=doc.article_date)).spans)

        outputs, checks = [], []
        for segment, translation in zip(doc.segments, translations, strict=True):
            spans, _ = _for_engine(doc, segment)
            repaired, segment_checks = verify(translation, spans, find if recogniser else None)
            outputs.append(repaired)
            checks.extend(segment_checks)
        return outputs, checks

    def _report(self, doc: Doc, engine: str, checks: list[Check]) -> Report:
        warnings = warnings_for(checks)
        assert doc.lang is not None
        if self._recogniser(doc.lang) is None:
            warnings.append(
                f"no date and number recogniser for {doc.lang!r}: dates and amounts were "
                f"translated as plain text; check them by hand"
            )
        confidence = doc.lang_confidence
        if self.config.source is None and confidence is not None and confidence < 0.9:
            warnings.append(
                f"language detected as {doc.lang!r} with low confidence {confidence:.2f}; "
                f"pass --from to be sure"
            )
        warnings.extend(self.glossary.conflict_warnings())
        return Report(
            target=self.config.target,
            source_lang=doc.lang,
            detected_lang=doc.lang if self.config.source is None else None,
            confidence=doc.lang_confidence,
            engine=engine,
            article_date=doc.article_date.isoformat() if doc.article_date else None,
            segments=len(doc.segments),
            checks=tuple(checks),
            warnings=tuple(warnings),
            signature=self.signature(engine),
            untranslated=tuple(
                (b.kind, b.reason or "", doc.text[b.start : b.end])
                for b in doc.blocks
                if not b.translate
            ),
        )


def _spans_in(doc: Doc, segment: Segment) -> list[Span]:
    return [
        span for span in doc.spans_within(segment.start, segment.end) if span.rendering is not None
    ]


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def _for_engine(doc: Doc, segment: Segment) -> tuple[list[Span], list[tuple[int, int]]]:
    """The spans an engine must carry over, and the soft line breaks it should see as spaces.

    A sentence of a hard-wrapped paragraph runs across line breaks; the engine gets it on one
    line, without the continuation syntax of the next line ("> " in a quote), and its
    translation replaces the whole sentence.
    """
    joins = []
    for match in _LINE_BREAK.finditer(doc.text, segment.start, segment.end):
        end = match.end()
        continuation = next(
            (
                s
                for s in doc.spans
                if s.kind == "markup" and match.start() < s.start <= end and _is_prefix(s.text)
            ),
            None,
        )
        joins.append((match.start(), max(end, continuation.end) if continuation else end))
    spans = [
        span
        for span in _spans_in(doc, segment)
        if not any(start <= span.start and span.end <= end for start, end in joins)
    ]
    return spans, joins


def _is_prefix(text: str) -> bool:
    # A continuation line's container syntax: a quote's ">" and indentation, nothing else.
    return not text.strip(" \t>")


def _protected(doc: Doc) -> list[Span]:
    return [span for segment in doc.segments for span in _spans_in(doc, segment)]


def _reassemble(doc: Doc, outputs: Sequence[str], start: int, end: int) -> str:
    """``doc.text[start:end]`` with each segment in it replaced by its output."""
    parts = []
    position = start
    for segment, output in zip(doc.segments, outputs, strict=True):
        if start <= segment.start and segment.end <= end:
            parts.append(doc.text[position : segment.start])
            parts.append(output)
            position = segment.end
    parts.append(doc.text[position:end])
    return "".join(parts)
