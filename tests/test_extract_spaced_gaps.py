"""Aligned tables saved from web pages with a blank line after each row are read; a column headed as money is not."""
from __future__ import annotations

from pathlib import Path

from scripts.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _rows(name: str) -> list[tuple]:
    result = extract((FIXTURES / name).read_bytes())
    assert result.unchecked == []
    return [tuple(r[d] for d in t.dims) + (r["value"], r["line"]) for t in result.tables for r in t.rows]


def test_blank_lines_between_the_rows_of_an_aligned_table_do_not_end_it():
    rows = _rows("spaced-blank-line-between-rows.txt")
    assert ("2013", "Arrests", 8155, 7) in rows and ("2015", "Arrests", 5247, 11) in rows
    assert ("Public disorder", "No. of Crimes", 3, 15) in rows
    assert ("Less serious violence against the person", "No. of Crimes", 1, 17) in rows
    assert len(rows) == 5


def test_an_aligned_table_whose_first_row_holds_counts_is_reported_not_read():
    """With no heading line, the first row would be taken as the header: 7194 labelled '8155', a wrong label that the
    citation check cannot catch (8155 does stand above it). Blank lines between rows or none, it is refused, by the
    veto every reader's readings pass (headings.py)."""
    for gap in ("\n\n", "\n"):
        text = f"CONSTRUCTED\n\nThe figures are below.  They cover three years.\n\n2013         8155{gap}" \
               f"2014         7194{gap}2015         7000\n"
        result = extract(text.encode())
        assert result.proposals == []
        assert any("the column headings hold counts (8155)" in why for why in result.unread), result.unread


def test_a_column_headed_as_money_is_reported_not_proposed():
    rows = _rows("spaced-money-column.txt")
    assert [(r[0], r[1], r[2]) for r in rows] == [("2016/17", "Firearms bought", 12), ("2017/18", "Firearms bought", 30)]
    notes = [n for t in extract((FIXTURES / "spaced-money-column.txt").read_bytes()).tables for n in t.notes]
    assert any("'19,458' under 'Spend £': a sum of money, not a count" in n for n in notes)
