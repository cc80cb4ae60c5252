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
CONFIDENCE = {"stated": "high", "implied": "medium"}
# Dimensions with a column of their own, named as in the request packages' tables: the vocabulary of
# datapackages/reference/dimensions.csv (its label_column; a test holds the two together), with the age names that have
# a column of their own. Any other name with age as a word fills age; a system dimension fills system (the row's system).
DIMENSIONS = [("question", "Question", "The question of the request the value answers (as the force labelled it, such as Q2)."),
              ("outcome", "Outcome (force's label)", "The outcome as the force wrote it."),
              ("offence", "Offence (force's label)", "The offence as the force wrote it."),
              ("offender_age", "Offender age (force's label)", "The offender's age or age band as the force wrote it."),
              ("victim_age", "Victim age (force's label)", "The victim's age or age band as the force wrote it."),
              ("age", "Age (force's label)", "An age or age band as the force wrote it, where the table does not say whose."),
              ("age_band", "Age band (force's label)", "An age band as the force wrote it (see the table's title for whose)."),
              ("gender", "Gender (force's label)", "Gender as the force wrote it."),
              ("ethnicity", "Ethnicity (force's label)", "The ethnicity as the force wrote it."),
              ("year", "Year (force's label)",
               "The year as the force wrote it; period_start and period_end give the dates the value covers (part_year when only part of it)."),
              ("month", "Month (force's label)", "The month as the force wrote it."),
              ("period", "Period (force's label)", "A period (quarter, financial year, range) as the force wrote it, where the table has one."),
              ("area", "Area (force's label)", "The district, ward, county or policing area as the force wrote it."),
              ("keyword", "Keyword (force's label)", "The keyword searched for, as the force wrote it."),
              ("platform", "Platform (force's label)", "The platform named, as the force wrote it."),
              ("measure", "Measure (force's label)", "What the value counts in the force's words, where the table has a measure dimension."),
              ("category", "Category (force's label)", "Any other label of the row (a kind of thing), as the force wrote it.")]
DIMENSION_NAMES = [d[0] for d in DIMENSIONS]
FIELDS = [
    ("request_id", "string", "Request", "The request package the value comes from."),
    ("force_code", "string", "Force code", "The force that answered (see forces)."),
    ("force", "string", "Force", "The force's name."),
    ("force_attribution", "string", "Force attribution", "stated (the text names the force) or inferred (see the request's evidence)."),
    ("reference", "string", "FOI reference", "The force's reference for the request."),
    ("table", "string", "Table", "The table of the request package the value comes from."),
    ("row", "integer", "Row", "The row of that table (1 = first data row)."),
    ("period_start", "date", "Period start",
     "First day the value covers: its year label within its table's period where the table is by calendar year (period_basis row), "
     "else its table's period (period_basis table)."),
    ("period_end", "date", "Period end", "Last day the value covers (see period_start)."),
    ("period_basis", "string", "Basis of the period",
     "row (the value's own year label, cut to its table's period), table (the table's period: nothing narrower is known), or empty "
     "(the response gives no period)."),
    ("part_year", "boolean", "Part of its year",
     "true when the value's year label names a calendar year but the value covers only part of it (Bedfordshire's CMS \"2018\" is "
     "1 January to 22 May 2018): never publish it as that year's figure."),
    ("system", "string", "Recording system", "The force's recording system the value comes from, where the response names one: the row's "
     "system label where the table has a system dimension, else the table's."),
    ("table_measure", "string", "Measure of the table",
     "What the table counts (offences, offenders, keyword matches ...): values of different measures are not comparable."),
    ("question_id", "string", "Question id",
     "The id of the question (as in questions.question_id) the value answers, where the table's question label names one (Q2 is 2)."),
    ("label", "string", "Labels as written", "Every dimension of the row as 'dimension: label', in the force's words; 'Total' marks a stated total."),
    *[(name, "string", title, description) for name, title, description in DIMENSIONS],
    ("offence_code", "string", "Home Office offence code",
     "The harmonised Home Office offence code or class the value is placed under; empty when none applies. See code_role."),
    ("offence_code_basis", "string", "Basis of the offence code",
     "stated (the force writes the code), implied (the force's label matches the Home Office title), mapped (placed under the code by the "
     "reference list table_codes), or empty."),
    ("offence_code_confidence", "string", "Confidence in the offence code", "high, medium or low; empty when there is no code."),
    ("code_role", "string", "Role of the offence code",
     "counts (the value counts offences of offence_code), subset (some of them, picked out by something else) or related (a count of "
     "something else, such as keyword matches); empty when there is no code. Only code_role counts gives offence counts."),
    ("outcome_type", "string", "Home Office outcome type", "The harmonised outcome type; empty when none applies or the label is unmapped."),
    ("outcome_type_basis", "string", "Basis of the outcome type",
     "mapped (through the reference lists outcome_labels or table_codes), unmapped (the force's label maps to no outcome type), or empty."),
    ("outcome_type_confidence", "string", "Confidence in the outcome type", "high, medium, low or none."),
    ("value", "integer", "Value", "The number as published; empty when the source cell is blank or suppressed (see status)."),
    ("status", "string", "Value status", "reported, blank (value empty), nil (given in words, value 0) or suppressed (value empty)."),
    ("is_total", "boolean", "Stated total",
     "true when the force states this value as a total of other rows of its table; leave these rows out before adding values up "
     "(additive is false for them)."),
    ("additive", "boolean", "May be added",
     "true when the value may be added to the other values of its sum_group (and to no others); false for a stated total and for "
     "values that overlap, are not shown to be disjoint, or are a subset of another count (see additivity)."),
    ("sum_group", "string", "Sum group",
     "The values that are disjoint parts of one whole: add values only within one sum_group. Empty when additive is false."),
    ("additivity", "string", "Why it may or may not be added",
     "parts (additive), total, overlapping, not-disjoint or subset: a code of the reference list additivity."),
    ("source", "string", "Source file", "The file the value stands in: response.txt or an attachment (path inside the request's package)."),
    ("line", "integer", "Line", "The line of a text source on which the value stands."),
    ("sheet", "string", "Sheet", "The sheet (or web page table) of a spreadsheet source holding the value."),
    ("cell", "string", "Cell", "The cell of a spreadsheet source holding the value, such as C7."),
    ("page", "integer", "Page", "The page of a PDF source holding the value."),
]
HEADER = [f[0] for f in FIELDS]
# Columns copied from the request package's table row: the value, its codes, additivity, period and place.
SHARED = ["offence_code", "code_role", "outcome_type", "value", "status", "is_total", "additive", "sum_group", "additivity",
          "period_start", "period_end", "period_basis", "part_year", "line", "sheet", "cell", "page"]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def field(name: str) -> dict:
    """The Table Schema field of a column, as every table that has the column describes it."""
    _, kind, title, description = next(f for f in FIELDS if f[0] == name)
    out = {"name": name, "type": kind, "title": title, "description": description}
    if kind == "boolean":
        out.update({"trueValues": ["true"], "falseValues": ["false"]})
    return out


