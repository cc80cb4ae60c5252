"""The general table reader on the shapes real responses come in (issue 25): rows run together on a PDF line, cells
split by ' / ', a header and its values on one line, pairs on a line, one cell a line with years in the header; rows
whose empty cells vanished are reported, never placed by guess; money and percentages are never counts."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.extract import extract
from scripts.extract.report import report
from scripts.extract.score import score

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def read(name: str):
    return extract((FIXTURES / name).read_bytes())


def cells(table) -> list[tuple]:
    return [tuple(r[d] for d in table.dims) + (r["value"], r["line"]) for r in table.rows]


def test_rows_run_together_on_a_line_under_a_header_of_years():
    (table,) = read("runs-together.txt").tables
    assert table.dims == ["category", "year"]
    assert cells(table)[:4] == [("Albania", "2018", 4, 7), ("Albania", "2019", 7, 7), ("Albania", "2020", 2, 7),
                                ("Brazil", "2018", 1, 7)]
    assert cells(table)[-1] == ("Total", "2020", 10, 9)
    assert len(table.rows) == 15


def test_a_row_whose_empty_cells_vanished_is_reported_not_placed():
    result = read("runs-vanished-cells.txt")
    (table,) = result.tables
    assert {r["category"] for r in table.rows} == {"Admin - Lost property", "ASB - Personal"}
    assert any("'Admin - Found property' has 2 counts for 3 columns" in n and "not read" in n for n in table.notes)
    assert "Admin - Found property' has 2 counts" in report(result, "x", {})


def test_a_number_of_heading_then_label_count_pairs_run_together():
    (table,) = read("runs-counted.txt").tables
    assert table.dims == ["gender", "measure"]
    assert cells(table) == [("Female", "Number of Arrests", 404, 3), ("Male", "Number of Arrests", 2117, 3),
                            ("Not Recorded", "Number of Arrests", 21, 3), ("Total", "Number of Arrests", 2542, 3)]


def test_cells_split_by_slashes_with_financial_years():
    (table,) = read("slashed.txt").tables
    assert cells(table)[:2] == [("North", "2015/16", 37, 5), ("North", "2016/17", 55, 5)]
    assert cells(table)[-1] == ("Total", "2017/18", 146, 7)


def test_a_header_and_its_values_on_one_line():
    (table,) = read("header-values.txt").tables
    assert cells(table) == [("FY 2016-17", 6175, 5), ("FY 2017-18", 23734, 5), ("FY 2018-19", 14954, 5)]


def test_pairs_on_a_line_and_money_and_percentages_are_not_counts():
    result = read("pairs-on-a-line.txt")
    months, systems = result.tables
    assert cells(months) == [("Jan", 4, 3), ("Feb", 9, 3), ("Mar", 12, 3)]
    assert cells(systems) == [("Niche", 41, 5), ("Athena", 17, 5)]
    assert not any(r["line"] == 7 for t in result.proposals for r in t.rows)
    assert (7, "4 (question number), 1,200 (money, time or share), 45 (money, time or share)") in result.not_data


def test_a_web_table_one_cell_a_line_with_years_in_its_header_is_read_six_wide_not_two():
    """The issue's example: a header cell, the year cells, then a label and its counts, each as `cell |`; read as a
    two-column table it was citable line by line, and wrong."""
    (table,) = read("one-cell-web-years.txt").tables
    assert table.dims == ["ethnicity", "year"]
    assert cells(table)[:3] == [("Asian", "2021", 10, 8), ("Asian", "2022", 12, 9), ("Asian", "2023", 14, 10)]
    assert cells(table)[-1] == ("Total", "2023", 21, 18)


def test_the_score_prefers_headers_that_look_like_headers_labels_that_stay_labels_and_totals_that_add_up():
    wide = score(["Ethnicity", "2021", "2022"], [["Asian", "10", "12"], ["Black", "5", "6"], ["Total", "15", "18"]])
    narrow = score(["Ethnicity", "2021"], [["2022", "Asian"], ["10", "12"]])
    assert wide > narrow
    assert score(["Area", "Count"], [["North", "3"], ["Total", "4"]]) < score(["Area", "Count"], [["North", "3"], ["Total", "3"]])


def test_never_a_traceback_on_any_bytes():
    for data in (b"", b"\xff\xfe\x00", b"|\n|\n|", b"2019 2020\n", b"Total 5 6 7 Total", "£ % – — |".encode()):
        extract(data)


def test_a_reading_the_builds_citation_check_refuses_is_withdrawn_and_reported():
    """Every line of a tab pivot run into one: what cannot be cited is not proposed, and the report says why."""
    from scripts.extract import self_check
    text = (FIXTURES / "pivot-two-levels.txt").read_text(encoding="utf-8").replace("\n", " ")
    result = extract(text.encode())
    assert result.unchecked  # the readers got it wrong...
    assert self_check(result.proposals, result.lines) == []  # ...so nothing refused is proposed
    assert any("the build's citation check refuses it" in u for u in result.unread)


def test_counts_of_each_kind_on_a_line_and_a_bare_answer_under_its_question():
    result = read("kinds-and-answers.txt")
    first, second, answer = result.tables
    assert first.dims == ["period", "category"]
    assert cells(first) == [("2012, 2013", "General Purpose Dogs", 54, 5), ("2012, 2013", "Explosives", 4, 5),
                            ("2012, 2013", "Drugs/Weapon/Cash", 12, 5)]
    assert cells(second)[0] == ("2021", "General Purpose Dogs", 28, 6)
    assert cells(answer) == [("How many handlers were there in the dog unit on 1 April 2023?", 48, 10)]
    assert not any(r["line"] == 12 for t in result.proposals for r in t.rows)  # a margin and a period, not counts


def test_counts_of_each_kind_run_together():
    result = read("kinds-run-together.txt")
    (ranks,) = result.tables
    assert cells(ranks) == [("Assistant Chief Constable", 1, 3), ("Detective Superintendent", 2, 3), ("Intelligence Officer", 1, 3)]


def test_a_header_with_no_cell_over_the_row_labels_puts_the_values_under_the_right_years():
    for name, lines in (("spaced-no-corner.txt", (4, 4)), ("web-no-corner.txt", (6, 7))):
        (table,) = read(name).tables
        assert cells(table)[:2] == [("Received", "2018", 100, lines[0]), ("Received", "2019", 120, lines[1])], name
        assert ("Answered", "2019", 110) in [c[:3] for c in cells(table)], name


def test_a_tab_header_with_no_corner_cell_is_never_read_one_year_off():
    """Read as before, 100 stood under 2019 and passed the citation check: plausible and wrong. Now the reading puts
    it under 2018, and the build's check proves that: a header of years one cell short of its rows has no corner
    cell, so its cells stand over the row's cells one place on (it was refused, and reported, in between)."""
    result = extract(b"CONSTRUCTED\n\n2018\t2019\nReceived\t100\t120\nAnswered\t90\t110\n")
    assert not any(r["value"] == 100 and r.get("year") == "2019" for t in result.proposals for r in t.rows)
    (table,) = result.tables
    assert [(r["category"], r["year"], r["value"]) for r in table.rows] == [
        ("Received", "2018", 100), ("Received", "2019", 120), ("Answered", "2018", 90), ("Answered", "2019", 110)]
    assert result.unchecked == []


