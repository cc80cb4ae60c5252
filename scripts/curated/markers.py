"""The one vocabulary of value markers, shared by the extractor (which proposes) and the build (which checks).

A cell that is not a number is a nil (a word for none, recorded as 0), a suppression (a marker that
withholds the value, recorded as empty) or blank (an empty cell); anything else is text, never a value.
Both sides read these lists only from here, so a value the extractor proposes always passes the build.
"""
from __future__ import annotations

import re

NIL_WORDS = ("nil return", "nil", "none", "zero")
SUPPRESSION_MARKERS = ("[redacted]", "redacted", "*", "-", "–", "—", "x", "c")
LESS_THAN = r"<\s*\d+"  # "<5", "< 10": a count below N, withheld

_NIL = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(NIL_WORDS, key=len, reverse=True))
_SUPPRESSED = "|".join([re.escape(m) for m in sorted(SUPPRESSION_MARKERS, key=len, reverse=True)] + [LESS_THAN])

NIL_CELL = re.compile(rf"^(?:{_NIL})$", re.IGNORECASE)
SUPPRESSED_CELL = re.compile(rf"^(?:{_SUPPRESSED})$", re.IGNORECASE)

# On a whole line: a nil word as a word; a suppression marker standing alone as a cell: after a separator and before
# the end of the line, a pipe, a tab or a wide gap (so the dash in "Snapchat – 4" is not taken for a marker).
NIL_ON_LINE = re.compile(rf"\b(?:{_NIL})\b", re.IGNORECASE)
# In a row of single-spaced cells a star or a "<5" stands alone between spaces before the next cell ("Rape * 6",
# "Grooming <5 7"); a dash there is not taken for a marker, since "Snapchat – 4" separates a label from its count.
SUPPRESSED_ON_LINE = re.compile(rf"(?:^|[\s|:=–—-])(?:{_SUPPRESSED})(?=\s*$|\s*[|\t*]|\s{{2,}})"
                                rf"|(?:^|\s)(?:\*|{LESS_THAN})(?=\s(?:\d|\*|<))", re.IGNORECASE)
# An empty cell: between tabs or pipes, or a line that is only a pipe (a table flattened to one cell a line).
BLANK_ON_LINE = re.compile(r"\t\t|^\t|\t$|\|\s*\||^\s*\||\|\s*$")
# On a line aligned with spaces (no tabs or pipes) a wide gap can hide an empty cell.
ALIGNED_GAP = re.compile(r"\S {3,}\S")


def status_of(cell: str) -> str | None:
    """The status a whole cell's text gives: "nil", "suppressed", "blank", or None (a number or text)."""
    text = cell.strip()
    if not text:
        return "blank"
    if NIL_CELL.match(text):
        return "nil"
    if SUPPRESSED_CELL.match(text):
        return "suppressed"
    return None


def described(status: str) -> str:
    """The markers of a status in words, for messages and guides."""
    if status == "nil":
        return ", ".join(f'"{w.title()}"' for w in NIL_WORDS)
    if status == "suppressed":
        return ", ".join(sorted(SUPPRESSION_MARKERS, key=len) + ["<5"])
    return "an empty cell"
