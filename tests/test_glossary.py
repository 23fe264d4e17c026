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
from localise.stages.glossary.inflect import inflections, possessive, romanize, word_forms
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
    ("word", "lang", "person", "form", "case"),
    [
        ("Lukaschenko", "de", True, "Lukaschenkos", "gen"),
        ("Unionsstaat", "de", False, "Unionsstaates", "gen"),
        ("Belarus", "de", False, "Belarus'", "gen"),
        ("Lukashenko", "en", True, "Lukashenko's", "poss"),
        ("Мирзиёев", "ru", True, "Мирзиёева", "gen"),
        ("Мирзиёев", "ru", True, "Мирзиёевым", "ins"),
        ("Борисов", "ru", False, "Борисовом", "ins"),  # a town in -ов keeps -ом
        ("Крутой", "ru", True, "Крутому", "dat"),
        ("Беларусь", "ru", False, "Беларусью", "ins"),
        ("Россия", "ru", False, "Россию", "acc"),
        ("МАЗ", "ru", False, "МАЗом", "ins"),
    ],
)
def test_word_forms(word: str, lang: str, person: bool, form: str, case: str) -> None:
    assert word_forms(word, lang, person=person)[form] == case


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


# --------------------------------------------------------------------------- shapes of names

SHAPES_HEADER = "id\tkind\tdnt\tde\ten\tru\ten_variants\tru_variants\tru_cases\n"
SHAPES = [
    "poland\tplace\t\tPolen\tPoland\tПольша\t\t\t",
    "sweden\tplace\t\tSchweden\tSweden\tШвеция\t\t\t",
    "belarus\tplace\t\tBelarus\tBelarus\tБеларусь\t\tРеспублика Беларусь\t",
    "russia\tplace\t\tRussland\tRussia\tРоссия\t\t\t",
    "kazakhstan\tplace\t\tKasachstan\tKazakhstan\tКазахстан\t\t\t",
    "union_state\torganisation\t\tUnionsstaat\tUnion State\tСоюзное государство\t\t\t",
    "minsk_oblast\tplace\t\tGebiet Minsk\tMinsk Oblast\tМинская область\t\t\t",
    "eaeu\torganisation\t\tEurasische Wirtschaftsunion\tEurasian Economic Union"
    "\tЕвразийский экономический союз\t\t\t",
    "belaruskali\torganisation\t\tBelaruskali\tBelaruskali\tБеларуськалий\t\t\t",
    "gomel\tplace\t\tGomel\tGomel\tГомель\t\t\tgen=Гомеля|dat=Гомелю|ins=Гомелем|prep=Гомеле",
    "nawrocki\tperson\t\tKarol Nawrocki\tKarol Nawrocki\tКароль Навроцкий\t\t\t",
    "turchin\tperson\t\tAlexander Turtschin\tAleksandr Turchin\tАлександр Турчин\t\t\t",
    "svyrydenko\tperson\t\tJulija Swyrydenko\tYulia Svyrydenko\tЮлия Свириденко\t\t\t",
    "lukashenko\tperson\t\tAlexander Lukaschenko\tAleksandr Lukashenko\tАлександр Лукашенко\t\t\t",
    "putin\tperson\t\tWladimir Putin\tVladimir Putin\tВладимир Путин\t\t\t"
    "gen=Владимира Путина|ins=Владимиром Путиным",
    "baranovichi\tplace\t\tBaranowitschi\tBaranovichi\tБарановичи\t\t\t",
    "uae\tplace\t\tVereinigte Arabische Emirate\tUnited Arab Emirates"
    "\tОбъединённые Арабские Эмираты\tUAE\t\tgen=Объединённых Арабских Эмиратов",
    "grodno\tplace\t\tGrodno\tGrodno\tГродно\t\t\t",
    "tbilisi\tplace\t\tTiflis\tTbilisi\tТбилиси\t\t\t",
    "cis\torganisation\t\tGUS\tCIS\tСНГ\t\t\t",
    "belta\torganisation\tyes\tBelTA\tBelTA\tБЕЛТА\tBelta\tБелТА\t",
    "belaz\torganisation\tyes\tBelAZ\tBelAZ\tБЕЛАЗ\t\tБелАЗ\t",
    "maz\torganisation\tyes\tMAZ\tMAZ\tМАЗ\t\t\t",
    "minsk\tplace\t\tMinsk\tMinsk\tМинск\t\t\t",
]


