"""A second table straight under a first (a new row of headings part-way down), or beside it (a column of labels
part-way along each row), must not lend the first table's headings or row labels to its values: each value is
proposed under its own labels or not at all. A value under the wrong label passes the citation check and misleads."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
RIGHT = {(("Rape", "2019"), 12), (("Rape", "2020"), 15), (("Assault", "2019"), 30), (("Assault", "2020"), 28),
         (("Charged", "Count"), 4), (("No further action", "Count"), 20)}

UNDER = {  # the second table's header straight under the first table's rows, with a different corner heading
    "tab": "Offence\t2019\t2020\nRape\t12\t15\nAssault\t30\t28\nOutcome\tCount\nCharged\t4\nNo further action\t20\n",
    "pipe": "| Offence | 2019 | 2020 |\n| Rape | 12 | 15 |\n| Assault | 30 | 28 |\n| Outcome | Count |\n| Charged | 4 |\n"
            "| No further action | 20 |\n",
    "spaced": "Offence    2019    2020\nRape       12      15\nAssault    30      28\nOutcome    Count\nCharged    4\n"
              "No further action    20\n",
    "spaced-aligned": "Offence              2019    2020\nRape                   12      15\nAssault                30      28\n"
                      "Outcome             Count\nCharged                 4\nNo further action             20\n",
    "tab-total": "Offence\t2019\t2020\nRape\t12\t15\nAssault\t30\t28\nOutcome\tNumber\nCharged\t4\nNFA\t20\n",
}
BESIDE = {  # two tables side by side, an empty cell between them
    "tab": "Offence\t2019\t\tOutcome\tCount\nRape\t12\t\tCharged\t4\nAssault\t30\t\tNFA\t20\n",
    "pipe": "| Offence | 2019 | | Outcome | Count |\n| Rape | 12 | | Charged | 4 |\n| Assault | 30 | | NFA | 20 |\n",
    "tab-no-gap": "Offence\t2019\tOutcome\tCount\nRape\t12\tCharged\t4\nAssault\t30\tNFA\t20\n",
    "tab-two-years": "Offence\t2019\t2020\tOutcome\tCount\nRape\t12\t15\tCharged\t4\nAssault\t30\t28\tNFA\t20\n",
}


def readings(body: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("layout", sorted(UNDER))
def test_a_header_part_way_down_starts_a_new_table(layout):
    got = readings(UNDER[layout])
    wrong = {g for g in got if g not in RIGHT | {(("NFA", "Number"), 20), (("Charged", "Number"), 4)}}
    assert not wrong, wrong
    assert {(("Rape", "2019"), 12), (("Assault", "2020"), 28)} <= got  # the first table is still read


@pytest.mark.parametrize("layout", sorted(BESIDE))
def test_a_label_between_a_rows_values_is_a_table_beside_it(layout):
    got = readings(BESIDE[layout])
    assert all(not (labels[0] in ("Rape", "Assault") and value in (4, 20)) for labels, value in got), got
    assert all(labels[0] in ("Rape", "Assault", "Charged", "NFA") for labels, _ in got), got


def test_a_word_cell_at_the_end_of_a_row_is_still_a_note_not_a_second_table():
    got = readings("Offence\t2019\t2020\tNote\nRape\t12\t15\tsee below\nAssault\t30\t28\t\n")
    assert {(("Rape", "2019"), 12), (("Assault", "2020"), 28)} <= got


@pytest.mark.parametrize("word", ["Not recorded", "N/K", "Unknown", "See note 2"])
def test_a_status_word_between_values_is_no_table_beside_it(word):
    got = readings(f"Offence\t2019\t2020\t2021\nRape\t12\t{word}\t15\nAssault\t30\t28\t31\n")
    assert {(("Rape", "2019"), 12), (("Rape", "2021"), 15), (("Assault", "2020"), 28)} <= got
