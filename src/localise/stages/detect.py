"""Language detection with langdetect, made deterministic, for articles and for their blocks.

langdetect samples n-grams at random; its module-level ``DetectorFactory.seed`` is global state.
We keep a private factory per detector instead, seeded once, so two pipelines in one process
cannot disturb each other and the same text always gets the same answer.

Per block (:class:`BlockLanguages`, a source-side stage), the article's language is the
prior: detectors fail on short lines (langdetect is right about 63 % of the time on
15-39-character lines of agency pages), so a block is switched to another language only on
strong evidence — a different script, letters only another language writes (``ў``, ``ї``), or
the detector and that language's function words agreeing. See ``benchmarks/block_language.py``
for the figures. :class:`BlockTargets` (target side) then leaves out the blocks in another
language than the article's: already in the target's, or a quote in a third.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..doc import Doc

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
        detection = self.detect(article_text(doc))
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


class BlockLanguages:
    """The stage that sets each block's own language (``Block.lang``), ``doc.lang`` (the
    article's language, or ``--from``) as the prior."""

    def __init__(self, detector: LanguageDetector) -> None:
        self.detector = detector

    def __call__(self, doc: Doc) -> Doc:
        if not doc.blocks or doc.lang is None:
            return doc
        blocks = []
        for block in doc.blocks:
            lang, confidence = self.language(doc.text[block.start : block.end], doc.lang)
            blocks.append(dataclasses.replace(block, lang=lang, lang_confidence=confidence))
        return doc.replace(blocks=tuple(blocks))

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


class BlockTargets:
    """The target-side stage that leaves out blocks in another language than the article's.

    A translatable block found in ``target``'s language is already translated; one in a third
    language (a quote) is kept as written. Either is flagged ``translate=False`` with the
    reason, and the report lists it.
    """

    def __init__(self, target: str) -> None:
        self.target = target

    def __call__(self, doc: Doc) -> Doc:
        blocks = []
        for block in doc.blocks:
            if block.translate and block.lang is not None and block.lang != doc.lang:
                if block.lang == self.target:
                    reason = f"already in the target language ({block.lang})"
                else:
                    reason = f"in a third language ({block.lang}), kept as written"
                block = dataclasses.replace(block, translate=False, reason=reason)
            blocks.append(block)
        return doc.replace(blocks=tuple(blocks))


def article_text(doc: Doc) -> str:
    """What the article's language is judged by: its translatable blocks (a file's markup and
    boilerplate are not the article), or the whole text of a Doc without blocks."""
    chosen = [b for b in doc.blocks if b.translate] or list(doc.blocks)
    return "\n".join(doc.text[b.start : b.end] for b in chosen) if chosen else doc.text
