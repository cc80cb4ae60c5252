"""Tables whose cells are split by single spaces: a label (which may have spaces and dashes) and then its values,
one row a line (`OC01 – Charge/Summons 23`, `2016 41 7`, `Sum: 212`), under an optional heading line."""
from __future__ import annotations

import re
from collections import Counter

from .cells import JOINING, YEAR, is_total, plausible
from .furniture import FURNITURE
from .delimited import kind
from .model import Grid, Row
from .numbers import MONTH, numbers_in

VALUE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+|\*|<\d+|nil)$", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b{MONTH}\.?\s*$", re.IGNORECASE)
FUNCTION_WORD = re.compile(rf"{JOINING}|per|&|-|–", re.IGNORECASE)
TIME_HEADING = re.compile(r"year|period|date|month|quarter|time|fy\b|calendar", re.IGNORECASE)
CORNER = re.compile(r"year|age|month|quarter|offence|crime|outcome|gender|sex|ethnicity|area|district|division|station"
                    r"|ward|borough|force|rank|role|grade|category|type|reason|status|period|date|day|time|measure"
                    r"|description|item|question|classification|legislation|section|breed|department|unit", re.IGNORECASE)
COLUMN_WORD = re.compile(r"male|female|unknown|other|total|yes|no|adult|adults|child|children|juvenile|juveniles|charged"
                         r"|cautioned|arrested|received|refused|granted|disclosed|open|closed|officers|staff|pcsos"
                         r"|specials|volunteers|completed|overdue|pending|withdrawn|upheld|rejected|accepted|approved"
                         r"|declined|dismissed|resolved|unresolved|ongoing|finalised|recorded|reported|solved|detected"
                         rf"|(?:19|20)\d\d(?:/\d\d)?|q[1-4]|{MONTH}\.?", re.IGNORECASE)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH_LABEL = re.compile(rf"^{MONTH}\.?$", re.IGNORECASE)  # a row labelled by a month alone ("January 4"), not a date


def split_row(line: str) -> tuple[str, list[str]] | None:
    """(label as written, values) when a line is a label followed by single-space-separated values."""
    tokens = list(re.finditer(r"\S+", line))
    k = len(tokens)
    while k > 0 and VALUE.match(tokens[k - 1].group(0)) and _plausible(tokens[k - 1].group(0)):
        k -= 1
    if k == len(tokens):
        return None
    named = {f.start for f in numbers_in(line) if f.reason in ("part of a name", "age")}  # "under 13" names an age band
    while 0 < k < len(tokens) - 1 and tokens[k].start() in named:  # "Grade 1 23", "child under 13 12": the 1 and 13 name the row
        k += 1
    if k == 0:  # every token a number: the first is the row's label, when it is a year
        k = 1
        if len(tokens) < 2 or not YEAR.match(tokens[0].group(0)):
            return None
    label = line[tokens[0].start(): tokens[k - 1].end()]
    values = [t.group(0) for t in tokens[k:]]
    if not _label_ok(label, line, tokens[k].start()):
        return None
    return label, values


def _token_at(line: str, at: int) -> str:
    """The whitespace-separated token of the line that holds the character at `at`."""
    start = line.rfind(" ", 0, at) + 1
    end = line.find(" ", at)
    return line[start: end if end >= 0 else len(line)].strip()


def _plausible(token: str) -> bool:
    return not token[0].isdigit() or plausible(token)


