"""Counts in sentences whose words do not say what each counts alone are not proposed: a part and its whole (`12 of
40 recorded`, `12 out of 40 offences resulted in a charge`: before, 12 was labelled `of` and 40 `resulted in a
charge`), counts paired with labels in order (`12 and 15 offences in 2019 and 2020 respectively`), and counts whose
only words are joining words (`There were 12 and 15 offences`: before, 12 was labelled `There were`)."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
UNTOLD = {
    "colon-of": "Rape: 12 of 40 recorded\nAssault: 30 of 90 recorded\n",
    "of-sentence": "Of the offences recorded, 12 of 40 resulted in a charge.\n",
    "out-of": "In 2020, 12 out of 40 offences resulted in a charge.\n",
    "out-of-the": "In 2020, 12 out of the 40 offences resulted in a charge.\n",
    "of-the": "3 of the 12 offences involved a child under 13.\n",
    "respectively": "There were 12 and 15 offences in 2019 and 2020 respectively.\n",
    "respectively-comma": "Rape and assault accounted for 12 and 30 offences, respectively.\n",
}
RIGHT = {  # counts with their own words are still read
    "own-words": ("There were 12 offences in 2020.\n", 12),
    "of-which": ("There were 40 offences, of which 12 resulted in a charge.\n", 12),
    "section-12": ("We have identified 6,708 records that could be relevant, which would take 559 hours to review.\n", 6708),
}


def readings(body: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("name", sorted(UNTOLD))
def test_a_count_whose_words_are_not_its_own_is_not_proposed(name):
    assert readings(UNTOLD[name]) == []


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_a_count_with_its_own_words_is_still_proposed(name):
    body, value = RIGHT[name]
    assert value in [v for _, v in readings(body)]


def test_a_count_whose_only_words_are_joining_words_is_not_proposed():
    got = readings("There were 12 and 15 offences.\n")
    assert 12 not in [v for _, v in got] and all(labels == ("offences",) for labels, _ in got), got
