"""Curated text in every rendered field reaches the pages as text, never as markup of any kind.

One copy of the project gets a payload of HTML, Markdown (links, images, emphasis, a heading),
attribute lists and `javascript:` URLs in every curated field the pages show (request, question,
caveat, table, dimension and reference-list fields, a table's dimension values, quotes from where the response was
published, why a table is not to be added up, a correction's note and a hidden part's note). The site is
built and opened in Chromium: no such element or attribute may exist, nothing may run or be
fetched from another host, and the text must show literally, in the page, its <title> and the
search index.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from scripts.build.build import build

from .browser import ARGS, CHROMIUM, serve
from .conftest import copy_project

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")

REQUEST = "hertfordshire-foi2018-00739"
PAYLOAD = ('<b>bold</b> <img src="http://evil.example/x.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script> '
           '[x](javascript:window.__pwned=3) ![i](http://evil.example/i.png) *em* `code` '
           '{: onclick="window.__pwned=4" } { #injected .injected onmouseover="window.__pwned=5" } javascript:alert(1)')


def mark(tag: str) -> str:
    """The payload for one field, led by Markdown heading syntax and a tag naming the field."""
    return f"# {tag} {PAYLOAD}"


def inject_request(folder: Path) -> list[str]:
    """Put the payload in every rendered curated field of one request; returns the quoted payloads to add to its text."""
    meta = yaml.safe_load((folder / "request.yaml").read_text(encoding="utf-8"))
    quoted = [mark(t) for t in ("T09", "T10", "T11", "T20")]
    meta["title"], meta["summary"] = mark("T01"), mark("T02")
    meta["force"]["note"] = mark("T03")
    meta["force"]["evidence"][0]["note"] = mark("T04")
    meta["force"]["evidence"].append({"quote": mark("T20")})
    meta["dates"]["received"]["note"] = mark("T05")
    meta["periods"][0]["label"] = mark("T06")
    for t in meta["tables"]:
        t["period"], t["system"] = mark("T06"), mark("T07")
    meta["periods"][0]["note"], meta["systems"][0]["note"], meta["outcome_types"][0]["note"] = mark("T27"), mark("T28"), mark("T29")
    meta["systems"][0]["name"] = mark("T07")
    meta["questions"][1]["note"] = mark("T08")
    meta["questions"][0]["text"], meta["questions"][0]["quote"] = mark("T09"), mark("T10")
    meta["caveats"][0]["quote"], meta["caveats"][3]["note"] = mark("T11"), mark("T12")
    table = next(t for t in meta["tables"] if t["name"] == "figures")
    table["title"], table["description"], table["measure"] = mark("T13"), mark("T14"), mark("T15")
    table["dimensions"][0]["title"], table["dimensions"][1]["description"] = mark("T16"), mark("T17")
    meta["attachments"] = [{"description": mark("T18"), "quote": mark("T10")}]
    meta["source"]["title"] = mark("T19") + " FOI2018/00739"
    # Words quoted from where the response was published (its heading) rather than from its text, and the reference
    # taken from there too (referenceBasis); a correction's note (the feed); why a table is not to be added up.
    meta["force"]["evidence"].append({"quote": mark("T19"), "from": "title", "note": mark("T30")})
    meta["reference"] = {**meta["reference"], "quote": meta["source"]["title"], "from": "title"}
    meta["changes"][-1]["note"] = mark("T31")
    table["sums"]["note"] = mark("T32")
    meta["source"]["partial"] = mark("T34")  # the text held is only part of the response: said before the dates
    response = folder / "response.txt"
    lines = len(response.read_bytes().split(b"\n"))
    # A row whose label is the payload must stand on its line, like any other: the question, the label, the value.
    row_line = f"Q4 - {mark('T21')} was 5"
    response.write_bytes(response.read_bytes() + ("\n" + "\n".join(quoted + [row_line])).encode())
    meta["source"]["sha256"] = hashlib.sha256(response.read_bytes()).hexdigest()
    (folder / "request.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    add_csv_row(folder / "tables" / "figures.csv", {"question": "Q4", "measure": mark("T21"), "value": "5", "status": "reported",
                                                   "line": str(lines + len(quoted) + 1)})
    return quoted


def edit_csv(path: Path, which, changes: dict) -> None:
    """Change fields of the rows of a CSV that `which` selects, keeping its columns and quoting."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows, fields = list(reader), reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows({**r, **changes} if which(r) else r for r in rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def add_csv_row(path: Path, row: dict) -> None:
    """Append one row to a CSV, quoted as the csv module does."""
    out = io.StringIO()
    csv.DictWriter(out, list(row), lineterminator="\n").writerow(row)
    path.write_text(path.read_text(encoding="utf-8") + out.getvalue(), encoding="utf-8")


def inject_reference(folder: Path) -> None:
    """The reference lists are curated too: a force, a topic and a caveat kind that the request uses."""
    edit_csv(folder / "forces.csv", lambda r: r["code"] == "hertfordshire", {"title": mark("T22")})
    edit_csv(folder / "topics.csv", lambda r: r["code"] == "outcome-21", {"title": mark("T23"), "description": mark("T24")})
    edit_csv(folder / "caveat_kinds.csv", lambda r: r["code"] == "search-limits", {"title": mark("T25"), "description": mark("T26")})


