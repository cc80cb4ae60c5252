"""Prove that a tidy row stands where it cites: its value on the line, its row label there too, its column above.

A value alone is not proof: `FACEBOOK,7` cited to the line `SNAPCHAT – 7` has the right number on the
wrong row. So the innermost row label that is not `Total` must stand on the cited line, apart from the
value (in the first cell of a tab- or pipe-separated row); a line that holds nothing but the value (a web
table flattened to one cell per line), or nothing but an answer word and the value (`Answer: 23` under its question),
takes its label from the nearest line above that is not a value.
Outer row labels stand on the line or above it. A column label stands in the header cell of the value's
column, in the same block of separated lines above; for other layouts, on a line of the block above.
Rows whose row labels are all `Total` need a total word (Total, Sum, All) where a label stands.
"""
from __future__ import annotations

import re

from .model import TOTAL
from .pagemarks import page_break_above
from .markers import status_of
from .response import NUMBER, ResponseText, comma_cells, stands_on
from .units import unit_or_note

TOTAL_WORD = re.compile(r"(?<!\w)(grand total|totals?|sum|all)(?!\w)", re.IGNORECASE)
SEPARATORS = ("\t", "|")
YEAR = re.compile(r"(19|20)\d{2}")
YEARS_CELL = re.compile(r"(19|20)\d{2}(\s*[/-]\s*(\d{2}|(19|20)\d{2}))?")  # a header cell that is a year or a financial year
LOOKBACK = 80  # lines searched upwards for a header or an outer label


def label_pattern(label: str) -> re.Pattern:
    """A label as written, case and whitespace aside, not part of a longer word or number."""
    words = [re.escape(w) for w in label.split()]
    body = r"\s+".join(words)
    start = r"(?<!\w)" if re.match(r"\w", label) else ""
    end = r"(?!\w)" if re.search(r"\w$", label) else ""
    return re.compile(start + body + end, re.IGNORECASE)


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _value_spans(status: str, value: int | None, text: str) -> list[tuple[int, int]]:
    """Where the value itself is written on the line (numbers only; markers are not labels)."""
    if status not in ("reported", "nil") or value is None:
        return []
    return [m.span(1) for m in NUMBER.finditer(text) if int(m.group(1).replace(",", "")) == value]


def _separator(text: str) -> str | None:
    return next((s for s in SEPARATORS if s in text and len(_cells(text, s)) > 1), None)


def _cells(text: str, sep: str) -> list[str]:
    if sep == "|":
        inner = text.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        return inner.split("|")
    return text.split(sep)


def _is_bare_value(text: str) -> bool:
    """A line holding one cell and nothing else: a number, a value marker (the one vocabulary, scripts/curated/markers.py),
    `n/a`, or an empty cell (`6 |`, `|`, `*`, `x`)."""
    if comma_cells(text):
        return False  # a comma-separated row (`2018,1200,1100`): its first cell is its label
    core = text.strip().strip("|").strip()
    core = re.sub(r"^(?:answer|response|reply|a)\s*\d{0,2}\s*[:.–—-]\s*", "", core, flags=re.IGNORECASE)  # `Answer: 23`
    return bool(re.fullmatch(r"[\d,]*|n/a", core, re.IGNORECASE)) or status_of(core) is not None


BULLET = re.compile(r"^\s*[-•·*]\s+(?P<rest>\S.*?)\s*$")


def _bullet_answer(text: str) -> bool:
    """`- 190`, `• None`: a bullet that holds a bare value and nothing else."""
    m = BULLET.match(text)
    return bool(m) and _is_bare_value(m.group("rest")) and bool(m.group("rest").strip())


