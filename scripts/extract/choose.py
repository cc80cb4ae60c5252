"""Weigh the readings every layout reader proposes for the same lines on one scale, and keep a reading only when it
clearly beats the others: the readers generate candidate grids, this module decides (or refuses and says why)."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from .cells import is_total
from .model import Grid
from .numbers import numbers_in
from .score import CLEAR, _totals, score
from .totals import table_checks
from .tidy import Proposed, tidy


DELIMITER = re.compile(r"[\t|]|\S {2,}\S")  # the text's own cell delimiters: a cell that holds one was cut in the wrong place


@dataclass
class Reading:
    """One candidate grid, with the reader that found it (its rank: the most structured first) and its weight."""

    grid: Grid
    rank: int
    table: Proposed
    points: float = 0.0
    why: list[str] = field(default_factory=list)

    @property
    def cells(self) -> set[tuple[int, int | None, str | None, tuple[str, ...]]]:
        """What the reading says: every value's line, number, status and labels."""
        return {(r["line"], r["value"], r["status"], tuple(sorted(str(r[d]) for d in self.table.dims)))
                for r in self.table.rows}

    @property
    def span(self) -> set[int]:
        """The lines the reading takes values from."""
        return {r["line"] for r in self.table.rows}


def weigh(grid: Grid, rank: int, view: list[str]) -> Reading:
    """Score one reading on its own: headers that look like headers, labels that stay labels (score.py), stated totals
    that add up over the tidy table (+2 each) or do not (-1 each), less a point for each cell that does not fit its
    column. How many of the region's numbers it uses is weighed against its rivals, in choose."""
    table = tidy(copy.deepcopy(grid), "candidate")
    reading = Reading(grid, rank, table)
    if not table.values:
        return reading
    rows = [list(r.cells) for r in grid.rows]
    header = list(grid.header) if grid.header else []
    reading.points = score(header, rows) - _totals(rows)
    checks = [c for c in table_checks(table) if c.checkable]
    agree = sum(c.agrees for c in checks)
    reading.points += 2 * agree - (len(checks) - agree)
    if len(checks) > agree:
        reading.why.append(f"{len(checks) - agree} stated total(s) that do not add up")
    split = sum(bool(DELIMITER.search(c.strip())) for r in grid.rows for c in r.cells)
    if grid.header:
        split += sum(bool(DELIMITER.search(c.strip())) for c in grid.header)
    reading.points -= 2 * split
    if split:
        reading.why.append(f"{split} cell(s) with a tab or | inside: the text's own delimiters not followed")
    bad = sum("not a number" in n or "cells for" in n or "not read" in n for n in table.notes)
    reading.points -= bad
    if bad:
        reading.why.append(f"{bad} row(s) or cell(s) it cannot place")
    return reading


def _coverage(group: list[Reading], view: list[str]) -> None:
    """Every cell used once: each reading loses a point for each number on the group's lines that it leaves unused."""
    lines = sorted({n for r in group for n in r.grid.lines if 1 <= n <= len(view)})
    data = sum(sum(f.data for f in numbers_in(view[n - 1])) for n in lines)
    for r in group:
        unused = max(0, data - sum(row["status"] == "reported" for row in r.table.rows))
        r.points -= unused
        if unused:
            r.why.append(f"{unused} number(s) on these lines unused")


def choose(readings: list[Reading], view: list[str]) -> tuple[list[Reading], list[tuple[Reading, Reading]]]:
    """Group readings that take values from the same lines; in each group keep the readings that agree, or the one
    that clearly scores best; when two readings that disagree score within CLEAR, keep none and say why."""
    live = [r for r in readings if r.table.values]
    groups: list[list[Reading]] = []
    for reading in sorted(live, key=lambda r: (min(r.span), r.rank)):
        touching = [g for g in groups if any(reading.span & other.span for other in g)]
        merged = [reading] + [r for g in touching for r in g]
        groups = [g for g in groups if g not in touching] + [merged]
    kept: list[Reading] = []
    refused: list[tuple[Reading, Reading]] = []
    for group in groups:
        if all(_agree(a, b) for a in group for b in group if a is not b):
            kept.append(min(group, key=lambda r: (-r.table.values, r.rank)))  # they agree: the one that reads most
            continue
        _coverage(group, view)
        order = sorted(group, key=lambda r: (-r.points, r.rank))
        best = order[0]
        close = [r for r in order[1:] if not _agree(best, r) and best.points - r.points < CLEAR]
        if close and any(r.rank <= best.rank for r in close):
            refused.append((best, close[0]))  # a reading no better founded scores as well: nothing proposed
            continue
        if close:  # the reader of more explicit structure scores as well as the rest: kept, the rival named
            best.grid.notes.append(refusal(best, close[0], None).replace("; nothing proposed", "; the first is proposed, "
                                   "as its reader follows more explicit structure (check the other)"))
        chosen = [best]
        for r in order[1:]:
            if not any(r.span & k.span for k in chosen):
                chosen.append(r)
        kept += chosen
    for reading in [r for r in kept if _labels_on_values(r, kept)]:
        kept.remove(reading)
        reading.grid.notes.append("its labels stand on lines another table takes values from; not read")
    return sorted(kept, key=lambda r: r.grid.start), refused


def _labels_on_values(reading: Reading, kept: list[Reading]) -> bool:
    """A reading whose row labels or header stand on lines that another kept reading takes values from read that
    table's rows as its labels (`2019 15` over a page number `2`): its values are not what the labels say."""
    own = {row.line_of(0) for row in reading.grid.rows} | ({reading.grid.header_line} if reading.grid.header else set())
    own -= reading.span
    return any(own & other.span for other in kept if other is not reading and other.table.values >= reading.table.values)


def refusal(best: Reading, rival: Reading, at=None) -> str:
    """Why a region was not read: the two readings that fit, each described, lines as in the response."""
    at = at or (lambda k: k)
    lines = best.span | rival.span
    return (f"lines {at(min(lines))}-{at(max(lines))}: two readings fit: {_describe(best, at)} or {_describe(rival, at)}; "
            "nothing proposed")


def _agree(a: Reading, b: Reading) -> bool:
    """Two readings agree when they say the same about every line both read (one may read more lines)."""
    shared = a.span & b.span
    return {c for c in a.cells if c[0] in shared} == {c for c in b.cells if c[0] in shared} or \
        {c for c in a.cells if c[0] in shared} <= b.cells or {c for c in b.cells if c[0] in shared} <= a.cells


def _describe(r: Reading, at) -> str:
    head = f", header line {at(r.grid.header_line)}" if r.grid.header_line else ""
    columns = len(r.table.layout_columns) and len({row[r.table.layout_columns[0]] for row in r.table.rows})
    shape = f"{columns} columns" if columns else "a list"
    totals = sum(is_total(c.cells[0]) for c in r.grid.rows)
    return (f"{r.grid.layout} ({r.table.values} values, {shape}{head}{', a total row' if totals else ''}; "
            f"score {r.points:g}{'; ' + ', '.join(r.why) if r.why else ''})")
