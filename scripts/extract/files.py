"""The extractor on source files: spreadsheets and web pages cited by cell, PDFs by page and line."""
from __future__ import annotations

import sys
from pathlib import Path

from ..curated import reconcile
from ..curated.citation import GridTarget
from ..curated.model import Layout
from ..curated.sources import SourceError, read_source
from ..curated.tables import Table
from ..packages.writers import csv_bytes
from . import extract
from .grids import extract_file

FILE_SUFFIXES = (".xlsx", ".ods", ".csv", ".html", ".htm", ".pdf")


def _write(target: Path, header: list[str], rows: list[dict], overwrite: bool, dry_run: bool) -> str:
    if dry_run:
        return f"would write {target}" + (" (exists: needs --overwrite)" if target.exists() and not overwrite else "")
    if target.exists() and not overwrite:
        return f"NOT written: {target} exists (use --overwrite to replace it)"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(csv_bytes(header, [[row[h] for h in header] for row in rows]))
    return f"written: {target}"


def grid_report(path: Path, out: Path, overwrite: bool, dry_run: bool) -> tuple[list[str], bool]:
    """Propose every sheet's or HTML table's tidy table; each proposal is checked as the build will check it."""
    data = path.read_bytes()
    lines, ok = [f"Extracted from {path} (tables cite sheet and cell)"], True
    source = read_source(path.name, data)
    target = GridTarget(source, path.name)
    if source.hidden:
        lines.append(f"Hidden parts (look at them; declare them under files[].hidden before publishing): {', '.join(source.hidden)}")
    for table in extract_file(path.name, data):
        header = table.dims + ["value", "status", "sheet", "cell"]
        written = _write(out / f"{table.name}.csv", header, table.rows, overwrite, dry_run)
        ok = ok and not written.startswith("NOT")
        lines += [f"\nTable {table.name}: sheet {table.sheet!r}, {len(table.rows)} values; {written}",
                  f"  layout: {{rows: [{', '.join(table.rows_dims)}], columns: [{', '.join(table.column_dims)}]}}"]
        layout = Layout(tuple(table.rows_dims), tuple(table.column_dims))
        for row in table.rows:
            view = _RowView(row)
            why = target.check(view, [row[d] for d in layout.rows], [row[d] for d in layout.columns])
            if why:
                lines.append(f"  NOT PROVEN {row['sheet']}!{row['cell']}: {why}")
        for check in reconcile.checks(Table({"name": table.name}, path, table.dims, table.rows)):
            if check.agrees:
                lines.append(f"  total {check.total['value']} ({check.total['sheet']}!{check.total['cell']}) equals its parts over "
                             f"{check.over}")
            else:
                lines.append(f"  total DISAGREES: {reconcile.describe(check, table.dims)}")
        lines += [f"  note: {n}" for n in table.notes]
    return lines, ok


class _RowView:
    """A proposed dict row seen as the build's Row (value, status, sheet, cell)."""

    def __init__(self, row: dict):
        self.value, self.status, self.sheet, self.cell = row["value"], row["status"], row["sheet"], row["cell"]


def pdf_report(path: Path, out: Path, overwrite: bool, dry_run: bool) -> tuple[list[str], bool]:
    """Each page of a PDF, as laid out, read by the text extractor; rows cite page and line."""
    source = read_source(path.name, path.read_bytes())
    lines, ok = [f"Extracted from {path} ({len(source.pages)} pages; tables cite page and line)"], True
    for number, page in enumerate(source.pages, start=1):
        result = extract(page.encode("utf-8"))
        for table in result.proposals:
            if not table.rows:
                continue
            rows = [{**row, "page": number} for row in table.rows]
            header = table.dims + ["value", "status", "page", "line"]
            written = _write(out / f"page-{number}-{table.name}.csv", header, rows, overwrite, dry_run)
            ok = ok and not written.startswith("NOT")
            lines.append(f"\nPage {number}, table {table.name}: {len(rows)} values; {written}")
    return lines, ok


def main(path: Path, out: Path, overwrite: bool, dry_run: bool) -> int:
    """Command line for a source file: exit 1 when a proposal would overwrite a curated CSV, 2 when the file cannot be read."""
    try:
        lines, ok = (pdf_report if path.suffix.lower() == ".pdf" else grid_report)(path, out, overwrite, dry_run)
    except SourceError as err:
        print(f"error: {path}: {err}", file=sys.stderr)
        return 2
    sys.stdout.write("\n".join(lines) + "\n")
    if not ok:
        print("error: some tables were not written because the file exists; use --overwrite to replace curated tables", file=sys.stderr)
        return 1
    return 0
