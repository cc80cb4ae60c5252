"""An answer that is a bare count on its own line under its question (`2. How many ...?`, a blank line, `222`), as
question-and-answer letters lay them out: the count is labelled by its question, as written."""
from __future__ import annotations

import re

from ..curated.citation import BULLET, bullet_question
from .cells import YEARS, plausible, read_cell
from .furniture import FURNITURE
from .model import Grid, Row
from .numbers import numbers_in

BARE_COUNT = re.compile(r"^\s*(?:(?:answer|response|reply|a)\s*\d{0,2}\s*[:.–—-]\s*)?(\d{1,3}(?:,\d{3})+|\d+)\s*\.?\s*$",
                        re.IGNORECASE)  # `222`, or `Answer: 222` under its question
QUESTION_NUMBER = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\(?\d{1,2}[a-z]?[.):]?\s+", re.IGNORECASE)


def read_answers(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every bare count on a free line whose nearest line above (blank lines aside) is a question."""
    grids = []
    for n, line in enumerate(lines):
        m = BARE_COUNT.match(line)
        if not free[n] or not m or not plausible(m.group(1)):
            continue
        k = n - 1
        while k >= 0 and not lines[k].strip() and n - k <= 3:
            k -= 1
        if k < 0 or not free[k] or FURNITURE.search(lines[k]) or not lines[k].rstrip().endswith("?"):
            continue
        if _opens_cells(lines, n):
            continue
        question = lines[k].strip()
        question = question[QUESTION_NUMBER.match(question).end():] if QUESTION_NUMBER.match(question) else question
        grid = Grid("answer under its question", k + 1, n + 1, row_dims=["question"])
        grid.rows = [Row(n + 1, [question, m.group(1)])]
        grids.append(grid)
    return grids



def _opens_cells(lines: list[str], n: int) -> bool:
    """The number under the question is a year and the next line that holds anything is another bare number or a
    no-break-space cell: the first heading of a table saved one cell a line, not the answer."""
    if not YEARS.match(lines[n].strip()):
        return False
    k = n + 1
    while k < len(lines) and not lines[k].strip() and "\xa0" not in lines[k] and k - n <= 3:
        k += 1
    return k < len(lines) and k - n <= 3 and ("\xa0" in lines[k] and not lines[k].strip() or bool(BARE_COUNT.match(lines[k])))


LED = re.compile(r"^\s*(?P<label>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|&|St))*)\s+(?P<value>\d{1,3}(?:,\d{3})+|\d+)\s+"
                 r"(?P<word>[a-z]+)\b")


def read_led(lines: list[str], free: list[bool]) -> list[Grid]:
    """Three lines or more that follow one template, a name then a count then the same word (`Great Yarmouth Police
    Station 8 cell custody closed ...`, `Thetford Police Station 5 cell custody ...`): a list of counts by name."""
    found = [(n, LED.match(line)) for n, line in enumerate(lines) if free[n] and not FURNITURE.search(line)]
    found = [(n, m) for n, m in found if m and plausible(m.group("value")) and _data(lines[n], m.start("value"))]
    grids, k = [], 0
    while k < len(found):
        run = [found[k]]
        while k + len(run) < len(found):
            n, m = found[k + len(run)]
            if m.group("word") != run[0][1].group("word") or n - run[-1][0] > 4:
                break
            run.append((n, m))
        if len(run) >= 3:
            grid = Grid("a count after a name, line by line", run[0][0] + 1, run[-1][0] + 1, row_dims=["label"])
            grid.rows = [Row(n + 1, [m.group("label"), m.group("value")]) for n, m in run]
            grids.append(grid)
        k += len(run)
    return grids


def _data(line: str, at: int) -> bool:
    """The number at `at` is not a legal section, a date, a code or the like (scripts/extract/numbers.py)."""
    return all(f.data for f in numbers_in(line) if f.start == at)


def read_bulleted(lines: list[str], free: list[bool]) -> list[Grid]:
    """Bulleted bare answers (`- 190`, `- 43`) under bulleted questions: each answers, in order, the question at its
    place in the nearest bulleted list above, when the two lists are as long (the build's check proves it the same
    way, `citation.bullet_question`); the answer is labelled by its question, as written."""
    grids: list[Grid] = []
    for n in range(1, len(lines) + 1):
        if not free[n - 1] or (grids and n <= grids[-1].end):
            continue
        q = bullet_question(lines, n)
        if not q:
            continue
        rows = []
        k = n
        while k <= len(lines) and (not lines[k - 1].strip() or (free[k - 1] and (q := bullet_question(lines, k)))):
            if lines[k - 1].strip():
                value = BULLET.match(lines[k - 1]).group("rest").rstrip(".").strip()
                if read_cell(value).status is None or (value[0].isdigit() and not plausible(value)):
                    return grids
                rows.append(Row(k, [BULLET.match(lines[q - 1]).group("rest").strip(), value]))
            k += 1
        grid = Grid("answers under bulleted questions", n, rows[-1].line, row_dims=["question"])
        grid.rows = rows
        grids.append(grid)
    return grids
