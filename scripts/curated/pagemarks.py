"""Page marks a PDF saved as text leaves inside a table (`Page 2 of 3`, `OFFICIAL`, the letter's reference line): the
build's citation check looks past them for a table's header, as the extractor's readers do."""
from __future__ import annotations

import re

PAGE_MARK = re.compile(
    r"^\s*(?:\f|official(?:\s*[-–:]\s*(?:sensitive|for public release))?|not\s+protectively\s+marked|unclassified|restricted"
    r"|page\s+\d+(?:\s+of\s+\d+)?|-\s*\d{1,3}\s*-|\d{1,3}\s+of\s+\d{1,3}|-+\s*page break\s*-+|continued(?: overleaf)?\.?"
    r"|\(continued\))\s*$",
    re.IGNORECASE)
# A letter's running head or foot beside a page mark: its reference, or the Act's name.
LETTER_LINE = re.compile(r"^\s*(?:(?:our|your|foi|request)\s+)?ref(?:erence)?(?:\s+(?:no\.?|number))?\s*[:.]?\s*\S+"
                         r"|^\s*freedom\s+of\s+information\b|^\s*foi\s+(?:request\s+)?(?:ref|reference|no\.?|number)?\s*[:.]?\s*[\w/-]*\d",
                         re.IGNORECASE)


def _in_break(line: str | None) -> bool:
    return line is not None and (not line.strip() or bool(PAGE_MARK.match(line)) or bool(LETTER_LINE.match(line)))


def page_break_above(lines: list[str], n: int) -> int | None:
    """When line n (1-based) is inside a page break (blank lines, letter lines and at least one page mark), the line just
    above the break; else None."""
    if not 1 <= n <= len(lines) or not _in_break(lines[n - 1]):
        return None
    top, bottom = n, n
    while top > 1 and _in_break(lines[top - 2]):
        top -= 1
    while bottom < len(lines) and _in_break(lines[bottom]):
        bottom += 1
    marked = any(PAGE_MARK.match(lines[k - 1]) for k in range(top, bottom + 1))
    return top - 1 if marked and top > 1 else None