def _label_ok(label: str, line: str, first: int) -> bool:
    """A label, not a date, a reference or a sentence that happens to end in a number."""
    if (MONTH_BEFORE.search(line[:first]) and not MONTH_LABEL.match(label.strip())) or FURNITURE.search(line) \
            or label.rstrip().endswith((",", "(")):
        return False
    if label.rstrip()[-1] in ":=–—-/" and not is_total(label):  # "LABEL – N" is a list item; `Charged / 4` a ' / ' row
        return False
    if label.rstrip().endswith(("..", "…")):  # a contents line: a title, dot leaders, a page number
        return False
    inside = [f for f in numbers_in(line) if f.start < first and f.data and re.fullmatch(r"[\d,]+", _token_at(line, f.start))]
    if inside and not YEAR.match(label.strip()):
        return False  # counts inside the label ("Rape 12 14  Burglary 40 41"): two tables side by side, not one row
    judged = [f for f in numbers_in(line) if f.start >= first and line[f.start - 1] != "<"]  # "<5" is a marker
    if MONTH_LABEL.match(label.strip()):  # "January 4" reads as a date alone; in a run of months it is a month's count
        judged = [f for f in judged if f.reason != "date"]
    return bool(re.search(r"[A-Za-z]", label) or YEAR.match(label) or re.match(r"^\d", label)) and \
        all(f.reason is None for f in judged)


