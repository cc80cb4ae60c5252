"""A count of anything in a sentence: a plural noun after the number, when the number opens the sentence or is what
the force has, holds or records; never a unit of time, money or distance, nor the 43 forces of boilerplate."""
from __future__ import annotations

from pathlib import Path

from scripts.extract import extract
from scripts.extract.numbers import numbers_in

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _counts(line: str) -> list[str]:
    return [f.text for f in numbers_in(line) if f.data and f.count]


def test_a_plural_noun_after_a_number_the_force_holds_is_a_count():
    assert _counts("As at 19 November 2012 we have 3,621 firearms certificates and 8,980 shotgun certificates.") == ["3,621",
                                                                                                           "8,980"]
    assert _counts("315 Officers work out of Southend as at 31.08.2020") == ["315"]
    assert _counts("The force currently employs 42 translators.") == ["42"]


def test_units_boilerplate_and_other_verbs_are_not():
    assert _counts("We have 3 hours to answer.") == []
    assert _counts("Due to the different methods of recording information across 43 forces, a response...") == []
    assert _counts("Figures at point 5 include 2 officers in 2018.") == []
    assert _counts("There were 12 years between them.") == []


def test_counts_joined_to_a_count_by_and_or_a_comma_are_counts_of_their_own():
    """`1,204 firearms certificates and 3,310 shotgun certificates`: a number joined by `and`, `or` or a comma to a
    count, with a plural noun after it, is a count too (before, only the first was proposed); `the total number of dogs
    as 27` is a total; units stay units (`3 hours and 4 days`, `2 pages and 5 sections`)."""
    result = extract((FIXTURES / "counts-coordinated.txt").read_bytes())
    found = sorted((r["line"], r["value"]) for t in result.proposals for r in t.rows)
    assert found == [(3, 1204), (3, 3310), (5, 3), (5, 12), (5, 41), (7, 27)]
    assert result.unchecked == []
