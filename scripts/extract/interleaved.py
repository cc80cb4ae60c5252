"""A second header beside a table's header or among its rows (two page columns interleaved line by line, or two
tables side by side on the same lines) means the rows may belong to two tables: no reading of them is proposed."""
from __future__ import annotations

from .model import Grid
from .runs import _years, segments


def _headers(line: str, n: int) -> list[str]:
    """The headers on a line: each a heading then two or more years in rising order ('Age band 2019 2020')."""
    return [f"{s.label.strip()} {' '.join(s.texts)}" for s in segments(line, n) if s.label.strip() and _years(s.texts)]


def other_header(grid: Grid, view: list[str], at=lambda k: k) -> str | None:
    """Why the grid's rows may come from two tables, or None: another header with another heading on the header's
    line, or on the line just above or below it (page columns interleaved), or further down among lines that are not
    its rows (another table, stacked under this one, read as part of it)."""
    h = grid.header_line
    if not h or not grid.header or not 1 <= h <= len(view):
        return None
    own = " ".join(grid.header[0].split()).casefold()
    beside = _headers(view[h - 1], h)
    if len({x.split()[0].casefold() for x in beside}) > 1:
        return (f"line {at(h)}: two headers side by side ({' / '.join(beside)}): two tables on the same lines, which "
                "cells belong to which cannot be told; nothing proposed")
    rows = {r.line for r in grid.rows} | {k for r in grid.rows for k in (r.lines or [])}
    above = h - 1
    while above >= 1 and not view[above - 1].strip():
        above -= 1
    below = h + 1
    while below <= len(view) and not view[below - 1].strip():
        below += 1
    near = [n for n in (above, below) if 1 <= n <= len(view) and n not in rows]  # interleaved: the headers are adjacent
    inside = [n for n in range(below + 1, grid.end + 1) if n not in rows]
    for n in near:
        found = [x for x in _headers(view[n - 1], n) if not x.casefold().startswith(own + " ")] if own else []
        if found and len(_headers(view[n - 1], n)) == 1 and view[n - 1].strip() == found[0].strip():
            return (f"lines {at(min(n, h))} and {at(max(n, h))}: two headers ({view[min(n, h) - 1].strip()} / "
                    f"{view[max(n, h) - 1].strip()}): two page columns interleaved line by line, whose rows cannot be "
                    "told apart; nothing proposed")
    for n in inside:
        found = [x for x in _headers(view[n - 1], n) if not x.casefold().startswith(own + " ")] if own else []
        if found and len(_headers(view[n - 1], n)) == 1 and view[n - 1].strip() == found[0].strip():
            return (f"line {at(n)}: another header ({found[0]}) inside the table under line {at(h)}: two tables read as "
                    "one; this reading is not proposed")
    return None
