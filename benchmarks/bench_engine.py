"""Translation cost: localise against the raw CTranslate2 limit and argostranslate, in one run.

    python benchmarks/bench_engine.py [--quick] [--threads N] [--beam-size 4] [--dev DIR]

One model, one beam size and one thread count for every figure. The model is a copy model
(``tests/copymodel.py``: a real Argos package whose transformer copies its input) with a real
model's compute cost: 6 encoder and 6 decoder layers, d_model 512, FFN 2048, 8 heads, an
output layer of 32,000 pieces, stored as int8 as Argos packages are. Its SentencePiece
tokenizer (BPE, 8,000 pieces) is trained on the benchmark's own text, so segments are about
as many tokens long as a real model's; the table prints tokens per word so that a reader can
compare with a real package's tokenizer on the same pages. It is installed with ``localise
models install FILE --models-dir DIR``, as a user would. argostranslate and spaCy
(``pip install -e ".[argos]"``) are needed for the argos figures only.

Two corpora: the German dev pages (``../shared/corpus/dev/raw/de``, read in place: scraped
pages with their navigation lines, real repetition and boilerplate) and agency articles
written here from templates (fixed seed; names, dates, amounts and quotes vary, and a few
closing lines recur as on a wire).

How to read the table: seconds are wall-clock; a ratio follows its figure; the goal column
says what the ratio should be and whether this run met it. The figures:

* **limit** — ``ctranslate2.Translator.translate_batch`` alone, on exactly what localise
  gives it. A library run (``Batch`` in this process, with the configuration the command line
  builds) is made with ``ctranslate2.Translator`` replaced by a recorder that keeps every
  call's tokens and options and answers with the copy the model makes; the limit replays
  those calls in a fresh process that imports ctranslate2 alone, on the real model loaded
  with the recorded options, after a small untimed call.
  Model loading is not counted. Every output is checked to be the exact copy, which also
  shows that the recorder answered what the model would have.
* **localise** — ``localise translate DIR --to en-GB --from de --out OUT --models-dir DIR
  --offline --jobs 1 --threads N --beam-size B`` end to end, in a fresh process: start-up,
  imports, model load, analysis, translation, fact checks, writing. The segments it sent (its
  summary.json) are printed under the recorded ones: they should be equal. Goal: at most
  1.15 × the limit.
* **argos** — ``argostranslate.translate.translate(text, "de", "en")`` per article, offline,
  in its own process: isolated HOME and XDG folders, ``ARGOS_PACKAGES_DIR`` the same models
  folder, ``ARGOS_CHUNK_TYPE=SPACY`` with a blank German spaCy pipeline saved into the
  package (argos adds its sentencizer), the same beam size, threads and compute type. The
  ratio is argos's translate() calls (its imports, mostly stanza and torch, left out) over
  localise end to end, so it errs against localise; the process's time is shown too. Argos
  translates every line of a page, navigation included, and translates a repeated segment
  each time; localise leaves page chrome out and translates a repeated segment once: that
  is part of what is compared. Goals: at least 4 × on the dev pages, 2 × on the generated.
* **re-runs** — the same command again on the same output folder (nothing changed), then
  after one article changed: their share of the first run (bench_batch.py's goals).
* **peak RSS** — the command's largest resident set (``RUSAGE_CHILDREN`` in a small fresh
  process that starts it) at two corpus sizes. The larger corpus is the smaller one plus
  revised copies of its articles (one new closing paragraph each, the rest recalled from the
  translation memory), so its translation costs little more while everything kept per
  article grows. A same-language run (``--to de-CH``: no model) on the smaller corpus shows
  what is localise's own, the limit's replay (its own high-water mark) what CTranslate2
  takes at localise's batches. Goals: at most the model's size on disk + 300 MB, and flat
  (at most 10 % more at the larger size).
* **start-up** — ``localise --help`` and ``python -c "import localise"``, medians of several
  runs, with the bare interpreter's start for comparison. Goal: ``--help`` within 0.2 s.

The levers, pulled one at a time, each against localise as it is (``N×``: that time over
localise's):

* **batches** — the limit path of the dev pages with CTranslate2's batches of 32 examples
  instead of localise's, in input order without length sorting, as one call for all
  segments (sorted across localise's translation tasks), and with smaller batches counted in
  tokens; each replay's peak RSS beside its time, since the batch decides the memory;
* **jobs × threads** — the command on the dev pages with ``--jobs`` 1 and 2 and
  ``--threads`` 1 and 2 (workers start, each loading the models, for a run this small);
* **de-duplication** — the segments sent to the engine over all the articles' segments, and
  what the repeats would have cost at the limit's rate (an estimate, not a run);
* **lazy imports** — ``import localise`` against importing every public name's module, and
  the largest modules of each (``-X importtime``);
* **Python overhead** — where the command's time beyond the limit goes (process start, the
  run's stages from its summary.json, model load and SentencePiece measured apart), and the
  top 10 functions by own time of the recorded library run on the generated articles
  (cProfile; translate_batch is the recorder's, so left out: what remains is localise's own
  work per article and segment).

``--quick`` runs the same on a few pages and articles: a smoke test of a minute or two whose
figures are too small to read much into. Timings on a shared machine are noisy; the header
prints the load average.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.util
import json
import os
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from localise import Config, EngineConfig, ModelsConfig
from localise.batch import Batch
from localise.stages.glossary import bundled_glossaries

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from copymodel import build_copy_package

REPOSITORY = Path(__file__).resolve().parent.parent
DEV_PAGES = REPOSITORY.parent / "shared" / "corpus" / "dev" / "raw" / "de"
MODEL_SHAPE: dict[str, int] = {"layers": 6, "d_model": 512, "ffn": 2048, "heads": 8}
OUTPUT_VOCABULARY = 32_000
TOKENIZER_PIECES = 8_000
SEED = 20250114
MB = 1024 * 1024


@dataclass(frozen=True)
class Scale:
    """How much of everything one run measures."""

    dev_pages: int | None  # None: every dev page
    generated: int
    rss: tuple[int, int]
    repeats: int  # runs behind each start-up median


FULL = Scale(dev_pages=None, generated=200, rss=(200, 800), repeats=7)
QUICK = Scale(dev_pages=3, generated=10, rss=(20, 40), repeats=3)


def progress(message: str) -> None:
    print(f"bench_engine: {message}", file=sys.stderr, flush=True)


# -- the generated articles -----------------------------------------------------------------

FIRST_NAMES = (
    "Alexander", "Natalja", "Viktor", "Olga", "Dmitri", "Swetlana", "Sergej", "Irina",
    "Andrej", "Jelena", "Michail", "Tatjana", "Igor", "Anna", "Wladimir", "Marina", "Pawel",
    "Julia", "Roman", "Xenia", "Thomas", "Sabine", "Stefan", "Claudia", "Markus", "Petra",
    "Jürgen", "Monika", "Wolfgang", "Katrin", "Timur", "Dilnoza", "Aigerim", "Rustam",
)  # fmt: skip
LAST_NAMES = (
    "Kowalenko", "Petrowitsch", "Schewzowa", "Iwanowa", "Sidorow", "Bogdanowitsch",
    "Karpenko", "Lebedew", "Morosowa", "Nowikow", "Romanowski", "Saizew", "Tichonow",
    "Wolkow", "Jakowlewa", "Müller", "Schneider", "Fischer", "Weber", "Wagner", "Becker",
    "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Neumann", "Zimmermann", "Krüger",
    "Hartmann", "Lange", "Werner", "Krause", "Abdullajew", "Nasarbajewa", "Toktogulow",
)  # fmt: skip
CITIES = (
    "Minsk", "Brest", "Grodno", "Witebsk", "Gomel", "Mogiljow", "Baranowitschi", "Pinsk",
    "Bobruisk", "Orscha", "Lida", "Molodetschno", "Polozk", "Nowopolozk", "Sluzk", "Schodino",
    "Berlin", "Leipzig", "Dresden", "Wien", "Astana", "Almaty", "Taschkent", "Bischkek",
    "Kasan", "Nowosibirsk", "Jerewan", "Baku", "Hanoi", "Kairo", "Peking", "Schanghai",
)  # fmt: skip
COUNTRIES = (
    "Kasachstan", "Usbekistan", "China", "Russland", "Vietnam", "Ägypten", "Indien",
    "Aserbaidschan", "Armenien", "Kirgisistan", "Oman", "Simbabwe", "Serbien", "Ungarn",
    "Indonesien", "Malaysia", "Brasilien", "Venezuela", "Kuba", "Pakistan", "Tadschikistan",
    "Nigeria", "Kenia", "Laos", "Katar", "Algerien",
)  # fmt: skip
COMPANIES = (
    "Belaz", "Amkodor", "Gomselmasch", "Naftan", "Grodno Asot", "Polesje", "Keramin",
    "Atlant", "Horizont", "Integral", "Milawiza", "Sawuschkin", "Belschina", "Mosyr-Raffinerie",
    "Minsker Traktorenwerk", "Minsker Automobilwerk", "Belarusbank", "Belavia",
    "Belarussische Eisenbahn", "Nationale Akademie der Wissenschaften",
)  # fmt: skip
ROLES = (
    "der Wirtschaftsminister", "die Bildungsministerin", "der stellvertretende Premier",
    "der Botschafter", "der Gouverneur des Gebiets", "die Bürgermeisterin",
    "der Generaldirektor des Unternehmens", "die Vorsitzende des Branchenverbandes",
    "der Sprecher des Außenministeriums", "die Leiterin der Statistikbehörde",
    "der Präsident der Nationalbank", "der Chefarzt des Klinikums", "die Rektorin der Universität",
    "der Trainer der Nationalmannschaft", "die Direktorin des Museums",
)  # fmt: skip
PREFIXES = (
    "Handels", "Export", "Investitions", "Energie", "Verkehrs", "Bildungs", "Gesundheits",
    "Agrar", "Industrie", "Wohnungsbau", "Forschungs", "Kultur", "Sport", "Umwelt", "Digital",
    "Logistik", "Tourismus", "Wasserstoff", "Klima", "Innovations", "Jugend", "Raumfahrt",
)  # fmt: skip
NEUTER_HEADS = ("abkommen", "programm", "projekt", "zentrum", "forum", "netzwerk")
FEMININE_HEADS = (
    "strategie", "partnerschaft", "initiative", "ausstellung", "kommission", "konferenz", "reform",
)  # fmt: skip
GOODS = (
    "Milchprodukte", "Butter", "Käse", "Rindfleisch", "Getreide", "Zucker", "Flachs",
    "Traktoren", "Lastwagen", "Kalidünger", "Möbel", "Holzplatten", "Glasfaser", "Reifen",
    "Medikamente", "Baustoffe", "Kühlschränke", "Busse", "Mähdrescher", "Textilien",
)  # fmt: skip
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
CURRENCIES = ("US-Dollar", "Euro", "belarussische Rubel", "russische Rubel", "Yuan")

TITLES = (
    "{country} will mehr {good} kaufen",
    "{company} steigert Produktion um {pct} Prozent",
    "Neues {prefix}{neuter} in {city} vorgestellt",
    "{first} {last} zum {role_title} ernannt",
    "Handel mit {country} wächst weiter",
    "{prefix}{feminine} bis {year2} beschlossen",
    "Delegation aus {country} besucht {city}",
    "Rekordernte im Gebiet {city}",
    "Gespräche über {good} in {city} fortgesetzt",
    "{city} erwartet {thousands} Gäste zum Festival",
)  # fmt: skip
SENTENCES = (
    "Die Ausfuhr von {good} nach {country} stieg im Jahr {year} um {pct} Prozent auf "
    "{amount} Millionen {currency}.",
    "Wie das Ministerium am {day}. {month} mitteilte, wurden von Januar bis {month} insgesamt "
    "{tonnes} Tonnen {good} geliefert.",
    "Der Verband rechnet für das kommende Jahr mit weiteren {pct_small} Prozent Wachstum, "
    "sofern die Logistik über {country} stabil bleibt.",
    "Nach Angaben der Zollbehörde lag der Anteil von {good} am gesamten Export bei {decimal} %.",
    "Die Regierung plant, bis {year2} neue Lager mit einer Kapazität von {tonnes} Tonnen zu bauen.",
    "Man werde die Zusammenarbeit mit {country} im Rahmen des {prefix}{neuter}s ausbauen, "
    "sagte {role} {first} {last}.",
    "Am {weekday} trafen sich Vertreter beider Länder in {city}, um über Projekte im Wert von "
    "{amount} Millionen {currency} zu sprechen.",
    "Im ersten Halbjahr {year} belief sich der Handelsumsatz mit {country} auf {billions} "
    "Milliarden US-Dollar.",
    "Das Werk von {company} in {city} hat seit Jahresbeginn {thousands} Einheiten hergestellt "
    "und {pct} Prozent davon exportiert.",
    "Bis Ende {year2} sollen in {count} Bezirken neue Betriebe für die Verarbeitung von "
    "{good} entstehen.",
    "Die Delegation aus {country} besuchte am {day}. {month} mehrere Betriebe im Gebiet "
    "{city} und zeigte Interesse an {good}.",
    "Die Durchschnittslöhne in der Branche stiegen im {month} auf {wage} Rubel, teilte das "
    "Statistikamt mit.",
    "Für die Modernisierung der Anlagen sind {amount} Millionen Rubel aus dem Haushalt "
    "vorgesehen, weitere {amount_small} Millionen kommen von {company}.",
    "Die Preise für {good} blieben im {month} weitgehend stabil, obwohl die Kosten für "
    "Energie und Transport um {decimal} % gestiegen sind.",
    "Bereits im {month} {year} war ein Vertrag über {thousands} Tonnen {good} unterzeichnet "
    "worden.",
    "Die Gespräche sollen am {day}. {month} in {city} fortgesetzt werden, hieß es aus dem "
    "Außenministerium.",
    "Insgesamt arbeiten in dem Sektor rund {thousands} Menschen, davon {pct_small} Prozent in "
    "kleinen und mittleren Unternehmen.",
    "Die Bahn beförderte im Berichtszeitraum {tonnes} Tonnen Fracht, {pct_small} Prozent mehr "
    "als ein Jahr zuvor.",
    "An der {prefix}{feminine} in {city} nahmen vom {day}. bis {day_late}. {month} {count} "
    "Unternehmen aus {count_small} Ländern teil.",
    "Nach Einschätzung von Fachleuten könnte der Export bis {year2} auf {billions} Milliarden "
    "US-Dollar steigen.",
    "{company} investierte im vergangenen Jahr {amount} Millionen {currency} in neue Linien "
    "und schuf {count} Arbeitsplätze.",
    "Die Ernte im Gebiet {city} erreichte {tonnes} Tonnen, der Ertrag lag bei {decimal} "
    "Dezitonnen je Hektar.",
    "Die Zahl der ausländischen Touristen in {city} stieg im {month} auf {thousands}, die "
    "meisten kamen aus {country}.",
    "Um {hour}.{minute} Uhr wurde das {prefix}{neuter} in {city} feierlich eröffnet, das "
    "{amount} Millionen {currency} gekostet hat.",
    "{first} {last} leitete bis {year} die Abteilung für {prefix}fragen und wechselte dann "
    "zu {company}.",
    "Das Parlament verabschiedete am {weekday} in zweiter Lesung das {prefix}gesetz, das ab "
    "dem {day}. {month} {year2} gelten soll.",
    "Die Temperaturen sinken in der Nacht auf bis zu minus {count_small} Grad, tagsüber "
    "bleibt es in {city} bei {decimal} Grad bewölkt.",
    "Das Team aus {city} gewann das Finale mit {score} und sicherte sich damit den Pokal zum "
    "{count_small}. Mal.",
    "Im Museum von {city} ist ab {weekday} eine Ausstellung mit {count} Werken von "
    "{first} {last} zu sehen.",
    "Die Nationalbank senkte den Leitzins um {decimal_small} Prozentpunkte auf {decimal} Prozent.",
    "Die Inflation lag im {month} bei {decimal} % im Jahresvergleich, nach {decimal_small} % "
    "im Vormonat.",
    "Mit {country} wurde vereinbart, bis {year2} eine gemeinsame {prefix}{feminine} zu "
    "gründen, an der sich auch {company} beteiligen soll.",
)
QUOTES = (
    "„Wir haben in diesem Jahr viel erreicht, aber das Potenzial ist noch größer“, sagte "
    "{first} {last}.",
    "„Die Nachfrage nach {good} aus {country} übertrifft unsere Erwartungen“, erklärte {role} "
    "{first} {last}.",
    "„Bis {year2} wollen wir den Umsatz auf {billions} Milliarden {currency} steigern“, "
    "betonte {first} {last} in {city}.",
    "„Das {prefix}{neuter} ist ein wichtiges Signal für die ganze Region“, sagte {role}.",
    "„Wir rechnen mit {thousands} Besuchern und bereiten uns gründlich vor“, fügte {first} "
    "{last} hinzu.",
)
#: Closing lines that recur across a wire's articles, as on a real one.
CLOSERS = (
    "Weitere Einzelheiten wurden zunächst nicht bekannt.",
    "Eine offizielle Stellungnahme lag bis zum Abend nicht vor.",
    "Die Gespräche sollen im kommenden Monat fortgesetzt werden.",
    "Die Agentur wird weiter über die Entwicklung berichten.",
)


def slot_values(rng: random.Random) -> dict[str, Any]:
    """One article's names, places, dates and amounts."""
    pct_small = rng.randint(2, 15)
    day = rng.randint(1, 26)
    return {
        "first": rng.choice(FIRST_NAMES),
        "last": rng.choice(LAST_NAMES),
        "city": rng.choice(CITIES),
        "country": rng.choice(COUNTRIES),
        "company": rng.choice(COMPANIES),
        "role": rng.choice(ROLES),
        "role_title": rng.choice(("Botschafter", "Gouverneur", "Generaldirektor", "Minister")),
        "prefix": rng.choice(PREFIXES),
        "neuter": rng.choice(NEUTER_HEADS),
        "feminine": rng.choice(FEMININE_HEADS),
        "good": rng.choice(GOODS),
        "currency": rng.choice(CURRENCIES),
        "weekday": rng.choice(WEEKDAYS),
        "month": rng.choice(MONTHS),
        "day": day,
        "day_late": day + rng.randint(1, 2),
        "year": rng.randint(2019, 2025),
        "year2": rng.randint(2026, 2035),
        "pct": rng.randint(3, 60),
        "pct_small": pct_small,
        "decimal": f"{rng.randint(1, 40)},{rng.randint(1, 9)}",
        "decimal_small": f"0,{rng.randint(1, 9)}",
        "amount": rng.randint(5, 950),
        "amount_small": rng.randint(2, 90),
        "billions": f"{rng.randint(1, 9)},{rng.randint(1, 9)}",
        "tonnes": f"{rng.randint(1, 900)}.{rng.randint(100, 999)}",
        "thousands": f"{rng.randint(2, 99)}.{rng.randint(100, 999)}",
        "wage": rng.randint(1500, 3900),
        "count": rng.randint(5, 120),
        "count_small": rng.randint(2, 12),
        "hour": rng.randint(8, 19),
        "minute": f"{rng.choice((0, 15, 30, 45)):02d}",
        "score": f"{rng.randint(0, 5)}:{rng.randint(0, 4)}",
    }


