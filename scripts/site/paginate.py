"""Browse pages that stay light: a long list is cut into static pages of PER_PAGE items, each usable without JavaScript.

The first page keeps the list's usual address (requests/, forces/force-kent/); the others follow it as
<folder>/page/<n>/. Each page knows its place (items n to m of N, page k of K) and links to the others.
"""
from __future__ import annotations

from dataclasses import dataclass

PER_PAGE = 100  # rows per page: about 60 KB of HTML for a list of requests
PREVIEW = 5  # newest items shown on an index page beside the link to the whole list
WINDOW = 2  # page numbers shown either side of the current one


@dataclass(frozen=True)
class Page:
    """One page of a list: its Markdown file, its place among the pages, and its items."""

    path: str  # the generated Markdown file, e.g. requests/page/2.md
    urls: tuple[str, ...]  # every page of the list, from the site root (requests/, requests/page/2/, ...)
    number: int
    items: tuple
    start: int  # 1-based position of the first item in the whole list
    total: int

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def key(self) -> tuple:
        """Everything this page shows of its place in the list (its pager: n–m of N, page k of K, the links), for a memo key."""
        return (self.path, self.urls, self.number, self.start, self.total)

    @property
    def end(self) -> int:
        return self.start + len(self.items) - 1

    @property
    def root(self) -> str:
        """The relative path from this page to the site root (use_directory_urls)."""
        return "../" * self.urls[self.number - 1].count("/")

    def href(self, number: int) -> str:
        return self.root + self.urls[number - 1]

    def numbers(self) -> list[int | None]:
        """Page numbers to offer: the first, the last and a window around this one (None marks a gap)."""
        shown = sorted({1, self.count, *range(max(1, self.number - WINDOW), min(self.count, self.number + WINDOW) + 1)})
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out


def url_of(path: str) -> str:
    """The address of a generated Markdown file from the site root: requests/index.md -> requests/, a/b.md -> a/b/."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def paginate(items: list, first: str, per_page: int | None = None) -> list[Page]:
    """Cut `items` into pages (PER_PAGE each unless told); the first is the Markdown file `first`, the others <folder>/page/<n>.md."""
    per_page = per_page or PER_PAGE
    folder = first.removesuffix(".md").removesuffix("/index")
    paths = [first] + [f"{folder}/page/{n}.md" for n in range(2, max(1, -(-len(items) // per_page)) + 1)]
    urls = tuple(url_of(p) for p in paths)
    return [Page(path, urls, n, tuple(items[(n - 1) * per_page:n * per_page]), (n - 1) * per_page + 1, len(items))
            for n, path in enumerate(paths, 1)]
