"""The glossary: reading files, stacking, matching inflected names, target grammar, tools."""

# Cyrillic in these tables is test data.

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from localise.doc import Doc
from localise.errors import GlossaryError
from localise.stages.glossary import (
    Glossary,
    GlossaryFinder,
    GlossaryRenderer,
    bundled_glossaries,
)
from localise.stages.glossary.inflect import possessive, romanize, word_forms
from localise.stages.glossary.tools import check_glossary, suggest_names, write_suggestions_tsv

REPO = Path(__file__).resolve().parent.parent

HEADER = "id\tkind\tdnt\tde\ten\tru\tde_variants\tru_cases\tnote\n"
ROWS = [
    "lukashenko\tperson\t\tAlexander Lukaschenko\tAleksandr Lukashenko\tАлександр Лукашенко"
    "\t\tgen=Александра Лукашенко\t",
    "mirziyoyev\tperson\t\tShavkat Mirziyoyev\tShavkat Mirziyoyev\tШавкат Мирзиёев"
    "\tSchawkat Mirsijojew\tgen=Шавката Мирзиёева\t",
    "bogdanov\tperson\t\tAlexej Bogdanow\tAleksei Bogdanov\tАлексей Богданов\t\t"
    "gen=Алексея Богданова\t",
    "krutoi\tperson\t\tDmitri Krutoi\tDmitry Krutoi\tДмитрий Крутой\t\t\t",
    "maz\torganisation\tyes\tMAZ\t\tМАЗ\t\t\tnever translated",
    "kazakhstan\tplace\t\tKasachstan\tKazakhstan\tКазахстан\t\t\t",
    "belarus\tplace\t\tBelarus\tBelarus\tБеларусь\tWeißrussland\t\t",
    "minsk\tplace\t\tMinsk\tMinsk\tМинск\t\t\t",
    "minsk_oblast\tplace\t\tGebiet Minsk\tMinsk Oblast\tМинская область\t\t\t",
    "brest_oblast\tplace\t\tGebiet Brest\tBrest Oblast\tБрестская область\t\t\t",
    "eaeu\torganisation\t\tEurasische Wirtschaftsunion\tEurasian Economic Union"
    "\tЕвразийский экономический союз\t\t\t",
]


def matcher(
    glossary: Glossary, source: str, target: str, *, ignore_case: bool = False
) -> Callable[[Doc], Doc]:
    """The glossary's two stages in a row: names found in ``source``, rendered for ``target``."""
    finder = GlossaryFinder(glossary, source, ignore_case=ignore_case)
    renderer = GlossaryRenderer(glossary, source, target)
    return lambda doc: renderer(finder(doc))


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    path = tmp_path / "names.tsv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def glossary(glossary_file: Path) -> Glossary:
    return Glossary.load([glossary_file])


