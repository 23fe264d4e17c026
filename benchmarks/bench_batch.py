"""Incremental batch runs: the cost of a re-run against the first run, measured in one run.

    python benchmarks/bench_batch.py [--articles 240] [--jobs N] [--small]

Builds a copy model (a real Argos package whose model copies its input) with the dimensions
of a real Argos model: 6 encoder and 6 decoder layers, d_model 512, FFN 2048, 8 heads and a
32,000-piece vocabulary (``--small``: the one-layer, d_model-128 test model, for a quick run).
Writes ``--articles`` German agency articles of 17 to 20 sentences (about 2,000 to 2,500
characters) from templates written here (not corpus text) into a temporary folder, then
times, each as the ``localise translate`` command an operator would schedule (a fresh
process: interpreter, imports, models):

1. the first run;
2. a re-run with nothing changed                    (goal: at most 3 % of the first run);
3. a re-run after changing one article              (goal: at most 5 % of the first run).

and the same three through the library in one long-lived process (``Batch.run`` with the
same pipelines, as a workflow service would), which leaves out the fixed start-up of a
process: interpreter, imports, language profiles, recognisers, models. Times are wall-clock
seconds; the ratios are printed side by side.

It also prints the copy model's translation rate (segments per second, engine alone, on the
articles' sentences) so a reader can compare it with a real Argos model on the same machine;
that comparison is the only claim made about how realistic the first run's cost is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from localise import Config, EngineConfig, ModelsConfig
from localise.batch import Batch
from localise.engine import ArgosEngines
from localise.engine.packages import install_package_file, installed_packages
from localise.stages.glossary import bundled_glossaries
from localise.stages.segment import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from copymodel import build_copy_package

REALISTIC_MODEL: dict[str, Any] = {"layers": 6, "d_model": 512, "ffn": 2048, "heads": 8}
REALISTIC_VOCABULARY = 32_000
SMALL_MODEL: dict[str, Any] = {"layers": 1, "d_model": 128, "ffn": 128, "heads": 1}

CITIES = ("MINSK", "BREST", "GRODNO", "WITEBSK", "GOMEL", "MOGILJOW", "BARANOWITSCHI")
GOODS = (
    "Milchprodukte",
    "Butter",
    "Käse",
    "Rindfleisch",
    "Getreide",
    "Zucker",
    "Flachs",
    "Traktoren",
    "Lastwagen",
    "Kalidünger",
    "Möbel",
    "Holzplatten",
)
PARTNERS = (
    "Kasachstan",
    "Usbekistan",
    "China",
    "Russland",
    "Vietnam",
    "Ägypten",
    "Indien",
    "Aserbaidschan",
    "Armenien",
    "Kirgisistan",
    "Oman",
    "Simbabwe",
)
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
OFFICIALS = (
    "der Minister für Landwirtschaft",
    "die stellvertretende Ministerpräsidentin",
    "der Vorsitzende des Gebietsexekutivkomitees",
    "der Leiter der Zollbehörde",
    "die Sprecherin des Wirtschaftsministeriums",
    "der Generaldirektor des Werkes",
)
SECTORS = (
    "Maschinenbau",
    "Landwirtschaft",
    "Bildung",
    "Gesundheitswesen",
    "Logistik",
    "Informationstechnologie",
    "Tourismus",
    "Energie",
)
SENTENCES = (
    "Die Ausfuhr von {good} nach {partner} stieg im Jahr {year} um {rate} Prozent auf "
    "{amount} Millionen US-Dollar.",
    "Wie das Ministerium am {day}. {month} mitteilte, wurden von Januar bis {month} insgesamt "
    "{tonnes} Tonnen {good} geliefert.",
    "Der Verband der Erzeuger rechnet für das kommende Jahr mit weiteren {rate2} Prozent "
    "Wachstum, sofern die Logistik über {partner} stabil bleibt.",
    "Nach Angaben der Zollbehörde lag der Anteil von {good} am gesamten Export bei {share} "
    "Prozent.",
    "Die Regierung plant, bis {year2} neue Lager mit einer Kapazität von {tonnes2} Tonnen zu "
    "bauen.",
    "Man werde die Zusammenarbeit mit {partner} in den Bereichen {sector} und {sector2} "
    "ausbauen, sagte {official}.",
    "Am {weekday} trafen sich Vertreter beider Länder in {city_name}, um über gemeinsame "
    "Projekte im Wert von {amount2} Millionen Euro zu sprechen.",
    "Im ersten Halbjahr {year} belief sich der Handelsumsatz mit {partner} auf {billions} "
    "Milliarden US-Dollar, das sind {rate} Prozent mehr als im Vorjahr.",
    "Das Werk in {city_name} hat seit Jahresbeginn {units} Einheiten hergestellt und "
    "{export_share} Prozent davon exportiert.",
    "Wie {official} mitteilte, sollen bis Ende {year2} in {count} Bezirken neue "
    "Produktionsstätten entstehen, vor allem für die Verarbeitung von {good}.",
    "Die Delegation aus {partner} besuchte am {day}. {month} mehrere Betriebe im Gebiet "
    "{region} und zeigte Interesse an {good}.",
    "Die Durchschnittslöhne in der Branche stiegen im {month} auf {wage} Rubel, teilte das "
    "Statistikamt mit.",
    "Für die Modernisierung der Anlagen sind {amount2} Millionen Rubel aus dem Staatshaushalt "
    "vorgesehen.",
    "Die Preise für {good} auf dem Binnenmarkt blieben nach Angaben der Behörde im {month} "
    "weitgehend stabil, obwohl die Kosten für Energie und Transport gestiegen sind.",
    "Bereits im {month} {year} war ein Abkommen über die Lieferung von {units} Tonnen {good} "
    "unterzeichnet worden.",
    "Die Gespräche sollen am {day2}. {month2} in {partner} fortgesetzt werden, hieß es aus "
    "dem Außenministerium, wo man mit einer Einigung bis zum Jahresende rechnet.",
    "Insgesamt arbeiten in dem Sektor rund {workers} Menschen, davon {share} Prozent in "
    "kleinen und mittleren Unternehmen.",
    "{official_cap} betonte, dass die Qualität der Produkte den internationalen Standards "
    "entspreche.",
    "Die Bahn transportierte im Berichtszeitraum {tonnes} Tonnen Fracht, {rate2} Prozent mehr "
    "als ein Jahr zuvor.",
    "An der Ausstellung in {city_name} nahmen {count} Unternehmen aus {count2} Ländern teil.",
    "Die Nachfrage nach {good} aus {partner} habe sich in den vergangenen {count2} Monaten "
    "deutlich erhöht, sagte ein Vertreter des Verbandes.",
    "Nach Einschätzung von Fachleuten könnte der Export bis {year2} auf {billions} Milliarden "
    "US-Dollar steigen.",
    "Das Unternehmen investierte im vergangenen Jahr {amount2} Millionen Euro in neue "
    "Fertigungslinien und schuf {count} Arbeitsplätze.",
    "Auch im Bereich {sector} seien gemeinsame Projekte geplant, darunter ein Zentrum in "
    "{city_name}.",
    "Der Güterverkehr über die Grenze zu {partner} wuchs im {month} um {rate2} Prozent, "
    "wobei der Anteil der Container erstmals mehr als die Hälfte ausmachte.",
    "Die Ernte im Gebiet {region} erreichte {tonnes} Tonnen, der Ertrag lag bei {yield_} "
    "Dezitonnen je Hektar.",
    "Bis zum {day2}. {month2} sollen alle Verträge für das laufende Jahr abgeschlossen sein, "
    "damit die Lieferungen nach {partner} ohne Unterbrechung weitergehen können.",
    "Die Zahl der ausländischen Touristen in {city_name} stieg im {month} auf {workers}, "
    "die meisten Gäste kamen aus {partner} und den Nachbarländern.",
)
REGIONS = ("Brest", "Grodno", "Witebsk", "Gomel", "Mogiljow", "Minsk")


def article_values(rng: random.Random) -> dict[str, Any]:
    official = rng.choice(OFFICIALS)
    return {
        "good": rng.choice(GOODS),
        "partner": rng.choice(PARTNERS),
        "city_name": rng.choice(CITIES).title(),
        "region": rng.choice(REGIONS),
        "sector": rng.choice(SECTORS[:4]),
        "sector2": rng.choice(SECTORS[4:]),
        "official": official,
        "official_cap": official[0].upper() + official[1:],
        "weekday": rng.choice(WEEKDAYS),
        "year": rng.randint(2019, 2024),
        "year2": rng.randint(2026, 2030),
        "rate": rng.randint(2, 40),
        "rate2": rng.randint(2, 15),
        "amount": rng.randint(10, 900),
        "amount2": rng.randint(5, 450),
        "billions": f"{rng.randint(1, 9)},{rng.randint(1, 9)}",
        "day": rng.randint(1, 28),
        "day2": rng.randint(1, 28),
        "month": rng.choice(MONTHS),
        "month2": rng.choice(MONTHS),
        "tonnes": f"{rng.randint(1, 900)}.{rng.randint(100, 999)}",
        "tonnes2": f"{rng.randint(10, 90)}.000",
        "units": f"{rng.randint(1, 60)}.{rng.randint(100, 999)}",
        "workers": f"{rng.randint(2, 99)}.{rng.randint(100, 999)}",
        "wage": f"{rng.randint(1500, 2900)}",
        "yield_": f"{rng.randint(28, 55)},{rng.randint(0, 9)}",
        "share": rng.randint(2, 30),
        "export_share": rng.randint(40, 95),
        "count": rng.randint(3, 60),
        "count2": rng.randint(3, 24),
    }


def article_sentences(rng: random.Random) -> list[str]:
    """One article's sentences: a lead and 16 to 19 more, drawn from the templates."""
    values = article_values(rng)
    return [s.format(**values) for s in rng.sample(SENTENCES, rng.randint(17, 20))]


