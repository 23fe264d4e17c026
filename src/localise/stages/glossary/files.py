"""Reading glossary files: TSV and CSV tables, TBX term bases.

Every malformed row becomes a :class:`Problem` with its line number, so ``localise glossary
check`` lists them all, and :meth:`Glossary.load <.store.Glossary.load>` raises the first.
Anything else wrong with a file (undecodable bytes, an encoding Python does not know, XML
nested deeper than :data:`MAX_TBX_DEPTH`) is a :class:`~localise.errors.GlossaryError`.

Every cell is text, whatever it starts with: "=SUM(A1)", "+375 17 123", "@belta" are names
like any other. The one exception is the CSV-injection defence localise writes (see
:func:`.tools.write_suggestions_tsv`): an apostrophe before ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is dropped, so what localise wrote reads back as it was meant, as a
spreadsheet shows it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from ...errors import GlossaryError
from .inflect import CASES, Case

EntryKind = Literal["person", "organisation", "place", "other"]
KINDS: tuple[EntryKind, ...] = ("person", "organisation", "place", "other")
_KIND_ALIASES: dict[str, EntryKind] = {
    **{kind: kind for kind in KINDS},
    "organization": "organisation",
    "org": "organisation",
    "location": "place",
    "loc": "place",
    "per": "person",
}
#: The gold files' vocabulary for a span's ``type``.
GOLD_TYPES: dict[EntryKind, str] = {
    "person": "person",
    "organisation": "organization",
    "place": "location",
    "other": "other",
}
FORMATS = (".tsv", ".csv", ".tbx")
RESERVED_COLUMNS = ("id", "kind", "dnt", "note", "source")
LANGUAGE_SUFFIXES = ("variants", "short", "cases")
VARIANT_SEPARATOR = "|"
_LANG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
#: How deep a TBX file's elements may nest (TBX itself needs about six levels).
MAX_TBX_DEPTH = 64
#: Characters that make a spreadsheet read a cell as a formula; see :func:`formula_safe`.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_YES = {"yes", "y", "x", "true", "1", "ja", "да"}
_NO = {"", "no", "n", "false", "0", "nein", "нет"}


@dataclass(frozen=True)
class Entry:
    """One concept: its written form in each language, and how to treat it."""

    id: str
    kind: EntryKind
    forms: Mapping[str, str]
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    shorts: Mapping[str, str] = field(default_factory=dict)
    cases: Mapping[str, Mapping[Case, str]] = field(default_factory=dict)
    dnt: bool = False
    note: str = ""
    source: str = ""
    path: str = ""
    line: int = 0

    @property
    def origin(self) -> str:
        """Where the entry was read: ``path:line``."""
        return f"{self.path}:{self.line}"

    def explicit_forms(self) -> Iterable[tuple[str, str]]:
        """(language, form) for each form and variant the file gives."""
        yield from self.forms.items()
        for lang, variants in self.variants.items():
            for variant in variants:
                yield lang, variant

    def form(self, lang: str) -> str | None:
        """The form for ``lang``; a do-not-translate entry has its one form everywhere."""
        if lang in self.forms:
            return self.forms[lang]
        if self.dnt and self.forms:
            return next(iter(self.forms.values()))
        return None

    def short(self, lang: str) -> str | None:
        """A person's surname alone ("Lukaschenko"): the explicit short form or the last word."""
        if lang in self.shorts:
            return self.shorts[lang] or None
        form = self.form(lang)
        if self.kind != "person" or form is None or " " not in form:
            return None
        return form.rsplit(" ", 1)[1]

    def _content(self) -> tuple[Any, ...]:
        def frozen(mapping: Mapping[Any, Any]) -> tuple[Any, ...]:
            return tuple(sorted((k, str(v)) for k, v in mapping.items()))

        return (
            self.kind,
            frozen(self.forms),
            frozen(self.variants),
            frozen(self.shorts),
            frozen({k: frozen(v) for k, v in self.cases.items()}),
            self.dnt,
        )


@dataclass(frozen=True)
class Problem:
    """Something wrong with a glossary file: ``error`` stops loading, ``warning`` does not."""

    path: str
    line: int | None
    severity: Literal["error", "warning"]
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


