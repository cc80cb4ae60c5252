"""Tables flattened to one cell a line: web tables saved as text (`cell |`, a bare `|` for an empty cell or a row
start, a `|---|---|` rule after the header) and tables with no delimiter at all (cells on their own lines,
often with blank lines between). The row width comes from the rule, or is the one that makes every row a
label followed by values."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import YEAR, first_fall, is_value, read_cell
from .furniture import FURNITURE
from .delimited import PIPE_RULE, kind, pipe_cells
from ..curated.units import unit_or_note
from .model import Grid, Row
from .score import CLEAR, score

MAX_WIDTH = 20


@dataclass(frozen=True)
class Token:
    """One cell on its own line; `bare` when the line is only a pipe (an empty cell or the start of a row)."""

    line: int
    text: str
    bare: bool = False


def read_piped(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every web table flattened to one cell a line on the free lines: cells and pipes on separate lines under a
    pipe header row, then `cell |` lines."""
    grids = read_separated(lines, free)
    for grid in grids:
        for n in grid.lines:
            free[n - 1] = False
    return grids + _piped(lines, free)


def read_separated(lines: list[str], free: list[bool]) -> list[Grid]:
    """Web tables saved with the header as a pipe row, then each cell on its own line closed by a line that is only
    `|` (two pipes in a row close an empty cell)."""
    grids, n = [], 0
    while n < len(lines) - 2:
        if free[n] and kind(lines[n]) == "pipe" and free[n + 1] and kind(lines[n + 1]) == "text" and lines[n + 2].strip() == "|":
            grid = _separated(lines, free, n)
            if grid:
                grids.append(grid)
                n = grid.end
                continue
        n += 1
    return grids


def _separated(lines: list[str], free: list[bool], h: int) -> Grid | None:
    header = _trim_ends(pipe_cells(lines[h]))
    segments: list[list[Token]] = []
    current: list[Token] = []
    k = h + 1
    while k < len(lines):
        text = lines[k].strip()
        if not free[k] and FURNITURE.search(lines[k]):
            pass  # a page mark inside the table
        elif not free[k] or not text:
            break
        elif text == "|":
            segments.append(current or [Token(k + 1, "", True)])
            current = []
        elif kind(lines[k]) == "text" and len(text) <= 80:
            current.append(Token(k + 1, text))
        else:
            break
        k += 1
    for width in (len(header), len(header) - 1):
        rows = [segments[i: i + width + 1] for i in range(0, len(segments) - width, width + 1)]
        if rows and all(_separated_row_ok(r) for r in rows):
            grid = Grid("pipe, one cell per line", h + 1, rows[-1][-1][-1].line, header=([""] if width == len(header) else []) + header,
                        header_line=h + 1)
            grid.rows = [_separated_row(r, grid) for r in rows]
            if len(segments) % (width + 1):
                grid.notes.append(f"line {segments[len(rows) * (width + 1)][0].line}: cells left over after the last full row; not read")
            return grid
    return None