def write_article(path: Path, number: int, rng: random.Random) -> str:
    sentences = article_sentences(rng)
    dateline = f"{rng.choice(CITIES)}, {rng.randint(1, 28)}. {rng.choice(MONTHS)} (BelTA) – "
    paragraphs, rest = [dateline + sentences[0]], sentences[1:]
    while rest:
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(rest[:size]))
        rest = rest[size:]
    text = "\n\n".join(paragraphs) + f"\n\n(Meldung {number})\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def build_model(root: Path, *, small: bool) -> tuple[Path, str]:
    """Build and install the copy model; return the models folder and a description."""
    started = time.perf_counter()
    if small:
        shape, package = SMALL_MODEL, build_copy_package(root / "packages", "de", "en")
    else:
        shape = REALISTIC_MODEL
        # A tokenizer trained on this kind of text, as a real model's is on news text.
        rng = random.Random(1813)
        lines = [s for _ in range(400) for s in article_sentences(rng)]
        package = build_copy_package(
            root / "packages", "de", "en", training_lines=lines, vocab_size=8000,
            pad_vocabulary_to=REALISTIC_VOCABULARY, **shape,
        )  # fmt: skip
    built = time.perf_counter() - started
    models = root / "models"
    installed = install_package_file(package, models)
    vocabulary = json.loads((installed.path / "model" / "shared_vocabulary.json").read_bytes())
    padding = sum(piece.startswith("<unused") for piece in vocabulary)
    description = (
        f"copy model: {shape['layers']}+{shape['layers']} layers, d_model {shape['d_model']}, "
        f"FFN {shape['ffn']}, {shape['heads']} head(s), vocabulary {len(vocabulary):,} "
        f"({len(vocabulary) - padding:,} SentencePiece pieces + {padding:,} unused); "
        f"built in {built:.1f} s, package {package.stat().st_size / 1e6:.2f} MB"
    )
    return models, description


