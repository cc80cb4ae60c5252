"""The built site in a real browser: Playwright driving Debian's Chromium against localhost."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.build import build

from .browser import ARGS, CHROMIUM, html_pages, serve
from .conftest import copy_project

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
    assert dates() == sorted(dates()) and len(dates()) == 5
    assert page.locator("table.sortable th", has_text="Response date").get_attribute("aria-sort") == "ascending"
    page.locator("table.sortable th", has_text="Response date").click(position={"x": 2, "y": 2})  # the header's edge
    assert dates() == sorted(dates(), reverse=True)


def test_numbers_sort_as_numbers(site, page):
    base, _ = site
    page.goto(f"{base}requests/bedfordshire-foi2019-05348/")
    table = page.locator("table.sortable", has=page.locator("caption", has_text="(CMS)"))
    column = table.locator("thead th").all_inner_texts().index("Value")
    table.locator("thead th").nth(column).locator("button").click()
    values = table.locator("tbody tr td:nth-child(6)").all_inner_texts()
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers) and numbers[-1] == 53
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
    base, _ = site
    page.goto(base)
    note = page.locator(".admonition", has_text="Content note")
    assert "0808 800 5000" in note.inner_text() and "Childline" in note.inner_text()
    latest = page.locator("table.sortable").first.locator("tbody tr")
    assert latest.count() == 5
    assert "2021-06-29" in latest.first.inner_text()


AXE_PAGES = ["", "requests/", "requests/bedfordshire-foi2019-05348/", "requests/south-yorkshire-20180799/", "forces/", "topics/",
             "years/", "caveats/", "data/", "curation/"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_accessibility_no_serious_violations(site, page, path):
    from axe_playwright_python.sync_playwright import Axe
    base, _ = site
    page.goto(base + path)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_injected_markup_stays_inert(tmp_path, browser):
    """A curated title, summary, quote and response text holding markup render as text and never run."""
    root = copy_project(tmp_path / "p")
    folder = root / "datapackages/hertfordshire-foi2018-00739"
    payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    response = folder / "response.txt"
    response.write_bytes(response.read_bytes() + f"\n{payload}".encode())
    import hashlib
    text = (folder / "request.yaml").read_text(encoding="utf-8")
    text = re.sub(r"sha256: [0-9a-f]{64}", "sha256: " + hashlib.sha256(response.read_bytes()).hexdigest(), text)
    text = re.sub(r"^title: (.*)$", lambda m: f"title: '{payload} {m.group(1)}'", text, count=1, flags=re.M)
    text = text.replace("summary: >-\n", f"summary: >-\n  {payload}\n")
    text = text.replace("  - id: unaudited-snapshot\n    kind: unaudited-snapshot\n",
                        f"  - id: injected\n    kind: interpretation\n    quote: '{payload}'\n    applies_to: [table:figures]\n"
                        "  - id: unaudited-snapshot\n    kind: unaudited-snapshot\n")
    (folder / "request.yaml").write_text(text, encoding="utf-8")
    build(root, site=True)
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    with serve(root / "build" / "site") as base:
        for path in ["requests/hertfordshire-foi2018-00739/", "requests/", "caveats/", ""]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__pwned") is None, path
            assert page.locator("img[src='x']").count() == 0, path
        page.goto(base + "requests/hertfordshire-foi2018-00739/")
        assert page.locator("h1").first.inner_text().startswith("<script>window.__pwned=1</script>")
        assert payload in page.locator("pre.verbatim").text_content()
    context.close()
    assert not any(urlparse(u).path.endswith("/x") for u in seen["requests"])
    shutil.rmtree(root)
