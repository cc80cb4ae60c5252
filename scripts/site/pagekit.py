"""Generated pages from auto-escaping Jinja2 templates: Markdown files whose body is one raw HTML block.

Curated text reaches a page only through the template's escaping, and the body is written on one line so
Markdown passes it through untouched (it never re-reads curated text as Markdown or attribute lists).
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"


def read_rows(path: Path) -> list[dict]:
    """A built CSV (a table, questions, caveats, a reference list) as dicts of text, in file order."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# Caveat kinds the build finds itself (scripts/curated/load.py), which are our check and never the force's words.
OUR_CHECKS = frozenset({"total-mismatch"})
LONG_TEXT = 40_000  # bytes of response.txt above which the text gets a page of its own, so the request page stays light


def text_page(descriptor: dict) -> bool:
    """Whether a request's response text is shown on its own page (requests/<id>/text/) instead of in the request page."""
    response = next((r for r in descriptor["resources"] if r["name"] == "response"), {})
    return int(response.get("bytes", 0)) > LONG_TEXT


def text_href(descriptor: dict) -> str:
    """Where a request page's line links point, relative to the request page: "" (the page itself) or "text/"."""
    return "text/" if text_page(descriptor) else ""


def slug(text: str) -> str:
    """An anchor-safe form of a code: '86/2' -> '86-2', '88A' -> '88a'."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def grouped(items, key: str) -> list[tuple]:
    """Items grouped by a key in the order each key first appears (Jinja's groupby sorts): [(key, [items])]."""
    out: dict = {}
    for item in items:
        out.setdefault(item[key], []).append(item)
    return list(out.items())


@cache
def environment() -> jinja2.Environment:
    """The one template environment: autoescape on for every template, undefined names are errors."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters.update(plural=plural, slug=slug, grouped=grouped, tabs=lambda s: Markup(escape(s)).replace("\t", Markup("&#9;")),
                       nl=lambda s: Markup(escape(s)).replace("\n", Markup("&#10;")))
    env.globals.update(our_checks=OUR_CHECKS, fate_word=lambda s: SHOWN_FATES.get(s, s), fate=fate)
    return env


def html(template: str, **context) -> str:
    """A template rendered to HTML on one line (newlines in markup become spaces; no <pre> is used in these templates)."""
    return " ".join(environment().get_template(template).render(**context).split("\n")).strip()


def markdown_page(title: str, template: str, wide: bool = False, **context) -> str:
    """A page: front matter with the title (JSON string, a valid YAML scalar), then the body as one raw HTML block.

    `wide`: a page of wide tables, without the contents sidebar (empty on such a page), so the tables have its width."""
    hide = "\nhide: [toc]" if wide else ""
    return f"---\ntitle: {json.dumps(title)}{hide}\n---\n\n{html(template, title=title, **context)}\n"


def unkept(parts: tuple, make) -> str:
    """The memo of a render that keeps nothing: every page is made (the build passes one that keeps them, scripts/site/pagecache.py)."""
    return make()


def write_page(out: Path, rel: str, text: str) -> None:
    """Write one generated page under the generated docs folder."""
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    (out / rel).write_text(text, encoding="utf-8")


# Question fates in the order a reader asks about them, with the words for them.
FATES = {"answered": "answered", "partly-answered": "partly answered", "refused-cost": "refused on cost (s12)",
         "exempt": "exempt", "not-held": "not held", "answered-in-attachment": "answered in an attachment we do not have",
         "not-addressed": "not addressed in the response"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 request', '2 requests' (or the given plural)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


BEYOND_TEXT = "not-in-text"  # a question the partial text we hold does not reach: not "not addressed" by the force
SHOWN_FATES = {**FATES, BEYOND_TEXT: "not in the text we hold"}


def partial(d: dict) -> bool:
    """Whether we hold only part of the response (its source says foi:partial), as the request page says."""
    return bool((d.get("sources") or [{}])[0].get("foi:partial"))


def fate(q: dict, partial_text: bool) -> str:
    """A question's fate as a page shows it: one marked not addressed, with no quote, in a partial text is beyond its
    cut (BEYOND_TEXT), since the force may answer it in the part we do not hold (request/questions.html says the same)."""
    return BEYOND_TEXT if partial_text and q["status"] == "not-addressed" and not q.get("quote") else q["status"]


def status_line(questions: list[dict], partial_text: bool = False) -> str:
    """'4 questions: 1 partly answered, 2 answered in an attachment we do not have, 1 exempt.'

    `partial_text`: we hold only part of the response, so a question beyond its cut counts as "not in the text we hold"."""
    counts = Counter(fate(q, partial_text) for q in questions)
    parts = [f"{counts[s]} {SHOWN_FATES[s]}" for s in SHOWN_FATES if counts[s]] + [f"{n} {s}" for s, n in sorted(counts.items()) if s not in SHOWN_FATES]
    return f"{plural(len(questions), 'question')}: {', '.join(parts)}." if questions else "No questions recorded."
