"""Propose tidy tables from spreadsheets, CSV attachments and web pages, each value cited to its sheet and cell.

A grid (a sheet, a CSV, an HTML table) is read by scripts/curated/sources.py with a real parser; here its value
block is found (the cells holding numbers or markers), the label columns to its left become row
dimensions and the header rows above it column dimensions. Merged and spanned cells give their text to
every cell they cover; a blank header under a `Total` header is part of that total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..curated.citation import TOTAL_WORD
from ..curated.markers import status_of
from ..curated.model import TOTAL
from ..curated.sources import Grid, cell_name, read_source
from .vocab import dimension

YEAR = re.compile(r"^(19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?$")


@dataclass
class GridTable:
    """One proposed table: its dimensions (row dimensions first), layout, rows and where it was found."""

    name: str
    sheet: str
    dims: list[str]
    rows_dims: list[str]
    column_dims: list[str]
    rows: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _number(text: str) -> int | None:
    core = text.strip().replace(",", "")
    return int(core) if re.fullmatch(r"\d+", core) else None


def _is_value(text: str) -> bool:
    return _number(text) is not None or status_of(text) in ("nil", "suppressed")


def _label(text: str) -> str:
    """A total word (`Total`, `Grand Total`, `Sum:`) is the total marker: a stated total, never a part."""
    return TOTAL if TOTAL_WORD.fullmatch(text.strip().rstrip(":").strip()) else text.strip()


def _dim_name(header: str, values: list[str], role: str, taken: list[str]) -> str:
    """A dimension name from the shared vocabulary (scripts/extract/vocab.py), never twice."""
    return dimension(header, [v for v in values if v != TOTAL], role, taken)


def _is_label_column(grid: Grid, rows: list[int], col: int) -> bool:
    """Mostly words, or numbers that are all years (a Year column): labels, not values."""
    texts = [grid.text(r, col).strip() for r in rows if grid.text(r, col).strip()]
    numbers = [t for t in texts if _is_value(t)]
    return bool(texts) and (len(numbers) * 2 < len(texts) or all(YEAR.match(t) for t in numbers))


def value_block(grid: Grid) -> tuple[list[int], list[int], list[int], list[int]] | None:
    """(header rows, data rows, label columns, value columns) of a grid, or None when it holds no values."""
    nrows, ncols = grid.size
    visible = [r for r in range(1, nrows + 1) if r not in grid.hidden_rows]
    cand = [r for r in visible if any(_is_value(grid.text(r, c)) for c in range(1, ncols + 1))]
    if not cand:
        return None
    label_cols = []
    for c in range(1, ncols + 1):
        if _is_label_column(grid, cand, c):
            label_cols.append(c)
        elif any(_is_value(grid.text(r, c)) for r in cand):
            break
    value_cols = [c for c in range(max(label_cols, default=0) + 1, ncols + 1)
                  if c not in grid.hidden_columns and any(_is_value(grid.text(r, c)) for r in cand)]
    if not value_cols:
        return None
    # a first row whose "values" are all years is the header of year columns
    while cand and all(YEAR.match(grid.text(cand[0], c).strip()) or not grid.text(cand[0], c).strip() for c in value_cols):
        cand = cand[1:]
    if not cand:
        return None
    top = cand[0]
    data = [r for r in visible if top <= r <= cand[-1] and any(grid.text(r, c) for c in label_cols + value_cols)]
    headers = [r for r in visible if r < top and any(grid.text(r, c) for c in value_cols) and not _title_row(grid, r, value_cols[-1])]
    return headers, data, label_cols, value_cols


def propose(grid: Grid, name: str) -> GridTable | None:
    """The tidy table of a grid, or None when it holds no value block."""
    block = value_block(grid)
    if block is None:
        return None
    header_rows, data_rows, label_cols, value_cols = block
    headers = {c: [_label(grid.text(r, c)) for r in header_rows] for c in value_cols}
    for labels in headers.values():  # a blank header cell under a Total header is part of that total
        for i in range(1, len(labels)):
            if not labels[i] and labels[i - 1] == TOTAL:
                labels[i] = TOTAL
    # a header row with one label over every value column names the measure, not a dimension
    kept = [i for i in range(len(header_rows)) if len({headers[c][i] for c in value_cols}) > 1]
    taken: list[str] = []
    row_dims = []
    for c in label_cols:
        head = next((grid.text(r, c) for r in reversed(header_rows) if grid.text(r, c)), "")
        if not head and data_rows[0] > 1:
            head = grid.text(data_rows[0] - 1, c)
        values = [_label(grid.text(r, c)) for r in data_rows]
        row_dims.append(_dim_name(head, values, "row", taken))
        taken.append(row_dims[-1])
    col_dims = []
    for i in kept:
        col_dims.append(_dim_name("", [headers[c][i] for c in value_cols], "column", taken))
        taken.append(col_dims[-1])
    table = GridTable(name, grid.name, row_dims + col_dims, row_dims, col_dims)
    hidden = sorted(grid.hidden_rows)
    if hidden:
        table.notes.append(f"{grid.name}: hidden rows {', '.join(map(str, hidden))} are not proposed; check them before publishing")
    for r in data_rows:
        labels = _fill_totals([_label(grid.text(r, c)) for c in label_cols])
        if label_cols and not any(labels):
            continue
        for c in value_cols:
            columns = [headers[c][i] for i in kept]
            if kept and not all(columns):
                continue
            text = grid.text(r, c)
            status = "blank" if not text.strip() else "reported" if _number(text) is not None else status_of(text)
            if status is None:
                table.notes.append(f"{grid.name}!{cell_name(r, c)}: {text!r} is not a value; not proposed")
                continue
            value = _number(text) if status == "reported" else 0 if status == "nil" else None
            table.rows.append({**dict(zip(row_dims + col_dims, labels + columns)), "value": value, "status": status,
                               "sheet": grid.name, "cell": cell_name(r, c)})
    return table


def _fill_totals(labels: list[str]) -> list[str]:
    """Label cells left blank beside a Total label are part of that total."""
    if TOTAL in labels:
        return [x or TOTAL for x in labels]
    return labels


def _title_row(grid: Grid, row: int, last: int) -> bool:  # noqa: D401
    """A row with one text cell and nothing else (a title above the table) is not a header."""
    filled = [c for c in range(1, last + 1) if grid.text(row, c)]
    return len(filled) == 1 and filled[0] == 1


def extract_file(name: str, data: bytes) -> list[GridTable]:
    """Every table found in a spreadsheet, CSV or web page, in sheet order."""
    source = read_source(name, data)
    out = []
    for grid in source.grids.values():
        slug = re.sub(r"[^a-z0-9]+", "-", grid.name.lower()).strip("-") or "table"
        table = propose(grid, slug)
        if table is not None and table.rows:
            out.append(table)
    return out
