"""Lay a table's tidy rows back out as the force printed them (DESIGN.md: "A table has two faces").

The tidy rows are the data; the layout (`foi:layout`) says which dimensions the force put
down the side (outer to inner) and which across the top. This module is the one place that
turns one into the other for the pages: row keys keep their order of first appearance (the
order the force printed them), a row whose inner dimensions read Total is its group's
heading, and columns keep their order with the all-Total column last. It never computes a
number: every cell is a tidy row, with its status and cited line.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..curated.markers import NIL_ON_LINE, SUPPRESSED_ON_LINE

TOTAL = "Total"


class LayoutError(ValueError):
    """The tidy rows do not fit the layout (a dimension missing, or two rows for one cell)."""


CITE = ("page", "line", "sheet", "cell")  # where a value stands: a line of the text, a page and line of a PDF, a sheet and cell
GAP = re.compile(r"\s{2,}")  # between the columns of a PDF page's line as laid out
Place = Callable[[tuple], str]  # the text at a cited place of an attached file: a sheet's cell, or a PDF page's line


@dataclass(frozen=True)
class Cell:
    """One tidy row placed in the grid: what to show, and where it stands in its source."""

    value: str
    status: str
    is_total: bool
    shown: str  # the text the force printed for it: the number, its nil/suppressed marker, or "" when blank
    cite: tuple[tuple[str, str], ...]  # (field, value) pairs: ("line", "39") or ("sheet", "Offences"), ("cell", "C7")
    ours: bool = False  # shown is our status word: the force's mark could not be read where the value stands

    @property
    def line(self) -> str:
        """The line of the response text it stands on ("" when it stands in another file)."""
        where = dict(self.cite)
        return where.get("line", "") if set(where) == {"line"} else ""

    @property
    def place(self) -> str:
        """Where it stands, in words: "line 39", "sheet Offences, cell C7", "page 2, line 5"."""
        return ", ".join(f"{k} {v}" for k, v in self.cite)


@dataclass(frozen=True)
class Row:
    """One printed row: its full key, the label shown, its nesting depth and its cells by column."""

    key: tuple[str, ...]
    label: str
    depth: int
    kind: str  # "data", "heading" (a group's subtotal row), "total" (every row dimension Total) or "group" (label only)
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class Crosstab:
    """A table as the force laid it out."""

    row_dims: tuple[str, ...]
    col_dims: tuple[str, ...]
    columns: tuple[tuple[str, ...], ...]
    rows: tuple[Row, ...]

    @property
    def is_list(self) -> bool:
        """No dimension across the top: a simple list of labels and values."""
        return not self.col_dims

    def cells(self) -> list[Cell]:
        """Every cell that holds a tidy row."""
        return [c for r in self.rows for c in r.cells if c is not None]

    def is_total_column(self, index: int) -> bool:
        return bool(self.col_dims) and all(v == TOTAL for v in self.columns[index])

    @property
    def has_total_column(self) -> bool:
        """Whether the force printed a Total column (the legend names it only then)."""
        return any(self.is_total_column(i) for i in range(len(self.columns)))

    def header_rows(self) -> list[list[tuple[str, int]]]:
        """Column headings, one row per column dimension, as (label, span) with repeats merged."""
        rows = []
        for level in range(len(self.col_dims)):
            spans: list[tuple[str, int]] = []
            for i, col in enumerate(self.columns):
                same = i and spans and col[: level + 1] == self.columns[i - 1][: level + 1]
                spans[-1:] = [(spans[-1][0], spans[-1][1] + 1)] if same else spans[-1:] + [(col[level], 1)]
            rows.append(spans)
        return rows


def layout_of(resource: dict) -> tuple[list[str], list[str]]:
    """The resource's layout; without `foi:layout`, a dimension named `year` goes across, the rest down."""
    layout = resource.get("foi:layout")
    if layout:
        return list(layout["rows"]), list(layout["columns"])
    dims = dimensions(resource)
    return [d for d in dims if d != "year"] or dims, [d for d in dims if d == "year" and len(dims) > 1]


def dimensions(resource: dict) -> list[str]:
    """The dimension fields of a table resource: the fields before `value`, less derived code columns."""
    names = [f["name"] for f in resource["schema"]["fields"]]
    return [n for n in names[: names.index("value")] if not n.endswith("_code") and n not in ("code_role", "outcome_type")]


def is_total(row: dict, dims: list[str]) -> bool:
    """The stated-total marker; packages without `is_total` mark a total by a Total dimension."""
    if "is_total" in row and row["is_total"] != "":
        return row["is_total"] in ("true", True)
    return any(row[d] == TOTAL for d in dims)


