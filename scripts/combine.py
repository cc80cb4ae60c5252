"""The reference package, the combined package of all requests, and the catalog."""
from __future__ import annotations

from pathlib import Path

from .load import Request
from .package import (CAVEAT_FIELDS, CAVEAT_TITLES, CURATION_LICENSE, PROFILE, QUESTION_FIELDS, QUESTION_TITLES,
                      caveat_rows, question_rows, table_header, table_rows)
from .reference import Reference, read_csv
from .writers import csv_bytes, integrity, json_bytes, write, write_zip


def reference_resources(ref: Reference, folder: Path, prefix: str = "") -> list[dict]:
    """Copy the code lists into `folder` and describe them as resources keyed by code."""
    resources = []
    for spec in ref.meta["lists"]:
        name = spec["name"]
        data = (ref.folder / f"{name}.csv").read_bytes()
        header, _ = read_csv(ref.folder / f"{name}.csv")
        fields = [{"name": h, "type": "string", "description": spec["fields"][h]} for h in header]
        resources.append({"name": name, "type": "table", "path": f"{prefix}{name}.csv", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "title": spec["title"],
                          **write(folder / f"{prefix}{name}.csv", data),
                          "schema": {"fields": fields, "primaryKey": ["code"], "missingValues": [""]}})
    return resources


def write_reference(ref: Reference, out: Path) -> dict:
    """build/datapackages/reference/: the code lists as a package of their own."""
    folder = out / "reference"
    descriptor = {"$schema": PROFILE, "name": "reference", "id": "reference", "title": ref.meta["title"],
                  "description": " ".join(ref.meta["description"].split()), "version": ref.meta["version"],
                  "licenses": [CURATION_LICENSE], "resources": reference_resources(ref, folder)}
    write(folder / "datapackage.json", json_bytes(descriptor))
    write_zip(folder, out / "reference.zip")
    return descriptor


def _fk(fields: list[str], resource: str, ref_fields: list[str] | None = None) -> dict:
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields or fields}}


