"""A percentage beside a count ('Charged 12 40%', 'Male 120 4.5% 130 5.0%') is a share, not a count: the readers see
the line without it (and without the header's '%' or 'Percentage' headings), so they read the counts, and each
percentage is reported, never proposed."""
from __future__ import annotations

import re

# A percentage, bare or in brackets, standing after a number (a count, or another cell of the row).
SHARE = re.compile(r"(?<=\d)(\s+)(\(?\d{1,3}(?:\.\d+)?\s?%\)?)(?=\s|$)")
# A heading that names a percentage column.
HEADING = re.compile(r"(\s+)(%|%\s*of\s+total|%age|percentage|percent|per\s+cent|proportion)(?=\s|$)", re.IGNORECASE)


def mask_shares(view: list[str]) -> tuple[list[str], dict[int, str]]:
    """The view with percentages beside counts (and the headings of their columns, on the line above a run of
    them) taken out, and the percentages taken out by view line (1-based)."""
    out, taken = list(view), {}
    for k, line in enumerate(view):
        if "\t" in line or "|" in line:
            continue
        found = [m.group(2) for m in SHARE.finditer(line)]
        if found and any(c.isdigit() for c in SHARE.sub("", line)):
            out[k] = _drop(line, SHARE)
            taken[k + 1] = ", ".join(found)
    heads = set()
    for k in sorted(taken):
        above = k - 1
        while above >= 1 and not view[above - 1].strip():
            above -= 1
        if above >= 1 and above not in taken:
            heads.add(above)
    for h in heads:
        if "\t" not in view[h - 1] and "|" not in view[h - 1]:
            out[h - 1] = _drop(view[h - 1], HEADING)
    return out, taken


def _drop(line: str, pattern: re.Pattern) -> str:
    """The line without the pattern's cells: blanked where columns are aligned by runs of spaces (so the other cells
    keep their place), cut with the space before them where cells are single-spaced."""
    if re.search(r"\S {2,}\S", line):
        return pattern.sub(lambda m: " " * len(m.group(0)), line).rstrip()
    return pattern.sub("", line).rstrip()
