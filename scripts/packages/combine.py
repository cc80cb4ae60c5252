"""The reference package, the combined package of all requests, and the catalog."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from ..curated.model import Request
from .package import (CAVEAT_FIELDS, CAVEAT_TITLES, CURATION_LICENSE, PROFILE, QUESTION_FIELDS, QUESTION_TITLES, TARGET_FIELDS,
                      TARGET_TITLES, caveat_rows, question_rows, target_rows)
from .observations import HEADER, Codes, request_rows
from .observations import schema as obs_schema
from .readme import readme_bytes
from ..curated.reference import Reference, read_csv
from .writers import csv_body, csv_bytes, file_integrity, integrity, json_bytes, write, write_zip


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
    "caveats": ("Caveats", "Every caveat, in the force's own words (what each applies to is in caveat_targets). Read these before comparing numbers."),
    "caveat_targets": ("Caveat targets", "What each caveat applies to, one row per target: the package, a table, a field of a table, or "
                                         "a question (question_id as in questions)."),
    "tables": ("Tables", "Every table of every request: what it measures, for which period and from which system."),
    "observations": ("Observations (one row per value, ready to use)",
                     "Every published value with its request, force, its own period, the force's own labels, the harmonised Home "
                     "Office codes with their basis, confidence and role, value, status, what it may be added with and the place it "
                     "stands. Loads in one read_csv. Add values only within one sum_group (rows with additive true): a sum_group holds "
                     "disjoint parts of one whole; stated totals, overlapping counts and subsets are never in one."),
    "value_dimensions": ("Value dimensions", "The labels of each value in observations, one row per dimension, by the dimension names of "
                                             "the request's own table (every dimension, also those without a column in observations)."),
}
DATES = {"received_date", "response_date", "period_start", "period_end"}
INTEGERS = {"row", "value", "line", "page", "line_start", "line_end", "response_bytes"}


COMBINED = list(SPECS)  # the combined tables, in package order
EXPORTS = ("sqlite", "xlsx")  # the other formats of the combined package


@dataclass(frozen=True)
class Contribution:
    """One request's part of the combined package: its rows of each combined table (CSV, no header) and what the descriptor sums up.

    Made in the worker that packaged the request and kept in the cache beside it, so the combined package is written by
    streaming these, one request at a time, without loading any request again or holding them all.
    """

    id: str
    rows: dict[str, bytes]  # combined table -> this request's CSV rows
    version: str  # the curation's SemVer
    curated: str  # the curation date
    source: dict  # the request's entry in the combined package's sources
    force: str  # the force's title, a creator of the package
    curator: str


def contribution(req: Request, ref: Reference, packages: Path, codes: Codes) -> Contribution:
    """The combined rows of one request, from the Request and (for observations) its package as just written into `packages`."""
    q_rows = [[req.id] + row for row in question_rows(req)]
    c_rows = [[req.id] + row for row in caveat_rows(req)]
    ct_rows = [[req.id] + row for row in target_rows(req)]
    t_rows, d_rows = [], []
    for table in req.tables:
        period = req.period(table.period)
        t_rows.append([req.id, table.name, table.title, table.measure, period.start if period else None,
                       period.end if period else None, table.system])
        d_rows += [[req.id, table.name, n, d, label] for n, row in enumerate(table.rows, start=1) for d, label in zip(row.dims, row.labels)]
    req_row = [req.id, req.force.code, req.force.attribution, req.reference.value, req.title,
               req.received.date if req.received else None, req.responded.date if req.responded else None,
               ";".join(req.topics), req.family, req.curation.version, req.response.sha256, len(req.response.data)]
    tables = {"requests": [req_row], "questions": q_rows, "caveats": c_rows, "caveat_targets": ct_rows, "tables": t_rows,
              "observations": request_rows(packages, req.id, codes), "value_dimensions": d_rows}
    source = {"title": req.source.title}
    if req.source.url:
        source["path"] = req.source.url
    return Contribution(req.id, {name: csv_body(rows) for name, rows in tables.items()}, req.curation.version, req.curation.curated,
                        {**source, "foi:request": req.id, "foi:licence": req.source.licence}, ref.title("forces", req.force.code),
                        req.curation.curator)


KEYS = {
    "requests": {"primaryKey": ["request_id"], "foreignKeys": [_fk(["force_code"], "forces", ["code"])]},
    "questions": {"primaryKey": ["request_id", "question_id"], "foreignKeys": [_fk(["request_id"], "requests"),
                                                                             _fk(["status"], "answer_statuses", ["code"])]},
    "caveats": {"primaryKey": ["request_id", "caveat_id"], "foreignKeys": [_fk(["request_id"], "requests"),
                                                                         _fk(["kind"], "caveat_kinds", ["code"])]},
    "caveat_targets": {"primaryKey": ["request_id", "caveat_id", "target"], "foreignKeys": [_fk(["request_id", "caveat_id"], "caveats")]},
    "tables": {"primaryKey": ["request_id", "table"], "foreignKeys": [_fk(["request_id"], "requests")]},
    "observations": {"primaryKey": ["request_id", "table", "row"],
                     "foreignKeys": [_fk(["request_id", "table"], "tables"), _fk(["force_code"], "forces", ["code"]),
                                     _fk(["offence_code"], "offence_codes", ["code"]), _fk(["outcome_type"], "outcome_types", ["code"]),
                                     _fk(["status"], "value_statuses", ["code"]), _fk(["additivity"], "additivity", ["code"]),
                                     _fk(["code_role"], "code_roles", ["code"])]},
    "value_dimensions": {"primaryKey": ["request_id", "table", "row", "dimension"],
                         "foreignKeys": [_fk(["request_id", "table", "row"], "observations")]},
}
HEADERS = {
    "requests": ["request_id", "force_code", "force_attribution", "reference", "title", "received_date", "response_date", "topics",
                 "family", "version", "response_sha256", "response_bytes"],
    "questions": ["request_id"] + QUESTION_FIELDS,
    "caveats": ["request_id"] + CAVEAT_FIELDS,
    "caveat_targets": ["request_id"] + TARGET_FIELDS,
    "tables": ["request_id", "table", "title", "table_measure", "period_start", "period_end", "system"],
    "observations": HEADER,
    "value_dimensions": ["request_id", "table", "row", "dimension", "dimension_value"],
}


class _Sums:
    """What the combined descriptor says of all requests together, gathered as the contributions stream past."""

    def __init__(self):
        self.parts, self.sources, self.forces, self.curators = [], [], {}, {}
        self.curated: str | None = None

    def add(self, c: Contribution) -> None:
        self.parts.append(tuple(int(x) for x in c.version.split(".")))
        self.curated = max(self.curated or c.curated, c.curated)
        self.sources.append(c.source)
        self.forces.setdefault(c.force)
        self.curators.setdefault(c.curator)

    def version(self) -> str:
        """SemVer of the combined package: minor counts additions (requests and their minor versions), patch corrections."""
        return f"1.{len(self.parts) + sum(p[1] for p in self.parts)}.{sum(p[2] for p in self.parts)}"

    def created(self) -> str:
        """As new as the newest curation (a date from the data, never the clock)."""
        return (self.curated or "2000-01-01") + "T00:00:00Z"

    def contributors(self) -> list[dict]:
        """The forces as creators of their responses, and the curators, each once."""
        return [{"title": f, "roles": ["creator"]} for f in self.forces] + [{"title": c, "roles": ["dataCurator"]} for c in self.curators]


def write_combined(contributions: Iterable[Contribution], ref: Reference, out: Path) -> dict:
    """build/datapackages/all/: every request as related tables joined by foreign keys, and one long observations table.

    Each table is written by streaming the requests' contributions in folder order into its CSV, hashing as it goes.
    """
    folder = out / "all"
    folder.mkdir(parents=True, exist_ok=True)
    sums = _Sums()
    with ExitStack() as stack:
        sinks = {name: stack.enter_context(_Sink(folder / f"{name}.csv", HEADERS[name])) for name in COMBINED}
        for c in contributions:
            sums.add(c)
            for name, sink in sinks.items():
                sink.write(c.rows[name])
    resources = [_combined_resource(name, HEADERS[name], sinks[name].integrity(), KEYS[name]) for name in COMBINED]
    resources += reference_resources(ref, folder, prefix="reference/")
    descriptor = {"$schema": PROFILE, "name": "all", "id": "all", "title": "All curated FOI responses",
                  "description": "Every curated request as related tables: requests, questions, caveats, tables, one long "
                                 "observations table (one row per value, ready to use), the labels of each value by dimension, "
                                 "and the reference code lists. Each value cites where it stands: a line of the request's response.txt, or "
                                 "the sheet and cell, or page and line, of a file the force attached; each file is in that request's "
                                 "own package.",
                  "version": sums.version(), "created": sums.created(),
                  "keywords": ["freedom of information", "police", "child sexual abuse"],
                  "licenses": [CURATION_LICENSE], "sources": sums.sources, "contributors": sums.contributors(), "resources": resources}
    write(folder / "datapackage.json", json_bytes(descriptor))
    write(folder / "README.md", readme_bytes(descriptor))
    write_zip(folder, out / "all.zip")
    return descriptor


class _Sink:
    """A CSV file written in pieces (the header, then each request's rows), with its hash and size kept as it grows."""

    def __init__(self, path: Path, header: list[str]):
        self.path, self.header = path, header

    def __enter__(self) -> _Sink:
        self.file = self.path.open("wb")
        self.hash, self.bytes = hashlib.sha256(), 0
        self.write(csv_bytes(self.header, []))
        return self

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.hash.update(data)
        self.bytes += len(data)

    def integrity(self) -> dict:
        return {"hash": "sha256:" + self.hash.hexdigest(), "bytes": self.bytes}

    def __exit__(self, *exc) -> None:
        self.file.close()


def _combined_resource(name: str, header: list[str], written: dict, keys: dict) -> dict:
    """One combined table (its CSV already written): typed fields (dates as dates, is_total as boolean), titled and described."""
    title, description = SPECS[name]
    if name == "observations":
        schema = {**obs_schema(), **keys}
    else:
        titles = {**QUESTION_TITLES, **CAVEAT_TITLES, **TARGET_TITLES}
        schema = {"fields": [_field(h, titles) for h in header], "missingValues": [""], **keys}
    return {"name": name, "type": "table", "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "title": title, "description": description, **written, "schema": schema}


def _field(name: str, titles: dict) -> dict:
    kind = "integer" if name in INTEGERS else "date" if name in DATES else "boolean" if name == "is_total" else "string"
    field = {"name": name, "type": kind, "title": titles.get(name, name.replace("_", " ").capitalize())}
    if kind == "boolean":
        field.update({"trueValues": ["true"], "falseValues": ["false"],
                      "description": "true for a total stated by the force; leave these rows out before adding values up."})
    return field


def catalog_fields(out: Path, descriptor: dict) -> dict:
    """A package's entry in catalog.json, once its files are written into `out` (all the cache keeps of its descriptor:
    5,000 descriptors are 270 MB in memory). Made in the worker that wrote it, so the catalog is not read and hashed again."""
    name = descriptor["name"]
    return {"name": name, "title": descriptor["title"], "version": descriptor["version"],
            "path": f"{name}/datapackage.json", "zip": f"{name}.zip",
            "descriptor": integrity((out / name / "datapackage.json").read_bytes()),
            "zipIntegrity": integrity((out / f"{name}.zip").read_bytes())}


def write_catalog(out: Path, entries: list[dict]) -> None:
    """build/datapackages/catalog.json: every package with its version and the hashes of its descriptor and zip.

    The SQLite and Excel copies of the combined package are added by `add_exports` once they are written (beside MkDocs).
    """
    write(out / "catalog.json", json_bytes({"packages": entries}))


def add_exports(out: Path) -> None:
    """List the SQLite and Excel copies in catalog.json, with their hashes (a new file: the old one may be the published one's link)."""
    catalog = json.loads((out / "catalog.json").read_text(encoding="utf-8"))
    for entry in catalog["packages"]:
        formats = {ext: {"path": f"{entry['name']}.{ext}", **file_integrity(out / f"{entry['name']}.{ext}")}
                   for ext in EXPORTS if (out / f"{entry['name']}.{ext}").is_file()}
        if formats:
            entry["formats"] = formats
    tmp = out / ".catalog.json.tmp"
    tmp.write_bytes(json_bytes(catalog))
    os.replace(tmp, out / "catalog.json")


def without_exports(catalog: dict) -> dict:
    """The catalog as `write_catalog` wrote it, before `add_exports`: what the site is made from."""
    return {"packages": [{k: v for k, v in p.items() if k != "formats"} for p in catalog["packages"]]}
