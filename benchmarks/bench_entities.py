"""Throughput of EntityRecogniser against dateparser.search_dates on the same texts.

    python benchmarks/bench_entities.py [--repeat N]

The texts are written here, not taken from the corpus, in German, English and Russian: a
*realistic* mix (news paragraphs with an entity every 150 to 250 characters) and a *dense* one
(an entity every few dozen characters, the worst case); both are timed on documents of the same
length and their ratios printed side by side. The cost of building a recogniser (reading CLDR,
compiling the patterns) is printed first and not part of the timings. dateparser is a dev-only
dependency (``pip install dateparser``); the goal is a ratio of at least 20x.
"""

# Cyrillic words and dashes here are data, not look-alike typos.

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, datetime

from localise.doc import Doc
from localise.stages.entities import EntityRecogniser

#: Ordinary news prose: several paragraphs per language, most sentences without an entity
#: (about one per 150 to 250 characters, as in the agency articles localise is built for).
REALISTIC = {
    "de": (
        "MINSK, 14. November (BelTA) – Die belarussische Regierung hat am Dienstag ein neues "
        "Programm zur Förderung kleiner und mittlerer Unternehmen vorgestellt. Nach Angaben "
        "des Wirtschaftsministeriums sollen vor allem Betriebe in den Regionen profitieren, "
        "die bislang kaum Zugang zu günstigen Krediten hatten. Der Minister sagte vor "
        "Journalisten, man wolle die Verfahren vereinfachen und die Zahl der Genehmigungen "
        "deutlich verringern.\n\n"
        "Im Jahr 2023 waren im Land rund 120 000 kleine Firmen registriert, etwa 4,5 Prozent "
        "mehr als ein Jahr zuvor. Ihr Anteil an der Wirtschaftsleistung liegt bei knapp einem "
        "Drittel. Die Förderbank soll dafür in den kommenden drei Jahren bis zu 300 Millionen "
        "belarussische Rubel bereitstellen. Anträge können ab dem 1. Dezember gestellt werden; "
        "über die ersten Zusagen will eine Kommission bis Ende Januar entscheiden.\n\n"
        "Vertreter der Unternehmerverbände begrüßten den Schritt grundsätzlich, forderten aber "
        "mehr Klarheit bei den Steuern. Viele Betriebe klagten über steigende Kosten für "
        "Energie und Personal, sagte der Vorsitzende eines Verbandes. Die Löhne seien in den "
        "ersten neun Monaten um 12,3 % gestiegen, die Preise für Rohstoffe ebenfalls. Man "
        "brauche Planungssicherheit, nicht nur neue Programme.\n\n"
        "Auch der Außenhandel soll gestärkt werden. Die Exporte nach Asien hätten sich seit "
        "2019 fast verdoppelt, hieß es. Eine Handelsmesse ist vom 3. bis 6. März in Minsk "
        "geplant, zu der Delegationen aus mehr als 20 Ländern erwartet werden.\n"
    ),
    "en": (
        "LONDON, 3 March (Agency) – The government set out plans on Monday to speed up the "
        "construction of new homes, promising to cut the time it takes to approve large "
        "developments. Ministers said the changes would remove some of the delays that "
        "builders and councils have complained about for years, and that the first measures "
        "would take effect before the summer.\n\n"
        "Housing starts fell to about 180,000 last year, well short of the official target, "
        "and prices in many regions are still rising faster than wages. The Treasury will "
        "provide £2.5 billion over the next four years for roads, schools and other local "
        "infrastructure linked to new estates. Officials said the money would be allocated "
        "to councils from April 2025.\n\n"
        "Industry groups welcomed the announcement but warned that a shortage of skilled "
        "workers could slow progress. One trade body said construction wages had risen by "
        "6.1% in the past year and that many firms were struggling to recruit. Opposition "
        "politicians questioned whether the plans went far enough and called for more "
        "social housing.\n\n"
        "A consultation on the details will run until 30 June, and the final rules are "
        "expected to be published in the autumn. The housing minister said she was "
        "confident the reforms would make a lasting difference.\n"
    ),
    "ru": (
        "МИНСК, 14 ноября. Правительство утвердило новую программу поддержки малого и "
        "среднего бизнеса, сообщили в министерстве экономики. По словам министра, главная "
        "задача состоит в том, чтобы упростить процедуры и сократить число разрешений, "
        "которые сегодня нужны предпринимателям для начала работы.\n\n"
        "В 2023 году в стране было зарегистрировано около 120 тыс. малых предприятий, что на "
        "4,5% больше, чем годом ранее. Их доля в экономике приближается к трети. На "
        "реализацию программы в ближайшие три года планируется направить до 300 млн рублей. "
        "Прием заявок начнется 1 декабря, а первые решения комиссия примет до конца "
        "января.\n\n"
        "Представители деловых союзов в целом поддержали инициативу, однако попросили больше "
        "ясности в вопросах налогообложения. По их словам, многие компании жалуются на рост "
        "расходов на энергию и персонал: за девять месяцев зарплаты выросли на 12,3 %. "
        "Предприятиям нужна предсказуемость, а не только новые программы.\n\n"
        "Власти также рассчитывают нарастить экспорт. С 2019 года поставки в страны Азии "
        "почти удвоились. Торговая выставка пройдет с 3 по 6 марта в Минске, ожидаются "
        "делегации из более чем 20 стран.\n"
    ),
}

