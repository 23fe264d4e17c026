"""Language detection with langdetect, made deterministic.

langdetect samples n-grams at random; its module-level ``DetectorFactory.seed`` is global state.
We keep a private factory per detector instead, seeded once, so two pipelines in one process
cannot disturb each other and the same text always gets the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .doc import Doc

SEED = 0


@dataclass(frozen=True)
class Detection:
    """A detected language (ISO 639-1) and langdetect's probability for it."""

    lang: str
    confidence: float


class LanguageDetector:
    """Detects the language of a text; restricted to ``candidates`` when given."""

    def __init__(self, candidates: Sequence[str] | None = None) -> None:
        self.candidates = tuple(candidates) if candidates else None

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
        if self.candidates:
            detector.set_prior_map(self._prior_map())
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except LangDetectException:
            return None
        return Detection(lang=_short_code(best.lang), confidence=round(best.prob, 4))

    def __call__(self, doc: Doc) -> Doc:
        detection = self.detect(doc.text)
        if detection is None:
            return doc
        return doc.replace(lang=detection.lang, lang_confidence=detection.confidence)

    def _prior_map(self) -> dict[str, float]:
        known = self._factory.get_lang_list()
        wanted = {code for code in known if _short_code(code) in (self.candidates or ())}
        return {code: (1.0 if code in wanted else 0.0) for code in known}


def _short_code(code: str) -> str:
    # langdetect says "zh-cn"; Argos packages and our glossaries use ISO 639-1 ("zh").
    return code.split("-")[0]
