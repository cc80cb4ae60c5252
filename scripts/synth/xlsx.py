"""The synthetic spreadsheet attachment, written with XlsxWriter so the same cells always give the same bytes."""
from __future__ import annotations

import datetime as dt
import io
import re

CREATED = dt.datetime(2020, 1, 1)


def column_letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def cell_name(row: int, col: int) -> str:
    return f"{column_letters(col)}{row}"


def parse_cell(name: str) -> tuple[int, int]:
    letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", name).groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits), col


def xlsx_bytes(sheet_name: str, cells: dict) -> bytes:
    """One visible sheet: texts, numbers, and (formula, saved value) or (marker, hidden true value) pairs."""
    import xlsxwriter
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.set_properties({"created": CREATED})
    ws = wb.add_worksheet(sheet_name)
    for name, content in sorted(cells.items(), key=lambda kv: parse_cell(kv[0])):
        if isinstance(content, tuple) and str(content[0]).startswith("="):
            ws.write_formula(name, content[0], None, content[1])
        elif isinstance(content, tuple):
            ws.write_string(name, content[0])
        elif isinstance(content, int):
            ws.write_number(name, content)
        else:
            ws.write_string(name, content)
    wb.close()
    return buf.getvalue()