# --------------------------------------------------------------------------- reading files


def read_glossary_file(path: Path | str) -> tuple[list[Entry], list[Problem], bytes]:
    """Parse one file: its entries, every problem found (with line numbers), its bytes.

    Only unreadable files raise (:class:`GlossaryError`); malformed rows are problems, so
    ``localise glossary check`` can list them all.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise GlossaryError(
            path, f"unknown glossary format {suffix or '(none)'!r}; use .tsv, .csv or .tbx"
        )
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(path, f"cannot read the glossary: {exc.strerror}") from exc
    if suffix == ".tbx":
        entries, problems = _read_tbx(path, content)
        return entries, problems, content
    # A spreadsheet's "Unicode text" export is UTF-16 with a byte-order mark.
    utf16 = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        text = content.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise GlossaryError(
            path,
            f"not {'UTF-16' if utf16 else 'UTF-8'} text (byte 0x{content[exc.start]:02x}); "
            f"save it as UTF-8",
            line,
        ) from exc
    entries, problems = _read_table(path, text, "\t" if suffix == ".tsv" else _delimiter(text))
    return entries, problems, content


def _delimiter(text: str) -> str:
    # Spreadsheets in German or Russian locales save CSV with semicolons.
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


@dataclass(frozen=True)
class _Columns:
    names: tuple[str, ...]
    languages: tuple[str, ...]


def _read_header(path: Path, cells: list[str]) -> tuple[_Columns | None, list[Problem]]:
    problems: list[Problem] = []
    names = tuple(cell.strip().lower().replace(" ", "_") for cell in cells)
    languages: list[str] = []
    for name in names:
        base, _, suffix = name.partition("_")
        if name in RESERVED_COLUMNS:
            continue
        if _LANG.fullmatch(name):
            languages.append(name)
        elif not (_LANG.fullmatch(base) and suffix in LANGUAGE_SUFFIXES):
            problems.append(
                _error(
                    path,
                    1,
                    "column",
                    f"unknown column {name!r}; expected "
                    f"{', '.join(RESERVED_COLUMNS)}, a language code (de, en, ru...) or "
                    f"<lang>_variants, <lang>_short, <lang>_cases",
                )
            )
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(_error(path, 1, "column", f"column {name!r} appears twice"))
    if not languages:
        problems.append(
            _error(
                path,
                1,
                "column",
                "the header names no language column; the first line must be a header such as "
                "'id<TAB>kind<TAB>de<TAB>en<TAB>ru'",
            )
        )
    if problems:
        return None, problems
    return _Columns(names, tuple(languages)), problems


def _read_table(path: Path, text: str, delimiter: str) -> tuple[list[Entry], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    entries: list[Entry] = []
    problems: list[Problem] = []
    columns: _Columns | None = None
    line = 1
    for cells in _rows(path, reader, problems):
        cells = [_unescaped(cell) for cell in cells]
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
            continue
        if columns is None:
            columns, header_problems = _read_header(path, cells)
            if columns is None:
                return [], header_problems
            continue
        if len(cells) > len(columns.names):
            problems.append(
                _error(
                    path,
                    start,
                    "cells",
                    f"row has {len(cells)} cells but the "
                    f"header has {len(columns.names)} columns (a stray {delimiter!r}?)",
                )
            )
            continue
        row = dict(zip(columns.names, cells, strict=False))  # short rows: empty cells
        entry, row_problems = _entry_from_row(path, start, row, columns.languages)
        problems.extend(row_problems)
        if entry is not None:
            entries.append(entry)
    if columns is None:
        problems.append(_error(path, None, "empty", "the glossary is empty; it needs a header"))
    return entries, problems


def _rows(path: Path, reader: Any, problems: list[Problem]) -> Iterator[list[str]]:
    """The reader's rows; a table the csv module cannot read on is a problem where it stops."""
    try:
        yield from reader
    except csv.Error as exc:  # a cell over the csv module's size limit: an unclosed quote
        problems.append(
            _error(
                path,
                reader.line_num,
                "table",
                f"the table cannot be read past this line ({exc}); is a '\"' left unclosed?",
            )
        )


