"""One table a period, each under a title line that names its period (`2019`, then a table; `2020`, then the same
table): the tables hold the same labels, so each keeps its period as its caption and its name, and they stay told
apart. Before, tab, pipe and aligned tables lost the title and came out as table-1 and table-2 with identical labels."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
TABLES = {
    "tab": "Offence\tCount\nRape\t{a}\nAssault\t{b}\n",
    "pipe": "| Offence | Count |\n| Rape | {a} |\n| Assault | {b} |\n",
    "aligned": "Offence      Count\nRape          {a}\nAssault       {b}\n",
    "spaces": "Offence Count\nRape {a}\nAssault {b}\n",
}
TITLES = [("2019", "2020"), ("2019/20", "2020/21"), ("2019-20:", "2020-21:"), ("Year 2019", "Year 2020"),
          ("April 2019 - March 2020", "April 2020 - March 2021"), ("FY 2019/20", "FY 2020/21")]


@pytest.mark.parametrize("titles", TITLES, ids=[t[0] for t in TITLES])
@pytest.mark.parametrize("layout", sorted(TABLES))
@pytest.mark.parametrize("gap", ["", "\n"])
def test_each_periods_table_keeps_its_title(layout, titles, gap):
    body = f"{titles[0]}\n{gap}" + TABLES[layout].format(a=12, b=30) + f"\n{titles[1]}\n{gap}" + TABLES[layout].format(a=15, b=28)
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    by_value = {r["value"]: t for t in result.proposals for r in t.rows if r["status"] == "reported"}
    assert set(by_value) == {12, 30, 15, 28}
    assert by_value[12].grid.caption == titles[0] and by_value[15].grid.caption == titles[1]


@pytest.mark.parametrize("title", ["Please see the table below.", "Offences recorded 2019 to 2021 by type of crime and area",
                                   "Ref 2021/0456"])
def test_a_line_that_is_not_a_period_title_is_not_taken_for_one(title):
    result = extract((HEAD + f"{title}\nOffence\tCount\nRape\t12\nAssault\t30\n\nEnd of response.\n").encode())
    (table,) = result.tables
    assert table.grid.caption != title
