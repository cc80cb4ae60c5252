"""A spreadsheet's declared hidden parts are never republished: a copy without them, written with the library that read it.

Forces have published personal data in hidden sheets, rows and columns. The curator declares each hidden part after
looking at it; the package then carries a copy in which hidden sheets are removed and hidden rows' and columns' cells
are emptied (a hidden row's first cell says so) and shown, every other cell keeping its address, so the tables' cell citations still hold. Formulas
become their saved values (a formula could reach into a removed part), and the file's author fields are cleared.
The copy's bytes depend only on the original and the curation date.
"""
from __future__ import annotations

import io
import re
import zipfile

SUPPORTED = (".xlsx",)
REMOVED = "[hidden row removed: hidden parts of the force's file are never republished]"


def without_hidden(path: str, data: bytes, curated: str) -> bytes | None:
    """The copy of a spreadsheet without its hidden parts, or None when the file has none or is not of a supported kind."""
    if not path.lower().endswith(SUPPORTED):
        return None
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    changed = False
    for ws in list(wb.worksheets):
        if ws.sheet_state != "visible":
            wb.remove(ws)
            changed = True
            continue
        rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
        columns = {letter for letter, dim in ws.column_dimensions.items() if dim.hidden}
        spans = set()
        for letter in columns:
            dim = ws.column_dimensions[letter]
            first = openpyxl.utils.column_index_from_string(letter)
            spans.update(range(dim.min or first, (dim.max or first) + 1))
        for row in ws.iter_rows():
            for cell in row:
                if cell.row in rows or cell.column in spans:
                    cell.value, cell.comment = None, None
        for r in rows:
            ws.row_dimensions[r].hidden = False
            first = next(c for c in range(1, ws.max_column + 2) if c not in spans)
            ws.cell(r, first).value = REMOVED  # said where it stood, and never a blank row that a table reader would refuse
        for letter in columns:
            ws.column_dimensions[letter].hidden = False
        changed = changed or bool(rows or spans)
    if not changed:
        return None
    wb.properties.creator = wb.properties.lastModifiedBy = None
    out = io.BytesIO()
    wb.save(out)
    return _fixed(out.getvalue(), curated)


def _fixed(data: bytes, curated: str) -> bytes:
    """The saved zip again with fixed entry times and the curation date as its created and modified dates: same bytes each build."""
    stamp = f"{curated}T00:00:00Z".encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>", body)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()
