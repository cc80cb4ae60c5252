"""Turn a found grid into a proposed tidy table in the curated format: dimensions, value, status, line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tables import TOTAL
from .blocks import Grid, Row
from .cells import AGE, YEAR, is_total, read_cell, snake, unwrap

LEVEL_SPLIT = re.compile(r"\s*(?:/|>|\\)\s*")


@dataclass
class Proposed:
    """A proposed table: its name, dimensions, tidy rows, and what the extractor noticed."""

    name: str
    grid: Grid
    dims: list[str]
    rows: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    structure: str = ""


def tidy(grid: Grid, name: str) -> Proposed:
    """Dispatch on layout: lists have one dimension, grids have row dimensions and a column dimension."""
    if grid.layout == "list":
        return _tidy_list(grid, name)
    return _tidy_grid(grid, name)


def _tidy_list(grid: Grid, name: str) -> Proposed:
    years = all(YEAR.match(unwrap(r.cells[0])) or is_total(r.cells[0]) for r in grid.rows)
    dim = grid.dim_hint or ("year" if years else "label")
    out = Proposed(name, grid, [dim], notes=list(grid.notes), structure=f"list of {len(grid.rows)} items")
    for row in grid.rows:
        label, raw = row.cells
        cell = read_cell(raw, units=True)
        out.rows.append({dim: TOTAL if is_total(label) else label, "value": cell.value, "status": cell.status, "line": row.line})
    return out


def _tidy_grid(grid: Grid, name: str) -> Proposed:
    header = grid.header or []
    levels = [snake(part, f"level_{k + 1}") for k, part in enumerate(LEVEL_SPLIT.split(header[0]))] if header and header[0] else ["label"]
    columns = [unwrap(c) for c in header[1:]]
    col_dim = "year" if columns and all(YEAR.match(c) or is_total(c) for c in columns) else "column"
    dims = _unique(levels + [col_dim])
    out = Proposed(name, grid, dims, notes=list(grid.notes))
    data = [r for r in grid.rows if not is_total(r.cells[0])]
    assigned, how = assign_levels(data, len(levels), len(columns), levels)
    out.structure = (f"{len(levels)} row levels ({' > '.join(levels)}), levels by {how}; " if len(levels) > 1 else "") + \
        f"{len(grid.rows)} rows x {len(columns)} columns ({col_dim})"
    path: list[str] = [TOTAL] * len(levels)
    for row in grid.rows:
        label = unwrap(row.cells[0])
        if is_total(row.cells[0]):
            row_dims = [TOTAL] * len(levels)
        else:
            level = assigned[id(row)]
            path = path[:level] + [label] + [TOTAL] * (len(levels) - level - 1)
            row_dims = list(path)
        out.rows += _cells(row, row_dims, columns, dims, out.notes)
    return out


def _cells(row: Row, row_dims: list[str], columns: list[str], dims: list[str], notes: list[str]) -> list[dict]:
    """One tidy row per column of a grid row; text where a number should be is noted, not guessed."""
    cells = row.cells[1:]
    if len(cells) < len(columns):
        missing = ", ".join(repr(c) for c in columns[len(cells):])
        notes.append(f"line {row.line}: {len(cells)} cells for {len(columns)} columns; nothing is proposed under {missing}")
    elif len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
        notes.append(f"line {row.line}: {len(cells)} cells for {len(columns)} columns; the extra ones are not read")
    out = []
    for k, column in enumerate(columns):
        if k >= len(cells):
            break
        raw = cells[k]
        cell = read_cell(raw)
        if cell.status is None:
            notes.append(f"line {row.line_of(k + 1)}: cell {raw.strip()!r} under {column!r} is not a number; not read")
            continue
        values = dict(zip(dims, row_dims + [TOTAL if is_total(column) else column]))
        out.append({**values, "value": cell.value, "status": cell.status, "line": row.line_of(k + 1)})
    return out


def assign_levels(rows: list[Row], depth: int, width: int, levels: list[str]) -> tuple[dict[int, int], str]:
    """The nesting level of each row label: by its sums when they add up, else by what the label looks like."""
    if depth == 1:
        return {id(r): 0 for r in rows}, "one level"
    vectors = [[read_cell(r.cells[k]).value or 0 if k < len(r.cells) else 0 for k in range(1, width + 1)] for r in rows]
    by_sums = _levels_by_sums(vectors, depth)
    if by_sums is not None:
        return {id(r): lvl for r, lvl in zip(rows, by_sums)}, "sums"
    return {id(r): _level_by_label(unwrap(r.cells[0]), depth, levels) for r in rows}, "label type (the sums did not fit)"


def _levels_by_sums(vectors: list[list[int]], depth: int) -> list[int] | None:
    """Parse rows as a tree where each parent equals the sum of its children; None when that fails."""
    levels: list[int | None] = [None] * len(vectors)

    def parse(i: int, level: int) -> int:
        levels[i] = level
        if level == depth - 1:
            return i + 1
        target, acc, j = vectors[i], [0] * len(vectors[i]), i + 1
        while acc != target:
            if j >= len(vectors) or any(a > t for a, t in zip(acc, target)):
                raise ValueError
            before = j
            j = parse(j, level + 1)
            acc = [a + b for a, b in zip(acc, vectors[before])]
        return j

    try:
        i = 0
        while i < len(vectors):
            i = parse(i, 0)
    except ValueError:
        return None
    return levels  # type: ignore[return-value]


def _level_by_label(label: str, depth: int, levels: list[str]) -> int:
    """Ages and numbers are the innermost level when it is an age; CAPITALS the outermost; the rest in between."""
    if AGE.match(label) and "age" in levels[-1]:
        return depth - 1
    if label.isupper() and any(ch.isalpha() for ch in label):
        return 0
    return min(1, depth - 1) if depth > 2 else 0


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        candidate, k = n, 2
        while candidate in out or candidate in ("value", "status", "line"):
            candidate, k = f"{n}_{k}", k + 1
        out.append(candidate)
    return out