def spans(glossary: Glossary, source: str, target: str, text: str) -> list[tuple[str, str]]:
    doc = matcher(glossary, source, target)(Doc(text))
    return [(span.text, span.rendering or "") for span in doc.spans]


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("source", "target", "text", "expected"),
    [
        # German genitive before a noun is possessive: English 's
        ("de", "en", "Lukaschenkos Plan steht.", [("Lukaschenkos", "Lukashenko's")]),
        ("de", "en", "Bogdanows Besuch", [("Bogdanows", "Bogdanov's")]),
        # after the noun it is not: the base form
        ("de", "en", "der Besuch Bogdanows.", [("Bogdanows", "Bogdanov")]),
        (
            "de",
            "en",
            "Alexander Lukaschenko sagte",
            [("Alexander Lukaschenko", "Aleksandr Lukashenko")],
        ),
        ("de", "en", "Präsident Mirsijojew kam", [("Mirsijojew", "Mirziyoyev")]),
        (
            "de",
            "en",
            "Dmitri Krutoi und Krutoi",
            [("Dmitri Krutoi", "Dmitry Krutoi"), ("Krutoi", "Krutoi")],
        ),
        ("de", "en", "MINSK, 2. Mai", [("MINSK", "MINSK")]),
        ("de", "ru", "MINSK, 2. Mai", [("MINSK", "МИНСК")]),
        ("de", "en", "die MAZ-Busse", [("MAZ", "MAZ")]),
        ("de", "en", "in Weißrussland", [("Weißrussland", "Belarus")]),
        ("de", "en", "im Gebiet Minsk", [("Gebiet Minsk", "Minsk Oblast")]),
        (
            "de",
            "en",
            "der Eurasischen Wirtschaftsunion",
            [("Eurasischen Wirtschaftsunion", "Eurasian Economic Union")],
        ),
        ("de", "en", "A. Lukaschenko", [("A. Lukaschenko", "A. Lukashenko")]),
        # Russian case endings; Лукашенко does not decline
        ("ru", "en", "встреча с Мирзиёевым", [("Мирзиёевым", "Mirziyoyev")]),
        ("ru", "en", "письмо Мирзиёеву", [("Мирзиёеву", "Mirziyoyev")]),
        ("ru", "en", "с Богдановым", [("Богдановым", "Bogdanov")]),
        ("ru", "en", "слова Крутого", [("Крутого", "Krutoi")]),
        ("ru", "en", "сказал А.Лукашенко", [("А.Лукашенко", "A. Lukashenko")]),
        ("ru", "en", "Александром Лукашенко", [("Александром Лукашенко", "Aleksandr Lukashenko")]),
        ("ru", "en", "поставки МАЗа", [("МАЗа", "MAZ")]),
        ("ru", "en", "в Минской области", [("Минской области", "Minsk Oblast")]),
        (
            "ru",
            "en",
            "Минская область и Брестская — тоже",
            [("Минская область", "Minsk Oblast"), ("Брестская", "Brest Oblast")],
        ),
        ("ru", "en", "Брестская крепость", []),
        # English possessive to German genitive
        ("en", "de", "Lukashenko's plan", [("Lukashenko's", "Lukaschenkos")]),
        ("en", "de", "Belarus’ exports", [("Belarus’", "Belarus'")]),
        ("en", "de", "Kazakhstan's economy", [("Kazakhstan's", "Kasachstans")]),
        ("en", "de", "MAZ's buses", [("MAZ", "MAZ")]),
        # Russian target: nominative unless the glossary gives the case form
        ("de", "ru", "Lukaschenkos Plan", [("Lukaschenkos", "Лукашенко")]),
        ("de", "ru", "Bogdanows Besuch", [("Bogdanows", "Богданова")]),
        ("de", "ru", "Krutois Besuch", [("Krutois", "Крутой")]),
        ("en", "ru", "MAZ and Minsk", [("MAZ", "МАЗ"), ("Minsk", "Минск")]),
        # word boundaries, case
        ("de", "en", "MAZDA und lukaschenko", []),
        ("de", "en", "die Minsker Straße", []),
    ],
)
def test_matches_and_renders(
    glossary: Glossary, source: str, target: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(glossary, source, target, text) == expected


def test_same_language_changes_nothing(glossary: Glossary) -> None:
    doc = matcher(glossary, "de", "de")(Doc("Lukaschenkos Ziel in Kasachstan"))
    assert [(s.text, s.rendering, s.alternates) for s in doc.spans] == [
        ("Lukaschenkos", "Lukaschenkos", ()),
        ("Kasachstan", "Kasachstan", ()),
    ]


def test_missing_target_language_keeps_source_and_says_so(glossary: Glossary) -> None:
    (span,) = matcher(glossary, "de", "fr")(Doc("Bogdanow")).spans
    assert span.rendering == "Bogdanow"
    assert span.value.to_json()["target_missing"] is True


def test_do_not_translate_has_its_form_everywhere(glossary: Glossary) -> None:
    (span,) = matcher(glossary, "de", "fr")(Doc("MAZ")).spans
    assert (span.rendering, span.value.to_json()["target_missing"]) == ("MAZ", False)


def test_value_reports_entry_canonical_type_and_target(glossary: Glossary) -> None:
    (span,) = matcher(glossary, "de", "en")(Doc("Lukaschenkos Ziel")).spans
    assert span.to_json() == {
        "text": "Lukaschenkos",
        "start": 0,
        "end": 12,
        "canonical": "Alexander Lukaschenko",
        "type": "person",
        "entry": "lukashenko",
        "target": "Lukashenko's",
        "target_lang": "en",
        "target_missing": False,
        "case": "poss",
        "dnt": False,
        "origin": f"{glossary.paths[0]}:2",
    }


def test_alternates_are_the_other_spellings_not_the_rendering(glossary: Glossary) -> None:
    (span,) = matcher(glossary, "ru", "en")(Doc("Мирзиёевым")).spans
    assert span.rendering == "Mirziyoyev"
    assert "Mirziyoyev" not in span.alternates
    assert {"Мирзиёев", "Schawkat Mirsijojew", "Mirziyoev"} <= set(span.alternates)


def test_ignore_case(glossary: Glossary) -> None:
    doc = matcher(glossary, "de", "en", ignore_case=True)(Doc("lukaschenko"))
    assert [s.rendering for s in doc.spans] == ["Lukashenko"]


def test_leaves_spans_of_earlier_stages_alone(glossary: Glossary) -> None:
    first = matcher(glossary, "de", "en")(Doc("Minsk und Minsk"))
    again = matcher(glossary, "de", "en")(first)
    assert len(again.spans) == 2


WORDS = ["Lukaschenkos", "Kasachstan", "MAZ", "Gebiet", "Minsk", "und", "Ziel", "A.", "–", "'s"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from([" ", "\n", "  ", ""]))
def test_every_span_is_the_text_at_its_offsets(words: list[str], gap: str) -> None:
    glossary = Glossary.load([_write_rows(ROWS)])
    doc = matcher(glossary, "de", "en")(Doc(gap.join(words)))
    for span in doc.spans:
        assert doc.text[span.start : span.end] == span.text
        assert span.rendering


_TMP: list[Path] = []


def _write_rows(rows: list[str]) -> Path:
    # Hypothesis cannot take function-scoped fixtures; one file for all examples.
    if not _TMP:
        import tempfile

        path = Path(tempfile.mkdtemp()) / "names.tsv"
        path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        _TMP.append(path)
    return _TMP[0]


# --------------------------------------------------------------------------- inflection


@pytest.mark.parametrize(
    ("word", "lang", "form", "case"),
    [
        ("Lukaschenko", "de", "Lukaschenkos", "gen"),
        ("Unionsstaat", "de", "Unionsstaates", "gen"),
        ("Belarus", "de", "Belarus'", "gen"),
        ("Lukashenko", "en", "Lukashenko's", "poss"),
        ("Мирзиёев", "ru", "Мирзиёева", "gen"),
        ("Мирзиёев", "ru", "Мирзиёевым", "ins"),
        ("Крутой", "ru", "Крутому", "dat"),
        ("Беларусь", "ru", "Беларусью", "ins"),
        ("Россия", "ru", "Россию", "acc"),
        ("МАЗ", "ru", "МАЗом", "ins"),
    ],
)
def test_word_forms(word: str, lang: str, form: str, case: str) -> None:
    assert word_forms(word, lang)[form] == case


def test_indeclinable_russian_names_have_one_form() -> None:
    assert word_forms("Лукашенко", "ru") == {"Лукашенко": None}


def test_possessive_and_romanize() -> None:
    assert possessive("Minsk", "en") == "Minsk's"
    assert possessive("Brest Oblast", "de") == "Brest Oblasts"
    assert romanize("Богданов") == "Bogdanov"


# --------------------------------------------------------------------------- files


def test_reads_semicolon_csv_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("\ufeffkind;de;en\nplace;Kasachstan;Kazakhstan\n", encoding="utf-8")
    (entry,) = Glossary.load([path]).entries
    assert (entry.id, entry.kind, dict(entry.forms)) == (
        "de:Kasachstan",
        "place",
        {"de": "Kasachstan", "en": "Kazakhstan"},
    )


TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="kind">person</descrip>
  <langSet xml:lang="de">
    <tig><term>Alexej Bogdanow</term></tig><tig><term>A. Bogdanow</term></tig>
  </langSet>
  <langSet xml:lang="en"><tig><term>Aleksei Bogdanov</term></tig></langSet>
</termEntry>
</body></text></martif>
"""
TBX3 = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body><conceptEntry id="maz"><descrip type="doNotTranslate">yes</descrip>
<langSec xml:lang="de"><termSec><term>MAZ</term></termSec></langSec>
</conceptEntry></body></text></tbx>
"""


def test_reads_tbx_2_and_3(tmp_path: Path) -> None:
    (tmp_path / "a.tbx").write_text(TBX2, encoding="utf-8")
    (tmp_path / "b.tbx").write_text(TBX3, encoding="utf-8")
    glossary = Glossary.load([tmp_path / "a.tbx", tmp_path / "b.tbx"])
    person, maz = glossary.entries
    assert (person.id, person.kind, person.forms["en"], person.variants["de"]) == (
        "c1",
        "person",
        "Aleksei Bogdanov",
        ("A. Bogdanow",),
    )
    assert (maz.id, maz.dnt, maz.form("ru"), maz.line) == ("maz", True, "MAZ", 3)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("g.tsv", "de\tfr_variant\nX\tY\n", "g.tsv:1: unknown column 'fr_variant'; expected id, "
         "kind, dnt, note, source, a language code (de, en, ru...) or <lang>_variants, "
         "<lang>_short, <lang>_cases"),
        ("g.tsv", "id\tkind\n", "g.tsv:1: the header names no language column; the first line "
         "must be a header such as 'id<TAB>kind<TAB>de<TAB>en<TAB>ru'"),
        ("g.tsv", "kind\tde\nplace\tMinsk\npersn\tBogdanow\n",
         "g.tsv:3: unknown kind 'persn'; expected person, organisation, place or other"),
        ("g.tsv", "kind\tde\nplace\tMinsk\tx\n",
         "g.tsv:2: row has 3 cells but the header has 2 columns (a stray '\\t'?)"),
        ("g.tsv", "kind\tde\ten\nplace\t\t\n", "g.tsv:2: row has no name in any language column"),
        ("g.tsv", "de\tru_cases\nMinsk\tgen Минска\n", "g.tsv:2: ru_cases: expected case=form "
         "separated by '|' (gen=..., dat=...), not 'gen Минска'"),
        ("g.tsv", "de\tdnt\nMAZ\tmaybe\n", "g.tsv:2: dnt must be yes or empty, not 'maybe'"),
        ("g.tsv", "", "g.tsv: the glossary is empty; it needs a header"),
        ("g.xlsx", "", "g.xlsx: unknown glossary format '.xlsx'; use .tsv, .csv or .tbx"),
        ("g.tbx", "<martif><text>", "g.tbx:1: not well-formed XML: no element found"),
        ("g.tbx", '<!DOCTYPE m [<!ENTITY a "aaaa">]><m/>',
         "g.tbx:1: entity declarations are not allowed in a TBX file (a)"),
    ],
)  # fmt: skip
def test_malformed_files_raise_with_path_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        Glossary.load([path])
    assert str(error.value) == f"{tmp_path}/{message}"


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("de\nMinsk\nWei\xdfrussland\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"g\.tsv:3: not UTF-8 text \(byte 0xdf\); save it"):
        Glossary.load([path])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read the glossary: No such file"):
        Glossary.load([tmp_path / "none.tsv"])


def test_stacking_later_files_win_and_conflicts_are_reported(
    tmp_path: Path, glossary_file: Path
) -> None:
    overlay = tmp_path / "overlay.tsv"
    overlay.write_text(
        "id\tkind\tde\ten\nbogdanov\tperson\tAlexej Bogdanow\tAlexei Bogdanov\n"
        "minsk_city\tplace\tMinsk\tMinsk City\n",
        encoding="utf-8",
    )
    glossary = Glossary.load([glossary_file, overlay])
    assert spans(glossary, "de", "en", "Bogdanow in Minsk") == [
        ("Bogdanow", "Bogdanov"),
        ("Minsk", "Minsk City"),
    ]
    assert glossary.conflict_warnings() == [
        f"glossary conflict: entry 'bogdanov' is defined twice; {overlay}:2 wins over "
        f"{glossary_file}:4",
        f"glossary conflict: 'Minsk' (de) is claimed by 'minsk' and 'minsk_city'; {overlay}:3 "
        f"wins over {glossary_file}:9",
    ]


def test_fingerprint_follows_content_and_order_not_path(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.tsv", tmp_path / "b.tsv", tmp_path / "c.tsv"
    a.write_text("de\nMinsk\n", encoding="utf-8")
    b.write_text("de\nBrest\n", encoding="utf-8")
    c.write_text("de\nMinsk\n", encoding="utf-8")
    assert Glossary.load([a]).fingerprint == Glossary.load([c]).fingerprint
    assert Glossary.load([a, b]).fingerprint != Glossary.load([b, a]).fingerprint


# --------------------------------------------------------------------------- shipped glossary


def test_bundled_glossary_loads_cleanly() -> None:
    (path,) = bundled_glossaries()
    glossary = Glossary.load([path])
    assert glossary.conflicts == ()
    assert len(glossary) > 60
    assert [str(p) for p in check_glossary([path])] == [
        f"{path}:5: warning: 'Крутой' is also a common word in ru; it will match that word "
        "wherever it is capitalised [common-word]"
    ]


@pytest.mark.parametrize(
    "name",
    ["Lukaschenko", "Mirziyoyev", "MAZ", "Bogdanow", "Krutoi", "Mogiljowliftmasch",
     "Bobruiskagromasch", "Kasachstan", "Usbekistan", "Minsk", "Lukaschenkos"],
)  # fmt: skip
def test_bundled_glossary_covers_the_example_articles(name: str) -> None:
    glossary = Glossary.load(bundled_glossaries())
    stages = matcher(glossary, "de", "en")
    found = {
        word
        for path in sorted((REPO / "examples" / "articles").glob("*.txt"))
        for span in stages(Doc(path.read_text(encoding="utf-8"))).spans
        for word in span.text.split()
    }
    assert name in found


# --------------------------------------------------------------------------- check and suggest


def test_check_lists_every_problem(tmp_path: Path) -> None:
    first = tmp_path / "a.tsv"
    first.write_text(
        "id\tkind\tde\ten\tru\n"
        "minsk\tplace\tMinsk\tMinsk\tМинск\n"
        "minsk\tplace\tMinsk\tMinsk\tМинск\n"
        "rat\torganisation\tRat\tCouncil\tСовет\n"
        "mog\tplace\tMogiljow\t\tMogilev\n"
        "x\tthing\tX\tX\tX\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.tsv"
    second.write_text("id\tde\nbrest\tMinsk\n", encoding="utf-8")
    problems = check_glossary([first, second])
    assert [f"{p.line} {p.severity} {p.code}: {p.message}" for p in problems] == [
        "3 warning duplicate: id 'minsk' is also on line 2",
        "4 warning common-word: 'Rat' is also a common word in de; it will match that word "
        "wherever it is capitalised",
        "4 warning common-word: 'Council' is also a common word in en; it will match that word "
        "wherever it is capitalised",
        "5 warning empty-cell: 'mog' has no en form; the source form will be kept there (mark "
        "it dnt if that is meant)",
        "5 warning script: 'Mogilev' is not in the ru column's script (swapped columns?)",
        "6 error kind: unknown kind 'thing'; expected person, organisation, place or other",
        "2 warning conflict: 'Minsk' (de) is claimed by 'minsk' and 'brest'; "
        f"{second}:2 wins over {first}:3",
    ]  # fmt: skip


ARTICLE = (
    "Der Gouverneur Wiktor Petrenko traf in Minsk ein. Petrenko sprach mit Bogdanow über "
    "die Lieferungen. Der Handel wächst, sagte Petrenko. Die Firma Tranzitmasch liefert Busse."
)


def test_suggest_ranks_uncovered_names_by_frequency(glossary: Glossary) -> None:
    candidates = suggest_names([ARTICLE], glossary, "de")
    assert [(c.text, c.count, c.kind) for c in candidates] == [
        ("Petrenko", 2, ""),
        ("Tranzitmasch", 1, ""),
        ("Wiktor Petrenko", 1, "person"),
    ]
    assert candidates[1].example == (
        "andel wächst, sagte Petrenko. Die Firma [Tranzitmasch] liefert Busse."
    )


def test_suggestions_tsv_loads_as_a_glossary(tmp_path: Path, glossary: Glossary) -> None:
    out = io.StringIO()
    write_suggestions_tsv(suggest_names([ARTICLE], glossary, "de"), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "id\tkind\tdnt\tde\ten\tru\tbe\tsource\tnote"
    assert lines[1].startswith("\t\t\tPetrenko\t\t\t\t\tseen 2x in 1 articles: ")
    path = tmp_path / "suggested.tsv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert [e.form("de") for e in Glossary.load([path]).entries][:2] == ["Petrenko", "Tranzitmasch"]


def test_suggest_reads_folders(tmp_path: Path, glossary: Glossary) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (candidate, *_) = suggest_names([tmp_path], glossary, "de")
    assert candidate.occurrences[0][0] == str(tmp_path / "one.txt")
