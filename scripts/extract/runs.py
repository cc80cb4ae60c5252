"""Tables whose rows run together on a line, as PDF letters saved as text leave them (`Iran 7 13 21 Iraq 24 14 36`):
a line is cut into cells (label words, then the numbers after them), a header of years or a `Number of ...` heading
gives the row length, and only rows that fill it are proposed; a row with fewer numbers (its empty cells vanished)
is reported, never placed in a column by guess."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import PAGE_BREAK, plausible
from .furniture import FURNITURE
from .lists import NOT_LABEL
from .model import Grid, Row
from .numbers import MONTH
from .spaced import _heading, _heading_line  # one rule for a one-column heading

COUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+|\*|<\d+)$")
YEARISH = re.compile(r"^(?:(?:19|20)\d{2}(?:[/-]\d{2}|[/-](?:19|20)\d{2})?)$")
HEADING = re.compile(r"\b(?:number\s+of\s+[A-Za-z]+|total\s+number(?:\s+of\s+[A-Za-z]+)?|count)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[.;?!:]\s+[a-z]|[;?!:]$|\b(?:was|were|is|are|have|has|had|been|our|your|please|we|you|I)\b")
NOT_COUNT_AFTER = re.compile(rf"^(?:[/.:]\d|-\d)|^\s[-–]\s+[A-Za-z]|^\s*(?:%|per\s*cent|hours?|hrs|minutes?|mins|days?|weeks?|months?|years?|{MONTH}\b)",
                             re.IGNORECASE)
NOT_COUNT_BEFORE = re.compile(rf"(?:£|\$|€|\b{MONTH}\.?\s*|\b(?:no|page|section|s|ref|tel|fax|box|q|question|under|over|aged|below|above"
                              r"|(?-i:Act))\.?\s*|&\s*)$",
                              re.IGNORECASE)
MAX_LABEL_WORDS = 16
BAND = re.compile(r"^\d{1,2}\s*(?:-|–|to)\s*\d{1,3}$|^\d{1,2}\s*\+$")
COLUMN_WORD = re.compile(r"^(?P<heading>[A-Z][\w/]*(?:\s+[\w/]+){0,2})\s+(?P<column>number|no\.|count|total|figures?)\s+"
                         r"(?P<label>\S.*)$", re.IGNORECASE)
NO_WORDS = re.compile(r"^no\s+[a-z]{3,}", re.IGNORECASE)  # 'No further action' is a label; 'No. 3', 'No 12' are not
TOTAL_WORD = re.compile(r"^((?:grand\s+)?totals?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """Label words then the counts after them, on one line: the label as written and each count with its place."""

    line: int
    label: str
    start: int
    counts: tuple[tuple[str, int], ...]  # (text, column on the line)
    cut: bool = False  # the text ends inside this row (an excerpt cut short): its last cells are missing, not empty

    @property
    def texts(self) -> list[str]:
        return [t for t, _ in self.counts]


def segments(line: str, n: int) -> list[Segment]:
    """Cut a line into label-then-counts segments; words that cannot be counts (money, dates, codes) are label words."""
    out: list[Segment] = []
    label_start = label_end = None
    counts: list[tuple[str, int]] = []
    for m in re.finditer(r"\S+", line):
        word = m.group(0)
        if word == "/":  # a separator between cells (`Gwynedd / 54 / 107`), or inside a label (`Burma / Myanmar`)
            continue
        if re.fullmatch(r"\d[\d,]*[,;]", word) and COUNT.match(word[:-1]):  # `Snapchat – 14, WhatsApp – 3`
            word = word[:-1]
        if YEARISH.match(word) and not COUNT.match(word) or \
                _count(word, line, m.start(), m.start() + len(word)):
            counts.append((word, m.start()))
            continue
        if counts:
            out.append(Segment(n, line[label_start:label_end] if label_start is not None else "",
                               label_start if label_start is not None else counts[0][1], tuple(counts)))
            counts, label_start = [], None
        if label_start is None:
            label_start = m.start()
        label_end = m.end()
    if counts or label_start is not None:
        out.append(Segment(n, line[label_start:label_end] if label_start is not None else "",
                           label_start if label_start is not None else counts[0][1], tuple(counts)))
    return out


def _count(word: str, line: str, start: int, end: int) -> bool:
    if not COUNT.match(word):
        return False
    if word[0].isdigit() and not plausible(word):
        return False
    return not NOT_COUNT_AFTER.match(line[end:]) and not NOT_COUNT_BEFORE.search(line[:start])


def _years(texts: list[str]) -> bool:
    """Two or more years (or financial years) in rising order: a header."""
    if len(texts) < 2 or not all(YEARISH.match(t) for t in texts):
        return False
    firsts = [int(t[:4]) for t in texts]
    return all(b > a for a, b in zip(firsts, firsts[1:]))


def _years_then_row(texts: list[str]) -> bool:
    """A header of years run straight into a row of as many counts that lost its label (`2010 2011 0 0`)."""
    w = len(texts) // 2
    return len(texts) % 2 == 0 and w >= 2 and _years(texts[:w]) and not any(YEARISH.match(t) for t in texts[w:])


def _short_label(label: str) -> bool:
    label = _bare_label(label)
    words = label.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and bool(re.search(r"[A-Za-z]", label) or BAND.match(label)) \
        and not SENTENCE.search(label) \
        and (label[0].isupper() or label[0] in "(\"'" or label[0].isdigit())


def read_runs(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every table whose rows run together on lines: under a header of years, or a `Number of ...` heading."""
    grids: list[Grid] = []
    n = 0
    text_ends_cut = bool(lines) and lines[-1].strip() != "" and not lines[-1].rstrip().endswith((".", ")", "|"))
    while n < len(lines):
        if not free[n] or FURNITURE.search(lines[n]):
            n += 1
            continue
        segs = segments(lines[n], n + 1)
        grid = _headed(lines, free, n, segs, text_ends_cut) or _counted(lines, free, n, segs, text_ends_cut) \
            or _header_then_values(lines[n], n + 1, segs) or _months(lines, free, n, text_ends_cut)
        if grid:
            grids.append(grid)
            n = grid.end
            continue
        n += 1
    return grids