def test_lines_that_follow_one_template_a_name_a_count_and_the_same_word():
    result = read("led-by-name.txt")
    (table,) = result.tables
    assert cells(table) == [("Great Yarmouth Police Station", 8, 5), ("Thetford Police Station", 5, 7),
                            ("Ipswich Police Station", 21, 11)]
    assert not any(r["line"] > 12 for t in result.proposals for r in t.rows)  # legal sections are not counts


def test_pairs_with_separators_run_together_are_labelled_without_the_separator():
    result = read("pairs-with-separators.txt")
    platforms, genders = result.tables
    assert cells(platforms) == [("Snapchat", 14, 3), ("WhatsApp", 3, 3), ("Discord", 2, 3), ("Instagram", 9, 3)]
    assert cells(genders) == [("Female", 4046, 7), ("Male", 2117, 7), ("Unknown", 12, 7)]
    assert genders.dims == ["gender"]


def test_a_header_of_month_names_over_rows_of_counts():
    (table,) = read("months-header.txt").tables
    assert table.dims == ["category", "month"]
    assert cells(table)[:2] == [("Arrests", "Jan", 4, 4), ("Arrests", "Feb", 5, 4)]
    assert ("Charges", "Total", 3, 5) in cells(table)


def test_a_header_of_age_bands_over_rows_of_counts():
    (table,) = read("bands-header.txt").tables
    assert table.dims == ["gender", "age"]
    assert cells(table)[:2] == [("Female", "0-9", 3, 4), ("Female", "10-15", 12, 4)]