def inject_hidden_note(datapackages: Path) -> str:
    """A constructed request with an attachment whose hidden row the curator declared: its note is shown beside the
    part removed from the published copy (foi:removed). Returns the request's name."""
    from .fixtures.sources.make import ID, make_request
    folder = make_request(datapackages, hidden_declared=True)
    text = (folder / "request.yaml").read_text(encoding="utf-8")
    note = "note: Constructed case; a curator would never publish a name."
    assert note in text
    (folder / "request.yaml").write_text(text.replace(note, "note: " + json.dumps(mark("T33"))), encoding="utf-8")
    return ID


# Which payloads each page must show, as text.
PAGES = {
    f"requests/{REQUEST}/": [f"T{n:02d}" for n in (*range(1, 33), 34) if n not in (24, 26, 31)],
    "compare/outcome-21-and-youth-produced-imagery/": ["T13", "T32"],
    "requests/": ["T01", "T22"], "forces/": ["T01", "T22"], "topics/": ["T01", "T23", "T24"], "years/": ["T01"],
    "caveats/": ["T01", "T11", "T25", "T26"], "glossary/": [], "data/": ["T22", "T23", "T25"], "": ["T01", "T22"],
}
INSPECT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*'))
    for (const name of el.getAttributeNames()) if (/^on/i.test(name)) bad.push(el.tagName + ' ' + name);
  document.querySelectorAll('a[href^="javascript:" i], [src*="evil.example"], [href*="evil.example"], #injected, .injected')
    .forEach(e => bad.push(e.outerHTML.slice(0, 80)));
  document.querySelectorAll('script').forEach(s => { if (s.textContent.includes('__pwned')) bad.push('script'); });
  document.querySelectorAll('b, strong, em, i, code, h1, h2, h3, h4, h5, h6').forEach(e => {
    const t = e.textContent.trim();
    if (['bold', 'em', 'code', 'x', 'i'].includes(t) || /^T\\d\\d /.test(t)) bad.push(e.tagName + ': ' + t.slice(0, 40));
  });
  const article = document.querySelector('article').cloneNode(true);
  article.querySelectorAll('pre.verbatim').forEach(p => p.remove());
  return {pwned: window.__pwned === undefined ? null : window.__pwned, bad, text: article.textContent, title: document.title};
}"""


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("inject"))
    inject_request(root / "datapackages" / REQUEST)
    inject_reference(root / "datapackages" / "reference")
    PAGES[f"requests/{inject_hidden_note(root / 'datapackages')}/"] = ["T33"]
    build(root, site=True)  # the payloads must neither break the strict build nor become markup
    yield root
    shutil.rmtree(root)


def test_every_field_renders_as_text(injected):
    from playwright.sync_api import sync_playwright
    requests, errors = [], []
    with serve(injected / "build" / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        for path, tags in PAGES.items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.wait_for_timeout(300)  # the "as data" views load their CSV
            seen = page.evaluate(INSPECT)
            assert seen["pwned"] is None and seen["bad"] == [], (path, seen["bad"][:5])
            for tag in tags:
                assert norm(mark(tag)) in norm(seen["text"]), (path, tag)
            if path.startswith("requests/" + REQUEST):
                assert norm(seen["title"]).startswith(norm(mark("T01")))
                assert page.locator("h1").first.inner_text() == mark("T01")
                assert mark("T10") in page.locator("pre.verbatim").text_content()  # the response text, as published
        search_for(page, "T01")
        browser.close()
    hosts = {urlparse(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"} and errors == []


def search_for(page, words: str) -> None:
    """Search results show the payload as text too (the search page renders them from the Pagefind index)."""
    from urllib.parse import quote
    here = urlparse(page.url)
    page.goto(f"{here.scheme}://{here.netloc}/search/?q=" + quote(words))
    page.wait_for_selector("#foi-search-results a", timeout=20000)
    page.wait_for_load_state("networkidle")
    seen = page.evaluate(INSPECT.replace("document.querySelector('article')", "document.querySelector('#foi-search-results')"))
    assert seen["pwned"] is None and seen["bad"] == [], seen["bad"][:5]
    assert "<b>bold</b>" in seen["text"]


def test_the_feed_holds_curated_words_as_text(injected):
    """The Atom feed's titles and summaries (a request's title and summary, a correction's note) are text elements:
    the payload is escaped XML text, never an element, and the summaries say they are text (type="text")."""
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(injected / "build" / "site" / "feed.xml").getroot()
    assert all(el.tag.startswith(atom) for el in feed.iter()), sorted({el.tag for el in feed.iter()})
    texts = [el.text or "" for el in feed.iter() if el.tag in (atom + "title", atom + "summary")]
    assert any(mark("T01") in t for t in texts)
    assert any(norm(mark("T31")) in norm(t) for t in texts) and any(norm(mark("T02")) in norm(t) for t in texts)
    assert all(el.get("type") == "text" for el in feed.iter(atom + "summary"))


def test_search_index_holds_the_payload_as_text(injected):
    """The Pagefind records hold curated words as plain text (Pagefind escapes them when it shows an excerpt)."""
    from scripts.site.search import records
    record = next(r for r in records(injected / "build" / "datapackages") if REQUEST in r["url"])
    assert mark("T01") in record["meta"]["title"] and PAYLOAD in record["content"]
    assert "&lt;" not in record["content"]  # not escaped twice
