"""Tables in the text whose rows stand one a line: cells split by tabs, by pipes, or aligned with runs of spaces."""
from __future__ import annotations

import re
from collections import Counter

from .cells import PAGE_BREAK, YEAR, is_value, read_cell
from .model import Grid, Row
from .titles import title_cell

PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
SPACED = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces; cells are split by two spaces or more
SLASH = " / "  # cells split by a slash between single spaces (`North / 37 / 55`); `2015/16` and `Burma/Myanmar` are one cell


def kind(line: str) -> str:
    """What a line looks like: blank, break, tab, rule, pipe (a row of cells), cell (one cell and a pipe), spaced, or text."""
    if not line.strip():
        return "blank"
    if PAGE_BREAK.match(line):
        return "break"
    if "\t" in line.strip("\n") and line.strip():
        return "tab"
    if PIPE_RULE.match(line):
        return "rule"
    if "|" in line:
        return "pipe" if len(pipe_cells(line)) >= 2 else "cell"
    cells = spaced_cells(line)
    if len(cells) >= 2 and any(is_value(c) for _, c in cells[1:]):
        return "spaced"
    return "text"


def spaced_cells(line: str) -> list[tuple[int, str]]:
    """Cells separated by runs of two or more spaces, each with its start column."""
    return [(m.start(), m.group(0)) for m in SPACED.finditer(line)]


def pipe_cells(line: str) -> list[str]:
    """The cells of a pipe row, without the outer pipes."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def read_delimited(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every tab, pipe and aligned-space table on the free lines, in order; pieces split by a page break are joined."""
    kinds = [kind(line) if free[n] else "taken" for n, line in enumerate(lines)]
    kinds = ["slash" if k == "text" and _slashed(line) else k for k, line in zip(kinds, lines)]
    kinds = ["slash" if k == "text" and _slash_header(line, lines[n + 1] if n + 1 < len(lines) and kinds[n + 1] == "slash" else "")
             else k for n, (k, line) in enumerate(zip(kinds, lines))]
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        k, j = kinds[i], i
        if k == "spaced":
            i, j = _spaced_extent(lines, kinds, i)
            grids += _spaced(lines, i, j, kinds) if j > i else []
        elif k in ("tab", "pipe", "slash") or (k == "rule" and i + 1 < len(lines) and kinds[i + 1] == "pipe"):
            same = ("pipe", "rule") if k in ("pipe", "rule") else (k,)
            while j + 1 < len(lines) and (kinds[j + 1] in same or (  # one blank line between rows is no end of table
                    not lines[j + 1].strip() and free[j + 1] and j + 2 < len(lines) and kinds[j + 2] in same)):
                j += 1
            grids += _delimited(k, lines, i, j)
        i = j + 1
    return _join_page_breaks(grids, kinds)


def _slashed(line: str) -> bool:
    """A row of cells split by ' / ' (`North / 37 / 55 / 61`): three cells or more, or a label and a value; not a
    sentence that happens to hold a slash."""
    cells = line.strip().split(SLASH)
    return (len(cells) >= 3 or (len(cells) == 2 and is_value(cells[1]))) and all(c.strip() for c in cells) \
        and len(line) <= 200 and not line.rstrip().endswith((".", ":", "?", ";"))


def _slash_header(line: str, below: str) -> bool:
    """Two headings split by ' / ' (`Outcome / Number`) straight above rows of a label and a value split the same way:
    the header of a two-column table."""
    cells = [c.strip() for c in line.strip().split(SLASH)]
    return len(cells) == 2 and len(below.strip().split(SLASH)) == 2 and header_like(cells) and len(line) <= 120 \
        and not line.rstrip().endswith((".", ":", "?", ";"))


def _slash_grids(lines: list[str], i: int, j: int) -> list[Grid]:
    """A ' / ' table, read only when every row has as many cells as the header (or one more, under a header of years
    with no cell over the row labels): a heading or a label may itself hold ' / ' (`Sick / Injured`), and then which
    value stands under which heading cannot be told."""
    rows = [(n + 1, lines[n].strip().split(SLASH)) for n in range(i, j + 1) if lines[n].strip()]
    grids = _grids("slash", rows, i + 1, j + 1)
    for grid in grids:
        width = len(grid.header or [])
        odd = [r.line for r in grid.rows if len(r.cells) != width]
        if grid.header and odd:
            grid.notes.append(f"line {odd[0]}: {len(grid.rows[0].cells)} cells split by ' / ' under a header of {width}: a "
                              "heading or a label may hold ' / ' itself, so which value stands under which heading "
                              "cannot be told; not read")
            grid.rows = []
    return grids


