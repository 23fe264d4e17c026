"""Structured articles carry their publication date; the date stage uses it for implied years."""

from __future__ import annotations

from pathlib import Path

import pytest

from localise import localise_file
from localise.files import read_article
from support import make_pipeline

BODY = "MINSK, 3. Januar (BelTA) – Der Vertrag wurde am 28. Dezember in Astana unterschrieben."

ARTICLES = {
    "post.md": f"---\ntitle: Vertrag unterschrieben\ndate: 2025-01-03\n---\n{BODY}\n",
    "post.json": f'{{"title": "Vertrag", "published_at": "2025-01-03T09:15:00+03:00", '
    f'"body": "{BODY}"}}',
    "page.html": '<html><head><meta property="article:published_time" '
    f'content="2025-01-03T09:15:00Z"></head><body><p>{BODY}</p></body></html>',
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_publication_date_from_metadata_sets_implied_years(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ARTICLES[name], encoding="utf-8")
    assert read_article(path).doc.meta["published"] == "2025-01-03"
    doc = localise_file(make_pipeline("de-CH", source="de"), path).doc
    values = {s.text: s.value.to_json()["value"] for s in doc.spans if s.kind == "date"}
    # The turn of the year: an article of 3 January 2025 means December 2024.
    assert values == {"3. Januar": "2025-01-03", "28. Dezember": "2024-12-28"}


@pytest.mark.parametrize(
    "content",
    [
        f'[{{"date": "2025-01-03", "body": "{BODY}"}}, {{"date": "2025-02-01", "body": "x"}}]',
        f'{{"date": "soon", "body": "{BODY}"}}',
    ],
)
def test_no_date_is_guessed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    assert read_article(path).doc.article_date is None
