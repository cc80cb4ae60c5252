"""An answer that is a bare count on its own line under its question (`2. How many ...?`, a blank line, `222`), as
question-and-answer letters lay them out: the count is labelled by its question, as written."""
from __future__ import annotations

import re

from .cells import plausible
from .furniture import FURNITURE
from .model import Grid, Row

BARE_COUNT = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\.?\s*$")
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
        question = lines[k].strip()
        question = question[QUESTION_NUMBER.match(question).end():] if QUESTION_NUMBER.match(question) else question
        grid = Grid("answer under its question", k + 1, n + 1, row_dims=["question"])
        grid.rows = [Row(n + 1, [question, m.group(1)])]
        grids.append(grid)
    return grids