def bullet_question(lines: list[str], number: int) -> int | None:
    """The line of the question a bulleted bare answer answers (`- 190` under bulleted questions), or None: a run of
    bulleted answers answers, in order, the nearest run of bulleted text lines above it, only when the two runs are
    as long (otherwise which answer is whose cannot be told). Lines are numbered from 1; blank lines are skipped."""
    def line(n: int) -> str:
        return lines[n - 1] if 1 <= n <= len(lines) else ""
    if not _bullet_answer(line(number)):
        return None
    above = [n for n in range(number - 1, max(0, number - LOOKBACK), -1) if line(n).strip()]
    place = next((i for i, n in enumerate(above) if not _bullet_answer(line(n))), len(above))
    below = [n for n in range(number + 1, min(len(lines), number + LOOKBACK) + 1) if line(n).strip()]
    count = place + 1 + next((i for i, n in enumerate(below) if not _bullet_answer(line(n))), len(below))
    rest = above[place:]
    first = next((i for i, n in enumerate(rest) if BULLET.match(line(n))), None)
    if first is None:
        return None
    run = []
    for n in rest[first:]:
        if not BULLET.match(line(n)) or _bullet_answer(line(n)):
            break
        run.append(n)
    if len(run) != count:
        return None
    return run[::-1][place]


def _label_line(response: ResponseText, number: int, inner: str | None = None) -> tuple[str, bool]:
    """The line that carries the row label (the cited line, or above it when that is a bare value); moved or not.
    A row label that is itself a number stands alone on a line above its values: a year label is the first year
    above the value (so the row above's year is not taken), another number the first line that equals it."""
    question = bullet_question(response.lines, number)
    if question:  # `- 190` answering, in order, the bulleted questions above it
        return response.line(question) or "", True
    n = number
    numeric = inner is not None and re.fullmatch(r"[\d,]+", inner)
    while _is_bare_value(response.line(n) or "") and n > 1 and number - n < LOOKBACK:
        core = (response.line(n) or "").strip().strip("|").strip()
        if numeric and n != number and (core == inner or (YEAR.fullmatch(inner) and YEAR.fullmatch(core))):
            break
        n -= 1
    return response.line(n) or "", n != number


def row_label_problem(labels: list[str], status: str, value: int | None, text: str, label_text: str, moved: bool) -> str | None:
    """Why the innermost row label does not stand on the line apart from the value, or None."""
    inner = next((x for x in reversed(labels) if x != TOTAL), None)
    pattern = TOTAL_WORD if inner is None else label_pattern(inner)
    what = "a total word (Total, Sum, All)" if inner is None else f"the row label {inner!r}"
    sep = _separator(label_text)
    if sep:
        first = next((c for c in _cells(label_text, sep) if c.strip()), "")
        return None if pattern.search(first) else f"{what} is not in the row's label cell"
    values = [] if moved else _value_spans(status, value, text)
    for start, end in _spans(pattern, label_text):
        if not values or any(e <= start or s >= end for s, e in values):
            return None
    return f"{what} is not on the line"


def _label_cell(text: str) -> str:
    """Where a line's row label stands: the first filled cell of a separated row, else the whole line."""
    sep = _separator(text)
    return next((c for c in _cells(text, sep) if c.strip()), "") if sep else text


def nearest_heading(label: str, level: set[str], lines: list[tuple[int, str]]) -> str | None:
    """Why `label` is not the nearest label of its level among `lines` (nearest first), or None.

    A number under the wrong heading is refused: the first line that carries any label of this level
    (any value this dimension takes in the table) must carry this one.
    """
    patterns = {x: label_pattern(x) for x in level | {label} if x != TOTAL}
    for n, text in lines:
        hits = [x for x, p in patterns.items() if p.search(text)]
        if label in hits:
            return None
        if hits:
            return f"the row label {label!r} is not the heading the value stands under: the nearest one above is {hits[0]!r} ({n})"
    return f"the row label {label!r} is not on the line or above it"


def outer_label_problem(labels: list[str], response: ResponseText, number: int, levels: list[set[str]] | None = None) -> str | None:
    """Outer row labels stand on the cited line or above it; with the table's labels known, as the nearest heading."""
    inner_at = max((i for i, x in enumerate(labels) if x != TOTAL), default=-1)
    first = max(1, number - 4 * LOOKBACK)
    for k, label in enumerate(labels[:inner_at]):
        if label == TOTAL:
            continue
        if levels is None:
            above = "\n".join(response.lines[first - 1:number])
            if not label_pattern(label).search(above):
                return f"the row label {label!r} is not on the line or above it"
            continue
        lines = [(f"line {n}", _label_cell(response.line(n) or "")) for n in range(number, first - 1, -1)]
        why = nearest_heading(label, levels[k], lines)
        if why:
            return why
    return None


