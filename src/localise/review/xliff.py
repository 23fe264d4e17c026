"""XLIFF 1.2 out and back in: an article's sentences for post-editing in a CAT tool.

One file per article, built from its report (see :mod:`localise.alignment`)::

    <xliff version="1.2">
      <file original="news/a.txt" source-language="de" target-language="en-GB" datatype="plaintext">
        <header>  the tool, the article's identity (path, output, target, status, engine, article
                  date) and the report's signature as <prop>s, and the findings in a <note>
        <body>
          <group id="b2" restype="x-localise-lead">          one per paragraph
            <trans-unit id="3" xml:space="preserve">         one per sentence
              <source>… <mrk mtype="x-localise-money" comment="7,100,000,000 USD …">7,1 Milliarden
                      Dollar</mrk> …</source>
              <target state="needs-review-translation">… $7.1 billion …</target>
              <alt-trans origin="localise"><target>the machine translation</target></alt-trans>
              <note from="localise" priority="2">warning (value-differs): …</note>

Glossary names are ``<mrk mtype="protected">``, dates, amounts and numbers ``<mrk
mtype="x-localise-date|money|number">``, each with its value, rendering and check status in
``comment``; file syntax inside a sentence (an HTML tag, a Markdown link target) is a ``<ph>``
holding the code, so a CAT tool shows it as a tag. A unit a finding that needs a look (a
warning or an error) touches is ``needs-review-translation``, every other ``translated``.
Characters XML cannot carry (a form feed) travel as ``<ph ctype="x-localise-char">U+000C</ph>``.

Reading back (:func:`read_xliff`) refuses a DOCTYPE and entity declarations before the
document is parsed (what defusedxml guards against), and takes each unit's target text with
its inline codes; a unit without a target keeps the machine translation.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from xml.parsers import expat

from .._version import __version__
from ..errors import InputError
from .reports import ReportFile, entry, value_text

__all__ = ["NS", "XliffArticle", "XliffUnit", "read_xliff", "xliff"]

NS = "urn:oasis:names:tc:xliff:document:1.2"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: What XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATATYPES = {".txt": "plaintext", ".md": "x-markdown", ".markdown": "x-markdown",
              ".html": "html", ".htm": "html", ".json": "x-json"}  # fmt: skip
_PRIORITY = {"error": "1", "warning": "2", "info": "5"}
_STRUCTURE = {"xliff", "file", "header", "body", "group", "trans-unit", "alt-trans", "prop-group"}


def _q(tag: str) -> str:
    """An XLIFF element's qualified name, as ElementTree reads it."""
    return f"{{{NS}}}{tag}"


def xliff(report: ReportFile, *, source_file: Path | None = None) -> bytes:
    """The XLIFF 1.2 file of one report (see the module docstring), as UTF-8 bytes; the same
    report always gives the same bytes. ``source_file``: where the source article is (its
    absolute path), recorded for ``merge`` beside the path as the run saw it."""
    data = report.data
    path = str(data.get("path") or report.relative)
    language = data.get("language") or {}
    root = ET.Element("xliff", {"version": "1.2", "xmlns": NS})
    file = ET.SubElement(
        root,
        "file",
        {
            "original": path,
            "source-language": str(language.get("source") or "und"),
            "target-language": str(data["target"]),
            "datatype": _DATATYPES.get(PurePosixPath(path).suffix.lower(), "plaintext"),
            "tool-id": "localise",
        },
    )
    _header(ET.SubElement(file, "header"), report, source_file)
    body = ET.SubElement(file, "body")
    findings = report.findings
    blocks = data.get("blocks") or []
    groups: dict[int, ET.Element] = {}
    for number, unit in enumerate(data.get("units") or [], 1):
        index = int(unit["block"])
        if index not in groups:
            kind = str(blocks[index]["kind"]) if index < len(blocks) else "paragraph"
            groups[index] = ET.SubElement(
                body, "group", {"id": f"b{index + 1}", "restype": f"x-localise-{kind}"}
            )
        block = blocks[index]
        source = str(block["text"])[unit["start"] - block["start"] : unit["end"] - block["start"]]
        _unit(groups[index], number, source, unit, data, findings)
    _indent(root)
    # The namespace is an attribute of the root, its elements unqualified: ElementTree then
    # writes a default namespace without registering one for the whole process.
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    # A parser reads a carriage return in text as a line feed (XML's end-of-line handling);
    # as a character reference it stays one, so a CRLF file comes back byte for byte.
    # ElementTree writes one raw only in text (attributes have it escaped already).
    return written.replace(b"\r", b"&#13;") + b"\n"


