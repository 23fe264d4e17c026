"""The pipeline: configure once, then localise any number of articles into its targets.

::

    Doc ─▶ detect ─▶ source side ─────▶ target side ──────▶ protect ─▶ engine ─▶ facts ───▶ Result
           (lang)    (article date,     (per target: blocks  (names in   (Argos)   (found by
                      block languages,   to translate, names,  the target           value, wrong
                      names, entities)   entities, sentences)  form)                ones fixed)

The source-side stages run once per article, the target-side stages once per article and
target (:mod:`localise.stages` lists both); :meth:`Pipeline.source_stages` and
:meth:`Pipeline.target_stages` are the two lists. Heavy parts (langdetect profiles,
recognisers, CTranslate2 models) load on first use and are kept by the instance, so one
Pipeline serves a whole batch. The pipeline reads and writes no file: :mod:`localise.files`
puts it between a format's reader and writer.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ._version import __version__
from .config import Config, signature_of
from .doc import Doc, Segment, Span
from .engine import ArgosEngines, Engine, EngineFactory
from .errors import ConfigError, GlossaryError, InputError, ModelError
from .locales import parse_locale
from .report import Report, warnings_for
from .stages import Stage
from .stages.article_date import ArticleDate
from .stages.detect import SEED, BlockLanguages, BlockTargets, LanguageDetector
from .stages.entities import EntityRecogniser, recogniser
from .stages.facts import Check, FactChecker, Finding
from .stages.glossary import Glossary, GlossaryFinder, GlossaryRenderer
from .stages.literals import Literals
from .stages.protect import ENGINE_KINDS, protect
from .stages.render import EntityRenderer
from .stages.render.minimal import minimal_edit
from .stages.segment import Segmenter

__all__ = ["Pipeline", "Prepared", "Result"]


@dataclass(frozen=True)
class Prepared:
    """An analysed article prepared for one target: its protected segments (``sources``)
    await translation. ``pair`` is None when source and target language are the same."""

    doc: Doc
    target: str
    pair: tuple[str, str] | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """A localised article: the target text, the source analysis and the report.

    ``blocks`` holds the output of each of ``doc.blocks`` (empty when the Doc has none), for
    the format writers that put each block back where it came from; ``outputs`` the output of
    each of ``doc.segments`` (the review page and XLIFF show them beside their sources).
    """

    text: str
    doc: Doc
    report: Report
    blocks: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()


class Pipeline:
    """Localise articles into the configuration's target locales.

    >>> pipeline = Pipeline(Config(("en-GB",), glossaries=bundled_glossaries()))  # doctest: +SKIP
    >>> result = pipeline.localise("MINSK, 14. Januar (BelTA) – ...")             # doctest: +SKIP
    >>> result.text, result.report.to_json()                                       # doctest: +SKIP

    ``engines`` is where translation engines come from (default: the installed Argos packages
    of ``config.models``); see :mod:`localise.engine`.
    """

    def __init__(self, config: Config, *, engines: EngineFactory | None = None) -> None:
        self.config = config
        self.engines: EngineFactory = engines or ArgosEngines(config.models, config.engine)
        self._loaded: dict[tuple[str, str], Engine] = {}
        self._source_stages: dict[str, tuple[Stage, ...]] = {}
        self._target_stages: dict[tuple[str, str], tuple[Stage, ...]] = {}
        self._checkers: dict[tuple[str, str], FactChecker] = {}
        # A missing glossary is a mistake in the configuration: say so now, not at the first
        # article (the glossaries themselves load when first needed).
        for path in config.glossaries:
            if not Path(path).is_file():
                raise GlossaryError(
                    path, "no such glossary file; check the path, or leave it out of the Config"
                )

    @cached_property
    def glossary(self) -> Glossary:
        return Glossary.load(self.config.glossaries)

    @cached_property
    def _detector(self) -> LanguageDetector:
        return LanguageDetector()

    # -- the stages ----------------------------------------------------------------------

    def analyse(self, doc: Doc | str) -> Doc:
        """Detect the article's language, then run the source-side stages."""
        doc = Doc(doc) if isinstance(doc, str) else doc
        doc = self._detector(doc)
        source = self.config.source or doc.lang
        if source is None:
            reason = (
                "empty article: nothing to translate"
                if not doc.text.strip()
                else "cannot tell the language of a text without words; pass --from LANG "
                "(source= in the library)"
            )
            raise InputError(doc.meta.get("path", "<text>"), reason)
        doc = doc.replace(lang=source)
        for stage in self.source_stages(source):
            doc = stage(doc)
        return doc

    def prepare(self, doc: Doc, target: str | None = None) -> Prepared:
        """Run the target-side stages on an analysed Doc and protect its segments.

        With :meth:`finish`, this lets a batch translate the segments of many articles in
        one engine call (and look them up in a translation memory first).
        """
        lang = doc.lang
        if lang is None:
            raise ConfigError("prepare() needs an analysed Doc; call analyse() first")
        target = self.config.target(target)
        for stage in self.target_stages(lang, target):
            doc = stage(doc)
        target_lang = _language(target)
        if lang == target_lang:
            return Prepared(doc, target, None, ())
        sources = tuple(
            protect(doc.text[s.start : s.end], s.start, *_for_engine(doc, s)) for s in doc.segments
        )
        return Prepared(doc, target, (lang, target_lang), sources)

    def source_stages(self, lang: str) -> tuple[Stage, ...]:
        """The stages that depend on the source alone, built once per source language."""
        if lang not in self._source_stages:
            stages: list[Stage] = [
                ArticleDate(lang, self.config.article_date),
                BlockLanguages(self._detector),
                Literals(),
                GlossaryFinder(self.glossary, lang),
            ]
            found = _recogniser(lang)
            if found is not None:
                stages.append(found)
            stages.append(_only_in_blocks)
            self._source_stages[lang] = tuple(stages)
        return self._source_stages[lang]

    def target_stages(self, lang: str, target: str) -> tuple[Stage, ...]:
        """The stages that depend on the target, built once per source language and target."""
        key = (lang, target)
        if key not in self._target_stages:
            target_lang = _language(target)
            stages: list[Stage] = [
                BlockTargets(target_lang),
                GlossaryRenderer(self.glossary, lang, target_lang),
            ]
            if _recogniser(lang) is not None:
                stages.append(EntityRenderer(target, self.config.style))
            stages.append(Segmenter(lang))
            self._target_stages[key] = tuple(stages)
        return self._target_stages[key]

    # -- translation and verification ----------------------------------------------------

    def finish(self, prepared: Prepared, translations: Sequence[str], engine: str) -> Result:
        """Verify and repair an engine's translations of ``prepared.sources``; build the result."""
        doc = prepared.doc
        findings: list[Finding] = []
        if prepared.pair is None:
            outputs, checks = self._same_language(doc, prepared.target)
            engine = "none (same language: entities and names only)"
        else:
            if len(translations) != len(prepared.sources):
                raise ModelError(
                    f"{engine} returned {len(translations)} translations for "
                    f"{len(prepared.sources)} segments"
                )
            outputs, checks, findings = self._checked(doc, prepared.target, translations)
        return Result(
            text=reassemble(doc, outputs, 0, len(doc.text)),
            doc=doc,
            report=self._report(doc, prepared.target, engine, checks, findings),
            blocks=tuple(reassemble(doc, outputs, b.start, b.end) for b in doc.blocks),
            outputs=tuple(outputs),
        )

    def localise(self, doc: Doc | str, target: str | None = None) -> Result:
        """Localise one article given as text (or as a Doc with blocks, from a format reader)."""
        prepared = self.prepare(self.analyse(doc), target)
        if prepared.pair is None:
            return self.finish(prepared, (), "")
        engine = self.engine(prepared.pair)
        return self.finish(prepared, engine.translate(prepared.sources), engine.description)

    def engine(self, pair: tuple[str, str]) -> Engine:
        """The engine for a language pair, loaded once per pipeline."""
        if pair not in self._loaded:
            self._loaded[pair] = self.engines.load(pair)
        return self._loaded[pair]

    def engine_description(self, pair: tuple[str, str]) -> str:
        """Which models translate a pair, without loading them (ModelNotFoundError if none)."""
        return self.engines.describe(pair)

    def signature(self, target: str, engine: str) -> dict[str, Any]:
        """Everything that decided an output: versions, engine, glossary content, and every
        configuration field (from the configuration itself, see :mod:`localise.config`)."""
        import babel

        return {
            "localise": __version__,
            "babel": babel.__version__,
            "cldr": str(babel.core.get_cldr_version()),
            "detector_seed": SEED,
            "engine": engine,
            "glossary": self.glossary.fingerprint,
            "target": target,
            "config": signature_of(self.config),
        }

    def fact_checker(self, lang: str, target: str) -> FactChecker:
        """The fact checker for translations from ``lang`` into ``target``, built once."""
        key = (lang, target)
        if key not in self._checkers:
            self._checkers[key] = FactChecker(target, lang, self.config.style)
        return self._checkers[key]

    def _checked(
        self, doc: Doc, target: str, translations: Sequence[str]
    ) -> tuple[list[str], list[Check], list[Finding]]:
        """Each translation with its facts checked against its segment's (see ``facts``)."""
        assert doc.lang is not None
        checker = self.fact_checker(doc.lang, target)
        outputs: list[str] = []
        checks: list[Check] = []
        findings: list[Finding] = []
        context = "\n".join(translations)  # the whole translation, as `localise check` has it
        for segment, translation in zip(doc.segments, translations, strict=True):
            spans, _ = _for_engine(doc, segment, kinds=None)
            if _recogniser(doc.lang) is None:
                spans = [s for s in spans if s.kind in ENGINE_KINDS]
            checked = checker.check(
                translation, spans, article_date=doc.article_date, mode="engine", context=context
            )
            outputs.append(checked.text)
            checks.extend(checked.checks)
            findings.extend(dataclasses.replace(f, sentence=translation) for f in checked.findings)
        return outputs, checks, findings

    def _same_language(self, doc: Doc, target: str) -> tuple[list[str], list[Check]]:
        """The segments with only what the target locale writes differently changed."""
        assert doc.lang is not None
        found = _recogniser(doc.lang)
        locale = parse_locale(target)
        outputs, checks = [], []
        for segment in doc.segments:
            spans = _spans_in(doc, segment)
            edited = []
            for span in spans:
                text = span.text
                if found is not None and span.kind in ("date", "money", "number"):
                    text = minimal_edit(span, found, locale)
                edited.append(dataclasses.replace(span, rendering=text))
                checks.append(
                    Check(span, "kept")
                    if text == span.text
                    else Check(span, "rendered", span.text, text)
                )
            outputs.append(protect(doc.text[segment.start : segment.end], segment.start, edited))
        return outputs, checks

    def _report(
        self, doc: Doc, target: str, engine: str, checks: list[Check], findings: list[Finding]
    ) -> Report:
        warnings = warnings_for(findings)
        assert doc.lang is not None
        if _recogniser(doc.lang) is None:
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
            target=target,
            source_lang=doc.lang,
            detected_lang=doc.lang if self.config.source is None else None,
            confidence=doc.lang_confidence,
            engine=engine,
            article_date=doc.article_date.isoformat() if doc.article_date else None,
            article_date_source=doc.article_date_source,
            segments=len(doc.segments),
            checks=tuple(checks),
            findings=tuple(findings),
            warnings=tuple(warnings),
            signature=self.signature(target, engine),
            untranslated=tuple(
                (b.kind, b.reason or "", doc.text[b.start : b.end])
                for b in doc.blocks
                if not b.translate
            ),
        )