def _headed(lines: list[str], free: list[bool], n: int, segs: list[Segment], cut: bool) -> Grid | None:
    """A header of years (on its own line or before the first row) and rows of a label and one count per year."""
    k = next((i for i, s in enumerate(segs) if _years(s.texts) or _years_then_row(s.texts)), None)
    if k is None:
        return None
    head = segs[k]
    width = len(head.counts)
    if _years_then_row(head.texts):  # the first row lost its label: report it, read the rest
        width //= 2
        unlabelled = head.texts[width:]
        head = Segment(head.line, head.label, head.start, head.counts[:width])
    else:
        unlabelled = []
    rest = segs[k + 1:]
    columns = head.texts
    total = TOTAL_WORD.match(rest[0].label) if rest and rest[0].line == head.line and not unlabelled else None
    if total:  # `2018 2019 2020 Total Rape 1 2 3 6`: the Total after the years is a column, not a row label's first word
        columns, width = columns + [total.group(1)], width + 1
        label = rest[0].label[total.end():].strip()
        start = rest[0].start + rest[0].label.find(label) if label else rest[0].start
        rest = ([Segment(rest[0].line, label, start, rest[0].counts, rest[0].cut)] if label or rest[0].counts else []) + rest[1:]
    heading = " ".join(head.label.split()[-4:]) if head.label else ""
    grid = Grid("rows run together", n + 1, n + 1, header=[heading] + columns, header_line=n + 1)
    body = _body(lines, free, n, rest, cut, grid)
    placed = _place(body, width, grid)
    if unlabelled:
        grid.incomplete = True
        grid.notes.append(f"line {n + 1}: a row of {width} counts with no label right after the header "
                          f"({', '.join(unlabelled)}); not read")
    if all(len(s.counts) == 1 for s in body) and width > 1:
        return None
    if len(placed) < 2 or (not rest and not any(r.line > n + 1 for r in placed)):
        if not grid.incomplete or not body:
            return None
        grid.rows = []  # rows whose empty cells vanished under a header of years: report them, read none
    else:
        grid.rows = placed
    return grid