def schema() -> dict:
    """The Table Schema of the long table (keys are added by the combined package)."""
    return {"fields": [field(f[0]) for f in FIELDS], "missingValues": [""]}


class Codes:
    """The reference lists that harmonise labels: outcome labels by force, and codes for whole tables or labelled rows."""

    def __init__(self, reference: Path):
        self.outcomes = {(r["force"], r["label"]): r for r in _rows(reference / "outcome_labels.csv")}
        self.tables = _rows(reference / "table_codes.csv")

    def for_table(self, request: str, table: str, row: dict) -> dict:
        """The table_codes entry that covers this row, if any (a row match beats a whole-table entry)."""
        hits = [t for t in self.tables if t["request"] == request and t["table"] == table
                and (not t["match"] or row.get(t["match"].partition("=")[0]) == t["match"].partition("=")[2])]
        return sorted(hits, key=lambda t: t["match"] == "")[0] if hits else {}


def _dims(resource: dict) -> list[str]:
    layout = resource["foi:layout"]
    return list(layout["rows"]) + list(layout["columns"])


def _labels(row: dict, dims: list[str]) -> dict:
    """Each dimension's label in its own column (another name with age as a word, such as suspect_age, in age); every one in label."""
    out = {name: row.get(name, "") if name in dims else "" for name in DIMENSION_NAMES}
    for dim in dims:
        if dim not in out and dim != "system" and kind_of(dim, DIMENSION_NAMES) == "age" and not out["age"]:
            out["age"] = row[dim]
    out["label"] = "; ".join(f"{d}: {row[d]}" for d in dims)
    return out


def question_id(label: str | None, ids: set[str]) -> str:
    """The question a question label names: the id itself, Q and the id (Q2 is question 2), or a lettered part of it (1a is
    part a of question 1, where the questions have no id 1a); empty when it names none."""
    if not label:
        return ""
    bare = label[1:] if label[:1] in "Qq" else label
    for found in (label, bare):
        if found in ids:
            return found
    return bare[:-1] if len(bare) > 1 and bare[-1].isalpha() and bare[:-1] in ids else ""


def offence_of(row: dict, mapping: dict, table_code: dict) -> tuple[str, str, str]:
    """The offence code of a row, its basis and confidence."""
    if row.get("offence") not in (None, "", TOTAL):
        entry = mapping.get(row["offence"])
        return (entry["code"], entry["basis"], CONFIDENCE.get(entry["basis"], "low")) if entry else ("", "", "")
    if table_code.get("offence_code") and "offence" not in row:
        return table_code["offence_code"], "mapped", table_code["confidence"]
    return "", "", ""


def outcome_of(row: dict, force: str, codes: Codes, table_code: dict) -> tuple[str, str, str]:
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
    questions = {r["question_id"] for r in _rows(packages / name / "questions.csv")}
    out = []
    for resource in (r for r in d["resources"] if "foi:measure" in r):
        dims = _dims(resource)
        for n, row in enumerate(_rows(packages / name / resource["path"]), start=1):
            table_code = codes.for_table(name, resource["name"], row)
            values = {"request_id": name, "force_code": force["code"], "force": force["title"], "force_attribution": force["attribution"],
                      "reference": req["reference"], "table": resource["name"], "row": n,
                      "system": row["system"] if "system" in dims else resource.get("foi:system"), "table_measure": resource["foi:measure"],
                      **_labels(row, dims), "question_id": question_id(row.get("question"), questions),
                      "source": f"{name}/{resource.get('foi:source', 'response.txt')}"}
            values.update({k: row.get(k) for k in SHARED})  # as the request's own table says, so the two cannot differ
            values.update(zip(("offence_code_basis", "offence_code_confidence"), offence_of(row, mapping, table_code)[1:]))
            values.update(zip(("outcome_type_basis", "outcome_type_confidence"), outcome_of(row, force["code"], codes, table_code)[1:]))
            out.append([values[h] for h in HEADER])
    return out