def generate_article(rng: random.Random) -> str:
    """A title, a dateline lead and 2 to 5 more sentences in paragraphs of 1 to 3, with a
    quote in some articles and one of the recurring closing lines in others."""
    values = slot_values(rng)
    sentences = [s.format(**values) for s in rng.sample(SENTENCES, rng.randint(3, 6))]
    if rng.random() < 0.4:
        sentences.insert(rng.randint(1, len(sentences)), rng.choice(QUOTES).format(**values))
    if rng.random() < 0.3:
        sentences.append(rng.choice(CLOSERS))
    dateline = f"{values['city'].upper()}, {values['day']}. {values['month']} (BelTA) – "
    paragraphs, rest = [dateline + sentences[0]], sentences[1:]
    while rest:
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(rest[:size]))
        rest = rest[size:]
    return rng.choice(TITLES).format(**values) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def revised(text: str, rng: random.Random) -> str:
    """A later version of an article: one new closing paragraph."""
    return text + "\n" + rng.choice(SENTENCES).format(**slot_values(rng)) + "\n"


def write_articles(folder: Path, texts: Sequence[str]) -> list[Path]:
    paths = [folder / f"desk-{n % 8}" / f"article-{n:04}.txt" for n in range(len(texts))]
    for path, text in zip(paths, texts, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return paths


def generated_texts(count: int) -> list[str]:
    rng = random.Random(SEED)
    return [generate_article(rng) for _ in range(count)]


def with_revisions(texts: Sequence[str], count: int) -> list[str]:
    """``texts`` followed by revised copies of them, ``count`` articles in all."""
    rng = random.Random(SEED + 1)
    return [*texts, *(revised(texts[n % len(texts)], rng) for n in range(count - len(texts)))]


# -- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """The installed copy model."""

    folder: Path  # the models folder (--models-dir)
    package: Path  # the installed package in it
    pieces: int  # SentencePiece pieces; the rest of the vocabulary is padding
    disk_bytes: int  # the package's model/ folder
    built_s: float


def build_model(root: Path, training_lines: Sequence[str], env: dict[str, str]) -> Model:
    """Build the copy model and install it as a user would: ``localise models install``."""
    started = time.perf_counter()
    archive = build_copy_package(
        root / "packages", "de", "en", training_lines=training_lines,
        vocab_size=TOKENIZER_PIECES, tokenizer_type="bpe", pad_vocabulary_to=OUTPUT_VOCABULARY,
        quantization="int8", layers=MODEL_SHAPE["layers"], d_model=MODEL_SHAPE["d_model"],
        ffn=MODEL_SHAPE["ffn"], heads=MODEL_SHAPE["heads"],
    )  # fmt: skip
    built = time.perf_counter() - started
    folder = root / "models"
    command = [*localise_command(), "models", "install", str(archive), "--models-dir", str(folder)]
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    (package,) = (path.parent for path in folder.glob("*/metadata.json"))
    vocabulary = json.loads((package / "model" / "shared_vocabulary.json").read_bytes())
    padding = sum(piece.startswith("<unused") for piece in vocabulary)
    disk = sum(path.stat().st_size for path in (package / "model").rglob("*") if path.is_file())
    return Model(folder, package, len(vocabulary) - padding, disk, built)


def localise_command() -> list[str]:
    """The ``localise`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("localise")
    return [str(script)] if script.exists() else [sys.executable, "-m", "localise"]


def isolated_environment(root: Path) -> dict[str, str]:
    """The environment of every process started here: HOME and XDG folders inside ``root``,
    no models folder or index from the caller's environment."""
    home = root / "home"
    env = {**os.environ, "HOME": str(home)}
    for name, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                      ("XDG_CACHE_HOME", ".cache")):  # fmt: skip
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    for name in ("LOCALISE_MODELS_DIR", "ARGOS_PACKAGES_DIR", "ARGOS_PACKAGE_INDEX"):
        env.pop(name, None)
    return env


