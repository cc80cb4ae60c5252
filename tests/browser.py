"""Helpers for browser tests: serve a built site on localhost and drive Debian's Chromium with Playwright."""
from __future__ import annotations

from pathlib import Path

from scripts.screenshots import ARGS, CHROMIUM, serve  # noqa: F401 (the one localhost server and Chromium flags; tests use them as browser.*)


def html_pages(site: Path) -> list[str]:
    """Every page of the site as a URL path ('' for the home page), excluding downloads."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith("data/") and rel != "data":
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages
