"""Labels must be certain: a reading whose row or column labels cannot be told for sure (a second header row read as
counts, a row of counts read as the header, two values with the same labels, a row label wrapped over two lines, a
heading over two lines) is not proposed, whatever reader found it; the reason is reported. A value under a wrong
label passes the citation check and misleads; a refused table costs only recall."""
from __future__ import annotations

import re

from .cells import JOINING, NUMBER, YEAR, YEARS, first_fall, is_total, is_value, read_cell, unwrap
from .model import Grid
from .titles import LABEL_HEADING
from .tidy import DERIVED, DURATION, MONEY, Proposed

CONNECTIVE = re.compile(rf"(?:\b(?:{JOINING})|[-–,&/(])\s*$", re.IGNORECASE)
AGES = re.compile(r"\b(?:age[ds]?|years?|months?|weeks?|days?|hours?|quarters?|periods?|no\.?|number)\b", re.IGNORECASE)  # a run 1 2 3
# heads columns only under a heading that says what the numbers are; otherwise it is a row of counts
PER = re.compile(r"\bper\s+(?:[\d,]+|head|capita|hundred|thousand|million)\b", re.IGNORECASE)  # a rate's base
SEPARATED = re.compile(r"\t|\|| {2,}")


def _filled(cells: list[str]) -> list[str]:
    return [unwrap(c) for c in cells if unwrap(c)]


def _year_run(cells: list[str]) -> bool:
    """Two or more years, each the one before plus one, or starting again (2019 2020 2019 2020): a header row."""
    if len(cells) < 2 or not all(YEARS.match(c) for c in cells):
        return False
    years = [int(c) for c in cells]
    return all(b == a + 1 or b <= a for a, b in zip(years, years[1:])) and any(b == a + 1 for a, b in zip(years, years[1:]))


def _counts_as_headings(columns: list[str]) -> bool:
    """Column labels that are bare numbers, not years and not a run (ages 10 11 12): a row of counts taken for the
    header."""
    numbers = [c for c in columns if NUMBER.match(c) and not YEARS.match(c)]
    if not numbers:
        return False
    values = [int(c.replace(",", "")) for c in numbers]
    return len(numbers) < len(columns) or not all(b == a + 1 for a, b in zip(values, values[1:])) or len(values) < 2


def _cut_short(grid: Grid, table: Proposed, at) -> str | None:
    """A grid cut at the wrong width: a value that is a year next to a header of years (`2019 2020` over `2021`), or
    row labels that mix words with bare counts (`Number of requests`, `1300`)."""
    heads = [int(unwrap(c)) for c in (grid.header or [])[1:] if YEARS.match(unwrap(c))]
    corner = unwrap(grid.header[0]) if grid.header else ""
    if heads and YEAR.match(corner):
        return (f"line {at(grid.header_line or grid.start)}: the year {corner} stands over the row labels while years "
                "head the columns: the header has no corner cell and is read one cell late; nothing proposed")
    if heads:
        for row in grid.rows:
            label = unwrap(row.cells[0]) if row.cells else ""
            if YEARS.match(label) and min(heads) <= int(label) <= max(heads) + 1:
                return (f"line {at(row.line)}: the year {label} labels a row while years ({', '.join(map(str, heads))}) "
                        "head the columns: the header is cut short and read one cell early; nothing proposed")
        for row in table.rows:
            v = row["value"]
            if row["status"] == "reported" and v is not None and min(heads) - 2 <= v <= max(heads) + 2 and \
                    YEARS.match(str(v)):
                return (f"line {at(row['line'])}: {v} stands as a value under a header of years "
                        f"({', '.join(map(str, heads))}): a year cell read as a count, the grid cut at the wrong width; "
                        "nothing proposed")
    for row in table.rows:
        column = str(row[table.layout_columns[-1]]) if table.layout_columns else ""
        if row["status"] in ("reported", "nil") and LABEL_HEADING.fullmatch(column):
            return (f"line {at(row['line'])}: {row['value']} stands under the heading {column!r}, which heads a column "
                    "of labels, not counts: the header is shifted by a cell; nothing proposed")
    labels = [unwrap(r.cells[0]) for r in grid.rows if unwrap(r.cells[0]) and not is_total(r.cells[0])]
    counts = [x for x in labels if NUMBER.match(x) and not YEARS.match(x) and int(x.replace(",", "")) >= 100]
    worded = [x for x in labels if re.search(r"[A-Za-z]{3}", x)]
    if counts and worded:
        line = next(r.line for r in grid.rows if unwrap(r.cells[0]) == counts[0])
        return (f"line {at(line)}: the row labels mix words and counts ({worded[0]!r}, {counts[0]!r}): a count read as a row label, the "
                "grid cut at the wrong width; nothing proposed")
    return _numbers_as_labels(grid, labels, at)