# -- what localise gives translate_batch ----------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One ``translate_batch`` call: each segment's tokens, and the call's options."""

    tokens: tuple[tuple[str, ...], ...]
    options: dict[str, Any]


@dataclass
class Recording:
    """What a localise library run gave CTranslate2, and the run's segment counts."""

    model_path: str = ""
    translator_options: dict[str, Any] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    segments: dict[str, int] = field(default_factory=dict)  # Summary.segments
    profile: pstats.Stats | None = None

    @property
    def sent(self) -> int:
        return sum(len(call.tokens) for call in self.calls)

    @property
    def tokens(self) -> int:
        return sum(len(tokens) for call in self.calls for tokens in call.tokens)


@dataclass(frozen=True)
class _Copied:
    """A translate_batch result as the copy model makes it: the source's tokens."""

    hypotheses: list[list[str]]
    scores: list[float]


class _RecordingTranslator:
    """Stands in for ``ctranslate2.Translator`` in a recorded run: keeps what it is given
    and answers with the copy the model makes, without running the model."""

    def __init__(self, recording: Recording, model_path: str, **options: Any) -> None:
        recording.model_path, recording.translator_options = model_path, options
        self._recording = recording

    def translate_batch(self, source: list[list[str]], **options: Any) -> list[_Copied]:
        self._recording.calls.append(Call(tuple(tuple(t) for t in source), options))
        return [_Copied([list(tokens)], [0.0]) for tokens in source]


