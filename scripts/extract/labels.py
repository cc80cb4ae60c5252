"""Labels stay labels: a reading whose row label holds a `label: count` pair of its own ('Total recorded: 2019: 45
2020: 50 2021' over 38) has cut its rows in the wrong place, whatever reader found it; it is not proposed. (Numbers
inside labels in general are common and right: times, bands, grades; only a count after a colon is ruled out.)"""
from __future__ import annotations

import re

from .cells import NUMBER
from .numbers import numbers_in
from .tidy import Proposed


PAIR = re.compile(r"\w:\s*(\d[\d,]*)\s+\S")  # "2019: 45 2020": a count after a colon, more words after it
YEAR_PAIR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:/\d{2})?\s*[-–—:=]\s*(\d[\d,]*?)[,;]?\s+\S")  # "2019 - 12, 2020": a year's count


def count_in_label(table: Proposed, at=lambda k: k) -> str | None:
    """Why the table's row labels are not labels, or None: a label holding a count after a colon, with words after it."""
    for row in table.rows:
        for dim in table.layout_rows:
            label = str(row[dim]).strip()
            if NUMBER.match(label):
                continue  # a row labelled by a number alone: an age, a question's number
            pairs = {m.start(1) for m in PAIR.finditer(label)} | {m.start(1) for m in YEAR_PAIR.finditer(label)}
            counts = [f.text for f in numbers_in(label) if f.data and f.start in pairs]
            if counts:
                return (f"line {at(row['line'])}: the row label {label!r} holds {', '.join(counts)}, which may be counts: "
                        "the rows are cut in the wrong place; nothing proposed")
    return None
