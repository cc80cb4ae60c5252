"""Search in a real browser: Pagefind over the seeds finds requests by reference, force and a reader's words, self-hosted."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from .browser import ARGS, CHROMIUM, serve

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")

EXPECTED = {
    "05348": "bedfordshire-foi2019-05348",
    "FOI2019/05348": "bedfordshire-foi2019-05348",
    "0534": "bedfordshire-foi2019-05348",
    "20210999": "south-yorkshire-20210999",
    "00739": "hertfordshire-foi2018-00739",
    "Hertfordshire": "hertfordshire-foi2018-00739",
    "South Yorkshire": "south-yorkshire-20180799",
    "sexting": "hertfordshire-foi2018-00739",
    "grooming": "south-yorkshire-20180075",
    "indecent images": "bedfordshire-foi2019-05348",
    "grooming South Yorkshire 2018": "south-yorkshire-20180075",
}


@pytest.fixture(scope="module")
def search_page(site_root):
    from playwright.sync_api import sync_playwright
    with serve(site_root / "build" / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield base, browser
        browser.close()


def run_query(browser, base: str, query: str, expect: str = "") -> dict:
    """Open the search page with a query; the result links, the text shown, every request made and console errors."""
    context = browser.new_context()
    page = context.new_page()
    seen = {"requests": [], "errors": [], "bytes": 0}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_function("document.querySelector('#foi-search-summary').innerText.includes('result')", timeout=20000)
    page.wait_for_selector("#foi-search-results a", timeout=20000)
    if expect:  # results are filled in one by one as their records load: give the one expected its time
        page.wait_for_selector(f"#foi-search-results a[href*='/{expect}/']", timeout=20000)
    links = page.eval_on_selector_all("#foi-search-results a", "els => els.map(e => e.getAttribute('href'))")
    text = page.inner_text("#foi-search-results")
    context.close()
    return {"links": links, "text": text, **seen}


@pytest.mark.parametrize("query", list(EXPECTED))
def test_search_finds_the_request(search_page, query):
    base, browser = search_page
    found = run_query(browser, base, query, EXPECTED[query])
    assert any(link.rstrip("/").endswith(EXPECTED[query]) for link in found["links"]), (query, found["links"])
    assert found["errors"] == []
    hosts = {urlparse(u).netloc for u in found["requests"] if urlparse(u).scheme in ("http", "https")}
    assert hosts == {urlparse(base).netloc}  # no third-party request


def test_results_show_readable_snippets_and_lead_to_the_page(search_page, site_root):
    base, browser = search_page
    found = run_query(browser, base, "sexting")
    assert "sexting" in found["text"].lower() and "Reference FOI2018/00739 · Hertfordshire Constabulary" in found["text"]
    assert "<" not in found["text"]  # text, not markup
    for link in found["links"]:
        path = urlparse(link).path.lstrip("/")
        assert (site_root / "build" / "site" / path / "index.html").is_file(), link


@pytest.mark.parametrize("query", ["grooming", "CMS", "05348"])
def test_an_excerpt_is_whole_sentences_that_hold_the_words_found(search_page, query):
    """From a reader review: excerpts ran the record's parts together ("... grooming. it does not have a"). Each part of
    an excerpt is now a sentence holding a word found; a result found only by its reference repeats neither it nor the
    title."""
    base, browser = search_page
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_selector("#foi-search-results .pagefind-modular-list-excerpt", state="attached", timeout=20000)
    page.wait_for_timeout(500)
    shown = page.eval_on_selector_all(".foi-search-result", """els => els.map(e => [
        e.querySelector('.pagefind-modular-list-link').textContent, e.querySelector('.pagefind-modular-list-excerpt').innerHTML])""")
    context.close()
    assert shown
    for title, excerpt in shown:
        assert not excerpt.startswith(("Reference", "<mark>Reference")), excerpt
        if "<mark>" in excerpt:
            sentences = [x for x in re.split(r"(?<=[.?!])\s+|(?<=[.?!]</mark>)\s+", excerpt.replace(" … ", " ")) if x]
            assert all("<mark>" in x for x in sentences), excerpt
        assert excerpt.replace("<mark>", "").replace("</mark>", "").rstrip(".") != title


def test_a_query_loads_a_small_part_of_the_index(search_page, site_root):
    base, browser = search_page
    found = run_query(browser, base, "grooming")
    loaded = [u for u in found["requests"] if "/pagefind/" in u and ("/fragment/" in u or "/index/" in u)]
    bundle = site_root / "build" / "site" / "pagefind"
    fragments = list((bundle / "fragment").iterdir())
    assert loaded and len([u for u in loaded if "/fragment/" in u]) < len(fragments)  # only the results' fragments


def test_curated_markup_in_a_record_stays_text(search_page, site_root, tmp_path):
    """Titles, facts and excerpts reach the page as text: a payload in curated words never becomes an element."""
    import shutil

    from scripts.site.search import write_index
    site = tmp_path / "site"
    shutil.copytree(site_root / "build" / "site", site, symlinks=True)
    shutil.rmtree(site / "pagefind")
    payload = '<img src=x onerror="window.PWNED=1"> [x](javascript:alert(1)) {: onclick="alert(1)" }'
    write_index([{"url": "requests/bedfordshire-foi2019-05348/", "content": f"zebra {payload} zebra", "language": "en",
                         "meta": {"title": f"T {payload}", "reference": payload, "force": payload}}],
                site / "pagefind")
    _, browser = search_page
    with serve(site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}search/?q=zebra")
        page.wait_for_selector("#foi-search-results a", timeout=20000)
        page.wait_for_timeout(300)
        assert page.evaluate("document.querySelectorAll('#foi-search-results img, #foi-search-results [onclick]').length") == 0
        assert page.evaluate("window.PWNED") is None
        assert payload in page.inner_text("#foi-search-results")
        context.close()


def search_note(browser, base: str, query: str) -> str:
    """The note the search page shows under its summary once the results of `query` are in."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_selector("#foi-search-results a", timeout=20000)
    page.wait_for_selector(f"#foi-search-note[data-for='{query}']", state="attached", timeout=20000)  # settled for this query
    note = page.inner_text("#foi-search-note")
    context.close()
    return note


