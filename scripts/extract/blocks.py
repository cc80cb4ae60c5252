"""Find the tables in a response text: tab-, pipe- and space-separated grids, and "LABEL – N" lists."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import PAGE_BREAK, YEAR, read_cell, unwrap

PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
LIST_ITEM = re.compile(r"^(?P<label>.*\S)\s*(?::|\s[-–—]|[–—])\s*(?P<value>\S.*)$")
SPACED = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces
FOLLOWING = re.compile(r"\bthe following (\w+?)s?\b", re.IGNORECASE)


@dataclass
class Row:
    """One row of a grid: its response line and its cells as written (the first is the label)."""

    line: int
    cells: list[str]
    lines: list[int] | None = None  # per cell, when each cell stands on its own line

    def line_of(self, k: int) -> int:
        return self.lines[k] if self.lines else self.line


@dataclass
class Grid:
    """A table found in the text, before it is made tidy."""

    layout: str
    start: int
    end: int
    header: list[str] | None = None
    header_line: int | None = None
    caption: str | None = None
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dim_hint: str | None = None


def kind(line: str) -> str:
    """What a line looks like: blank, page break, tab, pipe, rule, list item, spaced cells, or text."""
    if not line.strip():
        return "blank"
    if PAGE_BREAK.match(line):
        return "break"
    if "\t" in line:
        return "tab"
    if PIPE_RULE.match(line):
        return "rule"
    if line.strip().startswith("|") or line.count("|") >= 2:
        return "pipe"
    if list_item(line):
        return "item"
    cells = spaced_cells(line)
    if len(cells) >= 2 and any(read_cell(c).status for _, c in cells[1:]):
        return "spaced"
    return "text"


def list_item(line: str) -> tuple[str, str] | None:
    """(label, value) when the line reads "LABEL – N" (en dash, hyphen or colon) with N a number, nil or suppressed."""
    m = LIST_ITEM.match(line.strip())
    if not m:
        return None
    label, value = unwrap(m.group("label")), m.group("value")
    numeric_label = read_cell(label).status in ("reported", "nil") and not YEAR.match(label)  # "2019 – 45" is a list item
    if not label or numeric_label or read_cell(value, units=True).status is None:
        return None
    return label, value


def spaced_cells(line: str) -> list[tuple[int, str]]:
    """Cells separated by runs of two or more spaces, each with its start column."""
    return [(m.start(), m.group(0)) for m in SPACED.finditer(line)]


def pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def find_grids(lines: list[str]) -> list[Grid]:
    """Every table in the text, in order; pieces split by a page break are joined."""
    kinds = [kind(line) for line in lines]
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        k = kinds[i]
        j = i
        if k == "spaced":
            i, j = _spaced_extent(lines, kinds, i)
            grid = _make(k, lines, i, j)
            if grid:
                grids.append(grid)
        elif k in ("tab", "pipe", "rule", "item"):
            same = ("pipe", "rule") if k in ("pipe", "rule") else (k,)
            while j + 1 < len(lines) and kinds[j + 1] in same:
                j += 1
            grid = _make(k, lines, i, j)
            if grid:
                grids.append(grid)
        i = j + 1
    return _join_page_breaks(grids, kinds)


def _spaced_extent(lines: list[str], kinds: list[str], i: int) -> tuple[int, int]:
    """A space-separated table: its rows, the heading line just above, and text-like rows inside (totals, repeated headings)."""
    def cellular(n: int) -> bool:
        return kinds[n] in ("spaced", "text", "item") and len(spaced_cells(lines[n])) >= 2
    start = i - 1 if i > 0 and kinds[i - 1] in ("text", "item") and cellular(i - 1) else i
    j = i
    while j + 1 < len(lines) and cellular(j + 1):
        j += 1
    return start, j


def _make(k: str, lines: list[str], i: int, j: int) -> Grid | None:
    if k == "tab":
        return _grid("tab", [(n + 1, lines[n].split("\t")) for n in range(i, j + 1)], i + 1, j + 1)
    if k in ("pipe", "rule"):
        rows = [(n + 1, pipe_cells(lines[n])) for n in range(i, j + 1) if not PIPE_RULE.match(lines[n])]
        if rows and all(len(c) == 1 for _, c in rows):
            return _flattened(rows, i + 1, j + 1)
        return _grid("pipe", rows, i + 1, j + 1)
    if k == "spaced":
        return _spaced(lines, i, j) if j > i else None
    if k == "item" and j > i:
        grid = Grid("list", i + 1, j + 1, rows=[Row(n + 1, list(list_item(lines[n]))) for n in range(i, j + 1)])
        grid.dim_hint = _hint(lines, i)
        return grid
    return None


def _hint(lines: list[str], i: int) -> str | None:
    """The noun of "the following keywords" in the paragraph before a list, to name its label column."""
    for n in range(i - 1, max(i - 4, -1), -1):
        m = FOLLOWING.search(lines[n])
        if m:
            return m.group(1).lower()
    return None


def _grid(layout: str, rows: list[tuple[int, list[str]]], start: int, end: int) -> Grid:
    """A grid whose first row is its header; a leading row with an empty remainder is its caption."""
    grid = Grid(layout, start, end)
    if rows and all(not c.strip() for c in rows[0][1][1:]) and len(rows) > 1:
        grid.caption = rows[0][1][0].strip()
        rows = rows[1:]
    if not rows:
        return grid
    grid.header_line, grid.header = rows[0][0], [c.strip() for c in rows[0][1]]
    while grid.header and not grid.header[-1]:
        grid.header.pop()
    for line, cells in rows[1:]:
        if [c.strip() for c in cells][: len(grid.header)] == grid.header:
            grid.notes.append(f"line {line}: the header is repeated; skipped")
            continue
        grid.rows.append(Row(line, cells))
    return grid


def _flattened(rows: list[tuple[int, list[str]]], start: int, end: int) -> Grid:
    """A pipe table flattened to one cell per line: the row width is the one that makes every later row a label and numbers."""
    cells = [(n, c[0]) for n, c in rows]
    grid = Grid("pipe, one cell per line", start, end)
    width = next((w for w in range(2, min(len(cells) // 2, 20) + 1) if len(cells) % w == 0 and _fits(cells, w)), None)
    if width is None:
        grid.notes.append("could not find a row width that makes every row a label followed by numbers; not read")
        return grid
    grid.header_line, grid.header = cells[0][0], [c for _, c in cells[:width]]
    for k in range(width, len(cells), width):
        chunk = cells[k: k + width]
        grid.rows.append(Row(chunk[0][0], [c for _, c in chunk], [n for n, _ in chunk]))
    return grid


def _fits(cells: list[tuple[int, str]], width: int) -> bool:
    """Every row after the header starts with a text label and continues with numbers, nils or suppressions."""
    for k in range(width, len(cells), width):
        chunk = [c for _, c in cells[k: k + width]]
        if read_cell(chunk[0]).status in ("reported", "nil") or any(read_cell(c).status in (None, "blank") for c in chunk[1:]):
            return False
    return True


def _spaced(lines: list[str], i: int, j: int) -> Grid:
    """Cells separated by runs of spaces, placed under the header column they overlap (so blanks keep their place)."""
    header = spaced_cells(lines[i])
    grid = Grid("space-separated", i + 1, j + 1, header=[c for _, c in header], header_line=i + 1)
    spans = [(s, s + len(c)) for s, c in header]
    for n in range(i + 1, j + 1):
        cells = spaced_cells(lines[n])
        if [c for _, c in cells] == grid.header:
            grid.notes.append(f"line {n + 1}: the header is repeated; skipped")
            continue
        placed = [""] * len(header)
        placed[0] = cells[0][1]
        for start, text in cells[1:]:
            placed[_column(spans, start, start + len(text))] = text
        grid.rows.append(Row(n + 1, placed))
    return grid


def _column(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """The header column (not the label column) that a cell overlaps most, or is nearest to."""
    def score(k):
        s, e = spans[k]
        overlap = min(e, end) - max(s, start)
        return (overlap, -abs((s + e) / 2 - (start + end) / 2))
    return max(range(1, len(spans)), key=score)


def _join_page_breaks(grids: list[Grid], kinds: list[str]) -> list[Grid]:
    """Join a grid to the one before when only blank lines and page-break lines stand between them."""
    out: list[Grid] = []
    for grid in grids:
        prev = out[-1] if out else None
        between = kinds[prev.end: grid.start - 1] if prev else []
        if (prev and prev.layout == grid.layout and grid.layout != "list" and "break" in between
                and set(between) <= {"blank", "break"} and _continues(prev, grid)):
            if grid.header == prev.header:
                prev.notes.append(f"line {grid.header_line}: the header is repeated after a page break; skipped")
            else:
                grid.rows.insert(0, Row(grid.header_line, grid.header))
            prev.rows += grid.rows
            prev.notes += [f"lines {prev.end + 1}-{grid.start - 1}: page break inside the table; joined"] + grid.notes
            prev.end = grid.end
            continue
        out.append(grid)
    return out


def _continues(prev: Grid, grid: Grid) -> bool:
    """The second piece repeats the header, or starts with a data row of the same width."""
    if not grid.header or not prev.header:
        return False
    if grid.header == prev.header:
        return True
    return len(grid.header) == len(prev.header) and any(read_cell(c).status for c in grid.header[1:])