SIMPLE_BAND = r"(?:\d{1,2}\s?[-–]\s?\d{1,3}|\d{1,2}\+)"
MONTHS_HEADER = re.compile(rf"^\s*(?P<heading>[A-Za-z][\w/ ]{{0,30}}?\s+)?(?P<months>{MONTH}\.?(?:\s+{MONTH}\.?)+"
                           rf"|{SIMPLE_BAND}(?:\s+{SIMPLE_BAND})+)\s*(?P<total>total|unknown)?\s*$", re.IGNORECASE)


def _months(lines: list[str], free: list[bool], n: int, cut: bool) -> Grid | None:
    """A header line of month names (`Month Jan Feb Mar`) or age bands (`Age 0-9 10-15 16+`), then rows of a label and
    one count per column."""
    m = MONTHS_HEADER.match(lines[n])
    if not m:
        return None
    heads = re.findall(rf"{MONTH}\.?|{SIMPLE_BAND}", m.group("months"), re.IGNORECASE) + \
        ([m.group("total")] if m.group("total") else [])
    grid = Grid("rows run together", n + 1, n + 1, header=[""] + heads, header_line=n + 1,
                caption=(m.group("heading") or "").strip() or None)  # "Month" names the columns, not the rows
    body = _body(lines, free, n, [], cut, grid)
    placed = _place(body, len(heads), grid)
    if len(placed) < 1 or not body:
        return None
    grid.rows = placed
    return grid


def _header_then_values(line: str, n: int, segs: list[Segment]) -> Grid | None:
    """A header row and its one row of values run together: `FY 2014-15 FY 2015-16 6175 23734`, or `2019 2020 41 7`.
    Each value is labelled by the header cell in the same place, as written."""
    if not segs or not all(s.counts for s in segs):
        return None
    tokens = [(t, at, k, j) for k, s in enumerate(segs) for j, (t, at) in enumerate(s.counts)]
    width = 0
    while width < len(tokens) and YEARISH.match(tokens[width][0]):
        width += 1
    years, values = tokens[:width], tokens[width:]
    if width < 2 or len(values) != width or not all(re.fullmatch(r"\d[\d,]*|\*|<\d+", t) for t, *_ in values):
        return None
    if any(j == 0 and k > 0 for _, _, k, j in values):
        return None  # words between the values: not one row
    firsts = [int(t[:4]) for t, *_ in years]
    if not all(b > a for a, b in zip(firsts, firsts[1:])):
        return None
    labelled = all(j == 0 and segs[k].label and len(segs[k].label.split()) <= 2 for _, _, k, j in years[1:]) and \
        len(segs) == width
    cells = [line[segs[k].start if labelled and (k > 0 or len(segs[0].label.split()) <= 2) else at: at + len(t)]
             for t, at, k, _ in years]
    grid = Grid("header and values run together", n, n, row_dims=["year"],
                caption=None if labelled else segs[0].label or None)
    grid.rows = [Row(n, [c, v]) for c, (v, *_) in zip(cells, values)]
    return grid


def _counted(lines: list[str], free: list[bool], n: int, segs: list[Segment], cut: bool) -> Grid | None:
    """A `Number of ...` heading then label-count pairs run together: one column of counts."""
    if len(segs) < 2 or not all(len(s.counts) == 1 for s in segs[:-1]):
        return None
    m = HEADING.search(segs[0].label)
    if not m:
        return _listed(lines, free, n, segs, cut)
    if len(segs) < 3:
        return None
    first_label = segs[0].label[m.end():].strip()
    if not first_label or not all(_short_label(s.label) for s in segs[1:] if s.counts):
        return None
    column = m.group(0)
    heading = segs[0].label[: m.start()].strip()
    grid = Grid("rows run together", n + 1, n + 1, header=[" ".join(heading.split()[-3:]), column], header_line=n + 1)
    first = Segment(n + 1, first_label, segs[0].start + m.end() + (len(segs[0].label[m.end():]) - len(segs[0].label[m.end():].lstrip())),
                    segs[0].counts)
    body = _body(lines, free, n, [first] + segs[1:], cut, grid)
    placed = _place(body, 1, grid)
    if len(placed) < 3:
        return None
    grid.rows = placed
    return grid