def _header(header: ET.Element, report: ReportFile, source_file: Path | None) -> None:
    data = report.data
    ET.SubElement(
        header,
        "tool",
        {"tool-id": "localise", "tool-name": "localise", "tool-version": __version__},
    )
    props = ET.SubElement(header, "prop-group", {"name": "localise"})
    identity = {
        "path": data.get("path"),
        "source-file": str(source_file) if source_file is not None else None,
        "output": report.relative,
        "target": data.get("target"),
        "status": data.get("status"),
        "engine": data.get("engine"),
        "article-date": data.get("article_date"),
        "signature": json.dumps(data.get("signature") or {}, ensure_ascii=False, sort_keys=True),
    }
    for name, value in identity.items():
        if value is not None:
            ET.SubElement(props, "prop", {"prop-type": name}).text = _xml_text(str(value))
    needs = report.needs_look
    summary = (
        f"localise {__version__}: {data.get('path')} into {data.get('target')}; "
        f"{len(report.findings)} findings, {needs} to look at"
    )
    ET.SubElement(header, "note", {"from": "localise"}).text = _xml_text(summary)


def _unit(
    group: ET.Element,
    number: int,
    source: str,
    unit: Mapping[str, Any],
    data: Mapping[str, Any],
    findings: Sequence[Mapping[str, Any]],
) -> None:
    element = ET.SubElement(group, "trans-unit", {"id": str(number), _XML_SPACE: "preserve"})
    marks = unit.get("marks") or []
    flags = unit.get("findings") or []
    mine = [findings[int(f["index"])] for f in flags if int(f["index"]) < len(findings)]
    needs = any(f.get("severity") in ("warning", "error") for f in mine)
    start = int(unit["start"])
    source_marks = [
        (m["source"][0] - start, m["source"][1] - start, i, m) for i, m in enumerate(marks)
    ]
    _inline(ET.SubElement(element, "source"), source, source_marks, data, side="source")
    target_marks = [
        (m["target"][0], m["target"][1], i, m) for i, m in enumerate(marks) if m["target"]
    ]
    state = "needs-review-translation" if needs else "translated"
    target = ET.SubElement(element, "target", {"state": state})
    _inline(target, str(unit["target"]), target_marks, data, side="target")
    alternative = ET.SubElement(element, "alt-trans", {"origin": "localise"})
    _inline(ET.SubElement(alternative, "target"), str(unit["target"]), [], data, side="target")
    for finding in mine:
        severity = str(finding.get("severity"))
        text = f"{severity} ({finding.get('kind')}): {finding.get('message')}"
        note = ET.SubElement(
            element,
            "note",
            {"from": "localise", "priority": _PRIORITY.get(severity, "5"), "annotates": "target"},
        )
        note.text = _xml_text(text)


def _inline(
    parent: ET.Element,
    text: str,
    marks: Sequence[tuple[int, int, int, Mapping[str, Any]]],
    data: Mapping[str, Any],
    *,
    side: str,
) -> None:
    """``text`` into ``parent`` with each mark as an inline element (overlaps left out)."""
    position = 0
    last: ET.Element | None = None
    for start, end, index, mark in sorted(marks, key=lambda m: (m[0], m[1])):
        if start < position or end > len(text) or start >= end:
            continue
        last = _put(parent, last, text[position:start])
        last = _mark(parent, text[start:end], index, mark, data, side)
        position = end
    _put(parent, last, text[position:])


def _put(parent: ET.Element, last: ET.Element | None, text: str) -> ET.Element | None:
    """Append ``text`` to ``parent`` after its child ``last`` (None: at its start); each
    character XML cannot carry becomes a ``<ph>``. The last child written is returned."""
    position = 0
    for match in [*_NOT_XML.finditer(text), None]:
        piece = text[position : match.start() if match else len(text)]
        if piece and last is None:
            parent.text = (parent.text or "") + piece
        elif piece and last is not None:
            last.tail = (last.tail or "") + piece
        if match is None:
            return last
        char = ord(match.group())
        last = ET.SubElement(parent, "ph", {"id": f"c{char:x}", "ctype": "x-localise-char"})
        last.text = f"U+{char:04X}"
        position = match.end()
    return last


def _mark(
    parent: ET.Element,
    text: str,
    index: int,
    mark: Mapping[str, Any],
    data: Mapping[str, Any],
    side: str,
) -> ET.Element:
    kind = str(mark.get("kind"))
    if kind == "markup" and not _NOT_XML.search(text):
        code = ET.SubElement(parent, "ph", {"id": f"m{index + 1}"})
        code.text = text
        return code
    item = entry(data, mark.get("ref"))
    if kind == "literal":
        attributes = {"mtype": "protected", "comment": "keep as written"}
    else:
        mtype = "protected" if kind == "name" else f"x-localise-{kind}"
        attributes = {"mtype": mtype, "mid": f"e{index + 1}", "comment": _comment(item, side)}
    element = ET.SubElement(parent, "mrk", attributes)
    _put(element, None, text)
    return element


