"""The extractor's proposed tables as request.yaml declarations: layout, dimensions and any stated total that disagrees."""
from __future__ import annotations

from dataclasses import dataclass

from ..curated import reconcile
from ..curated.dimensions import kind_of, nearest


@dataclass
class _Shim:
    """What reconcile.checks reads of a table: its dimensions and rows (values as numbers)."""

    dims: list[str]
    rows: list[dict]


def declare(table, known) -> tuple[dict, list[dict], list[str]]:
    """One table's declaration, its rows under the extractor's names (the vocabulary's, scripts/extract/vocab.py), and what
    a curator must still write."""
    names = {d: d for d in table.dims}
    blank = [f"tables[{table.name}]: title, description and measure (what a value counts) are yours to write"]
    for new in names.values():
        if kind_of(new, known) is None:
            near = nearest(new, known)
            blank.append(f"tables[{table.name}]: dimension {new!r} is not in the vocabulary"
                         f"{f' (nearest: {near})' if near else ''}; rename it in the CSV and here")
    rows = [{**{names[d]: r[d] for d in table.dims}, **{k: r[k] for k in ("value", "status", "line")}} for r in table.rows]
    for r in rows:
        if r["status"] == "nil" and r["value"] in (None, ""):
            r["value"] = 0  # a nil word is recorded as 0 (docs/curation.md)
    dims = [names[d] for d in table.dims]
    meta = {"name": table.name, "path": f"tables/{table.name}.csv", "title": None, "description": None, "measure": None,
            "layout": {"rows": [names[d] for d in table.layout_rows], "columns": [names[d] for d in table.layout_columns]},
            "dimensions": [{"name": d, "title": d.replace("_", " ").capitalize(), "description": "As the force wrote it."} for d in dims]}
    mismatches = _mismatches(dims, rows)
    if mismatches:
        meta["mismatches"] = mismatches
        blank.append(f"tables[{table.name}].mismatches: {len(mismatches)} stated total(s) do not equal their parts; check each against "
                     "the text, and say in the note what the force says of it")
    return meta, rows, blank


def _mismatches(dims: list[str], rows: list[dict]) -> list[dict]:
    """Each stated total whose parts add up to another number, as the build's reconciliation finds it."""
    numeric = [{**r, "value": int(r["value"]) if r["value"] not in (None, "") else None} for r in rows]
    out = []
    for check in reconcile.checks(_Shim(dims, numeric)):
        if not check.agrees:
            out.append({"total": {d: str(check.total[d]) for d in dims}, "over": check.over,
                        "note": f"{reconcile.plain(check, dims)} (found by make draft: confirm against the text)"})
    return out
