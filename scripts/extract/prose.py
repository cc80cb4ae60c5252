"""Counts stated in sentences ("There have been 39 offences recorded...", "Of these, 9 involved..."): each is
proposed as a one-row table labelled by its sentence, for a curator to confirm rather than re-type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import FURNITURE
from .numbers import Found, numbers_in

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\d])")


@dataclass(frozen=True)
class Statement:
    """A count in a sentence: the number, its line, and the sentence (as written on that line) that states it."""

    line: int
    found: Found
    sentence: str


def read_prose(lines: list[str], free: list[bool]) -> list[Statement]:
    """Every count stated in a sentence on the free lines (not restatements: "the 245 incidents")."""
    out = []
    for n, line in enumerate(lines, start=1):
        if not free[n - 1] or FURNITURE.search(line):
            continue
        for found in numbers_in(line):
            if found.data and found.count and not found.restated:
                out.append(Statement(n, found, sentence_of(line, found.start)))
    return out


def sentence_of(line: str, at: int) -> str:
    """The sentence of a line that holds the character at `at`, exactly as written."""
    start = 0
    for m in SENTENCE_END.finditer(line):
        if m.start() > at:
            return line[start: m.start()].strip()
        start = m.end()
    return line[start:].strip()
