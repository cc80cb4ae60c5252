"""Two-column tables (a label column and one column of values) keep their column heading in every layout: a ' / '
header of two headings, a single-space heading that splits into a row-label heading and a count heading, and one
heading indented over the values of an aligned table with no heading over the row labels."""
from __future__ import annotations

from scripts.extract import extract

FIXTURE = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n{}\n\nEnd of response.\n"
WANT = {("Charged", "Number of cases"): 4, ("Cautioned", "Number of cases"): 6, ("No further action", "Number of cases"): 12}


def _read(body: str) -> dict:
    out = {}
    for t in extract(FIXTURE.format(body).encode()).proposals:
        for row in t.rows:
            out[tuple(str(row[d]) for d in t.dims)] = row["value"]
    return out


def test_slash_header_of_two_headings():
    body = "Outcome / Number of cases\nCharged / 4\nCautioned / 6\nNo further action / 12"
    assert _read(body) == WANT


def test_single_space_heading_splits_into_row_heading_and_count_heading():
    assert _read("Outcome Number of cases\nCharged 4\nCautioned 6\nNo further action 12") == WANT


def test_count_heading_alone_over_single_space_rows():
    assert _read("Number of cases\nCharged 4\nCautioned 6\nNo further action 12") == WANT


def test_one_heading_indented_over_aligned_values():
    body = "                      Number of cases\nCharged                             4\nCautioned                           6\n" \
           "No further action                  12"
    assert _read(body) == WANT


def test_a_label_never_keeps_the_slash_that_separates_it_from_its_value():
    for t in extract(FIXTURE.format("Charged / 4\nCautioned / 6\nNo further action / 12").encode()).proposals:
        assert not any(str(row[d]).endswith("/") for row in t.rows for d in t.dims)
