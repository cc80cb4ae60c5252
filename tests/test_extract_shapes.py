"""Constructed tables rendered in every layout the extractor reads, with the header changed as real responses change
it: no value may be proposed under another value's label. A table may be refused (reported) or read without a heading
it has; it may never be read wrong. This measures shapes, not texts: the corpus holds only the shapes that happened to
be retrieved, and last rounds showed that rules tuned on those do not carry."""
from __future__ import annotations

import pytest

from scripts.extract import extract

TABLES = {
    "years-cols": (["Offence", "2018", "2019", "2020"], [["Rape", "12", "15", "9"], ["Sexual assault", "30", "28", "33"],
                                                         ["Total", "42", "43", "42"]]),
    "words-cols-year-rows": (["Year", "Received", "Completed", "Overdue"], [["2018", "1200", "1100", "100"],
                                                                            ["2019", "1300", "1250", "50"]]),
    "fy-rows": (["Financial year", "Number of cases"], [["2018/19", "4"], ["2019/20", "6"], ["2020/21", "2"]]),
    "two-cols-words": (["Outcome", "Number"], [["Charged", "4"], ["Cautioned", "6"], ["No further action", "12"]]),
    "fy-cols-words-rows": (["", "2018/19", "2019/20", "2020/21"], [["Referrals", "4", "6", "2"],
                                                                   ["Prosecutions", "1", "0", "1"]]),
    "year-cols-total-col": (["Type", "2019", "2020", "Total"], [["Received", "100", "120", "220"],
                                                                ["Refused", "10", "12", "22"]]),
    "blank-cells": (["Offence", "2019", "2020", "2021"], [["Rape", "12", "", "9"], ["Assault", "30", "28", "33"],
                                                          ["Other", "", "4", ""]]),
    "age-bands": (["Age", "Male", "Female"], [["Under 10", "3", "5"], ["10-17", "12", "15"], ["18 and over", "30", "28"]]),
    "section-rows": (["Legislation", "2019", "2020"], [["Section 1", "4", "6"], ["Section 47", "10", "12"]]),
    "month-cols": (["Offence", "January", "February", "March"], [["Rape", "1", "2", "3"], ["Assault", "4", "5", "6"]]),
    "long-labels": (["Offence", "2019", "2020"], [["Sexual activity with a child under 13", "4", "6"],
                                                  ["Causing a child to watch a sexual act", "1", "0"]]),
    "number-labels": (["Age", "2019", "2020", "2021"], [["13", "1", "", "6"], ["14", "3", "2", ""], ["15", "", "5", "4"]]),
    "words-then-number-labels": (["", "2019", "2020", "2021"], [["Male", "4", "", "6"], ["13", "1", "2", ""],
                                                                 ["14", "3", "", "5"]]),
    "big-numbers": (["Force area", "2019", "2020"], [["North", "1,234", "1,456"], ["South", "987", "1,002"]]),
}
LAYOUTS = ("tab", "pipe", "spaced", "runs", "csv", "one-cell", "one-cell-blank", "one-cell-pipe", "slash")


def render(layout: str, header: list[str], rows: list[list[str]]) -> str:
    cells = [header] + rows
    if layout == "tab":
        return "\n".join("\t".join(r) for r in cells)
    if layout == "pipe":
        lines = ["| " + " | ".join(r) + " |" for r in cells]
        return "\n".join(lines[:1] + ["|" + "---|" * len(header)] + lines[1:])
    if layout == "spaced":
        widths = [max(len(r[k]) for r in cells if k < len(r)) + 4 for k in range(max(len(r) for r in cells))]
        return "\n".join((r[0].ljust(widths[0]) + "".join(c.rjust(widths[k]) for k, c in enumerate(r) if k)).rstrip()
                         for r in cells)
    if layout == "runs":
        return "\n".join(" ".join(c for c in r if c) for r in cells)
    if layout == "csv":
        return "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in cells)
    if layout == "slash":
        return "\n".join(" / ".join(r) for r in cells if all(r))
    flat = [c for r in cells for c in r]
    flat = flat if header[0] else flat[1:]
    if layout == "one-cell":
        return "\n".join(c or "\u00a0" for c in flat)
    if layout == "one-cell-blank":
        return "\n\n".join(c or "\u00a0" for c in flat)
    return "\n".join(f"{c} |" for c in flat)


def perturb(header: list[str], rows: list[list[str]]):
    yield "as-is", "", header, rows, ""
    yield "no-corner", "", [""] + header[1:], rows, ""
    yield "title-cell", "", ["Figures"] + header, rows, ""  # a title cell in front: the header one cell too long
    yield "total-row", "", header, rows + [["Total"] + [str(sum(int(r[k].replace(",", "") or 0) for r in rows))
                                                        if all(r[k].replace(",", "").isdigit() or not r[k] for r in rows)
                                                        else "" for k in range(1, len(header))]], ""
    yield "title-above", "Table 1: figures by year", header, rows, ""
    yield "question-above", "Q2. Please provide the figures for each year?", header, rows, ""
    yield "note-below", "", header, rows, "* figures under 5 are suppressed."


