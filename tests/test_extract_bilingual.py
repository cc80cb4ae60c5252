"""Labels in English and Welsh (`Offence / Trosedd`, `Rape / Treisio`, `Total / Cyfanswm`), as Welsh forces write
them: one label in two languages, not two levels of labels, and a bilingual total is a total, never a part of the
row above. Before, a two-level reading put the Total row's counts under `Rape / Treisio`."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
ROWS = [("Offence / Trosedd", "2019", "2020"), ("Rape / Treisio", "12", "15"), ("Assault / Ymosod", "30", "28")]
TOTALS = ["Total / Cyfanswm", "Cyfanswm / Total", "TOTAL / CYFANSWM", "Total"]
LAYOUTS = {
    "tab": lambda rows: "\n".join("\t".join(r) for r in rows),
    "pipe": lambda rows: "\n".join("| " + " | ".join(r) + " |" for r in rows),
    "spaces": lambda rows: "\n".join(" ".join(r) for r in rows),
    "aligned": lambda rows: "\n".join(f"{r[0]:<22}{r[1]:>6}{r[2]:>6}" for r in rows),
    "cells": lambda rows: "\n".join(f"{c} |" for r in rows for c in r),
}


def readings(body: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\n\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("total", TOTALS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_bilingual_table_has_one_level_of_row_labels_and_its_total_is_a_total(layout, total):
    got = readings(LAYOUTS[layout](ROWS + [(total, "42", "43")]))
    right = {(("Rape / Treisio", "2019"), 12), (("Rape / Treisio", "2020"), 15), (("Assault / Ymosod", "2019"), 30),
             (("Assault / Ymosod", "2020"), 28), (("Total", "2019"), 42), (("Total", "2020"), 43)}
    assert got <= right, got - right


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_bilingual_total_under_one_row_is_not_that_rows_part(layout):
    got = readings(LAYOUTS[layout](ROWS[:2] + [("Total / Cyfanswm", "12", "15")]))
    right = {(("Rape / Treisio", "2019"), 12), (("Rape / Treisio", "2020"), 15), (("Total", "2019"), 12),
             (("Total", "2020"), 15)}
    assert got <= right, got - right


def test_a_corner_naming_two_levels_still_nests_rows_whose_labels_hold_no_slash():
    got = readings("Offence / Outcome\t2019\t2020\nRape\t\t\nCharged\t4\t5\nNFA\t8\t10\nAssault\t\t\nCharged\t10\t12\n"
                   "NFA\t20\t16\n")
    assert (("Rape", "Charged", "2019"), 4) in got and (("Assault", "NFA", "2020"), 16) in got
