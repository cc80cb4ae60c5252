"""Constructed texts where words or numbers near a table's counts belong to no count: a title over single-spaced rows,
the next label of a row run together, a heading that is missing, a note's number, the thousands of a count written
with a space. None of them may become a count's label; where the reading cannot be told, nothing is proposed."""
from __future__ import annotations

import pytest

from scripts.extract import extract
from tests.shape_measure import measure
from tests.shapes import FIXTURE, render

TITLES = ("Number of officers seconded", "Officers on career break", "Officers away from the force",
          "Figures for each year", "Requests received and refused", "Arrests by year", "Police Officers Seconded Abroad",
          "Officers Seconded Abroad", "Crimes Recorded Locally", "Annual Leave Taken", "Hate Crime Reports Received")
ROWS = {2: ["2007 12 4", "2008 15 6", "2009 11 5"], 3: ["2007 12 4 3", "2008 15 6 2", "2009 11 5 7"],
        4: ["2007 12 4 3 1", "2008 15 6 2 1", "2009 11 5 7 0"]}


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("width", sorted(ROWS))
def test_a_title_over_single_space_rows_is_never_cut_into_one_word_column_labels(title, width):
    """A phrase over rows of single-spaced counts is a title, not headings: cut one word per column it gives labels
    like 'of', 'officers', 'seconded', which stand on the line above and so pass the citation check. The columns have
    no heading, so any label but a row's year is foreign."""
    text = FIXTURE.format(title + "\n" + "\n".join(ROWS[width]))
    assert measure(text, [""] * (width + 1), [r.split() for r in ROWS[width]])[2] == [], text


RUN_TOGETHER = (("Male", "12", "Female", "4"), ("Charged", "31", "Cautioned", "7", "No further action", "55"),
                ("Under 18", "3", "Adults", "40"), ("Rape", "120", "Sexual assault", "98"))


@pytest.mark.parametrize("lead", ["", "2019 ", "In 2019: "])
@pytest.mark.parametrize("pairs", RUN_TOGETHER, ids=lambda p: p[0])
def test_a_row_run_together_never_labels_a_count_by_the_next_label(pairs, lead):
    """`Male 12 Female 4`: a table's row run together on one line, as PDF letters saved as text give them. The words
    after a count are the next count's label; a sentence reader took them for its own ('12 Female'). A year leading
    the line may head the counts; nothing else may."""
    text = FIXTURE.format(lead + " ".join(pairs))
    header = ["", "2019" if lead else ""]
    assert measure(text, header, [list(p) for p in zip(pairs[0::2], pairs[1::2])])[2] == [], text


@pytest.mark.parametrize("layout", ["tab", "pipe", "runs", "csv", "spaced"])
@pytest.mark.parametrize("header", [["Offence", "2019", "2020"], ["", "2019", "2020"], ["Offence", "2020", "Total"]])
def test_a_row_with_more_values_than_headings_is_never_read_into_the_first_columns(layout, header):
    """'2019 2020' over 'Rape 12 15 9': a heading is missing, and which one cannot be told; the first values are not
    put under the first headings."""
    text = FIXTURE.format(render(layout, header, [["Rape", "12", "15", "9"], ["Assault", "30", "28", "22"]]))
    proposed = [(row["value"], row["line"]) for t in extract(text.encode()).proposals for row in t.rows
                if row["status"] != "blank"]
    assert not proposed, proposed


@pytest.mark.parametrize("note", ["1 Figures exclude cancelled crimes.", "1 Data extracted from the crime system.",
                                  "1 Offences recorded under the Home Office counting rules.", "1 Please note the caveats.",
                                  "1 includes transferred crimes", "2 excludes cancelled crimes."])
@pytest.mark.parametrize("layout", ["tab", "pipe", "runs", "spaced"])
def test_a_lone_numbered_note_under_a_table_is_not_a_count(note, layout):
    """'1 Figures exclude ...' under a table is note 1, not a count of 1 labelled 'Figures exclude'."""
    text = FIXTURE.format(render(layout, ["Year", "Offences"], [["2019", "12"], ["2020", "15"]]) + f"\n{note}")
    where = text.split("\n").index(note) + 1
    proposed = [(row["value"], row["line"]) for t in extract(text.encode()).proposals for row in t.rows]
    assert not [p for p in proposed if p[1] == where], proposed


@pytest.mark.parametrize("rows", [[["2019", "1,234"], ["2020", "1 234"]], [["Rape", "1,234"], ["Assault", "2 345"]],
                                  [["April", "980"], ["May", "1 045"], ["June", "870"]]])
def test_a_count_with_a_space_for_the_thousands_never_lends_its_thousands_to_the_label(rows):
    """'2020 1 234' is 1 234 as likely as the label '2020 1' and 234: which cannot be told, so it is not guessed."""
    text = FIXTURE.format(render("runs", ["Period", "Offences"], rows))
    proposed = [{str(row[d]) for d in t.dims} for t in extract(text.encode()).proposals for row in t.rows]
    assert not [labels for labels in proposed if any(label[-1:].isdigit() and " " in label and not label.startswith(
        ("19", "20")) or label.startswith(("2020 ", "May ", "Assault ")) for label in labels)], proposed


def test_number_labels_rise_in_runs_under_worded_labels():
    """The one rule behind ages as row labels, in the one-cell, comma and label-veto readers alike."""
    from scripts.extract.cells import first_fall
    assert first_fall([None, 13, 14, None, 13, 14]) is None  # Male 13 14, Female 13 14
    assert first_fall([None, 13, 14, None, 13, 14], across_words=True) == 4
    assert first_fall([12, 30, 28]) == 2  # counts read as labels


@pytest.mark.parametrize("note", ["Note: 2 offences were later cancelled.", "NB: 2 offences were later cancelled.",
                                  "Please note - 3 offences were cancelled.", "Notes: 4", "Note 1: 5 offences were transferred.",
                                  "Caveat: 2 offences were cancelled.", "Footnote: 3 crimes were reclassified."])
@pytest.mark.parametrize("under", ["", "Offence\t2019\nRape\t12\nAssault\t30\n"])
def test_a_notes_marker_is_never_a_counts_label(note, under):
    """'Note: 2 offences were later cancelled.' is a note, not a count of 2 labelled 'Note'."""
    marker = note.split(":")[0].split(" -")[0]
    proposed = [{str(row[d]) for d in t.dims} for t in extract(FIXTURE.format(under + note).encode()).proposals
                for row in t.rows]
    assert not [labels for labels in proposed if marker in labels], proposed
