"""Lists of counts, one item a line, items often separated by blank lines: `LABEL – N`, `LABEL: N`, `LABEL = N`,
numbered items (`1a. Charged – 5`) and bare numbered answers (`2. 4`, `Q1 – 88`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import YEAR, read_cell, unwrap
from .furniture import FURNITURE
from .model import Grid, Row
from .numbers import MONTH, numbers_in
from .vocab import SPAN

VALUE = r"(?:\d{1,3}(?:,\d{3})+|\d+|<\s*\d+|\*|x|c|\[redacted\]|redacted|nil return|nil|none|zero|–|-|—)(?:\s+[A-Za-z][A-Za-z ]*)?"
NUM = r"(?:q(?:uestion)?\s*)?\d{1,2}[a-z]?|[a-z]"
BARE = re.compile(rf"^\s*(?P<num>{NUM})\s*(?:[.)]|\s[–—-]|[–—:=])\s*(?P<value>{VALUE})\s*\.?\**\s*$", re.IGNORECASE)
# A lettered item's letter stands apart from its label ('a. Charged', 'b) 2019'); `s.160` and `s. 160` are a section.
AFTER_NUM = r"(?:(?<=[a-z][.)])(?:\s+(?!\d)|\s*(?=(?:19|20)\d\d\b))|(?<=\d[.)])\s*|(?<=\d[a-z][.)])\s*)"
ITEM = re.compile(rf"^\s*(?:[-•·]\s+|o\s+(?=[A-Z\d]))?(?:(?P<num>{NUM})[.)]{AFTER_NUM})?(?P<label>.*?\S)\s*(?P<sep>\s[-–—]|[–—]|:|=)\s*"
                  rf"(?P<value>{VALUE})\s*\.?\**\s*$", re.IGNORECASE)
NOT_LABEL = re.compile(r"^\W*(?:ref(?:erence)?|our ref|your ref|tel(?:ephone)?|phone|fax|mobile|ext(?:ension)?|e-?mail|dated?|page"
                       r"|version|no(?=\W*$|\.)|number|postcode|time|section|article|code|ho code|total page|file type|request|case"
                       r"|crime number|foi|id|urn|room|year ending|(?:please\s+)?notes?|n\.?b|caveats?|footnotes?)\b"
                       r"|\b(?:reference|ref|page|date|dated)\W*$", re.IGNORECASE)  # `By telephone: 15` is a label
ANSWER_WORD = re.compile(r"^(?:answer|response|reply|a)\s*\d{0,2}$", re.IGNORECASE)
FOLLOWING = re.compile(r"\bthe following (\w+?)s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One list item: its question number (if numbered), its label (if any), its value as written, its line."""

    line: int
    num: str | None
    label: str | None
    value: str


def read_item(line: str, n: int) -> Item | None:
    """The item a line states, or None."""
    if FURNITURE.search(line):
        return None
    m = BARE.match(line)
    if m:
        item = Item(n, m.group("num"), None, m.group("value"))
    else:
        m = ITEM.match(line)
        if not m:
            return None
        label = unwrap(m.group("label"))
        if not label or NOT_LABEL.search(label) or (read_cell(label).status and not YEAR.match(label)):
            return None
        if ANSWER_WORD.match(label):
            return None  # `Answer: 23` is labelled by its question, not by the word Answer (answers.py)
        if re.search(r"(?:[:=]|\s[–—-])\s*\d[\d,]*\s+[A-Z]", label):
            return None  # pairs run together (`Female: 4046 Male: 2117 Unknown: 12`, `Female - 54 Male - 31`): not one item
        item = Item(n, m.group("num"), label, m.group("value"))
    return item if _value_ok(item, line) else None


def _value_ok(item: Item, line: str) -> bool:
    """A value that is a count or a marker, and not a year, a date or a code standing where a count would."""
    cell = read_cell(item.value, units=True)
    if cell.status is None:
        return False
    if cell.status != "reported":
        if item.value.strip() in "–-—" and re.search(r":[-–—]\s*$", line):
            return False  # ":-" closes a sentence that introduces what follows; it is punctuation, not a cell
        return cell.status != "suppressed" or item.value.strip() not in "–-—" or item.label is not None
    at = line.rfind(item.value.split()[0])
    judged = [f for f in numbers_in(line) if f.start == at]
    return not YEAR.match(item.value.split()[0]) and all(f.reason is None for f in judged)


