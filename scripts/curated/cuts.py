"""Why an answer's quote is cut so that it misleads: the rules a reader review found, checked at load, not after."""
from __future__ import annotations

import re

# The opener of a sentence that says which question it answers: "In relation to question 6," / "questions 1, 4 and 6,".
OPENER = re.compile(r"in relation to questions? [\d, and]+,\s*$", re.I)
FIGURE_END = re.compile(r"=\s*\d+\s*$")  # an 'X = N' line ends with its figure
ONE_CELL = re.compile(r"[^|]*\|\s*")  # one cell of a pipe table, its bar and nothing else


def cut(quote: str, lines: list[str]) -> str | None:
    """What a quote leaves out that changes its meaning, or None; `lines` are the lines of the text it stands on."""
    if ONE_CELL.fullmatch(quote):
        return "it is one cell of a table; quote the whole row, or the sentence that answers the question"
    head = " ".join(quote.split("\n")[0].split())[:30]
    flat = " ".join(lines[0].split())
    if head and head in flat and OPENER.search(flat[:flat.find(head)]):
        return "it leaves out the 'In relation to question N,' that opens its sentence, which says which question it answers; " \
               "start the quote there"
    if len(lines) == 1 and FIGURE_END.search(lines[0]) and not FIGURE_END.search(quote):
        return "it stops before the figure its line ends with ('= N'); quote the line to its end"
    return None
