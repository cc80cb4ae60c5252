"""Stated totals against the sum of their parts: a mismatch is an error unless declared."""
from __future__ import annotations

from dataclasses import dataclass

from .tables import TOTAL, Table


@dataclass(frozen=True)
class Check:
    """One stated total, the dimension it sums over, and what its parts add up to."""

    total: dict
    over: str
    parts: tuple
    parts_sum: int

    @property
    def agrees(self) -> bool:
        return (self.total["value"] or 0) == self.parts_sum


def checks(table: Table) -> list[Check]:
    """Every (total, dimension) pair that has parts in the table; blank cells count as zero."""
    groups: dict[tuple, list[dict]] = {}
    for row in table.rows:
        for dim in table.dims:
            if row[dim] != TOTAL:
                others = tuple(row[d] for d in table.dims if d != dim)
                groups.setdefault((dim, others), []).append(row)
    out = []
    for row in table.rows:
        if row["status"] == "suppressed":
            continue
        for dim in table.dims:
            if row[dim] != TOTAL:
                continue
            parts = groups.get((dim, tuple(row[d] for d in table.dims if d != dim)), [])
            if not parts or any(p["status"] == "suppressed" for p in parts):
                continue
            out.append(Check(row, dim, tuple(parts), sum(p["value"] or 0 for p in parts)))
    return out


def _place(row) -> str:
    """Where a row stands: `line 12` of the response, or a cell such as `Offences!C7` (dict rows and Rows alike)."""
    cell = row.get("cell") if isinstance(row, dict) else getattr(row, "cell", None)
    if cell:
        sheet = row.get("sheet") if isinstance(row, dict) else row.sheet
        return f"{sheet}!{cell}"
    return f"line {row['line']}"


def describe(check: Check, dims: list[str]) -> str:
    """Plain words for a check: both numbers and the lines (or cells) they stand on."""
    where = ", ".join(f"{d}={check.total[d]}" for d in dims)
    places = sorted({_place(p) for p in check.parts}, key=lambda x: (len(x), x))
    total = check.total["value"] if check.total["value"] is not None else "(blank)"
    if all(x.startswith("line ") for x in places + [_place(check.total)]):
        lines = sorted({p["line"] for p in check.parts})
        return (f"stated total {total} ({where}; response line {check.total['line']}) but its parts over {check.over} add up to "
                f"{check.parts_sum} (response lines {', '.join(map(str, lines))})")
    return (f"stated total {total} ({where}; {_place(check.total)}) but its parts over {check.over} add up to "
            f"{check.parts_sum} ({', '.join(places)})")


def plain(check: Check, dims: list[str]) -> str:
    """A mismatch in a reader's words: the force's total, then what the rows it lists add up to, with where each stands."""
    labels = [str(check.total[d]) for d in dims if check.total[d] != TOTAL]
    total = check.total["value"] if check.total["value"] is not None else "blank"
    of = f" for {'; '.join(labels)}" if labels else ""
    places = sorted({_place(p) for p in check.parts}, key=lambda x: (len(x), x))
    if all(x.startswith("line ") for x in places):
        places = [f"{'line' if len(places) == 1 else 'lines'} {', '.join(x[5:] for x in places)}"]
    return (f"The force's total{of} is {total} ({_place(check.total)}); the rows it lists add up to {check.parts_sum} "
            f"({', '.join(places)})")
