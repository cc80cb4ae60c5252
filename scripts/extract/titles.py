"""A title cell in front of a header (`Figures | Offence | 2018 | 2019` over `Rape | 12 | 15`): the header is one cell
longer than its rows, and the rows' label column has its own heading in the second cell. Only then is the first cell
a title; when the second cell is not a label-column heading, a title in front and a heading with no values at the end
cannot be told apart, and the header is left as it is (the reading is refused with that reason)."""
from __future__ import annotations

import re

from .cells import YEAR, is_value, unwrap

LABEL_HEADING = re.compile(r"(?:offence|offence type|crime type|offence group|year|financial year|calendar year|age|age band|age group"
                           r"|area|force area|district|station|gender|sex|ethnicity|month|outcome|outcome type|period"
                           r"|legislation|category|type|name)\s*:?", re.IGNORECASE)  # headings of label columns, singular


def title_cell(header: list[str], widest: int) -> str | None:
    """The title cell in front of a header one cell longer than its widest row, or None when it cannot be told."""
    cells = [unwrap(c) for c in header]
    while cells and not cells[-1]:
        cells = cells[:-1]
    if len(cells) != widest + 1 or widest < 2:
        return None
    first, second = cells[0], cells[1]
    if not first or is_value(first) or YEAR.match(first) or LABEL_HEADING.fullmatch(first):
        return None  # a heading of a label column, a year or a value in front is not a title
    if not (LABEL_HEADING.fullmatch(second) or (not second and all(cells[2:]))):
        return None
    if not re.search(r"[A-Za-z]", first) or any(not c for c in cells[2:]):
        return None
    return header[0].strip()


# A short title line that names a period (`2019`, `2019/20:`, `Year 2020`, `April 2020 - March 2021`).
PERIOD = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?:\s*[/-]\s*(?:(?:19|20)\d{2}|\d{2}))?(?![\d/])")
PERIOD_WORDS = re.compile(r"\b(?:year|years|financial|calendar|fy|to|ending|for|figures|data|period|quarter|q[1-4]|jan(?:uary)?"
                          r"|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
                          r"|nov(?:ember)?|dec(?:ember)?)\b|[^\w]", re.IGNORECASE)


def period_title(lines: list[str], start: int, taken: set[int]) -> tuple[int, str] | None:
    """The title line straight above a table (one blank line between at most) when it names a period and nothing
    else: forces repeat one table a year under such titles, with the same labels, and the title alone tells the
    tables apart. Its line and text, or None."""
    n = start - 1
    if n >= 1 and not lines[n - 1].strip():
        n -= 1
    if n < 1 or n in taken:
        return None
    text = lines[n - 1].strip()
    if not text or len(text) > 60 or len(text.split()) > 6 or text.endswith((".", "?", ";", ",")) or "\t" in text \
            or "|" in text or not PERIOD.search(text) or PERIOD_WORDS.sub("", PERIOD.sub("", text)).strip():
        return None
    return n, text
