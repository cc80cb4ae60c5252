"""Constructed tables in the shapes PDF letters saved as text leave them in (tests/pdf_shapes.py: headings wrapped over
lines, year rows under a one-line header, rows run together on a line, cross-tabs whose empty cells vanished, page
furniture mid-table), measured per family: no value may carry another value's label or a label the table does not
have, and each family's read rate may not fall below its floor (extract_shape_floors.yaml; floors only rise)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.extract import extract
from tests.pdf_shapes import FAMILIES, FIXTURE, cases
from tests.shape_measure import measure

FLOORS = yaml.safe_load((Path(__file__).parent / "extract_shape_floors.yaml").read_text(encoding="utf-8"))
CASES = list(cases())


@pytest.mark.parametrize(("family", "name", "body", "header", "rows"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_no_value_is_proposed_under_a_label_not_its_own(family, name, body, header, rows):
    text = FIXTURE.format(body)
    assert measure(text, header, rows)[2] == [], text


@pytest.mark.parametrize("family", list(FAMILIES))
def test_each_family_reads_at_least_its_floor(family):
    got = want = 0
    for fam, _, body, header, rows in CASES:
        if fam == family:
            g, w, _ = measure(FIXTURE.format(body), header, rows)
            got, want = got + g, want + w
    assert got / want >= FLOORS[family], f"{family}: {got}/{want} read, floor {FLOORS[family]:.1%}"


def test_year_rows_under_a_header_that_splits_two_ways_are_refused_with_the_reason():
    text = FIXTURE.format("Year Referred to CPS Charged\n2019 41 30\n2020 52 47")
    result = extract(text.encode())
    assert not any(t.rows for t in result.proposals)
    assert any("'Year Referred to CPS Charged' splits into 2 labels in more than one way" in u for u in result.unread)


def test_column_labels_that_repeat_their_first_word_split_one_way():
    result = extract(FIXTURE.format("Year Cases referred Cases closed\n\n2019 41 30\n2020 52 47").encode())
    got = {(r["year"], r[t.dims[-1]]): r["value"] for t in result.proposals for r in t.rows}
    assert got == {("2019", "Cases referred"): 41, ("2019", "Cases closed"): 30, ("2020", "Cases referred"): 52,
                   ("2020", "Cases closed"): 47}


def test_pairs_run_together_under_a_heading_line_keep_its_column_label_over_two_lines():
    text = FIXTURE.format("Outcome Number\nCharged 14 Cautioned 6\nNo further action 31 Community resolution 3")
    got = {(r["outcome"], r[t.dims[-1]]): r["value"] for t in extract(text.encode()).proposals for r in t.rows}
    assert got == {("Charged", "Number"): 14, ("Cautioned", "Number"): 6, ("No further action", "Number"): 31,
                   ("Community resolution", "Number"): 3}


def test_a_tab_table_broken_by_a_page_mark_and_a_reference_line_is_read_whole_and_passes_the_check():
    body = "Offence\t2019\t2020\nRape\t12\t15\nAssault\t30\t28\n\nOur ref: FOI 2024-0123\nPage 2\n\nGrooming\t4\t6\nOther\t1\t2"
    result = extract(FIXTURE.format(body).encode())
    got = {(r["offence"], r["year"]): r["value"] for t in result.proposals for r in t.rows}
    assert got[("Grooming", "2020")] == 6 and got[("Other", "2019")] == 1 and len(got) == 8
    assert result.unchecked == []


def test_rows_whose_empty_cells_vanished_are_refused_never_shifted_left():
    for body in ("Offence 2019 2020 2021\nRape 12 9\nSexual assault 30 28 33\nGrooming 4",
                 "Offence 2019 2020 2021 Rape 12 9 Sexual assault 30 28 33 Grooming 4"):
        result = extract(FIXTURE.format(body).encode())
        rows = [(r["offence"], r["year"], r["value"]) for t in result.proposals for r in t.rows]
        assert not any(label in ("Rape", "Grooming") for label, _, _ in rows), body
        assert all(label == "Sexual assault" for label, _, _ in rows)
    assert any("'Rape' has 2 counts for 3 columns (12, 9): its empty cells vanished" in u for u in result.unread)


def test_aligned_headings_wrapped_over_two_lines_are_joined_and_pass_the_check():
    body = "        Number of    Number of\nYear    officers     staff\n2018    1,204        312\n2019    1,250        298"
    result = extract(FIXTURE.format(body).encode())
    got = {(r["year"], r[t.dims[-1]]): r["value"] for t in result.proposals for r in t.rows}
    assert got == {("2018", "Number of officers"): 1204, ("2018", "Number of staff"): 312,
                   ("2019", "Number of officers"): 1250, ("2019", "Number of staff"): 298}
    assert result.unchecked == []


def test_a_heading_wrapped_from_the_top_whose_bottom_line_is_empty_is_a_column_of_its_own():
    body = "        Number      Number       Number\n        of          of police    of\nYear    officers                 volunteers\n" \
           "2018    1,204       312          45\n2019    1,250       298          51"
    result = extract(FIXTURE.format(body).encode())
    got = {(r["year"], r[t.dims[-1]]): r["value"] for t in result.proposals for r in t.rows}
    assert got[("2018", "Number of police")] == 312 and got[("2019", "Number of volunteers")] == 51 and len(got) == 6
    assert result.unchecked == []


def test_two_aligned_page_columns_interleaved_line_by_line_are_refused_with_the_reason():
    body = next(c[2] for c in CASES if c[0] == "interleaved" and c[1] == "left-aligned")
    result = extract(FIXTURE.format(body).encode())
    assert not any(t.rows for t in result.proposals)
    assert any("rows stand in two alignments" in u for u in result.unread)


def test_a_row_of_small_counts_is_never_a_header_unless_its_corner_says_what_the_numbers_are():
    result = extract(FIXTURE.format("Rape / 1 / 2 / 3\nAssault / 4 / 5 / 6\nOther / 7 / 8 / 9").encode())
    assert not any(t.rows for t in result.proposals)  # was: Assault's 4 under the column '1'
    result = extract(FIXTURE.format("Age / 10 / 11 / 12\nMale / 4 / 5 / 6\nFemale / 7 / 8 / 9").encode())
    got = {(r[t.dims[0]], r[t.dims[-1]]): r["value"] for t in result.proposals for r in t.rows}
    assert got[("Male", "10")] == 4 and got[("Female", "12")] == 9
