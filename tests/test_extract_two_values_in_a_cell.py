"""Two values in one cell (`12 / 40` under `Charged / Recorded`, `12 (3%)`, `12 [note 1]`): each value is proposed under
its own heading or not at all. When the cells are cut so that a count ends up inside its row label (`Rape 12` beside
40, read from `Rape 12 / 40` under `Offence Charged / Recorded`), the reading is refused: before, 40 was proposed
under the row label 'Rape 12'."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
TWO = {
    "slash": "Offence Charged / Recorded\nRape 12 / 40\nAssault 30 / 90\n",
    "slash-three": "Offence Charged / Recorded\nRape 12 / 40\nAssault 30 / 90\nSexual activity with a child 4 / 11\n",
    "slash-tight": "Offence Charged/Recorded\nRape 12/40\nAssault 30/90\n",
    "pipe-cell": "| Offence | Charged / Recorded |\n| Rape | 12 / 40 |\n| Assault | 30 / 90 |\n",
    "tab-cell": "Offence\tCharged / Recorded\nRape\t12 / 40\nAssault\t30 / 90\n",
    "pct": "Offence 2019 2020\nRape 12 (3%) 15 (4%)\nAssault 30 (8%) 28 (7%)\n",
    "note": "Year Offences\n2019 12 [note 1]\n2020 15\n",
    "letter": "Year Offences\n2019 12 (a)\n2020 15\n2021 9 (b)\n",
}
RIGHT = {(("Rape", "Charged"), 12), (("Rape", "Recorded"), 40), (("Assault", "Charged"), 30),
         (("Assault", "Recorded"), 90), (("Sexual activity with a child", "Charged"), 4),
         (("Sexual activity with a child", "Recorded"), 11), (("Rape", "2019"), 12), (("Rape", "2020"), 15),
         (("Assault", "2019"), 30), (("Assault", "2020"), 28), (("2019", "Offences"), 12), (("2020", "Offences"), 15),
         (("2021", "Offences"), 9)}


def readings(body: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("name", sorted(TWO))
def test_two_values_in_a_cell_are_each_under_their_own_heading_or_not_read(name):
    got = readings(TWO[name])
    assert got <= RIGHT, got - RIGHT


@pytest.mark.parametrize("labels", [("Station 1", "Station 2"), ("Area 3", "Area 4"), ("Cohort 1", "Cohort 2"),
                                    ("Team 7", "Team 9")])
def test_labels_that_carry_their_own_number_are_still_read(labels):
    got = readings(f"Place\tOffences\n{labels[0]}\t12\n{labels[1]}\t30\n")
    assert got == {((labels[0], "Offences"), 12), ((labels[1], "Offences"), 30)}
