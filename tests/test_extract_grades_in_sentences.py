"""A count in a sentence whose words run straight into a number of their own (`120 calls graded 1`, `12 incidents
at priority 2`, `30 crimes in category 3`) is not proposed under the words cut before that number. Before, 120 was
proposed labelled 'calls graded', which names no grade."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
CUT = ["There were 120 calls graded 1 and 340 calls graded 2.",
       "In total 120 incidents were graded 1.",
       "There were 120 calls graded 2 and 12 graded 3.",
       "Officers attended 120 calls graded 1, and 340 calls graded 2, in 2020."]
KEPT = [("There were 12 offences in 2019 and 15 in 2020.", {12, 15}),
        ("There were 120 incidents at Level 3.", {120}),
        ("Of these, 30 were Grade 2 incidents.", {30}),
        ("There were 120 Grade 1 calls.", {120}),
        ("We attended 120 incidents classed as grade 1 within the target time.", {120}),
        ("There were 120 crimes in category 3.", {120}),
        ("There were 45 victims aged 13 and 12 aged 14.", {45})]


def readings(body: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("text", CUT)
def test_a_label_cut_before_its_own_number_is_not_proposed(text):
    got = readings(text)
    assert 120 not in {v for _, v in got}, got


@pytest.mark.parametrize("text,values", KEPT)
def test_counts_whose_words_are_whole_still_read(text, values):
    assert {v for _, v in readings(text)} == values
