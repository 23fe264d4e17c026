"""Per-block language on the dev corpus's raw pages, by line length, against langdetect alone.

    python benchmarks/block_language.py [--corpus ../shared/corpus/dev] [--gold-prior] [-v]

Every non-blank line of every raw page is one block. Its true language is the article's
(the corpus folder), except the lines in ``OTHER`` below, which really are in another
language. Names, numbers, dates and mixed navigation lines ("RSS Вконтакте Twitter") count as
the article's language: a reader would not call them anything else, and translating or
keeping them is equally harmless. The prior is the language detected for the whole page
(``--gold-prior``: the corpus folder instead). ``-v`` lists each wrong line.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from localise.stages.detect import BlockLanguages, LanguageDetector

REPO = Path(__file__).resolve().parent.parent

OTHER: dict[tuple[str, int], str] = {
    ("ru/010", 1): "be",  # a Belarusian newspaper's masthead on a Russian page
}
BUCKETS = ((0, 15, "1-14"), (15, 40, "15-39"), (40, 10**9, "40+"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--gold-prior", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    detector = LanguageDetector()
    stage = BlockLanguages(detector)
    right: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted((args.corpus / "raw").glob("*/*.txt")):
        lang = path.parent.name
        text = path.read_text(encoding="utf-8")
        found = detector.detect(text)
        prior = lang if args.gold_prior or found is None else found.lang
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            if not stripped:
                continue
            truth = OTHER.get((f"{lang}/{path.stem}", number), lang)
            bucket = next(name for low, high, name in BUCKETS if low <= len(stripped) < high)
            got, _ = stage.language(stripped, prior)
            alone = detector.detect(stripped)
            total[bucket] += 1
            right[bucket] += got == truth
            plain[bucket] += alone is not None and alone.lang == truth
            if args.verbose and got != truth:
                print(f"WRONG {lang}/{path.stem}:{number}: {got} (truth {truth}) {stripped[:60]}")
    for _, _, bucket in BUCKETS:
        print(
            f"{bucket:>6} chars: {right[bucket]}/{total[bucket]} right "
            f"({right[bucket] / total[bucket]:.1%}); langdetect alone "
            f"{plain[bucket] / total[bucket]:.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