def _wrong(text: str, header: list[str], rows: list[list[str]]) -> list[tuple]:
    """Proposed values that carry a label of the table that is not their own."""
    own = {}
    for r in rows:
        for h, v in zip(header[1:], r[1:]):
            if v:
                own.setdefault(v.replace(",", ""), []).append({r[0], h})
    every = {c for c in header if c} | {r[0] for r in rows}
    out = []
    for table in extract(text.encode()).proposals:
        for row in table.rows:
            if row["status"] == "blank":
                continue
            labels = {str(row[d]) for d in table.dims} & every
            value = str(row["value"]) if row["value"] is not None else None
            if value is None or not any(labels <= mine | {"Total"} for mine in own.get(value, [])):
                out.append((value, sorted(labels), row["line"]))
    return out


CASES = [(name, layout, how) for name in TABLES for layout in LAYOUTS for how in
         ("as-is", "no-corner", "title-cell", "total-row", "title-above", "question-above", "note-below")]


@pytest.mark.parametrize(("name", "layout", "how"), CASES, ids=["-".join(c) for c in CASES])
def test_no_constructed_value_is_proposed_under_another_values_label(name, layout, how):
    header, rows = TABLES[name]
    _, above, h, rs, below = next(p for p in perturb(header, rows) if p[0] == how)
    body = render(layout, h, rs)
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        (above + "\n" if above else "") + body + ("\n" + below if below else "") + "\n\nEnd of response.\n"
    assert _wrong(text, header, rs) == [], text


TITLES = ("Number of officers seconded", "Officers on career break", "Officers away from the force",
          "Figures for each year", "Requests received and refused", "Arrests by year", "Police Officers Seconded Abroad",
          "Officers Seconded Abroad", "Crimes Recorded Locally", "Annual Leave Taken", "Hate Crime Reports Received")
ROWS = {2: ["2007 12 4", "2008 15 6", "2009 11 5"], 3: ["2007 12 4 3", "2008 15 6 2", "2009 11 5 7"],
        4: ["2007 12 4 3 1", "2008 15 6 2 1", "2009 11 5 7 0"]}


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("width", sorted(ROWS))
def test_a_title_over_single_space_rows_is_never_cut_into_one_word_column_labels(title, width):
    """A phrase over rows of single-spaced counts is a title, not headings: cut one word per column it gives labels
    like 'of', 'officers', 'seconded', which stand on the line above and so pass the citation check."""
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + title + "\n" + \
        "\n".join(ROWS[width]) + "\n\nEnd of response.\n"
    words = set(title.split())
    for table in extract(text.encode()).proposals:
        for row in table.rows:
            assert not {str(row[d]) for d in table.dims} & words, (title, width, row)


RUN_TOGETHER = (("Male", "12", "Female", "4"), ("Charged", "31", "Cautioned", "7", "No further action", "55"),
                ("Under 18", "3", "Adults", "40"), ("Rape", "120", "Sexual assault", "98"))


@pytest.mark.parametrize("lead", ["", "2019 ", "In 2019: "])
@pytest.mark.parametrize("pairs", RUN_TOGETHER, ids=lambda p: p[0])
def test_a_row_run_together_never_labels_a_count_by_the_next_label(pairs, lead):
    """`Male 12 Female 4`: a table's row run together on one line, as PDF letters saved as text give them. The words
    after a count are the next count's label; a sentence reader took them for its own ('12 Female')."""
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + lead + \
        " ".join(pairs) + "\n\nEnd of response.\n"
    own = dict(zip(pairs[1::2], pairs[0::2]))
    for table in extract(text.encode()).proposals:
        for row in table.rows:
            labels = {str(row[d]) for d in table.dims} & set(pairs[0::2])
            assert row["status"] == "blank" or labels <= {own.get(str(row["value"]))}, (row, labels)


@pytest.mark.parametrize("heading", ["% change", "Percentage", "Rate per 1,000", "Average age", "+/-", "Difference"])
@pytest.mark.parametrize("layout", ["tab", "pipe", "spaced", "csv"])
def test_a_column_of_shares_rates_averages_or_changes_is_never_proposed_as_counts(heading, layout):
    """Cells under '% change' or 'Average age' are derived from counts; proposed as counts they mislead."""
    header, rows = ["Year", "Arrests", heading], [["2019", "120", "5"], ["2020", "98", "18"]]
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        render(layout, header, rows) + "\n\nEnd of response.\n"
    proposed = [(row["value"], {str(row[d]) for d in t.dims}) for t in extract(text.encode()).proposals for row in t.rows]
    assert not any(heading in labels or value in (5, 18) for value, labels in proposed), proposed


