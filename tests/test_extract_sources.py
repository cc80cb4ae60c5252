"""The extractor on spreadsheets and web pages: it proposes the constructed request's tables exactly, cited to cells."""
from __future__ import annotations

import csv

from scripts.extract.grids import extract_file

from .fixtures.sources.make import make_request


def curated(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.reader(f)][1:]


def proposed(table) -> list[list[str]]:
    return [[r[d] for d in table.dims] + ["" if r["value"] is None else str(r["value"]), r["status"], r["sheet"], r["cell"]]
            for r in table.rows]


def test_xlsx_tables_are_proposed_exactly(tmp_path):
    folder = make_request(tmp_path)
    offences, platforms = extract_file("attachments/figures.xlsx", (folder / "attachments/figures.xlsx").read_bytes())
    assert (offences.sheet, offences.rows_dims, len(offences.column_dims)) == ("Offences", ["year"], 2)
    assert proposed(offences) == curated(folder / "tables/offences.csv")
    assert proposed(platforms) == curated(folder / "tables/platforms.csv")
    assert offences.notes == ["Offences: hidden rows 6 are not proposed; check them before publishing"]


def test_html_table_is_proposed_exactly_with_row_spans(tmp_path):
    folder = make_request(tmp_path)
    (outcomes,) = extract_file("response.html", (folder / "response.html").read_bytes())
    assert (outcomes.dims, outcomes.rows_dims, outcomes.column_dims) == (["outcome", "age", "year"], ["outcome", "age"], ["year"])
    assert proposed(outcomes) == curated(folder / "tables/outcomes.csv")


def test_page_furniture_numbers_are_not_values(tmp_path):
    folder = make_request(tmp_path)
    (outcomes,) = extract_file("response.html", (folder / "response.html").read_bytes())
    assert not any(r["value"] in (3, 101, 123, 4567, 2023) and r["cell"].startswith(("A", "B")) for r in outcomes.rows)


def test_command_line_writes_cell_cited_tables_that_the_build_accepts(tmp_path):
    """make extract on the XLSX and the page writes CSVs into the request's tables/, cited by cell, totals reconciled."""
    import subprocess
    import sys

    from .conftest import ROOT
    folder = make_request(tmp_path)
    out = tmp_path / "proposed"
    reports = {}
    for name in ("attachments/figures.xlsx", "response.html"):
        result = subprocess.run([sys.executable, "-m", "scripts.extract", str(folder / name), "--out", str(out)], cwd=ROOT,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "NOT PROVEN" not in result.stdout
        reports[name] = result.stdout
    assert "Hidden parts (look at them; declare them under files[].hidden before publishing): Offences!row 6" in reports[
        "attachments/figures.xlsx"]
    assert curated(out / "offences.csv") == curated(folder / "tables/offences.csv")
    assert curated(out / "table-1.csv") == curated(folder / "tables/outcomes.csv")
    assert "total 22 (Offences!F7) equals its parts over year" in subprocess.run(
        [sys.executable, "-m", "scripts.extract", str(folder / "attachments/figures.xlsx"), "--dry-run"], cwd=ROOT,
        capture_output=True, text=True).stdout


def test_a_sum_row_in_a_spreadsheet_is_a_stated_total_and_its_disagreement_is_reported(tmp_path):
    """A workbook's `Sum:` row was proposed as one more outcome, and 245 against parts of 244 went unreported."""
    import subprocess
    import sys

    from openpyxl import Workbook

    from .conftest import ROOT
    book = Workbook()
    sheet = book.active
    sheet.title = "Outcomes"
    for row in [["Outcome", "Count"], ["Charged", 200], ["Caution", 30], ["No further action", 14], ["Sum:", 245]]:
        sheet.append(row)
    path = tmp_path / "outcomes.xlsx"
    book.save(path)
    (table,) = extract_file(path.name, path.read_bytes())
    assert table.dims[0] == "outcome"
    assert [(r["outcome"], r["value"]) for r in table.rows][-1] == ("Total", 245)
    out = subprocess.run([sys.executable, "-m", "scripts.extract", str(path), "--dry-run"], cwd=ROOT, capture_output=True,
                         text=True).stdout
    assert "total DISAGREES" in out and "245" in out and "244" in out, out