def write_combined(requests: list[Request], ref: Reference, out: Path, version: str) -> dict:
    """build/datapackages/all/: every request as related tables joined by foreign keys."""
    folder = out / "all"
    req_rows, q_rows, c_rows, t_rows, o_rows, d_rows = [], [], [], [], [], []
    for req in requests:
        m = req.meta
        dates = m.get("dates", {})
        req_rows.append([req.id, m["force"]["code"], m["force"]["attribution"], m["reference"]["value"], m["title"],
                         dates.get("received", {}).get("date"), dates.get("response", {}).get("date"),
                         ";".join(m["topics"]), m["curation"]["version"], req.response.sha256, len(req.response.data)])
        q_rows += [[req.id] + row for row in question_rows(req)]
        c_rows += [[req.id] + row for row in caveat_rows(req)]
        periods = {p["label"]: p for p in m.get("periods", [])}
        for table in req.tables:
            period = periods.get(table.meta.get("period"), {})
            t_rows.append([req.id, table.name, table.meta["title"], table.meta["measure"], period.get("start"),
                           period.get("end"), table.meta.get("system")])
            header = table_header(table)
            for n, values in enumerate(table_rows(table, req.offence_map), start=1):
                row = dict(zip(header, values))
                o_rows.append([req.id, table.name, n, row.get("offence_code"), row["value"], row["status"], row["is_total"],
                               row["line"]])
                d_rows += [[req.id, table.name, n, d, row[d]] for d in table.dims]
    specs = [
        ("requests", "Requests", ["request_id", "force_code", "force_attribution", "reference", "title", "received_date",
                                  "response_date", "topics", "version", "response_sha256", "response_bytes"], req_rows,
         {"primaryKey": ["request_id"], "foreignKeys": [_fk(["force_code"], "forces", ["code"])]}),
        ("questions", "Questions", ["request_id"] + QUESTION_FIELDS, q_rows,
         {"primaryKey": ["request_id", "question_id"], "foreignKeys": [_fk(["request_id"], "requests"),
                                                                     _fk(["status"], "answer_statuses", ["code"])]}),
        ("caveats", "Caveats", ["request_id"] + CAVEAT_FIELDS, c_rows,
         {"primaryKey": ["request_id", "caveat_id"], "foreignKeys": [_fk(["request_id"], "requests"),
                                                                   _fk(["kind"], "caveat_kinds", ["code"])]}),
        ("tables", "Tables", ["request_id", "table", "title", "measure", "period_start", "period_end", "system"], t_rows,
         {"primaryKey": ["request_id", "table"], "foreignKeys": [_fk(["request_id"], "requests")]}),
        ("observations", "Observations", ["request_id", "table", "row", "offence_code", "value", "status", "is_total", "line"], o_rows,
         {"primaryKey": ["request_id", "table", "row"],
          "foreignKeys": [_fk(["request_id", "table"], "tables"), _fk(["offence_code"], "offence_codes", ["code"]),
                          _fk(["status"], "value_statuses", ["code"])]}),
        ("observation_dimensions", "Observation dimensions", ["request_id", "table", "row", "dimension", "dimension_value"], d_rows,
         {"primaryKey": ["request_id", "table", "row", "dimension"],
          "foreignKeys": [_fk(["request_id", "table", "row"], "observations")]}),
    ]
    integers = {"row", "value", "line", "line_start", "line_end", "response_bytes"}
    titles = {**QUESTION_TITLES, **CAVEAT_TITLES}
    resources = []
    for name, title, header, rows, keys in specs:
        fields = [{"name": h, "type": "integer" if h in integers else "boolean" if h == "is_total" else "string",
                   "title": titles.get(h, h.replace("_", " ").capitalize())} for h in header]
        resources.append({"name": name, "type": "table", "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "title": title, **write(folder / f"{name}.csv", csv_bytes(header, rows)),
                          "schema": {"fields": fields, "missingValues": [""], **keys}})
    resources += reference_resources(ref, folder, prefix="reference/")
    descriptor = {"$schema": PROFILE, "name": "all", "id": "all", "title": "All curated FOI responses",
                  "description": "Every curated request as related tables: requests, questions, caveats, tables, "
                                 "observations (one row per value) and their dimensions, with the reference code lists. "
                                 "Each observation cites its line in the request's response.txt.",
                  "version": version, "licenses": [CURATION_LICENSE], "resources": resources}
    write(folder / "datapackage.json", json_bytes(descriptor))
    write_zip(folder, out / "all.zip")
    return descriptor


def write_catalog(out: Path, descriptors: list[dict]) -> None:
    """build/datapackages/catalog.json: every package with its version and the hashes of its descriptor and zip."""
    packages = []
    for d in descriptors:
        name = d["name"]
        packages.append({"name": name, "title": d["title"], "version": d["version"],
                         "path": f"{name}/datapackage.json", "zip": f"{name}.zip",
                         "descriptor": integrity((out / name / "datapackage.json").read_bytes()),
                         "zipIntegrity": integrity((out / f"{name}.zip").read_bytes()),
                         **_other_formats(out, name)})
    write(out / "catalog.json", json_bytes({"packages": packages}))


def _other_formats(out: Path, name: str) -> dict:
    """The same data as SQLite and Excel, where the build made them (the combined package), with their hashes."""
    formats = {ext: {"path": f"{name}.{ext}", **integrity((out / f"{name}.{ext}").read_bytes())}
               for ext in ("sqlite", "xlsx") if (out / f"{name}.{ext}").is_file()}
    return {"formats": formats} if formats else {}


def combined_version(requests: list[Request]) -> str:
    """SemVer of the combined package: minor counts additions (requests and their minor versions), patch corrections."""
    parts = [tuple(int(x) for x in r.meta["curation"]["version"].split(".")) for r in requests]
    return f"1.{len(parts) + sum(p[1] for p in parts)}.{sum(p[2] for p in parts)}"
