"""Search that scales: a Pagefind index with one record per request, made from the published packages.

Pagefind (pagefind-bin from PyPI: its binary) splits the index into fragments; a reader's browser loads only the index
chunks for the words typed and the fragments of the results shown, so a query costs about the same at 50 or
50,000 requests. The records come from each request's datapackage.json (never from the YAML), as plain text:
reference, force, title, summary, topics, offence codes, questions and caveats; the tables and the verbatim text
stay out, as they did from the theme's search. No Pagefind filters: in Pagefind 1.5.2 their files come out in a
different order on every run, and the build must give the same bytes; the force, topics and year are words of the
record instead. The records are written as small pages and indexed by Pagefind's binary in one run (its Python API
waits 0.1 s per record). The site's search page (docs/search.md, docs/assets/search.js) uses Pagefind's modular UI.
Besides the requests, the glossary, the caveat glossary and each caveat kind's page, the topic and force lists and the
reader's guide have a record each, weighted lower so that a request ranks above a page that explains its words. A
request's record reads as its page does: summary, questions, caveats, title; what it is about (topic and code list
words) follows in a low-weighted part, so that excerpts come from the request's own words.
"""
from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BUNDLE = "pagefind"
KEEP = {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
        "wasm.en.pagefind", "wasm.unknown.pagefind"}  # the rest of the bundle (other UIs, highlight, playground) is not used


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _flat(*parts) -> str:
    return " ".join(" ".join(str(p).split()) for p in parts if p)


def record(packages: Path, descriptor: dict, topics: dict[str, dict]) -> dict:
    """One request as a search record: its words in reading order, and its title, reference and force to show."""
    req = descriptor["foi:request"]
    ref = req["reference"]
    force = req["force"]["title"]
    year = req["dates"].get("response", {}).get("date", "")[:4]
    topic_words = [_flat(topics.get(t["code"], {}).get("title", t["title"]) + ":",
                         topics.get(t["code"], {}).get("description", "").rstrip(".")) for t in req["topics"]]
    codes = [_flat(c["code"], c.get("title", "")) for c in req.get("offenceCodes", [])]
    questions = [_flat(q.get("text")) for q in _rows(packages / descriptor["name"] / "questions.csv")]
    caveats = [_flat(c.get("quote")) for c in descriptor.get("foi:caveats", [])]
    content = " ".join(_sentence(x) for x in [
        _flat(descriptor.get("description")), *questions, *caveats,
        _flat(descriptor["title"]), _flat(f"Reference {ref}", f"· {force}", f"· {year}" if year else "")] if x)
    # what it is about, in the topic list's and code list's words: found by a search, but weighted low (ABOUT_WEIGHT) so
    # that an excerpt comes from the request's own summary and questions, not from this boilerplate (reader review A15)
    about = " ".join(_sentence(x) for x in ["About " + "; ".join(topic_words),
                                             ("Home Office offence codes " + "; ".join(codes)) if codes else ""] if x)
    return {"url": f"requests/{descriptor['name']}/", "content": content, "about": about, "language": "en",
            "meta": {"title": descriptor["title"], "reference": ref, "force": force, "summary": _flat(descriptor.get("description")),
                     "about": about}}


def _sentence(text: str) -> str:
    """Text ending in a full stop (or its own punctuation), so that excerpts read as sentences."""
    text = text.strip()
    return text if not text or text[-1] in ".?!:)”\"'" else text + "."


ABOUT_WEIGHT = "0.2"  # a request's topic and code boilerplate: Pagefind picks an excerpt's window by weighted matches
PAGE_WEIGHT = "0.1"  # a page that explains words ranks below a request that uses them (Pagefind's data-pagefind-weight)


def page_records(packages: Path, glossary: list[dict], guide: str = "") -> list[dict]:
    """The pages that explain the collection's words, one record each: glossary, caveat kinds, topics, forces, the guide."""
    ref = packages / "reference"
    kinds = _rows(ref / "caveat_kinds.csv")
    topics = _rows(ref / "topics.csv")
    out = [{"url": "glossary/", "meta": {"title": "Glossary", "kind": "Glossary of the forces' words"},
            "content": " ".join(_sentence(_flat(t["term"] + ":", t["definition"])) for t in glossary)},
           {"url": "caveats/", "meta": {"title": "Caveat glossary", "kind": "The kinds of caveat forces give"},
            "content": " ".join(_sentence(_flat(k["title"] + ":", k["description"])) for k in kinds)},
           {"url": "topics/", "meta": {"title": "By topic and offence code", "kind": "Requests by topic"},
            "content": " ".join(_sentence(_flat(t["title"] + ":", t["description"])) for t in topics)}]
    out += [{"url": f"caveats/kind-{_slug(k['code'])}/", "meta": {"title": k["title"], "kind": "A kind of caveat"},
             "content": _sentence(_flat(k["title"] + ":", k["description"]))} for k in kinds]
    if guide:
        out.append({"url": "reading/", "meta": {"title": "How to read this data", "kind": "Guide for readers"}, "content": _flat(guide)})
    return [{**r, "language": "en", "weight": PAGE_WEIGHT} for r in out]


