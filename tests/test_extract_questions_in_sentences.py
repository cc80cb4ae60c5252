"""A question in a response, asked or told back in the force's words (`you asked how many times, in the last 10
years, officers attended 2 or more incidents`), holds the requester's numbers, not the force's counts; and `2 or
more`, `5 or fewer` are bounds, not counts. Before, 2 was proposed labelled 'or more incidents at one address'."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\n"
QUESTIONS = {
    "told-back": "In your email of 4 March you asked how many times, in the last 10 years, officers attended 2 or more "
                 "incidents at one address.\nThe information is not held.\n",
    "how-many": "We were asked how many of the 12 custody suites hold 4 cells.\nThis is not held.\n",
    "question-mark": "Were 3 officers disciplined in 2020?\nThe information is not held.\n",
    "question-mark-count": "Did 12 offences involve a child under 13?\nWe cannot say.\n",
}
BOUNDS = {
    "or-more": "Addresses with 2 or more incidents are flagged.\n",
    "or-fewer": "Counts of 5 or fewer are not published.\n",
    "or-less": "Stations with 3 or less officers on duty were closed.\n",
}
STILL = {  # counts the force states in an answer are still read
    "answer": ("There were 12 offences recorded in 2020.\n", 12),
    "answer-after-question": ("How many offences were recorded in 2020?\nThere were 12 offences recorded.\n", 12),
}


def values(body: str) -> list[int]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [r["value"] for t in result.proposals for r in t.rows if r["status"] == "reported"]


@pytest.mark.parametrize("name", sorted(QUESTIONS) + sorted(BOUNDS))
def test_a_question_or_a_bound_proposes_nothing(name):
    assert values({**QUESTIONS, **BOUNDS}[name]) == []


@pytest.mark.parametrize("name", sorted(STILL))
def test_a_count_stated_in_an_answer_is_still_read(name):
    body, value = STILL[name]
    assert value in values(body)
