"""Two values under the same labels: a row field the text does not show (a pivot table's outer rows with their
subtotals, `2019 27` then `Rape 12`, `2020 30` then `Rape 14`), so neither value can be told apart by its labels."""
from __future__ import annotations

from .tidy import Proposed


def repeated_labels(table: Proposed, at=lambda k: k) -> str | None:
    """Why the table is not read, or None: two row labels or more each recur with a different number, and a row
    above a run of the recurring rows holds their sum (an outer row with its subtotal). One label written twice, or
    labels repeated with no subtotal above them, are left to the other checks."""
    rows = [r for r in table.rows if r["status"] == "reported"]
    own = table.layout_rows or table.dims
    rest = [d for d in table.dims if d not in own]
    seen: dict[tuple[str, ...], dict] = {}
    clashes: dict[tuple[str, ...], tuple[dict, dict]] = {}
    for row in rows:
        key = tuple(str(row[d]).strip().lower() for d in table.dims)
        first = seen.setdefault(key, row)
        named = tuple(str(row[d]).strip().lower() for d in own)
        if first is not row and first["value"] != row["value"]:
            clashes.setdefault(named, (first, row))
    if len(clashes) < 2 or not _subtotal_above(rows, own, rest, set(clashes)):
        return None
    first, row = next(iter(clashes.values()))
    return (f"lines {at(first['line'])} and {at(row['line'])}: two values ({first['value']} and {row['value']}) under the "
            f"same labels {' / '.join(str(row[d]) for d in table.dims)!r}, and {len(clashes) - 1} more label(s) like it, "
            "each run under a row that holds its sum: a row field (a group the rows stand under) is not told apart; "
            "nothing proposed")


def _subtotal_above(rows: list[dict], own: list[str], rest: list[str], repeated: set[tuple[str, ...]]) -> bool:
    """A row whose label does not recur, straight above a run of two or more recurring rows that sum to its value."""
    columns: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        columns.setdefault(tuple(str(row[d]) for d in rest), []).append(row)
    for column in columns.values():
        for k, row in enumerate(column):
            if tuple(str(row[d]).strip().lower() for d in own) in repeated:
                continue
            run = []
            for below in column[k + 1:]:
                if tuple(str(below[d]).strip().lower() for d in own) not in repeated:
                    break
                run.append(below["value"])
            if len(run) >= 2 and sum(run) == row["value"]:
                return True
    return False