def _value_columns(status: str, value: int | None, cells: list[str]) -> list[int]:
    """Indexes of the cells that could hold this value (after the label cell)."""
    out = []
    for i, cell in enumerate(cells[1:], start=1):
        core = cell.strip()
        if status == "blank" and core == "":
            out.append(i)
        elif status == "reported" and core.strip("*_").strip().replace(",", "") == str(value):  # **4**: emphasis
            out.append(i)
        elif status in ("nil", "suppressed") and core and not re.fullmatch(r"[\d,]+", core):
            out.append(i)
    return out


def column_label_problem(columns: list[str], status: str, value: int | None, response: ResponseText, number: int,
                         row_label: str | None = None) -> str | None:
    """Each column label stands above the value: in its header cell for separated rows, else in the block above (or
    earlier on the value's own line, before its row label, when a PDF's rows run on from the header)."""
    text = response.line(number) or ""
    sep = _separator(text)
    for label in columns:
        pattern = TOTAL_WORD if label == TOTAL else label_pattern(label)
        if sep:
            indexes = _value_columns(status, value, _cells(text, sep))
            if not _in_header(pattern, indexes, sep, response, number, len(_cells(text, sep))):
                return f"the column label {label!r} is not in the header of the value's column above the line"
        elif not _in_block_above(pattern, response, number) and not _before_row_label(pattern, text, row_label) \
                and not _stacked_above(pattern, text, status, value, response, number):
            return f"the column label {label!r} is not on a line above, in the same table"
    return None


def _stacked_above(pattern: re.Pattern, text: str, status: str, value: int | None, response: ResponseText,
                   number: int) -> bool:
    """A heading wrapped over two or three lines straight above each other, aligned with runs of spaces: the cells
    over the value's place on consecutive heading lines, read top down, make the label (`Number of` over `officers`)."""
    if status != "reported" or value is None:
        return False
    places = [m.span() for m in re.finditer(r"(?<![\w,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w,])", text)
              if int(m.group(0).replace(",", "")) == value]
    n = number - 1
    while n >= 1 and (response.line(n) or "").strip() and re.search(r"\d", response.line(n) or ""):
        n -= 1  # the table's rows above this one
    for start, end in places:
        stack = []
        for k in range(n, max(0, n - 3), -1):
            line = response.line(k) or ""
            over = [m.group(0) for m in re.finditer(r"\S+(?: \S+)*", line) if m.start() < end and m.end() > start]
            if not over and not stack and k == n and line.strip() and not re.search(r"\d", line):
                continue  # the header line has no cell here: the heading wrapped from the top stops short of it
            if len(over) != 1 or re.search(r"\d", over[0]):
                break
            stack.insert(0, over[0])
            if len(stack) > 1 and pattern.fullmatch(" ".join(stack)):
                return True
    return False


def _before_row_label(pattern: re.Pattern, text: str, row_label: str | None) -> bool:
    """The column label written on the value's line before the row label (a header and its rows run together)."""
    starts = [s for s, _ in _spans(TOTAL_WORD if row_label is None else label_pattern(row_label), text)]
    return bool(starts) and bool(pattern.search(text[: max(starts)]))