def _trim_ends(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _separated_row_ok(row: list[list[Token]]) -> bool:
    label = " ".join(t.text for t in row[0])
    return bool(label) and not is_value(label) and all(len(c) == 1 and (c[0].bare or is_value(c[0].text)) for c in row[1:])


def _separated_row(row: list[list[Token]], grid: Grid) -> Row:
    if len(row[0]) > 1:
        grid.notes.append(f"lines {row[0][0].line}-{row[0][-1].line}: a row label written over several lines; joined")
    return Row(row[0][-1].line, [" ".join(t.text for t in row[0])] + [c[0].text for c in row[1:]], [row[0][-1].line] + [c[0].line for c in row[1:]])


def read_bare(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every table of one cell a line with no delimiter on the free lines."""
    return _bare(lines, [f and (lines[n].strip() == "|" or not _piped_line(lines[n])) for n, f in enumerate(free)])


def _piped_line(line: str) -> bool:
    return kind(line) in ("cell", "rule")


def _piped(lines: list[str], free: list[bool]) -> list[Grid]:
    grids, n = [], 0
    while n < len(lines):
        if not (free[n] and _piped_line(lines[n])):
            n += 1
            continue
        start = n
        while n < len(lines) and free[n] and _piped_line(lines[n]):
            n += 1
        block = [(k + 1, lines[k]) for k in range(start, n)]
        if any(not PIPE_RULE.match(text) for _, text in block) and len(block) >= 4:
            grids += _piped_block(block)
    return grids


def _piped_block(block: list[tuple[int, str]]) -> list[Grid]:
    """One run of `cell |` lines: split at each rule into header and rows; without a rule, find the width."""
    rules = [k for k, (_, text) in enumerate(block) if PIPE_RULE.match(text)]
    tokens = [_token(n, text) for n, text in block if not PIPE_RULE.match(text)]
    start, end = block[0][0], block[-1][0]
    if rules:
        return _ruled(block, rules)
    readings = []
    for width in range(2, min(len(tokens) // 2, MAX_WIDTH) + 1):
        for lead in (1, 0):
            if lead and not tokens[0].bare:
                continue
            for short in (0, 1, -1):  # a header with a cell over the row labels, without one, or with a title in front
                head, body = tokens[: width + lead - short], tokens[width + lead - short:]
                if short and (not head[lead:] or any(is_value(t.text) and not YEAR.match(t.text) for t in head[lead:])):
                    continue
                if short < 0 and (len(body) < 2 * width or not head[lead].text or YEAR.match(head[lead].text)):
                    continue  # a title is a cell of words, over two rows or more
                rows, used = segment(body, width, bool(lead))
                if rows and used == len(body):
                    points = score([""] * max(short, 0) + [t.text for t in head[lead - min(short, 0):]],
                                   [[t.text for t in r] for r in rows])
                    readings.append((points - abs(short), -width, width, head, body))
    grid = Grid("pipe, one cell per line", start, end)
    if not readings:
        grid.notes.append("could not find a row width that makes every row a label followed by values; not read")
        return [grid]
    readings.sort(key=lambda r: (r[0], r[1]), reverse=True)
    best = readings[0]
    rival = next((r for r in readings[1:] if r[2] != best[2]), None)
    if rival and best[0] - rival[0] < CLEAR:
        grid.notes.append(f"two readings fit: {best[2] - 1} columns or {rival[2] - 1}; header line {best[3][0].line}; not read")
        return [grid]
    return _assemble("pipe, one cell per line", best[3], best[4], best[2], start, end)


def _ruled(block: list[tuple[int, str]], rules: list[int]) -> list[Grid]:
    """A table under each rule: its header is the cells just above the rule, its rows run to the next header."""
    widths = [len([c for c in pipe_cells(block[r][1]) if c]) for r in rules]
    heads = []
    for r, width in zip(rules, widths):
        above = [_token(n, text) for n, text in block[:r] if not PIPE_RULE.match(text)][-(width + 1):]
        heads.append(above if len(above) == width + 1 and above[0].bare else above[-width:])
    out = []
    for k, (r, width) in enumerate(zip(rules, widths)):
        first = block[0][0] if k == 0 else heads[k][0].line
        last = heads[k + 1][0].line - 1 if k + 1 < len(rules) else block[-1][0]
        head = [_token(n, text) for n, text in block[:r] if not PIPE_RULE.match(text) and n >= first]
        body = [_token(n, text) for n, text in block[r + 1:] if not PIPE_RULE.match(text) and n <= last]
        out += _assemble("pipe, one cell per line", head, body, width, first, last)
    return out
def _token(line: int, text: str) -> Token:
    cells = pipe_cells(text)
    return Token(line, cells[0] if cells else "", text.strip() == "|")


def _assemble(layout: str, head: list[Token], body: list[Token], width: int, start: int, end: int) -> list[Grid]:
    """Grids from header tokens and body tokens cut into rows of `width` cells; a header row repeated with other
    headings part-way down starts a new grid."""
    grid = Grid(layout, start, end)
    lead = len(head) == width + 1 and head[0].bare
    header = head[1:] if lead else head
    if len(header) > width and unit_or_note(header[-1].text) == "word":  # `Count` last: a unit after the header, or a
        grid.notes.append(f"line {header[0].line}: two readings fit: the header's last cell "  # title cell in front
                          f"{header[-1].text!r} a unit under it, or its first cell a title; not read")
        return [grid]
    if len(header) > width:  # words before the header: a caption
        grid.caption = " ".join(t.text for t in header[: len(header) - width] if t.text) or None
        header = header[len(header) - width:]
    if header:
        grid.header_line, grid.header = header[0].line, [t.text for t in header]
        if len(header) < width:  # the cell over the row labels is missing, not the last heading
            grid.notes.append(f"line {header[0].line}: the header has {len(header)} cells for {width} columns; "
                              "the first is taken to be the one over the row labels")
            grid.header = [""] * (width - len(header)) + grid.header
    rows, used = segment(body, width, lead)
    grid.rows = [Row(r[0].line, [t.text for t in r], [t.line for t in r]) for r in rows]
    rest = body[used:]
    if rest:
        again = _new_header(rest, width, lead, grid.header)
        if again:
            grid.end = rest[0].line - 1
            more = _assemble(layout, rest[:again], rest[again:], width, rest[0].line, end)
            more[0].notes.insert(0, f"line {rest[0].line}: a new header part-way down starts this table")
            return [grid] + more
        grid.notes.append(f"lines {rest[0].line}-{rest[-1].line}: cells left over that do not make a row of {width}; not read")
    return [grid]


def _new_header(rest: list[Token], width: int, lead: bool, header: list[str] | None) -> int:
    """How many tokens a header row repeated with other headings takes (`Age |`, `Female |`), or 0."""
    skip = 1 if lead and rest[0].bare else 0
    row = rest[skip: skip + width]
    same_first = header is not None and row and row[0].text.lower() == (header[0] or "").lower()
    if len(row) == width and (same_first or not header or not header[0]) and all(t.text and not is_value(t.text) for t in row[1:]):
        return skip + width
    return 0


def segment(tokens: list[Token], width: int, lead: bool) -> tuple[list[list[Token]], int]:
    """Cut tokens into rows of `width` cells (each a label then values or blanks), a bare pipe before a row being
    its start when `lead`; the cut that reads the most tokens with the fewest oddities wins."""
    best: dict[int, tuple[float, list[list[Token]]]] = {0: (0.0, [])}
    for i in range(len(tokens) + 1):
        if i not in best:
            continue
        cost, rows = best[i]
        for skip in (1, 0):
            if skip and (i >= len(tokens) or not tokens[i].bare):
                continue
            row = tokens[i + skip: i + skip + width]
            if len(row) < width or not _row_ok(row):
                continue
            step = cost + (0 if bool(skip) == lead else 1) + (1 if read_cell(row[0].text).status else 0)
            k = i + skip + width
            if k not in best or step < best[k][0]:
                best[k] = (step, rows + [row])
    far = max(best)
    return best[far][1], far


def _row_ok(row: list[Token]) -> bool:
    return bool(row[0].text) and not row[0].bare and all(t.bare or not t.text or is_value(t.text) for t in row[1:])


def _bare(lines: list[str], free: list[bool]) -> list[Grid]:
    """Tables with one cell a line and no delimiter: the header cells first, then the rows."""
    grids, n = [], 0
    while n < len(lines):
        if not (free[n] and _cell_like(lines[n])):
            n += 1
            continue
        tokens, gap = [], 0
        if n > 0 and free[n - 1] and "\xa0" in lines[n - 1] and not lines[n - 1].strip():
            tokens.append(Token(n, ""))  # a no-break space just before: an empty cell opens the stream (a corner)
        while n < len(lines) and free[n] and (_cell_like(lines[n]) or _marker(lines, free, n) or (not lines[n].strip() and gap < 2)
                                              or (tokens and _long_label(lines, free, n))):
            if lines[n].strip() == "|":  # a bare pipe between rows of cells: a row marker
                tokens.append(Token(n + 1, "", True))
                gap = 0
            elif lines[n].strip():
                tokens.append(Token(n + 1, lines[n].strip()))
                gap = 0
            elif "\xa0" in lines[n]:  # a cell that holds only a no-break space: an empty cell, not a gap between cells
                tokens.append(Token(n + 1, ""))
                gap = 0
            else:
                gap += 1
            n += 1
        grids += _bare_tables(tokens)
    return grids


def _marker(lines: list[str], free: list[bool], n: int) -> bool:
    """A line that is only a pipe, with a cell on the next line: it marks where a row of one-cell lines starts."""
    return lines[n].strip() == "|" and n + 1 < len(lines) and free[n + 1] and _cell_like(lines[n + 1])


def _long_label(lines: list[str], free: list[bool], n: int) -> bool:
    """A longer row label inside a stream of one-cell lines (`Section 60 Criminal Justice and Public Order Act 1994`):
    no sentence (no end stop, up to 14 words), and a value or an empty cell on the next line that is not blank."""
    text = lines[n].strip()
    if not text or len(text) > 100 or len(text.split()) > 14 or kind(lines[n]) != "text" or text[-1] in ".?:;,":
        return False
    k = n + 1
    while k < len(lines) and k - n <= 2 and not lines[k].strip() and "\xa0" not in lines[k]:
        k += 1
    return k < len(lines) and free[k] and ("\xa0" in lines[k] and not lines[k].strip() or is_value(lines[k].strip()))


def _cell_like(line: str) -> bool:
    """A short line that can be one cell: a few words, not a sentence, not a numbered question."""
    text = line.strip()
    if not text or len(text) > 60 or len(text.split()) > 8 or kind(line) != "text":
        return False
    return is_value(text) or not (text[-1] in ".?:;," or re.match(r"^\(?\d+[a-z]?[.)]\s", text))


def _bare_tables(tokens: list[Token]) -> list[Grid]:
    """A caption (up to two cells), header cells (headings, years or bands), then rows of the same width; more tables
    may follow. Each reading is weighed (cells read, then headers, labels and totals) and proposed only when it
    clearly beats a reading of another width."""
    out, i = [], 0
    while i < len(tokens):
        heads = 0
        if tokens[i].bare:
            i += 1
            continue
        cornered = _empty_corner(tokens, i)
        if cornered:
            out.append(cornered[0])
            i = cornered[1]
            continue
        while i + heads < len(tokens) and not tokens[i + heads].bare and _heading_cell(tokens[i + heads].text, heads):
            heads += 1
        readings = []
        marked = any(t.bare for t in tokens[i:])
        for skip in range(0, min(heads - 1, 3)):
            for width in range(2, min(heads - skip, MAX_WIDTH) + 1):
                rows, used = segment(tokens[i + skip + width:], width, marked)
                if marked and not _between_markers(tokens[i + skip + width:], rows):
                    continue  # with row markers, every row stands between two of them, no marker inside a row
                if not any(is_value(t.text) and not YEAR.match(t.text) for r in rows for t in r[1:]):
                    continue
                if rows and re.fullmatch(r"counts?", rows[0][0].text, re.I):
                    continue  # `Count` straight under the header is the header's unit (or a row): not a row label here
                if any(is_value(r[0].text) and not YEAR.match(r[0].text) for r in rows) and not _ages(rows, width):
                    continue  # a number that labels a row is a year or an age, not a page number or a count
                after = i + skip + width + used
                if after < len(tokens) and is_value(tokens[after].text):
                    continue  # a value left over right after the rows: the width is wrong
                head = [t.text for t in tokens[i + skip: i + skip + width]]
                if YEAR.match(head[0]) and any(YEAR.match(h) for h in head[1:]):
                    continue  # a year over the row labels while years head the columns: the header is cut one cell late
                points = score(head, [[t.text for t in r] for r in rows])
                readings.append(((skip + width + used, points, -skip, width), skip, width, rows, used))
        ny = 0
        while i + ny < len(tokens) and not tokens[i + ny].bare and YEAR.match(tokens[i + ny].text):
            ny += 1
        years = [t.text for t in tokens[i: i + ny]]
        if not readings and ny >= 2 and ny + 1 <= MAX_WIDTH:
            rows, used = segment(tokens[i + ny:], ny + 1, marked)  # no corner cell: each row a label, then a count
            after = i + ny + used                                  # under each year in its place
            if rows and (not marked or _between_markers(tokens[i + ny:], rows)) and \
                    all(r[0].text and not is_value(r[0].text) and all(is_value(t.text) or not t.text for t in r[1:])
                        for r in rows) and any(is_value(t.text) for r in rows for t in r[1:]) and \
                    not (after < len(tokens) and is_value(tokens[after].text)):
                grid = Grid("one cell per line", tokens[i].line, rows[-1][-1].line, header=[""] + years,
                            header_line=tokens[i].line)
                grid.notes.append(f"line {tokens[i].line}: the header has no cell over the row labels; each year stands "
                                  "over the counts in its place")
                grid.rows = [Row(r[0].line, [t.text for t in r], [t.line for t in r]) for r in rows]
                out.append(grid)
                i = after
                continue
        cornerless = _no_corner(tokens, i, marked) if not readings else None
        if cornerless:
            out.append(cornerless[0])
            i = cornerless[1]
            continue
        if not readings:
            listed = _bare_list(tokens, i)
            if not listed and heads > 1:  # headings before a label-value list: the last is the first label
                listed = _bare_list(tokens, i + heads - 1)
                if listed and heads <= 3:
                    listed[0].caption = " ".join(t.text for t in tokens[i: i + heads - 1])
            if listed:
                out.append(listed[0])
                i = listed[1]
                continue
            i += max(heads, 1)
            continue
        readings.sort(key=lambda r: r[0], reverse=True)
        (cells, points, _, _), skip, width, rows, used = readings[0]
        rival = next((r for r in readings[1:] if r[2] != width and r[0][0] == cells), None)
        if rival and points - rival[0][1] < CLEAR:
            grid = Grid("one cell per line", tokens[i].line, rows[-1][-1].line)
            grid.notes.append(f"two readings fit: {width - 1} columns or {rival[2] - 1}; header line "
                              f"{tokens[i + skip].line}; not read")
            out.append(grid)
            i += skip + width + used
            continue
        head = tokens[i + skip: i + skip + width]
        if skip and any(re.fullmatch(r"counts?", t.text, re.I) for t in head[1:]):  # `Count` in a header cut late: a unit
            grid = Grid("one cell per line", tokens[i].line, rows[-1][-1].line)  # under the header, or a heading
            grid.notes.append(f"two readings fit: {head[-1].text!r} a unit under the header (line {head[-1].line}), "
                              f"or a heading after a title; not read")
            out.append(grid)
            i += skip + width + used
            continue
        grid = Grid("one cell per line", tokens[i].line, rows[-1][-1].line, header=[t.text for t in head],
                    header_line=head[0].line, caption=" ".join(t.text for t in tokens[i: i + skip]) or None)
        grid.rows = [Row(r[0].line, [t.text for t in r], [t.line for t in r]) for r in rows]
        out.append(grid)
        i += skip + width + used
    return out


def _ages(rows: list[list[Token]], width: int) -> bool:
    """Bare numbers that label rows are ages or item numbers (`13`, `14`, `15`) only when each row has two values or
    more and the numbers rise down the table, in runs under worded labels (`Male`, then `13`, `14`)."""
    if width < 3:
        return False
    numbers = [r[0].text for r in rows if is_value(r[0].text) and not YEAR.match(r[0].text)]
    if not all(re.fullmatch(r"\d{1,3}", x) for x in numbers):
        return False
    return first_fall([int(r[0].text) if re.fullmatch(r"\d{1,3}", r[0].text) else None for r in rows]) is None


def _empty_corner(tokens: list[Token], i: int) -> tuple[Grid, int] | None:
    """An empty cell (a no-break space) before two or more headings: the corner over the row labels, written. The
    header's width is the one after which every row is a label then counts (or empty cells) and nothing is left over;
    when no width or two widths fit, None."""
    if tokens[i].text or i + 2 >= len(tokens):
        return None
    heads = 0
    while i + 1 + heads < len(tokens) and tokens[i + 1 + heads].text and not tokens[i + 1 + heads].bare and \
            _heading_cell(tokens[i + 1 + heads].text, heads):
        heads += 1
    fits = []
    for k in range(2, min(heads, MAX_WIDTH - 1) + 1):
        rows, used = segment(tokens[i + 1 + k:], k + 1, False)
        after = i + 1 + k + used
        if rows and all(r[0].text and not (is_value(r[0].text) and not YEAR.match(r[0].text)) and
                        all(is_value(t.text) or not t.text for t in r[1:]) for r in rows) and \
                any(is_value(t.text) for r in rows for t in r[1:]) and not (after < len(tokens) and is_value(tokens[after].text)):
            fits.append((k, rows, after))
    if len(fits) != 1:
        return None
    k, rows, after = fits[0]
    head = tokens[i + 1: i + 1 + k]
    grid = Grid("one cell per line", tokens[i].line, rows[-1][-1].line, header=[""] + [t.text for t in head],
                header_line=head[0].line)
    grid.rows = [Row(r[0].line, [t.text for t in r], [t.line for t in r]) for r in rows]
    return grid, after


def _no_corner(tokens: list[Token], i: int, marked: bool) -> tuple[Grid, int] | None:
    """Two or more headings with no cell over the row labels (`Male`, `Female`, then `Under 10`, `3`, `5`): the
    header is the headings after which every row is a label (a word, a year, or an age rising down the table) then
    counts or empty cells, two rows or more, with nothing left over; read only when exactly one header length fits."""
    heads = 0
    while i + heads < len(tokens) and not tokens[i + heads].bare and tokens[i + heads].text and \
            (not is_value(tokens[i + heads].text) or YEAR.match(tokens[i + heads].text)):
        heads += 1
    fits = []
    for k in range(2, min(heads, MAX_WIDTH - 1) + 1):
        rows, used = segment(tokens[i + k:], k + 1, marked)
        after = i + k + used
        if len(rows) < 2 or (marked and not _between_markers(tokens[i + k:], rows)):
            continue
        labels_ok = all(r[0].text and not (is_value(r[0].text) and not YEAR.match(r[0].text)) for r in rows) \
            or _ages(rows, k + 1) and not any(YEAR.match(r[0].text) for r in rows)
        if labels_ok and all(is_value(t.text) or not t.text for r in rows for t in r[1:]) and \
                any(is_value(t.text) and not YEAR.match(t.text) for r in rows for t in r[1:]) and \
                not (after < len(tokens) and is_value(tokens[after].text)):
            fits.append((k, rows, after))
    if len(fits) != 1:
        return None
    k, rows, after = fits[0]
    head = tokens[i: i + k]
    if YEAR.match(head[-1].text) and any(YEAR.match(r[0].text) for r in rows) and not all(YEAR.match(h.text) for h in head):
        return None  # a year closing a header of words over rows labelled by years: the header may be cut one cell late
    grid = Grid("one cell per line", head[0].line, rows[-1][-1].line, header=[""] + [t.text for t in head],
                header_line=head[0].line)
    grid.notes.append(f"line {head[0].line}: the header has no cell over the row labels; each heading stands over the "
                      "values in its place")
    grid.rows = [Row(r[0].line, [t.text for t in r], [t.line for t in r]) for r in rows]
    return grid, after


def _between_markers(tokens: list[Token], rows: list[list[Token]]) -> bool:
    """Rows cut from a stream with row markers: no marker inside a row, and a marker before every row but the first."""
    lines = {t.line for t in tokens if t.bare}
    if any(t.bare for r in rows for t in r):
        return False
    return all(r[0].line - 1 in lines or (k == 0 and r[0].line - 1 not in lines) for k, r in enumerate(rows)) and \
        all(any(m < r[0].line for m in lines) for r in rows[1:])


def _heading_cell(text: str, k: int) -> bool:
    """A cell that can stand in a header: a heading, or (after the first) a year or a band; never a count."""
    if not is_value(text):
        return True
    return k > 0 and bool(YEAR.match(text.strip()))


def _bare_list(tokens: list[Token], i: int) -> tuple[Grid, int] | None:
    """No header: a label then its value, each on its own line, two times or more (`1st January 2020 - 1st January
    2021`, then `0`). Read as a list when every label is text and every value a count or a marker."""
    rows = []
    k = i
    while k + 1 < len(tokens) and not is_value(tokens[k].text) and is_value(tokens[k + 1].text) \
            and (not rows or tokens[k].line - rows[-1][1].line <= 3):
        rows.append((tokens[k], tokens[k + 1]))
        k += 2
    if len(rows) < 2 or any(YEAR.match(v.text) for _, v in rows):
        return None
    grid = Grid("one cell per line", rows[0][0].line, rows[-1][1].line)
    grid.rows = [Row(label.line, [label.text, value.text], [label.line, value.line]) for label, value in rows]
    return grid, k
