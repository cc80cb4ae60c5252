"""The verbatim response text: find quotes in it and prove numbers stand on their lines."""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass

from .markers import ALIGNED_GAP, BLANK_ON_LINE, NIL_ON_LINE, SUPPRESSED_ON_LINE, described, status_of

# A whole number as written: not part of a word, a code (086/02) or a date (01.01.2017).
NUMBER = re.compile(r"(?<![\w/.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w/]|[.,]\d)")
# The value markers (nil words, suppression markers, blank cells) come from scripts/curated/markers.py, the one
# vocabulary the extractor uses too. On a line aligned with spaces (no tabs or pipes) a wide gap can hide
# an empty cell, so there a blank cannot be disproved from the line alone (see stands_on).
NIL, SUPPRESSED, BLANK_CELL = NIL_ON_LINE, SUPPRESSED_ON_LINE, BLANK_ON_LINE  # the names other modules knew them by


@dataclass(frozen=True)
class Span:
    """Where a quote stands: first and last line, 1-based."""

    start: int
    end: int


_WORD = re.compile(r"\S+")


class ResponseText:
    """The bytes of response.txt, decoded, with line and quote look-ups."""

    def __init__(self, data: bytes):
        self.data = data
        self.text = data.decode("utf-8")
        self.lines = self.text.split("\n")
        self.sha256 = hashlib.sha256(data).hexdigest()
        self._flat, self._line_at = self._flatten(self.text)

    @staticmethod
    def _flatten(text: str) -> tuple[str, list[int]]:
        """Collapse whitespace runs to one space (none before the first word), remembering each character's line.

        A run's space stands on the line where the run starts, the line of the word before it. Word by word, not
        character by character: this runs once per request and was a tenth of loading one.
        """
        parts: list[str] = []
        where: list[int] = []
        line, end = 1, 0
        for m in _WORD.finditer(text):
            if parts:
                parts.append(" ")
                where.append(line)
            line += text.count("\n", end, m.start())
            parts.append(m.group())
            where.extend([line] * (m.end() - m.start()))
            end = m.end()
        if parts and end < len(text):
            parts.append(" ")
            where.append(line)
        return "".join(parts), where

    def find(self, quote: str) -> Span | None:
        """Locate a quote (whitespace may differ, every other character must match)."""
        flat = " ".join(quote.split())
        at = self._flat.find(flat) if flat else -1
        if at < 0:
            return None
        return Span(self._line_at[at], self._line_at[at + len(flat) - 1])

    def find_all(self, quote: str) -> list[Span]:
        """Every place a quote stands, in order (whitespace may differ)."""
        flat = " ".join(quote.split())
        spans, at = [], self._flat.find(flat) if flat else -1
        while at >= 0:
            spans.append(Span(self._line_at[at], self._line_at[at + len(flat) - 1]))
            at = self._flat.find(flat, at + 1)
        return spans

    def where(self, quote: str) -> tuple[int, int] | None:
        """Where a quote stands as character offsets of the whitespace-folded text (first occurrence), to compare spans."""
        flat = " ".join(quote.split())
        at = self._flat.find(flat) if flat else -1
        return (at, at + len(flat)) if at >= 0 else None

    def count(self, quote: str) -> int:
        """How many times a quote stands in the text (whitespace may differ)."""
        flat = " ".join(quote.split())
        return self._flat.count(flat) if flat else 0

    def line(self, number: int) -> str | None:
        """The text of a 1-based line, or None when out of range."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else None


def numbers_on(line: str) -> list[int]:
    """Every whole number written on a line (thousands separators allowed)."""
    return [int(m.group(1).replace(",", "")) for m in NUMBER.finditer(line)]


def value_cells(line: str) -> str:
    """The part of a line that can hold values: for a tab- or pipe-separated row, the cells after its label."""
    for sep in ("\t", "|"):
        if sep in line:
            cells = line.strip().strip("|").split(sep) if sep == "|" else line.split(sep)
            if len(cells) > 1:
                return sep.join(cells[1:])
    return line


def comma_cells(line: str) -> list[str]:
    """The value cells of a comma-separated row (`Rape,12,15`, a CSV export pasted into a letter), digits only, or []:
    a label cell with a letter in it (or a year, a band, or a number of up to three digits), then cells that are each a whole number (quoted when it has a
    thousands separator), a value marker or empty. A label ending in a digit needs two value cells, the first not of
    three digits, so that the row never reads a thousands separator as a cell ('Offences: 1,234' is 1234, never 234)."""
    if "\t" in line or "|" in line or "," not in line:
        return []
    try:
        cells = next(csv.reader([line.strip()], skipinitialspace=True))
    except (csv.Error, StopIteration):
        return []
    label, rest = cells[0].strip(), [c.strip() for c in cells[1:]]
    year = bool(re.fullmatch(r"(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?", label))
    band = bool(re.fullmatch(r"\d{1,3}\s*(?:[-–]|to)\s*\d{1,3}", label))  # an age band, `10-17`
    number = bool(re.fullmatch(r"\d{1,3}", label))  # an age or an item number, `13`: needs two value cells (below)
    if not rest or not (year or band or number or re.search(r"[^\W\d_]", label)) or \
            not all(re.fullmatch(r"\d+|\d{1,3}(?:,\d{3})+", c) or not c or status_of(c) for c in rest):
        return []
    if not year and label[-1].isdigit() and (len(rest) < 2 or re.fullmatch(r"\d{3}", rest[0])):
        return []
    return [c.replace(",", "") if re.fullmatch(r"[\d,]+", c) else c for c in rest]


def stands_on(status: str, value: int | None, line: str) -> str | None:
    """Why a value with this status does not stand on the line, or None when it does."""
    if status == "reported":
        if value not in numbers_on(value_cells(line)) and str(value) not in comma_cells(line):
            return f"{value} is not written on the line" + (" (outside its label cell)" if value in numbers_on(line) else "")
    elif status == "nil":
        if not NIL_ON_LINE.search(line) and not any(status_of(c) == "nil" for c in comma_cells(line)):
            return f"the line has no nil word ({described('nil')})"
    elif status == "blank":
        aligned = "\t" not in line and "|" not in line and ALIGNED_GAP.search(line)
        only_space = bool(line) and not line.strip()  # a web table's empty cell saved one cell a line: a no-break space
        if not (BLANK_ON_LINE.search(line) or aligned or only_space or "" in comma_cells(line)):
            return "the line has no blank cell"
    elif status == "suppressed":
        if not SUPPRESSED_ON_LINE.search(line) and not any(status_of(c) == "suppressed" for c in comma_cells(line)):
            return f"the line has no suppression marker ({described('suppressed')})"
    return None
