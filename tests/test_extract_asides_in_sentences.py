"""A count in a sentence followed by an aside in brackets (`30 (25%) resulted in a charge`, `30 (see note 1) ...`)
takes the words after the aside as its label, or none when the aside cuts them. Before, the label fell back to the
words before the count, which name the whole: 30 was proposed labelled 'Of the 120 offences'."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
WHOLES = ["Of the 120 offences, 30 ({aside}) resulted in a charge.",
          "Of these offences, 30 ({aside}) resulted in a charge.",
          "From the 120 reports received, 30 ({aside}) were closed with no further action."]
ASIDES = ["25%", "25 per cent", "see note 1", "a quarter", "provisional"]


def readings(body: str) -> list[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\nEnd of response.\n").encode())
    assert result.unchecked == []
    return [(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"]


@pytest.mark.parametrize("aside", ASIDES)
@pytest.mark.parametrize("sentence", WHOLES)
def test_a_part_is_not_labelled_by_its_whole(sentence, aside):
    for labels, value in readings(sentence.format(aside=aside)):
        if value == 30:
            assert not any(label.lower().startswith(("of ", "from ")) for label in labels), labels


@pytest.mark.parametrize("text,label", [("There were 30 (thirty) offences.", "offences"),
                                        ("Of the 120 offences, 30 (25%) resulted in a charge.", "resulted in a charge")])
def test_the_words_after_the_aside_are_the_label(text, label):
    assert ((label,), 30) in readings(text)
