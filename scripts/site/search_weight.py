"""What one search costs a reader: the bytes the browser fetches for a query on the search page (for scripts/bench.py).

Measured in Debian's Chromium (Playwright) against the built site on localhost: every response under pagefind/
and the search page's own script, from an empty cache. Python's http.server sends files uncompressed, so these
are the raw bytes; a server that compresses would send fewer.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-features=Translate,OptimizationHints,MediaRouter"]


def query_bytes(site: Path, query: str) -> int:
    """Bytes of search data (Pagefind's files and the page's search script) one query loads from an empty cache."""
    from playwright.sync_api import sync_playwright

    from tests.browser import serve
    sizes: dict[str, int] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context().new_page()
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok and ("/pagefind/" in r.url or
                                                                                           r.url.endswith("/search.js")) else None)
        page.goto(f"{base}search/?q={quote(query)}")
        page.wait_for_selector("#foi-search-results a", timeout=60000)
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(sizes.values())
