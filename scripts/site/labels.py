"""The force-labels page: every offence and outcome label a force wrote, and how (or whether) it maps to a Home Office code."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import charts, pagekit
from .pagekit import read_rows

TOTAL = "Total"


SEEN = 10  # requests named beside an outcome label on the page (all/observations.csv has every one, by force_code and outcome)


def offence_labels(packages: Path, descriptors: list[dict]) -> list[dict]:
    """Each offence label in a table, with the code it maps to in its request (basis, note), or unmapped."""
    out = []
    for d in descriptors:
        mapped = {label: c for c in d["foi:request"]["offenceCodes"] for label in c.get("labels", [])}
        seen: dict[str, None] = {}  # each label once per request, in the order it first appears
        for resource in (r for r in d["resources"] if "foi:measure" in r and "offence" in charts.dimensions(r)):
            seen.update(dict.fromkeys(r["offence"] for r in read_rows(packages / d["name"] / resource["path"]) if r["offence"] != TOTAL))
        for label in seen:
            code = mapped.get(label)
            out.append({"request": d["name"], "force": d["foi:request"]["force"]["title"], "label": label,
                        "code": code["code"] if code else "", "title": code.get("title", "") if code else "",
                        "basis": code["basis"] if code else "unmapped", "note": code.get("note", "") if code else ""})
    return out


def outcomes_seen(packages: Path, d: dict) -> list[str]:
    """The outcome labels in a request's tables, in the order they first appear (Total is not a label)."""
    seen: dict[str, None] = {}
    for resource in (r for r in d["resources"] if "foi:measure" in r and "outcome" in charts.dimensions(r)):
        seen.update(dict.fromkeys(r["outcome"] for r in read_rows(packages / d["name"] / resource["path"]) if r["outcome"] != TOTAL))
    return list(seen)


def outcome_labels(packages: Path, seen: list[tuple[str, str, tuple[str, ...]]]) -> list[dict]:
    """Each outcome label in the reference mapping list, plus any outcome label in a table that the list lacks.

    `seen` holds each request's (name, force code, outcome labels in its tables), in catalog order."""
    listed = read_rows(packages / "reference" / "outcome_labels.csv")
    forces = {f["code"]: f["title"] for f in read_rows(packages / "reference" / "forces.csv")}
    titles = {o["code"]: o["title"] for o in read_rows(packages / "reference" / "outcome_types.csv")}
    out = [{**row, "force_title": forces.get(row["force"], row["force"]), "type_title": titles.get(row["outcome_type"], ""),
            "requests": ""} for row in listed]
    known = {(row["force"], row["label"]): row for row in out}
    for name, force, found in seen:
        for label in found:
            row = known.get((force, label))
            if row is None:
                row = known[(force, label)] = {"force": force, "force_title": forces.get(force, force), "label": label,
                                               "outcome_type": "", "type_title": "", "confidence": "none",
                                               "basis": "not in the mapping list", "source": "", "note": "", "requests": ""}
                out.append(row)
            if name not in row["requests"].split(" "):
                row["requests"] = (row["requests"] + " " + name).strip()
    return out


def labels_pages(packages: Path, summaries: list, memo=None) -> dict[str, str]:
    """labels.md and its pages: the offence labels (labels/page/N.md) and the outcome labels (labels/outcomes/page/N.md),
    PER_PAGE rows to a page each (scripts/site/paginate.py), the first page of both on labels.md; each outcome label names the
    first requests where it was seen (all of them are in the combined observations table).

    `summaries` are the requests' scripts/site/summary.Summary, in catalog order; `memo` may keep a page under its rows."""
    from .paginate import paginate
    outcomes = outcome_labels(packages, [(s.name, s.d["foi:request"]["force"]["code"], s.outcomes) for s in summaries])
    refs = {s.name: s.d["foi:request"].get("reference") or s.name for s in summaries}  # a request is named by its reference
    for row in outcomes:
        seen = [r for r in row["requests"].split(" ") if r]
        row["shown"], row["more"] = [(r, refs.get(r, r)) for r in seen[:SEEN]], len(seen) - len(seen[:SEEN])
    # The outcome labels' first page is the section of labels.md that holds it: its pager links there, to the section.
    outcome_pages = [replace(p, urls=(f"labels/#{OUTCOMES_ID}", *p.urls[1:])) for p in paginate(outcomes, "labels/outcomes.md")]
    offence_pages = paginate([{**row, "reference": refs.get(row["request"], row["request"])} for s in summaries for row in s.offences],
                             "labels.md")
    pages = {}
    for p in offence_pages:
        pages[p.path] = _page(p, outcome_pages[0] if p.number == 1 else None, memo)
    for o in outcome_pages[1:]:
        pages[o.path] = _page(None, o, memo)
    return pages


OUTCOMES_ID = "outcome-labels"


def _page(offences, outcomes, memo) -> str:
    """One page of the labels list: a page of offence labels, of outcome labels, or (the first) of both."""
    heading = "Force labels and Home Office codes"
    if offences is not None and offences.number > 1:
        heading += f", page {offences.number} of {offences.count}"
    elif offences is None:
        heading += f": outcome labels, page {outcomes.number} of {outcomes.count}"
    here = offences or outcomes
    parts = ("labels", *(p and (p.key, list(p.items)) for p in (offences, outcomes)))
    shared = {"offence_notes": shared_texts(offences.items if offences else [], "note"),
              "outcome_notes": shared_texts(outcomes.items if outcomes else [], "note"),
              "sources": shared_texts(outcomes.items if outcomes else [], "source")}
    return (memo or pagekit.unkept)(parts, lambda: pagekit.markdown_page(
        heading, "analyst/labels.html.j2", wide=True, heading=heading, offences=offences, outcomes=outcomes, outcomes_id=OUTCOMES_ID,
        depth=here.root.count("../"), **shared))


def shared_texts(rows, key: str) -> dict[str, int]:
    """The texts under `key` that two or more rows of a page share, numbered in order of first use: the page says each
    once, under its table, and the rows cite it by number, instead of saying it again on every row."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.get(key):
            counts[row[key]] = counts.get(row[key], 0) + 1
    return {text: n for n, text in enumerate((t for t, c in counts.items() if c > 1), 1)}
