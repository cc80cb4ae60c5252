"""The built site in a real browser: Playwright driving Debian's Chromium against localhost."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .browser import ARGS, CHROMIUM, html_pages, serve
from .conftest import COLLECTION

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")

REQUEST_IDS = ["bedfordshire-foi2019-05348", "hertfordshire-foi2018-00739", "south-yorkshire-20180075",
               "south-yorkshire-20180799", "south-yorkshire-20210999"]


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


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


def watch(page):
    """Record console errors, page errors and every request URL of a page."""
    seen = {"errors": [], "requests": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    return seen


@pytest.mark.parametrize("request_id", REQUEST_IDS)
def test_request_page_loads_without_console_error(site, page, request_id):
    base, root = site
    seen = watch(page)
    response = page.goto(f"{base}requests/{request_id}/")
    page.wait_for_load_state("networkidle")
    assert response.status == 200
    title = json.loads((root / "build/datapackages" / request_id / "datapackage.json").read_text())["title"]
    assert page.locator("h1").first.inner_text() == title
    for heading in ["Questions and answers", "Tables", "Caveats", "Provenance and integrity", "Full response text", "How to cite", "Data package"]:
        assert page.locator("h2", has_text=heading).count() == 1, heading
    assert seen["errors"] == []


def test_request_page_sections_in_order_and_text_verbatim(site, page):
    base, root = site
    page.goto(f"{base}requests/bedfordshire-foi2019-05348/")
    headings = page.locator("h2").all_inner_texts()
    assert headings[:7] == ["Questions and answers", "Tables", "Caveats", "Provenance and integrity", "Full response text",
                            "How to cite", "Data package"]
    page.locator("details.response summary").click()
    shown = page.locator("pre.verbatim").evaluate("e => Array.from(e.querySelectorAll('span')).map(s => s.textContent).join('\\n')")
    assert shown == (root / "datapackages/bedfordshire-foi2019-05348/response.txt").read_text(encoding="utf-8")


def test_clicking_a_header_sorts_the_table(site, page):
    base, _ = site
    page.goto(f"{base}requests/")
    dates = lambda: page.locator("table.sortable tbody tr td:nth-child(4)").all_inner_texts()  # noqa: E731
    page.locator("table.sortable th button", has_text="Response date").click()
    dated = lambda: [d for d in dates() if d]  # noqa: E731 (two real requests are undated: their cells are empty)
    assert dated() == sorted(dated()) and len(dates()) == len(COLLECTION) and len(dated()) >= 5
    assert page.locator("table.sortable th", has_text="Response date").get_attribute("aria-sort") == "ascending"
    page.locator("table.sortable th", has_text="Response date").click(position={"x": 2, "y": 2})  # the header's edge
    assert dated() == sorted(dated(), reverse=True)


def test_numbers_sort_as_numbers(site, page):
    base, _ = site
    page.goto(f"{base}requests/bedfordshire-foi2019-05348/")
    view = page.locator("section#table-cms-offenders-under-14 details.as-data")
    view.locator("summary").click()
    table = view.locator("table.sortable")
    table.wait_for()
    headers = [h.strip() for h in table.locator("thead th").all_text_contents()]
    column = headers.index("Value") + 1  # the header is the field's title (reader review B)
    table.locator("thead th").nth(column - 1).locator("button").click()
    values = table.locator(f"tbody tr td:nth-child({column})").all_inner_texts()
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers) and numbers[-1] == 53 and len(values) == 33
    assert values[-5:] == [""] * 5  # blank cells stay blank and sort last


def test_every_download_returns_the_exact_bytes(site, page):
    base, root = site
    packages = root / "build" / "datapackages"
    checked = set()
    for path in [f"requests/{r}/" for r in REQUEST_IDS] + ["data/"]:
        page.goto(base + path)
        hrefs = page.locator("a[download], a[href$='datapackage.json'], a[href$='catalog.json']").evaluate_all("els => els.map(e => e.href)")
        for href in hrefs:
            if href in checked:
                continue
            response = page.request.get(href)
            assert response.status == 200, href
            rel = urlparse(href).path.split("/data/", 1)[1]
            assert response.body() == (packages / rel).read_bytes(), href
            checked.add(href)
    kinds = {Path(urlparse(h).path).suffix for h in checked}
    assert {".csv", ".json", ".zip"} <= kinds
    assert len(checked) >= 5 * 2 + 6 + 7


@pytest.mark.parametrize("query, expected", [
    ("20180799", "requests/south-yorkshire-20180799/"),
    ("FOI2019/05348", "requests/bedfordshire-foi2019-05348/"),
    ("Hertfordshire", "requests/hertfordshire-foi2018-00739/"),
    ("grooming", "requests/south-yorkshire-20180075/"),
])
def test_search_finds_a_request(site, page, query, expected):
    """The search page (Pagefind, see tests/test_search_browser.py for more): a query typed as a reader would."""
    base, _ = site
    page.goto(f"{base}search/")
    box = page.locator("#foi-search-input input")
    box.wait_for(timeout=10000)
    box.click()
    box.press_sequentially(query, delay=20)
    try:  # Pagefind loads the index chunks for the words typed; wait until the results name the expected page
        page.wait_for_function("e => [...document.querySelectorAll('#foi-search-results a')].some(a => a.href.includes(e))",
                               arg=expected, timeout=10000)
    except Exception:
        pass
    hrefs = page.locator("#foi-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(expected in h for h in hrefs), hrefs


def test_no_request_leaves_localhost(site, browser):
    base, root = site
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    pages = html_pages(root / "build" / "site")
    assert len(pages) >= 5 + 8
    for path in pages:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    context.close()
    hosts = {urlparse(u).hostname for u in seen["requests"] if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}
    assert seen["errors"] == []


def test_home_page_has_content_note_and_latest_requests(site, page):
    base, root = site
    page.goto(base)
    note = page.locator(".admonition", has_text="Content note")
    assert "0808 800 5000" in note.inner_text() and "Childline" in note.inner_text()
    latest = page.locator("table.sortable").first.locator("tbody tr")
    # newest addition or correction first, by the curation dates (as the feed), dated responses or not (reader review A6)
    packages = root / "build" / "datapackages"
    catalog = json.loads((packages / "catalog.json").read_text())["packages"]
    ds = [json.loads((packages / p["name"] / "datapackage.json").read_text()) for p in catalog if p["name"] not in ("all", "reference")]
    expected = sorted(ds, key=lambda d: (d["created"][:10], d["name"]), reverse=True)[:5]
    assert latest.count() == len(expected)
    hrefs = [latest.nth(i).locator("a").first.get_attribute("href") for i in range(latest.count())]
    assert hrefs == [f"requests/{d['name']}/" for d in expected]
    for i, d in enumerate(expected):
        changes = d.get("foi:changes") or []
        said = "added" if not changes or changes[0]["date"] == d["created"][:10] else f"corrected (version {d['version']})"
        assert f"{d['created'][:10]}, {said}" in latest.nth(i).inner_text()
    assert page.locator('a[href="feed.xml"]', has_text="Atom feed").count() == 1


AXE_PAGES = ["", "requests/", "requests/bedfordshire-foi2019-05348/", "requests/south-yorkshire-20180799/",
             "requests/south-yorkshire-20210999/", "forces/", "topics/", "years/", "caveats/", "glossary/", "data/", "curation/",
             "reading/", "404.html"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_accessibility_no_serious_violations(site, browser, path, width):
    from axe_playwright_python.sync_playwright import Axe
    base, _ = site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # what opens must pass too
    page.wait_for_timeout(200)
    results = Axe().run(page)
    context.close()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_is_wider_than_the_window(site, browser, width):
    """Wide tables scroll inside their own frame; the page itself never scrolls sideways, with every section open."""
    base, root = site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    too_wide = []
    for path in html_pages(root / "build" / "site"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        for state in ("as loaded", "details open"):
            if state == "details open":
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                page.wait_for_timeout(200)
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                too_wide.append((path, state, scroll))
    context.close()
    assert too_wide == []


def test_a_short_row_label_leaves_every_column_in_view_on_a_phone(site, browser):
    """At 390 px a cross-tab of one short row label ("2016") and three counts fits its frame: no column is cut off
    out of sight (the row-label column once took 42% of the width whatever its labels, and hid "Prosecutions", 21)."""
    base, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{base}requests/avon-and-somerset-ours-021c0bf0/")
    table = page.locator("table.crosstab").first
    frame = table.locator("xpath=ancestor::div[contains(@class, 'table-frame')][1]")
    assert table.bounding_box()["width"] <= frame.bounding_box()["width"] + 1
    assert table.locator("tbody tr").first.locator("td").all_inner_texts() == ["86", "35", "21"]
    context.close()

def test_cross_tab_on_a_phone(site, browser):
    """At 390 px every number of the Bedfordshire table is on screen or in its frame, with its row label kept in view."""
    base, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{base}requests/bedfordshire-foi2019-05348/")
    table = page.locator("section#table-cms-offenders-under-14 table.crosstab")
    rows = table.locator("tbody tr")
    assert rows.count() == 11
    assert rows.first.locator("th").inner_text() == "UNSOLVED"
    assert rows.first.locator("td").all_inner_texts() == ["33", "20", "53"]
    assert rows.nth(2).locator("td").all_inner_texts() == ["1", "", "1"]  # the blank cell stays blank
    assert rows.last.get_attribute("class").startswith("total")
    assert rows.first.locator("td a").first.get_attribute("href") == "#L39"
    frame = page.locator("section#table-cms-offenders-under-14 .table-frame").first
    frame.evaluate("f => f.scrollLeft = f.scrollWidth")
    label, box = rows.nth(5).locator("th").bounding_box(), frame.bounding_box()
    assert label["x"] >= box["x"] - 1 and label["x"] + label["width"] <= box["x"] + box["width"] + 1
    total = rows.last.locator("td").last.bounding_box()
    assert total["x"] + total["width"] <= box["x"] + box["width"] + 1
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_tidy_rows_keep_each_value_in_view(site, browser, width):
    """The "as data" view is wider than its frame on a phone and beside the sidebars: each row's value stays in view."""
    base, _ = site
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{base}requests/bedfordshire-foi2019-05348/")
    view = page.locator("section#table-cms-offenders-under-14 details.as-data")
    view.locator("summary").click()
    view.locator("table.tidy").wait_for()
    frame = view.locator(".table-frame").bounding_box()
    assert view.locator("table.tidy").bounding_box()["width"] > frame["width"]  # it scrolls: else this proves nothing
    values = view.locator("table.tidy tbody td.value")
    assert values.count() == 33 and values.first.inner_text() == "33"
    for cell in (values.first, values.last, view.locator("table.tidy thead th.value")):
        box = cell.bounding_box()
        assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, (box, frame)
    context.close()


