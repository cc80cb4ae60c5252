"""Counts stated in sentences ("There have been 39 offences recorded...", "Of these, 9 involved..."): each is
proposed as a one-row table labelled by its sentence, for a curator to confirm rather than re-type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import FURNITURE
from .numbers import Found, next_label, numbers_in

NEXT_CLAUSE = re.compile(r"^(?:,\s*)?(?:and|or|but|while|whereas|with)\b\s*", re.IGNORECASE)
PAIR_SEP = re.compile(r"(?:\s*[:=–—]|\s+-)\s*$")  # words that end so, just before a count, are that count's label
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\d])")


@dataclass(frozen=True)
class Statement:
    """A count in a sentence: the number, its line, and the sentence (as written on that line) that states it."""

    line: int
    found: Found
    sentence: str
    start: int  # where the sentence starts on the line
    stop: int | None = None  # where the next count on the line starts, if any
    begin: int | None = None  # where the count before it on the line ends, if any

    @property
    def label(self) -> str:
        """What the number counts, as written: the rest of the sentence after it, else the words before it."""
        at = self.found.start - self.start
        raw = self.sentence[at + len(self.found.text): self.stop - self.start if self.stop else None]  # up to the next count
        after = re.sub(r"(?:\s*(?:,|\band\b|\bor\b))+\s*$", "", raw.strip()).rstrip(".,;:–-").strip()
        if (NEXT_CLAUSE.match(after) or next_label(self.sentence[:at], self.sentence[at + len(self.found.text):])) and self.stop:
            after = ""  # `15 and in 2021 there were 9`, `40 Female - 54`: the words after the count are the next count's
        since = max(0, self.begin - self.start) if self.begin else 0  # not the words of the count before it
        before = NEXT_CLAUSE.sub("", self.sentence[since:at].strip().lstrip(",;:–- ")).strip().rstrip(",;:–-").strip()
        if PAIR_SEP.search(self.sentence[since:at]):  # `...: Male - 40`: its label is the words before its own separator
            before = re.split(r"[:?]\s", before)[-1].strip() or before
        return after if (after and after[0].isalpha()) or not before else before


def read_prose(lines: list[str], free: list[bool]) -> list[Statement]:
    """Every count stated in a sentence on the free lines (not restatements: "the 245 incidents")."""
    out = []
    for n, line in enumerate(lines, start=1):
        if not free[n - 1] or FURNITURE.search(line):
            continue
        data = [f for f in numbers_in(line) if f.data]
        counts = [f for f in data if f.count and not f.restated]
        for found in counts:  # a label runs up to the next number that may be data, counted or not ("12 in a caution
            stop = next((f.start for f in data if f.start > found.start), None)  # and 4 in ...": the 4 ends it)
            begin = max((f.start + len(f.text) for f in counts if f.start < found.start), default=None)
            out.append(Statement(n, found, *sentence_of(line, found.start), stop=stop, begin=begin))
    return out


def sentence_of(line: str, at: int) -> tuple[str, int]:
    """The sentence of a line that holds the character at `at`, exactly as written, and where it starts."""
    start = 0
    for m in SENTENCE_END.finditer(line):
        if m.start() > at:
            break
        start = m.end()
    else:
        m = None
    end = m.start() if m else len(line)
    text = line[start:end]
    return text.strip(), start + len(text) - len(text.lstrip())
