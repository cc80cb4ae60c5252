"""The readers' candidate readings are weighed on one scale (scripts/extract/choose.py): agreeing readings give the one
that reads most, a clearly better reading wins whatever reader found it, and two that fit equally are not guessed.
Every grid here is CONSTRUCTED (not a police response)."""
from __future__ import annotations

from scripts.extract.choose import choose, refusal, weigh
from scripts.extract.model import Grid, Row

VIEW = ["Offence 2020 2021 Total", "Rape 4 6 10", "Assault 3 2 5", "Total 7 8 15"]


def grid(layout: str, rows: list[list[str]], header: list[str] | None = None) -> Grid:
    return Grid(layout, 1, 4, header=header, header_line=1 if header else None,
                rows=[Row(k + 2, cells) for k, cells in enumerate(rows)])


def test_a_reading_whose_totals_add_up_beats_one_that_cuts_the_rows_elsewhere():
    right = grid("rows run together", [["Rape", "4", "6", "10"], ["Assault", "3", "2", "5"], ["Total", "7", "8", "15"]],
                 ["Offence", "2020", "2021", "Total"])
    wrong = grid("tab", [["Rape 4", "6", "10"], ["Assault 3", "2", "5"], ["Total 7", "8", "15"]], ["Offence 2020", "2021", "Total"])
    kept, refused = choose([weigh(wrong, 0, VIEW), weigh(right, 2, VIEW)], VIEW)
    assert [r.grid.layout for r in kept] == ["rows run together"] and refused == []


def test_two_readings_that_disagree_and_fit_as_well_are_refused_and_reported():
    a = grid("single spaces", [["Rape", "4", "6"], ["Assault", "3", "2"]], ["Offence", "2020", "2021"])
    b = grid("single spaces", [["Rape", "4", "6"], ["Assault", "3", "2"]], ["Offence", "2019", "2020"])
    kept, refused = choose([weigh(a, 4, VIEW), weigh(b, 4, VIEW)], VIEW)
    assert kept == [] and len(refused) == 1
    why = refusal(*refused[0], lambda k: k + 10)
    assert why.startswith("lines 12-13: two readings fit: single spaces (4 values, 2 columns, header line 11")
    assert why.endswith("nothing proposed")


def test_readings_that_agree_give_the_one_that_reads_most():
    short = grid("rows run together", [["Rape", "4", "6"]], ["Offence", "2020", "2021"])
    full = grid("single spaces", [["Rape", "4", "6"], ["Assault", "3", "2"]], ["Offence", "2020", "2021"])
    kept, _ = choose([weigh(short, 2, VIEW), weigh(full, 4, VIEW)], VIEW)
    assert [r.table.values for r in kept] == [4]


def test_a_cell_holding_the_texts_own_delimiter_costs_its_reading():
    clean = weigh(grid("tab", [["Rape", "4", "6"]], ["Offence", "2020", "2021"]), 0, VIEW)
    cut = weigh(grid("rows run together", [["Rape\t<", "4", "6"]], ["Offence", "2020", "2021"]), 2, VIEW)
    assert clean.points - cut.points >= 2 and "delimiters not followed" in cut.why[0]