def _delimited(k: str, lines: list[str], i: int, j: int) -> list[Grid]:
    if k == "slash":
        return _slash_grids(lines, i, j)
    if k == "tab":
        return _grids("tab", [(n + 1, lines[n].split("\t")) for n in range(i, j + 1) if lines[n].strip()], i + 1, j + 1)
    rows = [(n + 1, pipe_cells(lines[n])) for n in range(i, j + 1) if not PIPE_RULE.match(lines[n]) and lines[n].strip()]
    return _grids("pipe", rows, i + 1, j + 1)


def _spaced_extent(lines: list[str], kinds: list[str], i: int) -> tuple[int, int]:
    """An aligned table: its rows, the heading line just above, and text-like rows inside (totals, repeated headings)."""
    def cellular(n: int) -> bool:
        return kinds[n] in ("spaced", "text") and len(spaced_cells(lines[n])) >= 2

    def heading(n: int) -> bool:  # a heading line above a blank line: short cells, not a sentence
        text = lines[n].strip()
        return kinds[n] == "text" and cellular(n) and len(text) <= 120 and not text.endswith((".", ":", "?", ";", ",")) \
            and all(len(c.split()) <= 8 for _, c in spaced_cells(lines[n]))
    if i > 0 and kinds[i - 1] == "text" and (cellular(i - 1) or _over_values(lines[i - 1], lines[i])):
        start = i - 1
    elif i > 1 and kinds[i - 1] == "blank" and heading(i - 2):  # web tables saved as text: a blank line after each row
        start = i - 2
    else:
        start = i
    j = i
    while True:
        if j + 1 < len(lines) and cellular(j + 1):
            j += 1
        elif j + 2 < len(lines) and kinds[j + 1] == "blank" and kinds[j + 2] == "spaced":  # one blank line between rows
            j += 2
        else:
            return start, j


def _over_values(line: str, row: str) -> bool:
    """One heading indented over the values of the row below, with no heading over the row labels
    (`          Number of cases` over `2018/19          4`): the header of a one-column table."""
    cells, below = spaced_cells(line), spaced_cells(row)
    return len(cells) == 1 and len(below) == 2 and cells[0][0] > below[0][0] + len(below[0][1]) \
        and len(cells[0][1].split()) <= 6 and not cells[0][1].endswith((".", ":", "?", ";", ","))


def header_like(cells: list[str]) -> bool:
    """A row of headings: two cells or more, none empty, none a value."""
    cells = [c.strip() for c in cells]
    return len(cells) >= 2 and all(cells) and not any(is_value(c) for c in cells[1:])


def _grids(layout: str, rows: list[tuple[int, list[str]]], start: int, end: int) -> list[Grid]:
    """Grids whose first row is the header; a header row with other headings part-way down starts a new grid."""
    out: list[Grid] = []
    grid = Grid(layout, start, end)
    if len(rows) > 1 and all(not c.strip() for c in rows[0][1][1:]):
        grid.caption = rows[0][1][0].strip()
        rows = rows[1:]
    for line, cells in rows:
        stripped = [c.strip() for c in cells]
        if grid.header is None:
            grid.header_line, grid.header = line, _trim(stripped)
        elif stripped[: len(grid.header)] == grid.header:
            grid.notes.append(f"line {line}: the header is repeated; skipped")
        elif header_like(stripped) and grid.rows and (stripped[0].lower() == grid.header[0].lower() or
                                                      any(is_value(c) for r in grid.rows for c in r.cells[1:])):
            grid.end = line - 1  # a row of headings under rows of values: the next table's header, not a row of text
            out.append(grid)
            grid = Grid(layout, line, end, header=_trim(stripped), header_line=line)
            grid.notes.append(f"line {line}: a new header part-way down starts this table")
        else:
            grid.rows.append(Row(line, cells))
    for g in out + [grid]:
        _corner(g)
        _title(g)
    return out + [grid]