def _comment(item: Mapping[str, Any] | None, side: str) -> str:
    if item is None:
        return ""
    parts = [f"{item.get('entity')}: {value_text(item)}", f"rendering: {item.get('rendering')}"]
    if side == "target":
        parts.append(f"check: {item.get('status')}")
        if item.get("engine_wrote") is not None:
            parts.append(f"engine wrote: {item['engine_wrote']}")
    return _xml_text("; ".join(parts))


def _xml_text(text: str) -> str:
    """Text XML can carry: what it cannot (in notes and comments) shown as U+XXXX."""
    return _NOT_XML.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def _indent(element: ET.Element, level: int = 0) -> None:
    """Line breaks and indentation between structural elements only: inside a ``source``,
    ``target`` or ``note`` every character is content."""
    children = list(element)
    if not children or element.tag not in _STRUCTURE:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


# -- reading back ------------------------------------------------------------------------


@dataclass(frozen=True)
class XliffUnit:
    """One trans-unit as a CAT tool returned it: its number, source and target text (None
    when it has no target), and the machine translation it was given (None when the tool
    dropped the ``alt-trans``)."""

    number: int
    source: str
    target: str | None
    machine: str | None

    @property
    def edited(self) -> bool:
        """True when the target is not the machine translation it was given."""
        return self.target is not None and self.target != self.machine


@dataclass(frozen=True)
class XliffArticle:
    """A post-edited XLIFF file: the article's identity (from the header) and its units."""

    path: Path
    original: str
    target: str
    output: str
    signature: Mapping[str, Any]
    units: tuple[XliffUnit, ...]
    source_file: str | None = None


def read_xliff(path: Path) -> XliffArticle:
    """Read an XLIFF 1.2 file written by :func:`xliff` (and edited since); InputError names
    the file and what is wrong with it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    _refuse_declarations(data, path)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(path, f"not well-formed XML ({exc})") from exc
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        raise InputError(path, 'not an XLIFF 1.2 file (the root is not <xliff version="1.2">)')
    file = root.find(_q("file"))
    if file is None:
        raise InputError(path, "has no <file> element")
    props = {
        str(p.get("prop-type")): p.text or ""
        for p in file.iterfind(f"{_q('header')}/{_q('prop-group')}/{_q('prop')}")
    }
    missing = [name for name in ("path", "output", "target", "signature") if name not in props]
    if missing:
        raise InputError(
            path,
            f"its header lacks localise's {', '.join(missing)}; merge reads only XLIFF files "
            f"written by `localise translate --xliff`",
        )
    try:
        signature = json.loads(props["signature"])
    except json.JSONDecodeError as exc:
        raise InputError(path, f"its header's signature is not JSON ({exc})") from exc
    units = []
    for element in file.iter(_q("trans-unit")):
        number = element.get("id", "")
        if not number.isdigit():
            raise InputError(path, f"trans-unit id {number!r} is not one localise wrote")
        source = element.find(_q("source"))
        if source is None:
            raise InputError(path, f"trans-unit {number} has no <source>")
        codes = _codes(source)
        target = element.find(_q("target"))
        machine = element.find(f"{_q('alt-trans')}[@origin='localise']/{_q('target')}")
        units.append(
            XliffUnit(
                int(number),
                _text(source, codes),
                _text(target, codes) if target is not None else None,
                _text(machine, codes) if machine is not None else None,
            )
        )
    return XliffArticle(
        path=path,
        original=props["path"],
        target=props["target"],
        output=props["output"],
        signature=signature if isinstance(signature, dict) else {},
        units=tuple(units),
        source_file=props.get("source-file"),
    )


def _refuse_declarations(data: bytes, path: Path) -> None:
    """A DOCTYPE or an entity declaration is refused before anything is expanded."""

    def refuse(*_args: object) -> None:
        raise InputError(
            path, "has a DOCTYPE or entity declarations; XLIFF needs neither, localise reads none"
        )

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(path, f"not well-formed XML ({exc})") from exc


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _codes(source: ET.Element) -> dict[str, str]:
    """The native codes of the source's placeholders, by id (for a tool that writes ``<x
    id="m1"/>`` in the target for the source's ``<ph id="m1">``)."""
    return {
        str(e.get("id")): _text(e, {})
        for e in source.iter()
        if _local(e.tag) in ("ph", "bpt", "ept", "it") and e.get("id")
    }


def _text(element: ET.Element, codes: Mapping[str, str]) -> str:
    """The text of a source or target: its characters, each mark's content, each code's."""
    if element.get("ctype") == "x-localise-char":
        return chr(int((element.text or "U+0").removeprefix("U+"), 16))
    parts = [element.text or ""]
    for child in element:
        tag = _local(child.tag)
        if tag in ("x", "bx", "ex"):
            parts.append(codes.get(str(child.get("id")), ""))
        elif tag != "sub":
            parts.append(_text(child, codes))
        parts.append(child.tail or "")
    return "".join(parts)