@pytest.fixture
def shapes(tmp_path: Path) -> Glossary:
    path = tmp_path / "shapes.tsv"
    path.write_text(SHAPES_HEADER + "\n".join(SHAPES) + "\n", encoding="utf-8")
    return Glossary.load([path])


def hits(glossary: Glossary, source: str, target: str, text: str) -> list[tuple[str, ...]]:
    """(text, entry, case recorded, rendering) of each name span."""
    doc = matcher(glossary, source, target)(Doc(text))
    return [(s.text, s.value.entry_id, s.value.case or "", s.rendering or "") for s in doc.spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # feminine places in every case; a preposition picks among forms that share an ending
        ("Товарооборот с Польшей вырос на треть.", ("Польшей", "poland", "ins", "Poland")),
        ("Экспорт из Польши сократился.", ("Польши", "poland", "gen", "Poland")),
        ("Делегация побывала в Польше.", ("Польше", "poland", "prep", "Poland")),
        ("Претензии к Польше остались.", ("Польше", "poland", "dat", "Poland")),
        ("Поставки в Польшу выросли.", ("Польшу", "poland", "acc", "Poland")),
        ("Граница с Беларусью открыта.", ("Беларусью", "belarus", "ins", "Belarus")),
        ("Урожай в Беларуси собран.", ("Беларуси", "belarus", "prep", "Belarus")),
        ("Вывоз из Беларуси растет.", ("Беларуси", "belarus", "gen", "Belarus")),
        ("Переговоры с Россией продолжатся.", ("Россией", "russia", "ins", "Russia")),
        ("Правительство Республики Беларусь решило.",
         ("Республики Беларусь", "belarus", "gen", "Belarus")),
        ("Договор с Республикой Беларусь подписан.",
         ("Республикой Беларусь", "belarus", "ins", "Belarus")),
        # masculine in a consonant: the accusative of a thing is its nominative
        ("Экспорт в Казахстан вырос.", ("Казахстан", "kazakhstan", "acc", "Kazakhstan")),
        ("Казахстан подписал договор.", ("Казахстан", "kazakhstan", "", "Kazakhstan")),
        # adjective + noun, agreeing in every case
        ("Бюджет Союзного государства утвержден.",
         ("Союзного государства", "union_state", "gen", "Union State")),
        ("Помощь Союзному государству оказана.",
         ("Союзному государству", "union_state", "dat", "Union State")),
        ("Он руководит Союзным государством.",
         ("Союзным государством", "union_state", "ins", "Union State")),
        ("Цены в Союзном государстве растут.",
         ("Союзном государстве", "union_state", "prep", "Union State")),
        ("Жители Минской области проголосовали.",
         ("Минской области", "minsk_oblast", "gen", "Minsk Oblast")),
        ("Урожай в Минской области выше.",
         ("Минской области", "minsk_oblast", "prep", "Minsk Oblast")),
        ("Премии по Минской области выплачены.",
         ("Минской области", "minsk_oblast", "dat", "Minsk Oblast")),
        ("Президент посетил Минскую область.",
         ("Минскую область", "minsk_oblast", "acc", "Minsk Oblast")),
        ("Он руководил Минской областью.",
         ("Минской областью", "minsk_oblast", "ins", "Minsk Oblast")),
        ("Торговля с Евразийским экономическим союзом растет.",
         ("Евразийским экономическим союзом", "eaeu", "ins", "Eurasian Economic Union")),
        # masculine in -й and -ь, things and people
        ("Акции Беларуськалия подорожали.", ("Беларуськалия", "belaruskali", "gen", "Belaruskali")),
        ("Контракт с Беларуськалием продлен.",
         ("Беларуськалием", "belaruskali", "ins", "Belaruskali")),
        ("Форум прошел в Гомеле.", ("Гомеле", "gomel", "prep", "Gomel")),
        ("Встреча с Каролем Навроцким прошла в Варшаве.",
         ("Каролем Навроцким", "nawrocki", "ins", "Karol Nawrocki")),
        ("Письмо Навроцкому отправлено.", ("Навроцкому", "nawrocki", "dat", "Nawrocki")),
        ("Премьер встретил Александра Турчина.",
         ("Александра Турчина", "turchin", "gen", "Aleksandr Turchin")),
        # a given case form's surname alone shows that case
        ("По словам Путина, переговоры продолжатся.", ("Путина", "putin", "gen", "Putin")),
        ("Звонок Юлии Свириденко состоялся.",
         ("Юлии Свириденко", "svyrydenko", "gen", "Yulia Svyrydenko")),
        # plural names
        ("Завод в Барановичах расширят.", ("Барановичах", "baranovichi", "prep", "Baranovichi")),
        ("Автобусы из Барановичей пришли.", ("Барановичей", "baranovichi", "gen", "Baranovichi")),
        ("Сделка с Объединёнными Арабскими Эмиратами заключена.",
         ("Объединёнными Арабскими Эмиратами", "uae", "ins", "United Arab Emirates")),
        ("Делегация Объединённых Арабских Эмиратов прибыла.",
         ("Объединённых Арабских Эмиратов", "uae", "gen", "United Arab Emirates")),
        # undeclined: the same form in every case, which then shows none
        ("Встреча с Александром Лукашенко прошла.",
         ("Александром Лукашенко", "lukashenko", "ins", "Aleksandr Lukashenko")),
        ("Он говорил с Лукашенко.", ("Лукашенко", "lukashenko", "", "Lukashenko")),
        ("Ярмарка в Гродно открылась.", ("Гродно", "grodno", "", "Grodno")),
        ("Рейсы в Тбилиси возобновят.", ("Тбилиси", "tbilisi", "", "Tbilisi")),
        ("Саммит СНГ прошел.", ("СНГ", "cis", "", "CIS")),
    ],
)  # fmt: skip
def test_russian_case_forms_are_found_with_their_case(
    shapes: Glossary, text: str, expected: tuple[str, ...]
) -> None:
    assert hits(shapes, "ru", "en", text) == [expected]