def test_the_comparison_of_forces_is_a_card_per_request_on_a_phone(site, browser):
    """At 390 px each request's figures and caveats on a comparison page fit the screen: nothing is cut off at the frame's edge."""
    base, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{base}compare/indecent-images/")
    frame = page.locator(".table-frame:has(table.foi-compare)").bounding_box()
    cells = page.locator("table.foi-compare tbody > tr > *")
    assert cells.count() >= 10
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, (i, box, frame)
    assert page.locator("table.foi-compare td[data-label='What was released'] li").first.is_visible()
    context.close()


def test_file_names_on_the_data_page_break_only_after_a_slash_on_a_phone(site, browser):
    """At 390 px a file name such as reference/outcome_labels.csv may wrap after its folder, never inside a word."""
    base, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{base}data/")
    lines = page.evaluate("""() => [...document.querySelectorAll('table.files td.file a')].map(a => [a.textContent,
        [...a.childNodes].filter(n => n.nodeType === 3).map(n => { const r = document.createRange(); r.selectNodeContents(n);
            return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; })])""")
    context.close()
    assert len(lines) > 5 and any("/" in name for name, _ in lines)
    assert [name for name, parts in lines if any(n != 1 for n in parts)] == []


def test_a_number_opens_its_line(site, page):
    base, _ = site
    page.goto(f"{base}requests/bedfordshire-foi2019-05348/")
    assert not page.locator("details.response").evaluate("d => d.open")
    page.locator("section#table-cms-offenders-under-14 table.crosstab tbody tr").last.locator("td a").last.click()
    page.wait_for_function("() => document.querySelector('details.response').open")
    assert page.evaluate("location.hash") == "#L49"
    assert page.locator("#L49").inner_text() == "Grand Total\t33\t20\t53"
    assert page.locator("#L49").is_visible()


