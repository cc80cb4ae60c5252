"""The extractor's proposals pass the build's full citation check (scripts/curated/citation.py), and that check can fail."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.curated import citation
from scripts.extract import extract
from scripts.curated.response import ResponseText

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
ONE_CELL = "CONSTRUCTED\n\nYear\n\nArrests\n\nCharges\n\n2020\n\n64\n\n27\n\n2021\n\n58\n\n30\n"


def check(text: str, line: int, labels: list[str], columns: list[str], status: str = "reported", value: int | None = None):
    return citation.check(ResponseText(text.encode()), line, labels, columns, status, value)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "datapackages").glob("*/response.txt")),
                         ids=lambda p: p.parent.name if p.name == "response.txt" else p.stem)
def test_every_proposal_passes_the_builds_citation_check(path):
    result = extract(path.read_bytes())
    nothing_to_read = ("not-data", "unequal-columns", "header-longer-than-rows", "runs-header-total-short-rows",
                       "one-cell-header-longer-than-rows", "side-by-side-other-years",
                       "bare-pipe-row-markers-short-rows", "page-columns-interleaved", "page-columns-interleaved-other-years",
                       "two-tables-side-by-side", "two-header-rows-uneven", "heading-spans-columns",
                       "colon-pairs-after-a-heading", "labels-wrapped-label-spaced",
                       "labels-count-row-as-header", "labels-heading-over-two-lines", "labels-number-of-over-two-lines",
                       "labels-wrapped-label-tab", "labels-wrapped-label-pipe", "labels-wrapped-label-bracket",
                       "labels-wrapped-label-after-row", "labels-wrapped-label-runs", "csv-no-header",
                       "labels-list-under-a-header-of-years", "labels-year-counts-inside-a-label",
                       "labels-one-cell-years-no-corner-single-row", "labels-count-as-row-label",
                       "labels-title-cell-in-front-pipe", "labels-no-corner-blank-cells-spaced", "labels-no-corner-runs",
                       "slash-heading-holds-slash")  # fixtures that must propose nothing
    assert result.proposals or path.stem in nothing_to_read or path.parent.name.startswith("south-yorkshire-2018")
    assert result.unchecked == []


def test_a_year_that_labels_a_row_of_one_cell_per_line_stands_above_its_values():
    (table,) = extract(ONE_CELL.encode()).tables
    assert [(r["year"], r["measure"], r["value"], r["line"]) for r in table.rows] == [
        ("2020", "Arrests", 64, 11), ("2020", "Charges", 27, 13), ("2021", "Arrests", 58, 17), ("2021", "Charges", 30, 19)]
    assert check(ONE_CELL, 19, ["2021"], ["Charges"], value=30) is None


def test_the_check_still_refuses_a_value_under_the_wrong_row_or_column_label():
    assert check(ONE_CELL, 19, ["2020"], ["Charges"], value=30) == "the row label '2020' is not on the line"
    assert check(ONE_CELL, 19, ["2021"], ["Convictions"], value=30) == \
        "the column label 'Convictions' is not on a line above, in the same table"
    assert check(ONE_CELL, 19, ["2021"], ["Charges"], value=31) == "31 is not written on the line"


NO_CORNER = "CONSTRUCTED\n\n2018\t2019/20\tTotal\nReceived\t100\t120\t220\nAnswered\t90\t110\t200\n"


def test_a_tab_header_of_years_with_no_corner_cell_stands_one_cell_on():
    assert check(NO_CORNER, 4, ["Received"], ["2018"], value=100) is None
    assert check(NO_CORNER, 4, ["Received"], ["2019/20"], value=120) is None
    assert check(NO_CORNER, 5, ["Answered"], ["Total"], value=200) is None
    assert check(NO_CORNER, 4, ["Received"], ["2019/20"], value=100) is not None  # one year off: still refused
    words = "CONSTRUCTED\n\nOffence\t2019\nRape\t12\t15\n"  # a header of words one short: not shifted, not proved
    assert check(words, 4, ["Rape"], ["2019"], value=15) is not None


SPANNING = "CONSTRUCTED\n\n\tMale\t\tFemale\t\nOffence\t2019\t2020\t2019\t2020\nRape\t12\t15\t3\t4\n"


def test_a_heading_spans_the_blank_cells_after_it_only_over_a_lower_header_row():
    assert check(SPANNING, 5, ["Rape"], ["Male", "2020"], value=15) is None
    assert check(SPANNING, 5, ["Rape"], ["Female", "2020"], value=4) is None
    assert check(SPANNING, 5, ["Rape"], ["Male", "2019"], value=3) is not None  # Female's 2019, not Male's
    one_row = "CONSTRUCTED\n\nOffence\t2019\t\t2020\nRape\t4\t1\t5\n"  # a blank heading, no lower header row
    assert check(one_row, 4, ["Rape"], ["2019"], value=1) is not None


NBSP_CELLS = ("CONSTRUCTED\n\nGroup\n\n2019\n\n2020\n\n2021\n\nFirst\n\n5\n\n6\n\n7\n\nSecond\n\n\u00a0\n\n2\n\n\u00a0\n\n"
              "Third\n\n9\n\n10\n\n11\n")


def test_a_no_break_space_cell_does_not_end_a_one_cell_per_line_table():
    """A web table saved one cell a line writes an empty cell as a line holding only a no-break space; with the blank
    lines around it, that made three blank-looking lines in a row, which the check read as the table's end, refusing
    every value below it (a real Northumbria stop-and-search table of 66 values lost all of them)."""
    lines = NBSP_CELLS.split("\n")
    assert lines[30] == "10"
    assert check(NBSP_CELLS, 31, ["Third"], ["2020"], value=10) is None
    assert check(NBSP_CELLS, 31, ["Third"], ["2022"], value=10) == \
        "the column label '2022' is not on a line above, in the same table"
    table, = extract(NBSP_CELLS.encode()).tables
    assert ("Third", "2020", 10) in [(r[table.dims[0]], r[table.dims[1]], r["value"]) for r in table.rows]
    assert extract(NBSP_CELLS.encode()).unchecked == []


def test_three_truly_blank_lines_still_end_the_table():
    text = "CONSTRUCTED\n\nGroup\n\n2019\n\n2020\n\n\n\n\nFirst\n\n5\n\n6\n"
    assert check(text, 16, ["First"], ["2020"], value=6) == \
        "the column label '2020' is not on a line above, in the same table"