def test_numbers_in_the_quoted_request_are_never_data():
    """Grades, years and 999 calls in the requester's words (between "You asked:" and "In Response:") are not read,
    and the report says why; the answer's count is still proposed."""
    result = read("quoted-request.txt")
    values = [(r["line"], r["value"]) for t in result.proposals for r in t.rows]
    assert values == [(13, 412)]
    assert result.request == list(range(3, 12))
    assert (9, "2 (in the quoted request)") in result.not_data


def test_a_number_that_names_a_row_is_part_of_its_label():
    """'Grade 1' names a grade, '101 non-emergency line' a phone line: never counts, wherever they stand."""
    result = read("named-numbers.txt")
    values = sorted((r["line"], r["value"]) for t in result.proposals for r in t.rows)
    assert values == [(8, 23), (9, 45), (10, 67), (11, 14)]
    (table,) = result.tables
    assert [r[table.dims[0]] for r in table.rows] == ["Grade 1", "Grade 2", "Grade 3"]


def test_label_colon_count_pairs_on_a_line_with_parallel_labels():
    """Two label: count pairs on a line are two rows; a first label that follows a sentence is the words that mirror
    the second; a reference and a version number are never pairs."""
    result = read("colon-pairs.txt")
    pairs = [t for t in result.tables if t.grid.layout == "pairs on a line"]
    rows = [(r[t.dims[0]], r["value"], r["line"]) for t in pairs for r in t.rows]
    assert rows == [("Disclosed not on register", 3, 5), ("Disclosed on register", 5, 5),
                    ("not on register", 7, 6), ("on register", 2, 6)]
    assert all(r["line"] != 7 for t in result.proposals for r in t.rows)


def test_a_table_that_runs_over_a_page_mark_is_one_table():
    """'NOT PROTECTIVELY MARKED' or 'OFFICIAL' / 'Page 2 of 3' between two rows: the rows after it keep the header
    above it (before, the row after the mark was taken for a header and the Total row's counts were labelled 4, 6, 10)."""
    for name, grooming in [("page-marks-mid-table.txt", 9), ("page-marks-run-together.txt", 10)]:
        result = read(name)
        (table,) = result.tables
        rows = [(r[table.dims[0]], r[table.dims[1]], r["value"], r["line"]) for r in table.rows]
        assert ("Grooming", "2019", 4, grooming) in rows
        assert ("Total", "2020", 48, grooming + 1) in rows
        assert result.unchecked == [] and result.loose == []


def test_a_header_with_more_column_labels_than_the_rows_have_values_is_not_guessed():
    """'Offence 2018 2019 2020 Total' over rows of three values: a cell vanished and which one is unknown, so the rows are
    reported, not read (before, they were read as 2019, 2020 and Total: a wrong table that passes the citation check)."""
    result = read("header-longer-than-rows.txt")
    assert result.proposals == []
    assert any("no heading line that splits into 3 column labels" in u for u in result.unread)


