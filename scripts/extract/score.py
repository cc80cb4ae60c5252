"""Weigh a candidate reading of a table (a header and rows of cells): headers that look like headers, labels that stay
labels, totals that add up. The readers propose a reading only when it clearly beats the others."""
from __future__ import annotations

from .cells import AGE, YEAR, is_total, is_value, read_cell, unwrap

CLEAR = 2.0  # how far the best reading must stand above the next one to be proposed


def _count(cell: str) -> bool:
    """A number that is not a year: a count."""
    return read_cell(cell).status == "reported" and not YEAR.match(unwrap(cell))


def score(header: list[str], rows: list[list[str]]) -> float:
    """Higher is more plausible. Every cell of a row after its label is a value or blank (the readers make sure)."""
    points = 0.0
    heads = [unwrap(h) for h in header[1:]]
    if heads and all(h and (not is_value(h) or YEAR.match(h) or AGE.match(h)) for h in heads):
        points += 2  # a header of headings, years or bands
    points -= 4 * sum(_count(h) for h in heads)  # a count in the header: the rows are cut in the wrong place
    if header and YEAR.match(unwrap(header[0])) and any(YEAR.match(h) for h in heads):
        points -= 4  # a year over the row labels while years head the columns: the header is cut one cell late
    labels = [unwrap(r[0]) for r in rows]
    years = all(YEAR.match(x) or is_total(x) for x in labels)
    points -= 2 * sum(_count(x) or (bool(YEAR.match(x)) and not years) for x in labels)  # labels stay labels
    points += _totals(rows)
    return points


def _totals(rows: list[list[str]]) -> float:
    """+2 for each column a Total row states correctly over the rows above it, -1 for each it states wrongly."""
    points, start = 0.0, 0
    for k, row in enumerate(rows):
        if not is_total(row[0]):
            continue
        for c in range(1, len(row)):
            stated = read_cell(row[c]).value
            parts = [read_cell(r[c]).value for r in rows[start:k] if c < len(r)]
            if stated is None or not parts or any(p is None for p in parts):
                continue
            points += 2 if sum(parts) == stated else -1
        start = k + 1
    return points
