"""The library API end to end: the copy model through the whole pipeline, and failing engines."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from localise import Config, ConfigError, ModelsConfig, Pipeline, Span, localise_file
from localise.engine import ArgosEngines, Engine
from support import make_pipeline

REPO = Path(__file__).resolve().parent.parent

ARTICLE = (
    "MINSK, 15. Januar (BelTA) – Präsident Alexander Lukaschenko traf am 15. Januar den "
    "Botschafter. Der Umsatz lag bei $1,1 bis $1,2 Milliarden.\n\n"
    "„Wir wollen 1 Milliarde USD mehr erreichen“, sagte Lukaschenko. Lukaschenkos Ziel sei es, "
    "mehr Lastwagen von MAZ zu verkaufen.\n"
)


def _pipeline(target: str, models_dir: Path | None = None, **kwargs: object) -> Pipeline:
    return make_pipeline(target, models_dir, glossaries=_bundled(), **kwargs)  # type: ignore[arg-type]


def _bundled() -> list[Path]:
    from localise.stages.glossary import bundled_glossaries

    return bundled_glossaries()


def test_copy_model_round_trip(models_dir: Path) -> None:
    result = _pipeline("en-GB", models_dir).localise(ARTICLE)
    assert result.report.source_lang == "de"
    assert result.report.engine == "translate-de_en 1.0 (cpu, auto)"
    # The copy model writes the German words back; names, dates and amounts are the target's.
    assert result.text.startswith(
        "MINSK, 15 January (BelTA) – Präsident Aleksandr Lukashenko traf am 15 January"
    )
    assert "Lukashenko's Ziel" in result.text
    assert "MAZ" in result.text
    assert "Lukaschenko" not in result.text
    assert result.text.count("\n") == ARTICLE.count("\n")
    # The copy model copies the German dates and amounts: localise writes them for en-GB.
    statuses = {(check.span.kind, check.status) for check in result.report.checks}
    assert statuses == {("name", "kept"), ("date", "rendered"), ("money", "rendered")}
    assert {f.kind for f in result.report.findings} == {"untranslated"}
    assert result.report.warnings == ()


def test_en_us_dates_and_amounts(models_dir: Path) -> None:
    text = _pipeline("en-US", models_dir).localise(ARTICLE).text
    assert "January 15" in text
    assert "$1 billion" in text


def test_same_language_needs_no_model(tmp_path: Path) -> None:
    result = _pipeline("de-CH", tmp_path / "no-models").localise(ARTICLE)
    assert result.report.engine.startswith("none (same language")
    assert "Lukaschenko" in result.text
    # Only entities change; everything else is byte-for-byte the input.
    assert [span.rendering for span in result.doc.spans if span.changed] == [
        "1.1–1.2 Milliarden US-Dollar",
        "1 Milliarde US-Dollar",
    ]
    position = 0
    for chunk in _outside_spans(ARTICLE, result.doc.spans):
        position = result.text.index(chunk, position) + len(chunk)


def test_pivot_through_english(models_dir: Path) -> None:
    result = _pipeline("ru-RU", models_dir).localise(ARTICLE)
    assert (
        result.report.engine == "translate-de_en 1.0 (cpu, auto) + translate-en_ru 1.0 (cpu, auto)"
    )
    assert "15 января" in result.text


def test_forced_source_language(models_dir: Path) -> None:
    result = _pipeline("en-GB", models_dir, source="de").localise(ARTICLE)
    assert result.report.source_lang == "de"
    assert result.report.detected_lang is None


def test_localise_file_names_the_file(models_dir: Path, articles: Path) -> None:
    path = articles / "agrar-export.txt"
    result = localise_file(_pipeline("en-GB", models_dir), path)
    assert result.report.path == str(path)
    assert result.report.to_json()["path"] == str(path)


def test_unknown_locale() -> None:
    with pytest.raises(
        ConfigError, match="unknown locale 'english'; use a CLDR locale such as en-GB"
    ):
        Config(("english",))


class Mangling:
    """A test double wrapping the real copy engine and damaging its output."""

    def __init__(self, inner: Engine, damage: dict[str, str]) -> None:
        self.inner = inner
        self.damage = damage
        self.description = "mangling " + inner.description

    def translate(self, segments: Sequence[str]) -> list[str]:
        outputs = self.inner.translate(segments)
        for old, new in self.damage.items():
            outputs = [output.replace(old, new) for output in outputs]
        return outputs


def _mangled(models_dir: Path, damage: dict[str, str]) -> Pipeline:
    engine = Mangling(ArgosEngines(ModelsConfig(models_dir)).load(("de", "en")), damage)
    return _pipeline("en-GB", models_dir, engines={("de", "en"): engine})


def test_source_spelling_copied_by_the_engine_is_repaired(models_dir: Path) -> None:
    result = _mangled(models_dir, {"Lukashenko": "Lukaschenko"}).localise(ARTICLE)
    assert "Lukaschenko" not in result.text
    repaired = [c for c in result.report.checks if c.status == "repaired"]
    assert repaired and all(c.span.kind == "name" for c in repaired)
    assert result.report.warnings == ()


def test_a_date_the_engine_writes_otherwise_with_the_same_value_is_kept(
    models_dir: Path,
) -> None:
    result = _mangled(models_dir, {"15. Januar": "January 15"}).localise(ARTICLE)
    assert result.text.count("January 15") == 2
    dates = [c for c in result.report.checks if c.span.kind == "date"]
    assert [c.status for c in dates] == ["kept", "kept"]


def test_dropped_amount_is_reported(models_dir: Path) -> None:
    result = _mangled(models_dir, {"1 Milliarde USD": "much money"}).localise(ARTICLE)
    missing = [c for c in result.report.checks if c.status == "missing"]
    assert [c.span.text for c in missing] == ["1 Milliarde USD"]
    assert len(result.report.warnings) == 1
    assert result.report.warnings[0].startswith(
        "fact missing; source: 1 Milliarde USD; translation: (nothing) — in: „Wir wollen much"
    )
    assert result.report.status == "warning"


class Reordering:
    """Reverses the clauses of every segment, as a real engine may reorder a sentence."""

    description = "reordering"

    def translate(self, segments: Sequence[str]) -> list[str]:
        return [", ".join(reversed(segment.split(", "))) for segment in segments]


def test_reordered_output_keeps_every_rendering(tmp_path: Path) -> None:
    pipeline = _pipeline("en-GB", tmp_path, engines={("de", "en"): Reordering()})
    result = pipeline.localise(ARTICLE)
    assert {c.status for c in result.report.checks} <= {"kept", "rendered"}
    assert result.report.warnings == ()


def _outside_spans(text: str, spans: Sequence[Span]) -> list[str]:
    bounds = [0, *(b for span in spans for b in (span.start, span.end)), len(text)]
    return [text[start:end] for start, end in zip(bounds[::2], bounds[1::2], strict=True)]


def test_each_target_keeps_markup_and_renders_names_for_itself(models_dir: Path) -> None:
    from localise.files import read_article

    article = read_article(REPO / "examples" / "formats" / "aufzuege-kasachstan.html")
    pipeline = make_pipeline(("en-GB", "ru-RU"), models_dir, glossaries=_bundled())
    analysed = pipeline.analyse(article.doc)
    english = pipeline.prepare(analysed, "en-GB")
    russian = pipeline.prepare(analysed, "ru-RU")
    kinds = [span.kind for span in russian.doc.spans]
    assert kinds.count("markup") == [s.kind for s in english.doc.spans].count("markup") > 0
    names = {s.text: s.rendering for s in russian.doc.spans if s.kind == "name"}
    assert names["Kasachstan"] == "Казахстан"


class Recording:
    """Copies its input and remembers it, to see exactly what an engine is given."""

    description = "recording"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def translate(self, segments: Sequence[str]) -> list[str]:
        self.seen.extend(segments)
        return list(segments)


def test_a_hard_wrapped_paragraph_reaches_the_engine_as_whole_sentences(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        "> Das Minsker Traktorenwerk (**MTZ**) hat mit einem Partner in\n"
        "> Taschkent einen Vertrag unterzeichnet. Das teilte das\n"
        "> **Unternehmen** am Montag mit.\n",
        encoding="utf-8",
    )
    engine = Recording()
    pipeline = make_pipeline("en-GB", source="de", engines={("de", "en"): engine})
    result = localise_file(pipeline, path)
    assert engine.seen == [
        "Das Minsker Traktorenwerk (**MTZ**) hat mit einem Partner in Taschkent einen Vertrag "
        "unterzeichnet.",
        "Das teilte das **Unternehmen** am Montag mit.",
    ]
    assert result.text == (
        "> Das Minsker Traktorenwerk (**MTZ**) hat mit einem Partner in Taschkent einen "
        "Vertrag unterzeichnet. Das teilte das **Unternehmen** am Montag mit.\n"
    )
    assert result.report.warnings == ()


def test_html_line_breaks_inside_a_paragraph_are_spaces_for_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><p>Der Vertrag wurde in\n    <b>Astana</b> unterschrieben.</p></body></html>",
        encoding="utf-8",
    )
    engine = Recording()
    pipeline = make_pipeline("en-GB", source="de", engines={("de", "en"): engine})
    result = localise_file(pipeline, path)
    assert engine.seen == ["Der Vertrag wurde in <b>Astana</b> unterschrieben."]
    assert "<p>Der Vertrag wurde in <b>Astana</b> unterschrieben.</p>" in result.text


def test_report_lists_each_conversion_with_its_entity_and_value(models_dir: Path) -> None:
    report = _pipeline("en-US", models_dir).localise(ARTICLE).report.to_json()
    first = report["conversions"][0]
    assert (first["entity"], first["kind"], first["text"], first["rendering"]) == (
        "date",
        "day_month",
        "15. Januar",
        "January 15",
    )
    money = [c for c in report["conversions"] if c["entity"] == "money"]
    assert [(m["text"], m["amounts"], m["currency"], m["rendering"]) for m in money] == [
        ("$1,1 bis $1,2 Milliarden", [1100000000, 1200000000], "USD", "$1.1–1.2 billion"),
        ("1 Milliarde USD", [1000000000], "USD", "$1 billion"),
    ]
    assert {g["entity"] for g in report["glossary"]} == {"name"}
