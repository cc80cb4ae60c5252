"""Lines between a table's header and its rows that say what the figures are (`(numbers)`, `Count`, `Source: ...`,
`All figures are counts of recorded crimes`): the readers see the text without them, so the header still meets its
rows, and each is reported as skipped; such a line is never a label."""
from __future__ import annotations

import re

from ..curated.units import unit_or_note as _form

COUNT = re.compile(r"(?<![\w/.-])(?!(?:19|20)\d\d(?!\d))\d+(?:,\d{3})*(?![\w/-])")  # a number that is not a year
CELLS = re.compile(r"\t|\||,|\S {2,}\S| / ")


def _cells(text: str) -> int:
    """How many cells a line holds: by its delimiters, else by its words."""
    text = text.strip().strip("|").strip()
    return len(CELLS.split(text)) if CELLS.search(text) else len(text.split())


def unit_lines(lines: list[str], skip: set[int]) -> dict[int, str]:
    """The 1-based numbers of the lines that are a unit or a note between a table's header and its first row, each with
    why. The line before must read as a header (no count in it, not a sentence); the line after must hold a count (a row
    of cells), or be a row label whose next line holds one (a table saved one cell a line). A bare unit word (`Count`) is
    also a cell a header may have, so it is skipped only between rows of several cells."""
    shown = [n for n in range(1, len(lines) + 1) if n not in skip and lines[n - 1].strip()]
    out: dict[int, str] = {}
    for k, n in enumerate(shown):
        text = lines[n - 1].strip()
        form = _form(text)
        if not form or k == 0 or k + 1 >= len(shown):
            continue
        before, after = lines[shown[k - 1] - 1].strip(), lines[shown[k + 1] - 1].strip()
        then = lines[shown[k + 2] - 1].strip() if k + 2 < len(shown) else ""
        if COUNT.search(before) or before.endswith((".", ":", "?")) or _form(before) in ("unit", "note"):
            continue
        if form == "word":
            if _cells(before) >= 2 and COUNT.search(after) and _cells(after) >= 2:
                out[n] = f"{text!r}: a unit under a table's header; skipped, not a label"
            continue
        if COUNT.search(after) or (_cells(after) >= 1 and not _form(after) and COUNT.fullmatch(then.strip("| \u00a0"))):
            what = "a unit" if form == "unit" else "a note"
            out[n] = f"{text!r}: {what} under a table's header; skipped, not a label"
    return out