def read_lists(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every list on the free lines; items may be separated by up to two blank lines."""
    items = [read_item(line, n + 1) if free[n] else None for n, line in enumerate(lines)]
    grids, n = [], 0
    while n < len(lines):
        if items[n] is None:
            n += 1
            continue
        run, gap = [], 0
        while n < len(lines) and (items[n] is not None or (free[n] and not lines[n].strip() and gap < 2)):
            if items[n] is not None:
                run.append(items[n])
                gap = 0
            else:
                gap += 1
            n += 1
        grids += [_grid(part, lines) for part in _parts(run)]
    return _grouped(grids, lines)


def _heading_line(lines: list[str], grid: Grid) -> int | None:
    """The 1-based line of a short heading straight above a list (blank lines aside), or None."""
    n = grid.start - 1
    while n >= 1 and not lines[n - 1].strip():
        n -= 1
    text = lines[n - 1].strip() if n >= 1 else ""
    if not text or len(text.split()) > 8 or text.endswith(("?", ".", ",")) or read_item(lines[n - 1], n) is not None \
            or any(f.data for f in numbers_in(text)) or FURNITURE.search(text) or ANSWER_WORD.match(text.rstrip(":")):
        return None
    return n


def _grouped(grids: list[Grid], lines: list[str]) -> list[Grid]:
    """Lists of the same labels, each under its own short heading (`Rape` then `2019 – 12`, `2020 – 15`; `Sexual
    assault` then the same years): one table whose outer row label is the heading, as the labels alone would repeat."""
    out: list[Grid] = []
    k = 0
    while k < len(grids):
        group = [grids[k]]
        while k + len(group) < len(grids):
            nxt, last = grids[k + len(group)], group[-1]
            head = _heading_line(lines, nxt)
            if nxt.layout != "list" or last.layout != "list" or head is None or \
                    any(lines[n - 1].strip() for n in range(last.end + 1, head)):
                break
            group.append(nxt)
        heads = [_heading_line(lines, g) for g in group]
        labels = [{unwrap(r.cells[0]) for r in g.rows} for g in group]
        if len(group) < 2 or None in heads or any(len(a & b) < 2 for a, b in zip(labels, labels[1:])):
            out.append(grids[k])
            k += 1
            continue
        grid = Grid("list", heads[0], group[-1].end, caption=_caption(lines, heads[0] - 1), dim_hint=group[0].dim_hint)
        for g, h in zip(group, heads):
            grid.rows += [Row(r.line, [lines[h - 1].strip().rstrip(":").strip()] + r.cells) for r in g.rows]
        grid.row_dims = ["label", "label"]
        out.append(grid)
        k += len(group)
    return out


def _parts(run: list[Item]) -> list[list[Item]]:
    """A run of items split where their kind changes: labelled, numbered-and-labelled, bare numbered answers."""
    parts: list[list[Item]] = []
    for item in run:
        shape = (item.num is not None, item.label is not None)
        if parts and (parts[-1][0].num is not None, parts[-1][0].label is not None) == shape:
            parts[-1].append(item)
        else:
            parts.append([item])
    return parts


def _grid(items: list[Item], lines: list[str]) -> Grid:
    numbered, labelled = items[0].num is not None, items[0].label is not None
    layout = "list" if not numbered else ("numbered list" if labelled else "numbered answers")
    grid = Grid(layout, items[0].line, items[-1].line)
    grid.rows = [Row(i.line, ([i.num] if numbered else []) + ([i.label] if labelled else []) + [i.value]) for i in items]
    grid.row_dims = (["question"] if numbered else []) + (["label"] if labelled else [])
    grid.dim_hint = _hint(lines, items[0].line - 1)
    grid.caption = _caption(lines, items[0].line - 1)
    return grid


def _hint(lines: list[str], i: int) -> str | None:
    """The noun of "the following keywords" in the paragraph before a list, to name its label column."""
    for n in range(i - 1, max(i - 4, -1), -1):
        m = FOLLOWING.search(lines[n])
        if m:
            return m.group(1).lower()
    return None


def _caption(lines: list[str], i: int) -> str | None:
    """The nearest text line above a list that says what it counts (not "Answer" or "Response")."""
    for n in range(i - 1, max(i - 4, -1), -1):
        text = lines[n].strip()
        if text and read_item(lines[n], n + 1) is None and not re.match(r"^(answer|response|reply)\s*\d*:?$", text, re.IGNORECASE):
            return text if len(text) <= 120 else None
    return None


SPAN_COUNT = re.compile(r"(?<![\d,/.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d/.%])(?P<noun>(?:\s+[A-Za-z][A-Za-z ]*)?)\s*\.?\s*$")


def _span_item(line: str, n: int) -> tuple[str, str, str] | None:
    """`2010 – 2011 135,180` or `01/04/23 to 31/03/24 10 dive deployments`: a period span, a count, and what it
    counts (the same words on every line of the list), with no separator between span and count."""
    m = SPAN_COUNT.search(line)
    if not m or FURNITURE.search(line):
        return None
    label = line[: m.start()].strip().rstrip(":–—-").strip()
    if not label or not SPAN.match(label) or (m.group("noun") and "%" in m.group("noun")):
        return None
    if re.search(rf"\b{MONTH}\.?$", label, re.IGNORECASE):
        return None  # `1st January 2020 - 1st January 2021`: the number is the date's year, not a count
    return label, m.group(1), " ".join(m.group("noun").split()).casefold()


def read_spans(lines: list[str], free: list[bool]) -> list[Grid]:
    """Lists of counts each after a period span with no separator between them, two lines or more, one template."""
    items = [_span_item(line, k + 1) if free[k] else None for k, line in enumerate(lines)]
    grids, k = [], 0
    while k < len(lines):
        if items[k] is None:
            k += 1
            continue
        run, j, gap = [k], k + 1, 0
        while j < len(lines) and gap < 2:
            if items[j] is not None and items[j][2] == items[k][2]:
                run.append(j)
                gap = 0
            elif not lines[j].strip() and free[j]:
                gap += 1
            else:
                break
            j += 1
        k = run[-1] + 1
        if len(run) < 2:
            continue
        above = next((i for i in range(run[0] - 1, max(run[0] - 4, -1), -1) if lines[i].strip()), None)
        caption = _caption(lines, run[0]) if above is None or items[above] is None else None  # not another list's row
        grid = Grid("list", run[0] + 1, run[-1] + 1, row_dims=["label"], caption=caption)
        grid.rows = [Row(i + 1, [items[i][0], items[i][1]]) for i in run]
        grids.append(grid)
    return grids