def formula_safe(cell: str) -> str:
    """A cell as localise writes it into CSV or TSV: with an apostrophe before a leading
    ``=``, ``+``, ``-``, ``@``, tab or carriage return, which a spreadsheet would otherwise run
    as a formula (the OWASP CSV-injection defence). Reading drops the apostrophe again."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _unescaped(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def _entry_from_row(
    path: Path, line: int, row: Mapping[str, str], languages: Sequence[str]
) -> tuple[Entry | None, list[Problem]]:
    problems: list[Problem] = []
    forms = {lang: _clean(row.get(lang, "")) for lang in languages}
    forms = {lang: form for lang, form in forms.items() if form}
    variants = {}
    shorts = {}
    cases: dict[str, Mapping[Case, str]] = {}
    for name, cell in row.items():
        lang, _, suffix = name.partition("_")
        if suffix == "variants" and cell.strip():
            variants[lang] = tuple(
                v for v in (_clean(part) for part in cell.split(VARIANT_SEPARATOR)) if v
            )
        elif suffix == "short" and cell.strip():
            shorts[lang] = "" if cell.strip() == "-" else _clean(cell)
        elif suffix == "cases" and cell.strip():
            parsed = _parse_cases(cell)
            if isinstance(parsed, str):
                problems.append(_error(path, line, "cases", f"{name}: {parsed}"))
            else:
                cases[lang] = parsed
    kind_cell = row.get("kind", "").strip().lower()
    kind = _KIND_ALIASES.get(kind_cell or "other")
    if kind is None:
        problems.append(
            _error(
                path,
                line,
                "kind",
                f"unknown kind {kind_cell!r}; expected person, organisation, place or other",
            )
        )
    dnt_cell = row.get("dnt", "").strip().lower()
    if dnt_cell not in _YES | _NO:
        problems.append(_error(path, line, "dnt", f"dnt must be yes or empty, not {dnt_cell!r}"))
    if not forms:
        problems.append(_error(path, line, "no-form", "row has no name in any language column"))
    if problems or kind is None:
        return None, problems
    entry_id = _clean(row.get("id", "")) or _default_id(forms)
    return Entry(
        id=entry_id,
        kind=kind,
        forms=MappingProxyType(forms),
        variants=MappingProxyType(variants),
        shorts=MappingProxyType(shorts),
        cases=MappingProxyType(cases),
        dnt=dnt_cell in _YES - {""},
        note=row.get("note", "").strip(),
        source=row.get("source", "").strip(),
        path=str(path),
        line=line,
    ), problems


def _default_id(forms: Mapping[str, str]) -> str:
    lang, form = next(iter(forms.items()))
    return f"{lang}:{form}"


def _parse_cases(cell: str) -> Mapping[Case, str] | str:
    """``gen=Лукашенко|dat=Лукашенко`` → {gen: ..., dat: ...}, or a message saying what is wrong."""
    cases: dict[Case, str] = {}
    for part in cell.split(VARIANT_SEPARATOR):
        name, equals, form = part.partition("=")
        name = name.strip().lower()
        if not equals or not form.strip():
            return f"expected case=form separated by '|' (gen=..., dat=...), not {part.strip()!r}"
        case = next((c for c in CASES if c == name), None)
        if case is None:
            return f"unknown case {name!r}; expected one of {', '.join(CASES)}"
        cases[case] = _clean(form)
    return MappingProxyType(cases)


def _clean(cell: str) -> str:
    return " ".join(unicodedata.normalize("NFC", cell).split())


def _error(path: Path | str, line: int | None, code: str, message: str) -> Problem:
    return Problem(str(path), line, "error", code, message)


# --------------------------------------------------------------------------- TBX

_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
_CONCEPT = {"termEntry", "conceptEntry"}
_LANGUAGE = {"langSet", "langSec"}
_KIND_TYPES = {"kind", "entityType", "conceptType", "nameType"}


@dataclass
class _Element:
    """An XML element with the line it starts on (ElementTree does not keep lines)."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def iter(self, *tags: str) -> Iterator[_Element]:
        """The descendants with one of these tags, in document order."""
        pending = list(reversed(self.children))
        while pending:
            element = pending.pop()
            if element.tag in tags:
                yield element
            pending.extend(reversed(element.children))

    def all_text(self) -> str:
        """The element's own text, then each child's ``all_text`` in order."""
        parts: list[str] = []
        pending: list[_Element | str] = [self]
        while pending:
            item = pending.pop()
            if isinstance(item, str):
                parts.append(item)
            else:
                pending.extend(reversed([*item.text, *item.children]))
        return "".join(parts)


