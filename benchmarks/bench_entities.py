"""Throughput of EntityRecogniser against dateparser.search_dates on the same texts.

    python benchmarks/bench_entities.py [--repeat N]

The texts are written here (news-style sentences in German, English and Russian), not taken
from the corpus. dateparser is a dev-only dependency (``pip install dateparser``); the goal
is a ratio of at least 20x.
"""

# Cyrillic words and dashes here are data, not look-alike typos.

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, datetime

from localise.doc import Doc
from localise.entities import EntityRecogniser

TEXTS = {
    "de": (
        "BERLIN, 3. März (Agentur) – Der Umsatz stieg im Jahr 2023 um 5,5 % auf 2,5 Mrd. "
        "Euro. Am 28. Februar 2024 teilte das Amt mit, dass von Januar bis Juni rund "
        "$1,1 bis $1,2 Milliarden investiert wurden. Die Ernte erreichte 7,92 Mio. t, davon "
        "1.250.000 Tonnen Weizen (12 Prozent mehr). Die Messe findet vom 14. bis 16. April "
        "statt; Beginn um 9.30 Uhr. Der Export wuchs um das 3,4-fache auf 800 Millionen Dollar. "
        "Mit Blick auf die Pläne für 2025-2026 sagte die Ministerin, die Zahl der Besucher "
        "sei auf 140 268 gestiegen. Stand: Dienstag, 4 März 2025, 11:05\n"
    ),
    "en": (
        "LONDON, 3 March (Agency) – Revenue grew 5.5% in 2023 to $2.5 billion. On 28 February "
        "2024 the office said that in January-June some $1.1 billion to $1.2 billion had been "
        "invested. The harvest reached 7.9 million tonnes, including 1,250,000 tonnes of wheat "
        "(12 percent more). The fair runs on April 14-16, opening at 9:30 AM. Exports grew "
        "1.5-fold to $800 million, and visitor numbers rose to 140,268 by March 4, 2025.\n"
    ),
    "ru": (
        "МОСКВА, 3 марта. Выручка в 2023 году выросла на 5,5% до 2,5 млрд долларов. 28 "
        "февраля 2024 г. ведомство сообщило, что за январь - июнь вложено от 1,1 до 1,2 млрд "
        "рублей. Собрано 7,9 млн т зерна, из них 1 250 000 т пшеницы (на 12 процентов больше). "
        "Выставка пройдет с 14 по 16 апреля, число посетителей выросло до 140 268.\n"
    ),
}


def best_of(runs: int, work: Callable[[], int]) -> tuple[int, float]:
    """The result of ``work`` and its fastest time over ``runs`` runs, as timeit reports."""
    times = []
    result = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return result, min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=20, help="copies of each text per document (default 20)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="timed runs of each side; the fastest counts (default 5)",
    )
    args = parser.parse_args()
    docs = {lang: text * args.repeat for lang, text in TEXTS.items()}
    chars = sum(len(text) for text in docs.values())
    article = date(2025, 3, 4)

    recognisers = {lang: EntityRecogniser(lang) for lang in docs}  # built once, not timed

    def run_ours() -> int:
        return sum(
            len(recognisers[lang](Doc(text, lang=lang, article_date=article)).spans)
            for lang, text in docs.items()
        )

    found, ours = best_of(args.runs, run_ours)
    print(
        f"localise EntityRecogniser   {chars} chars  {ours:.3f} s  "
        f"{chars / ours:,.0f} chars/s  ({found} spans)"
    )

    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed (pip install dateparser): no ratio")
        return
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime(2025, 3, 4)}

    def run_theirs() -> int:
        return sum(
            len(search_dates(text, languages=[lang], settings=settings) or [])
            for lang, text in docs.items()
        )

    theirs_found, theirs = best_of(args.runs, run_theirs)
    print(
        f"dateparser.search_dates     {chars} chars  {theirs:.3f} s  "
        f"{chars / theirs:,.0f} chars/s  ({theirs_found} dates)"
    )
    print(f"ratio: localise is {theirs / ours:.1f}x faster (goal >= 20x)")


if __name__ == "__main__":
    main()