def test_a_reference_no_request_has_is_not_passed_off_as_found(search_page):
    """Pagefind leaves out a word its index lacks: FOI2019/99999 lists FOI2019/05348, and the page must say it is not that."""
    base, browser = search_page
    assert search_note(browser, base, "FOI2019/99999") == ("None of the first results has the reference “FOI2019/99999”. "
                                                          "Search matches words, not the whole reference: try its number alone, 99999.")
    found = ("FOI2019/05348", "05348", "0534", "20210999", '"05348"', "2019/05348", "2018", "sexting")
    assert [search_note(browser, base, q) for q in found] == [""] * len(found)


HEADER_QUERIES = {"05348": "bedfordshire-foi2019-05348", "grooming": "south-yorkshire-20180075"}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("query", list(HEADER_QUERIES))
def test_the_header_of_a_request_page_searches(search_page, width, query):
    """Every page's header has a search field: `/` focuses it (on a phone it opens over the title), Enter opens the
    search page with the query filled in and its results, from this host only."""
    base, browser = search_page
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    hosts = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    page.goto(f"{base}requests/south-yorkshire-20210999/")
    field = page.locator("header #foi-hsearch-q")
    assert page.locator("header button[type=submit]").is_visible()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "foi-hsearch-q"
    box = field.bounding_box()
    assert box and box["width"] >= 150 and box["x"] >= 0 and box["x"] + box["width"] <= width  # open, on screen
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#foi-search-results a[href*='/{HEADER_QUERIES[query]}/']", timeout=20000)
    assert page.locator("#foi-search-input input").input_value() == query
    first = page.locator("#foi-search-results a").first.get_attribute("href")
    assert "/requests/" in first  # a request ranks above a page that explains words
    assert hosts == {urlparse(base).netloc}
    context.close()


def test_the_header_search_button_opens_the_field_on_a_phone(search_page):
    base, browser = search_page
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base}glossary/")
    assert page.locator("#foi-hsearch-q").bounding_box()["width"] < 5  # closed: the title has the room
    page.locator("header button[type=submit]").click()
    assert page.evaluate("document.activeElement.id") == "foi-hsearch-q" and page.url.endswith("/glossary/")
    context.close()


@pytest.mark.parametrize("query,expected", [("modus operandi", "glossary"), ("unaudited snapshot", "caveats")])
def test_glossary_and_caveat_pages_are_found(search_page, query, expected):
    base, browser = search_page
    found = run_query(browser, base, query, expected)
    assert any(f"/{expected}/" in link for link in found["links"]), found["links"]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_header_shows_the_first_results_in_a_panel_as_the_reader_types(search_page, width):
    """Typing in any page's header field lists the first results under it, from this host's own index; the arrow keys
    reach them and Escape closes the panel. A page whose field is not used loads nothing of the index."""
    base, browser = search_page
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(f"{base}requests/south-yorkshire-20210999/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in urls if "/pagefind/" in u]  # nothing of the search until the field is used
    page.keyboard.press("/")
    page.keyboard.type("grooming")
    page.wait_for_selector("#foi-hpanel li a", timeout=20000)
    links = page.eval_on_selector_all("#foi-hpanel li a", "els => els.map(e => e.getAttribute('href'))")
    assert "requests/" in links[0] and any(link.rstrip("/").endswith("south-yorkshire-20180075") for link in links), links
    assert page.locator("#foi-hpanel").is_visible()
    assert page.get_attribute("#foi-hpanel .foi-hpanel__all", "href").endswith("search/?q=grooming")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == links[0]
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('foi-hpanel').hidden") is True
    assert {urlparse(u).netloc for u in urls if urlparse(u).scheme in ("http", "https")} == {urlparse(base).netloc}
    context.close()


def test_a_request_excerpt_is_its_own_words_not_the_topic_and_code_lists(search_page, site_root):
    """Reader review 5 (A15): "grooming" showed excerpts of topic and code boilerplate ("grooming: Meeting or attempting
    to meet a child ...; Home Office offence codes 88A Sexual grooming"). A request's excerpt is now a sentence of its
    summary, questions or caveats, or else its summary."""
    import csv
    base, browser = search_page
    with (site_root / "build" / "datapackages" / "reference" / "topics.csv").open(encoding="utf-8", newline="") as f:
        descriptions = [r["description"].rstrip(".") for r in csv.DictReader(f)]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}search/?q=grooming")
    page.wait_for_selector("#foi-search-results .pagefind-modular-list-excerpt", state="attached", timeout=20000)
    page.wait_for_timeout(1500)
    shown = page.eval_on_selector_all(".foi-search-result", """els => els.map(e => [
        e.querySelector('.pagefind-modular-list-link').getAttribute('href'), e.querySelector('.pagefind-modular-list-excerpt').textContent])""")
    context.close()
    requests = [(href, text) for href, text in shown if "/requests/" in href]
    assert len(requests) >= 3
    for href, text in requests:
        assert text and not text.startswith(("About", "Home Office offence codes")), (href, text)
        assert "Home Office offence codes" not in text and not any(d in text for d in descriptions), (href, text)
