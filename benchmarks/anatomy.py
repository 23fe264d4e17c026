"""Page anatomy on the dev corpus's raw pages: header and footer lines caught, body lines dropped.

    python benchmarks/anatomy.py [--corpus ../shared/corpus/dev] [--learn] [-v]

The truth is hand-labelled below: for each page, the line numbers (1-based) that are not the
article — navigation, page date, category, timestamp, photo captions, share and subscribe
lines, newspaper mastheads, copyright notices, editor credits. Every other non-blank line is
article (title, lead, body). ``--learn`` also passes the lines learned across the corpus
folder of each language (:func:`localise.files.learn_boilerplate`). ``-v`` lists each miss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from localise import FormatOptions
from localise.files import learn_boilerplate, read_article

REPO = Path(__file__).resolve().parent.parent

NOT_ARTICLE: dict[str, set[int]] = {
    "de/004": {*range(1, 8), 11, 12, 13, 22, 23, 24},
    "de/008": {1, 5, 15, 16},
    "de/017": {*range(1, 8), 21, 22, 23},
    "de/019": {*range(1, 8), 19, 20, 21},
    "de/024": {*range(1, 8), 17, 18, 19, 20},
    "de/035": {*range(1, 8), 23, 24, 25},
    "de/040": {*range(1, 8), 19, 20, 21},
    "de/044": {*range(1, 10), 13, 14, 22, 23, 24},
    "de/046": {*range(1, 8), 23, 24, 25},
    "de/048": {1, 9},
    "de/seed": {*range(1, 8), 28, 29, 30},
    "en/008": {*range(1, 13), 16, 17, 27, 28, 29},
    "en/012": {*range(1, 20), 27},
    "en/014": {1, 2},
    "en/015": {1},
    "en/016": {1, 13},
    "ru/009": {1},
    "ru/010": {1, 3, 11, 12},
    "ru/013": {1},
    "ru/014": {3, 13},
    "ru/015": {7},
    "ru/016": {4, 7, 8},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--learn", action="store_true", help="use lines learned per folder")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    raw = args.corpus / "raw"
    totals = {"not_article": 0, "caught": 0, "article": 0, "dropped": 0}
    for folder in sorted(p for p in raw.iterdir() if p.is_dir()):
        paths = sorted(folder.glob("*.txt"))
        learned = tuple(sorted(learn_boilerplate(paths))) if args.learn else ()
        for path in paths:
            key = f"{folder.name}/{path.stem}"
            left_out = _left_out(path, FormatOptions(boilerplate=learned))
            lines = path.read_text(encoding="utf-8").splitlines()
            truth = NOT_ARTICLE.get(key, set())
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                is_truth, is_out = number in truth, number in left_out
                totals["not_article" if is_truth else "article"] += 1
                totals["caught"] += is_truth and is_out
                totals["dropped"] += is_out and not is_truth
                if args.verbose and is_truth != is_out:
                    what = "MISSED " if is_truth else "DROPPED"
                    print(f"{what} {key}:{number}: {line[:70]}")
    print(
        f"header/footer lines caught: {totals['caught']}/{totals['not_article']} "
        f"({totals['caught'] / totals['not_article']:.1%}); "
        f"article lines wrongly dropped: {totals['dropped']}/{totals['article']}"
    )
    return 0


def _left_out(path: Path, options: FormatOptions) -> set[int]:
    """The line numbers the text reader leaves out of the output."""
    doc = read_article(path, options).doc
    starts = [0, *(i + 1 for i, c in enumerate(doc.text) if c == "\n")]
    return {
        starts.index(b.start) + 1
        for b in doc.blocks
        if not b.translate and b.kind in ("boilerplate", "metadata")
    }


if __name__ == "__main__":
    sys.exit(main())
