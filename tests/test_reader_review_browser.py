"""The independent reader review's layout findings (part B), checked in Chromium at the widths it read: 390 and 1280 px."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .browser import ARGS, CHROMIUM, serve

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")

NORTHANTS = "requests/northamptonshire-foi-10905-25/"
BED = "requests/bedfordshire-foi2019-05348/"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(site_root):
    with serve(site_root / "build" / "site") as base:
        yield base, site_root


def open_at(browser, base: str, path: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 844 if width < 600 else 900})
    page.goto(base + path)
    page.wait_for_load_state("load")
    return page


def test_a_table_wider_than_its_frame_says_so_above_it(site, browser):
    """Northamptonshire's victims table was cut at 'Unk' on a phone with nothing to say there was more."""
    base, _ = site
    for width in (390, 1280):
        page = open_at(browser, base, NORTHANTS, width)
        frames = page.evaluate("""Array.from(document.querySelectorAll('article .table-frame')).filter(f => f.offsetParent).map(f => ({
            wide: f.scrollWidth > f.clientWidth + 1,
            cue: !!(f.previousElementSibling && f.previousElementSibling.classList.contains('scroll-cue')
                    && f.previousElementSibling.getBoundingClientRect().height > 0)}))""")
        assert frames and all(f["wide"] == f["cue"] for f in frames), (width, frames)
        if width == 390:
            assert any(f["wide"] for f in frames)  # the crosstab does not fit a phone: the cue is there to be seen
        page.close()


def test_show_as_data_has_word_headers_and_no_column_covering_another_on_a_wide_screen(site, browser):
    base, _ = site
    page = open_at(browser, base, BED, 1280)
    view = page.locator("details.as-data").first
    view.locator("summary").click()
    table = view.locator("table.tidy")
    table.wait_for()
    heads = table.locator("thead th")
    texts = [t.strip() for t in heads.all_text_contents()]
    names = [heads.nth(i).get_attribute("title") for i in range(heads.count())]
    assert "Source line" in texts and "Value status" in texts
    assert not any("_" in t for t in texts), texts  # words, not the CSV's field names
    assert "offender_age" in names and "line" in names  # the field names are kept, for whoever looks
    assert page.evaluate("getComputedStyle(document.querySelector('details.as-data table.tidy td.value')).position") == "static"
    fields = page.locator("#fields").inner_text() if page.locator("#fields").count() else page.content()
    assert "offender_age" in fields  # the "Fields of the CSV files" section keeps the names
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_references_and_dates_are_not_broken_inside(site, browser, width):
    """'foi-10905-/25' at 1280 on a comparison page and '2025-03-/31' at 390 on a request page."""
    base, _ = site
    for path in ("compare/grooming-and-sexual-communication/", NORTHANTS):
        page = open_at(browser, base, path, width)
        spans = page.evaluate("""Array.from(document.querySelectorAll('article span.nowrap')).filter(s => s.offsetParent).map(s =>
            [s.textContent, s.getClientRects().length])""")
        assert spans, path
        assert all(n == 1 for _, n in spans), (path, [s for s in spans if s[1] != 1])
        if path.startswith("compare"):
            assert any(t == "foi-10905-25" for t, _ in spans)
        else:
            assert any(t == "2025-03-31" for t, _ in spans)
        page.close()


def test_the_data_page_code_titles_fit_and_name_no_internal_keys(site, browser):
    base, _ = site
    page = open_at(browser, base, "data/", 1280)
    page.evaluate("document.querySelectorAll('details.reference').forEach(d => d.open = true)")
    frame = page.locator("#reference-code-titles .table-frame")
    assert frame.evaluate("f => f.scrollWidth <= f.clientWidth + 1"), frame.evaluate("f => [f.scrollWidth, f.clientWidth]")
    text = frame.inner_text()
    assert "outcome_types" not in text and "offence_codes" not in text and "Home Office outcome types" in text
    page.close()


def test_the_phone_menu_names_the_curators_section_once(site, browser):
    base, _ = site
    page = open_at(browser, base, "", 390)
    nav = page.locator("nav.md-nav--primary").first.inner_text()
    assert nav.count("For curators") == 1, nav
    page.close()


def test_topics_page_is_one_line_per_request(site, browser):
    """Twelve lists of cards for 9 requests made /topics/ 7,977 px tall at 390."""
    base, root = site
    page = open_at(browser, base, "topics/", 390)
    catalog = json.loads((root / "build" / "datapackages" / "catalog.json").read_text())["packages"]
    listed = sum(len(json.loads((root / "build" / "datapackages" / p["name"] / "datapackage.json").read_text())["foi:request"]["topics"])
                 for p in catalog if p["name"] not in ("all", "reference"))
    assert page.locator("article table").count() == 0
    assert page.locator("article ul.compact-list li").count() >= listed
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_search_results_below_the_first_screen_are_filled_in(site, browser, width):
    """Results 4 to 6 of 'grooming' showed dotted placeholders until scrolled to."""
    base, _ = site
    page = open_at(browser, base, "search/?q=grooming", width)
    page.wait_for_function("document.querySelectorAll('#foi-search-results > *').length > 3")
    page.wait_for_function("""Array.from(document.querySelectorAll('#foi-search-results > *')).slice(0, 10)
                              .every(li => li.classList.contains('foi-search-result'))""", timeout=10000)
    titles = page.locator("#foi-search-results .foi-search-result .pagefind-modular-list-link").all_text_contents()
    assert len(titles) > 3 and all(t.strip() for t in titles)
    page.close()
