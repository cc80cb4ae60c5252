"""A row of units under the header (`(number)`, `(%)`, `(£)`) says what each column holds: a column whose units are a
share or money holds no counts, whatever its heading (`Detected` over `(%)`); nor does a column headed `Share`.
Before, 12 under `Detected` / `(%)` was proposed as a count of 12 detected offences."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
UNITS = ["(%)", "%", "(£)", "£", "(per cent)", "(rate)", "(per 1,000)"]
LAYOUTS = {
    "tab": "Year\tOffences\t{h}\n\t(number)\t{u}\n2019\t120\t12\n2020\t150\t15\n",
    "pipe": "| Year | Offences | {h} |\n| | (number) | {u} |\n| 2019 | 120 | 12 |\n| 2020 | 150 | 15 |\n",
    "tab-no-units-over-counts": "Year\tOffences\t{h}\n\t\t{u}\n2019\t120\t12\n2020\t150\t15\n",
}


def readings(body: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("heading", ["Detected", "Charged", "Compensation"])
@pytest.mark.parametrize("units", UNITS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_column_whose_units_are_not_a_count_is_not_proposed(layout, units, heading):
    got = readings(LAYOUTS[layout].format(h=heading, u=units))
    assert {v for _, v in got} <= {120, 150}, got


@pytest.mark.parametrize("heading", ["Share", "Share of offences", "Share (%)"])
def test_a_column_headed_share_is_not_counts(heading):
    got = readings(f"Year\tOffences\t{heading}\n2019\t120\t12\n2020\t150\t15\n")
    assert {v for _, v in got} == {120, 150}, got


@pytest.mark.parametrize("line", ["All figures are percentages of recorded offences", "Figures are rates per head of population",
                                  "(per cent)", "(average)", "Values are costs in pounds"])
@pytest.mark.parametrize("layout", ["tab", "pipe", "spaced"])
def test_a_line_under_the_header_saying_the_figures_are_not_counts_is_not_skipped(layout, line):
    """A line between a header and its rows that says what the figures are is skipped when they are counts ('(numbers)',
    'Source: Niche RMS'); one that says they are shares, rates, averages or money is what the reader must heed, so it is
    never skipped and the figures under it are never proposed as counts."""
    rows = [["Year", "Offences", "Detected"], [line], ["2019", "120", "12"], ["2020", "150", "15"]]
    sep = {"tab": "\t", "pipe": " | ", "spaced": "      "}[layout]
    body = "".join((f"| {sep.join(r)} |" if layout == "pipe" else sep.join(r)) + "\n" for r in rows)
    got = readings(body)
    assert not {v for _, v in got} & {12, 15}, got
