"""Recall and false hits of the glossary matcher on the dev corpus's gold names.

    python benchmarks/glossary_recall.py [--corpus ../shared/corpus/dev] [--glossary FILE]... [-v]

A gold name is *covered* when its canonical form (or a part of it in parentheses, as in
"Minsker Automobilwerk (MAZ)") is a form, variant or short form of a glossary entry in the
article's language. Recall counts the covered gold occurrences that a glossary span overlaps;
a *false hit* is a glossary span that overlaps no gold name at all. A brand before model digits
("BelAZ 75137") is a product, not a name: counted apart (``products``), as ``localise inspect``
leaves it out of ``names``. ``-v`` lists every miss, false hit and product.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from localise.doc import Doc
from localise.stages.glossary import Glossary, GlossaryFinder

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--glossary", type=Path, action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    glossary = Glossary.load(args.glossary or [REPO / "glossaries" / "belarus.tsv"])
    totals: Counter[str] = Counter()
    rows = []
    elapsed = 0.0
    for lang in sorted(p.name for p in (args.corpus / "gold").iterdir()):
        matcher = GlossaryFinder(glossary, lang)
        forms = _entry_forms(glossary, lang)
        counts: Counter[str] = Counter()
        for gold_path in sorted((args.corpus / "gold" / lang).glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            raw = args.corpus / "raw" / lang / f"{gold_path.stem}.txt"
            text = raw.read_text(encoding="utf-8")
            started = time.perf_counter()
            found = matcher(Doc(text)).spans
            elapsed += time.perf_counter() - started
            spans = [s for s in found if not s.value.model]
            for product in (s for s in found if s.value.model):
                counts["products"] += 1
                if args.verbose:
                    print(f"PRODUCT  {lang}/{gold_path.stem} {product.text!r} "
                          f"model {product.value.model!r}")  # fmt: skip
            counts["articles"] += 1
            names = gold["names"]
            counts["gold"] += len(names)
            for name in names:
                hit = any(s.start < name["end"] and name["start"] < s.end for s in spans)
                counts["found_any"] += hit
                if _covered(name["canonical"], forms):
                    counts["covered"] += 1
                    counts["found"] += hit
                    if not hit and args.verbose:
                        print(f"MISSED   {lang}/{gold_path.stem} {name['text']!r} "
                              f"({name['canonical']})")  # fmt: skip
            for span in spans:
                counts["spans"] += 1
                if not any(span.start < n["end"] and n["start"] < span.end for n in names):
                    counts["false"] += 1
                    if args.verbose:
                        print(f"FALSE    {lang}/{gold_path.stem} {span.text!r} at {span.start} "
                              f"-> {span.value.to_json()['entry']}")  # fmt: skip
        rows.append((lang, counts))
        totals.update(counts)
    print(f"glossary: {len(glossary)} entries, sha256 {glossary.fingerprint[:12]}")
    print(f"{'lang':<6}{'gold':>6}{'covered':>9}{'found':>7}{'recall':>8}"
          f"{'spans':>7}{'false':>7}{'per 20':>8}{'products':>10}{'all-gold hit':>14}")  # fmt: skip
    for lang, c in [*rows, ("all", totals)]:
        recall = c["found"] / c["covered"] if c["covered"] else 1.0
        per_20 = 20 * c["false"] / c["articles"] if c["articles"] else 0.0
        print(f"{lang:<6}{c['gold']:>6}{c['covered']:>9}{c['found']:>7}{recall:>8.3f}"
              f"{c['spans']:>7}{c['false']:>7}{per_20:>8.2f}{c['products']:>10}"
              f"{c['found_any']:>14}")  # fmt: skip
    print(f"matching time: {elapsed * 1000:.0f} ms for all texts")
    return 0


def _entry_forms(glossary: Glossary, lang: str) -> set[str]:
    forms: set[str] = set()
    for entry in glossary.entries:
        for form in (entry.form(lang), entry.short(lang), *entry.variants.get(lang, ())):
            if form:
                forms.add(form.casefold())
    return forms


def _covered(canonical: str, forms: set[str]) -> bool:
    parts = [canonical, *re.findall(r"\(([^)]*)\)", canonical), re.sub(r"\s*\(.*\)", "", canonical)]
    return any(part.strip().casefold() in forms for part in parts)


if __name__ == "__main__":
    sys.exit(main())
