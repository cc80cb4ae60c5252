"""Spreadsheet pivot tables pasted as text: with two row fields, each outer row (`2019`, with its subtotal) stands
above the same inner rows (`Rape`, `Sexual assault`) again and again. Read flat, the inner rows lose their outer
label: before, 12 and 14 were both proposed labelled 'Rape', with nothing to tell 2019 from 2020. Now such a table
is not proposed and the report says why; a pivot with one row field still reads."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
OUTER = [("2019", "2020"), ("North", "South"), ("Male", "Female")]
INNER = [("Rape", "Sexual assault"), ("Jan-19", "Feb-19"), ("Under 13", "13-15")]


def body(outer, inner, sep, columns):
    if columns == 1:
        head = f"Row Labels{sep}Count of Crime Ref\n"
        rows = [(outer[0], 27), (inner[0], 12), (inner[1], 15), (outer[1], 30), (inner[0], 14), (inner[1], 16)]
        return head + "".join(f"{a}{sep}{b}\n" for a, b in rows) + f"Grand Total{sep}57\n"
    head = f"Row Labels{sep}Offences{sep}Arrests\n"
    rows = [(outer[0], 27, 9), (inner[0], 12, 4), (inner[1], 15, 5), (outer[1], 30, 11), (inner[0], 14, 5), (inner[1], 16, 6)]
    return head + "".join(f"{a}{sep}{b}{sep}{c}\n" for a, b, c in rows) + f"Grand Total{sep}57{sep}20\n"


def readings(text: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + text + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("sep", ["\t", "    "])
@pytest.mark.parametrize("outer,inner", list(zip(OUTER, INNER)))
def test_two_row_fields_are_not_read_flat(outer, inner, sep, columns):
    got = readings(body(outer, inner, sep, columns))
    labels = [labels for labels, _ in got]
    assert len(labels) == len(set(labels)), got  # no two values under the same labels


def test_a_pivot_with_one_row_field_still_reads():
    got = readings("Row Labels\tCount of Crime Ref\nRape\t12\nSexual assault\t15\nGrand Total\t27\n")
    assert {v for _, v in got} == {12, 15, 27}


def test_one_label_written_twice_is_the_forces_own():
    got = readings("Category\t2019\t2020\nApplications\t76\t80\nDisclosures\t67\t10\nRequests\t187\t213\n"
                   "Disclosures\t107\t6\n")
    assert {v for _, v in got} == {76, 80, 67, 10, 187, 213, 107, 6}