def test_copy_button_copies_the_citation(site, browser):
    base, _ = site
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base}requests/south-yorkshire-20210999/")
    page.locator("button[data-copy='cite-plain']").click()
    page.wait_for_function("() => document.querySelector('.copy-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#cite-plain").text_content() and copied.startswith("South Yorkshire Police (2021-06-29).")
    context.close()


@pytest.mark.parametrize("request_id", REQUEST_IDS)
def test_first_screen_on_a_phone_says_what_it_is(site, browser, request_id):
    """The title, the content note and the status line are on the first screen of a phone."""
    base, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base}requests/{request_id}/")
    for selector in ["h1", ".foi-content-note", ".foi-status-line"]:
        box = page.locator(selector).first.bounding_box()
        assert box and box["y"] + box["height"] <= 844, selector
    assert page.locator(".foi-content-note a").get_attribute("href") == "../../#support"
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_dates_are_never_split_and_wide_pages_use_their_width(site, browser, width):
    """A date on a list or a comparison stands on one line (not '2021-06-/29'); at 1280 px a comparison's and the labels'
    tables take the width the empty contents sidebar left (issue 28)."""
    base, _ = site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    split = []
    for path in ("", "requests/", "compare/indecent-images/"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        split += page.evaluate("""[...document.querySelectorAll('.nowrap')].filter(el => /\\d{4}-\\d\\d-\\d\\d/.test(el.textContent))
            .filter(el => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length > 1; })
            .map(el => el.textContent)""")
        assert page.locator(".nowrap").count() > 0, path
    assert split == []
    if width == 1280:
        for path in ("compare/indecent-images/", "labels/"):
            page.goto(base + path)
            assert page.locator(".md-typeset table").first.bounding_box()["width"] > 850, path
    context.close()