def _heading_above(lines: list[str], free: list[bool], n: int) -> list[str] | None:
    """The line above as a heading of a one-column table (`Outcome Number`, `Number of cases`): a row-label heading
    and a count heading, split one way by the single-space reader's rule."""
    if n < 1 or not free[n - 1] or not lines[n - 1].strip() or re.search(r"\d", lines[n - 1]):
        return None
    text = lines[n - 1].strip()
    if SENTENCE.search(text) or not _heading_line(text) or len(text.split()) > 8:
        return None
    return _heading(text, 1)


def _listed(lines: list[str], free: list[bool], n: int, segs: list[Segment], cut: bool) -> Grid | None:
    """No heading: three label-count pairs or more run together, every label short and capitalised (`Female 4046
    Male 21175 Not recorded 210`); a list of one count per label."""
    rows = [s for s in segs if s.counts]
    above = _heading_above(lines, free, n)
    if len(rows) < (2 if above else 3) or not all(len(s.counts) == 1 and _short_label(s.label) and len(s.label.split()) <= 6
                                and not re.search(r"\d", s.label) for s in rows):
        return None
    if any(NOT_LABEL.search(_bare_label(s.label)) and not NO_WORDS.match(s.label) or YEARISH.match(s.texts[0]) for s in rows):
        return None  # `FOI - 2019 Page - 3 Section - 4`: a reference, a page, a section, a year are not a list's counts
    grid = Grid("pairs run together", n + 1, n + 1)
    head = COLUMN_WORD.match(rows[0].label) if rows[0] is segs[0] else None
    widest = max(len(s.label.split()) for s in rows[1:])
    if head and len(head.group("label").split()) <= widest:  # `Outcome Number Charged 12 Cautioned 4`: a heading first
        grid.header, grid.header_line = [head.group("heading"), head.group("column")], n + 1
        segs = [Segment(n + 1, head.group("label"), segs[0].start + head.start("label"), segs[0].counts)] + segs[1:]
    elif above:  # `Outcome Number` on the line above: the row-label heading and the column's
        grid.header, grid.header_line, grid.start = above, n, n
    body = _body(lines, free, n, segs, cut, grid)
    if any(len(s.counts) > 1 for s in body):
        return None
    first = body[0].label.split() if body and body[0] is segs[0] and not grid.header else []
    if len(first) >= 3 and len(first) > max(len(s.label.split()) for s in body[1:]) and sum(w[0].isupper() for w in first) >= 2:
        grid.notes.append(f"line {n + 1}: the first label {body[0].label!r} is longer than every other and may begin with "
                          "a heading run into it (`Platform Offences Snapchat 41`); where the heading ends cannot be told; "
                          "not read")
        return grid
    placed = _place(body, 1, grid)
    if len(placed) < 3:
        return None
    grid.rows = placed
    if grid.header:  # a column heading: a grid of one column, so the values keep it as their column label
        grid.layout = "rows run together"
    return grid


def _body(lines: list[str], free: list[bool], n: int, rest: list[Segment], cut: bool, grid: Grid) -> list[Segment]:
    """The row segments: the rest of the header line, then following lines that are all rows (blank lines between)."""
    body = list(rest)
    end = n
    if body and not _rows_only(body, last=n + 1 == len(lines)):
        return []
    j, blanks = n + 1, 0
    while j < len(lines) and free[j]:
        if PAGE_BREAK.match(lines[j]) or FURNITURE.search(lines[j]):
            grid.notes.append(f"line {j + 1}: a page mark inside the table; skipped")
            j += 1
            continue
        if not lines[j].strip():
            blanks += 1
            if blanks > 2:
                break
            j += 1
            continue
        segs = segments(lines[j], j + 1)
        if not _rows_only(segs, last=j + 1 == len(lines)):
            break
        if segs[0].label and (HEADING.search(segs[0].label) or COLUMN_WORD.match(segs[0].label)) and len(segs) > 2:
            break  # a heading opens the next line (`Ethnicity Total White 12 Black 4`): another table starts there
        body += segs
        end, blanks = j, 0
        j += 1
    grid.end = end + 1
    if cut and grid.end == len(lines) and body and body[-1].counts and lines[-1].rstrip().endswith(body[-1].texts[-1]):
        last = body[-1]
        grid.notes.append(f"line {last.line}: the text ends on {last.texts[-1]!r}, which may be cut off; not read")
        body[-1] = Segment(last.line, last.label, last.start, last.counts[:-1], cut=True)
    return body


