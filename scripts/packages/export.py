"""The combined package as one SQLite database and one Excel workbook, for analysts who want SQL or a spreadsheet.

Both are made from the combined package's own CSVs and Table Schemas after they are written, so they hold
exactly the same rows; both are byte-identical across builds (fixed order, no clock).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from itertools import islice
from pathlib import Path

import sqlite_utils
import xlsxwriter

from .readme import BLANK, READING

SQLITE_TYPES = {"integer": int, "boolean": int, "number": float}
SHEET_ROWS = 1_048_576  # rows an Excel sheet holds, the header row included: a longer table continues on further sheets

FIXED_CREATED = "2000-01-01T00:00:00Z"  # used only when the package states no created date
README_NOTES = [
    ("What this is", "Every curated police FOI response on child sexual abuse offences, as related tables. The same data as the "
                     "combined Frictionless data package (all.zip), whose CSV files are the reference copy."),
    ("Adding up", READING[1]),
    ("Periods", READING[2]),
    ("Offence codes", READING[3]),
    ("Value status", BLANK),
    ("Citations", "line is the line of the request's response.txt (in its own package) on which the value stands."),
    ("Caveats", "The caveats table holds every caveat in the force's own words; caveat_targets says what each applies to. Read them before "
                "comparing numbers: forces use different systems, periods and counting units (offences, offenders, "
                "keyword matches)."),
    ("No totals across forces", "Forces answered different questions for different periods from different systems. Do not "
                                "add their numbers together."),
]


def read_resource(folder: Path, resource: dict) -> tuple[list[dict], list[list]]:
    """A resource's fields and its rows, each cell typed by its Table Schema (None for an empty cell)."""
    fields = resource["schema"]["fields"]
    return fields, list(iter_rows(folder, resource))


def iter_rows(folder: Path, resource: dict):
    """A resource's rows one at a time, typed as `read_resource` types them (a combined table is not held in memory)."""
    fields = resource["schema"]["fields"]
    with (folder / resource["path"]).open(encoding="utf-8", newline="") as f:
        records = csv.reader(f)
        header = next(records, [])
        assert header == [fl["name"] for fl in fields], f"{resource['path']}: header does not match its schema"
        for record in records:
            yield [typed(value, fl) for value, fl in zip(record, fields)]


def count_rows(folder: Path, resource: dict) -> int:
    """How many rows a resource has below its header (CSV records: a quoted cell may hold a line break)."""
    with (folder / resource["path"]).open(encoding="utf-8", newline="") as f:
        return max(sum(1 for _ in csv.reader(f)) - 1, 0)


