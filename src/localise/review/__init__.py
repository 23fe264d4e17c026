"""The editor's desk: a review page in the browser, and XLIFF out and back for post-editing.

Built on the reports a batch run writes (``OUT/_localise/reports/``, with each article's
paragraphs side by side: :mod:`localise.alignment`):

* :func:`write_page` — ``OUT/_localise/review.html``, one static file: the run's articles,
  source and translation aligned, the facts highlighted, the findings listed and flagged
  (:mod:`.page`);
* :func:`write_xliff_files` — an XLIFF 1.2 file per article beside its report, for a CAT
  tool (:mod:`.xliff`);
* :func:`merge_xliff` — a post-edited XLIFF file back into its article, in its format and
  place, its facts checked again (:mod:`.merge`).

>>> write_page(Path("out"))                                    # doctest: +SKIP
PosixPath('out/_localise/review.html')
>>> merge_xliff("a.txt.xlf", "edited").findings                # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ..textio import write_atomic
from .merge import Merged, merge_xliff
from .page import page, write_page
from .reports import ReportFile, read_reports
from .xliff import XliffArticle, read_xliff, xliff

__all__ = [
    "Merged",
    "ReportFile",
    "XliffArticle",
    "merge_xliff",
    "page",
    "read_reports",
    "read_xliff",
    "write_page",
    "write_xliff_files",
    "xliff",
]


def write_xliff_files(out: Path, *, fresh: Collection[Path] = ()) -> list[Path]:
    """Write the XLIFF file of each report in ``out`` that was written in this run
    (``fresh``: their paths) or has none yet; an existing one of an unchanged article is left
    alone (it may be out at an editor's). The paths written, in order."""
    renewed = {path.resolve() for path in fresh}
    written = []
    for report in read_reports(out):
        if "units" not in report.data:
            continue  # written by an older localise: no sentences to put in a file
        if report.xliff_path.exists() and report.path.resolve() not in renewed:
            continue
        source = Path(str(report.data.get("path") or "")).resolve()
        write_atomic(report.xliff_path, xliff(report, source_file=source))
        written.append(report.xliff_path)
    return written
