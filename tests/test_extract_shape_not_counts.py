"""Constructed tables whose cells are derived from counts (a share, rate, average or change column; a Mean or Highest
row; a list under a money or average heading), in the layouts of tests/shapes.py: none of them is ever proposed as a
count, whichever reader takes the rows."""
from __future__ import annotations

import pytest

from scripts.extract import extract
from tests.shapes import FIXTURE, render


def _proposed(body: str) -> list[tuple]:
    return [(row["value"], {str(row[d]) for d in t.dims}) for t in extract(FIXTURE.format(body).encode()).proposals
            for row in t.rows]


@pytest.mark.parametrize("heading", ["% change", "Percentage", "Rate per 1,000", "Average age", "+/-", "Difference"])
@pytest.mark.parametrize("layout", ["tab", "pipe", "spaced", "csv"])
def test_a_column_of_shares_rates_averages_or_changes_is_never_proposed_as_counts(heading, layout):
    """Cells under '% change' or 'Average age' are derived from counts; proposed as counts they mislead."""
    proposed = _proposed(render(layout, ["Year", "Arrests", heading], [["2019", "120", "5"], ["2020", "98", "18"]]))
    assert not any(heading in labels or value in (5, 18) for value, labels in proposed), proposed


@pytest.mark.parametrize("label", ["Mean", "Median", "Average", "Highest", "Lowest", "Maximum", "Minimum"])
@pytest.mark.parametrize("layout", ["tab", "pipe", "spaced", "runs", "csv"])
def test_a_row_naming_a_statistic_is_never_proposed_as_counts(label, layout):
    """A 'Mean 14' or 'Highest 30 28' row under the counts summarises them; proposed as a count it misleads."""
    proposed = _proposed(render(layout, ["Offence", "2019", "2020"], [["Rape", "12", "16"], ["Assault", "30", "28"],
                                                                      [label, "21", "22"]]))
    assert not any(label in labels or value in (21, 22) for value, labels in proposed), proposed


@pytest.mark.parametrize("heading", ["Cost (£)", "Spend in pounds", "Total expenditure", "Average days to charge",
                                     "Rate per thousand people", "Median age of victims", "Officers per 1,000 people",
                                     "Crimes per head"])
@pytest.mark.parametrize("gap", [" ", "    ", "\t"])
def test_a_list_under_a_money_or_average_heading_is_never_proposed_as_counts(heading, gap):
    """'Year Cost (£)' over '2019 1200' rows: the values are money or averages, whichever reader takes the rows."""
    proposed = _proposed(f"Year{gap}{heading}\n2019{gap}1200\n2020{gap}1500\n2021{gap}1350\n")
    assert not any(value in (1200, 1500, 1350) for value, labels in proposed), proposed
