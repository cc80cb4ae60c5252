"""One vocabulary of value markers: every marker the extractor accepts is one the build's check accepts, and
the extractor proposes nothing the vocabulary does not name."""
from __future__ import annotations

import pytest

from scripts.curated import citation, markers
from scripts.extract import extract
from scripts.curated.response import ResponseText, stands_on

NIL = list(markers.NIL_WORDS) + [w.upper() for w in markers.NIL_WORDS] + [w.title() for w in markers.NIL_WORDS]
SUPPRESSED = list(markers.SUPPRESSION_MARKERS) + ["<5", "< 10", "REDACTED", "X"]
LAYOUTS = {
    "list": "CONSTRUCTED\n\nSnapchat – {m}\nInstagram – 4\n",
    "tab": "CONSTRUCTED\n\nPlatform\t2020\t2021\nSnapchat\t{m}\t3\nInstagram\t4\t5\n",
    "pipe": "CONSTRUCTED\n\n| Platform | 2020 | 2021 |\n|---|---|---|\n| Snapchat | {m} | 3 |\n| Instagram | 4 | 5 |\n",
    "web table": "CONSTRUCTED\n\nPlatform |\n2020 |\n2021 |\n|---|---|---|\nSnapchat |\n{m} |\n3 |\nInstagram |\n4 |\n5 |\n",
}


def proposed(text: str) -> dict:
    result = extract(text.encode("utf-8"))
    assert result.unchecked == []  # the extractor's own run of the build's citation check
    table, row = next((t, r) for t in result.tables for r in t.rows if "Snapchat" in r.values() and r["line"] == _marker_line(text))
    labels, columns = [row[d] for d in table.layout_rows], [row[d] for d in table.layout_columns]
    assert citation.check(ResponseText(text.encode("utf-8")), row["line"], labels, columns, row["status"], row["value"]) is None
    return row


def _marker_line(text: str) -> int:
    """The line of Snapchat's 2020 cell: its own line when the table is flattened to one cell a line."""
    lines = text.split("\n")
    n = next(n for n, line in enumerate(lines, start=1) if "Snapchat" in line)
    return n + 1 if lines[n - 1] == "Snapchat |" else n


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("marker, status", [(m, "nil") for m in NIL] + [(m, "suppressed") for m in SUPPRESSED])
def test_every_marker_the_extractor_accepts_passes_the_builds_checks(layout, marker, status):
    text = LAYOUTS[layout].format(m=marker)
    row = proposed(text)
    assert (row["status"], row["value"]) == (status, 0 if status == "nil" else None)
    assert stands_on(row["status"], row["value"], text.split("\n")[row["line"] - 1]) is None


@pytest.mark.parametrize("layout", ["tab", "pipe", "web table"])
def test_a_blank_cell_the_extractor_proposes_passes_the_builds_check(layout):
    text = LAYOUTS[layout].format(m="")
    row = proposed(text)
    assert row["status"] == "blank" and stands_on("blank", None, text.split("\n")[row["line"] - 1]) is None


@pytest.mark.parametrize("word", ["n/a", "N/K", "unknown", "withheld", "TBC"])
def test_words_outside_the_vocabulary_are_never_values(word):
    result = extract(f"CONSTRUCTED\n\nSnapchat – {word}\nInstagram – 4\nPlatform\t2020\nSnapchat\t{word}\n".encode())
    assert all(r.get("platform", r.get("category")) != "Snapchat" or r["status"] != "reported" for t in result.tables for r in t.rows)
    assert all("Snapchat" not in r.values() for t in result.tables for r in t.rows)


def test_the_build_rejects_a_marker_that_is_not_on_the_line():
    assert stands_on("nil", 0, "Snapchat – 4") == 'the line has no nil word ("Nil Return", "Nil", "None", "Zero")'
    assert stands_on("suppressed", None, "Snapchat – 4").startswith("the line has no suppression marker (*, -, –, —, x, c, ")
    assert stands_on("blank", None, "Snapchat\t4\t5") == "the line has no blank cell"


def test_the_build_reads_its_markers_from_the_shared_vocabulary():
    import scripts.curated.response as response
    assert response.NIL_ON_LINE is markers.NIL_ON_LINE and response.SUPPRESSED_ON_LINE is markers.SUPPRESSED_ON_LINE
    assert response.BLANK_ON_LINE is markers.BLANK_ON_LINE


def test_a_line_holding_only_a_marker_is_a_value_for_the_citation_check_too():
    """The build's citation check reads the same vocabulary: a flattened cell `x |` is a value, so its row label is above."""
    for marker in list(markers.SUPPRESSION_MARKERS) + list(markers.NIL_WORDS) + ["<5", ""]:
        assert citation._is_bare_value(f"{marker} |"), marker
    assert not citation._is_bare_value("Snapchat |")