def test_a_total_after_the_years_of_a_run_together_header_is_a_column():
    """'Offence 2018 2019 2020 Total Rape 1 2 3 6 ...': Total heads a column (before, it became the first word of the
    first row's label). Rows with a count fewer than the header are not placed by guess."""
    (table,) = read("runs-header-total.txt").tables
    assert cells(table)[:4] == [("Rape", "2018", 1, 3), ("Rape", "2019", 2, 3), ("Rape", "2020", 3, 3), ("Rape", "Total", 6, 3)]
    result = read("runs-header-total-short-rows.txt")
    assert result.proposals == [] and result.loose == [(3, "Offence 2018 2019 2020 Total Rape 1 2 3 Assault 4 5 6")]


def test_a_one_cell_a_line_header_is_never_cut_one_cell_late():
    """Header cells Offence, 2018, 2019, 2020, Total over rows of four cells: reading 2018 as the row labels' heading
    and Rape's counts as 2019, 2020, Total fits the cells but is wrong; no reading is proposed."""
    result = read("one-cell-header-longer-than-rows.txt")
    assert result.proposals == []
    assert [n for n, _ in result.loose] == [9, 10, 11, 13, 14, 15]


def test_a_no_break_space_alone_on_a_line_is_an_empty_cell_of_a_one_cell_a_line_table():
    """A web table saved one cell a line keeps an empty cell as a line holding only a no-break space: it is a blank
    cell in its place (before, it was taken for a gap between cells and the table was not read), and the build's
    citation check accepts a blank there."""
    result = read("one-cell-nbsp-empty.txt")
    (table,) = result.tables
    assert [(r["offence"], r["year"], r["value"], r["status"], r["line"]) for r in table.rows] == [
        ("Rape", "2019", 12, "reported", 7), ("Rape", "2020", None, "blank", 8),
        ("Assault", "2019", 30, "reported", 10), ("Assault", "2020", 28, "reported", 11)]
    assert result.unchecked == []


def test_rows_labelled_by_months_in_calendar_order_are_counts_and_two_odd_months_are_dates():
    """'January 4 / February 7 / March 0 / Total 11' is a count a month (before, each line was taken for a date and
    nothing was read); 'March 4 / June 5' may be two dates, so it is reported, not read."""
    result = read("month-rows.txt")
    (table,) = result.tables
    assert [(r["month"], r["value"], r["line"]) for r in table.rows] == [
        ("January", 4, 4), ("February", 7, 5), ("March", 0, 6), ("Total", 11, 7)]
    assert any("may be dates; not read" in u for u in result.unread)


def test_two_tables_side_by_side_on_a_pdf_page():
    """Two page columns interleaved line by line. Under one header repeated, the repeated header is skipped (before,
    it was read as a row 'Offence' of counts 2019 and 2020); under headers of other years, nothing is read (before, the
    second table's counts were proposed with the first table's rows and counts run into their labels)."""
    (table,) = read("side-by-side-same-header.txt").tables
    assert [(r["offence"], r["year"], r["value"]) for r in table.rows][:4] == [
        ("Rape", "2019", 12), ("Rape", "2020", 14), ("Burglary", "2019", 40), ("Burglary", "2020", 41)]
    assert all(r["offence"] != "Offence" for r in table.rows)
    result = read("side-by-side-other-years.txt")
    assert result.proposals == [] and [n for n, _ in result.loose] == [4, 5]


def test_suppression_markers_in_a_row_of_single_spaced_cells():
    """'Rape * 6' and 'Grooming <5 7': the star and the <5 are withheld counts in their columns, and the build's check
    sees them (before, it refused the table, so nothing was proposed)."""
    result = read("suppressed-single-spaces.txt")
    (table,) = result.tables
    assert [(r["offence"], r["year"], r["status"], r["value"]) for r in table.rows] == [
        ("Rape", "2019", "suppressed", None), ("Rape", "2020", "reported", 6),
        ("Grooming", "2019", "suppressed", None), ("Grooming", "2020", "reported", 7),
        ("Assault", "2019", "reported", 0), ("Assault", "2020", "nil", 0)]  # two cells for two columns: read since
    assert result.unchecked == []  # the readers' readings are weighed together (choose.py)