#: Dense text: an entity every few dozen characters, the worst case for the recogniser.
DENSE = {
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
        "--repeat",
        type=int,
        default=20,
        help="copies of each dense text per document (default 20); the realistic texts are "
        "repeated to the same length",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="timed runs of each side; the fastest counts (default 5)",
    )
    args = parser.parse_args()
    article = date(2025, 3, 4)

    builds = {}
    recognisers = {}
    for lang in DENSE:
        start = time.perf_counter()
        recognisers[lang] = EntityRecogniser(lang)
        builds[lang] = time.perf_counter() - start
    print(
        "building a recogniser (once per language, not timed below): "
        + ", ".join(f"{lang} {seconds:.3f} s" for lang, seconds in builds.items())
    )
    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None
        print("dateparser is not installed (pip install dateparser): no ratio")
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime(2025, 3, 4)}

    rows = []
    for label, texts in (("realistic", REALISTIC), ("dense", DENSE)):
        docs = {}
        for lang, text in texts.items():
            copies = -(-len(DENSE[lang]) * args.repeat // len(text))
            docs[lang] = text * copies
        chars = sum(len(text) for text in docs.values())

        def run_ours(docs: dict[str, str] = docs) -> int:
            return sum(
                len(recognisers[lang](Doc(text, lang=lang, article_date=article)).spans)
                for lang, text in docs.items()
            )

        found, ours = best_of(args.runs, run_ours)
        print(
            f"{label:9s}  localise EntityRecogniser  {chars} chars  {ours:.3f} s  "
            f"{chars / ours:>10,.0f} chars/s  ({found} spans)"
        )
        if search_dates is None:
            continue

        def run_theirs(docs: dict[str, str] = docs) -> int:
            return sum(
                len(search_dates(text, languages=[lang], settings=settings) or [])
                for lang, text in docs.items()
            )

        theirs_found, theirs = best_of(args.runs, run_theirs)
        print(
            f"{label:9s}  dateparser.search_dates    {chars} chars  {theirs:.3f} s  "
            f"{chars / theirs:>10,.0f} chars/s  ({theirs_found} dates)"
        )
        rows.append((label, theirs / ours))
    for label, ratio in rows:
        print(f"ratio ({label}): localise is {ratio:.1f}x faster (goal >= 20x)")


if __name__ == "__main__":
    main()