def _slug(text: str) -> str:
    import re
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def records(packages: Path, docs: Path | None = None) -> list[dict]:
    """Every request's record, in catalog order (the same order every build), then the explaining pages' records.

    A caveat kind's page is indexed only where the site will have it (a kind no request carries has no page): where
    `docs`, the generated Markdown that MkDocs renders, holds its source. Not the built site: the index is made beside
    MkDocs, before the site's pages exist."""
    import yaml
    catalog = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))
    topics = {r["code"]: r for r in _rows(packages / "reference" / "topics.csv")}
    out = []
    for entry in catalog["packages"]:
        if entry["name"] in ("all", "reference"):
            continue
        descriptor = json.loads((packages / entry["path"]).read_text(encoding="utf-8"))
        out.append(record(packages, descriptor, topics))
    glossary = yaml.safe_load(Path(__file__).with_name("glossary.yaml").read_text(encoding="utf-8"))
    guide = Path(__file__).parents[2] / "docs" / "reading.md"
    text = guide.read_text(encoding="utf-8").split("---", 2)[-1] if guide.is_file() else ""
    pages = page_records(packages, glossary, _plain(text))
    return out + [r for r in pages if docs is None or _has_source(docs, r["url"])]


def _has_source(docs: Path, url: str) -> bool:
    """Whether MkDocs will make the page `url` (name/ comes from name.md or name/index.md)."""
    name = url.rstrip("/")
    return (docs / f"{name}.md").is_file() or (docs / name / "index.md").is_file()


def _plain(markdown: str) -> str:
    """Markdown's words without its marks (headings, links' addresses, emphasis), for a record."""
    import re
    text = re.sub(r"<[^>]+>", " ", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    return text.replace("**", "").replace("`", "")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def record_html(item: dict) -> str:
    """A record as a small HTML page for Pagefind's indexer: title, reference and force as metadata, then the words to
    index (everything escaped; Pagefind reads the text back and escapes it again when it shows it)."""
    e = html.escape
    meta = "".join(f'<span data-pagefind-meta="{e(k)}">{e(v)}</span>' for k, v in item["meta"].items())
    weight = f' data-pagefind-weight="{e(item["weight"])}"' if item.get("weight") else ""
    return (f'<!DOCTYPE html><html lang="{e(item["language"])}"><head><meta charset="utf-8"><title>{e(item["meta"]["title"])}</title>'
            f'</head><body><main data-pagefind-body><div data-pagefind-ignore>{meta}</div><p{weight}>{e(item["content"])}</p>'
            + (f'<p data-pagefind-weight="{ABOUT_WEIGHT}">{e(item["about"])}</p>' if item.get("about") else "")
            + "</main></body></html>\n")


def write_index(items: list[dict], bundle: Path) -> None:
    """Run Pagefind's indexer (the binary from PyPI) over the records, written as pages at their URLs in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        for item in items:
            page = Path(tmp) / item["url"] / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_html(item), encoding="utf-8")
        cmd = [sys.executable, "-m", "pagefind_bin", "--site", tmp, "--output-path", str(bundle.absolute()), "--force-language", "en", "--quiet"]
        from ..common.children import die_with_parent  # it runs beside MkDocs: a killed build leaves no indexer writing
        done = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=die_with_parent)
    if done.returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
        from ..curated.errors import BuildFailed, Problem
        raise BuildFailed([Problem("scripts/site/search.py", None, "pagefind", (done.stdout + done.stderr).strip()[-2000:] or "failed", "mkdocs")])


def index_site(packages: Path, site: Path, previous: Path | None = None, docs: Path | None = None) -> Path:
    """Write site/pagefind/ (the index and the parts of Pagefind the search page uses); return its folder.

    When the records and the code are those of the published build (`previous` is its version folder, whose .cache/
    records their hash), its bundle is hard-linked instead of indexing again.
    """
    from ..common.cache import code_key
    bundle = site / BUNDLE
    items = records(packages, docs)
    key = hashlib.sha256(json.dumps([code_key(), items], sort_keys=True).encode()).hexdigest()
    (site.parent / ".cache").mkdir(exist_ok=True)
    old = previous / "site" / BUNDLE if previous else None
    if old and old.is_dir() and _read(previous / ".cache" / "search.key") == key:
        shutil.copytree(old, bundle, copy_function=os.link)
        os.link(previous / ".cache" / "search.key", site.parent / ".cache" / "search.key")
        return bundle
    (site.parent / ".cache" / "search.key").write_text(key + "\n", encoding="ascii")
    write_index(items, bundle)
    for path in bundle.iterdir():
        if path.is_file() and path.name not in KEEP and not path.name.endswith(".pf_meta"):
            path.unlink()
    return bundle