@pytest.mark.parametrize(
    ("phrase", "person", "form", "absent"),
    [
        ("Союзное государство", False, "Союзного государства", "Союзного государство"),
        ("Минская область", False, "Минской области", "Минская области"),
        ("Республика Беларусь", False, "Республики Беларусь", "Республики Беларуси"),
        ("Александр Лукашенко", True, "Александра Лукашенко", "Александра Лукашенка"),
        ("Юлия Свириденко", True, "Юлии Свириденко", "Юлия Свириденка"),
    ],
)
def test_words_of_a_name_agree_in_case(phrase: str, person: bool, form: str, absent: str) -> None:
    made = inflections(phrase, "ru", person=person)
    assert form in made
    assert absent not in made


@pytest.mark.parametrize(
    ("source", "text", "entry", "case", "form"),
    [
        ("de", "Der Handel mit Polen wächst.", "poland", "ins", "Польшей"),
        ("de", "Der Handel mit Polen wächst.", "poland", "gen", "Польши"),
        ("en", "Belarus and Poland", "belarus", "ins", "Беларусью"),
        ("de", "im Unionsstaat", "union_state", "dat", "Союзному государству"),
        ("de", "im Unionsstaat", "union_state", "ins", "Союзным государством"),
        ("en", "in Minsk Oblast", "minsk_oblast", "gen", "Минской области"),
        ("en", "in Minsk Oblast", "minsk_oblast", "acc", "Минскую область"),
        ("en", "in Minsk Oblast", "minsk_oblast", "ins", "Минской областью"),
        ("en", "Gomel", "gomel", "ins", "Гомелем"),  # given in ru_cases
        ("en", "Karol Nawrocki", "nawrocki", "acc", "Кароля Навроцкого"),
        ("en", "Baranovichi", "baranovichi", "prep", "Барановичах"),
        ("en", "Aleksandr Lukashenko", "lukashenko", "ins", "Александром Лукашенко"),
        ("en", "Grodno", "grodno", "ins", "Гродно"),
    ],
)
def test_russian_target_has_every_case_form(
    shapes: Glossary, source: str, text: str, entry: str, case: str, form: str
) -> None:
    doc = matcher(shapes, source, "ru")(Doc(text))
    (value,) = [s.value for s in doc.spans if s.value.entry_id == entry]
    assert value.in_case(case) == form
    assert form in value.target_forms


