"""An OpenDocument spreadsheet attachment (CONSTRUCTED with odfpy, not police data): read, hidden row found, proposed by cell."""
from __future__ import annotations

import io

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from scripts.curated.citation import GridTarget
from scripts.extract.grids import extract_file
from scripts.curated.sources import read_source


def constructed_ods() -> bytes:
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Offences")
    for values, hidden in ((["Year", "Possession", "Distribution", "Total"], False), (["2021", 5, 3, 8], False),
                           (["Officer in case", "DC Made-Up Name", None, None], True), (["2022", 6, 2, 8], False),
                           (["Total", 11, 5, 16], False)):
        row = TableRow(visibility="collapse") if hidden else TableRow()
        for v in values:
            cell = TableCell(valuetype="float", value=v) if isinstance(v, int) else TableCell(valuetype="string") if v else TableCell()
            if v is not None:
                cell.addElement(P(text=str(v)))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def test_ods_is_read_with_its_hidden_row():
    source = read_source("figures.ods", constructed_ods())
    grid = source.grids["Offences"]
    assert source.hidden == ["Offences!row 3"]
    assert [grid.text(5, c) for c in range(1, 5)] == ["Total", "11", "5", "16"]


def test_ods_tables_are_proposed_by_cell_and_pass_the_build_check():
    data = constructed_ods()
    (table,) = extract_file("figures.ods", data)
    assert [(r["year"], r["measure"], r["value"], r["cell"]) for r in table.rows][:3] == [
        ("2021", "Possession", 5, "B2"), ("2021", "Distribution", 3, "C2"), ("2021", "Total", 8, "D2")]
    assert not any(r["cell"].endswith("3") for r in table.rows)  # nothing from the hidden row
    target = GridTarget(read_source("figures.ods", data), "figures.ods")

    class Row:
        def __init__(self, r):
            self.value, self.status, self.sheet, self.cell = r["value"], r["status"], r["sheet"], r["cell"]
    assert [target.check(Row(r), [r["year"]], [r["measure"]]) for r in table.rows] == [None] * len(table.rows)
    wrong = Row(table.rows[0])
    wrong.cell = "C2"
    assert target.check(wrong, ["2021"], ["Possession"]) == "the cell holds '3', not 5"
