"""The lines a response puts between a table's header and its rows to say what the figures are (`(numbers)`, `Count`,
`Source: Niche RMS`, `All figures are counts of recorded crimes`): known by their form, so the extractor skips them
and the citation check looks past them to the header above; such a line is never a label."""
from __future__ import annotations

import re

UNIT = re.compile(r"^\((?=[^()]*[A-Za-z])[^()\d]{1,60}\)$")  # a unit in brackets: (numbers), (number of crimes)
WORD = re.compile(r"^(counts?|numbers?|no\.?|volume|frequency)$", re.IGNORECASE)  # a bare unit word: Count
NOTE = re.compile(r"^(sources?|notes?|nb|data source|please note)\s*[:.\-\u2013]\s*\S", re.IGNORECASE)  # Source: X
# A line that says the figures are not counts (shares, money, rates, averages) is never skipped: it is what tells the
# extractor that a column holds no counts ('(%)', '(per cent)', '(rate)', 'Figures are percentages').
NOT_COUNTS = re.compile(r"%|£|\$|€|\bper\b|per ?cent|\b(?:rates?|ratios?|averages?|means?|medians?|shares?|proportions?|costs?"
                        r"|pounds|pence|money|spend|amounts?|values?)\b", re.IGNORECASE)
SAYS = re.compile(r"\b(are|is|were|was|relates?|shows?|includes?|excludes?|represents?|refers?)\b", re.IGNORECASE)


def unit_or_note(text: str) -> str:
    """Which kind of unit or note line the text is: 'unit' (in brackets), 'word' (a bare unit word, which is also a
    cell a header may have), 'note' (a source, a note, or a sentence saying what the figures are), or ''. A line with
    a digit in it is none of them, nor is one that says the figures are shares, money, rates or averages."""
    text = text.strip()
    if not text or re.search(r"\d", text) or len(text) > 120 or NOT_COUNTS.search(text):
        return ""
    if UNIT.match(text):
        return "unit"
    if WORD.match(text):
        return "word"
    if NOTE.match(text) or (len(text.split()) >= 4 and SAYS.search(text) and not text.endswith((":", "?"))):
        return "note"
    return ""
