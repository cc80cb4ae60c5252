"""The reference package, the combined package of all requests, and the catalog."""
from __future__ import annotations

from pathlib import Path

from .model import Request
from .package import (CAVEAT_FIELDS, CAVEAT_TITLES, CURATION_LICENSE, PROFILE, QUESTION_FIELDS, QUESTION_TITLES,
                      caveat_rows, question_rows, table_header, table_rows)
from .observations import HEADER, long_rows
from .observations import schema as obs_schema
from .readme import readme_bytes
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
                          "description": spec.get("description") or f"Code list: {spec['title']}. Every code with its title and source.",
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
    write(folder / "README.md", readme_bytes(descriptor))
    write_zip(folder, out / "reference.zip")
    return descriptor


def _fk(fields: list[str], resource: str, ref_fields: list[str] | None = None) -> dict:
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields or fields}}


SPECS = {  # name: (title, description)
    "requests": ("Requests", "One row per curated FOI response: force, reference, dates, topics, version and the hash of its text."),
    "questions": ("Questions", "Every question of every request, verbatim, with its fate (answered, refused, exempt ...) and the quote that says so."),
    "caveats": ("Caveats", "Every caveat, in the force's own words, with what it applies to. Read these before comparing numbers."),
    "tables": ("Tables", "Every table of every request: what it measures, for which period and from which system."),
    "observations": ("Observations (one row per value, ready to use)",
                     "Every published value with its request, force, period, the force's own labels, the harmonised Home Office codes "
                     "with their basis and confidence, value, status, is_total and the line it stands on. Loads in one read_csv; "
                     "leave out is_total rows before adding values up; never add values across forces."),
    "values": ("Values (normalised)", "The same values as observations, keyed by request, table and row, for joins in SQL; "
                                     "their labels are in value_dimensions."),
    "value_dimensions": ("Value dimensions (normalised)", "The labels of each value in values: one row per dimension."),
}
DATES = {"received_date", "response_date", "period_start", "period_end"}
INTEGERS = {"row", "value", "line", "page", "line_start", "line_end", "response_bytes"}


def write_combined(requests: list[Request], ref: Reference, out: Path, version: str) -> dict:
    """build/datapackages/all/: every request as related tables joined by foreign keys, and one long observations table."""
    folder = out / "all"
    req_rows, q_rows, c_rows, t_rows, v_rows, d_rows = [], [], [], [], [], []
    for req in requests:
        req_rows.append([req.id, req.force.code, req.force.attribution, req.reference.value, req.title,
                         req.received.date if req.received else None, req.responded.date if req.responded else None,
                         ";".join(req.topics), req.family, req.curation.version, req.response.sha256, len(req.response.data)])
        q_rows += [[req.id] + row for row in question_rows(req)]
        c_rows += [[req.id] + row for row in caveat_rows(req)]
        for table in req.tables:
            period = req.period(table.period)
            t_rows.append([req.id, table.name, table.title, table.measure, period.start if period else None,
                           period.end if period else None, table.system])
            header = table_header(table)
            for n, values in enumerate(table_rows(table, req.offence_map), start=1):
                row = dict(zip(header, values))
                v_rows.append([req.id, table.name, n, row.get("offence_code"), row["value"], row["status"], row["is_total"],
                               table.source, row.get("line"), row.get("sheet"), row.get("cell"), row.get("page")])
                d_rows += [[req.id, table.name, n, d, row[d]] for d in table.dims]
    obs_rows = long_rows(out, [r.id for r in requests], ref.folder)
    specs = [
        ("requests", ["request_id", "force_code", "force_attribution", "reference", "title", "received_date", "response_date", "topics",
                      "family", "version", "response_sha256", "response_bytes"], req_rows,
         {"primaryKey": ["request_id"], "foreignKeys": [_fk(["force_code"], "forces", ["code"])]}),
        ("questions", ["request_id"] + QUESTION_FIELDS, q_rows,
         {"primaryKey": ["request_id", "question_id"], "foreignKeys": [_fk(["request_id"], "requests"),
                                                                     _fk(["status"], "answer_statuses", ["code"])]}),
        ("caveats", ["request_id"] + CAVEAT_FIELDS, c_rows,
         {"primaryKey": ["request_id", "caveat_id"], "foreignKeys": [_fk(["request_id"], "requests"),
                                                                   _fk(["kind"], "caveat_kinds", ["code"])]}),
        ("tables", ["request_id", "table", "title", "measure", "period_start", "period_end", "system"], t_rows,
         {"primaryKey": ["request_id", "table"], "foreignKeys": [_fk(["request_id"], "requests")]}),
        ("observations", HEADER, obs_rows,
         {"primaryKey": ["request_id", "table", "row"],
          "foreignKeys": [_fk(["request_id", "table"], "tables"), _fk(["force_code"], "forces", ["code"]),
                          _fk(["offence_code"], "offence_codes", ["code"]), _fk(["outcome_type"], "outcome_types", ["code"]),
                          _fk(["status"], "value_statuses", ["code"])]}),
        ("values", ["request_id", "table", "row", "offence_code", "value", "status", "is_total", "source_file", "line", "sheet", "cell",
                    "page"], v_rows,
         {"primaryKey": ["request_id", "table", "row"],
          "foreignKeys": [_fk(["request_id", "table"], "tables"), _fk(["offence_code"], "offence_codes", ["code"]),
                          _fk(["status"], "value_statuses", ["code"])]}),
        ("value_dimensions", ["request_id", "table", "row", "dimension", "dimension_value"], d_rows,
         {"primaryKey": ["request_id", "table", "row", "dimension"],
          "foreignKeys": [_fk(["request_id", "table", "row"], "values")]}),
    ]
    resources = [_combined_resource(folder, name, header, rows, keys) for name, header, rows, keys in specs]
    resources += reference_resources(ref, folder, prefix="reference/")
    descriptor = {"$schema": PROFILE, "name": "all", "id": "all", "title": "All curated FOI responses",
                  "description": "Every curated request as related tables: requests, questions, caveats, tables, one long "
                                 "observations table (one row per value, ready to use), the same values normalised for SQL, "
                                 "and the reference code lists. Each value cites its line in the request's response.txt, "
                                 "which is in that request's own package.",
                  "version": version, "created": _created(requests), "keywords": ["freedom of information", "police", "child sexual abuse"],
                  "licenses": [CURATION_LICENSE], "sources": _sources(requests), "contributors": _contributors(requests, ref),
                  "resources": resources}
    write(folder / "datapackage.json", json_bytes(descriptor))
    write(folder / "README.md", readme_bytes(descriptor))
    write_zip(folder, out / "all.zip")
    return descriptor