def sheet_names(name: str, rows: int) -> list[str]:
    """The sheets a table fills: its name (cut to Excel's 31 characters), then "name (2)", ... for each further SHEET_ROWS - 1 rows."""
    count = max(1, -(-rows // (SHEET_ROWS - 1)))
    return [name[:31]] + [f"{name[:31 - len(f' ({k})')]} ({k})" for k in range(2, count + 1)]


def typed(value: str, field: dict):
    """One CSV cell as a Python value by the field's type; dates stay ISO text, an empty cell is None."""
    if value == "":
        return None
    if field["type"] == "integer":
        return int(value)
    if field["type"] == "number":
        return float(value)
    if field["type"] == "boolean":
        return value in field.get("trueValues", ["true"])
    return value


def readme_rows(descriptor: dict, continued: dict[str, list[str]] | None = None) -> list[tuple[str, str]]:
    """The README table/sheet: what the file is, its version, licences, how to read it, and what each table holds.

    `continued` names the sheets of each table longer than one Excel sheet (the workbook's README says where it goes on)."""
    licences = "; ".join(lic.get("title") or lic.get("name", "") for lic in descriptor.get("licenses", []))
    rows = [("Title", descriptor.get("title", "")), ("Description", descriptor.get("description", "")),
            ("Version", descriptor.get("version", "")), ("Licence", licences),
            ("How to cite", f"{descriptor.get('title', '')}, version {descriptor.get('version', '')} (package {descriptor['name']}).")]
    rows += README_NOTES
    continued = continued or {}
    rows += [(f"Table {r['name']}", (r.get("description") or r.get("title", "")) + _continued(continued.get(r["name"], [])))
             for r in descriptor["resources"]]
    return rows


def _continued(sheets: list[str]) -> str:
    if len(sheets) < 2:
        return ""
    return (f" It has more rows than an Excel sheet holds, so it fills {len(sheets)} sheets in order: " + ", ".join(sheets)
            + "; each has the header row. The CSV file holds the whole table.")


def write_sqlite(folder: Path, target: Path) -> None:
    """SQLite database: a readme table, then one table per resource in package order, rows in CSV order."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    target.unlink(missing_ok=True)
    db = sqlite_utils.Database(target)
    db["readme"].insert_all(({"section": k, "text": v} for k, v in readme_rows(descriptor)), pk="section")
    for resource in descriptor["resources"]:
        fields, rows = resource["schema"]["fields"], iter_rows(folder, resource)
        table = db.table(resource["name"])
        db.execute(create_sql(resource))
        # Rows go straight to sqlite3's executemany, in one transaction: sqlite_utils' insert_all builds each row as
        # a dict and checks every value for JSON, which took 12 s of 14 at 1,000 requests.
        names = ", ".join(f"[{f['name']}]" for f in fields)
        marks = ", ".join("?" for _ in fields)
        with db.conn:
            db.conn.executemany(f"INSERT INTO [{table.name}] ({names}) VALUES ({marks})", ([_sql(v) for v in row] for row in rows))
    db.execute("VACUUM")
    db.close()


SQL_TYPES = {"integer": "INTEGER", "boolean": "INTEGER", "number": "FLOAT"}


def create_sql(resource: dict) -> str:
    """CREATE TABLE for a resource: its columns typed, NOT NULL where required, and the primary and foreign keys its Table
    Schema declares (sqlite_utils declares only single-column foreign keys; these are often composite)."""
    schema = resource["schema"]
    required = _required(schema["fields"])
    parts = [f"[{f['name']}] {SQL_TYPES.get(f['type'], 'TEXT')}" + (" NOT NULL" if f["name"] in required else "")
             for f in schema["fields"]]
    if schema.get("primaryKey"):
        parts.append("PRIMARY KEY (" + ", ".join(f"[{k}]" for k in schema["primaryKey"]) + ")")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        parts.append("FOREIGN KEY (" + ", ".join(f"[{k}]" for k in fk["fields"]) + f") REFERENCES [{ref['resource'] or resource['name']}] ("
                     + ", ".join(f"[{k}]" for k in ref["fields"]) + ")")
    return f"CREATE TABLE [{resource['name']}] (\n   " + ",\n   ".join(parts) + "\n)"


def _required(fields: list[dict]) -> set[str]:
    return {f["name"] for f in fields if f.get("constraints", {}).get("required")}


def _sql(value):
    """Booleans as 0/1 (SQLite has no boolean type); everything else as it is."""
    return int(value) if isinstance(value, bool) else value


def write_xlsx(folder: Path, target: Path) -> None:
    """Excel workbook: a README sheet, then one sheet per resource; text is always written as text, never as a formula."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    created = dt.datetime.fromisoformat((descriptor.get("created") or FIXED_CREATED).replace("Z", "+00:00")).replace(tzinfo=None)
    # constant_memory: each row is written out as soon as the next begins (rows go in order), so a workbook of every
    # observation is not held in memory; strings are then stored inline instead of in a shared table.
    book = xlsxwriter.Workbook(str(target), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                                             "constant_memory": True})
    book.set_properties({"title": descriptor.get("title", ""), "created": created, "comments": "Made from the CSV files of the package."})
    bold = book.add_format({"bold": True})
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheets = {r["name"]: sheet_names(r["name"], count_rows(folder, r)) for r in descriptor["resources"]}
    sheet = book.add_worksheet("README")
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 110, wrap)
    for r, (key, text) in enumerate(readme_rows(descriptor, sheets)):
        sheet.write_string(r, 0, key, bold)
        sheet.write_string(r, 1, text)
    for resource in descriptor["resources"]:
        _sheets(book, bold, dates, folder, resource, sheets[resource["name"]])
    book.close()


def _sheets(book, bold, dates, folder: Path, resource: dict, names: list[str]) -> None:
    """One resource as one sheet, or several when it is longer than a sheet: a header row (frozen, filterable) and typed cells
    (a date as an Excel date shown as YYYY-MM-DD)."""
    fields = resource["schema"]["fields"]
    is_date = [f["type"] == "date" for f in fields]
    rows = iter_rows(folder, resource)
    for name in names:
        sheet = book.add_worksheet(name)
        for c, f in enumerate(fields):
            sheet.write_string(0, c, f["name"], bold)
            sheet.set_column(c, c, 14 if f["type"] in SQLITE_TYPES else 30)
        written = 0
        for r, row in enumerate(islice(rows, SHEET_ROWS - 1), start=1):
            written = r
            for c, value in enumerate(row):
                if value is None:
                    continue
                if is_date[c]:
                    sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), dates)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, (int, float)):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, value)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(written, 1), len(fields) - 1)


def write_exports(folder: Path, out: Path) -> list[Path]:
    """Write <name>.sqlite and <name>.xlsx beside the package's zip; return their paths."""
    sqlite_path, xlsx_path = out / f"{folder.name}.sqlite", out / f"{folder.name}.xlsx"
    write_sqlite(folder, sqlite_path)
    write_xlsx(folder, xlsx_path)
    return [sqlite_path, xlsx_path]
