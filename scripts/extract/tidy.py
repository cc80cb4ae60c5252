"""Turn a found grid into a proposed tidy table in the curated format: dimensions, value, status, line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..curated.tables import TOTAL
from .cells import YEAR, codes_in, is_total, read_cell, unwrap
from .model import Grid, Row
from .vocab import dimension

LEVEL_SPLIT = re.compile(r"\s*(?:/|>|\\)\s*")
# A column heading that names money ('Spend £', 'Cost (£)', 'Expenditure'): its cells are sums of money, not counts.
MONEY = re.compile(r"[£$€]|\b(?:costs?|spend|spent|expenditure|budget|salary|salaries|price)\b",
                   re.IGNORECASE)
# A column heading that names a share, a rate, an average or a change ('% change', 'Rate per 1,000', 'Average age',
# '+/-'): its cells are derived from counts, not counts.
DERIVED = re.compile(r"%|\+/-|\b(?:per ?cent|percentage|proportion|share|rate|ratio|average|avg|ave(?=\.)|mean|median|change"
                     r"|difference)\b"
                     r"|\bper\s+(?:[\d,]+|head|capita|hundred|thousand|million)\b",
                     re.IGNORECASE)
# A heading or label that gives its values a unit of time ('Target (mins)', 'Time taken (hours)', 'Duration',
# 'Response time in minutes', 'Minutes'), a measure ('Weight (kg)') or an age ('Victim age'): its values are lengths of
# time, measures or ages, not counts. Bands ('Within 15 mins', 'Age 10-15', 'Age unknown') count people or calls.
DURATION = re.compile(r"\((?:mins?|minutes|hrs?|hours|secs?|seconds|days|hh:mm(?::ss)?)\)|\b(?:in|of)\s+(?:minutes|hours|seconds)\b"
                      r"|\b(?:time\s+taken|duration|hh:mm(?::ss)?|years?\s+(?:of\s+service|served)|length\s+of\s+service)\b"
                      r"|^\s*(?:mins?|minutes|hrs?|hours|secs?|seconds)(?:\s+taken)?\s*$"  # a column of minutes
                      r"|\((?:kg|g|grams?|kilos?|km|miles|mph|cm|mm|ml|litres?)\)"  # weights and lengths: measures, not counts
                      r"|^\s*(?:(?:victim|suspect|offender|child|person)(?:'?s)?\s+age|age\s+(?:of|at)\s+[a-z ]+)\s*(?:\(years\))?\s*$",
                      re.IGNORECASE)  # a column of ages ('Victim age', 'Age of victim'); a bare 'Age' may head row labels
# A row label that names a statistic of the rows ('Mean', 'Median', 'Highest'): its values are not counts.
STATISTIC = re.compile(r"^(?:mean|median|mode|average|avg\.?|ave\.|highest|lowest|max(?:imum)?|min(?:imum)?|standard deviation)"
                       r"(?:\b|(?<=\.))",
                       re.IGNORECASE)
# A list item's label that names money or a share, rate or average ('Total cost', 'Detection rate', 'Avg. days'): its
# value is not a count. ('Spent convictions' are counts: 'spent' is not money here.)
NOT_COUNTED = re.compile(r"[£$€%]|\b(?:costs?|spend|expenditure|budget|salary|salaries|price|per ?cent|percentage|proportion"
                         r"|rate|ratio|average|avg|mean|median)\b", re.IGNORECASE)
# What a column's heading says its cells are when they are not counts, in the order the headings are tried.
NOT_COUNT_COLUMNS = ((MONEY, "a sum of money"), (DERIVED, "a share, rate, average or change"),
                     (DURATION, "a length of time, a measure or an age"))
LISTS = ("list", "numbered list", "numbered answers", "prose", "pairs on a line", "pairs run together", "answer under its question",
         "counts of each kind on a line", "a count after a name, line by line")


@dataclass
class Proposed:
    """A proposed table: its name, dimensions, tidy rows, how the force laid it out, and what the extractor noticed."""

    name: str
    grid: Grid
    dims: list[str]
    rows: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    structure: str = ""
    layout_rows: list[str] = field(default_factory=list)
    layout_columns: list[str] = field(default_factory=list)

    @property
    def values(self) -> int:
        """How many values the table holds (blank cells are not values)."""
        return sum(r["status"] != "blank" for r in self.rows)


def tidy(grid: Grid, name: str) -> Proposed:
    """Dispatch on layout: lists have their row dimensions only; grids add a column dimension."""
    if grid.layout in LISTS or (grid.header is None and all(len(r.cells) == 2 for r in grid.rows)):
        out = _tidy_list(grid, name)
    else:
        group_rows(grid)
        out = _tidy_grid(grid, name)
    _note_duplicates(out)
    return out


def not_counted(label: str) -> str | None:
    """Why a row's or a list item's values are not counts, by its label: 'statistic' (Mean, Highest), 'measure' (money, a
    share, a rate, an average, a length of time), or None."""
    if STATISTIC.match(label):
        return "statistic"
    if NOT_COUNTED.search(label) or DURATION.search(label):
        return "measure"
    return None


def header_levels(grid: Grid) -> list[str]:
    """The headings of the row-label levels that the corner cell names (`Offence / Outcome`); one heading when the row
    labels hold the same mark themselves (`Offence / Trosedd` over `Rape / Treisio`: one label in two languages)."""
    corner = grid.header[0] if grid.header and grid.header[0] else ""
    if not corner:
        return []
    levels = LEVEL_SPLIT.split(corner)
    labels = [unwrap(r.cells[0]) for r in grid.rows if r.cells and unwrap(r.cells[0]) and not is_total(r.cells[0])]
    marks = set(re.findall(r"[/>\\]", corner))
    if len(levels) > 1 and labels and all(any(m in x for m in marks) for x in labels):
        return [corner.strip()]
    return levels


def group_rows(grid: Grid) -> None:
    """Rows with no value above rows with values (an offence above its outcomes) become the outer label of the rows
    under them, when the header names two levels, the labels are offence codes, or the inner labels repeat."""
    rows = grid.rows
    if any(r.group for r in rows):
        return
    levels = header_levels(grid)
    empty = [all(not c.strip() for c in r.cells[1:]) and not is_total(r.cells[0]) for r in rows]
    groups = {k for k, e in enumerate(empty) if e and k + 1 < len(rows) and not empty[k + 1]}
    inner = [unwrap(r.cells[0]) for k, r in enumerate(rows) if k not in groups and not is_total(r.cells[0])]
    if not groups and len(levels) <= 1:
        _coded_heads(grid)
        return
    if not groups or not (len(levels) > 1 or all(codes_in(rows[k].cells[0]) for k in groups) or len(set(inner)) < len(inner)):
        return
    if len(levels) > 1:
        grid.row_dims = levels
    group, kept = None, []
    for k, row in enumerate(rows):
        if k in groups:
            group = row.cells[0]
            continue
        row.group = None if is_total(row.cells[0]) else group
        kept.append(row)
    if 0 not in groups:
        grid.notes.append(f"line {rows[0].line}: rows before the first group label have no outer label")
    grid.rows = kept


CODED = re.compile(r"^\W*(?:0?\d{1,3}[A-Z]?\s?/\s?\d{1,2}|\d{4,5}\s*[-–:])")


def _coded_heads(grid: Grid) -> None:
    """Rows labelled with an offence code, each above rows whose labels repeat under the next code (outcomes under
    each offence): the coded rows are the outer labels, their own values subtotals."""
    rows = [r for r in grid.rows if not is_total(r.cells[0])]
    coded = [bool(CODED.match(r.cells[0])) for r in rows]
    plain = [unwrap(r.cells[0]) for r, c in zip(rows, coded) if not c]
    if not rows or not coded[0] or all(coded) or len(set(plain)) == len(plain):
        return
    group = None
    for row in grid.rows:
        if is_total(row.cells[0]):
            continue
        if CODED.match(row.cells[0]):
            group, row.head = row.cells[0], True
        row.group = group


def _tidy_list(grid: Grid, name: str) -> Proposed:
    given = list(grid.row_dims or ["label"])
    dims: list[str] = []
    for k, heading in enumerate(given):
        labels = [r.cells[k] if k < len(given) - 1 else r.cells[-2] for r in grid.rows]
        if k == len(given) - 1 and heading == "label":
            heading = grid.dim_hint or grid.caption or ""
        elif heading == "label":
            heading = ""
        if heading == "question" and "question" not in dims:  # a numbered item's number: never an age or a count
            dims.append("question")
            continue
        dims.append(dimension(heading, labels, "row", dims))
    out = Proposed(name, grid, dims, notes=list(grid.notes), structure=f"{grid.layout} of {len(grid.rows)} items",
                   layout_rows=list(dims))
    for row in grid.rows:
        keys = [unwrap(c) for c in row.cells[:-1]]
        kind = not_counted(keys[-1])
        if kind == "statistic":
            out.notes.append(f"line {row.line}: the row {keys[-1]!r} names a statistic of the rows, not a count; not proposed")
            continue
        if kind == "measure" and grid.layout != "prose":
            out.notes.append(f"line {row.line}: the item {keys[-1]!r} names money, a share, a rate, an average or a "
                             "length of time: its value is not a count; not proposed")
            continue
        keys[-1] = TOTAL if is_total(keys[-1]) and len(keys) == 1 else keys[-1]
        cell = read_cell(row.cells[-1], units=True)
        out.rows.append({**dict(zip(dims, keys)), "value": cell.value, "status": cell.status,
                         "line": row.line_of(len(row.cells) - 1)})
    return out


def _tidy_grid(grid: Grid, name: str) -> Proposed:
    header = grid.header or []
    columns = [unwrap(c) for c in header[1:]]
    headings = list(grid.row_dims) if grid.row_dims else header_levels(grid) or [""]
    grouped = any(r.group for r in grid.rows)
    inner = [r.cells[0] for r in grid.rows if not r.head]
    levels: list[str] = []
    if grouped and len(headings) < 2:
        groups = [r.group for r in grid.rows if r.group]
        levels.append("offence" if any(codes_in(g) for g in groups) else dimension(None, groups, "row"))
    for k, heading in enumerate(headings):
        levels.append(dimension(heading, inner if k == len(headings) - 1 else [], "row", levels))
    two = two_level(grid, columns)
    if isinstance(two, list):  # two header rows, each column's two headings certain: both are its labels
        grid.rows = grid.rows[1:]
        tops, subs = [t for t, _ in two], [b for _, b in two]
        first = dimension(None, tops, "column", levels)
        dims = levels + [first, dimension(None, subs, "column", levels + [first])]
        out = Proposed(name, grid, dims, notes=list(grid.notes), layout_rows=dims[:-2], layout_columns=dims[-2:])
        out.structure = f"{len(grid.rows)} rows x {len(two)} columns under two header rows ({dims[-2]} > {dims[-1]})"
        for row in grid.rows:
            label = unwrap(row.cells[0])
            if not label:
                out.notes.append(f"line {row.line}: a row with no label; not read")
                continue
            out.rows += _cells(row, [TOTAL] if is_total(row.cells[0]) else [label], tops, dims, out.notes, subs)
        return out
    if isinstance(two, str):
        grid.notes.append(two)
        out = Proposed(name, grid, levels + ["measure"], notes=[two], layout_rows=levels, layout_columns=["measure"])
        out.structure = "two header rows"
        return out
    dims = levels + [dimension(None, columns, "column", levels)]
    out = Proposed(name, grid, dims, notes=list(grid.notes), layout_rows=dims[:-1], layout_columns=dims[-1:])
    second = next((r for r in grid.rows[:2] if not unwrap(r.cells[0]) and any(c.strip() for c in r.cells[1:])
                   and all(read_cell(c).status in (None, "blank") for c in r.cells[1:])), None)
    if second:  # a row of headings with no label under the header: each column has two labels
        grid.notes.append(f"line {second.line}: a second header row ({', '.join(c.strip() for c in second.cells[1:] if c.strip())}) "
                         "under the header: the columns have two levels of labels, which are not read; nothing proposed")
        out.notes.append(grid.notes[-1])
        out.structure = "two header rows"
        return out
    spans = [columns[k - 1] for k in range(1, len(columns)) if not columns[k] and columns[k - 1]
             and any(k < len(r.cells) - 1 and read_cell(r.cells[k + 1]).status not in (None, "blank") for r in grid.rows)]
    if spans:  # values under a blank heading beside a labelled one: the heading may span both columns
        grid.notes.append(f"line {grid.header_line}: values stand under a blank heading after {spans[0]!r}, which may "
                          "span both columns; which label each value has cannot be told; nothing proposed")
        out.notes.append(grid.notes[-1])
        out.structure = "a heading that may span columns"
        return out
    data = [r for r in grid.rows if not is_total(r.cells[0])]
    assigned, how = ({id(r): (1 if r.group else 0) for r in data}, "group rows") if grouped else \
        assign_levels(data, len(levels), len(columns))
    out.structure = (f"{len(levels)} row levels ({' > '.join(levels)}), levels by {how}; " if len(levels) > 1 else "") + \
        f"{len(grid.rows)} rows x {len(columns)} columns ({dims[-1]})"
    path: list[str] = [TOTAL] * len(levels)
    for row in grid.rows:
        label = unwrap(row.cells[0])
        if not label:
            out.notes.append(f"line {row.line}: a row with no label; not read")
            continue
        kind = not_counted(label)
        if kind == "statistic":
            out.notes.append(f"line {row.line}: the row {label!r} names a statistic of the rows, not a count; not proposed")
            continue
        if kind == "measure":
            out.notes.append(f"line {row.line}: the row {label!r} names money, a share, a rate, an average or a length of "
                             "time: its values are not counts; not proposed")
            continue
        if is_total(row.cells[0]):
            row_dims = [TOTAL] * len(levels) if not row.group else [unwrap(row.group)] + [TOTAL] * (len(levels) - 1)
        elif grouped and row.head:
            row_dims = [label] + [TOTAL] * (len(levels) - 1)
        elif grouped:
            row_dims = ([unwrap(row.group)] if row.group else [TOTAL]) + [label] + [TOTAL] * (len(levels) - 2)
        else:
            level = assigned[id(row)]
            path = path[:level] + [label] + [TOTAL] * (len(levels) - level - 1)
            row_dims = list(path)
        out.rows += _cells(row, row_dims, columns, dims, out.notes)
    return out


def two_level(grid: Grid, columns: list[str]) -> list[tuple[str, str]] | str | None:
    """The two headings of every column when the first row under the header is a second header row (headings or
    years, no counts) and each column's upper heading is certain: the upper row is filled in every column, or its
    headings each span the same number of columns, under which the lower headings repeat alike (Male over 2019 2020,
    Female over 2019 2020). A second header row whose spans cannot be told: the reason. No second header row: None."""
    if len(grid.rows) < 2 or grid.row_dims or any(r.group for r in grid.rows) or len(header_levels(grid)) > 1:
        return None
    first = grid.rows[0]
    subs = [unwrap(c) for c in first.cells[1:]]
    label = unwrap(first.cells[0])
    if len(subs) < 2 or not all(subs) or any(read_cell(c).status is not None and not YEAR.match(c) for c in subs) or \
            (label and (read_cell(label).status is not None or is_total(label))) or first.lines:
        return None
    if not any(YEAR.match(c) for c in subs) and label:
        return None  # a labelled row of words: a row of the table as likely as a header
    tops = columns + [""] * (len(subs) - len(columns))
    if len(tops) > len(subs) or not tops[0]:
        return f"line {first.line}: a second header row ({', '.join(subs)}) under the header, whose headings do not stand " \
               "over its first column; which headings each value has cannot be told; nothing proposed"
    starts = [k for k, t in enumerate(tops) if t]
    width = len(subs) // len(starts)
    blocks = [subs[k:k + width] for k in starts]
    even = starts == list(range(0, len(subs), width)) and len(subs) % len(starts) == 0
    if len(starts) < len(tops) and not (even and width >= 2 and all(b == blocks[0] for b in blocks) and len(set(blocks[0])) == width):
        return (f"line {first.line}: a second header row ({', '.join(subs)}) under headings that span columns "
                f"({', '.join(t for t in tops if t)}), whose spans cannot be told for sure; nothing proposed")
    filled = [next(tops[j] for j in range(k, -1, -1) if tops[j]) for k in range(len(tops))]
    return list(zip(filled, subs))


def _cells(row: Row, row_dims: list[str], columns: list[str], dims: list[str], notes: list[str],
           subs: list[str] | None = None) -> list[dict]:
    """One tidy row per column of a grid row; text where a number should be is noted, not guessed."""
    cells = row.cells[1:]
    if len(cells) < len(columns):
        missing = ", ".join(repr(c) for c in columns[len(cells):])
        notes.append(f"line {row.line}: {len(cells)} cells for {len(columns)} columns; nothing is proposed under {missing}")
    elif len(cells) > len(columns) and any(read_cell(c).status not in (None, "blank") for c in cells[len(columns):]):
        notes.append(f"line {row.line}: {len(cells)} cells for {len(columns)} columns: a heading is missing, so which "
                     "column each value stands under cannot be told; the row is not read")
        return []
    elif len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
        notes.append(f"line {row.line}: {len(cells)} cells for {len(columns)} columns; the extra ones are not read")
    out = []
    for k, column in enumerate(columns):
        if k >= len(cells):
            break
        raw = cells[k]
        cell = read_cell(raw)
        named = column + (f" {subs[k]}" if subs and k < len(subs) else "")  # a units row under the header ('(%)', '(£)')
        what = next((w for pattern, w in NOT_COUNT_COLUMNS if pattern.search(named)), None)
        if what and cell.status not in (None, "blank"):
            notes.append(f"line {row.line_of(k + 1)}: {raw.strip()!r} under {named!r}: {what}, not a count; not proposed")
            continue
        if not column and any(columns) and cell.status not in (None, "blank"):
            notes.append(f"line {row.line_of(k + 1)}: cell {raw.strip()!r} has no column label over it (a heading that "
                         "spans columns, or a second header row?); not read")
            continue
        if cell.status is None:
            notes.append(f"line {row.line_of(k + 1)}: cell {raw.strip()!r} under {column!r} is not a number; not read")
            continue
        heads = [TOTAL if is_total(column) else column] + ([TOTAL if is_total(subs[k]) else subs[k]] if subs else [])
        values = dict(zip(dims, row_dims + heads))
        out.append({**values, "value": cell.value, "status": cell.status, "line": row.line_of(k + 1)})
    return out


def assign_levels(rows: list[Row], depth: int, width: int) -> tuple[dict[int, int], str]:
    """The nesting level of each row label: by its sums when they add up, else by what the label looks like."""
    if depth == 1:
        return {id(r): 0 for r in rows}, "one level"
    vectors = [[read_cell(r.cells[k]).value or 0 if k < len(r.cells) else 0 for k in range(1, width + 1)] for r in rows]
    by_sums = _levels_by_sums(vectors, depth)
    if by_sums is not None:
        return {id(r): lvl for r, lvl in zip(rows, by_sums)}, "sums"
    return {id(r): _level_by_label(unwrap(r.cells[0]), depth) for r in rows}, "label type (the sums did not fit)"


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


def _level_by_label(label: str, depth: int) -> int:
    """Ages and numbers are the innermost level; CAPITALS the outermost; the rest in between."""
    if re.match(r"^(under\s+\d+|\d+(\s*[-–+]\s*\d*)?|\d+\s+and\s+(over|under))", label, re.IGNORECASE):
        return depth - 1
    if label.isupper() and any(ch.isalpha() for ch in label):
        return 0
    return min(1, depth - 1) if depth > 2 else 0


def _note_duplicates(out: Proposed) -> None:
    """Two rows with the same dimensions would stop the build: say so, so a curator can tell them apart."""
    seen: dict[tuple, int] = {}
    for row in out.rows:
        key = tuple(row[d] for d in out.dims)
        if key in seen:
            out.notes.append(f"line {row['line']}: the same labels as line {seen[key]} ({', '.join(key)}); "
                             "tell the rows apart before building")
        seen.setdefault(key, row["line"])


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        candidate, k = n, 2
        while candidate in out or candidate in ("value", "status", "line"):
            candidate, k = f"{n}_{k}", k + 1
        out.append(candidate)
    return out
