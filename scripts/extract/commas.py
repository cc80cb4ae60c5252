"""Comma-separated tables pasted into a letter (a CSV export: `Offence,2019,2020` then `Rape,12,15`): read with the
standard csv module, so quoted cells (`"Sexual assault, child"`) stay whole. A block is a table only when every line
splits into the same number of cells and its rows are a label then values; otherwise it is reported, not guessed."""
from __future__ import annotations

import csv

from .cells import YEAR, first_fall, read_cell, unwrap
from .model import Grid, Row
from .titles import title_cell

MIN_ROWS = 2  # a header and at least two rows: fewer is a sentence with commas as often as a table


def _split(line: str) -> list[str] | None:
    """The cells of one comma-separated line, trailing empty cells dropped; None when it is not one."""
    if "," not in line or "\t" in line or "|" in line:
        return None
    try:
        cells = next(csv.reader([line.strip()], skipinitialspace=True))
    except (csv.Error, StopIteration):
        return None
    return cells if len(cells) >= 2 else None


def _row(cells: list[str]) -> bool:
    """A label then values (numbers, nil words, suppression markers, blank cells), at least one a number."""
    label, rest = unwrap(cells[0]), [read_cell(c) for c in cells[1:]]
    return bool(label) and all(c.status is not None for c in rest) and any(c.status == "reported" for c in rest)


def _numbered(rows: list[list[str]]) -> bool:
    """Row labels that are bare numbers (not years) are ages or item numbers only when they rise down the table
    (`Age,2019,2020` over `13,1,4` and `14,2,0`); numbers that fall are counts in the label column."""
    digits = [unwrap(r[0]).replace(",", "") for r in rows]
    return first_fall([int(d) if d.isdigit() and YEAR.match(unwrap(r[0])) is None else None
                       for d, r in zip(digits, rows)], across_words=True) is None


def _header(cells: list[str]) -> bool:
    """Headings: none of them a count (years and words are headings)."""
    return all(unwrap(c) for c in cells[1:]) and not any(
        read_cell(c).status == "reported" and not YEAR.match(unwrap(c)) for c in cells[1:])


def read_commas(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every comma-separated table on the free lines: a header line, then rows of as many cells."""
    split = [_split(line) if free[n] else None for n, line in enumerate(lines)]
    grids, i = [], 0
    while i < len(lines):
        if split[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and split[j + 1] is not None and len(split[j + 1]) == len(split[i]):
            j += 1
        block = list(range(i, j + 1))
        i = j + 1
        above = block[0] - 1
        title = title_cell(split[above], len(split[block[0]])) if above >= 0 and split[above] and free[above] else None
        if title and _header(split[above][1:]) and _row(split[block[0]]):  # a title cell in front of the header
            split[above] = split[above][1:]
            block = [above] + block
        else:
            title = None
        if len(block) < MIN_ROWS + 1:
            continue
        width = max(max((c for c, cell in enumerate(split[k]) if cell.strip()), default=0) for k in block) + 1
        for k in block:  # columns empty on every line (a spreadsheet's trailing commas) are no columns
            split[k] = split[k][:width]
        head, rows = split[block[0]], [split[k] for k in block[1:]]
        if not all(_row(r) for r in rows) or not _numbered(rows):
            continue  # prose with commas, or cells that are not values: not this reader's table
        grid = Grid("comma-separated", block[0] + 1, block[-1] + 1)
        if not _header(head):
            grid.notes.append(f"line {block[0] + 1}: comma-separated rows with no header line of headings over them; "
                              "which column each value stands in cannot be told; not read")
            grids.append(grid)
            continue
        grid.header, grid.header_line, grid.caption = head, block[0] + 1, title
        grid.rows = [Row(k + 1, split[k]) for k in block[1:]]
        grids.append(grid)
    return grids
