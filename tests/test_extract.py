"""The table extractor: seeds reproduce their curated tables; constructed fixtures cover each layout and awkward case."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.extract import extract
from scripts.extract.report import reconciliation, report
from scripts.extract.__main__ import main
from scripts.curated.tables import FIXED
from scripts.packages.writers import csv_bytes

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
T = "Total"


def run(name: str):
    return extract((FIXTURES / f"{name}.txt").read_bytes())


def rows(table) -> list[tuple]:
    return [tuple(r[d] for d in table.dims) + (r["value"], r["status"], r["line"]) for r in table.rows]


def as_csv(table) -> bytes:
    header = table.dims + FIXED
    return csv_bytes(header, [[r[h] for h in header] for r in table.rows])


@pytest.mark.parametrize("request_id, curated", [
    ("bedfordshire-foi2019-05348", ["cms-offenders-under-14", "athena-offenders-under-14"]),
    ("south-yorkshire-20210999", ["keyword-counts"]),
])
def test_seed_tables_are_reproduced_exactly(request_id, curated):
    folder = ROOT / "datapackages" / request_id
    result = extract((folder / "response.txt").read_bytes())
    assert [as_csv(t) for t in result.tables] == [(folder / "tables" / f"{name}.csv").read_bytes() for name in curated]
    assert all(c.agrees for t in result.tables for c in reconciliation(t))
    assert result.unchecked == []


def test_seed_answers_and_prose_counts_are_proposed_for_a_curator_to_confirm():
    result = extract((ROOT / "datapackages/hertfordshire-foi2018-00739/response.txt").read_bytes())
    assert [rows(t) for t in result.tables] == [[("Q1", 88, "reported", 61)]]
    assert [(t.rows[0]["line"], t.rows[0]["value"]) for t in result.prose] == [(63, 76), (65, 622)]
    assert result.prose[1].rows[0]["measure"] == ('The total number of offences relating to "Indecent Images of Children" '
                                                    'during this period was')
    assert result.totals[result.tables[0].name] == []  # "Q2 – ... the total ... was 76" answers another question
    result = extract((ROOT / "datapackages/south-yorkshire-20210999/response.txt").read_bytes())
    assert [(t.rows[0]["line"], t.rows[0]["value"], t.rows[0]["measure"]) for t in result.prose] == [
        (28, 30, "offences are currently recorded without victim details")]
    assert [(n, code) for n, code, _ in result.codes] == [(9, "71/17"), (26, "71/17")]


def test_tab_pivot_with_two_levels_age_bands_blanks_and_codes():
    (table,) = run("pivot-two-levels").tables
    assert table.dims == ["offence", "age", "year"]
    assert "levels by sums" in table.structure
    got = rows(table)
    assert got[:6] == [("86/2 Take or make indecent photographs", T, "2021", 6, "reported", 4),
                       ("86/2 Take or make indecent photographs", T, "2022", 5, "reported", 4),
                       ("86/2 Take or make indecent photographs", T, T, 11, "reported", 4),
                       ("86/2 Take or make indecent photographs", "Under 10's", "2021", 1, "reported", 5),
                       ("86/2 Take or make indecent photographs", "Under 10's", "2022", None, "blank", 5),
                       ("86/2 Take or make indecent photographs", "Under 10's", T, 1, "reported", 5)]
    assert ("7117 - Sexual communication with a child", "16 and over", "2022", None, "blank", 11) in got
    assert got[-3:] == [(T, T, "2021", 12, "reported", 12), (T, T, "2022", 9, "reported", 12), (T, T, T, 21, "reported", 12)]
    assert len(got) == 27
    assert [(n, c) for n, c, _ in run("pivot-two-levels").codes] == [(4, "86/2"), (8, "86/10"), (10, "71/17")]


def test_space_separated_with_thousands_and_a_blank_cell():
    (table,) = run("spaced-table").tables
    assert table.grid.layout == "space-separated"
    assert rows(table) == [
        ("Possession of images", "2019", 1204, "reported", 6), ("Possession of images", "2020", 980, "reported", 6),
        ("Possession of images", T, 2184, "reported", 6), ("Distribution", "2019", 15, "reported", 7),
        ("Distribution", "2020", None, "blank", 7), ("Distribution", T, 15, "reported", 7),
        (T, "2019", 1219, "reported", 8), (T, "2020", 980, "reported", 8), (T, T, 2199, "reported", 8)]
    assert all(c.agrees for c in reconciliation(table))


def test_pipe_table_with_suppressed_cells_and_a_total_that_disagrees():
    result = run("pipe-table")
    (table,) = result.tables
    assert [r[1:] for r in rows(table) if r[0] == "Caution"] == [("2018", None, "suppressed", 6), ("2019", None, "suppressed", 6),
                                                                  (T, 3, "reported", 6)]
    assert ("Outcome 21", "2019", None, "suppressed", 7) in rows(table)
    lines = report(result, "pipe-table.txt", {}).splitlines()
    assert ("    DISAGREES: stated total 34 (outcome=Total, year=Total; response line 8) but its parts over outcome add up to 31 "
            "(response lines 5, 6, 7)") in lines
    assert "  totals: 2 of 7 agree with their parts; 4 cannot be checked" in lines
    assert ("    CANNOT BE CHECKED: stated total 12 (outcome=Total, year=2019; response line 8): cannot be checked: "
            "a part is suppressed (response lines 6, 7)") in lines


def test_pipe_table_flattened_to_one_cell_per_line():
    (table,) = run("pipe-flattened").tables
    assert table.grid.layout == "pipe, one cell per line"
    assert rows(table) == [("Snapchat", "2020", 14, "reported", 9), ("Snapchat", "2021", 22, "reported", 10),
                           ("Instagram", "2020", 9, "reported", 12), ("Instagram", "2021", None, "suppressed", 13),
                           (T, "2020", 23, "reported", 15), (T, "2021", 22, "reported", 16)]


def test_label_dash_number_lists_with_nil_none_redacted_and_total():
    (table,) = run("list-dashes").tables
    assert table.name == "platform-counts" and table.dims == ["platform"]
    assert rows(table) == [("Facebook", 12, "reported", 5), ("WhatsApp", 3, "reported", 6), ("Twitter", 0, "nil", 7),
                           ("Kik", 0, "nil", 8), ("Discord", None, "suppressed", 9), (T, 15, "reported", 10)]


def test_mis_encoded_dashes_are_read_and_reported():
    result = run("mojibake")
    (table,) = result.tables
    assert rows(table) == [("North", 4, "reported", 4), ("South", 6, "reported", 5), (T, 10, "reported", 6)]
    assert result.repaired == [4, 5, 6]
    assert "Mis-encoded characters repaired for reading on lines 4, 5, 6" in report(result, "m", {})


def test_windows_1252_text_is_read_and_said_so():
    result = run("windows-1252")
    assert result.encoding == "not UTF-8; read as Windows-1252"
    assert rows(result.tables[0])[:2] == [("Grooming – meeting a child", "2019", 3, "reported", 4),
                                          ("Grooming – meeting a child", "2020", 4, "reported", 4)]


def test_total_that_does_not_add_up_is_reported_with_both_numbers():
    result = run("total-mismatch")
    (table,) = result.tables
    assert (T, T, 29, "reported", 7) in rows(table)  # kept as published, never adjusted
    lines = report(result, "total-mismatch.txt", {}).splitlines()
    assert lines[lines.index("  totals: 5 of 7 agree with their parts") + 1:][:2] == [
        "    DISAGREES: stated total 9 (age=16 and over, year=Total; response line 6) but its parts over year add up to 8 (response lines 6)",
        "    DISAGREES: stated total 29 (age=Total, year=Total; response line 7) but its parts over year add up to 28 (response lines 7)"]


def test_table_split_by_a_page_break_is_joined():
    (table,) = run("page-break").tables
    assert [r[0] for r in rows(table)] == ["Possession"] * 2 + ["Distribution"] * 2 + ["Taking"] * 2 + [T] * 2
    assert "lines 6-8: page break inside the table; joined" in table.notes
    assert all(c.agrees for c in reconciliation(table))


def test_header_repeated_mid_table_is_skipped():
    (table,) = run("repeated-header").tables
    assert "line 6: the header is repeated; skipped" in table.notes
    assert rows(table) == [("January", "Offences", 12, "reported", 4), ("January", "Charged", 3, "reported", 4),
                           ("February", "Offences", 9, "reported", 5), ("February", "Charged", 2, "reported", 5),
                           ("March", "Offences", 7, "reported", 7), ("March", "Charged", 1, "reported", 7),
                           (T, "Offences", 28, "reported", 8), (T, "Charged", 6, "reported", 8)]


def test_columns_of_unequal_length_are_noted_not_guessed():
    (table,) = run("unequal-columns").tables
    assert ("Possession", "2020") not in [r[:2] for r in rows(table)]
    assert table.notes == ["line 4: 2 cells for 3 columns; nothing is proposed under '2020'",
                           "line 5: 4 cells for 3 columns: a heading is missing, so which column each value stands "
                           "under cannot be told; the row is not read"]
    assert "Taking" not in [r[0] for r in rows(table)]  # 1 2 3 99 under 2018 2019 2020: which heading is missing?


def test_sum_row_and_dash_as_suppressed():
    (table,) = run("sum-row").tables
    assert rows(table) == [("Q1", "Reports", 3, "reported", 4), ("Q2", "Reports", 5, "reported", 5),
                           ("Q3", "Reports", None, "suppressed", 6), ("Q4", "Reports", 2, "reported", 7),
                           (T, "Reports", 10, "reported", 8)]
    (check,) = reconciliation(table)  # a suppressed part: the total cannot be checked, and the report says why
    assert check.verdict == "cannot be checked: a part is suppressed (response line 6)" and not check.checkable


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "datapackages").glob("*/response.txt")),
                         ids=lambda p: p.parent.name if p.name == "response.txt" else p.stem)
def test_every_proposed_value_stands_on_its_line(path):
    assert extract(path.read_bytes()).unchecked == []


def test_fixtures_are_marked_as_constructed():
    for path in FIXTURES.glob("*.txt"):
        assert path.read_bytes().startswith(b"CONSTRUCTED TEST FIXTURE: not a police response.")


def test_cli_never_writes_over_a_curated_table_without_the_flag(tmp_path, capsys):
    response = tmp_path / "response.txt"
    response.write_bytes((FIXTURES / "list-dashes.txt").read_bytes())
    curated = tmp_path / "tables" / "platform-counts.csv"
    curated.parent.mkdir()
    curated.write_text("curated by hand\n")
    assert main([str(response)]) == 1
    assert curated.read_text() == "curated by hand\n"
    assert "use --overwrite to replace curated tables" in capsys.readouterr().err
    assert main([str(response), "--overwrite"]) == 0
    assert curated.read_text().startswith("platform,value,status,line\nFacebook,12,reported,5\n")


def test_cli_writes_proposals_and_report(tmp_path, capsys):
    out = tmp_path / "out"
    assert main([str(ROOT / "datapackages/bedfordshire-foi2019-05348/response.txt"), "--out", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == ["recorded-crime-offender-aged-under-14-01-01-2017-22-05-2018.csv",
                       "recorded-crime-offender-aged-under-14-23-05-2018-19-08-2019.csv"]
    text = capsys.readouterr().out
    assert "  totals: 26 of 26 agree with their parts" in text and "  totals: 21 of 21 agree with their parts" in text


def test_lists_labelled_by_year_with_thousands_and_small_numbers():
    (table,) = run("list-years").tables
    assert table.dims == ["year"]
    assert rows(table) == [("2017/18", 41, "reported", 5), ("2018/19", 1063, "reported", 6), ("2019", 52, "reported", 7),
                           ("2020", None, "suppressed", 8)]
