"""Curated tidy tables (tables/*.csv): read strictly into Rows and prove each row against its cited line."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .model import TOTAL, Layout, Row

FIXED = ["value", "status", "line"]
MAX_EXACT = 2**53 - 1  # JavaScript and many JSON readers hold integers exactly up to here
INTEGER = re.compile(r"^(0|[1-9]\d*)$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

__all__ = ["FIXED", "TOTAL", "Table", "decode", "read_rows"]


@dataclass
class Table:
    """A proposed table as the extractor holds it (plain dict rows), for the reconciliation it shares with the build."""

    meta: dict
    path: Path
    dims: list[str]
    rows: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.meta["name"]


def decode(path: Path, problems: Problems) -> str | None:
    """Read a file as UTF-8, naming the line of the first bad byte."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        problems.add(path, "", "starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", 1, code="encoding")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.add(path, "", f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8", line,
                     code="encoding")
        return None


def _records(text: str, path: Path, problems: Problems) -> list[tuple[int, list[str]]] | None:
    """CSV records with the line each starts on; a broken quote is reported at its line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out, start = [], 1
    try:
        for record in reader:
            out.append((start, record))
            start = reader.line_num + 1
    except csv.Error as err:
        problems.add(path, "", f"malformed CSV: {err} (a quote opened on this line is not closed)", start, code="csv")
        return None
    return out


def read_rows(dims: list[str], layout: Layout, path: Path, target, statuses: set[str], problems: Problems) -> tuple[Row, ...] | None:
    """Parse one curated CSV and prove each row (value and labels) where it cites (a citation target of scripts/curated/citation.py)."""
    text = decode(path, problems)
    if text is None:
        return None
    bad = CONTROL.search(text)
    if bad:
        problems.add(path, "", f"control character U+{ord(bad.group()):04X} in the file; curated text is plain text",
                     text.count("\n", 0, bad.start()) + 1, code="control-character")
        return None
    records = _records(text, path, problems)
    if records is None:
        return None
    expected = dims + ["value", "status", *target.columns]
    if not records or records[0][1] != expected:
        got = ",".join(records[0][1]) if records else "(empty file)"
        problems.add(path, "header", f"expected columns {','.join(expected)}; found {got}", 1, code="csv")
        return None
    if len(records) == 1:
        problems.add(path, "", "the table has a header and no rows; every table needs at least one value", 1, code="empty-table")
        return None
    rows, seen = [], {}
    for number, record in records[1:]:
        row = _parse_row(record, dims, expected, path, number, statuses, problems)
        if row is None:
            continue
        if row.labels in seen:
            problems.add(path, "", f"duplicate row for {dict(zip(dims, row.labels))} (first on line {seen[row.labels]})", number,
                         code="duplicate-row")
            continue
        seen[row.labels] = number
        rows.append(row)
    levels = [{row.label(d) for row in rows} - {TOTAL} for d in layout.rows]  # every label each row dimension takes
    for row in rows:
        _check_citation(row, layout, levels, target, path, problems)
    return tuple(rows)


def _parse_row(record: list[str], dims: list[str], expected: list[str], path: Path, number: int, statuses: set[str],
               problems: Problems) -> Row | None:
    """Turn one CSV record into a typed Row, or record why it cannot be."""
    if len(record) != len(expected):
        problems.add(path, "", f"expected {len(expected)} fields ({','.join(expected)}); found {len(record)}", number, code="csv")
        return None
    cells = dict(zip(expected, record))
    ok = True
    for dim in dims:
        if not cells[dim].strip():
            problems.add(path, dim, "empty; every dimension needs a value (use Total for a stated total)", number, code="value")
            ok = False
    status, raw = cells["status"], cells["value"]
    if status not in statuses:
        problems.add(path, "status", f"unknown value status {status!r}; expected one of {', '.join(sorted(statuses))}", number,
                     code="status")
        return None
    for key in ("line", "page"):
        if key in cells and not INTEGER.match(cells[key]):
            problems.add(path, key, f"{cells[key]!r} is not a {key} number", number, code="value")
            return None
    if "cell" in cells and not (cells["sheet"].strip() and cells["cell"].strip()):
        problems.add(path, "cell", "a value from a spreadsheet or web page needs its sheet and cell (such as Sheet1 and C7)", number,
                     code="value")
        return None
    value = None
    if status in ("reported", "nil"):
        if not INTEGER.match(raw):
            problems.add(path, "value", f"{raw!r} is not a whole number; a {status} value must be one (digits only, as published)",
                         number, code="value")
            return None
        value = int(raw)
        if value > MAX_EXACT:
            problems.add(path, "value", f"{raw} is larger than {MAX_EXACT:,}, the largest whole number a JSON reader (and the site's "
                         "data view) keeps exact; check the figure against the response", number, code="value")
            return None
        if status == "nil" and value != 0:
            problems.add(path, "value", f"a nil value must be 0, found {raw}", number, code="value")
            ok = False
    elif raw != "":
        problems.add(path, "value", f"a {status} value must be left empty, found {raw!r}", number, code="value")
        ok = False
    if not ok:
        return None
    number_of = lambda key: int(cells[key]) if key in cells else None  # noqa: E731
    return Row(tuple(dims), tuple(cells[d] for d in dims), value, status, number_of("line"), number,
               cells.get("sheet"), cells.get("cell"), number_of("page"))


def _check_citation(row: Row, layout: Layout, levels: list[set[str]], target, path: Path, problems: Problems) -> None:
    """Prove that the value and its labels stand where the row cites, under its own headings (scripts/curated/citation.py)."""
    labels = [row.label(d) for d in layout.rows]
    columns = [row.label(d) for d in layout.columns]
    why = target.check(row, labels, columns, levels)
    if why:
        shown = row.value if row.value is not None else "(empty)"
        if row.cell is None:
            text = (target.response.line(row.line) or "").strip() if hasattr(target, "response") else ""
            where = f"{row.where} of {target.name}" + (f": {why}: {text!r}" if text else f": {why}")
        else:
            where = f"{row.where} of {target.name}: {why}"
        problems.add(path, "line" if " is outside " in why else "value", f"{shown} ({row.status}) does not stand on {where}", row.csv_line,
                     code="citation")