def _in_header(pattern: re.Pattern, indexes: list[int], sep: str, response: ResponseText, number: int, width: int = 0) -> bool:
    """The label in the header cell over one of the value's cells; a header of years one cell short of the row has no
    corner cell over the row labels, so its cells stand over the row's cells one place on."""
    headed: set[int] = set()  # columns with a heading of their own on a line already passed (a lower header row)
    for n in range(number - 1, max(0, number - LOOKBACK), -1):
        text = response.line(n) or ""
        if not text.strip() and sep in (response.line(n - 1) or ""):
            continue  # a blank line between separated rows (as web tables saved as text often have) is no table end
        if sep not in text and (k := page_break_above(response.lines, n)) and sep in (response.line(k) or ""):
            continue  # a page break inside the table (page marks, the letter's reference line): the table goes on above
        if sep not in text and unit_or_note(text) and sep in (response.line(n - 1) or ""):
            continue  # a unit or a note line straight under the header (`(numbers)`, `Source: ...`): the header is above
        if sep not in text:
            return False
        cells = _cells(text, sep)
        match = pattern.search if pattern is TOTAL_WORD else pattern.fullmatch
        years = [c.strip() for c in cells]
        shift = 1 if len(cells) == width - 1 and all(YEARS_CELL.fullmatch(c) or TOTAL_WORD.fullmatch(c) for c in years) \
            and YEARS_CELL.fullmatch(years[0]) else -1 if len(cells) == width + 1 and _title_in_front(years) else 0
        heads = [c.strip().strip("*_").strip() for c in cells]  # **2019**: emphasis
        spans = [h or (next((x for x in reversed(heads[1:k]) if x), "") if k in headed else "") if k else h
                 for k, h in enumerate(heads)]  # a blank heading over a column headed on a lower header row: the
        # heading to its left spans it (Male over 2019 and 2020); never the label column
        if any(0 <= i - shift < len(spans) and match(spans[i - shift]) for i in indexes):
            return True
        headed |= {k for k, h in enumerate(heads) if k and h and not re.fullmatch(r"[\d,]+", h) or YEAR.fullmatch(h)}
    return False


def _title_in_front(cells: list[str]) -> bool:
    """A header one cell longer than the row that starts with a title of words, then the row labels' heading (or an
    empty corner cell): its cells stand over the row's cells one place back."""
    first, second = cells[0], cells[1]
    return bool(re.search(r"[A-Za-z]", first)) and not YEARS_CELL.fullmatch(first) and not re.fullmatch(r"[\d,]+", second) \
        and not YEARS_CELL.fullmatch(second) and all(cells[2:])


def _in_block_above(pattern: re.Pattern, response: ResponseText, number: int) -> bool:
    """Search upwards to the start of the table; one-cell-per-line tables have blank lines inside, so allow a few.

    A line holding only a no-break space is a table's empty cell (a web table saved as text), not a gap between
    blocks: it does not count towards the blank lines that end the table."""
    blanks = 0
    for n in range(number - 1, max(0, number - 4 * LOOKBACK), -1):
        text = response.line(n) or ""
        if pattern.search(text):
            return True
        blanks = blanks + 1 if not text.strip(" \t\r") else 0
        if blanks >= 3:
            return False
    return False


def check(response: ResponseText, number: int, labels: list[str], columns: list[str], status: str, value: int | None,
          levels: list[set[str]] | None = None) -> str | None:
    """Why the row does not stand on line `number` of the response, or None when value and labels all do.

    `labels` are the row dimensions' values, outer to inner; `columns` the column dimensions' values;
    `levels`, when given, every value each row dimension takes in the table (to find the heading a row stands under).
    """
    text = response.line(number)
    if text is None:
        return f"line {number} is outside response.txt (1 to {len(response.lines)})"
    why = stands_on(status, value, text)
    if why:
        return why
    label_text, moved = _label_line(response, number, next((x for x in reversed(labels) if x != TOTAL), None))
    return (row_label_problem(labels, status, value, text, label_text, moved) or outer_label_problem(labels, response, number, levels)
            or column_label_problem(columns, status, value, response, number, next((x for x in reversed(labels) if x != TOTAL), None)))


# ---- cells of a spreadsheet, CSV attachment or HTML table ------------------------------------

def _cell_number(text: str) -> int | None:
    core = text.strip().replace(",", "")
    return int(core) if re.fullmatch(r"\d+", core) else None


def cell_value_problem(text: str, status: str, value: int | None) -> str | None:
    """Why a cell does not hold this value with this status, or None (markers from the one vocabulary, scripts/curated/markers.py)."""
    if status == "reported":
        return None if _cell_number(text) == value else f"the cell holds {text!r}, not {value}"
    if status == "blank":
        return None if not text.strip() else f"the cell is not blank: {text!r}"
    if status == "nil":
        return None if status_of(text) == "nil" else f"the cell holds {text!r}, not a nil word"
    if status == "suppressed":
        return None if status_of(text) == "suppressed" else f"the cell holds {text!r}, not a suppression marker"
    return None


