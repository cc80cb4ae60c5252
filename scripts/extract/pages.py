"""Page marks that a PDF saved as text leaves inside a table (`OFFICIAL`, `NOT PROTECTIVELY MARKED`, `Page 2 of 3`):
the readers see the text without them, so a table that runs over a page break is read as one table, and every line
they report is put back to its place in the response."""
from __future__ import annotations

import re

from ..curated.pagemarks import LETTER_LINE, PAGE_MARK
from .model import Grid

LINE_WORD = re.compile(r"\b(lines?) (\d+)(?:-(\d+))?")


def page_marks(lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines that are page marks, and of the letter's running lines beside them (a
    reference, the Act's name, or a line repeated word for word elsewhere in the text): a page break's furniture."""
    marks = {n for n, line in enumerate(lines, start=1) if PAGE_MARK.match(line)}
    seen: dict[str, int] = {}
    for line in lines:
        key = " ".join(line.split()).casefold()
        seen[key] = seen.get(key, 0) + 1
    def running(n: int) -> bool:
        text = lines[n - 1].strip()
        if not text or len(text) > 100 or len(re.findall(r"(?<![\w/-])\d[\d,]*(?![\w/-])", text)) > 1:
            return False
        if re.search(r"\t|\||\S {2,}\S", text):
            return False  # a row of cells (a header repeated after the break) is the table's, not the page's
        return bool(LETTER_LINE.match(text)) or seen[" ".join(text.split()).casefold()] > 1 and not re.search(r"\d\s*$", text)
    grown = True
    while grown:
        grown = False
        for n in sorted(marks):
            for step in (-1, 1):
                k = n + step
                if 1 <= k <= len(lines) and not lines[k - 1].strip():
                    k += step  # one blank line between a mark and its running line
                if 1 <= k <= len(lines) and k not in marks and running(k):
                    marks.add(k)
                    grown = True
    return marks


def page_view(lines: list[str], marks: set[int]) -> list[int]:
    """The 1-based response lines the readers see, in order: every line but the page marks inside the text, and the
    blank lines around a mark when text stands on both sides of it (the break between two rows of one table)."""
    drop: set[int] = set()
    for n in sorted(marks):
        a, b = n - 1, n + 1
        while a >= 1 and (not lines[a - 1].strip() or a in marks):
            a -= 1
        while b <= len(lines) and (not lines[b - 1].strip() or b in marks):
            b += 1
        if a >= 1 and b <= len(lines):
            drop.update(range(a + 1, b))
    return [n for n in range(1, len(lines) + 1) if n not in drop]


def remap(grid: Grid, origin: list[int]) -> Grid:
    """A grid read on the view, with every line number put back to the response's (origin[k] is view line k + 1)."""
    def at(k: int) -> int:
        return origin[k - 1] if 1 <= k <= len(origin) else k

    grid.start, grid.end = at(grid.start), at(grid.end)
    if grid.header_line:
        grid.header_line = at(grid.header_line)
    for row in grid.rows:
        row.line = at(row.line)
        if row.lines:
            row.lines = [at(k) for k in row.lines]
    grid.notes = [LINE_WORD.sub(lambda m: f"{m.group(1)} {at(int(m.group(2)))}"
                                + (f"-{at(int(m.group(3)))}" if m.group(3) else ""), note) for note in grid.notes]
    return grid
