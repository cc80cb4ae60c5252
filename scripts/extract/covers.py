"""Report covers and letterheads hold no counts: a title with its letters spaced out, a table of contents, and labels
that name what a number identifies (a page, a version, a reference) rather than what it counts. Their numbers are
reported as not data, never proposed, whichever reader found them."""
from __future__ import annotations

import re

from .tidy import Proposed

# A title whose letters a PDF spaced out ("A r r e s t s   2 0 1 9"): most of its words are single characters.
SPACED_OUT = re.compile(r"^\s*(?:\S\s+){3,}\S\s*$")
CONTENTS = re.compile(r"^\s*(?:table\s+of\s+)?contents\s*:?\s*(?:\d{1,3}\s*)?$", re.IGNORECASE)
# A contents entry: words (a section's number may lead), then the page it starts on.
ENTRY = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?[A-Za-z].*?[\s.…]+(\d{1,3})\s*$")
# Words that name what the number after them identifies, not what it counts.
IDENTIFIES = re.compile(r"^(?:pages?|page\s+no\.?|p\.|version|v|edition|volume|vol\.?|issue|release|ref(?:erence)?\.?"
                        r"|our\s+ref\.?|your\s+ref\.?|foi(?:\s+ref(?:erence)?)?|tel(?:ephone)?\.?|fax|phone|ext(?:ension)?\.?"
                        r"|date|time|published|issn|isbn|section|s\.|tables?|figure|charts?|appendix|appendices|annex(?:es)?|po\s+box|box|dx)$",
                        re.IGNORECASE)
LONE = re.compile(r"^\f?\s*\d{1,3}\s*\f?\s*$")  # a number alone on its line
YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Words and numbers run together, as a PDF with broken spacing leaves them ("Published12March20 21", "Page1of 12"):
# two lower-case letters then a digit, or a digit then two lower-case letters that are no ordinal, time or unit.
GLUED = re.compile(r"[a-z]{2}\d|\d(?!(?:st|nd|rd|th|am|pm|hrs?|mins?|yrs?|secs?|kg|km|mm|cm|ml|mph)\b)[a-z]{2}")


def cover_lines(lines: list[str]) -> dict[int, str]:
    """The 1-based numbers of the lines that are a cover's title spaced out or a table of contents, with the reason."""
    out: dict[int, str] = {}
    for n, line in enumerate(lines, start=1):
        words = line.split()
        if SPACED_OUT.match(line) and sum(w.isalpha() for w in words) >= 3:  # letters, not a row of digits
            out[n] = "a title with its letters spaced out"
        elif GLUED.search(line) and len(line) < 200:
            out[n] = "words and numbers run together (a PDF's broken spacing): the numbers cannot be told apart"
    out.update(_one_letter_a_line(lines))
    for n, line in enumerate(lines, start=1):
        if LONE.match(line) and (_gap(lines, n, -1) or "\f" in line) and (_gap(lines, n, 1) or "\f" in line):
            out[n] = "a page number: a number alone at a page's foot"
        if CONTENTS.match(line):
            out.update(_entries(lines, n))
    return out


def _split_tail(label: str) -> bool:
    """A label that ends where a stray space split a number: `Page 1 of`, `request 2021/17` (no financial year),
    `reference 01/FOI/21/0123`, `2020/`; not a whole date (`01/04/23 to 31/03/24`)."""
    words = label.split()
    if not words:
        return False
    last = words[-1]
    if re.search(r"\b\d+\s+of$", label) or (re.search(r"\d", last) and last[-1] in "/-"):
        return True
    if re.search(r"[A-Za-z]", last) and len(re.findall(r"[/.]", last)) >= 2 and re.search(r"\d[/.]\w+[/.]\w*\d", last):
        return True
    fy = re.fullmatch(r"((?:19|20)\d{2})/(\d{2})", last)
    return bool(fy) and int(fy.group(2)) != (int(fy.group(1)) + 1) % 100


def _one_letter_a_line(lines: list[str]) -> dict[int, str]:
    """A word set one character a line (`A`, `r`, `r`, `e`, `s`, `t`, `s`, `2`, `0`), as a narrow PDF box saves a title:
    a run of four or more one-character lines (blank lines aside) with three letters in a row among them."""
    out: dict[int, str] = {}
    run: list[int] = []
    for n, line in enumerate(lines + ["end"], start=1):
        text = line.strip(" \t\r")
        if not text:
            continue
        if len(text) == 1:
            run.append(n)
            continue
        chars = "".join(lines[k - 1].strip(" \t\r") for k in run)
        if len(run) >= 4 and re.search(r"[A-Za-z]{3}", chars):
            out.update({k: "a word set one character a line" for k in run})
        run = []
    return out


def _gap(lines: list[str], n: int, step: int) -> bool:
    """Two blank lines (or a page break, or the text's end) beside line n, on the side `step` points to."""
    near = [lines[k - 1] for k in (n + step, n + 2 * step) if 1 <= k <= len(lines)]
    return any("\f" in x for x in near) or all(not x.strip(" \t\r") for x in near)  # a no-break space is a cell


def _entries(lines: list[str], heading: int) -> dict[int, str]:
    """The contents entries under a `Contents` heading: lines ending in a page number that never falls, up to the first
    line that is neither blank nor an entry. Pages that fall are not a contents list: nothing is taken."""
    taken, pages = {}, []
    for n in range(heading + 1, len(lines) + 1):
        line = lines[n - 1]
        if not line.strip():
            continue
        m = ENTRY.match(line)
        if not m:
            break
        taken[n], pages = "a table of contents: the numbers are pages", pages + [int(m.group(1))]
    if len(pages) < 2 or any(b < a for a, b in zip(pages, pages[1:])):
        return {}
    return taken


def identifier_label(table: Proposed, at=lambda k: k) -> str | None:
    """Why a reading's rows are not counts, or None: a label that names what its number identifies (`Page 3`,
    `Version 2`, `Ref 1755`), or every value a year read as the count of an earlier year (a period `2010` to `2020`
    split over lines; one such value among counts may be a count)."""
    later = []
    for row in table.rows:
        labels = [str(row[d]).strip() for d in table.layout_rows + table.layout_columns]
        for label in labels:
            if IDENTIFIES.match(label.rstrip(":").strip()):
                return (f"line {at(row['line'])}: the label {label!r} names what its number identifies (a page, a "
                        "version, a reference, a date), not what it counts; nothing proposed")
        if table.layout_rows and _split_tail(str(row[table.layout_rows[-1]]).strip()):
            return (f"line {at(row['line'])}: the row label {str(row[table.layout_rows[-1]]).strip()!r} ends in part of "
                    "a reference, a date or a page's 'N of M': its number was split by a stray space; nothing proposed")
        if row.get("value") is None:
            continue
        value = str(row["value"])
        later.append(bool(YEAR.match(value)) and any(YEAR.match(label) and int(label) < int(value) for label in labels))
    if later and all(later):
        return (f"lines {at(table.rows[0]['line'])}-{at(table.rows[-1]['line'])}: every value is a year standing as the "
                "count of an earlier year: a period split over lines, not counts; nothing proposed")
    return None
