"""Comma-separated tables pasted into a letter (issue 25): read through the csv module, cited by the build's check,
totals checked; rows with no header are reported, never placed. Every fixture is constructed (first line says so)."""
from __future__ import annotations

from pathlib import Path

from scripts.curated.response import comma_cells, stands_on
from scripts.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def read(name: str):
    return extract((FIXTURES / f"{name}.txt").read_bytes())


def cells(table) -> list[tuple]:
    return [tuple(r[d] for d in table.dims) + (r["value"], r["status"], r["line"]) for r in table.rows]


def test_a_comma_separated_table_with_a_total_row_and_column_and_a_marker_is_read():
    result = read("csv-table-with-totals")
    (table,) = result.tables
    assert table.dims == ["offence", "year"] and table.grid.layout == "comma-separated"
    assert cells(table)[:4] == [("Rape", "2019", 12, "reported", 4), ("Rape", "2020", 15, "reported", 4),
                                ("Rape", "2021", 9, "reported", 4), ("Rape", "Total", 36, "reported", 4)]
    assert ("Sexual assault", "2021", None, "suppressed", 5) in cells(table)
    assert result.unchecked == []


def test_a_quoted_cell_with_a_comma_stays_one_label():
    (table,) = read("csv-quoted-cells").tables
    assert ("Sexual assault, child", "2020", 28, "reported", 5) in cells(table)


def test_a_total_that_disagrees_with_its_parts_is_reported_with_both_numbers():
    result = read("csv-total-disagrees")
    (checks,) = result.totals.values()
    wrong = [c for c in checks if c.checkable and not c.agrees]
    assert [(c.stated, c.parts_sum, c.line) for c in wrong] == [(41, 42, 6)]


def test_trailing_commas_are_no_columns_and_an_empty_cell_is_blank():
    (table,) = read("csv-trailing-commas").tables
    assert ("Sexual assault", "2020", None, "blank", 5) in cells(table)
    assert {r["year"] for r in table.rows} == {"2019", "2020"}


def test_comma_separated_rows_with_no_header_are_reported_not_placed():
    result = read("csv-no-header")
    assert result.proposals == []
    assert any("comma-separated rows with no header line" in u for u in result.unread)


def test_the_builds_check_finds_a_value_in_a_comma_separated_cell_and_nowhere_else():
    assert stands_on("reported", 12, "Rape,12,15") is None
    assert stands_on("reported", 15, '"Sexual assault, child",12,15') is None
    assert stands_on("suppressed", None, "Rape,*,15") is None
    assert stands_on("blank", None, "Rape,,15") is None
    assert stands_on("reported", 234, "Offences: 1,234") is not None  # a thousands separator, not two cells
    assert comma_cells("Rape,12") == ["12"]  # a label ending in a letter: one value cell is enough
    assert comma_cells("Section 1,234") == []  # 1,234 may be one number: not cells


def test_comma_separated_rows_labelled_by_years_bands_or_with_one_value_are_cited():
    assert stands_on("reported", 1200, "2018,1200,1100") is None
    assert stands_on("reported", 3, "Under 10,3,5") is None
    assert stands_on("reported", 4, "Charged,4") is None
    assert stands_on("reported", 1234, 'North,"1,234","1,456"') is None
    assert stands_on("reported", 234, "Offences: 1,234,567") is not None  # a number with separators, never cells
    assert stands_on("reported", 4, "Section 1,4,6") is None
    assert stands_on("reported", 12, "10-17,12,15") is None
    assert stands_on("reported", 4, "2018/19,4") is None
    assert stands_on("reported", 300, "Under 10,300") is not None  # 'Under 10,300' may be 10300: not two cells


def test_comma_separated_rows_labelled_by_years_and_age_bands_are_read_and_cited():
    result = read("csv-year-and-band-rows")
    first, second = result.tables
    assert ("2018", "Received", 1200, "reported", 4) in cells(first)
    assert ("Total", "Completed", 2350, "reported", 6) in cells(first)
    assert ("10-17", "Female", 15, "reported", 10) in cells(second)
    assert ("Under 10", "Male", 3, "reported", 9) in cells(second)
    assert result.unchecked == []
