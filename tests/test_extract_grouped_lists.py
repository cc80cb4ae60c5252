"""Lists of the same labels, each under its own short heading (issue 25, labels are part of the answer): the heading
is the outer row label, so `2019 – 12` under `Rape` is not told apart from `2019 – 30` under `Sexual assault` by
line alone. Every fixture is constructed (first line says so)."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


@pytest.mark.parametrize("name, first, second", [
    ("lists-under-headings", ("Rape", "2019", 12, 4), ("Sexual assault", "2020", 28, 8)),
    ("lists-under-headings-blank-lines", ("Rape", "2019", 12, 5), ("Sexual assault", "2020", 28, 11)),
    ("lists-under-number-of-headings", ("Number of arrests", "2019/20", 12, 4), ("Number of charges", "2020/21", 4, 9))])
def test_each_list_carries_its_heading_as_the_outer_row_label(name, first, second):
    result = extract((FIXTURES / f"{name}.txt").read_bytes())
    (table,) = result.tables
    rows = [tuple(r[d] for d in table.dims) + (r["value"], r["line"]) for r in table.rows]
    assert rows[0] == first and rows[-1] == second and len(rows) == 4
    assert table.dims[0] == "category" and result.unchecked == []


def test_a_single_list_under_a_heading_is_unchanged():
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nRape\n2019 – 12\n2020 – 15\n"
    (table,) = extract(text.encode()).tables
    assert table.dims == ["year"] and [r["year"] for r in table.rows] == ["2019", "2020"]


def test_lists_with_other_labels_under_headings_stay_apart():
    text = ("CONSTRUCTED TEST FIXTURE: not a police response.\n\nArrests\nMale – 12\nFemale – 15\n"
            "Outcomes\nCharged – 3\nCautioned – 4\n")
    assert len(extract(text.encode()).tables) == 2
