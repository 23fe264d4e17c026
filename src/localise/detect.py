"""Language detection with langdetect, made deterministic, for articles and for their blocks.

langdetect samples n-grams at random; its module-level ``DetectorFactory.seed`` is global state.
We keep a private factory per detector instead, seeded once, so two pipelines in one process
cannot disturb each other and the same text always gets the same answer.

Per block (:class:`BlockLanguages`), the article's language is the prior: detectors fail on
short lines (langdetect is right about 63 % of the time on 15-39-character lines of agency
pages), so a block is switched to another language only on strong evidence — a different
script, letters only another language writes (``ў``, ``ї``), or the detector and that
language's function words agreeing. See ``benchmarks/block_language.py`` for the figures.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .doc import Block, Doc

if TYPE_CHECKING:
    from .formats import FormatOptions

SEED = 0


@dataclass(frozen=True)
class Detection:
    """A detected language (ISO 639-1) and langdetect's probability for it."""

    lang: str
    confidence: float


class LanguageDetector:
    """Detects the language of a text (or, with :meth:`probabilities`, among candidates)."""

    @cached_property
    def _factory(self) -> Any:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(SEED)
        return factory

    def detect(self, text: str) -> Detection | None:
        """The most probable language, or None when the text has no letters to judge by."""
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except LangDetectException:
            return None
        return Detection(lang=_short_code(best.lang), confidence=round(best.prob, 4))

    def __call__(self, doc: Doc) -> Doc:
        detection = self.detect(_article_text(doc))
        if detection is None:
            return doc
        return doc.replace(lang=detection.lang, lang_confidence=detection.confidence)

    def probabilities(self, text: str, candidates: Sequence[str]) -> dict[str, float]:
        """langdetect's probability for each of ``candidates`` (the rest left out)."""
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.set_prior_map(self._prior_map(candidates))
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return {}
        return {_short_code(p.lang): p.prob for p in found}

    def _prior_map(self, candidates: Sequence[str]) -> dict[str, float]:
        known = self._factory.get_lang_list()
        wanted = {code for code in known if _short_code(code) in candidates}
        return {code: (1.0 if code in wanted else 0.0) for code in known}


def _short_code(code: str) -> str:
    # langdetect says "zh-cn"; Argos packages and our glossaries use ISO 639-1 ("zh").
    return code.split("-")[0]


# -- per block ---------------------------------------------------------------------------

# Function words, the strongest cheap evidence on short text: a handful per language that
# other languages of the same script rarely write. Words two lists share are dropped below.
_FUNCTION_WORDS = {
    "de": "und der die das ist nicht mit sich auf für den dem des ein eine einen einer wir ich "
    "sie zu von im wird werden wurde auch nach bei aus wie dass oder aber noch nur sehr über "
    "unsere unser uns haben hat sind",
    "en": "the and of to is are was were with for that this we our you it be have has not from "
    "by will would which who at they their been there what can",
    "fr": "le la les des du une et est sont pour avec dans que qui nous vous pas sur aux ce "
    "cette elle ont être",
    "es": "el los las del una y es son para con que por su lo como más pero este esta",
    "it": "il gli della delle dei una è sono per con che non si alla questo questa",
    "pl": "w z na się nie jest to że do jak po od przez dla są oraz który",
    "ru": "и в не на что это с по как к из за от для мы вы он она они его их был была было "
    "будет также уже но или у о об при",
    "uk": "і що не на це з до як від для ми ви він вона вони його їх був була було буде "
    "також вже але або у в",
    "be": "і што не на гэта з да як ад для мы вы ён яна яны яго іх быў была было будзе "
    "таксама ўжо але або у ў",
}
_SCRIPT_OF = {"ru": "cyrillic", "uk": "cyrillic", "be": "cyrillic", "bg": "cyrillic"}
_CANDIDATES = {"latin": ("de", "en", "fr", "es", "it", "pl"), "cyrillic": ("ru", "uk")}
_WORD = re.compile(r"[^\W\d_]+")


def _distinct_function_words() -> dict[str, frozenset[str]]:
    counts = Counter(w for words in _FUNCTION_WORDS.values() for w in set(words.split()))
    return {
        lang: frozenset(w for w in words.split() if counts[w] == 1)
        for lang, words in _FUNCTION_WORDS.items()
    }


FUNCTION_WORDS = _distinct_function_words()


