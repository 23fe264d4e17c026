"""The proper-name glossary: how each name is written in each language, enforced through MT.

A glossary file has one concept per row and a column per language (TSV or CSV, as a
spreadsheet saves it), or is a TBX term base (:mod:`.files`). :class:`Glossary` stacks several
files (:mod:`.store`). :class:`GlossaryFinder` (source side) finds the names of a text,
inflected forms included (:mod:`.inflect`; Russian declension by word type in
:mod:`.russian`), reading the words around each (:mod:`.context`: a preposition's case, a
product's model digits, a plural article); :class:`GlossaryRenderer` (target side) gives each
the target form with the grammar the source showed (:mod:`.find`). :mod:`.tools` holds the
editors' ``glossary check`` and ``glossary suggest``.
"""

from .files import Entry, EntryKind, Problem, read_glossary_file
from .find import GlossaryFinder, GlossaryHit, GlossaryRenderer, GlossaryValue
from .store import Conflict, Glossary, bundled_glossaries

__all__ = [
    "Conflict",
    "Entry",
    "EntryKind",
    "Glossary",
    "GlossaryFinder",
    "GlossaryHit",
    "GlossaryRenderer",
    "GlossaryValue",
    "Problem",
    "bundled_glossaries",
    "read_glossary_file",
]