def _language(locale: str) -> str:
    return str(parse_locale(locale).language)


def _recogniser(lang: str) -> EntityRecogniser | None:
    # None for a language CLDR does not know: the report says dates were not checked.
    try:
        return recogniser(lang)
    except ConfigError:
        return None


def _only_in_blocks(doc: Doc) -> Doc:
    """Names and entities in a file's markup (front matter, tag attributes) are not the
    article's: only what stands in a block is reported and localised."""
    if not doc.blocks:
        return doc
    return doc.replace(spans=tuple(s for s in doc.spans if doc.block_of(s) is not None))


def _spans_in(doc: Doc, segment: Segment) -> list[Span]:
    return [
        span for span in doc.spans_within(segment.start, segment.end) if span.rendering is not None
    ]


# The lookbehind starts a match at the first blank of a run: without it, a long run of blanks
# with no line break is tried from each of its positions.
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*(?:\r\n|\r|\n)[ \t]*")


def _for_engine(
    doc: Doc, segment: Segment, kinds: frozenset[str] | None = ENGINE_KINDS
) -> tuple[list[Span], list[tuple[int, int]]]:
    """The spans of a segment (of ``kinds``: by default those whose rendering the engine gets),
    and the soft line breaks the engine should see as spaces.

    A sentence of a hard-wrapped paragraph runs across line breaks; the engine gets it on one
    line, without the continuation syntax of the next line ("> " in a quote), and its
    translation replaces the whole sentence.
    """
    joins = []
    markup = [s for s in doc.spans_within(segment.start, segment.end) if s.kind == "markup"]
    for match in _LINE_BREAK.finditer(doc.text, segment.start, segment.end):
        end = match.end()
        continuation = next(
            (s for s in markup if match.start() < s.start <= end and _is_prefix(s.text)),
            None,
        )
        joins.append((match.start(), max(end, continuation.end) if continuation else end))
    spans = [
        span
        for span in _spans_in(doc, segment)
        if not any(start <= span.start and span.end <= end for start, end in joins)
        and (kinds is None or span.kind in kinds)
    ]
    return spans, joins


def _is_prefix(text: str) -> bool:
    # A continuation line's container syntax: a quote's ">" and indentation, nothing else.
    return not text.strip(" \t>")


def reassemble(doc: Doc, outputs: Sequence[str], start: int, end: int) -> str:
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
