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
    """Why the table's row labels are not labels, or None: a label holding a count after a colon, with words after it,
    or the first digits of a count written with a space for the thousands."""
    why = _split_thousands(table, at) or _labels_end_in_counts(table, at)
    if why:
        return why
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


# Words that a number after them belongs to ('section 23', 'Station 4', 'Under 18', 'Q2'): a label's own number.
NUMBERING = re.compile(r"(?:\b(?:s|ss|sections?|parts?|schedules?|regs?|regulations?|rules?|articles?|codes?|stations?|"
                       r"areas?|no|nos|number|grades?|levels?|class|classes|stages?|phases?|categor(?:y|ies)|types?|"
                       r"bands?|groups?|zones?|sectors?|districts?|wards?|divisions?|teams?|units?|tiers?|weeks?|days?|"
                       r"months?|quarters?|q|ages?|aged|under|over|and|to|than|tables?|pages?|cohorts?|rounds?)\.?|[-–/(#])$",
                       re.IGNORECASE)
TRAILING = re.compile(r"^(.*\S)\s+(\d{1,3})$")  # "2020 1": a label that ends in a short bare number


def _split_thousands(table: Proposed, at) -> str | None:
    """'2020 1 234' read as the label '2020 1' and 234: a label ending in a short number, beside a value of three
    digits, in a column whose other labels end in no number, is one count written with a space for the thousands
    (1 234) as likely as a label and a count; which cannot be told."""
    for dim in table.layout_rows:
        labels = {str(row[dim]).strip() for row in table.rows}
        plain = [label for label in labels if not TRAILING.match(label)]
        if not plain:
            continue
        for row in table.rows:
            m = TRAILING.match(str(row[dim]).strip())
            if m and not NUMBERING.search(m.group(1)) and isinstance(row["value"], int) and 100 <= row["value"] <= 999:
                return (f"line {at(row['line'])}: the row label {m.group(0)!r} ends in {m.group(2)}, which may be the "
                        f"thousands of the count beside it ({m.group(2)} {row['value']}), unlike the other row labels; "
                        "nothing proposed")
    return None


def _labels_end_in_counts(table: Proposed, at) -> str | None:
    """Every row label of a column ends in a bare number of its own ('Rape 12', 'Assault 30' beside 40 and 90, from
    'Rape 12 / 40' under 'Offence Charged / Recorded'), and the numbers are not a run (Station 1, 2, 3): each label
    holds a count of the row, so the reading has cut its cells in the wrong place; which cannot be told."""
    for dim in table.layout_rows:
        labels = list(dict.fromkeys(str(row[dim]).strip() for row in table.rows if row["status"] != "blank"))
        found = [TRAILING.match(label) for label in labels]
        if len(labels) < 2 or not all(m and not NUMBERING.search(m.group(1)) for m in found):
            continue
        numbers = [int(m.group(2)) for m in found]
        if all(b == a + 1 for a, b in zip(numbers, numbers[1:])):
            continue
        line = next(row["line"] for row in table.rows if str(row[dim]).strip() == labels[0])
        return (f"line {at(line)}: every row label ends in a number of its own ({', '.join(repr(x) for x in labels[:3])}): "
                "each may hold a count of its row, the cells cut in the wrong place; nothing proposed")
    return None