def test_a_heading_before_pairs_run_together_is_not_part_of_the_first_label():
    """'Outcome Number Charged 12 Cautioned 4 NFA 30': the first label is Charged, not 'Outcome Number Charged'; and a
    line that opens with its own heading ('Ethnicity Total White 12 ...') starts another table rather than continuing
    the one above under its column."""
    result = read("headed-pairs-run-together.txt")
    labels = [[(r[t.dims[0]], r["value"], r["line"]) for r in t.rows] for t in result.tables]
    assert labels[0] == [("Charged", 12, 3), ("Cautioned", 4, 3), ("NFA", 30, 3)]
    assert labels[-1] == [("White", 12, 5), ("Black", 4, 5), ("Asian", 3, 5)]
    assert all(r["line"] != 5 for r in result.tables[1].rows)


def test_lines_quoted_in_an_email_reply_are_the_request():
    """'> Please give figures for 1, 2 and 3 star incidents.' quotes the request: its numbers are never counts (before,
    2 and 3 were proposed); the answer's counts are."""
    result = read("quoted-email.txt")
    assert sorted((r["line"], r["value"]) for t in result.proposals for r in t.rows) == [(8, 14), (8, 17)]
    assert result.request == [5, 6]


def test_a_row_label_ending_in_the_word_act_keeps_its_counts():
    """'Causing a child to watch a sexual act 3 5 2' is a row of three counts (before, 'act 3' was taken for a section
    of an Act, and the row was reported as having lost a cell)."""
    (table,) = read("label-ends-in-act.txt").tables
    assert [(r["year"], r["value"]) for r in table.rows if r["offence"] == "Causing a child to watch a sexual act"] == [
        ("2019/20", 3), ("2020/21", 5), ("2021/22", 2)]


def test_an_answer_word_and_its_count_are_labelled_by_the_question_above():
    """'Question 1: How many arrests ...?' then 'Answer: 23': the count is labelled by its question, as written (before,
    by the word 'Answer'), and the build's check takes the label from the question line above."""
    result = read("answer-word-under-question.txt")
    rows = [(r["question"], r["value"], r["line"]) for t in result.tables for r in t.rows]
    assert rows == [("How many arrests were made in 2019?", 23, 4), ("How many of those were under 18?", 4, 6)]
    assert result.unchecked == []


def test_a_percentage_beside_a_count_is_reported_never_proposed():
    """'Charged 12 40%' under 'Outcome Number %': the count is read with its label, the percentage (and the % heading)
    is reported as a share, never proposed; before, nothing was read but 'Total 30' as a sentence."""
    result = read("percent-beside-count-spaced.txt")
    (table,) = result.tables
    assert [(r[table.dims[0]], r["value"], r["line"]) for r in table.rows] == [
        ("Charged", 12, 4), ("Cautioned", 18, 5), ("Total", 30, 6)]
    assert all(r["value"] not in (40, 60, 100) for t in result.proposals for r in t.rows)
    assert [(n, why.split()[0]) for n, why in result.not_data] == [(4, "40%"), (5, "60%"), (6, "100%")]
    assert result.unchecked == []


def test_a_list_of_counts_each_with_its_percentage_is_read_as_counts():
    result = read("percent-beside-count-list.txt")
    assert [(r[t.dims[0]], r["value"]) for t in result.tables for r in t.rows] == [
        ("Charged", 12), ("Cautioned", 18), ("No further action", 0)]
    assert "share, not a count" in result.not_data[0][1]


def test_bare_pipe_lines_between_rows_of_one_cell_lines_mark_the_rows():
    """A web table saved one cell a line with a line holding only `|` before each row: the pipes mark the rows (before,
    they broke the run of cells and nothing was read); rows shorter than the header between markers are not guessed."""
    (table,) = read("bare-pipe-row-markers.txt").tables
    assert [(r["offence"], r["year"], r["value"], r["line"]) for r in table.rows][:4] == [
        ("Rape", "2019", 4, 11), ("Rape", "2020", 6, 12), ("Rape", "2021", 7, 13), ("Sexual assault", "2019", 3, 16)]
    assert table.values == 9
    assert read("bare-pipe-row-markers-short-rows.txt").proposals == []


