"""Row labels that hold a legal section and its act (`s.160 CJA 1988`, `s. 1 PCA 1978`, `Section 15A SOA 2003`,
`Sexual Communication with a Child (s.67A)`) are whole labels: the `s.` of a section is never a list item's letter
(before, `s.160 CJA 1988 - 12` was proposed as item `s` labelled `160 CJA 1988`), and the section's numbers and the
act's year are never values."""
from __future__ import annotations

import pytest

from scripts.extract import extract

HEAD = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n"
LABELS = ["s.160 CJA 1988", "s. 160 CJA 1988", "S.160 Criminal Justice Act 1988", "s.1 PCA 1978", "s. 1(1)(a) PCA 1978",
          "s.67A SOA 2003", "S. 15A SOA 2003", "Sexual Communication with a Child (s.67A)"]
SEPARATORS = [" - ", ": ", " – ", " = "]


def readings(body: str) -> set[tuple[tuple[str, ...], int]]:
    result = extract((HEAD + body + "\n\nEnd of response.\n").encode())
    assert result.unchecked == []
    return {(tuple(str(r[d]) for d in t.dims), r["value"]) for t in result.proposals for r in t.rows
            if r["status"] == "reported"}


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize("label", LABELS)
def test_a_section_label_in_a_list_is_one_label(label, sep):
    got = readings(f"{label}{sep}12\nRape of a child under 13{sep}30\n")
    assert got <= {((label,), 12), (("Rape of a child under 13",), 30)}, got


@pytest.mark.parametrize("label", LABELS)
def test_a_section_label_in_a_tab_table_is_one_label(label):
    got = readings(f"Offence\t2019\t2020\n{label}\t12\t15\nRape of a child under 13\t30\t28\n")
    assert got <= {((label, "2019"), 12), ((label, "2020"), 15), (("Rape of a child under 13", "2019"), 30),
                   (("Rape of a child under 13", "2020"), 28)}, got
    assert ((label, "2019"), 12) in got


def test_lettered_items_are_still_read_by_their_letter():
    got = readings("a. Charged - 12\nb. Cautioned - 30\n")
    assert got == {(("a", "Charged"), 12), (("b", "Cautioned"), 30)}


@pytest.mark.parametrize("body", ["a. 2019 - 12\nb. 2020 - 30\n", "a.2019 - 12\nb.2020 - 30\n", "a) 2019: 12\nb) 2020: 30\n"])
def test_lettered_items_labelled_by_a_year_keep_their_letter_and_year(body):
    got = readings(body)
    assert {value for _, value in got} <= {12, 30} and all(not labels or labels[-1] in ("2019", "2020") for labels, _ in got)