def build(rows: list[dict], row_dims: list[str], col_dims: list[str], lines: list[str] | None = None,
          place: Place | None = None) -> Crosstab:
    """The cross-tabulation of tidy `rows`; the markers of nil and suppressed cells are read where they stand: on
    `lines` (the response's), or for a table from an attached file, by `place` (the text at a cell or PDF line)."""
    missing = [d for d in row_dims + col_dims if rows and d not in rows[0]]
    if missing:
        raise LayoutError(f"layout names dimensions the table does not have: {', '.join(missing)}")
    columns = _columns(rows, col_dims)
    grid: dict[tuple, dict[tuple, Cell]] = {}
    for row in rows:
        rkey, ckey = tuple(row[d] for d in row_dims), tuple(row[d] for d in col_dims)
        cells = grid.setdefault(rkey, {})
        if ckey in cells:
            raise LayoutError(f"two rows for one cell: {', '.join(rkey + ckey)}")
        cells[ckey] = _cell(row, row_dims + col_dims, columns.index(ckey), len(columns), lines, place)
    out: list[Row] = []
    shown: set[tuple] = set()
    for rkey, cells in grid.items():
        out += _groups(rkey, shown) if col_dims else []  # a list shows every dimension in its own column
        out.append(_row(rkey, tuple(cells.get(c) for c in columns)))
        shown.add(_prefix(rkey))
    return Crosstab(tuple(row_dims), tuple(col_dims), tuple(columns), tuple(out))


def _columns(rows: list[dict], col_dims: list[str]) -> list[tuple[str, ...]]:
    """Column keys in order of first appearance, the all-Total column last (as forces print it)."""
    seen = list(dict.fromkeys(tuple(r[d] for d in col_dims) for r in rows))
    total = tuple(TOTAL for _ in col_dims)
    return [c for c in seen if c != total or not col_dims] + ([total] if col_dims and total in seen else [])


def _prefix(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key up to its innermost dimension that is not Total: the group a heading row stands for."""
    depth = max((i for i, v in enumerate(key) if v != TOTAL), default=-1)
    return key[: depth + 1]


def _row(key: tuple[str, ...], cells: tuple[Cell | None, ...]) -> Row:
    prefix = _prefix(key)
    if not prefix:
        return Row(key, TOTAL, 0, "total", cells)
    kind = "heading" if len(prefix) < len(key) else "data"
    return Row(key, prefix[-1], len(prefix) - 1, kind, cells)


def _groups(key: tuple[str, ...], shown: set[tuple]) -> list[Row]:
    """Label-only rows for outer groups the force printed no row for (so nesting stays visible)."""
    prefix = _prefix(key)
    out = []
    for depth in range(len(prefix) - 1):
        group = prefix[: depth + 1]
        if group not in shown and TOTAL not in group:
            shown.add(group)
            out.append(Row(group, group[-1], depth, "group", ()))
    return out


def _cell(row: dict, dims: list[str], column: int, n_columns: int, lines: list[str] | None, place: Place | None) -> Cell:
    status = row["status"]
    cite = tuple((k, str(row[k])) for k in CITE if row.get(k) not in (None, ""))
    ours = False
    if status in ("reported", "blank"):
        shown = str(row["value"]) if status == "reported" else ""
    elif place is not None:  # a cell holds the force's mark alone; a PDF line's columns are set apart by wide gaps
        text = place(cite)
        shown, ours = ((text.strip(), False) if text.strip() else (status, True)) if "cell" in dict(cite) \
            else _column_mark(text, status, column, n_columns)
    else:
        line = dict(cite).get("line", "") if len(cite) == 1 else ""
        text = lines[int(line) - 1] if lines and line.isdigit() and 0 < int(line) <= len(lines) else ""
        shown, ours = _marker(text, status, column, n_columns)
    return Cell(str(row["value"]), status, is_total(row, dims), shown, cite, ours)


def _column_mark(line: str, status: str, column: int, n_columns: int) -> tuple[str, bool]:
    """A PDF line's mark in the value's column, its columns set apart by wide gaps; our word (True) when they are not."""
    cells = GAP.split(line.strip())
    return (cells[column + 1], False) if len(cells) == n_columns + 1 and cells[column + 1] else (status, True)


def marker(line: str, status: str, column: int = 0, n_columns: int = 1) -> str:
    """How the force wrote a nil or suppressed value on its line; the status word when the line does not say."""
    return _marker(line, status, column, n_columns)[0]


def _marker(line: str, status: str, column: int, n_columns: int) -> tuple[str, bool]:
    """The mark and whether it is our word (True) rather than the force's."""
    cells = line.split("\t")
    if len(cells) == n_columns + 1 and cells[column + 1].strip():
        return cells[column + 1].strip(), False
    pattern = {"nil": NIL_ON_LINE, "suppressed": SUPPRESSED_ON_LINE}.get(status)
    found = [m.group().strip() for m in pattern.finditer(line)] if pattern else []
    if not found:
        return status, True
    last = found[-1]  # a label comes before its value
    return (last[1:].strip() if status == "suppressed" and len(last) > 1 and last[0] in "|:=–—-" else last), False
