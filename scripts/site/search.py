"""Search that scales: a Pagefind index with one record per request, made from the published packages.

Pagefind (pagefind-bin from PyPI: its binary) splits the index into fragments; a reader's browser loads only the index
chunks for the words typed and the fragments of the results shown, so a query costs about the same at 50 or
50,000 requests. The records come from each request's datapackage.json (never from the YAML), as plain text:
reference, force, title, summary, topics, offence codes, questions and caveats; the tables and the verbatim text
stay out, as they did from the theme's search. No Pagefind filters: in Pagefind 1.5.2 their files come out in a
different order on every run, and the build must give the same bytes; the force, topics and year are words of the
record instead. The records are written as small pages and indexed by Pagefind's binary in one run (its Python API
waits 0.1 s per record). The site's search page (docs/search.md, docs/assets/search.js) uses Pagefind's modular UI.
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
    topic_words = [_flat(topics.get(t["code"], {}).get("title", t["title"]), f"({t['code'].replace('-', ' ')}):",
                         topics.get(t["code"], {}).get("description", "").rstrip(".")) for t in req["topics"]]
    codes = [_flat(c["code"], c.get("title", "")) for c in req.get("offenceCodes", [])]
    questions = [_flat(q.get("question_id"), q.get("text")) for q in _rows(packages / descriptor["name"] / "questions.csv")]
    caveats = [_flat(c.get("kindTitle"), c.get("quote")) for c in descriptor.get("foi:caveats", [])]
    content = ". ".join(x for x in [
        _flat(descriptor["title"]), _flat(descriptor.get("description")), "Topics: " + "; ".join(topic_words),
        ("Home Office offence codes: " + "; ".join(codes)) if codes else "", "Questions: " + " ".join(questions),
        ("Caveats: " + " ".join(caveats)) if caveats else "", _flat(f"Reference {ref}", f"· {force}", f"· {year}" if year else "")]
        if x)  # the reference last: the result shows it above the excerpt anyway
    return {"url": f"requests/{descriptor['name']}/", "content": content, "language": "en",
            "meta": {"title": descriptor["title"], "reference": ref, "force": force}}


def records(packages: Path) -> list[dict]:
    """Every request's record, in catalog order (the same order every build)."""
    catalog = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))
    topics = {r["code"]: r for r in _rows(packages / "reference" / "topics.csv")}
    out = []
    for entry in catalog["packages"]:
        if entry["name"] in ("all", "reference"):
            continue
        descriptor = json.loads((packages / entry["path"]).read_text(encoding="utf-8"))
        out.append(record(packages, descriptor, topics))
    return out


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
    return (f'<!DOCTYPE html><html lang="{e(item["language"])}"><head><meta charset="utf-8"><title>{e(item["meta"]["title"])}</title>'
            f'</head><body><main data-pagefind-body><div data-pagefind-ignore>{meta}</div><p>{e(item["content"])}</p>'
            "</main></body></html>\n")


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


def index_site(packages: Path, site: Path, previous: Path | None = None) -> Path:
    """Write site/pagefind/ (the index and the parts of Pagefind the search page uses); return its folder.

    When the records and the code are those of the published build (`previous` is its version folder, whose .cache/
    records their hash), its bundle is hard-linked instead of indexing again.
    """
    from ..common.cache import code_key
    bundle = site / BUNDLE
    items = records(packages)
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