def _matches(label: str, text: str) -> bool:
    text = text.strip()
    if label == TOTAL:
        return bool(TOTAL_WORD.search(text))
    return bool(label_pattern(label).fullmatch(text))


def check_cell(grid, row: int, col: int, labels: list[str], columns: list[str], status: str, value: int | None,
               levels: list[set[str]] | None = None) -> str | None:
    """Why a row does not stand in this cell of the grid (value, row labels to its left, column labels above), or None."""
    why = cell_value_problem(grid.text(row, col), status, value)
    if why:
        return why
    inner_at = max((i for i, x in enumerate(labels) if x != TOTAL), default=-1)
    left = [grid.text(row, c) for c in range(1, col)]
    if inner_at < 0:
        if not any(TOTAL_WORD.search(t) for t in left):
            return "no total word (Total, Sum, All) in the cells to the left of the value"
    elif not any(_matches(labels[inner_at], t) for t in left):
        return f"the row label {labels[inner_at]!r} is not in a cell to the left of the value"
    for k, label in enumerate(labels[:inner_at]):
        if label == TOTAL:
            continue
        if levels is not None:
            cells = [(f"row {r}", " | ".join(grid.text(r, c) for c in range(1, col))) for r in range(row, 0, -1)]
            why = nearest_heading(label, levels[k], cells)
            if why:
                return why
        elif not any(_matches(label, grid.text(r, c)) for r in range(row, 0, -1) for c in range(1, col)):
            return f"the row label {label!r} is not in a cell to the left of the value, on its row or above"
    for label in columns:
        if not any(_matches(label, grid.text(r, col)) for r in range(row - 1, 0, -1)):
            return f"the column label {label!r} is not in a cell above the value, in its column"
    return None


# ---- what a table cites: the letter, a grid file, or a PDF -----------------------------------

class TextTarget:
    """Rows cite a line of a text (response.txt)."""

    columns = ("line",)

    def __init__(self, response: ResponseText, name: str = "response.txt"):
        self.response, self.name = response, name
        self.formulas: set[str] = set()

    def check(self, row, labels: list[str], columns: list[str], levels: list[set[str]] | None = None) -> str | None:
        return check(self.response, row.line, labels, columns, row.status, row.value, levels)


class PdfTarget:
    """Rows cite a page and a line of a PDF's text as laid out."""

    columns = ("page", "line")

    def __init__(self, pages: list[str], name: str):
        self.pages = [ResponseText(p.encode("utf-8")) for p in pages]
        self.name = name
        self.formulas: set[str] = set()

    def check(self, row, labels: list[str], columns: list[str], levels: list[set[str]] | None = None) -> str | None:
        if not 1 <= row.page <= len(self.pages):
            return f"page {row.page} is outside {self.name} (1 to {len(self.pages)})"
        return check(self.pages[row.page - 1], row.line, labels, columns, row.status, row.value, levels)


class GridTarget:
    """Rows cite a cell of a sheet (a spreadsheet's sheet, a CSV, or a web page's `table N`)."""

    columns = ("sheet", "cell")

    def __init__(self, source, name: str):
        self.source, self.name = source, name
        self.formulas: set[str] = set()

    def check(self, row, labels: list[str], columns: list[str], levels: list[set[str]] | None = None) -> str | None:
        from .sources import parse_cell
        grid = self.source.grids.get(row.sheet)
        if grid is None:
            return f"{self.name} has no sheet {row.sheet!r} (it has {', '.join(self.source.grids) or 'none'})"
        at = parse_cell(row.cell)
        if at is None:
            return f"{row.cell!r} is not a cell address such as C7"
        if at in grid.formulas:
            self.formulas.add(f"{row.sheet}!{row.cell}")
        return check_cell(grid, at[0], at[1], labels, columns, row.status, row.value, levels)