@dataclass(frozen=True)
class BlockDetection:
    """One block of an article file and the language found for it."""

    index: int
    kind: str
    start: int
    end: int
    text: str
    lang: str | None
    confidence: float | None
    translate: bool
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class BlockLanguages:
    """The stage that sets each block's language and leaves out blocks in another language.

    ``doc.lang`` (the article's language, or ``--from``) is the prior. A translatable block
    found in another language is flagged ``translate=False``: in ``target``, it is already
    translated; in a third language (a quote), it is kept as written.
    """

    def __init__(self, detector: LanguageDetector, target: str) -> None:
        self.detector = detector
        self.target = target

    def __call__(self, doc: Doc) -> Doc:
        if not doc.blocks or doc.lang is None:
            return doc
        blocks = tuple(self._judge(doc.text[b.start : b.end], b, doc.lang) for b in doc.blocks)
        return doc.replace(blocks=blocks)

    def _judge(self, text: str, block: Block, prior: str) -> Block:
        lang, confidence = self.language(text, prior)
        block = dataclasses.replace(block, lang=lang, lang_confidence=confidence)
        if not block.translate or lang == prior:
            return block
        if lang == self.target:
            reason = f"already in the target language ({lang})"
        else:
            reason = f"in a third language ({lang}), kept as written"
        return dataclasses.replace(block, translate=False, reason=reason)

    def language(self, text: str, prior: str) -> tuple[str, float | None]:
        """The block's language and a confidence; ``prior`` unless the evidence is strong."""
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 4:
            return prior, None  # nothing to judge by: numbers, marks, an initial
        script, share = _script(letters)
        words = [w.lower() for w in _WORD.findall(text)]
        if script == "cyrillic" and (spelled := _spelled_language(words)) is not None:
            return spelled, 1.0
        candidates = _CANDIDATES.get(script)
        if candidates is None:
            return prior, None
        probabilities = self.detector.probabilities(text, candidates)
        best = max(probabilities, key=probabilities.__getitem__, default=prior)
        hits = {lang: sum(w in FUNCTION_WORDS.get(lang, ()) for w in words) for lang in candidates}
        if _script_of(prior) != script and share >= 0.6:
            # Another script: any function word decides; a long text without one is still
            # another language, a short one is most likely a name ("Twitter", "Вконтакте").
            worded = max(hits, key=hits.__getitem__)
            if hits[worded] >= 1:
                return worded, round(probabilities.get(worded, 0.0), 4)
            if len(text.strip()) >= 40:
                return best, round(probabilities.get(best, 0.0), 4)
            return prior, None
        agreed = hits.get(best, 0) >= 2 and hits[best] > hits.get(prior, 0)
        if best != prior and agreed and probabilities[best] >= 0.9:
            return best, round(probabilities[best], 4)
        return prior, round(probabilities[prior], 4) if prior in probabilities else None


def _script(letters: Sequence[str]) -> tuple[str, float]:
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    script, count = max((("cyrillic", cyrillic), ("latin", latin)), key=lambda x: x[1])
    if count == 0:
        return "other", 0.0
    return script, count / len(letters)


def _script_of(lang: str) -> str:
    return _SCRIPT_OF.get(lang, "latin")


def _spelled_language(words: Sequence[str]) -> str | None:
    """Belarusian or Ukrainian from letters Russian never writes; None if it could be Russian.

    Those letters must be in a third of the words at least: a Russian sentence may quote one
    Belarusian name ("Шлях перамогі").
    """
    marked = [w for w in words if any(c in w for c in "іїєґў")]
    if not words or len(marked) < len(words) / 3:
        return None
    text = " ".join(marked)
    if "ў" in text:
        return "be"
    if any(c in text for c in "їєґ"):
        return "uk"
    # Belarusian writes і and ы and no и; Ukrainian writes і and и.
    return "uk" if "и" in " ".join(words) else "be"


@dataclass(frozen=True)
class FileDetection:
    """An article file's language (the prior for its blocks) and each block's language."""

    path: Path
    lang: str | None
    confidence: float | None
    blocks: tuple[BlockDetection, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "language": self.lang,
            "confidence": self.confidence,
            "blocks": [block.to_json() for block in self.blocks],
        }


def detect_file(
    path: Path | str,
    *,
    options: FormatOptions | None = None,
    source: str | None = None,
    target: str | None = None,
    detector: LanguageDetector | None = None,
) -> FileDetection:
    """Read an article file and detect its language and the language of each of its blocks.

    The article's language (or ``source``) is the prior. With ``target``, blocks in the
    target language are marked not to translate, as the pipeline would. Pass one
    ``detector`` for many files to load langdetect's profiles once.
    """
    from .formats import read_article

    path = Path(path)
    doc = read_article(path, options).doc
    detector = detector or LanguageDetector()
    detection = detector.detect(_article_text(doc))
    lang = source or (detection.lang if detection else None)
    confidence = None if source or detection is None else detection.confidence
    if lang is None:
        return FileDetection(path, None, None, ())
    doc = BlockLanguages(detector, target or lang)(doc.replace(lang=lang))
    blocks = tuple(
        BlockDetection(i, b.kind, b.start, b.end, doc.text[b.start : b.end], b.lang,
                       b.lang_confidence, b.translate, b.reason)
        for i, b in enumerate(doc.blocks)
    )  # fmt: skip
    return FileDetection(path, lang, confidence, blocks)


def _article_text(doc: Doc) -> str:
    # A file's markup and boilerplate are not the article: judge its translatable blocks.
    chosen = [b for b in doc.blocks if b.translate] or list(doc.blocks)
    return "\n".join(doc.text[b.start : b.end] for b in chosen) if chosen else doc.text