def test_a_heading_cell_before_a_one_cell_label_value_list_does_not_swallow_the_first_label():
    """'Ethnicity', then 'White', '45', 'Black', '12' ... one cell a line: before, both 'Ethnicity' and 'White' were
    skipped as header cells, White's 45 was lost and the stated total 66 was reported as disagreeing with 21."""
    result = read("one-cell-heading-then-list.txt")
    (table,) = result.tables
    assert table.dims == ["ethnicity"]
    assert [(r["ethnicity"], r["value"]) for r in table.rows] == [("White", 45), ("Black", 12), ("Asian", 9), ("Total", 66)]
    assert all(check.agrees for check in result.totals[table.name])


def test_a_percentage_after_each_count_of_a_row_is_reported_and_the_counts_keep_their_columns():
    """'Male 120 4.5% 130 5.0% 128 4.8%' under 'Gender 2019 2020 2021': before, only 'Male 120' was read, as a
    sentence, and the other counts were lost; now each count stands under its year and each share is reported."""
    result = read("percent-after-each-count.txt")
    (table,) = result.tables
    assert [(r["gender"], r["year"], r["value"]) for r in table.rows][:3] == [
        ("Male", "2019", 120), ("Male", "2020", 130), ("Male", "2021", 128)]
    assert result.not_data[0] == (4, "4.5%, 5.0%, 4.8% (a percentage beside a count: a share, not a count; not proposed)")
    assert result.unchecked == []


@pytest.mark.parametrize("name, why", [
    ("page-columns-interleaved.txt", "lines 3 and 4: two headers (Offence 2019 2020 / Age band 2019 2020)"),
    ("page-columns-interleaved-other-years.txt", "lines 3 and 4: two headers (Offence 2019 2020 / Outcome 2021 2022)"),
    ("two-tables-side-by-side.txt", "line 3: two headers side by side (Offence 2019 2020 / Age band 2019 2020)")])
def test_two_tables_interleaved_or_side_by_side_are_refused_and_reported(name, why):
    """Two page columns interleaved line by line, or two tables on the same lines, each under its own header: before,
    one table was proposed with age bands or outcomes as offences (under the wrong years in one), passing the
    citation check; now nothing is proposed from those lines, not even a 'Total 14' sentence, and the report says why."""
    result = read(name)
    assert result.proposals == []
    assert any(u.startswith(why) and u.endswith("nothing proposed") for u in result.unread)
    assert result.loose  # the numbers are still listed as left to read


@pytest.mark.parametrize("name, why", [
    ("two-header-rows-uneven.txt", "line 4: a second header row (Male, Female, Male) under headings that span columns"),
    ("heading-spans-columns.txt", "line 3: values stand under a blank heading after '2019'")])
def test_columns_with_two_levels_of_labels_or_a_spanning_heading_are_not_guessed(name, why):
    """'Offence 2019 _ 2020' over 'Male Female Male': which year the third column falls under cannot be told (once, the
    certain 'Offence 2019 _ 2020 _' over 'Male Female Male Female' was refused here too: it is now read, see
    test_extract_labels); a blank heading with no second header row: nothing proposed, and the report says why."""
    result = read(name)
    assert result.proposals == []
    assert any(why in u and u.endswith("nothing proposed") for u in result.unread)


@pytest.mark.parametrize("name, expected", [
    ("single-spaced-band-headings.txt", [("Rape", "Under 13", 1), ("Rape", "13-15", 2), ("Rape", "16-17", 3)]),
    ("single-spaced-row-heading-phrase.txt", [("2019/20", "Arrests", 45), ("2019/20", "Charges", 12), ("2020/21", "Arrests", 50)]),
    ("single-spaced-number-of-headings.txt", [("Rape", "Number of crimes", 12), ("Rape", "Number of arrests", 4),
                                              ("Sexual assault", "Number of crimes", 30)])])
