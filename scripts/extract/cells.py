"""Read one cell or one line of a police response: numbers, nil words, suppression markers, totals, codes."""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)$")
NUMBER_WITH_UNIT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)\s+[A-Za-z][A-Za-z ]*$")  # "2 Offence", "10 Offences"
NIL = re.compile(r"^(nil return|nil|none|zero)$", re.IGNORECASE)
SUPPRESSED = re.compile(r"^(\*|<\s*\d+|-|–|—|x|c|redacted|\[redacted\])$", re.IGNORECASE)
TOTAL = re.compile(r"^(grand\s+total|sub[\s-]?total|totals?|sum)\s*:?$", re.IGNORECASE)
YEAR = re.compile(r"^(19|20)\d{2}(\s*[/-]\s*(\d{2}|(19|20)\d{2}))?$")
AGE = re.compile(r"^(under\s+\d+('?s)?|\d+\s*(-|–|to)\s*\d+|\d+\s*\+|\d+\s+and\s+(over|under)|\d+)$", re.IGNORECASE)
CODE = re.compile(r"(?<![\d/])(0?\d{2,3}[A-Z]?)/(\d{1,2})(?![\d/])")
MOJIBAKE = {"â€“": "–", "â€”": "—", "â€œ": "“", "â€\x9d": "”", "â€™": "’", "â€˜": "‘", "Â ": " ", "Ã©": "é"}
PAGE_BREAK = re.compile(r"^\s*(\f|page\s+\d+(\s+of\s+\d+)?|-+\s*page break\s*-+|continued( overleaf)?\.?|\(continued\))\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A cell as written and what it says: a number, a nil, a suppression, a blank, or text."""

    text: str
    status: str | None  # reported, nil, suppressed, blank, or None for text
    value: int | None


def unwrap(text: str) -> str:
    """Drop Markdown emphasis and bullet markers that conversions leave around a cell."""
    text = text.strip()
    text = re.sub(r"^(?:[-•·]\s+|\d+\.\s+(?=[A-Za-z]))", "", text) if not NUMBER.match(text) else text
    while len(text) > 1 and text[0] == "*" and not SUPPRESSED.match(text):
        text = text[1:].lstrip()
    while len(text) > 1 and text[-1] == "*":
        text = text[:-1].rstrip()
    return text.strip()


def read_cell(raw: str, units: bool = False) -> Cell:
    """Classify a cell; with `units`, "2 Offence" counts as the number 2."""
    text = raw.strip()
    if text == "":
        return Cell(raw, "blank", None)
    if SUPPRESSED.match(text):
        return Cell(raw, "suppressed", None)
    text = unwrap(text)
    if NUMBER.match(text):
        return Cell(raw, "reported", int(text.replace(",", "")))
    if units and NUMBER_WITH_UNIT.match(text):
        return Cell(raw, "reported", int(NUMBER_WITH_UNIT.match(text).group(1).replace(",", "")))
    if NIL.match(text):
        return Cell(raw, "nil", 0)
    if SUPPRESSED.match(text):
        return Cell(raw, "suppressed", None)
    return Cell(raw, None, None)


def is_total(label: str) -> bool:
    """A row or column label that states a total ("Total", "Grand Total", "Sum:")."""
    return bool(TOTAL.match(unwrap(label)))


def repair(text: str) -> tuple[str, list[str]]:
    """Undo common mis-encodings (UTF-8 read as Windows-1252) for parsing; say which were found."""
    found = [bad for bad in MOJIBAKE if bad in text]
    for bad in found:
        text = text.replace(bad, MOJIBAKE[bad])
    return text, found


def snake(text: str, default: str) -> str:
    """A column name from a heading: lower case, words joined by underscores."""
    name = re.sub(r"[^a-z0-9]+", "_", unwrap(text).lower()).strip("_")
    return name if name and name[0].isalpha() else default


def codes_in(text: str) -> list[str]:
    """Home Office codes written like 86/2 or 086/02 in a piece of text, normalised (86/2)."""
    return [f"{int(a[:-1]) if a[-1].isalpha() else int(a)}{a[-1] if a[-1].isalpha() else ''}/{int(b)}" for a, b in CODE.findall(text)]
