"""Read one cell or one line of a police response: numbers, nil words, suppression markers, totals, codes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..curated.markers import status_of

NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)$")
TIME_UNITS = r"(?:years?|months?|weeks?|days?|hours?|hrs|minutes?|mins|seconds?|%|per\s*cent)"
NUMBER_WITH_UNIT = re.compile(rf"^(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?!{TIME_UNITS}\b)[A-Za-z][A-Za-z ]*$", re.IGNORECASE)
TOTAL = re.compile(r"^(?:cyfanswm\s*/\s*)?(grand\s+total|sub[\s-]?total|totals?|total\s+count|sum|all)(?:\s*/\s*cyfanswm)?\s*:?$",
                   re.IGNORECASE)  # in English, or in English and Welsh (`Total / Cyfanswm`)
YEAR = re.compile(r"^(19|20)\d{2}(\s*[/-]\s*(\d{2}|(19|20)\d{2}))?$")
JOINING = "with|of|and|or|to|in|for|the|a|an|on|by|at|from|under|over|not|than|between"  # words that join, never head
YEARS = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")  # a calendar year alone, as a label or a heading
AGE = re.compile(r"^(under\s+\d+('?s)?|\d+\s*(-|–|to)\s*\d+(\s*years?)?|\d+\s*\+|\d+\s+(and|or)\s+(over|under|above|below)"
                 r"|over\s+\d+|\d+|unknown.*|not\s+(known|recorded).*)$", re.IGNORECASE)
GENDER = re.compile(r"^(male|female|males|females|boys?|girls?|men|women|unknown|not\s+(known|recorded|stated)|other)(\s+\w+)?$",
                    re.IGNORECASE)
CODE = re.compile(r"(?<![\d/])(0?\d{2,3}[A-Z]?)\s?/\s?(\d{1,2})(?![\d/])")
MOJIBAKE = {"â€“": "–", "â€”": "—", "â€œ": "“", "â€\x9d": "”", "â€™": "’", "â€˜": "‘", "Â ": " ", "Ã©": "é"}
PAGE_BREAK = re.compile(r"^\s*(\f|page\s+\d+(\s+of\s+\d+)?|-+\s*page break\s*-+|continued( overleaf)?\.?|\(continued\))\s*$",
                        re.IGNORECASE)
DIM_WORDS = ("outcome", "offence", "platform", "keyword", "gender", "month", "quarter", "year", "age", "method", "area")


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
    while len(text) > 1 and text[0] == "*" and status_of(text) is None:
        text = text[1:].lstrip()
    while len(text) > 1 and text[-1] == "*":
        text = text[:-1].rstrip()
    return text.strip()


def plausible(digits: str) -> bool:
    """A count as forces write one: no leading zero (086 is a code), and six bare digits or more is an id."""
    bare = digits.replace(",", "")
    return (bare == "0" or not bare.startswith("0")) and ("," in digits or len(bare) <= 5)


def read_cell(raw: str, units: bool = False) -> Cell:
    """Classify a cell; with `units`, "2 Offence" counts as the number 2 (never "2 years")."""
    status = status_of(raw)
    if status in ("blank", "suppressed"):
        return Cell(raw, status, None)
    text = unwrap(raw)
    if NUMBER.match(text):
        return Cell(raw, "reported", int(text.replace(",", ""))) if plausible(text) else Cell(raw, None, None)
    unit = NUMBER_WITH_UNIT.match(text) if units else None
    if unit and plausible(unit.group(1)):
        return Cell(raw, "reported", int(unit.group(1).replace(",", "")))
    status = status_of(text)
    if status in ("nil", "suppressed"):
        return Cell(raw, status, 0 if status == "nil" else None)
    return Cell(raw, None, None)


def is_value(raw: str) -> bool:
    """A cell that holds a value (a number, a nil word, a suppression marker), not a blank and not text."""
    return read_cell(raw).status in ("reported", "nil", "suppressed")


def is_total(label: str) -> bool:
    """A row or column label that states a total ("Total", "Grand Total", "Sum:", "All")."""
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


def dim_name(labels: list[str], heading: str | None, default: str) -> str:
    """A dimension's name: from its heading when it has one, else from what its labels are (years, ages, genders)."""
    if heading and unwrap(heading):
        return snake(heading, default)
    named = [unwrap(x) for x in labels if not is_total(x)]
    if named and all(YEAR.match(x) for x in named):
        return "year"
    if named and all(GENDER.match(x) for x in named):
        return "gender"
    if named and all(AGE.match(x) for x in named) and any(re.search(r"\d", x) for x in named):
        return "age_band"
    return default


def dim_from_caption(caption: str | None, default: str) -> str:
    """A dimension's name from a table's caption or header text when it names one (outcome, offence, age...)."""
    words = re.findall(r"[a-z]+", (caption or "").lower())
    return next((w for w in DIM_WORDS for x in words if x.startswith(w)), default)


def codes_in(text: str) -> list[str]:
    """Home Office codes written like 86/2 or 086/02 in a piece of text, normalised (86/2); not years (21/22)."""
    out = []
    for a, b in CODE.findall(text):
        number = int(a[:-1]) if a[-1].isalpha() else int(a)
        if number <= 200 and not (len(a) == 2 == len(b) and int(b) == number + 1):
            out.append(f"{number}{a[-1] if a[-1].isalpha() else ''}/{int(b)}")
    return out


def first_fall(numbers: list[int | None], across_words: bool = False) -> int | None:
    """Where bare numbers that label rows stop rising (ages 13 14 15 label rows; 12 30 28 are counts read as labels):
    the index of the first number not above the one before it, or None. None in the list is a worded label, which
    starts a new run (`Male`, 13, 14, `Female`, 13, 14) unless `across_words`."""
    last = None
    for k, n in enumerate(numbers):
        if n is None:
            last = last if across_words else None
        elif last is not None and n <= last:
            return k
        else:
            last = n
    return None