@pytest.mark.parametrize("label", ["Mean", "Median", "Average", "Highest", "Lowest", "Maximum", "Minimum"])
@pytest.mark.parametrize("layout", ["tab", "pipe", "spaced", "runs", "csv"])
def test_a_row_naming_a_statistic_is_never_proposed_as_counts(label, layout):
    """A 'Mean 14' or 'Highest 30 28' row under the counts summarises them; proposed as a count it misleads."""
    header, rows = ["Offence", "2019", "2020"], [["Rape", "12", "16"], ["Assault", "30", "28"], [label, "21", "22"]]
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        render(layout, header, rows) + "\n\nEnd of response.\n"
    proposed = [(row["value"], {str(row[d]) for d in t.dims}) for t in extract(text.encode()).proposals for row in t.rows]
    assert not any(label in labels or value in (21, 22) for value, labels in proposed), proposed


@pytest.mark.parametrize("heading", ["Cost (£)", "Spend in pounds", "Total expenditure", "Average days to charge",
                                     "Rate per thousand people", "Median age of victims", "Officers per 1,000 people",
                                     "Crimes per head"])
@pytest.mark.parametrize("gap", [" ", "    ", "\t"])
def test_a_list_under_a_money_or_average_heading_is_never_proposed_as_counts(heading, gap):
    """'Year Cost (£)' over '2019 1200' rows: the values are money or averages, whichever reader takes the rows."""
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        f"Year{gap}{heading}\n2019{gap}1200\n2020{gap}1500\n2021{gap}1350\n" + "\n\nEnd of response.\n"
    proposed = [(row["value"], {str(row[d]) for d in t.dims}) for t in extract(text.encode()).proposals for row in t.rows]
    assert not any(value in (1200, 1500, 1350) for value, labels in proposed), proposed


@pytest.mark.parametrize("layout", ["tab", "pipe", "runs", "csv", "spaced"])
@pytest.mark.parametrize("header", [["Offence", "2019", "2020"], ["", "2019", "2020"], ["Offence", "2020", "Total"]])
def test_a_row_with_more_values_than_headings_is_never_read_into_the_first_columns(layout, header):
    """'2019 2020' over 'Rape 12 15 9': a heading is missing, and which one cannot be told; the first values are not
    put under the first headings."""
    rows = [["Rape", "12", "15", "9"], ["Assault", "30", "28", "22"]]
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        render(layout, header, rows) + "\n\nEnd of response.\n"
    proposed = [(row["value"], row["line"]) for t in extract(text.encode()).proposals for row in t.rows
                if row["status"] != "blank"]
    assert not proposed, proposed


@pytest.mark.parametrize("note", ["1 Figures exclude cancelled crimes.", "1 Data extracted from the crime system.",
                                  "1 Offences recorded under the Home Office counting rules.", "1 Please note the caveats.",
                                  "1 includes transferred crimes", "2 excludes cancelled crimes."])
@pytest.mark.parametrize("layout", ["tab", "pipe", "runs", "spaced"])
def test_a_lone_numbered_note_under_a_table_is_not_a_count(note, layout):
    """'1 Figures exclude ...' under a table is note 1, not a count of 1 labelled 'Figures exclude'."""
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        render(layout, ["Year", "Offences"], [["2019", "12"], ["2020", "15"]]) + f"\n{note}\n\nEnd of response.\n"
    where = text.split("\n").index(note) + 1
    proposed = [(row["value"], row["line"]) for t in extract(text.encode()).proposals for row in t.rows]
    assert not [p for p in proposed if p[1] == where], proposed


@pytest.mark.parametrize("rows", [[["2019", "1,234"], ["2020", "1 234"]], [["Rape", "1,234"], ["Assault", "2 345"]],
                                  [["April", "980"], ["May", "1 045"], ["June", "870"]]])
def test_a_count_with_a_space_for_the_thousands_never_lends_its_thousands_to_the_label(rows):
    """'2020 1 234' is 1 234 as likely as the label '2020 1' and 234: which cannot be told, so it is not guessed."""
    text = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n" + \
        render("runs", ["Period", "Offences"], rows) + "\n\nEnd of response.\n"
    proposed = [{str(row[d]) for d in t.dims} for t in extract(text.encode()).proposals for row in t.rows]
    assert not [labels for labels in proposed if any(label[-1:].isdigit() and " " in label and not label.startswith(
        ("19", "20")) or label.startswith(("2020 ", "May ", "Assault ")) for label in labels)], proposed



def test_number_labels_rise_in_runs_under_worded_labels():
    """The one rule behind ages as row labels, in the one-cell, comma and label-veto readers alike."""
    from scripts.extract.cells import first_fall
    assert first_fall([None, 13, 14, None, 13, 14]) is None  # Male 13 14, Female 13 14
    assert first_fall([None, 13, 14, None, 13, 14], across_words=True) == 4
    assert first_fall([12, 30, 28]) == 2  # counts read as labels