def _title(grid: Grid) -> None:
    """A header one cell longer than its rows, a title cell in front of the label column's heading: the title is the
    caption, the rest the header."""
    if not grid.header or not grid.rows:
        return
    title = title_cell(grid.header, max(len(_trim([c.strip() for c in r.cells])) for r in grid.rows))
    if title:
        grid.caption, grid.header = grid.caption or title, grid.header[1:]
        grid.notes.append(f"line {grid.header_line}: {title!r} stands in front of the header's row-label heading: a "
                          "title, not a column heading")


def _corner(grid: Grid) -> None:
    """A header one cell shorter than its rows, over values that are years: it has no cell over the row labels."""
    if not grid.header or not grid.rows:
        return
    widths = Counter(len(_trim([c.strip() for c in r.cells])) for r in grid.rows)
    if widths.most_common(1)[0][0] == len(grid.header) + 1 and YEAR.match(grid.header[0].strip()):
        grid.header = [""] + grid.header
        grid.notes.append(f"line {grid.header_line}: the header has no cell over the row labels; its first heading is "
                          "taken to stand over the first values")


def _trim(header: list[str]) -> list[str]:
    while header and not header[-1]:
        header = header[:-1]
    return header


def _stacked(lines: list[str], kinds: list[str], i: int, header: list[tuple[int, str]]) \
        -> tuple[list[tuple[int, str]], list[tuple[int, int]], int]:
    """Headings wrapped over lines straight above the header (`Number of` over `officers`): each cell of a heading line
    above stands over exactly one column (its words go in front of that column's heading) or over none, between
    columns (a heading whose bottom line is empty: a column of its own); never over the row labels or two columns.
    The joined header, each column's span, and the top heading line."""
    cols = [[s, s + len(c), c] for s, c in header]
    top = i
    for k in (i - 1, i - 2):
        if k < 0 or kinds[k] != "text" or re.search(r"\d", lines[k]) or lines[k].rstrip().endswith((".", ":", "?", ";", ",")):
            break
        cells = spaced_cells(lines[k])
        over = [[c for c, (s, e, _) in enumerate(cols) if s < start + len(text) and e > start] for start, text in cells]
        if not cells or any(len(o) > 1 or o == [0] or (o and not cols[o[0]][2]) for o in over) or \
                len({o[0] for o in over if o}) < len([o for o in over if o]) or any(len(t.split()) > 4 for _, t in cells) or \
                any(not o and start < cols[0][1] + 1 for o, (start, _) in zip(over, cells)):
            break
        for (start, text), o in zip(cells, over):
            if o:
                col = cols[o[0]]
                col[0], col[1], col[2] = min(col[0], start), max(col[1], start + len(text)), f"{text} {col[2]}"
            else:
                cols.append([start, start + len(text), text])
        cols.sort(key=lambda c: c[0])
        top = k
    if any(a[1] > b[0] for a, b in zip(cols, cols[1:])):
        return header, [(s, s + len(c)) for s, c in header], i  # columns that overlap: not one reading
    return [(s, c) for s, _, c in cols], [(s, e) for s, e, _ in cols], top