def _numbers_as_labels(grid: Grid, labels: list[str], at) -> str | None:
    """Row labels that are bare numbers (ages 13 14 15, question numbers 1 2 3) stand in rising runs, under worded
    labels that head them (an offence, then its ages). A run that falls (`12`, `30`, `28`) is counts read as labels: a
    table cut at the wrong width."""
    numbers = [int(x.replace(",", "")) if NUMBER.match(x) and not YEARS.match(x) else None for x in labels]
    if len(numbers) == 1 and numbers[0] is not None and grid.header and not AGES.search(" ".join(grid.header)):
        line = grid.rows[0].line
        return (f"line {at(line)}: the one row is labelled by the bare number {labels[0]!r}, under no heading that "
                "names ages or numbers: a count read as a row label as likely as not; nothing proposed")
    fall = first_fall(numbers)
    if fall is not None:
        start = fall
        while start > 0 and numbers[start - 1] is not None:
            start -= 1
        bad = labels[start]  # the run's first label
        line = next(r.line for r in grid.rows if unwrap(r.cells[0]) == bad)
        return (f"line {at(line)}: the row labels {', '.join(repr(x) for x in labels[:6])} hold bare numbers that are not one rising "
                "run: a count read as a row label, the grid cut at the wrong width; nothing proposed")
    return None


def _unused_cells(grid: Grid, table: Proposed, view: list[str], at) -> str | None:
    """Every cell used once: a value with an empty row label, or a number standing alone on a line between the
    reading's own values and not read, means the reading has the wrong width (a wider table read as a list)."""
    for row in table.rows:
        if row["status"] != "blank" and any(not str(row[d]).strip() for d in table.layout_rows):
            return (f"line {at(row['line'])}: {row['value']} would have an empty row label: the reading has the wrong "
                    "width; nothing proposed")
    used = sorted({row["line"] for row in table.rows})
    if len(used) < 2:
        return None
    if grid.layout.startswith("one cell") and not table.layout_columns:  # years a line above values read one a row
        first = min(r.line for r in grid.rows)
        above = [view[n - 1].strip().rstrip("|").strip() for n in range(max(1, first - 4), first)]
        years = [x for x in above if YEARS.match(x)]
        if len(years) >= 2 and _year_run(years):
            return (f"line {at(first)}: years stand one a line above rows read one value a row ({', '.join(years)}): "
                    "a header that gives each row a value a year (an empty cell written as nothing?); nothing proposed")
    cells = {r.line_of(k) for r in grid.rows for k in range(len(r.cells))} if min(len(r.cells) for r in grid.rows) > 2 \
        else set()  # a number read as a row label is a used cell, in a reading of two value columns or more
    for n in range(used[0] + 1, used[-1]):
        bare = view[n - 1].strip().rstrip("|").strip() if 1 <= n <= len(view) else ""
        if n not in used and n not in cells and re.fullmatch(r"\d[\d,]*", bare) and not YEARS.match(bare):  # a year alone labels a row
            return (f"line {at(n)}: the number {view[n - 1].strip()} stands alone between the reading's values and is "
                    "not read: the table is wider than the reading; nothing proposed")
    return None


def _header_longer(grid: Grid, at) -> str | None:
    """A header with more headings than any row has cells ('Year | Offence | 2018 | 2019' over 'Rape | 12 | 15'): a
    title cell in front, or headings at the end with no values under them, cannot be told apart, so neither can the
    heading of each value."""
    if not grid.header or not grid.rows or grid.layout not in ("tab", "pipe", "comma-separated", "space-separated"):
        return None
    heads = len(grid.header)
    while heads > 1 and not unwrap(grid.header[heads - 1]):
        heads -= 1
    widest = max(len(r.cells) for r in grid.rows)
    if widest >= heads:
        return None
    return (f"line {at(grid.header_line or grid.start)}: the header has {heads} cells over rows of at most {widest}: "
            "a title cell in front, or headings with no values under them, cannot be told apart; which heading each "
            "value has cannot be told; nothing proposed")


