"""The stages: small callables ``Doc -> Doc``, configured once, applied to every article.

Source-side stages run once per article, whatever the targets; target-side stages run once
per article and target. :class:`localise.pipeline.Pipeline` holds the two lists:

==================  =========================  ===============================================
side                stage                      module
==================  =========================  ===============================================
source              LanguageDetector           :mod:`.detect` (the article's language)
source              ArticleDate                :mod:`.article_date`
source              BlockLanguages             :mod:`.detect` (each block's language)
source              Literals                   :mod:`.literals` (phones, addresses, numbers)
source              GlossaryFinder             :mod:`.glossary`
source              EntityRecogniser           :mod:`.entities` (dates, money, numbers)
target              BlockTargets               :mod:`.detect` (blocks not to translate)
target              GlossaryRenderer           :mod:`.glossary`
target              EntityRenderer             :mod:`.render`
target              Segmenter                  :mod:`.segment`
==================  =========================  ===============================================

:mod:`.protect` is the mechanism around the engine: renderings into its input, then each one
checked in its output. No stage reads or writes files.
"""

from collections.abc import Callable

from ..doc import Doc

#: A stage: a callable that returns a new Doc (it never changes the one it gets).
Stage = Callable[[Doc], Doc]

__all__ = ["Stage"]