def _spaced(lines: list[str], i: int, j: int, kinds: list[str] | None = None) -> list[Grid]:
    """Cells separated by runs of spaces, placed under the header column they overlap (so blanks keep their place)."""
    header = spaced_cells(lines[i])
    widths = Counter(len(spaced_cells(lines[n])) for n in range(i + 1, j + 1) if lines[n].strip())
    starts = [spaced_cells(lines[n])[0][0] for n in range(i + 1, j + 1) if lines[n].strip()]
    if widths and max(widths) == len(header) + 1 and starts and header[0][0] > min(starts) + 1:
        header = [(min(starts), "")] + header  # no heading over the row labels: the header starts over the first values
    title = title_cell([c for _, c in header], max(widths)) if widths else None
    if title:  # a title cell in front of the row-label heading: not a column
        header = header[1:]
    grid = Grid("space-separated", i + 1, j + 1, header=[c for _, c in header], header_line=i + 1, caption=title)
    spans = [(s, s + len(c)) for s, c in header]
    if kinds:
        stacked, wide, top = _stacked(lines, kinds, i, header)
        if top < i:
            header, spans = stacked, wide
            grid.header, grid.start, grid.header_line = [c for _, c in header], top + 1, top + 1
            grid.notes.append(f"lines {top + 1}-{i + 1}: column headings wrapped over {i - top + 1} lines; joined top down")
    full = [spaced_cells(lines[n]) for n in range(i + 1, j + 1) if len(spaced_cells(lines[n])) == len(header)]
    askew = any(_column(spans, s, s + len(t)) != k for cells in full for k, (s, t) in enumerate(cells) if k)
    for n in range(i + 1, j + 1):
        cells = spaced_cells(lines[n])
        if not cells:  # a blank line between rows
            continue
        if [c for _, c in cells] == grid.header:
            grid.notes.append(f"line {n + 1}: the header is repeated; skipped")
            continue
        if header_like([c for _, c in cells]) and any(is_value(c) for r in grid.rows for c in r.cells[1:]):
            grid.notes.append(f"line {n + 1}: a row of headings ({', '.join(c for _, c in cells)}) under rows of values: "
                              "the next table's header, whose columns this table's alignment cannot give; the rows from "
                              "here on are not read")
            break
        if askew and len(cells) < len(header):
            grid.notes.append(f"line {n + 1}: {len(cells) - 1} values for {len(header) - 1} columns, and the full rows' "
                              "cells do not stand under their headings, so the alignment cannot place these; not read")
            continue
        placed = [""] * len(header)
        placed[0] = cells[0][1]
        clash = stray = False
        for start, text in cells[1:]:
            k = _column(spans, start, start + len(text))
            clash = clash or bool(placed[k])
            stray = stray or min(spans[k][1], start + len(text)) <= max(spans[k][0], start)
            placed[k] = text
        if stray and len(cells) < len(header):
            grid.notes.append(f"line {n + 1}: {len(cells) - 1} values for {len(header) - 1} columns, and a value stands "
                              "under no heading, so the alignment cannot place it; not read")
            continue
        if len(cells) == len(header) and (clash or placed != [c for _, c in cells]):
            placed = [c for _, c in cells]  # a cell for every column: in order, whatever the alignment says
        elif clash:
            grid.notes.append(f"line {n + 1}: two cells fall under one column; not read")
            continue
        grid.rows.append(Row(n + 1, placed))
    _two_alignments(grid, lines, spans)
    def years(row: Row) -> bool:  # starts with two rising years: "2016  2017  2018"
        cells = [c.strip() for c in row.cells if c.strip()]
        return len(cells) > 1 and all(YEAR.fullmatch(c) for c in cells[:2]) and int(cells[1][:4]) > int(cells[0][:4])
    for row in [r for r in grid.rows if years(r)]:
        grid.notes.append(f"line {row.line}: a row of years is a header, not counts; not read")
        grid.rows.remove(row)
    values = sum(is_value(c) for r in grid.rows for c in r.cells[1:])
    words = sum(bool(c.strip()) and not is_value(c) for r in grid.rows for c in r.cells[1:])
    if words > values:  # words where counts should stand: prose in two columns side by side, not a table
        grid.notes.append(f"{words} cells are words and {values} are values: not a table of counts (two columns of a "
                          "page side by side?); not read")
        grid.rows = []
    return [grid]


def _two_alignments(grid: Grid, lines: list[str], spans: list[tuple[int, int]]) -> None:
    """Rows whose values all stand inside their headings' spans, and rows whose values all stand outside them: two
    tables' rows in two alignments (page columns interleaved line by line), so no row is read."""
    inside, outside = [], []
    for row in grid.rows:
        cells = spaced_cells(lines[row.line - 1])[1:]
        values = [(start, text) for start, text in cells if is_value(text)]
        if not values or len(values) < len(cells):
            continue
        hits = [any(s < start + len(text) and e > start for s, e in spans[1:]) for start, text in values]
        (inside if all(hits) else outside if not any(hits) else []).append(row.line)
    if len(spans) > 2 and len(inside) > 1 and len(outside) > 1:  # two value columns or more, two rows each way
        grid.notes.append(f"lines {inside[0]} and {outside[0]}: rows stand in two alignments, one under the headings and "
                          "one between them (two page columns interleaved, or two tables): which column each value "
                          "stands in cannot be told; not read")
        grid.rows = []


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
        if (prev and prev.layout == grid.layout and "break" in between
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