@contextlib.contextmanager
def recording_translator(recording: Recording) -> Iterator[None]:
    import ctranslate2

    real = ctranslate2.Translator

    def translator(model_path: str, **options: Any) -> _RecordingTranslator:
        return _RecordingTranslator(recording, model_path, **options)

    ctranslate2.Translator = translator
    try:
        yield
    finally:
        ctranslate2.Translator = real


def localise_config(model: Model, *, beam_size: int, threads: int) -> Config:
    """The configuration ``localise translate --to en-GB --from de --offline`` builds."""
    return Config(
        ("en-GB",),
        source="de",
        glossaries=tuple(bundled_glossaries()),
        models=ModelsConfig(model.folder, download=False),
        engine=EngineConfig(beam_size=beam_size, threads=threads),
    )


def record(config: Config, inputs: Sequence[Path], out: Path, *, profile: bool) -> Recording:
    """A library run (``Batch``, in this process as ``--jobs 1``) with the model recorded;
    ``profile`` runs it under cProfile."""
    recording = Recording()
    profiler = cProfile.Profile()
    with recording_translator(recording):
        run = Batch(config, out, jobs=1).run(inputs)
        if profile:
            profiler.enable()
        outcomes = list(run)
        profiler.disable()
    failed = [f"{o.item.path}: {o.error}" for o in outcomes if o.status == "failed"]
    if failed or run.summary is None:
        raise SystemExit("the recorded run failed:\n" + "\n".join(failed[:5]))
    recording.segments = dict(run.summary.segments)
    recording.profile = pstats.Stats(profiler) if profile else None
    return recording


# -- the limit: translate_batch alone -------------------------------------------------------


@dataclass(frozen=True)
class Replay:
    seconds: float  # translate_batch alone
    load_s: float  # ctranslate2.Translator(...)
    copies: int  # outputs equal to their input
    segments: int
    peak: int  # the replaying process's peak RSS, bytes


#: Replays recorded calls in a fresh process that imports ctranslate2 alone, as localise's
#: process runs them (not in this one, where numpy, langdetect and the recorded run have
#: been). Reads {"model", "translator", "calls": [[tokens, options], ...]} and prints
#: {"seconds", "load_s", "copies", "segments", "peak"}. A small untimed call comes first: a
#: process's first calls are slower. The peak is the process's own high-water mark (VmHWM;
#: ru_maxrss would count the process it was started from).
REPLAY = """\
import json, re, sys, time
import ctranslate2
request = json.loads(open(sys.argv[1], encoding="utf-8").read())
started = time.perf_counter()
translator = ctranslate2.Translator(request["model"], **request["translator"])
load_s = time.perf_counter() - started
calls = request["calls"]
translator.translate_batch(calls[0][0][:8], **calls[0][1])
seconds, copies, segments = 0.0, 0, 0
for tokens, options in calls:
    started = time.perf_counter()
    found = translator.translate_batch(tokens, **options)
    seconds += time.perf_counter() - started
    copies += sum(result.hypotheses[0] == t for result, t in zip(found, tokens))
    segments += len(tokens)
status = open("/proc/self/status", encoding="ascii").read()
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status)[1]) * 1024
print(json.dumps(dict(seconds=seconds, load_s=load_s, copies=copies, segments=segments, peak=peak)))
"""


