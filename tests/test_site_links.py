"""No broken internal link anywhere in the built site (pages, assets, downloads and #fragments)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                self.links.append(attrs[key])
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])


def parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def target_file(site: Path, url_path: str) -> Path:
    target = site / unquote(url_path).lstrip("/")
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def test_no_broken_internal_links(site_root):
    site = site_root / "build" / "site"
    parsed = {}
    broken, checked = [], 0
    for page in sorted(site.rglob("*.html")):
        base = "http://site/" + page.relative_to(site).as_posix()
        for link in parse(page).links:
            url = urlparse(urljoin(base, link))
            if url.scheme not in ("http", "https") or url.netloc != "site":
                continue
            target = target_file(site, url.path)
            checked += 1
            if not target.is_file():
                broken.append((page.relative_to(site).as_posix(), link))
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, parse(target).ids)
                if unquote(url.fragment) not in ids:
                    broken.append((page.relative_to(site).as_posix(), link))
    assert broken == []
    assert checked > 500