def _combined_resource(folder: Path, name: str, header: list[str], rows: list[list], keys: dict) -> dict:
    """One combined table: typed fields (dates as dates, is_total as boolean), titled and described."""
    title, description = SPECS[name]
    if name == "observations":
        schema = {**obs_schema(), **keys}
    else:
        titles = {**QUESTION_TITLES, **CAVEAT_TITLES}
        schema = {"fields": [_field(h, titles) for h in header], "missingValues": [""], **keys}
    return {"name": name, "type": "table", "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "title": title, "description": description, **write(folder / f"{name}.csv", csv_bytes(header, rows)), "schema": schema}


def _field(name: str, titles: dict) -> dict:
    kind = "integer" if name in INTEGERS else "date" if name in DATES else "boolean" if name == "is_total" else "string"
    field = {"name": name, "type": kind, "title": titles.get(name, name.replace("_", " ").capitalize())}
    if kind == "boolean":
        field.update({"trueValues": ["true"], "falseValues": ["false"],
                      "description": "true for a total stated by the force; leave these rows out before adding values up."})
    return field


def _created(requests: list[Request]) -> str:
    """The combined package is as new as its newest curation (a date from the data, never the clock)."""
    return max((r.curation.curated for r in requests), default="2000-01-01") + "T00:00:00Z"


def _sources(requests: list[Request]) -> list[dict]:
    """One source per request: the force's response, with its address when known."""
    out = []
    for r in requests:
        source = {"title": r.source.title}
        if r.source.url:
            source["path"] = r.source.url
        out.append({**source, "foi:request": r.id, "foi:licence": r.source.licence})
    return out


def _contributors(requests: list[Request], ref: Reference) -> list[dict]:
    """The forces as creators of their responses, and the curators, each once."""
    forces = dict.fromkeys(ref.title("forces", r.force.code) for r in requests)
    curators = dict.fromkeys(r.curation.curator for r in requests)
    return [{"title": f, "roles": ["creator"]} for f in forces] + [{"title": c, "roles": ["dataCurator"]} for c in curators]


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
    parts = [tuple(int(x) for x in r.curation.version.split(".")) for r in requests]
    return f"1.{len(parts) + sum(p[1] for p in parts)}.{sum(p[2] for p in parts)}"
