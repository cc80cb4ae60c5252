"""The layouts real police responses come in, one constructed fixture each: every value with its line and labels,
every total reconciled, and no date, year, reference, section, question number, phone number or code taken as a value."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.extract import extract
from scripts.extract.report import report

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
T = "Total"
R, B, S, N = "reported", "blank", "suppressed", "nil"


def run(name: str):
    return extract((FIXTURES / f"{name}.txt").read_bytes())


def rows(table) -> list[tuple]:
    return [tuple(r[d] for d in table.dims) + (r["value"], r["status"], r["line"]) for r in table.rows]


def report_lines(result, name: str) -> list[str]:
    return report(result, name, {}).splitlines()


def test_web_table_flattened_to_one_cell_per_line_with_row_starts_blanks_and_a_sum_row():
    result = run("web-table-flattened")
    first, grouped = result.tables
    assert first.grid.layout == "pipe, one cell per line"
    assert (first.dims, first.layout_rows, first.layout_columns) == (["gender", "age"], ["gender"], ["age"])
    assert rows(first) == [
        ("Female", "Under 13", None, B, 20), ("Female", "13-15", 17, R, 21), ("Female", "16-17", 3, R, 22),
        ("Female", "Not recorded", 2, R, 23), ("Male", "Under 13", None, S, 26), ("Male", "13-15", None, S, 27),
        ("Male", "16-17", None, B, 28), ("Male", "Not recorded", None, B, 29), ("Not recorded", "Under 13", None, B, 32),
        ("Not recorded", "13-15", 6, R, 33), ("Not recorded", "16-17", None, B, 34), ("Not recorded", "Not recorded", 1, R, 35),
        (T, "Under 13", 4, R, 38), (T, "13-15", 26, R, 39), (T, "16-17", 3, R, 40), (T, "Not recorded", 3, R, 41)]
    lines = report_lines(result, "web")
    assert ("    CANNOT BE CHECKED: stated total 26 (gender=Total, age=13-15; response line 39): cannot be checked: "
            "a part is suppressed (response line 27)") in lines
    assert "  totals: 2 of 5 agree with their parts; 3 cannot be checked" in lines  # 16-17 and Not recorded add up
    assert result.furniture == [2, 3, 4, 5, 70]


def test_flattened_web_table_with_offence_rows_above_their_outcome_rows_and_a_rule_without_outer_pipes():
    grouped = run("web-table-flattened").tables[1]
    assert (grouped.layout_rows, grouped.layout_columns) == (["offence", "outcome"], ["year"])
    assert rows(grouped)[:6] == [
        ("86/2 Take or make indecent images", "Charge/summons", "2022", 6, R, 52),
        ("86/2 Take or make indecent images", "Charge/summons", "2023", 9, R, 53),
        ("86/2 Take or make indecent images", "Caution", "2022", 2, R, 55),
        ("86/2 Take or make indecent images", "Caution", "2023", None, B, 56),
        ("86/2 Take or make indecent images", "Outcome 21", "2022", 11, R, 58),
        ("86/2 Take or make indecent images", "Outcome 21", "2023", None, S, 59)]
    assert rows(grouped)[6:] == [
        ("86/10 Possession of indecent images", "Charge/summons", "2022", 4, R, 64),
        ("86/10 Possession of indecent images", "Charge/summons", "2023", 5, R, 65), (T, T, "2022", 23, R, 67), (T, T, "2023", 19, R, 68)]
    checks = {c.line: c for c in run("web-table-flattened").totals[grouped.name]}
    assert checks[67].agrees and checks[67].parts_sum == 23 and not checks[68].checkable


def test_total_count_in_the_text_above_a_table_is_a_count_and_a_total_that_cannot_be_checked():
    result = run("web-table-flattened")
    (prose,) = result.prose
    assert rows(prose) == [("March 2024 - Total Count", 41, R, 9)]
    assert ("    CANNOT BE CHECKED: stated total 41 (stated in a sentence; response line 9): cannot be checked: "
            "a part is suppressed (response lines 26, 27)") in report_lines(result, "web")


def test_cells_split_by_single_spaces_and_labels_with_spaces_and_dashes_ending_in_sum():
    result = run("single-spaces")
    years, outcomes = result.tables
    assert years.grid.layout == "single spaces"
    assert rows(years) == [("2016", "Arrests", 41, R, 9), ("2016", "Cautions", 7, R, 9), ("2017", "Arrests", 38, R, 10),
                           ("2017", "Cautions", 5, R, 10), ("2018", "Arrests", 52, R, 11), ("2018", "Cautions", None, S, 11)]
    assert rows(outcomes) == [
        ("AB01 – Charge/Summons", 31, R, 18), ("AB04 – No suspect / victim declines", 17, R, 19),
        ("AB14 – Suspect identified; evidential difficulties", 44, R, 20),
        ("AB18 – Investigation complete – no suspect identified", 96, R, 21),
        ("AB21 – Not in public interest (police)", 22, R, 22), (T, 212, R, 23)]
    assert outcomes.dims == ["outcome"] and outcomes.layout_columns == []


def test_sum_row_and_prose_total_that_disagree_are_both_reported_with_both_numbers():
    result = run("single-spaces")
    lines = report_lines(result, "s")
    assert ("    DISAGREES: stated total 212 (outcome=Total; response line 23) but its parts over outcome add up to 210 "
            "(response lines 18, 19, 20, 21, 22)") in lines
    assert ("    DISAGREES: stated total 215 (stated in a sentence; response line 13) but its parts over every cell of the table "
            "add up to 210 (response lines 18, 19, 20, 21, 22)") in lines
    assert [rows(t) for t in result.prose] == [[("recorded crimes under Home Office offence code 88A", 215, R, 13)]]
    assert (15, "Please see the table below for the outcomes of those 215 crimes.") in result.loose  # a restatement


def test_one_cell_per_line_with_blank_lines_between_header_cells_first():
    arrests, periods = run("one-cell-per-line").tables
    assert arrests.grid.layout == "one cell per line"
    assert rows(arrests) == [("2020", "Arrests", 64, R, 15), ("2020", "Charges", 27, R, 17), ("2020", "Convictions", 15, R, 19)]
    assert rows(periods) == [("Before 2015", "Count", 3, R, 29), ("2015 to 2019", "Count", 8, R, 33), ("2020 onwards", "Count", 4, R, 37)]


def test_lists_separated_by_blank_lines_numbered_items_and_bare_numbered_answers():
    numbered, answers, platforms = run("lists-numbered").tables
    assert rows(numbered) == [("1a", "Charged", 7, R, 5), ("1b", "Cautioned", 0, R, 7)]
    assert numbered.layout_rows == ["question", "category"]
    assert rows(answers) == [("2", 3, R, 9), ("Q3", 12, R, 11)]
    assert rows(platforms) == [("Snapchat", 14, R, 15), ("Instagram", 9, R, 17), ("WhatsApp", 0, N, 19),
                               ("Discord", None, S, 21), (T, 23, R, 23)]
    assert platforms.name == "platform-counts"


def test_years_listed_as_lettered_items_are_not_values():
    result = run("lists-numbered")
    assert all(r["line"] not in (25, 26) for t in result.proposals for r in t.rows)
    assert (25, "2019 (year)") in result.not_data


def test_equals_answers():
    (table,) = run("equals-answers").tables
    assert rows(table) == [
        ("1a", "Offences recorded between 1 April 2015 and 31 March 2016", 87, R, 5),
        ("1b", "Non-crime incidents recorded between 1 April 2015 and 31 March 2016", 112, R, 7),
        ("2", "Offences recorded between 1 April 2015 and 31 March 2016 with an outcome of charge or summons", 19, R, 9)]


def test_counts_in_prose_become_one_row_tables_and_restatements_and_words_are_left_to_read():
    result = run("prose-counts")
    assert result.tables == []
    assert [rows(t)[0] for t in result.prose] == [
        ("offences recorded under s15A of the Sexual Offences Act 2003 in the period", 63, R, 8),
        ("referrals from the national agency", "2023", 71, R, 9), ("involved a child under 13", 9, R, 9),
        ("individuals aged 17 and under were brought into custody", 1204, R, 10)]
    assert [n for n, _ in result.loose] == [11, 12, 13]
    lines = report_lines(result, "p")
    assert "  line 12 (a count written in words, which the build cannot cite: eight): The total number of offences involving a platform was eight." in lines


def test_header_repeated_part_way_down_starts_a_second_table_and_the_prose_total_cannot_be_checked():
    result = run("repeated-header-pipe")
    male, female = result.tables
    assert rows(male) == [("0-9", "Male", None, S, 4), ("10-13", "Male", 8, R, 5), ("14-17", "Male", 11, R, 6)]
    assert rows(female) == [("0-9", "Female", 6, R, 8), ("10-13", "Female", 14, R, 9), ("14-17", "Female", 19, R, 10)]
    (check,) = result.totals[male.name]
    assert check.stated == 61 and check.part_lines == (4, 5, 6, 8, 9, 10) and check.withheld == (4,) and not check.checkable


def test_page_furniture_dates_references_sections_question_numbers_phones_and_codes_are_never_values():
    result = run("not-data")
    assert result.proposals == [] and result.loose == []
    judged = dict(result.not_data)
    assert judged[6] == "101 (phone number), 4455001 (phone number)"
    assert judged[7] == "01632 (phone number), 960456 (phone number)"
    assert judged[9] == "2023 (date)" and judged[14] == "2019 (year)"
    assert judged[17] == "1 (question number), 18 (age), 21 (Home Office code)"
    assert judged[20] == "12 (legal section), 450 (money, time or share), 18 (money, time or share)"
    assert judged[22] == "2 (page number), 3 (page number)"


@pytest.mark.parametrize("name", ["web-table-flattened", "single-spaces", "one-cell-per-line", "lists-numbered", "equals-answers",
                                  "prose-counts", "repeated-header-pipe", "not-data"])
def test_no_proposed_value_is_a_date_year_reference_section_or_code(name):
    result = run(name)
    for table in result.proposals:
        for row in table.rows:
            line = result.lines[row["line"] - 1]
            assert row["status"] != "reported" or str(row["value"]) not in ("2015", "2016", "2019", "2020", "2023", "2024"), (name, row, line)
    assert result.unchecked == []


def test_help_says_which_layouts_are_read_with_an_example_of_each(capsys):
    from scripts.extract.__main__ import main
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for example in ("Offence<TAB>2019", "| Outcome | 2019 | 2020 |", "2016 41 7", "Sum: 212", "|---|---|---|", "Snapchat – 14",
                    "1a. Charged – 5", "2. 4", "= 87", "There have been 39 offences", "page furniture"):
        assert example in text, example


def test_header_repeated_part_way_down_a_flattened_web_table_starts_a_second_table():
    result = run("repeated-header-flattened")
    male, female = result.tables
    assert rows(male) == [("0-9", "Male", None, S, 6), ("10-13", "Male", 8, R, 8)]
    assert rows(female) == [("0-9", "Female", 6, R, 12), ("10-13", "Female", 14, R, 14)]
    assert female.notes == ["line 9: a new header part-way down starts this table"] and result.unchecked == []


def test_offence_code_rows_with_subtotals_above_their_outcome_rows_are_the_outer_label():
    result = run("web-table-subtotals")
    (table,) = result.tables
    assert (table.layout_rows, table.layout_columns) == (["offence", "outcome"], ["year"])
    assert rows(table)[:3] == [("86/2 Take or make indecent images", T, "2020", 8, R, 7),
                               ("86/2 Take or make indecent images", T, "2021", 9, R, 8),
                               ("86/2 Take or make indecent images", "Charge/summons", "2020", 6, R, 10)]
    assert ("86/10 Possession", "Caution", "2021", 4, R, 23) in rows(table)
    checks = result.totals[table.name]
    assert len(checks) == 6 and all(c.agrees for c in checks) and result.unchecked == []


def test_one_cell_a_line_rows_whose_labels_are_long_statute_names_are_read():
    """`Section 60 Criminal Justice and Public Order Act 1994` (9 words) inside a stream of one-cell lines, with a value
    on the next line, is a row label (before, the table ended above it and its counts were lost); a long line after
    the table with no value under it is not taken into it."""
    (table,) = run("one-cell-long-labels").tables
    rows = [(r["line"], r["value"], r["category"], r["year"]) for r in table.rows]
    assert (17, 2, "Section 60 Criminal Justice and Public Order Act 1994", "2021") in rows
    assert (23, 1, "Sporting Events (Control of Alcohol etc.) Act 1985, section 7", "2021") in rows
    assert len(rows) == 6 and table.grid.end == 25
