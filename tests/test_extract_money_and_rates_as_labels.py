"""Money, shares, rates and averages named by a row or an item label (`Total cost - 1,200`, `Detection rate - 12`,
`Ave.` as a table's last row) or by an abbreviated heading (`Avg. days`) are not counts. Before, 1,200 was proposed
as a count labelled 'Total cost', 12 as one labelled 'Detection rate', and 120 under 'Avg. days'."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
LABELS = ["Total cost", "Cost (£)", "Spend", "Detection rate", "Charge rate (%)", "Percentage charged", "Average per month",
          "Avg. days to charge", "Mean age", "Proportion detected"]
LIST = "{label} - 1,200\nOfficers - 12\n"
GRID = "Offence\t2019\t2020\nRape\t12\t15\n{label}\t120\t150\n"


def readings(body: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("label", LABELS)
def test_an_item_naming_money_or_a_rate_is_not_a_count(label):
    got = readings(LIST.format(label=label))
    assert all(label not in labels for labels, _ in got) and 1200 not in {v for _, v in got}, got


@pytest.mark.parametrize("label", LABELS + ["Ave."])
def test_a_row_naming_money_or_a_rate_is_not_counts(label):
    got = readings(GRID.format(label=label))
    assert {v for _, v in got} == {12, 15}, got


@pytest.mark.parametrize("heading", ["Avg. days", "Ave. days to charge", "Avg days"])
def test_an_abbreviated_average_heading_is_not_counts(heading):
    got = readings(f"Year\tOffences\t{heading}\n2019\t12\t120\n2020\t15\t150\n")
    assert {v for _, v in got} == {12, 15}, got


@pytest.mark.parametrize("label", ["Spent convictions", "Corporate premises", "Avenue Road"])
def test_labels_that_only_look_like_money_or_rates_still_read(label):
    got = readings(f"{label} - 12\nOfficers - 30\n")
    assert ((label,), 12) in got, got