@pytest.mark.parametrize(
    ("source", "target", "text", "expected"),
    [
        # the agency's name in another script than the text's, rendered for the target
        ("en", "en", "5 May (БЕЛТА) – Exports grew.", [("БЕЛТА", "belta", "", "БЕЛТА")]),
        ("en", "de", "5 May (БЕЛТА) – Exports grew.", [("БЕЛТА", "belta", "", "BelTA")]),
        ("en", "ru", "as БелТА reported", [("БелТА", "belta", "", "БЕЛТА")]),
        ("ru", "en", "сообщили корреспонденту BELTA в ведомстве",
         [("BELTA", "belta", "", "BelTA")]),
        ("ru", "en", "По данным BelTA, экспорт вырос.", [("BelTA", "belta", "", "BelTA")]),
        ("ru", "de", "передает Belta.", [("Belta", "belta", "", "BelTA")]),
        ("de", "ru", "berichtete БЕЛТА am Montag", [("БЕЛТА", "belta", "", "БЕЛТА")]),
        # two names joined by a hyphen are two names; a name inside a compound is not
        ("en", "de", "Belarus-Russia trade grew.",
         [("Belarus", "belarus", "", "Belarus"), ("Russia", "russia", "", "Russland")]),
        ("ru", "en", "трасса Минск-Гомель", [("Минск", "minsk", "", "Minsk"),
                                             ("Гомель", "gomel", "", "Gomel")]),
        ("ru", "en", "агентство Минск-Новости", []),
    ],
)  # fmt: skip
def test_names_in_another_script_and_joined_names(
    shapes: Glossary, source: str, target: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert hits(shapes, source, target, text) == expected


@pytest.mark.parametrize(
    ("source", "target", "text", "brand", "model", "rendering"),
    [
        ("en", "ru", "The BelAZ-75306 dump truck was shipped.", "BelAZ", "75306", "БелАЗ"),
        ("en", "ru", "a BelAZ 75306 mining truck", "BelAZ", "75306", "БелАЗ"),
        ("en", "de", "a BelAZ 75306 mining truck", "BelAZ", "75306", "BelAZ"),
        ("de", "ru", "Der Muldenkipper BELAZ-7558E fährt.", "BELAZ", "7558E", "БЕЛАЗ"),
        ("ru", "en", "Автобусы МАЗ-203 вышли на линии.", "МАЗ", "203", "MAZ"),
        ("ru", "en", "Самосвал БелАЗ-75710 испытан.", "БелАЗ", "75710", "BelAZ"),
        ("ru", "de", "Самосвал БЕЛАЗ 75306 отгружен.", "БЕЛАЗ", "75306", "BelAZ"),
        ("en", "ru", "MAZ-6312C9 trucks", "MAZ", "6312C9", "МАЗ"),
        # a place's name in capitals before a model is a brand the glossary does not spell
        ("de", "ru", "Traktoren BELARUS 820 wurden geliefert.", "BELARUS", "820", "BELARUS"),
        ("en", "ru", "the BELARUS-1221.3 tractor", "BELARUS", "1221.3", "BELARUS"),
        ("ru", "en", "трактор BELARUS 3522 представлен", "BELARUS", "3522", "BELARUS"),
    ],
)
def test_brand_with_model_digits_is_a_product(
    shapes: Glossary, source: str, target: str, text: str, brand: str, model: str, rendering: str
) -> None:
    (span,) = matcher(shapes, source, target)(Doc(text)).spans
    assert (span.text, span.rendering, span.value.model) == (brand, rendering, model)
    assert span.to_json()["type"] == "product"
    assert span.value.case is None


@pytest.mark.parametrize(
    ("source", "text", "name", "kind"),
    [
        ("de", "In Belarus 7,92 Mio. t Getreide", "Belarus", "location"),  # a decimal
        ("de", "MAZ 2024 mit Gewinn", "MAZ", "organization"),  # a year
        ("de", "die BelAZ-Muldenkipper", "BelAZ", "organization"),  # a compound noun
        ("en", "MINSK 5 (BelTA)", "MINSK", "location"),  # one digit after a place
        ("en", "MAZ's buses", "MAZ", "organization"),
        ("ru", "выпуск МАЗа вырос на 12%", "МАЗа", "organization"),
        ("de", "Sender Belarus 1 berichtete", "Belarus", "location"),
    ],
)
def test_brand_without_model_is_the_organisation(
    shapes: Glossary, source: str, text: str, name: str, kind: str
) -> None:
    spans = [s for s in matcher(shapes, source, "en")(Doc(text)).spans if s.text == name]
    assert [(s.to_json()["type"], s.value.model) for s in spans] == [(kind, "")]


def test_product_agrees_with_the_literal_of_its_model() -> None:
    from localise.stages.literals import Literals

    glossary = Glossary.load(bundled_glossaries())
    doc = GlossaryFinder(glossary, "ru")(Literals()(Doc("Завод выпустил МАЗ-5440 и БелАЗ-75306.")))
    assert [(s.kind, s.text) for s in doc.spans] == [
        ("name", "МАЗ"), ("literal", "5440"), ("name", "БелАЗ"), ("literal", "75306"),
    ]  # fmt: skip
    assert [s.value.to_json() for s in doc.spans if s.kind == "name"] == [
        {"entry": "maz", "case": None, "type": "product", "model": "5440"},
        {"entry": "belaz", "case": None, "type": "product", "model": "75306"},
    ]
    rendered = GlossaryRenderer(glossary, "ru", "en")(doc)
    assert [s.rendering for s in rendered.spans] == ["MAZ", "5440", "BelAZ", "75306"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Polen wählen im Mai.", []),
        ("Viele junge Polen arbeiten in Belarus.", [("Belarus", "belarus", "", "Belarus")]),
        ("Das Visum gilt auch für den Polen nicht.", []),
        ("Die Mehrheit der Polen ist dafür.", []),
        ("Rund 2000 Polen kamen zum Fest.", []),
        ("Die Schweden bauen das Werk.", []),
        ("Die Grenze zu Polen ist offen.", [("Polen", "poland", "", "Poland")]),
        ("Polen und Litauen stimmten zu.", [("Polen", "poland", "", "Poland")]),
        ("Das heutige Polen exportiert mehr.", [("Polen", "poland", "", "Poland")]),
        ("Die Exporte nach Schweden stiegen.", [("Schweden", "sweden", "", "Sweden")]),
        ("die Polen-Reise des Ministers", [("Polen", "poland", "", "Poland")]),
    ],
)
def test_nationality_nouns_spelled_like_the_country(
    shapes: Glossary, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert hits(shapes, "de", "en", text) == expected


# --------------------------------------------------------------------------- cases to give


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("gomel\tplace\tГомель\t",
         "'Гомель' (ru): the rules cannot tell the gender of 'Гомель' (masculine 'Гомелем' or "
         "feminine 'Гомелью'), so its gen, dat, ins, prep forms are guesses; add them as "
         "ru_cases = gen=Гомеля|dat=Гомелю|ins=Гомелем|prep=Гомеле (the rules' guess: check it)"),
        ("gomel\tplace\tГомель\tgen=Гомеля|ins=Гомелем",
         "'Гомель' (ru): the rules cannot tell the gender of 'Гомель' (masculine 'Гомелем' or "
         "feminine 'Гомелью'), so its dat, prep forms are guesses; add them as ru_cases = "
         "dat=Гомелю|prep=Гомеле (the rules' guess: check it)"),
        ("rahmon\tperson\tЭмомали Рахмон\tgen=Эмомали Рахмона",
         "'Эмомали Рахмон' (ru): the rules cannot tell the gender of 'Эмомали Рахмон' (neither "
         "name's ending shows it), so its dat, acc, ins, prep forms are guesses; add them as "
         "ru_cases = dat=Эмомали Рахмону|acc=Эмомали Рахмона|ins=Эмомали Рахмоном|"
         "prep=Эмомали Рахмоне (the rules' guess: check it)"),
        ("cherkassy\tplace\tЧеркассы\t",
         "'Черкассы' (ru): the rules cannot tell the genitive plural of 'Черкассы' ('-ов', "
         "'-ей' or no ending), so its gen forms are guesses; add them as ru_cases = "
         "gen=Черкассов (the rules' guess: check it)"),
    ],
)  # fmt: skip
def test_check_asks_for_the_cases_the_rules_only_guess(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(f"id\tkind\tru\tru_cases\n{row}\n", encoding="utf-8")
    assert [(p.code, p.message) for p in check_glossary([path])] == [("inflection", message)]


@pytest.mark.parametrize(
    "row",
    [
        "gomel\tplace\tГомель\tgen=Гомеля|dat=Гомелю|ins=Гомелем|prep=Гомеле",
        "oblast\tplace\tМинская область\t",  # -сть is feminine
        "kremlin\tplace\tКремль\t",  # -ль after a consonant is masculine
        "baranovichi\tplace\tБарановичи\t",  # -ичи: genitive -ичей
        "lukashenko\tperson\tАлександр Лукашенко\t",
        "tusk\tperson\tДональд Туск\t",
        "ruginiene\tperson\tИнга Ругинене\t",
        "cis\torganisation\tСНГ\t",
    ],
)
def test_check_is_quiet_where_the_rules_are_sure(tmp_path: Path, row: str) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(f"id\tkind\tru\tru_cases\n{row}\n", encoding="utf-8")
    assert check_glossary([path]) == []