def _rows_only(segs: list[Segment], last: bool) -> bool:
    """A line of rows: every segment a short label with counts; words after the last count (a label cut by a line
    end) are allowed."""
    if not segs or not segs[0].label:
        return False
    rows = [s for s in segs if s.counts]
    tail = [s for s in segs if not s.counts]
    return bool(rows) and all(_short_label(s.label) for s in rows) and (not tail or tail == [segs[-1]])


def _place(body: list[Segment], width: int, grid: Grid) -> list[Row]:
    """Rows that fill the header; others reported with the reason."""
    out = []
    for s in body:
        if not s.counts:
            grid.notes.append(f"line {s.line}: words after the last count ({s.label!r}); not read")
            continue
        if _years(s.texts):  # a header again: two tables side by side (page columns), or a header repeated
            if grid.header and s.texts == grid.header[1:]:
                grid.notes.append(f"line {s.line}: the header repeated beside the table ({s.label} {' '.join(s.texts)}); "
                                  "skipped")
                continue
            grid.incomplete = True
            grid.notes.append(f"line {s.line}: a second header with other years ({' '.join(s.texts)}) beside the table: "
                              "which column each count stands in cannot be told; not read")
            return []
        s = _band_closed(s, width)
        if not all(COUNT.match(t) for t in s.texts):
            grid.notes.append(f"line {s.line}: {s.label!r} has cells that are not counts ({', '.join(s.texts)}); not read")
        elif len(s.counts) == width:
            out.append(Row(s.line, [_bare_label(s.label)] + s.texts))
        elif len(s.counts) < width and s.cut and s.counts:
            out.append(Row(s.line, [_bare_label(s.label)] + s.texts))
            grid.notes.append(f"line {s.line}: the text ends inside the row {s.label!r}; its first {len(s.counts)} of "
                              f"{width} cells are read, left to right")
        elif len(s.counts) < width:
            grid.incomplete = True
            grid.notes.append(f"line {s.line}: {s.label!r} has {len(s.counts)} counts for {width} columns "
                              f"({', '.join(s.texts)}): its empty cells vanished, so which column each stands in cannot "
                              "be told; not read")
        else:
            grid.incomplete = True
            grid.notes.append(f"line {s.line}: {s.label!r} has {len(s.counts)} counts for {width} columns "
                              f"({', '.join(s.texts)}); not read")
    return out


CLOSED_BAND = re.compile(r"\d+\s+(?:and|or)\s+(?:over|under|above|below)\s+(\d{1,3}(?:,\d{3})+|\d+)$", re.IGNORECASE)


def _band_closed(s: Segment, width: int) -> Segment:
    """A row one count short whose label ends on a closed age band and a number (`aged 13 and over 4`, then 6): the band
    is whole without the number ('13 and over'), so the number is the row's first count, as the header's width says."""
    m = CLOSED_BAND.search(s.label)
    if len(s.counts) != width - 1 or not m:
        return s
    return Segment(s.line, s.label[: m.start(1)].rstrip(), s.start, ((m.group(1), s.start + m.start(1)),) + s.counts, s.cut)


def _bare_label(label: str) -> str:
    """A label without the separator between it and its count (`Female:`, `Snapchat –`), as written otherwise."""
    return re.sub(r"\s*[:=–—-]\s*$", "", label) or label
