"""A web table saved one cell a line, whose empty cell was saved as nothing (a blank line, or no line at all): under a
header of years one a line, a reading of one value a row is wrong (before, `Offence / 2019 / 2020 / Rape / (empty) /
15 / Assault / 30 / 28` gave Rape 15 and Assault 30 with no year, and 28 unread). Each value is proposed under its
own row and year, or not at all."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
RIGHT = {(("Rape", "2019"), 12), (("Rape", "2020"), 15), (("Assault", "2019"), 30), (("Assault", "2020"), 28),
         (("Rape", "2021"), 9), (("Assault", "2021"), 31)}
EMPTY = ["", "|", "\u00a0|", "\u00a0", None]  # None: the empty cell has no line at all


def body(empty: str | None, pipe: bool, at: int, years: int = 2) -> str:
    cells = ["Offence"] + ["2019", "2020", "2021"][:years] + ["Rape"] + ["12", "15", "9"][:years] + \
            ["Assault"] + ["30", "28", "31"][:years]
    labelled = [c + " |" if pipe else c for c in cells]
    labelled[at] = empty
    return "\n".join(c for c in labelled if c is not None) + "\n"


def readings(text: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + text + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("at", [4, 5, 7, 8])
@pytest.mark.parametrize("pipe", [False, True])
@pytest.mark.parametrize("empty", EMPTY, ids=["blank", "pipe", "nbsp-pipe", "nbsp", "no-line"])
def test_an_empty_cell_saved_as_nothing_lends_no_value_a_wrong_label(empty, pipe, at):
    got = readings(body(empty, pipe, at))
    assert got <= RIGHT, got - RIGHT


@pytest.mark.parametrize("at", [5, 6, 9, 10])
@pytest.mark.parametrize("empty", EMPTY, ids=["blank", "pipe", "nbsp-pipe", "nbsp", "no-line"])
def test_an_empty_cell_in_a_three_year_table_lends_no_value_a_wrong_label(empty, at):
    got = readings(body(empty, False, at, years=3))
    assert got <= RIGHT, got - RIGHT


def test_periods_one_a_line_with_a_value_each_still_read():
    got = readings("How many orders were applied for?\n1st January 2020 - 1st January 2021\n0\n"
                   "2nd January 2021 - 31st January 2022\n2\n")
    assert all(v in (0, 2) for _, v in got)
