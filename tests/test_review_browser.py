"""The review page in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright, which never downloads a browser here.

Skipped where Chromium or Playwright is missing, except where ``LOCALISE_REQUIRE_BROWSER`` is
set (CI sets it): there it fails. ``python tests/test_review_browser.py docs/review.png``
builds the README's screenshot, from an engine double that writes English with two mistakes.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import pytest

from localise.review import read_reports, write_page
from review_support import corrupted_run

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _missing(what: str) -> NoReturn:
    message = f"{what} (apt-get install chromium; pip install -e '.[review-test]')"
    if os.environ.get("LOCALISE_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser() -> Iterator[Any]:
    """A Playwright page in headless Chromium, 1360 × 900."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed")
    if not CHROMIUM.is_file():
        _missing(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield chromium.new_page(viewport={"width": 1360, "height": 900})
        finally:
            chromium.close()


def _in_view(page: Any, selector: str) -> bool:
    return bool(
        page.evaluate(
            "s => { const r = document.querySelector(s).getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight; }",
            selector,
        )
    )


def test_the_review_page_in_chromium(tmp_path: Path, models_dir: Path, browser: Any) -> None:
    _, out, _ = corrupted_run(tmp_path, models_dir)
    at = write_page(out)
    page = browser
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(at.as_uri())

    # The article's <script> and onerror= are text, and nothing ran: not even blocked.
    assert page.evaluate("window.pwned") is None
    hostile = page.locator("article", has_text="hostile.txt")
    assert "Der Test <script>window.pwned = 1</script> läuft" in hostile.inner_text()
    assert 'Ein Bild <img src=x onerror="window.pwned = 2"> zeigt' in hostile.inner_text()
    assert page.locator("main img, main script").count() == 0
    assert problems == [] and requests == [at.as_uri()]

    # The page's own script ran (its hash is in the policy): the filters show.
    assert page.locator("#filters").is_visible()

    # Facts highlighted in both columns, their value on keyboard focus.
    assert page.locator("td.src mark.e").count() > 40 and page.locator("td.tgt mark.e").count() > 40
    repaired = page.locator("#a1 td.tgt mark.e-money.f-warning").first
    assert repaired.inner_text() == "$7.1 billion"
    repaired.focus()
    tip = page.evaluate("e => getComputedStyle(e, '::after').content", repaired.element_handle())
    assert "money: 7,100,000,000 USD" in tip and "the engine wrote “$7.1 million”" in tip

    # The findings that need a look, listed; each link goes to its place.
    warnings = page.locator("li.finding[data-sev=warning]")
    assert warnings.count() == 5
    for link in warnings.locator("a[data-unit]").all():
        link.click()
        target = page.evaluate("location.hash")
        assert target == link.get_attribute("href") and _in_view(page, target)
    for flag in page.locator("td.margin a.flag[data-sev=warning]").all():
        flag.click()
        assert _in_view(page, page.evaluate("location.hash"))

    # The keyboard: the first Tab reaches the skip link, which leads to the articles.
    page.goto(at.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#articles"

    # Filters: without the notes of what localise put right, the articles left are those
    # with findings that need a look.
    total = sum(len(r.findings) for r in read_reports(out))
    assert page.inner_text("#shown") == f"Showing {total} of {total} findings"
    page.locator("input[data-filter=sev][value=info]").uncheck()
    assert page.inner_text("#shown") == f"Showing 5 of {total} findings"
    assert page.locator("li.finding[data-sev=info]").first.is_hidden()
    page.locator("#only-findings").check()
    assert page.locator("article.article:visible").count() == 2
    page.locator("input[data-filter=sev][value=info]").check()
    page.locator("#only-findings").uncheck()

    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    assert (tmp_path / "review.png").stat().st_size > 50_000
    page.emulate_media(media="print")
    assert page.locator(".tools").is_hidden() and page.locator("table.aligned").first.is_visible()
    page.screenshot(path=str(tmp_path / "review-print.png"), full_page=True)
    assert problems == []


# -- the README's screenshot -------------------------------------------------------------

#: What an engine double writes for the two example articles: English, with a scale word
#: wrong, a year wrong and a name left out in agrar-export.txt.
ENGLISH = {
    "Belarus steigert Agrarexporte": "Belarus boosts farm exports",
    "MINSK, 22. Januar (BelTA) – Belarus hat im Jahr 2024 Lebensmittel im Wert von 7,1 "
    "Milliarden Dollar exportiert.": "MINSK, 22 January (BelTA) – In 2024 Belarus exported "
    "food worth $7.1 million.",
    "Das teilte das Landwirtschaftsministerium am 22. Januar mit.": "The agriculture ministry "
    "said so on 22 January.",
    "Die Milchproduktion stieg um 3,2 % auf 9,1 Millionen Tonnen.": "Milk production rose by "
    "3.2% to 9.1 million tonnes.",
    "Der wichtigste Abnehmer bleibt Russia, gefolgt von Kazakhstan und Uzbekistan.": "Russia "
    "remains the largest buyer, followed by Kazakhstan and Uzbekistan.",
    "Ein Liter Milch kostet im Großhandel derzeit rund 1,20 belarussische Rubel.": "A litre of "
    "milk currently costs about 1,20 Belarusian roubles wholesale.",
    "„Wir wollen die Exporte bis 2026 auf 8 Milliarden Dollar steigern“, sagte der Minister.":
    "“We want to raise exports to $8 billion by 2027,” the minister said.",
    "Präsident Lukashenko hatte zuvor mehr Lieferungen nach Asien gefordert.": "The president "
    "had earlier called for more deliveries to Asia.",
    "MAZ liefert 300 Busse nach Kazakhstan": "MAZ to supply 300 buses to Kazakhstan",
    "MINSK, 3. Januar (BelTA) – Der Minsker Automobilhersteller MAZ hat einen Vertrag über die "
    "Lieferung von 300 Bussen nach Kazakhstan unterzeichnet.": "MINSK, 3 January (BelTA) – The "
    "Minsk carmaker MAZ has signed a contract to supply 300 buses to Kazakhstan.",
    "Der Vertrag wurde am 28. Dezember in Astana unterschrieben, teilte das Unternehmen mit.":
    "The contract was signed in Astana on 28 December, the company said.",
    "Der Wert des Auftrags liegt nach Angaben von MAZ bei 45 Mio. Euro.": "According to MAZ, "
    "the order is worth €45 million.",
    "Die ersten Busse sollen vom 14. bis 16. Februar übergeben werden.": "The first buses are "
    "to be handed over from 14 to 16 February.",
    "Der Botschafter von Belarus in Kazakhstan, Aleksei Bogdanov, sprach von einem wichtigen "
    "Schritt.": "Belarus's ambassador to Kazakhstan, Aleksei Bogdanov, spoke of an important "
    "step.",
    "„Kazakhstan ist für unsere Maschinenbauer einer der wichtigsten Märkte.": "“Kazakhstan is "
    "one of the most important markets for our machine builders.",
    "Im Jahr 2024 haben wir dort Technik für 2,5 Mrd. US-Dollar verkauft“, sagte Bogdanov.":
    "In 2024 we sold equipment worth $2.5 billion there,” Bogdanov said.",
    "Auch Bobruiskagromash und Mogilevliftmash wollen ihre Präsenz in Kazakhstan stärken.":
    "Bobruiskagromash and Mogilevliftmash also want to strengthen their presence in "
    "Kazakhstan.",
    "Der Leiter der Präsidialverwaltung, Dmitry Krutoi, hatte bereits im Dezember 2024 mehr "
    "regionale Zusammenarbeit gefordert.": "The head of the presidential administration, Dmitry "
    "Krutoi, had already called for more regional cooperation in December 2024.",
}  # fmt: skip


class _English:
    description = "engine double (English)"

    def translate(self, segments: Sequence[str]) -> list[str]:
        return [ENGLISH[segment] for segment in segments]


def screenshot(destination: Path, folder: Path) -> None:
    """The README's screenshot: the two articles translated by ``_English``, the page's top
    and the first article in a 1360-pixel-wide window."""
    from playwright.sync_api import sync_playwright

    from localise.batch import Batch
    from localise.stages.glossary import bundled_glossaries
    from review_support import EXAMPLES
    from support import Doubles, config

    os.chdir(folder)  # the page shows the paths as given: "out", "articles/..."
    inputs = Path("articles")
    inputs.mkdir()
    for name in ("agrar-export.txt", "maz-kasachstan.txt"):
        shutil.copy(EXAMPLES / name, inputs / name)
    out = Path("out")
    configured = config("en-GB", glossaries=bundled_glossaries())
    list(Batch(configured, out, engines=Doubles({("de", "en"): _English()}), jobs=1).run([inputs]))
    at = write_page(out).resolve()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = chromium.new_page(viewport={"width": 1360, "height": 1500})
        page.goto(at.as_uri())
        page.locator("#a1 td.tgt mark.e-money.f-warning").first.focus()
        page.screenshot(path=str(destination))
        chromium.close()


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as temporary:
        screenshot(Path(sys.argv[1]).resolve(), Path(temporary))
