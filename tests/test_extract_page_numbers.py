"""A page number or a footer left between a table's rows when a PDF letter is saved as text (`2`, `- 2 -`) is not a
value, and the rows above it are not its labels. Before, the one-cell-a-line reader read the rows `2018 12` and
`2019 15` as a header and a row label over the page number 2, and proposed 2 beside the table that read those rows."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
BREAKS = ["2", "\n2\n", "3", "- 2 -", "2\nOFFICIAL", "Page 2 of 3\n2", "OFFICIAL\n7"]
TABLES = ["Year Offences\n2018 12\n2019 15\n{mark}\n2020 20\n2021 22\n",
          "Year Offences Arrests\n2018 12 4\n2019 15 6\n{mark}\n2020 20 8\n2021 22 9\n",
          "Offence Total\nRape 12\nSexual assault 15\n{mark}\nGrooming 20\nOther 22\n"]


def readings(body: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("mark", BREAKS)
def test_a_page_number_between_rows_is_not_a_value(table, mark):
    got = readings(table.format(mark=mark))
    page = int(mark.replace("Page 2 of 3", "").replace("OFFICIAL", "").strip(" -\n"))
    assert page not in {v for _, v in got}, got
    for labels, _ in got:  # no row of counts stands as a label
        assert not any(any(c.isdigit() for c in label) and " " in label and label.split()[-1].isdigit() for label in labels), got


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("footer", ["https://www.example.police.uk/foi-ai/disclosure-2021 3",
                                    "www.example.police.uk 3", "http://example.police.uk/foi Page 3 of 4"])
def test_a_page_address_and_its_number_are_furniture(table, footer):
    got = readings(table.format(mark=footer))
    assert 3 not in {v for _, v in got} and not any("example" in " ".join(labels) for labels, _ in got), got
