"""Search that scales: a Pagefind index with one record per request, made from the published packages.

Pagefind (from PyPI, with its binary) splits the index into fragments; a reader's browser loads only the index
chunks for the words typed and the fragments of the results shown, so a query costs about the same at 50 or
50,000 requests. The records come from each request's datapackage.json (never from the YAML), as plain text:
reference, force, title, summary, topics, offence codes, questions and caveats; the tables and the verbatim text
stay out, as they did from the theme's search. Filters (force, topic, year of response) let a reader narrow the
results. The site's search page (docs/search.md, docs/assets/search.js) uses Pagefind's own modular UI.
"""
from __future__ import annotations

import asyncio
import csv
import json
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
    """One request as a search record: its words in reading order, its title and reference, and its filters."""
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
        _flat(f"Reference {ref}", f"· {force}", f"· {year}" if year else ""),
        _flat(descriptor["title"]), _flat(descriptor.get("description")), "Topics: " + "; ".join(topic_words),
        ("Home Office offence codes: " + "; ".join(codes)) if codes else "", "Questions: " + " ".join(questions),
        ("Caveats: " + " ".join(caveats)) if caveats else ""] if x)
    return {"url": f"requests/{descriptor['name']}/", "content": content, "language": "en",
            "meta": {"title": descriptor["title"], "reference": ref, "force": force},
            "filters": {"force": [force], "topic": [t["title"] for t in req["topics"]], **({"year": [year]} if year else {})}}


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


async def _write(items: list[dict], bundle: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex
    async with PagefindIndex(config=IndexConfig(force_language="en")) as index:
        for item in items:
            await index.add_custom_record(**item)
        await index.write_files(output_path=str(bundle))


def write_index(items: list[dict], bundle: Path) -> None:
    """Run Pagefind's indexer over the records (in its own thread when this thread already runs an event loop)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(_write(items, bundle))
        return
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: asyncio.run(_write(items, bundle))).result()


def index_site(packages: Path, site: Path) -> Path:
    """Write site/pagefind/ (the index and the parts of Pagefind the search page uses); return its folder."""
    bundle = site / BUNDLE
    write_index(records(packages), bundle)
    for path in bundle.iterdir():
        if path.is_file() and path.name not in KEEP and not path.name.endswith(".pf_meta"):
            path.unlink()
    return bundle