# A cell's words that say why it holds no count ('Not recorded', 'N/A', 'Unknown', 'See note 2'): a status, not a label.
STATUS_WORDS = re.compile(r"(?:not\b|no\s+(?:data|record)|n/?[akr]\b|unknown|unavailable|withheld|tbc\b|see\b|data\s+not)",
                          re.IGNORECASE)


def _label_between(grid: Grid, at) -> str | None:
    """A word standing between a row's values (`Rape | 12 | | Charged | 4`): a column of labels part-way along the
    row, so two tables stand side by side and the values after it are that label's, not the row's."""
    for row in grid.rows:
        cells = [c for c in row.cells[1:] if unwrap(c)]
        first = next((k for k, c in enumerate(cells) if is_value(c)), len(cells))
        word = next((unwrap(c) for k, c in enumerate(cells) if k > first and not is_value(c) and not STATUS_WORDS.match(unwrap(c))
                     and any(is_value(d) for d in cells[k + 1:])), None)
        if word:
            return (f"line {at(row.line)}: the label {word!r} stands between the row's values: a column of labels "
                    "part-way along (two tables side by side?), so which label the values after it have cannot be "
                    "told; nothing proposed")
    return None


def _empty_row(cells: list[str]) -> bool:
    return bool(cells) and all(read_cell(c).status in (None, "blank") and not unwrap(c) for c in cells)


def _continues(before: str, after: str) -> bool:
    """`after` reads as the rest of `before`: `before` ends on a joining word or mark, or `after` starts lower case
    or with a bracket."""
    after = after.strip()
    return bool(CONNECTIVE.search(before.strip())) or bool(after) and (after[0].islower() or after[0] in "(")


def heading_problem(grid: Grid, table: Proposed, view: list[str], at=lambda k: k) -> str | None:
    """Why a label of this reading cannot be told for sure, or None."""
    if not table.values:
        return None
    grid = table.grid  # as tidied: rows that head groups are already taken out
    listed = not table.layout_columns
    for row in grid.rows[:2] if not listed else []:
        values = _filled(row.cells[1:])
        if len(values) == len(row.cells) - 1 and _year_run(values):
            return (f"line {at(row.line)}: a row of years ({', '.join(values)}) under the header: a second header row, "
                    "so each column has two labels; not read as counts; nothing proposed")
    why = _unused_cells(grid, table, view, at) or (None if listed else _label_between(grid, at))
    if why:
        return why
    if not listed:
        why = _cut_short(grid, table, at) or _header_longer(grid, at)
        if why:
            return why
    if grid.header and not listed:
        columns = [unwrap(c) for c in grid.header[1:] if unwrap(c)]
        corner = unwrap(grid.header[0]) + " " + (grid.caption or "")
        if _counts_as_headings(columns) or (len(columns) > 1 and all(NUMBER.match(c) and not YEARS.match(c) for c in columns)
                                            and not AGES.search(corner)):
            return (f"line {at(grid.header_line or grid.start)}: the column headings hold counts "
                    f"({', '.join(c for c in columns if NUMBER.match(c))}): a row of values taken for the header; "
                    "nothing proposed")
    if table.layout_columns:
        dim = table.layout_columns[-1]
        lines: dict[str, set[int]] = {}
        for row in table.rows:
            if row["status"] != "blank":
                lines.setdefault(str(row[dim]), set()).add(row["line"])
        columns = [unwrap(c) for c in (grid.header or [])[1:] if unwrap(c)]
        twice = [c for c in dict.fromkeys(columns) if columns.count(c) > 1 and c in lines and not is_total(c)]
        if twice:  # the force's own repeated row labels are left to the curator; two columns of one name are not
            return (f"line {at(grid.header_line or grid.start)}: two columns headed {twice[0]!r}: a heading over two "
                    "lines, or a heading over two columns; which value is which cannot be told; nothing proposed")
    rows = grid.rows
    for k, row in enumerate(rows):
        if row.lines or not _empty_row(row.cells[1:]) or is_total(row.cells[0]) or row.group or row.head:
            continue
        label = unwrap(row.cells[0])
        near = [(rows[k - 1], label)] if k > 0 else []
        near += [(row, unwrap(rows[k + 1].cells[0]))] if k + 1 < len(rows) else []
        for other, text in near:
            before = unwrap(other.cells[0]) if other is not row else label
            if other is not row and not _continues(before, label):
                continue
            if other is row and not _continues(label, text):
                continue
            return (f"line {at(row.line)}: the row label {label!r} has no values and reads as part of the label "
                    "beside it (a label wrapped over two lines); which label the values have cannot be told; "
                    "nothing proposed")
    return _wrapped_after(grid, view, at) or _heading_above(grid, view, at) or _list_under_header(grid, table, view, at) \
        or _money_heading_over_list(grid, table, view, at)


