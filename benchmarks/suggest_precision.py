"""Precision of ``glossary suggest`` on the dev corpus: are the candidates real proper names?

    python benchmarks/suggest_precision.py [--corpus ../shared/corpus/dev] [--top N] [-v]

Suggest runs per language over the raw articles with the shipped glossary (so covered names
are not suggested). A candidate is a true proper name when most of its occurrences overlap a
gold name span. Precision is given for all candidates and for the top N by frequency.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from localise.stages.glossary import Glossary
from localise.stages.glossary.tools import suggest_names

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--glossary", type=Path, action="append")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    glossary = Glossary.load(args.glossary or [REPO / "glossaries" / "belarus.tsv"])
    print(f"{'lang':<6}{'candidates':>11}{'precision':>10}{f'top{args.top}':>8}{'precision':>10}")
    for lang_dir in sorted((args.corpus / "raw").iterdir()):
        lang = lang_dir.name
        gold = {}
        for path in sorted(lang_dir.glob("*.txt")):
            data = json.loads(
                (args.corpus / "gold" / lang / f"{path.stem}.json").read_text("utf-8")
            )
            gold[str(path)] = [(n["start"], n["end"]) for n in data["names"]]
        candidates = suggest_names(sorted(lang_dir.glob("*.txt")), glossary, lang)
        verdicts = []
        for candidate in candidates:
            hits = sum(
                any(s < e2 and s2 < e for s2, e2 in gold[source])
                for source, s, e in candidate.occurrences
            )
            verdicts.append(hits * 2 > len(candidate.occurrences))
            if args.verbose:
                mark = "NAME " if verdicts[-1] else "NOT  "
                print(f"{mark}{lang} {candidate.count:>3} {candidate.text!r}")
        top = verdicts[: args.top]
        print(f"{lang:<6}{len(verdicts):>11}{_ratio(verdicts):>10}{len(top):>8}{_ratio(top):>10}")
    return 0


def _ratio(verdicts: list[bool]) -> str:
    return f"{sum(verdicts) / len(verdicts):.3f}" if verdicts else "-"


if __name__ == "__main__":
    sys.exit(main())