def engine_rate(models: Path, articles: list[str]) -> str:
    """Segments per second of the engine alone (beam 4, as the pipeline) on article sentences."""
    import sentencepiece

    (package,) = installed_packages(models)
    tokenizer = sentencepiece.SentencePieceProcessor(
        model_file=str(package.path / "sentencepiece.model")
    )
    engine = ArgosEngines(ModelsConfig(models), EngineConfig(beam_size=4)).load(("de", "en"))
    sentences = [text[a:b] for text in articles[:6] for a, b in split_sentences(text)]
    tokens = sum(len(pieces) for pieces in tokenizer.encode(sentences))
    started = time.perf_counter()
    if engine.translate(sentences) != sentences:
        raise SystemExit("the copy model did not copy its input")
    seconds = time.perf_counter() - started
    return (
        f"engine alone: {len(sentences) / seconds:.1f} segments/s ({len(sentences)} sentences, "
        f"{tokens / len(sentences):.0f} tokens each, beam 4, {os.cpu_count()} CPUs); "
        "a real Argos model typically does ~5-20 sentences/s on 2 CPU cores"
    )


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--jobs", type=int, default=None, help="default: localise's own choice")
    parser.add_argument("--small", action="store_true", help="the one-layer test model")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="localise-bench-batch-") as temporary:
        root = Path(temporary)
        models, model_description = build_model(root, small=args.small)
        articles = root / "articles"
        rng = random.Random(20250114)
        paths = [articles / f"desk-{n % 8}" / f"article-{n:04}.txt" for n in range(args.articles)]
        texts = [write_article(path, number, rng) for number, path in enumerate(paths)]
        print(model_description)
        print(engine_rate(models, texts))
        out = root / "out"
        command = [sys.executable, "-m", "localise", "translate", str(articles),
                   "--to", "en-GB", "--out", str(out), "--models-dir", str(models), "--offline",
                   "--quiet"]  # fmt: skip
        if args.jobs is not None:
            command += ["--jobs", str(args.jobs)]
        command_times = three_runs(lambda: timed(command), paths[len(paths) // 2])
        config = Config(
            ("en-GB",), glossaries=tuple(bundled_glossaries()), models=ModelsConfig(models)
        )
        batch = Batch(config, root / "out-library", jobs=args.jobs)
        summaries: list[Any] = []
        library_times = three_runs(lambda: timed_library(batch, articles, summaries), paths[1])
        sentences = sum(len(list(split_sentences(text))) for text in texts)
        chars = sum(len(text) for text in texts)
        segments = summaries[0].segments
        print(
            f"{args.articles} articles ({chars / len(texts):,.0f} characters, "
            f"{sentences / len(texts):.1f} sentences each), jobs={args.jobs or 'auto'}, "
            f"{os.cpu_count()} CPUs"
        )
        print(
            f"first library run: {segments['total']} segments, {segments['translated']} "
            f"translated, {segments['translated'] / library_times[0]:.1f} segments/s end to end"
        )
        print_table(command_times, library_times)


def print_table(command_times: tuple[float, ...], library_times: tuple[float, ...]) -> None:
    print(f"{'':<28}{'command':>17}{'library':>17}")
    print(f"{'run':<28}{'seconds':>9}{'ratio':>8}{'seconds':>9}{'ratio':>8}{'goal':>7}")
    labels = ("first run", "re-run, nothing changed", "re-run, one article changed")
    goals = (None, 0.03, 0.05)
    for label, command_s, library_s, goal in zip(
        labels, command_times, library_times, goals, strict=True
    ):
        row = f"{label:<28}{command_s:>9.2f}"
        if goal is None:
            print(f"{row}{'':>8}{library_s:>9.2f}")
            continue
        command_ratio, library_ratio = command_s / command_times[0], library_s / library_times[0]
        print(f"{row}{command_ratio:>8.1%}{library_s:>9.2f}{library_ratio:>8.1%}{goal:>7.0%}")


def three_runs(run: Callable[[], float], to_change: Path) -> tuple[float, float, float]:
    first = run()
    unchanged = run()
    with to_change.open("a", encoding="utf-8") as changed:
        changed.write("Ein Sprecher bestätigte die Zahlen am Dienstag.\n")
    return first, unchanged, run()


def timed_library(batch: Batch, articles: Path, summaries: list[Any]) -> float:
    started = time.perf_counter()
    run = batch.run([articles])
    for _ in run:
        pass
    summaries.append(run.summary)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