def test_a_single_spaced_heading_splits_where_its_column_labels_read_as_units(name, expected):
    """'Offence Under 13 13-15 16-17', 'Financial year Arrests Charges', 'Offence Number of crimes Number of arrests':
    before, no split was found and nothing was read; now the column labels are bands, 'Number of X' phrases, or the
    words after a row-label heading that is a phrase of its own."""
    result = read(name)
    (table,) = result.tables
    assert [tuple(r[d] for d in table.dims) + (r["value"],) for r in table.rows][:3] == expected
    assert result.unchecked == []


def test_an_age_in_a_single_spaced_row_label_stays_in_the_label():
    """'Sexual activity with a child under 13 12 15 11' under three years: 13 names the offence, 12 15 11 are its
    counts (before, the row was refused because 13 is an age, and the table was left unread)."""
    result = read("single-spaced-age-in-label.txt")
    (table,) = result.tables
    assert [(r["offence"], r["year"], r["value"]) for r in table.rows][3:5] == [
        ("Sexual activity with a child under 13", "2020/21", 12), ("Sexual activity with a child under 13", "2021/22", 15)]
    assert table.values == 6 and result.unchecked == []


def test_a_year_hyphen_count_list_reads_every_line():
    """'2019 - 12', '2020 - 15', '2021 - 9': before, the first two were judged references (4 digits, a dash, 2 digits)
    and only 2021 was proposed, a partial list; '2019 - 20' (a financial year) is still no count."""
    (table,) = read("year-hyphen-list.txt").tables
    assert [(r["year"], r["value"]) for r in table.rows] == [("2019", 12), ("2020", 15), ("2021", 9)]
    from scripts.extract.numbers import numbers_in
    assert [f.reason for f in numbers_in("2019 - 20")][1] == "year"


def test_two_tables_stacked_each_under_its_own_header_are_two_tables():
    """'Offence 2019 2020' rows, a blank line, then 'Outcome 2019 2020' rows: the rows-run-together reading skipped the
    second header as a repeat and proposed Charged and NFA as offences; a header inside a reading now rules it out,
    and the two tables are proposed, each with its own labels; nothing is reported as interleaved."""
    result = read("two-tables-stacked.txt")
    assert [(t.dims[0], [r[t.dims[0]] for r in t.rows][::2]) for t in result.tables] == [
        ("offence", ["Rape", "Sexual assault"]), ("outcome", ["Charged", "NFA"])]
    assert result.unread == []


def test_a_tab_table_with_a_blank_line_between_rows_is_one_table():
    """Web tables saved as text often leave a blank line between rows: the tab reader ended the table at the first one
    and the build's check looked for the header only on unbroken tab lines, so nothing was proposed."""
    result = read("tab-rows-blank-lines-between.txt")
    (table,) = result.tables
    assert [(r["offence"], r["year"], r["value"], r["line"]) for r in table.rows][:2] == [("Rape", "2019", 4, 5), ("Rape", "2020", 5, 5)]
    assert result.unchecked == []


def test_a_markdown_table_with_bold_headings_and_total_passes_the_builds_check():
    """'| **Offence** | **2019** |' and '| **Total** | **4** |': the extractor unwraps emphasis, but the build's check
    compared the header and value cells with their asterisks, refused the table, and nothing was proposed."""
    result = read("markdown-bold-cells.txt")
    (table,) = result.tables
    assert [(r["offence"], r["year"], r["value"]) for r in table.rows] == [
        ("Rape", "2019", 4), ("Rape", "2020", 5), ("Total", "2019", 4), ("Total", "2020", 5)]
    assert result.unchecked == []


def test_a_row_label_holding_a_count_after_a_colon_is_no_label():
    """'Total recorded: 2019: 45 2020: 50 2021: 38': the list reader proposed 38 labelled 'Total recorded: 2019: 45
    2020: 50 2021' (a label holding two counts, passing the citation check); that reading is still refused, and the
    line is read as year pairs after their lead-in (pairs.py), each count under its own year."""
    result = read("colon-pairs-after-a-heading.txt")
    assert [(t.grid.caption, r["year"], r["value"]) for t in result.proposals for r in t.rows] == [
        ("Total recorded", "2019", 45), ("Total recorded", "2020", 50), ("Total recorded", "2021", 38)]
    assert not any(isinstance(v, str) and ":" in v for t in result.proposals for r in t.rows for v in r.values())
    from scripts.extract.labels import count_in_label
    from scripts.extract.model import Grid, Row
    from scripts.extract.tidy import tidy
    grid = Grid("list", 3, 3, rows=[Row(3, ["Total recorded: 2019: 45 2020: 50 2021", "38"])])
    assert "holds 45, 50, which may be counts" in count_in_label(tidy(grid, "t"))


