"""The combined package's long observations table: every published value with everything needed to use it, in one CSV.

Built from the request packages as written (their descriptors and table CSVs) and the reference lists, so each row
repeats exactly what its own package says: one row per value, request, force, period, the force's labels, the
harmonised Home Office codes with their basis and confidence, value, status, is_total and the cited line.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from ..curated.dimensions import kind_of

TOTAL = "Total"
FIXED = {"value", "status", "is_total", "line", "sheet", "cell", "page", "offence_code"}
CONFIDENCE = {"stated": "high", "implied": "medium"}
# Which column holds each dimension's labels comes from the vocabulary, datapackages/reference/dimensions.csv (its label_column);
# these are the columns in the order the table lists them (a test holds the two together).
LABEL_FIELDS = ["offence_label", "outcome_label", "age_label", "year_label", "month_label", "period_label", "keyword_label", "question",
                "measure_label", "area_label", "gender_label", "ethnicity_label", "system_label", "category_label"]
FIELDS = [
    ("request_id", "string", "Request", "The request package the value comes from."),
    ("force_code", "string", "Force code", "The force that answered (see forces)."),
    ("force", "string", "Force", "The force's name."),
    ("force_attribution", "string", "Force attribution", "stated (the text names the force), from-source (named where the response was published: "
     "its address or heading) or inferred (see the request's evidence)."),
    ("reference", "string", "FOI reference", "The force's reference for the request; ours-<8 hex digits> when the response gives none anywhere "
     "(an id of ours, not the force's: see the request's referenceBasis)."),
    ("table", "string", "Table", "The table of the request package the value comes from."),
    ("row", "integer", "Row", "The row of that table (1 = first data row)."),
    ("period_start", "date", "Period start", "First day of the period the table covers, as the response gives it."),
    ("period_end", "date", "Period end", "Last day of the period the table covers, as the response gives it."),
    ("system", "string", "Recording system", "The force's recording system the table comes from, where the response names one."),
    ("measure", "string", "Measure", "What the table counts (offences, offenders, keyword matches ...): values of different measures are not comparable."),
    ("label", "string", "Labels as written", "Every dimension of the row as 'dimension: label', in the force's words; 'Total' marks a stated total."),
    ("offence_label", "string", "Offence (force's label)", "The offence as the force wrote it, where the table has an offence dimension."),
    ("outcome_label", "string", "Outcome (force's label)", "The outcome as the force wrote it, where the table has an outcome dimension."),
    ("age_label", "string", "Age (force's label)", "The age or age band as the force wrote it (of the offender or victim: see label)."),
    ("year_label", "string", "Year (force's label)", "The year as the force wrote it (see the table's description for part years)."),
    ("keyword_label", "string", "Keyword or platform (force's label)", "The keyword searched for or platform named, as the force wrote it."),
    ("question", "string", "Question", "The question of the request the value answers, where the table records it."),
    ("measure_label", "string", "Measure (force's label)", "What the value counts in the force's words, where the table has a measure dimension."),
    ("month_label", "string", "Month (force's label)", "The month as the force wrote it, where the table has a month dimension."),
    ("period_label", "string", "Period (force's label)", "A period (quarter, financial year, range) as the force wrote it, where the table has one."),
    ("area_label", "string", "Area (force's label)", "The district, ward, county or policing area as the force wrote it."),
    ("gender_label", "string", "Gender (force's label)", "The gender or sex as the force wrote it."),
    ("ethnicity_label", "string", "Ethnicity (force's label)", "The ethnicity as the force wrote it."),
    ("system_label", "string", "System (force's label)", "A recording system named for the row, as the force wrote it."),
    ("category_label", "string", "Category (force's label)", "Any other label of the row (a kind of thing), as the force wrote it."),
    ("offence_code", "string", "Home Office offence code", "The harmonised Home Office offence code or class; empty when none applies."),
    ("offence_code_basis", "string", "Basis of the offence code",
     "stated (the force writes the code), implied (the force's label matches the Home Office title), mapped (placed under the code by the "
     "reference list table_codes), or empty."),
    ("offence_code_confidence", "string", "Confidence in the offence code", "high, medium or low; empty when there is no code."),
    ("outcome_type", "string", "Home Office outcome type", "The harmonised outcome type; empty when none applies or the label is unmapped."),
    ("outcome_type_basis", "string", "Basis of the outcome type",
     "mapped (through the reference lists outcome_labels or table_codes), unmapped (the force's label maps to no outcome type), or empty."),
    ("outcome_type_confidence", "string", "Confidence in the outcome type", "high, medium, low or none."),
    ("value", "integer", "Value", "The number as published; empty when the source cell is blank or suppressed (see status)."),
    ("status", "string", "Value status", "reported, blank, nil (given in words, recorded as 0) or suppressed."),
    ("is_total", "boolean", "Stated total",
     "true when the force states this value as a total of other rows of its table; leave these rows out before adding values up."),
    ("source", "string", "Source file", "The file the value stands in: response.txt or an attachment (path inside the request's package)."),
    ("line", "integer", "Line", "The line of a text source on which the value stands."),
    ("sheet", "string", "Sheet", "The sheet (or web page table) of a spreadsheet source holding the value."),
    ("cell", "string", "Cell", "The cell of a spreadsheet source holding the value, such as C7."),
    ("page", "integer", "Page", "The page of a PDF source holding the value."),
]
HEADER = [f[0] for f in FIELDS]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def schema() -> dict:
    """The Table Schema of the long table (keys are added by the combined package)."""
    fields = []
    for name, kind, title, description in FIELDS:
        field = {"name": name, "type": kind, "title": title, "description": description}
        if kind == "boolean":
            field.update({"trueValues": ["true"], "falseValues": ["false"]})
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


class Codes:
    """The reference lists that harmonise labels: outcome labels by force, and codes for whole tables or labelled rows."""

    def __init__(self, reference: Path):
        self.outcomes = {(r["force"], r["label"]): r for r in _rows(reference / "outcome_labels.csv")}
        self.tables = _rows(reference / "table_codes.csv")
        self.label_columns = {r["code"]: r["label_column"] for r in _rows(reference / "dimensions.csv")}

    def for_table(self, request: str, table: str, row: dict) -> dict:
        """The table_codes entry that covers this row, if any (a row match beats a whole-table entry)."""
        hits = [t for t in self.tables if t["request"] == request and t["table"] == table
                and (not t["match"] or row.get(t["match"].partition("=")[0]) == t["match"].partition("=")[2])]
        return sorted(hits, key=lambda t: t["match"] == "")[0] if hits else {}


def _dims(resource: dict) -> list[str]:
    layout = resource.get("foi:layout")
    if layout:
        return list(layout["rows"]) + list(layout["columns"])
    return [f["name"] for f in resource["schema"]["fields"] if f["name"] not in FIXED]


def _labels(row: dict, dims: list[str], columns: dict[str, str]) -> dict:
    """Each dimension's label in its column (the vocabulary's label_column; offender_age is an age); every dimension in label."""
    out = {column: "" for column in LABEL_FIELDS}
    for dim in dims:
        kind = kind_of(dim, columns)
        if kind and not out[columns[kind]]:
            out[columns[kind]] = row[dim]
    out["label"] = "; ".join(f"{d}: {row[d]}" for d in dims)
    return out


def _offence(row: dict, mapping: dict, table_code: dict) -> tuple[str, str, str]:
    """The offence code of a row, its basis and confidence."""
    if row.get("offence") not in (None, "", TOTAL):
        entry = mapping.get(row["offence"])
        return (entry["code"], entry["basis"], CONFIDENCE.get(entry["basis"], "low")) if entry else ("", "", "")
    if table_code.get("offence_code") and "offence" not in row:
        return table_code["offence_code"], "mapped", table_code["confidence"]
    return "", "", ""


def _outcome(row: dict, force: str, codes: Codes, table_code: dict) -> tuple[str, str, str]:
    """The outcome type of a row, its basis and confidence ('unmapped' when the force's label maps to none)."""
    if row.get("outcome") not in (None, "", TOTAL):
        entry = codes.outcomes.get((force, row["outcome"]))
        if entry and entry["outcome_type"]:
            return entry["outcome_type"], "mapped", entry["confidence"]
        return "", "unmapped", "none"
    if table_code.get("outcome_type"):
        return table_code["outcome_type"], "mapped", table_code["confidence"]
    return "", "", ""


def request_rows(packages: Path, name: str, codes: Codes) -> list[list]:
    """The long rows of one built request package, table by table, row by row."""
    d = json.loads((packages / name / "datapackage.json").read_text(encoding="utf-8"))
    req = d["foi:request"]
    force = req["force"]
    mapping = {label: c for c in req["offenceCodes"] for label in c.get("labels", [])}
    out = []
    for resource in (r for r in d["resources"] if "foi:measure" in r):
        dims = _dims(resource)
        period = resource.get("foi:period") or {}
        for n, row in enumerate(_rows(packages / name / resource["path"]), start=1):
            table_code = codes.for_table(name, resource["name"], row)
            values = {"request_id": name, "force_code": force["code"], "force": force["title"], "force_attribution": force["attribution"],
                      "reference": req["reference"], "table": resource["name"], "row": n, "period_start": period.get("start"),
                      "period_end": period.get("end"), "system": resource.get("foi:system"), "measure": resource["foi:measure"],
                      **_labels(row, dims, codes.label_columns), "value": row["value"], "status": row["status"], "is_total": row["is_total"],
                      "source": f"{name}/{resource.get('foi:source', 'response.txt')}", "line": row.get("line"),
                      "sheet": row.get("sheet"), "cell": row.get("cell"), "page": row.get("page")}
            values.update(zip(("offence_code", "offence_code_basis", "offence_code_confidence"), _offence(row, mapping, table_code)))
            values.update(zip(("outcome_type", "outcome_type_basis", "outcome_type_confidence"), _outcome(row, force["code"], codes, table_code)))
            out.append([values[h] for h in HEADER])
    return out