def read_spaced(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every single-space table on the free lines: two rows or more with the same number of values."""
    rows = [split_row(line) if free[n] and kind(line) == "text" else None for n, line in enumerate(lines)]
    grids, n = [], 0
    while n < len(lines):
        if rows[n] is None:
            n += 1
            continue
        start = n
        while n < len(lines) and rows[n] is not None:
            n += 1
        if n - start >= 2:
            grid = _grid(lines, free, rows, start, n - 1)
            if grid:
                grids.append(grid)
    return grids


def _grid(lines: list[str], free: list[bool], rows: list, i: int, j: int) -> Grid | None:
    block = [(n + 1, rows[n]) for n in range(i, j + 1)]
    width = Counter(_width(v) for _, (_, v) in block).most_common(1)[0][0]
    years = _years_above(lines, free, i)
    if years > width and all(_width(v) <= years for _, (_, v) in block):
        width = years  # a header of N years above: N columns, whatever most rows hold (their empty cells vanished)
    grid = Grid("single spaces", i + 1, j + 1)
    first_label, first_values = block[0][1]
    if len(first_values) == width and width > 1 and all(YEAR.match(v) for v in first_values) and \
            not all(YEAR.match(v) for _, (_, vs) in block[1:] for v in vs):
        grid.header, grid.header_line = [first_label] + first_values, block[0][0]
        block = block[1:]
    elif i > 0 and free[i - 1] and kind(lines[i - 1]) == "text" and not lines[i - 1].rstrip().endswith((".", ":", "?")) \
            and split_row(lines[i - 1]) is None:
        grid.header, grid.header_line = _heading(lines[i - 1].strip(), width) if _heading_line(lines[i - 1]) else None, i
        grid.start = i
        corner = (grid.header or [""])[0]
        if corner and all(YEAR.match(label.strip()) for _, (label, _) in block) and not TIME_HEADING.search(corner):
            grid.header = None  # rows labelled by years under a heading that is no time ('Hate Crime' over 2019): a title
        if grid.header and width > 1 and i > 1 and free[i - 2] and _wrapped_above(lines[i - 2]):
            grid.notes.append(f"line {i - 1}: {lines[i - 2].strip()!r} stands straight above the heading line: the column "
                              "headings may run over two lines, so which words label each column cannot be told")
            grid.header = None
        if grid.header is None:
            grid.caption = lines[i - 1].strip()
    elif width > 1 and i > 1 and not lines[i - 1].strip() and free[i - 2] and _heading_line(lines[i - 2]) \
            and kind(lines[i - 2]) == "text" and not lines[i - 2].rstrip().endswith((".", ":", "?")) \
            and split_row(lines[i - 2]) is None and not (i > 2 and free[i - 3] and _wrapped_above(lines[i - 3])):
        grid.header = _heading(lines[i - 2].strip(), width)  # a heading line, one blank line, then the rows
        if grid.header:
            grid.header_line, grid.start = i - 1, i - 1
    for line, (label, values) in block:
        if len(values) > width:  # numbers that belong to the label ("Before 2010 1")
            cut = len(values) - width
            label, values = _relabel(lines[line - 1], label, values, cut), values[cut:]
        if len(values) < width:
            why = f" under a header of {width} years: its empty cells vanished, or a count stands in its label, so " \
                "which column each stands in cannot be told" if years == width else ""
            grid.notes.append(f"line {line}: {len(values)} values for {width} columns{why}; not read")
            continue
        grid.rows.append(Row(line, [label] + values))
    months = [MONTHS.index(r.cells[0].strip().rstrip(".").lower()[:3]) for r in grid.rows if MONTH_LABEL.match(r.cells[0].strip())]
    if months and (len(months) < 3 or len(months) < len(grid.rows) - 1
                   or any(b != (a + 1) % 12 for a, b in zip(months, months[1:]))):
        grid.notes.append("rows labelled by months that are not three or more months in calendar order: they may be "
                          "dates; not read")
        grid.rows = []
    if width > 1 and grid.header is None:
        said = f" (the heading line {grid.caption!r} splits into {width} labels in more than one way, or none)" \
            if grid.caption else ""
        grid.notes.append(f"{width} columns of values but no heading line that splits into {width} column labels"
                          f"{said}; the values are not proposed")
        grid.rows = []
    return grid


def _years_above(lines: list[str], free: list[bool], i: int) -> int:
    """How many rising years end the heading line above the rows (`Offence 2019 2020 2021`), or 0."""
    if i < 1 or not free[i - 1]:
        return 0
    words = lines[i - 1].split()
    k = len(words)
    while k > 0 and YEAR.match(words[k - 1]):
        k -= 1
    years = [int(w[:4]) for w in words[k:]]
    return len(years) if len(years) >= 2 and all(b > a for a, b in zip(years, years[1:])) and k > 0 else 0


def _width(values: list[str]) -> int:
    """How many of a row's values are cells: leading years belong to the label ("Before 2010 1")."""
    k = 0
    while k < len(values) - 1 and YEAR.match(values[k]):
        k += 1
    return len(values) - k


def _relabel(line: str, label: str, values: list[str], cut: int) -> str:
    """The label extended over the first `cut` value tokens, exactly as written."""
    tokens = list(re.finditer(r"\S+", line))
    n_label = len(tokens) - len(values)
    return line[tokens[0].start(): tokens[n_label + cut - 1].end()]


def _one_word_labels(words: list[str]) -> bool:
    """Words that can each head a column on their own (`Male Female Unknown`, `2019 2020`), not a title or a phrase
    cut into words (`Number of officers seconded`, `Officers on leave`): none a joining word, each starts with a
    capital letter or a digit."""
    return not any(FUNCTION_WORD.fullmatch(w) or not (w[0].isupper() or w[0].isdigit()) for w in words)


REFERENCE = re.compile(r"^\W*(?:(?:our|your|foi)\s+)?ref(?:erence)?\b|^\W*(?:tel(?:ephone)?|fax|e-?mail|dated?|page)\b",
                       re.IGNORECASE)


def _wrapped_above(line: str) -> bool:
    """A short line of words alone (no value, not a sentence): the first line of headings wrapped over two lines."""
    text = line.strip()
    return bool(text) and kind(line) == "text" and split_row(line) is None and not re.search(r"\d", text) \
        and len(text.split()) <= 8 and not text.endswith((".", ":", "?", ";", ","))


def _heading_line(line: str) -> bool:
    """A line that can be a header: not a reference, a date or a `name: value` line (`Our ref: FOI 2024-0123`); every
    word with a digit is a year, a number or an age band."""
    text = line.strip()
    if REFERENCE.search(text) or re.search(r"\w:\s+\S", text):
        return False
    return all(YEAR.match(w) or re.fullmatch(r"\d+|\d+[-–]\d+|\d+\+", w) for w in text.split() if re.search(r"\d", w))


def _heading(text: str, width: int) -> list[str] | None:
    """The heading line split into a label heading and `width` column labels, when single spaces allow it."""
    words = text.split()
    if width == 1:  # one column of values: its heading only when the line splits as a row-label heading and a unit,
        # or is a count heading alone (`Number of cases`) with no heading over the row labels
        return ["", text] if COUNT_HEADING.fullmatch(text) else _atoms_heading(text, 1)
    if len(words) == width + 1 and CORNER.fullmatch(words[0]) and _one_word_labels(words[1:]):
        return words
    if len(words) == width and _one_word_labels(words) and all(COLUMN_WORD.fullmatch(w) for w in words):
        return [""] + words
    split = _atoms_heading(text, width) or _repeated_heading(words, width)
    if split:
        return split
    tail = words[-width:]
    if all(YEAR.match(w) or is_total(w) for w in tail):
        if len(words) > width and (YEAR.match(words[-width - 1]) or is_total(words[-width - 1])):
            return None  # more column labels than values ("2018 2019 2020 Total" over three): which one lost its cell is unknown
        return [" ".join(words[:-width])] + tail
    return None


def _repeated_heading(words: list[str], width: int) -> list[str] | None:
    """Column labels that each start with the same word (`Year Cases referred Cases closed`): split before every
    repeat of that word, when exactly one choice of the row-label heading gives `width` labels of two words or more;
    two choices that fit are two readings, and neither is taken."""
    fits = []
    for k in range(1, len(words) - width):
        lead = words[k].casefold()
        starts = [i for i in range(k, len(words)) if words[i].casefold() == lead]
        groups = [words[a:b] for a, b in zip(starts, starts[1:] + [len(words)])]
        if len(groups) == width and all(len(g) >= 2 for g in groups) and not any(w.casefold() == lead for w in words[:k]):
            fits.append([" ".join(words[:k])] + [" ".join(g) for g in groups])
    return fits[0] if len(fits) == 1 else None


# Column headings of more than one word that read as one: age bands, 'Number of X', '% of total'.
ATOM = re.compile(r"(?:under|over|aged)\s+\d+(?:\s*(?:years|yrs))?|\d+\s*(?:-|–|to)\s*\d+(?:\s*(?:years|yrs))?|\d+\s*\+"
                  r"|\d+\s+(?:and|or)\s+(?:over|under|above|below)|(?:number|no\.)\s+of\s+[A-Za-z]+|\S+", re.IGNORECASE)
BAND_ATOM = re.compile(r"^(?:(?:under|over|aged)\s+\d+|\d+\s*(?:-|–|to)\s*\d+|\d+\s*\+|\d+\s+(?:and|or)\s+\w+)", re.IGNORECASE)
COLUMN_ATOM = re.compile(rf"^(?:(?:number|no\.)\s+of\s+\w+|{MONTH}\.?|q[1-4]|male|female|men|women|boys|girls|unknown)$", re.IGNORECASE)
COUNT_HEADING = re.compile(r"(?:(?:total\s+)?(?:number|no\.)(?:\s+of\s+\w+)?|count|total)", re.IGNORECASE)
# The heading over the row labels, when it is a phrase of its own ('Financial year', 'Offence type', 'Age band').
ROW_HEADING = re.compile(r"^(?:[A-Z][a-z]+\s+)?(?:year|type|band|group|category|description|area|month|period|quarter|offence|"
                         r"crime|outcome|ethnicity|gender|age|classification)$", re.IGNORECASE)


def _atoms_heading(text: str, width: int) -> list[str] | None:
    """The heading split where its column labels read as units: bands ('Under 13 13-15 16-17'), 'Number of X' phrases,
    months or genders, after any heading; or plain words after a row-label heading that is a phrase of its own
    ('Financial year Arrests Charges'). None when no such split accounts for every word."""
    atoms = [m.group(0) for m in ATOM.finditer(text)]
    if len(atoms) <= width:
        return None
    head, tail = atoms[:-width], atoms[-width:]
    if all(BAND_ATOM.match(a) or COLUMN_ATOM.match(a) or is_total(a) for a in tail) and \
            not any(BAND_ATOM.match(a) or COLUMN_ATOM.match(a) for a in head[-1:]) and any(len(a.split()) > 1 for a in tail):
        return [" ".join(head)] + tail
    if ROW_HEADING.match(" ".join(head)) and all(re.fullmatch(r"[A-Za-z][\w/&-]*", a) for a in tail):
        return [" ".join(head)] + tail
    return None
