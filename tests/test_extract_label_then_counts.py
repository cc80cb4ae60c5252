"""A line that opens with a label and its separator and then holds two counts, each with its noun (`Rape - 12
offences, 3 arrests`), is a table's row run together: read as sentences, each count kept only its noun and lost the
row's label (before, 12 and 30 were both proposed labelled just 'offences'). It is not proposed; a year before the
separator is kept as the year (`2019 - 12 offences, 3 arrests`)."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
ROWS = {
    "dash": "Rape - 12 offences, 3 arrests\nAssault - 30 offences, 5 arrests\n",
    "colon": "Rape: 12 offences, 3 arrests\nAssault: 30 offences, 5 arrests\n",
    "en-dash": "Rape – 12 offences and 3 arrests\nAssault – 30 offences and 5 arrests\n",
    "equals": "Rape = 12 offences; 3 arrests\nAssault = 30 offences; 5 arrests\n",
    "one-line": "Sexual assault on a female: 12 offences, 3 charged\n",
}


def readings(body: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("name", sorted(ROWS))
def test_a_row_run_together_lends_no_count_its_noun_alone(name):
    got = readings(ROWS[name])
    assert all(any(w in " ".join(labels) for w in ("Rape", "Assault", "Sexual assault")) for labels, _ in got), got


def test_a_year_before_the_separator_stays_the_year():
    got = readings("2019 - 12 offences, 3 arrests\n")
    assert (("offences", "2019"), 12) in got


@pytest.mark.parametrize("body, value", [("Answer: 12 offences and 3 arrests were recorded.\n", 12),
                                         ("Rape - 12 offences\nAssault - 30 offences\n", 30)])
def test_an_answer_and_a_one_count_row_still_read(body, value):
    assert value in [v for _, v in readings(body)]
