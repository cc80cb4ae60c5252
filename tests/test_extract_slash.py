"""Tables whose cells are split by ' / ' are read cell by cell, and refused when a heading may itself hold ' / '."""
from __future__ import annotations

from pathlib import Path

from scripts.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def test_a_status_word_in_a_slash_cell_is_noted_and_the_other_cells_read():
    result = extract((FIXTURES / "slash-status-word-cell.txt").read_bytes())
    (table,) = result.tables
    assert table.grid.layout == "slash"
    rows = [(r[table.dims[0]], r[table.dims[1]], r["value"], r["line"]) for r in table.rows]
    assert rows == [("Q1 2008", "Seconded", 12, 5), ("Q1 2008", "Total", 12, 5), ("Q2 2008", "Seconded", 9, 6),
                    ("Q2 2008", "Career break", 3, 6), ("Q2 2008", "Total", 12, 6)]
    assert any("'Not recorded' under 'Career break' is not a number" in n for n in table.notes)
    assert result.unchecked == []


def test_a_header_with_one_more_cell_than_the_rows_is_refused_with_the_reason():
    result = extract((FIXTURES / "slash-heading-holds-slash.txt").read_bytes())
    assert result.proposals == []
    assert any("a heading or a label may hold ' / ' itself" in why for why in result.unread), result.unread


def test_a_sentence_with_a_slash_is_no_table():
    text = b"CONSTRUCTED\n\nThe victim / witness / suspect was seen 3 times.\nThe victim / witness / suspect was seen 4 times.\n"
    assert all(t.grid.layout != "slash" for t in extract(text).tables)