def _parse_xml(path: Path, content: bytes) -> _Element:
    # pyexpat directly: the standard library's parser, with the line numbers ElementTree
    # drops. Entity declarations are refused outright (no entity expansion attacks), and
    # external DTDs are never fetched.
    import pyexpat

    parser = pyexpat.ParserCreate(namespace_separator=" ")
    root = _Element("#document", {}, 0)
    stack = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) > MAX_TBX_DEPTH:
            raise GlossaryError(
                path,
                f"elements nested more than {MAX_TBX_DEPTH} levels deep; a TBX file nests "
                f"about six (martif, text, body, termEntry, langSet, tig, term): check the file",
                parser.CurrentLineNumber,
            )
        element = _Element(name.rsplit(" ", 1)[-1], attrs, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    def end(name: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].text.append(data)

    def entity(name: str, *args: Any) -> None:
        raise GlossaryError(
            path,
            f"entity declarations are not allowed in a TBX file ({name})",
            parser.CurrentLineNumber,
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(content, True)
    except pyexpat.ExpatError as exc:
        raise GlossaryError(
            path, f"not well-formed XML: {pyexpat.errors.messages[exc.code]}", exc.lineno
        ) from exc
    except LookupError as exc:  # <?xml encoding="..."?> names an encoding Python lacks
        raise GlossaryError(
            path,
            f"the XML declaration names an encoding Python does not know ({exc}); save the "
            f"file as UTF-8",
            1,
        ) from exc
    return root


def _read_tbx(path: Path, content: bytes) -> tuple[list[Entry], list[Problem]]:
    root = _parse_xml(path, content)
    entries: list[Entry] = []
    problems: list[Problem] = []
    concepts = list(root.iter(*_CONCEPT))
    if not concepts:
        problems.append(_error(path, None, "empty", "no termEntry or conceptEntry in the TBX file"))
    for concept in concepts:
        forms: dict[str, str] = {}
        variants: dict[str, tuple[str, ...]] = {}
        for language in concept.iter(*_LANGUAGE):
            lang = language.attrs.get(_XML_LANG, "").strip().lower()
            terms = [_clean(term.all_text()) for term in language.iter("term")]
            terms = [term for term in terms if term]
            if not lang or not _LANG.fullmatch(lang):
                problems.append(
                    _error(
                        path,
                        language.line,
                        "language",
                        f"{language.tag} needs an xml:lang such as 'de', not {lang!r}",
                    )
                )
            elif terms:
                forms.setdefault(lang, terms[0])
                variants[lang] = (*variants.get(lang, ()), *terms[1:])
        kind: EntryKind = "other"
        dnt = False
        for note in concept.iter("descrip", "admin", "termNote"):
            note_type, value = note.attrs.get("type", ""), note.all_text().strip().lower()
            if note_type in _KIND_TYPES and value in _KIND_ALIASES:
                kind = _KIND_ALIASES[value]
            elif note_type == "doNotTranslate":
                dnt = value in _YES
        if not forms:
            problems.append(_error(path, concept.line, "no-form", f"{concept.tag} has no term"))
            continue
        notes = [_clean(n.all_text()) for n in concept.iter("note")]
        entries.append(
            Entry(
                id=concept.attrs.get("id") or _default_id(forms),
                kind=kind,
                forms=MappingProxyType(forms),
                variants=MappingProxyType({k: v for k, v in variants.items() if v}),
                dnt=dnt,
                note="; ".join(n for n in notes if n),
                path=str(path),
                line=concept.line,
            )
        )
    return entries, problems
