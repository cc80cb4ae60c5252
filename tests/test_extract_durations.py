"""Lengths of time, measures and ages are not counts: a column, a row or an item that gives its values a unit of
time (`Target (mins)`, `Time taken (hours)`, `Duration`, `in minutes`, `Minutes`) holds durations; `Weight (kg)` holds
measures and `Victim age` ages. Before, 15 was proposed as a count under 'Target (mins)' in a table of calls by grade,
12 under 'Minutes', 14 under 'Victim age'. Bands that count (`Within 15 mins`, `0-15 minutes`, `Age 13-17`) still read."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
HEADINGS = ["Target (mins)", "Target (minutes)", "Time taken (hours)", "Duration", "Response time in minutes",
            "Time (hh:mm)", "Detention (hrs)", "Minutes", "Hours", "Victim age", "Age of victim", "Suspect age",
            "Years of service", "Weight (kg)"]
SPACED = "Grade      Calls     {h}\nGrade 1    1,200     15\nGrade 2    3,400     60\n"
TABBED = "Grade\tCalls\t{h}\nGrade 1\t1,200\t15\nGrade 2\t3,400\t60\n"


def readings(body: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("layout", [SPACED, TABBED])
@pytest.mark.parametrize("heading", HEADINGS)
def test_a_column_of_times_is_not_counts(layout, heading):
    got = readings(layout.format(h=heading))
    assert {v for _, v in got} <= {1200, 3400} and not any(heading in labels for labels, _ in got), got


@pytest.mark.parametrize("label", ["Time taken (hours)", "Duration", "Average wait (mins)", "Hours taken", "Age of victim"])
def test_a_row_or_item_of_times_is_not_counts(label):
    got = readings(f"Offence\t2019\t2020\nRape\t12\t15\n{label}\t120\t150\n") + readings(f"{label} - 120\nOfficers - 12\n")
    assert 120 not in {v for _, v in got} and 150 not in {v for _, v in got}, got


@pytest.mark.parametrize("body,values", [
    ("Grade\tWithin 15 mins\tOver 15 mins\nGrade 1\t1,100\t100\nGrade 2\t3,000\t400\n", {1100, 100, 3000, 400}),
    ("Response time Calls\n0-15 minutes 120\n16-30 minutes 80\n", {120, 80}),
    ("Priority\tAttended\tWithin target\nP1\t1,200\t1,100\n", {1200, 1100}),
    ("Offence\tAge 0-12\tAge 13-17\tAge unknown\nRape\t4\t6\t1\n", {4, 6, 1}),
    ("Age\tVictims\n0-5\t12\n6-10\t15\n", {12, 15})])
def test_bands_of_time_that_count_still_read(body, values):
    assert {v for _, v in readings(body)} == values