def replay(recording: Recording, calls: Sequence[Call], env: dict[str, str], work: Path) -> Replay:
    """Time ``translate_batch`` on ``calls`` (REPLAY), on the model loaded with the recorded
    options."""
    request = {
        "model": recording.model_path,
        "translator": recording.translator_options,
        "calls": [[call.tokens, call.options] for call in calls],
    }
    work.write_text(json.dumps(request), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", REPLAY, str(work)], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"the replay failed:\n{done.stderr[-3000:]}")
    return Replay(**json.loads(done.stdout.strip().splitlines()[-1]))


def with_options(calls: Sequence[Call], **options: Any) -> list[Call]:
    """The calls with some options changed."""
    return [Call(call.tokens, {**call.options, **options}) for call in calls]


def one_call(calls: Sequence[Call]) -> list[Call]:
    """Every recorded segment in one call, with the first call's options."""
    return [Call(tuple(t for call in calls for t in call.tokens), calls[0].options)]


def in_order(calls: Sequence[Call], size: int) -> list[Call]:
    """Each recorded call cut into calls of ``size`` segments in their order, each one batch
    (``max_batch_size=0``: CTranslate2 neither sorts nor cuts it)."""
    return [
        Call(call.tokens[i : i + size], {**call.options, "max_batch_size": 0})
        for call in calls
        for i in range(0, len(call.tokens), size)
    ]


@dataclass(frozen=True)
class Tokenizer:
    seconds: float  # encode the sent segments' text and decode their pieces
    tokens_per_word: float


def time_tokenizer(model: Model, recording: Recording) -> Tokenizer:
    """SentencePiece's time to decode the sent segments' pieces and encode the text again
    (what an engine does around translate_batch), and the tokens per word."""
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(model.package / "sentencepiece.model")
    )
    pieces = [list(tokens) for call in recording.calls for tokens in call.tokens]
    started = time.perf_counter()
    texts = [processor.decode_pieces(p) for p in pieces]
    for text in texts:
        processor.encode(text, out_type=str)
    elapsed = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    return Tokenizer(elapsed, recording.tokens / max(1, words))


# -- processes: localise's command, argostranslate, start-up -------------------------------


@dataclass(frozen=True)
class Run:
    """One process: wall-clock seconds, peak resident set, and localise's run summary."""

    seconds: float
    max_rss: int  # bytes
    summary: dict[str, Any]


#: Runs its arguments as a command; prints the command's seconds, peak RSS and exit code. It
#: is a fresh, small interpreter because a child's ru_maxrss starts from the process it was
#: forked from: forked from this one (models, spaCy and all), every command looks as big.
MEASURE = """\
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "max_rss": peak, "code": code}))
"""


def run_process(command: Sequence[str], env: dict[str, str], summary: Path | None = None) -> Run:
    """Run ``command`` to its end, measured by MEASURE; ``summary``: its summary.json."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], env=env, capture_output=True, text=True
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {}
    if measured.get("code") != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    loaded = json.loads(summary.read_text(encoding="utf-8")) if summary else {}
    return Run(measured["seconds"], measured["max_rss"], loaded)


def run_localise(
    inputs: Sequence[Path], out: Path, model: Model, env: dict[str, str], config: Config,
    *, jobs: int = 1, threads: int | None = None,
) -> Run:  # fmt: skip
    """``localise translate`` with the configuration's beam size and threads (or ``threads``)."""
    threads = config.engine.threads if threads is None else threads
    command = [
        *localise_command(), "translate", *map(str, inputs), "--to", "en-GB", "--from", "de",
        "--out", str(out), "--models-dir", str(model.folder), "--offline", "--quiet",
        "--jobs", str(jobs), "--threads", str(threads),
        "--beam-size", str(config.engine.beam_size),
    ]  # fmt: skip
    return run_process(command, env, out / "_localise" / "summary.json")


ARGOS_SCRIPT = """\
import json, sys, time
from pathlib import Path
from argostranslate import translate
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
started = time.perf_counter()
outputs = [translate.translate(text, "de", "en") for text in texts]
seconds = time.perf_counter() - started
# argos re-joins sentences with its own spacing ("„Wir" comes back "„ Wir"): compare letters.
copies = sum("".join(o.split()) == "".join(t.split()) for o, t in zip(outputs, texts))
print(json.dumps({"seconds": seconds, "copies": copies}))
"""


def argos_available() -> bool:
    return all(importlib.util.find_spec(name) for name in ("argostranslate", "spacy"))


def argos_environment(model: Model, env: dict[str, str], config: Config) -> dict[str, str]:
    """argostranslate, offline, on the same package with the same beam, threads and compute
    type: a blank German spaCy pipeline goes into the package (argos adds a sentencizer)."""
    if not (model.package / "spacy").exists():
        # In a process of its own: spaCy imports torch, which this one has no use for.
        save = "import spacy, sys; spacy.blank('de').to_disk(sys.argv[1])"
        subprocess.run([sys.executable, "-c", save, str(model.package / "spacy")], check=True)
    # argostranslate.sbd calls cache_spacy() at import, which downloads xx_sent_ud_sm unless
    # this folder exists; the package's own spacy/ is what it then loads.
    marker = Path(env["XDG_CACHE_HOME"]) / "argos-translate" / "spacy" / "senter" / "model"
    marker.mkdir(parents=True, exist_ok=True)
    return {
        **env,
        "ARGOS_PACKAGES_DIR": str(model.folder),
        "ARGOS_CHUNK_TYPE": "SPACY",
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_BEAM_SIZE": str(config.engine.beam_size),
        "ARGOS_INTER_THREADS": "1",
        "ARGOS_INTRA_THREADS": str(config.engine.threads),
        "ARGOS_COMPUTE_TYPE": config.engine.compute_type,
    }


@dataclass(frozen=True)
class ArgosRun:
    seconds: float  # the translate() calls
    process_s: float  # the whole process, imports and all
    copies: int  # articles whose text came back unchanged, spacing aside


def run_argos(paths: Sequence[Path], env: dict[str, str]) -> ArgosRun:
    command = [sys.executable, "-c", ARGOS_SCRIPT, *map(str, paths)]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    process_s = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"argostranslate failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return ArgosRun(result["seconds"], process_s, result["copies"])


