"""A percentage beside a count ('Charged 12 40%') is a share, not a count: the readers see the line without it (and a
header's matching '%' or 'Percentage' column), so they read the count, and the percentage is reported, never proposed."""
from __future__ import annotations

import re

# A trailing percentage, bare or in brackets, after a count on a line with no tab or | delimiter.
SHARE = re.compile(r"(?<=\d)(\s+\(?\d{1,3}(?:\.\d+)?\s?%\)?)\s*$")
# A header whose last heading names the percentage column.
HEADING = re.compile(r"(\s+(?:%|%\s*of\s+total|percentage|percent|per\s+cent|proportion))\s*$", re.IGNORECASE)


def mask_shares(view: list[str]) -> tuple[list[str], dict[int, str]]:
    """The view with trailing percentages (and their heading, on the line above a run of them) taken out, and the
    percentages taken out by view line (1-based)."""
    out, taken = list(view), {}
    for k, line in enumerate(view):
        if "\t" in line or "|" in line:
            continue
        found = SHARE.search(line)
        if found:
            out[k] = line[:found.start(1)]
            taken[k + 1] = found.group(1).strip()
    for k in sorted(taken):
        above = k - 1
        while above >= 1 and not view[above - 1].strip():
            above -= 1
        if above >= 1 and above not in taken and HEADING.search(out[above - 1]) and not SHARE.search(view[above - 1]):
            out[above - 1] = out[above - 1][:HEADING.search(out[above - 1]).start(1)]
    return out, taken