def test_a_numbered_items_number_is_a_question_not_an_age():
    """'1. 2019 - 45': the item number 1 was named 'age' (a number alone reads as an age), so 45 would have joined the
    age-1 rows of a combined table; a numbered item's number is its question."""
    (table,) = read("numbered-year-items.txt").tables
    assert table.dims == ["question", "year"]
    assert [(r["question"], r["year"], r["value"]) for r in table.rows] == [("1", "2019", 45), ("2", "2020", 50)]


def test_a_count_in_a_sentence_is_labelled_up_to_the_next_number():
    """'... 12 in a caution and 4 in a community resolution': 12 was labelled 'in a caution and 4 in a community
    resolution', a label holding another count; the label now stops before the next number."""
    result = read("counts-in-one-sentence.txt")
    assert [(t.rows[0]["measure"], t.rows[0]["value"]) for t in result.prose] == [("resulted in a charge", 31), ("in a caution", 12)]


def test_counts_run_together_before_their_labels_with_a_total_line_below():
    """`2 Detective Inspectors 14 Detective Sergeants ...` (a PDF line whose counts stand BEFORE their Title Case
    labels) is a list, with `81 Total` below as its total, checked (80 against 81 is reported); dates (`1 March 5
    June`) and a line with words that are not labels are not read so."""
    result = read("counts-before-labels.txt")
    ranks, animals = [t for t in result.tables if t.grid.layout == "counts before their labels"]
    assert [(r["category"], r["value"], r["line"]) for r in ranks.rows] == [
        ("Detective Inspectors", 2, 3), ("Detective Sergeants", 14, 3), ("Detective Constables", 61, 3),
        ("Police Staff Investigators", 3, 3), ("Total", 81, 5)]
    assert [(c.stated, c.parts_sum) for c in result.totals[ranks.name]] == [(81, 80)]
    assert [(r["category"], r["value"]) for r in animals.rows] == [("Dogs", 12), ("Horses", 3), ("Boats", 2)]
    assert not any(r["line"] == 7 for t in result.proposals for r in t.rows)
    assert not any(r["line"] == 9 and r[t.dims[0]] == "Staff" for t in result.proposals for r in t.rows)
    assert not any(r["line"] >= 13 for t in result.proposals for r in t.rows)  # addresses; a reference, a page, a section
    assert result.unchecked == []


def test_bulleted_answers_take_their_labels_from_bulleted_questions_of_the_same_length():
    """`- 212` and `- 37` answer, in order, the two bulleted questions above them: each is labelled by its question
    (before, neither was read), and the build's check proves it the same way; two answers under three questions are
    not read (which answer is whose cannot be told)."""
    from scripts.curated import citation
    from scripts.curated.response import ResponseText
    result = read("bulleted-answers.txt")
    rows = [(r["line"], r["value"], r[t.dims[0]]) for t in result.proposals for r in t.rows]
    assert rows == [(8, 212, "How many 101 calls were received about fireworks in 2023?"),
                    (9, 37, "How many 999 calls were received about fireworks in 2023?")]
    assert result.unchecked == []
    response = ResponseText((FIXTURES / "bulleted-answers.txt").read_bytes())
    assert citation.check(response, 9, ["How many 999 calls were received about fireworks in 2023?"], [], "reported", 37) is None
    assert citation.check(response, 9, ["How many 101 calls were received about fireworks in 2023?"], [], "reported", 37)
    assert citation.check(response, 16, ["the number of arrests"], [], "reported", 4)
