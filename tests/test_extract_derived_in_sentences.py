"""Numbers in sentences that are derived from counts are not counts: a rate (`12 offences per 1,000 population`), a
ratio (`1 in 5 victims`), a difference (`3 fewer than in 2019`, `an increase of 3`, `rose by 3`). Before, 12 was
proposed labelled 'offences per', 5 labelled 'victims was under 13', and 3 labelled 'fewer than in 2019'."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\n"
DERIVED = {
    "rate": ("That is 12 offences per 1,000 population.", []),
    "rate-head": ("The force recorded 3 offences per head of population in the area.", []),
    "rate-thousand": ("There were 12 offences per thousand children.", []),
    "ratio": ("1 in 5 victims was under 13.", []),
    "ratio-every": ("1 in every 4 reports involved a child.", []),
    "difference-fewer": ("There were 15 offences, 3 fewer than in 2019.", [15]),
    "difference-more": ("There were 15 offences, 3 more offences than in 2019.", [15]),
    "difference-increase": ("There were 15 offences in 2020, an increase of 3.", [15]),
    "difference-rose-by": ("Recorded offences rose by 3 over the year.", []),
    "difference-down-by": ("Reports were down by 4 on the year before.", []),
}
COUNTS = {
    "year": ("There were 12 offences in 2019 and 15 in 2020.", [12, 15]),
    "year-financial": ("There were 4 offences in 2020/21.", [4]),
    "times": ("Officers were called 12 times.", [12]),
}


def values(sentence: str) -> list[int]:
    result = extract((HEAD + sentence + "\n\nEnd of response.\n").encode())
    assert result.unchecked == []
    return sorted(r["value"] for t in result.proposals for r in t.rows if r["status"] == "reported")


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_a_rate_ratio_or_difference_in_a_sentence_is_not_a_count(name):
    sentence, counts = DERIVED[name]
    assert values(sentence) == counts


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts_beside_years_and_times_are_still_read(name):
    sentence, counts = COUNTS[name]
    assert values(sentence) == counts
