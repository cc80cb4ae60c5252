"""Curated tidy tables (tables/*.csv): read strictly and check each value against its cited line."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .response import ResponseText, stands_on

FIXED = ["value", "status", "line"]
TOTAL = "Total"
INTEGER = re.compile(r"^(0|[1-9]\d*)$")


@dataclass
class Table:
    """One curated table: its YAML description and its rows, parsed."""

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
        problems.add(path, "", "starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", 1)
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.add(path, "", f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8", line)
        return None


def read_table(meta: dict, path: Path, response: ResponseText, statuses: set[str], problems: Problems) -> Table | None:
    """Parse one curated CSV and prove each value stands on its cited line of response.txt."""
    dims = [d["name"] for d in meta["dimensions"]]
    table = Table(meta, path, dims)
    text = decode(path, problems)
    if text is None:
        return None
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as err:
        problems.add(path, "", f"malformed CSV: {err}")
        return None
    expected = dims + FIXED
    if not records or records[0] != expected:
        got = ",".join(records[0]) if records else "(empty file)"
        problems.add(path, "header", f"expected columns {','.join(expected)}; found {got}", 1)
        return None
    seen: dict[tuple, int] = {}
    for number, record in enumerate(records[1:], start=2):
        row = _parse_row(record, expected, path, number, statuses, problems)
        if row is None:
            continue
        key = tuple(row[d] for d in dims)
        if key in seen:
            problems.add(path, "", f"duplicate row for {dict(zip(dims, key))} (first on line {seen[key]})", number)
            continue
        seen[key] = number
        _check_citation(row, response, path, number, problems)
        row["_csv_line"] = number
        table.rows.append(row)
    return table


def _parse_row(record: list[str], expected: list[str], path: Path, number: int, statuses: set[str],
               problems: Problems) -> dict | None:
    """Turn one CSV record into a typed row, or record why it cannot be."""
    if len(record) != len(expected):
        problems.add(path, "", f"expected {len(expected)} fields ({','.join(expected)}); found {len(record)}", number)
        return None
    row = dict(zip(expected, record))
    ok = True
    for dim in expected[:-3]:
        if not row[dim].strip():
            problems.add(path, dim, "empty; every dimension needs a value (use Total for a stated total)", number)
            ok = False
    if row["status"] not in statuses:
        problems.add(path, "status", f"unknown value status {row['status']!r}; expected one of {', '.join(sorted(statuses))}", number)
        return None
    if not INTEGER.match(row["line"]):
        problems.add(path, "line", f"{row['line']!r} is not a line number", number)
        return None
    row["line"] = int(row["line"])
    raw = row["value"]
    if row["status"] in ("reported", "nil"):
        if not INTEGER.match(raw):
            problems.add(path, "value", f"{raw!r} is not a whole number; a {row['status']} value must be one (digits only, as published)", number)
            return None
        row["value"] = int(raw)
        if row["status"] == "nil" and row["value"] != 0:
            problems.add(path, "value", f"a nil value must be 0, found {raw}", number)
            ok = False
    else:
        if raw != "":
            problems.add(path, "value", f"a {row['status']} value must be left empty, found {raw!r}", number)
            ok = False
        row["value"] = None
    return row if ok else None


def _check_citation(row: dict, response: ResponseText, path: Path, number: int, problems: Problems) -> None:
    """Prove that the value stands on the line of response.txt that the row cites."""
    text = response.line(row["line"])
    if text is None:
        problems.add(path, "line", f"line {row['line']} is outside response.txt (1 to {len(response.lines)})", number)
        return
    why = stands_on(row["status"], row["value"], text)
    if why:
        shown = row["value"] if row["value"] is not None else "(empty)"
        problems.add(path, "value",
                     f"{shown} ({row['status']}) does not stand on line {row['line']} of response.txt: {why}: {text.strip()!r}",
                     number)