def median_seconds(command: Sequence[str], env: dict[str, str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@dataclass(frozen=True)
class Imports:
    """What ``python -X importtime -c code`` loads beyond the bare interpreter."""

    micros: int  # in all
    top: list[tuple[int, str]]  # the largest modules, nested ones indented, by cumulative time


def import_profile(code: str, env: dict[str, str], top: int) -> Imports:
    """The modules ``code`` imports that the bare interpreter does not, from -X importtime."""

    def entries(source: str) -> list[tuple[int, int, str]]:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", source],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        found = []
        for line in done.stderr.splitlines():
            match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
            if match:
                found.append((int(match[1]), len(match[2]) // 2, match[3]))
        return found

    startup = {name for *_, name in entries("pass")}
    own = sorted((entry for entry in entries(code) if entry[2] not in startup), reverse=True)
    total = sum(micros for micros, depth, _ in own if depth == 0)
    return Imports(total, [(micros, "  " * depth + name) for micros, depth, name in own[:top]])


# -- the corpora ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """Articles: ``inputs`` go on the command line, ``paths`` are the article files."""

    name: str
    inputs: tuple[Path, ...]
    paths: tuple[Path, ...]

    def words(self) -> int:
        return sum(len(path.read_text(encoding="utf-8").split()) for path in self.paths)


def dev_corpus(folder: Path, pages: int | None) -> Corpus:
    paths = tuple(sorted(folder.glob("*.txt"))[:pages])
    if not paths:
        raise SystemExit(f"no dev pages in {folder}; pass --dev DIR")
    return Corpus("dev pages", (folder,) if pages is None else paths, paths)


def generated_corpus(name: str, folder: Path, texts: Sequence[str]) -> Corpus:
    return Corpus(name, (folder,), tuple(write_articles(folder, texts)))


# -- the measurements ------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """The speed figures of one corpus."""

    corpus: Corpus
    recording: Recording
    limit: Replay
    tokenizer: Tokenizer
    localise: Run
    argos: ArgosRun | None


def measure(
    corpus: Corpus, model: Model, config: Config, env: dict[str, str], root: Path,
    *, argos_env: dict[str, str] | None, profile: bool = False,
) -> Measured:  # fmt: skip
    slug = corpus.name.replace(" ", "-")
    progress(f"{corpus.name}: recording what localise gives translate_batch")
    recording = record(config, corpus.inputs, root / f"library-{slug}", profile=profile)
    progress(f"{corpus.name}: the limit ({recording.sent} segments, {len(recording.calls)} calls)")
    limit = replay(recording, recording.calls, env, root / f"calls-{slug}.json")
    tokenizer = time_tokenizer(model, recording)
    progress(f"{corpus.name}: localise translate")
    localise = run_localise(corpus.inputs, root / f"out-{slug}", model, env, config)
    argos = None
    if argos_env is not None:
        progress(f"{corpus.name}: argostranslate ({len(corpus.paths)} articles)")
        argos = run_argos(corpus.paths, argos_env)
    return Measured(corpus, recording, limit, tokenizer, localise, argos)


@dataclass(frozen=True)
class Reruns:
    unchanged: Run
    one_changed: Run


def reruns(corpus: Corpus, model: Model, config: Config, env: dict[str, str], out: Path) -> Reruns:
    """The same command again on the same output folder, then after one article changed."""
    unchanged = run_localise(corpus.inputs, out, model, env, config)
    changed = corpus.paths[len(corpus.paths) // 2]
    with changed.open("a", encoding="utf-8") as article:
        article.write("\nEin Sprecher bestätigte die Zahlen am Dienstag.\n")
    return Reruns(unchanged, run_localise(corpus.inputs, out, model, env, config))


@dataclass(frozen=True)
class Memory:
    articles: tuple[int, int]
    peaks: tuple[int, int]  # bytes, at each number of articles
    no_engine: int  # the smaller corpus --to de-CH: no model loaded


def memory(
    scale: Scale, base: Sequence[str], large: Sequence[str], gen: Measured, model: Model,
    config: Config, env: dict[str, str], root: Path,
) -> Memory:  # fmt: skip
    small = gen.corpus
    if len(small.paths) == scale.rss[0]:
        small_peak = gen.localise.max_rss
    else:
        small = generated_corpus("rss-small", root / "rss-small", base[: scale.rss[0]])
        small_peak = run_localise(small.inputs, root / "out-rss-small", model, env, config).max_rss
    big = generated_corpus("rss-large", root / "rss-large", large)
    large_peak = run_localise(big.inputs, root / "out-rss-large", model, env, config).max_rss
    same_language = [
        *localise_command(), "translate", *map(str, small.inputs), "--to", "de-CH",
        "--from", "de", "--out", str(root / "out-de-CH"), "--quiet", "--jobs", "1",
    ]  # fmt: skip
    no_engine = run_process(same_language, env).max_rss
    return Memory(scale.rss, (small_peak, large_peak), no_engine)


@dataclass(frozen=True)
class Startup:
    help_s: float
    import_s: float
    python_s: float  # the bare interpreter
    imports: Imports  # what `import localise` loads
    eager: Imports  # what importing every public name's module loads: lazy loading defers it


EAGER = "import localise; [getattr(localise, name) for name in localise.__all__]"


def startup(env: dict[str, str], repeats: int) -> Startup:
    python = [sys.executable, "-c"]
    return Startup(
        help_s=median_seconds([*localise_command(), "--help"], env, repeats),
        import_s=median_seconds([*python, "import localise"], env, repeats),
        python_s=median_seconds([*python, "pass"], env, repeats),
        imports=import_profile("import localise", env, 5),
        eager=import_profile(EAGER, env, 8),
    )


def batch_levers(recording: Recording, env: dict[str, str], root: Path) -> dict[str, Replay]:
    """The limit path with one batching choice changed at a time."""
    calls = recording.calls
    variants = {
        "32 examples per batch": with_options(calls, batch_type="examples", max_batch_size=32),
        "32 per batch in input order, none sorted": in_order(calls, 32),
        "one call for all (sorted across calls)": one_call(calls),
        "1,024 tokens per batch": with_options(calls, max_batch_size=1024),
        "512 tokens per batch": with_options(calls, max_batch_size=512),
    }
    work = root / "calls-lever.json"
    return {label: replay(recording, variant, env, work) for label, variant in variants.items()}


def jobs_lever(
    corpus: Corpus, model: Model, config: Config, env: dict[str, str], root: Path,
    known: dict[tuple[int, int], float],
) -> dict[tuple[int, int], float]:  # fmt: skip
    """The command's seconds with --jobs 1 and 2 and --threads 1 and 2 (``known``: done)."""
    grid = dict(known)
    for jobs in (1, 2):
        for threads in (1, 2):
            if (jobs, threads) not in grid:
                out = root / f"out-jobs{jobs}-threads{threads}"
                run = run_localise(
                    corpus.inputs, out, model, env, config, jobs=jobs, threads=threads
                )
                grid[jobs, threads] = run.seconds
    return grid


# -- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[str, ...] = ()
    goal: str = ""
    met: bool | None = None


def print_rows(title: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
    """A titled table: a label, a cell per column, then the goal and whether it was met."""
    print(f"\n{title}")
    heading = "".join(f"{column:>22}" for column in columns)
    heading += "  goal" if any(row.goal for row in rows) else ""
    if heading.strip():
        print(f"  {'':<44}{heading}")
    for row in rows:
        cells = "".join(f"{cell:>22}" for cell in row.cells).ljust(22 * len(columns))
        verdict = "" if row.met is None else ("ok" if row.met else "MISSED")
        print(f"  {row.label:<44}{cells}  {row.goal:<24}{verdict}".rstrip())


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def with_ratio(value: float, ratio: float, digits: int = 2) -> str:
    return f"{value:.2f} s {ratio:5.{digits}f}×"


def megabytes(value: float) -> str:
    return f"{value / MB:.0f} MB"


def localise_ratio(m: Measured) -> float:
    return m.localise.seconds / m.limit.seconds


def argos_ratio(m: Measured) -> float | None:
    return m.argos.seconds / m.localise.seconds if m.argos else None


NAMES = ("dev pages", "generated")
SPEED_LABELS = (
    "articles, words",
    "segments sent to the engine, of all",
    "  sent by the command (its summary.json)",
    "tokens per segment, per word",
    "limit: translate_batch alone, segments/s",
    "localise: the command, end to end",
    "argos: translate() per article",
    "argos: its whole process",
    "exact copies: limit segments, argos articles",
)


def speed_column(m: Measured) -> list[str]:
    """One corpus's cells of the speed table, in SPEED_LABELS's order."""
    recording, argos, articles = m.recording, m.argos, len(m.corpus.paths)
    absent = "not installed"
    return [
        f"{articles}, {m.corpus.words():,}",
        f"{recording.sent:,} of {recording.segments['total']:,}",
        f"{m.localise.summary['segments']['translated']:,}",
        f"{recording.tokens / recording.sent:.1f}, {m.tokenizer.tokens_per_word:.2f}",
        f"{seconds(m.limit.seconds)} {m.limit.segments / m.limit.seconds:5.1f}",
        with_ratio(m.localise.seconds, localise_ratio(m), 3),
        with_ratio(argos.seconds, argos.seconds / m.localise.seconds, 3) if argos else absent,
        seconds(argos.process_s) if argos else absent,
        f"{m.limit.copies}/{m.limit.segments}, " + (f"{argos.copies}/{articles}" if argos else "-"),
    ]


def print_speed(dev: Measured, gen: Measured) -> None:
    argos = (argos_ratio(dev), argos_ratio(gen))
    goals = {
        "localise: the command, end to end": (
            "≤ 1.15 × limit",
            localise_ratio(dev) <= 1.15 and localise_ratio(gen) <= 1.15,
        ),
        "argos: translate() per article": (
            "≥ 4 × / ≥ 2 × localise",
            None if None in argos else argos[0] >= 4 and argos[1] >= 2,  # type: ignore[operator]
        ),
    }
    cells = zip(speed_column(dev), speed_column(gen), strict=True)
    rows = [
        Row(label, pair, *goals.get(label, ("", None)))
        for label, pair in zip(SPEED_LABELS, cells, strict=True)
    ]
    print_rows("speed (ratios: localise / limit, argos / localise)", NAMES, rows)


def print_reruns(gen: Measured, again: Reruns) -> None:
    first = gen.localise.seconds

    def row(label: str, run: Run, goal: float) -> Row:
        share = run.seconds / first
        return Row(
            label, (f"{seconds(run.seconds)} {share:6.1%}",), f"≤ {goal * 100:.0f} %", share <= goal
        )

    print_rows(
        "re-runs of the generated articles (share of the first run)",
        ("generated",),
        [
            row("re-run, nothing changed", again.unchanged, 0.03),
            row("re-run, one article changed", again.one_changed, 0.05),
        ],
    )


def print_memory(rss: Memory, model: Model, limit: Replay) -> None:
    (few, many), (low, high) = rss.articles, rss.peaks
    budget = model.disk_bytes + 300 * MB
    growth = high / low - 1
    print_rows(
        "peak RSS of the command (--jobs 1)",
        ("generated",),
        [
            Row(f"{few} articles", (megabytes(low),), f"≤ model + 300 = {megabytes(budget)}",
                low <= budget),
            Row(f"{many} articles ({many - few} of them revised copies)",
                (f"{megabytes(high)} {growth:+6.1%}",), "≤ +10 %", growth <= 0.10),
            Row(f"{few} articles --to de-CH (no model loaded)", (megabytes(rss.no_engine),)),
            Row("ctranslate2 alone: the limit's replay", (megabytes(limit.peak),)),
            Row("the model on disk", (megabytes(model.disk_bytes),)),
        ],
    )  # fmt: skip


def print_startup(start: Startup, repeats: int) -> None:
    print_rows(
        f"start-up (median of {repeats})",
        ("",),
        [
            Row("localise --help", (seconds(start.help_s),), "≤ 0.2 s", start.help_s <= 0.2),
            Row("python -c 'import localise'", (seconds(start.import_s),)),
            Row("python -c pass (the bare interpreter)", (seconds(start.python_s),)),
        ],
    )


def print_batch_lever(dev: Measured, batches: dict[str, Replay]) -> None:
    limit = dev.limit
    options = dev.recording.calls[0].options
    largest = max(len(call.tokens) for call in dev.recording.calls)
    batching = f"{options.get('max_batch_size')} {options.get('batch_type', 'examples')}"
    rows = [
        Row(f"localise's: {batching}, calls of ≤ {largest}",
            (seconds(limit.seconds), megabytes(limit.peak))),
        *(Row(label, (with_ratio(r.seconds, r.seconds / limit.seconds), megabytes(r.peak)))
          for label, r in batches.items()),
    ]  # fmt: skip
    print_rows(
        "lever: batches, the limit path of the dev pages (vs localise's; peak RSS of the replay)",
        ("dev pages", "peak RSS"),
        rows,
    )


def print_jobs_lever(grid: dict[tuple[int, int], float], threads: int) -> None:
    baseline = grid[1, threads]
    rows = [
        Row(f"--jobs {jobs} --threads {n}", (with_ratio(s, s / baseline),))
        for (jobs, n), s in sorted(grid.items())
    ]
    title = (
        f"lever: --jobs × --threads, the command on the dev pages (vs --jobs 1 --threads {threads})"
    )
    print_rows(title, NAMES[:1], rows)


def print_dedup_lever(dev: Measured, gen: Measured) -> None:
    def cell(m: Measured) -> str:
        sent, total = m.recording.sent, m.recording.segments["total"]
        return f"{sent / total:.0%}, ~{seconds((total - sent) * m.limit.seconds / sent)} saved"

    print_rows(
        "lever: de-duplication (segments sent / all; the repeats at the limit's rate)",
        NAMES,
        [Row("sent / all, time saved (estimate)", (cell(dev), cell(gen)))],
    )


def print_import_lever(start: Startup) -> None:
    lazy, eager = start.imports.micros / 1000, start.eager.micros / 1000
    rows = [
        Row("import localise", (f"{lazy:.1f} ms",)),
        Row("every public name's module", (f"{eager:.1f} ms {eager / lazy:5.1f}×",)),
    ]
    print_rows("lever: lazy imports (-X importtime, beyond the bare interpreter)", ("",), rows)
    for title, imports in (
        ("what 'import localise' loads (cumulative):", start.imports),
        ("what lazy loading defers (every public name's module):", start.eager),
    ):
        print(f"  {title}")
        for micros, name in imports.top:
            print(f"    {micros / 1000:8.1f} ms  {name}")


def print_overhead_lever(dev: Measured, gen: Measured) -> None:
    """Where the command's time beyond the limit goes, from its summary.json."""

    def row(label: str, value: Callable[[Measured], float]) -> Row:
        return Row(label, (seconds(value(dev)), seconds(value(gen))))

    def stage(name: str) -> Callable[[Measured], float]:
        return lambda m: float(m.localise.summary["stages"][name])

    def per_segment(m: Measured) -> str:
        beyond = m.localise.seconds - m.limit.seconds
        return f"{beyond / m.recording.sent * 1000:.1f} ms"

    rows = [
        row("the command, end to end", lambda m: m.localise.seconds),
        row("process start, imports, CLI (outside the run)",
            lambda m: m.localise.seconds - m.localise.summary["seconds"]),
        row("scan: discover, learn boilerplate, plan", stage("scan")),
        row("analyse: read, detect, recognise, segment", stage("analyse")),
        row("translate stage", stage("translate")),
        row("  the limit (replayed apart)", lambda m: m.limit.seconds),
        row("  model load (measured apart)", lambda m: m.limit.load_s),
        row("  SentencePiece (measured apart)", lambda m: m.tokenizer.seconds),
        row("write: fact checks, outputs, reports, state", stage("write")),
        Row("beyond the limit, per segment sent", (per_segment(dev), per_segment(gen))),
    ]  # fmt: skip
    print_rows("lever: Python overhead: where the command's time goes", NAMES, rows)


def print_profile(stats: pstats.Stats, top: int) -> None:
    """The ``top`` functions by own time; the recorder (this file) is left out."""
    print(
        f"\nlever: Python overhead: profile of the library run on the generated articles "
        f"(cProfile; top {top} by own time; translate_batch is the recorder's, left out)"
    )
    print(f"  {'own s':>7} {'cum s':>7} {'calls':>10}  function")
    this_file = Path(__file__).resolve()
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    entries = sorted(
        (own, cumulative, calls, where)
        for where, (_, calls, own, cumulative, _) in raw.items()
        if Path(where[0]).resolve() != this_file
    )
    for own, cumulative, calls, (file, line, name) in reversed(entries[-top:]):
        print(f"  {own:7.2f} {cumulative:7.2f} {calls:10,}  {short_path(file)}:{line}({name})")


def short_path(file: str) -> str:
    """A profiled file, relative to src/ or to the environment's prefix."""
    for anchor in (REPOSITORY / "src", Path(sys.prefix), Path(sys.base_prefix)):
        with contextlib.suppress(ValueError):
            return Path(file).resolve().relative_to(anchor.resolve()).as_posix()
    return file


def print_header(args: argparse.Namespace, model: Model, recording: Recording) -> None:
    translator = recording.translator_options
    layers = MODEL_SHAPE["layers"]
    print(
        f"bench_engine{' --quick' if args.quick else ''}: beam {args.beam_size}, "
        f"{args.threads} threads, compute type {translator.get('compute_type')} on "
        f"{translator.get('device')}, {os.cpu_count()} CPUs; load average now "
        + ", ".join(f"{load:.1f}" for load in os.getloadavg())
    )
    print(
        f"model: copy model, {layers}+{layers} layers, d_model {MODEL_SHAPE['d_model']}, FFN "
        f"{MODEL_SHAPE['ffn']}, {MODEL_SHAPE['heads']} heads, output vocabulary "
        f"{OUTPUT_VOCABULARY:,} ({model.pieces:,} SentencePiece BPE pieces + padding), int8, "
        f"{megabytes(model.disk_bytes)} on disk; built in {model.built_s:.1f} s"
    )


# -- main -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run, for a smoke test")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--beam-size", type=int, default=EngineConfig().beam_size)
    parser.add_argument("--dev", type=Path, default=DEV_PAGES, help="the German dev pages")
    args = parser.parse_args()
    scale = QUICK if args.quick else FULL
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="localise-bench-engine-") as temporary:
        benchmark(Path(temporary), scale, args)
    progress(f"{time.perf_counter() - started:.0f} s in all")


def benchmark(root: Path, scale: Scale, args: argparse.Namespace) -> None:
    env = isolated_environment(root)
    dev = dev_corpus(args.dev, scale.dev_pages)
    base = generated_texts(max(scale.generated, scale.rss[0]))
    gen = generated_corpus("generated", root / "generated", base[: scale.generated])
    large = with_revisions(base[: scale.rss[0]], scale.rss[1])
    texts = [*(path.read_text(encoding="utf-8") for path in dev.paths), *large]
    training = [line for text in texts for line in text.splitlines() if line.strip()]
    progress(f"building the copy model ({len(training):,} lines of tokenizer training text)")
    model = build_model(root, training, env)
    config = localise_config(model, beam_size=args.beam_size, threads=args.threads)
    argos_env = argos_environment(model, env, config) if argos_available() else None
    if argos_env is None:
        progress("argostranslate or spaCy is not installed: no argos figures")

    dev_m = measure(dev, model, config, env, root, argos_env=argos_env)
    gen_m = measure(gen, model, config, env, root, argos_env=argos_env, profile=True)
    progress("re-runs of the generated articles")
    again = reruns(gen, model, config, env, root / "out-generated")
    progress(f"peak RSS at {scale.rss[0]} and {scale.rss[1]} articles")
    rss = memory(scale, base, large, gen_m, model, config, env, root)
    progress("lever: batches on the limit path")
    batches = batch_levers(dev_m.recording, env, root)
    progress("lever: --jobs × --threads")
    grid = jobs_lever(dev, model, config, env, root, {(1, args.threads): dev_m.localise.seconds})
    progress("start-up and imports")
    start = startup(env, scale.repeats)
    print_header(args, model, dev_m.recording)
    print_speed(dev_m, gen_m)
    print_reruns(gen_m, again)
    print_memory(rss, model, gen_m.limit)
    print_startup(start, scale.repeats)
    print_batch_lever(dev_m, batches)
    print_jobs_lever(grid, args.threads)
    print_dedup_lever(dev_m, gen_m)
    print_import_lever(start)
    print_overhead_lever(dev_m, gen_m)
    if gen_m.recording.profile is not None:
        print_profile(gen_m.recording.profile, 10)


if __name__ == "__main__":
    main()