def _list_under_header(grid: Grid, table: Proposed, view: list[str], at) -> str | None:
    """A reading of one value a row straight under a header of two or more years (`Offence 2019 2020`): the header
    says each row holds a value for each year, so a label that ends where one value is left holds the others."""
    if table.layout_columns or not grid.rows:
        return None
    first = min(r.line for r in grid.rows)
    n = first - 1
    while n >= 1 and not view[n - 1].strip():
        n -= 1
    if n < 1 or n in {r.line for r in grid.rows}:
        return None
    from .interleaved import _headers  # the same test of a header as the side-by-side veto uses
    heads = _headers(view[n - 1], n)
    if len(heads) != 1 or view[n - 1].strip() != heads[0].strip():
        return None
    return (f"line {at(n)}: a header of years ({heads[0]}) stands straight above rows read one value a row: the "
            "header gives each row a value a year, so the labels would hold the other values; nothing proposed")


def _wrapped_after(grid: Grid, view: list[str], at) -> str | None:
    """A row whose label runs on to the next line (`Sexual activity with   12   15`, then `a child`): a short line of
    words alone, straight under a row, that reads as the rest of its label."""
    own = {r.line for r in grid.rows} | {k for r in grid.rows for k in (r.lines or [])}
    for row in grid.rows:
        if row.lines:
            continue
        n = row.line + 1
        if n in own or n > len(view):
            continue
        text = view[n - 1].strip()
        if not text or re.search(r"\d", text) or len(text.split()) > 6 or SEPARATED.search(text):
            continue
        if _continues(unwrap(row.cells[0]), text):
            return (f"line {at(n)}: {text!r} under the row {unwrap(row.cells[0])!r} reads as the rest of its label (a "
                    "label wrapped over two lines); which label the values have cannot be told; nothing proposed")
    return None


def _heading_above(grid: Grid, view: list[str], at) -> str | None:
    """A header of separated cells with a line of separated text cells straight above it, each standing over a
    column: the headings run over two lines, and the header read alone gives half-labels."""
    h = grid.header_line
    if not h or h < 2 or not grid.header or grid.layout not in ("tab", "space-separated", "pipe"):
        return None
    above = view[h - 2] if h - 2 < len(view) else ""
    if not above.strip() or not SEPARATED.search(above.strip()):
        return None
    cells = [c for c in re.split(r"\t|\||\s{2,}", above.strip()) if c.strip()]
    if len(cells) < 2 or any(read_cell(c).status not in (None,) for c in cells):
        return None  # a row of values, or a line with numbers: not a heading line
    header_cols = [unwrap(c) for c in grid.header[1:] if unwrap(c)]
    if len(cells) < len(header_cols):
        return None
    return (f"line {at(h - 1)}: a line of headings ({' / '.join(c.strip() for c in cells)}) straight above the header "
            f"on line {at(h)}: the column headings run over two lines; which words label each column cannot be told "
            "for sure; nothing proposed")


def _money_heading_over_list(grid: Grid, table: Proposed, view: list[str], at) -> str | None:
    """A reading of one value a row straight under a short heading line that names money or a derived figure ('Year
    Cost (£)', 'Year Average days to charge'): the heading was not split into labels, so the reading lost it, and its
    values are sums of money, averages or rates, not counts."""
    if table.layout_columns or not grid.rows:
        return None
    n = min(r.line for r in grid.rows) - 1
    while n >= 1 and not view[n - 1].strip():
        n -= 1
    if n < 1 or n in {r.line for r in grid.rows}:
        return None
    text = view[n - 1].strip()
    if re.search(r"\d", PER.sub("", text)) or len(text.split()) > 8 or text.endswith("."):
        return None
    found = MONEY.search(text) or DERIVED.search(text) or DURATION.search(text)
    if not found:
        return None
    return (f"line {at(n)}: the heading {text!r} over rows read one value a row names {found.group(0)!r}: the values are "
            "money, shares, rates or averages, not counts; nothing proposed")
