"""The one strict measure of a constructed table's reading, shared by the shape tests: a value counts as read only with
both its labels right, and a value is wrong when it carries another value's label or a label the table does not have."""
from __future__ import annotations

from scripts.extract import extract


def measure(text: str, header: list[str], rows: list[list[str]]) -> tuple[int, int, list[tuple]]:
    """(values read with both labels right, values in the table, proposed values with a wrong or foreign label)."""
    cells = [(r[0], h, v.replace(",", "")) for r in rows for h, v in zip(header[1:], r[1:]) if v]
    every = {c for c in header if c} | {r[0] for r in rows} | {"Total"}
    got, bad = set(), []
    for table in extract(text.encode()).proposals:
        for row in table.rows:
            if row["status"] == "blank":
                continue
            labels = {str(row[d]) for d in table.dims}
            value = str(row["value"]) if row["value"] is not None else None
            mine = [k for k, (label, head, v) in enumerate(cells) if v == value and labels <= {label, head, "Total"} - {""}]
            if labels - every or not mine:
                bad.append((value, sorted(labels), row["line"]))
                continue
            got |= {k for k in mine if cells[k][0] in labels and (cells[k][1] in labels or not cells[k][1])}
    return len(got), len(cells), bad
