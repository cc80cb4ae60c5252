"""How good make draft is: draft each curated request from its response.txt alone (and source.url), compare field by field.

python -m scripts.draft.measure [ID ...]: for each request, the facts proposed correctly, those left blank, and those
proposed wrongly (false); the share is correct / all curated facts. A curated request.yaml is never touched: each draft
is written into a temporary folder.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from ..curated.tables import FIXED
from ..packages.writers import csv_bytes  # noqa: F401 (the draft's CSVs are compared as rows, not bytes)
from .draft import draft

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ["bedfordshire-foi2019-05348", "hertfordshire-foi2018-00739", "south-yorkshire-20180075", "south-yorkshire-20180799",
         "south-yorkshire-20210999"]


def _flat(text) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def _rows(path: Path) -> list[dict]:
    import csv
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _key(row: dict) -> tuple:
    """A value as the reader sees it: line, value, status and its labels (whatever the dimensions are called)."""
    labels = tuple(sorted(v for k, v in row.items() if k not in FIXED))
    return (str(row["line"]), "" if row["value"] is None else str(row["value"]), row["status"], labels)


def compare(request: str, root: Path = ROOT) -> dict:
    """Correct, blank and false facts of the draft of one curated request."""
    folder = root / "datapackages" / request
    curated = yaml.safe_load((folder / "request.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(folder / "response.txt", Path(tmp) / "response.txt")
        got, rows, _ = draft(Path(tmp) / "response.txt", curated["source"].get("url"), root / "datapackages" / "reference")
    out = {"correct": [], "blank": [], "false": []}

    def fact(name, want, have):
        out["correct" if have == want else "blank" if have in (None, "", ()) else "false"].append(
            name if have == want else f"{name}: curated {want!r}, drafted {have!r}")

    fact("reference", curated["reference"]["value"], (got["reference"] or {}).get("value"))
    fact("force", curated["force"]["code"], (got["force"] or {}).get("code"))
    for key, dated in curated["dates"].items():
        fact(f"dates.{key}", dated["date"], got["dates"].get(key, {}).get("date"))
    drafted = {q["id"]: q for q in got["questions"]}
    for q in curated["questions"]:
        d = drafted.get(q["id"], {})
        fact(f"question {q['id']} id", q["id"], d.get("id"))
        fact(f"question {q['id']} text", _flat(q["text"]), _flat(d.get("text")) or None)
        fact(f"question {q['id']} status", q["status"] + (f" {q['section']}" if q.get("section") else ""),
             (d.get("status") or "") + (f" {d['section']}" if d.get("section") else "") or None)
    for extra in sorted(set(drafted) - {q["id"] for q in curated["questions"]}):
        out["false"].append(f"question {extra}: not a question of the curated request")
    want_codes = {c["code"] for c in curated.get("offence_codes", [])}
    have_codes = {c["code"] for c in got["offence_codes"]}
    for code in sorted(want_codes):
        fact(f"offence code {code}", code, code if code in have_codes else None)
    out["false"] += [f"offence code {c}: not curated" for c in sorted(have_codes - want_codes)]
    drafted_periods = {(p["start"], p["end"]) for p in got["periods"]}
    for p in curated.get("periods", []):  # a drafted period the curator left out is no error: it stands in the text, read by the build's rule
        fact(f"period {p['start']} to {p['end']}", (p["start"], p["end"]), (p["start"], p["end"]) if (p["start"], p["end"]) in drafted_periods else None)
    for topic in curated["topics"]:
        fact(f"topic {topic}", topic, topic if topic in (got["topics"] or []) else None)
    out["false"] += [f"topic {t}: not curated" for t in (got["topics"] or []) if t not in curated["topics"]]
    for table in curated["tables"]:
        want = _rows(folder / table["path"])
        keys = Counter(_key(r) for r in want)
        best, best_hits = None, 0
        for meta in got["tables"]:
            hits = sum((Counter(_key(r) for r in rows[meta["name"]]) & keys).values())
            if hits > best_hits:
                best, best_hits = meta, hits
        fact(f"table {table['name']} found", True, True if best else None)
        if best is None:
            out["blank"] += [f"table {table['name']} value" for _ in want]
            continue
        have = Counter(_key(r) for r in rows[best["name"]])
        matched = have & keys
        out["correct"] += [f"table {table['name']} value" for _ in range(sum(matched.values()))]
        out["blank"] += [f"table {table['name']} value (not proposed)" for _ in range(sum((keys - have).values()))]
        out["false"] += [f"table {table['name']}: drafted value {k} not curated" for k in (have - keys)]
        shape = lambda lay: (len(lay["rows"]), len(lay["columns"]))  # noqa: E731 (names may differ; the shape may not)
        curated_layout = table.get("layout") or {"rows": [d["name"] for d in table["dimensions"]], "columns": []}
        fact(f"table {table['name']} layout", shape(curated_layout), shape(best["layout"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ids = (argv if argv is not None else sys.argv[1:]) or SEEDS
    totals = Counter()
    for request in ids:
        result = compare(request)
        n = {k: len(v) for k, v in result.items()}
        totals.update(n)
        print(f"{request}: {n['correct']} correct, {n['blank']} left blank, {n['false']} false")
        for line in result["false"]:
            print(f"  FALSE {line}")
        for line in result["blank"]:
            print(f"  blank {line}")
    curated = totals["correct"] + totals["blank"] + totals["false"]
    print(f"\nall: {totals['correct']} of {curated} curated facts proposed correctly ({100 * totals['correct'] / max(curated, 1):.1f}%), "
          f"{totals['blank']} left blank, {totals['false']} false")
    return 0


if __name__ == "__main__":
    sys.exit(main())
