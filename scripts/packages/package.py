"""Write one checked request as a Frictionless Data Package v2 folder and zip."""
from __future__ import annotations

from pathlib import Path

from ..curated.claims import RULES
from ..curated.model import Request, Table
from ..curated.redact import without_hidden
from .readme import readme_bytes
from ..curated.reference import Reference
from . import facts
from .observations import Codes
from .observations import field as obs_field
from .writers import csv_bytes, json_bytes, write, write_zip

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
CURATION_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (this curation: tables, questions, caveats, metadata; not the forces' response texts)",
}
# Constraints of the value columns in a request's own tables (names, types and descriptions as in the combined observations).
BOOLEANS = {"is_total", "additive", "part_year"}
CONSTRAINTS = {"value": {"minimum": 0}, "status": {"required": True}, "is_total": {"required": True}, "additive": {"required": True},
               "additivity": {"required": True, "enum": ["parts", "total", "overlapping", "not-disjoint", "subset"]},
               "code_role": {"enum": ["counts", "subset", "related"]}, "part_year": {"required": True}}
# Where a value stands, by the kind of file its table cites.
CITE_FIELDS = {
    "text": [{"name": "line", "type": "integer", "title": "Line in {source}", "constraints": {"required": True, "minimum": 1},
              "description": "The line of {source} on which the value stands."}],
    "grid": [{"name": "sheet", "type": "string", "title": "Sheet", "constraints": {"required": True},
              "description": "The sheet of {source} holding the value (a web page's tables are named table 1, table 2, ...)."},
             {"name": "cell", "type": "string", "title": "Cell", "constraints": {"required": True, "pattern": "^[A-Z]{1,3}[1-9][0-9]*$"},
              "description": "The cell holding the value, such as C7."}],
    "pdf": [{"name": "page", "type": "integer", "title": "Page", "constraints": {"required": True, "minimum": 1},
             "description": "The page of {source} holding the value."},
            {"name": "line", "type": "integer", "title": "Line on the page", "constraints": {"required": True, "minimum": 1},
             "description": "The line of the page's text (as laid out) on which the value stands."}],
}
QUESTION_FIELDS = ["question_id", "text", "status", "section", "quote", "line_start", "line_end", "note"]
CAVEAT_FIELDS = ["caveat_id", "kind", "quote", "line_start", "line_end", "note"]
TARGET_FIELDS = ["caveat_id", "target", "target_kind", "table", "field", "question_id"]


def cite_kind(table: Table) -> str:
    """text (response.txt or a text file), grid (spreadsheet, CSV, web page) or pdf: which columns say where a value stands."""
    suffix = table.source.rsplit(".", 1)[-1].lower()
    return "pdf" if suffix == "pdf" else "text" if suffix == "txt" else "grid"


def cite_fields(table: Table) -> list[dict]:
    """The columns that say where a value stands, described with the name of the file they point into."""
    return [{**f, "title": f["title"].replace("{source}", table.source), "description": f["description"].replace("{source}", table.source)}
            for f in CITE_FIELDS[cite_kind(table)]]


def table_header(table: Table) -> list[str]:
    """Published columns: the dimensions, the value with its codes, additivity and period (facts.COLUMNS), where it stands."""
    return table.dims + facts.COLUMNS + [f["name"] for f in cite_fields(table)]


def table_rows(req: Request, table: Table, codes: Codes) -> list[list]:
    """Rows in curated order: the labels, the facts every value carries, and where it stands."""
    names = [f["name"] for f in cite_fields(table)]
    return [list(row.labels) + [fact[c] for c in facts.COLUMNS] + [getattr(row, n) for n in names]
            for row, fact in zip(table.rows, facts.table_facts(req, table, codes))]


def layout(table: Table) -> dict:
    """How the force printed the table: row dimensions outer to inner, column dimensions."""
    return {"rows": list(table.layout.rows), "columns": list(table.layout.columns)}


def table_schema(table: Table, statuses: list[str]) -> dict:
    """An explicit Table Schema: every dimension titled and described, value and status constrained."""
    fields = [{"name": d.name, "type": "string", "title": d.title, "description": d.description,
               "constraints": {"required": True}} for d in table.dimensions]
    values = [_value_field(name, statuses) for name in facts.COLUMNS] + [dict(f) for f in cite_fields(table)]
    return {"fields": fields + values, "missingValues": [""], "primaryKey": list(table.dims)}


def _value_field(name: str, statuses: list[str]) -> dict:
    """A value column of a request's table: as in the combined observations, with its constraints here."""
    out = obs_field(name)
    constraints = CONSTRAINTS.get(name, {}) | ({"enum": statuses} if name == "status" else {})
    return {**out, "constraints": constraints} if constraints else out


def question_rows(req: Request) -> list[list]:
    """One row per question of the request, with its fate and where the answer stands."""
    return [[q.id, q.text.flat, q.status, q.section, *((q.quote.flat, q.quote.span.start, q.quote.span.end) if q.quote else (None,) * 3),
             _flat(q.note)] for q in req.questions]


def caveat_rows(req: Request) -> list[list]:
    """One row per caveat, the force's words verbatim (whitespace folded)."""
    return [[c.id, c.kind, c.quote.flat, c.quote.span.start, c.quote.span.end, _flat(c.note)] for c in req.caveats]


def target_rows(req: Request) -> list[list]:
    """One row per thing a caveat applies to: the package, a table, a field of a table, or a question."""
    out = []
    for c in req.caveats:
        for target in c.applies_to:
            kind, _, rest = target.partition(":")
            table, _, field = rest.partition(".") if kind in ("table", "field") else ("", "", "")
            out.append([c.id, target, kind, table or None, field or None, rest if kind == "question" else None])
    return out


def text_schema(names: list[str], titles: dict[str, str], integers=("line_start", "line_end")) -> dict:
    """A simple schema of titled text fields (line numbers as integers)."""
    return {"fields": [{"name": n, "type": "integer" if n in integers else "string", "title": titles[n]} for n in names],
            "missingValues": [""]}


QUESTION_TITLES = {"question_id": "Question", "text": "Question as asked (verbatim)", "status": "Answer status",
                   "section": "FOI Act section", "quote": "Quote that answers it", "line_start": "First line",
                   "line_end": "Last line", "note": "Curator's note"}
TARGET_TITLES = {"caveat_id": "Caveat", "target": "Applies to", "target_kind": "Kind of target (package, table, field or question)",
                 "table": "Table", "field": "Field of the table", "question_id": "Question"}
CAVEAT_TITLES = {"caveat_id": "Caveat", "kind": "Kind", "quote": "The force's words", "line_start": "First line",
                 "line_end": "Last line", "applies_to": "Applies to", "note": "Curator's note"}


def write_package(req: Request, ref: Reference, out: Path) -> dict:
    """Write the package folder out/<id>/ and out/<id>.zip; return the descriptor."""
    folder = out / req.id
    resources = []
    codes = Codes(ref.folder)
    for table in req.tables:
        data = csv_bytes(table_header(table), table_rows(req, table, codes))
        path = f"tables/{req.id}--{table.name}.csv"  # the request id travels with a downloaded file
        resources.append(_resource(table.name, path, write(folder / path, data), table.title, table.description,
                                   schema=table_schema(table, sorted(ref.codes("value_statuses"))), extra=_table_extra(req, table)))
    data = csv_bytes(QUESTION_FIELDS, question_rows(req))
    resources.append(_resource("questions", "questions.csv", write(folder / "questions.csv", data), "Questions and their fates",
                               "Every question of the request, verbatim, with how it was answered or why not.",
                               schema={**text_schema(QUESTION_FIELDS, QUESTION_TITLES), "primaryKey": ["question_id"]}))
    data = csv_bytes(CAVEAT_FIELDS, caveat_rows(req))
    resources.append(_resource("caveats", "caveats.csv", write(folder / "caveats.csv", data), "Caveats",
                               "Each caveat the force gives, in its own words, with what it applies to.",
                               schema={**text_schema(CAVEAT_FIELDS, CAVEAT_TITLES), "primaryKey": ["caveat_id"]}))
    data = csv_bytes(TARGET_FIELDS, target_rows(req))
    resources.append(_resource("caveat_targets", "caveat_targets.csv", write(folder / "caveat_targets.csv", data), "What each caveat applies to",
                               "One row per thing a caveat applies to: the package, a table, a field of a table, or a question.",
                               schema={**text_schema(TARGET_FIELDS, TARGET_TITLES), "primaryKey": ["caveat_id", "target"]}))
    # No foreign key here: a request package is validated resource by resource (validate.py); the combined package's
    # caveat_targets declares it, and tests/test_sums.py checks every target of every package names what exists.
    # v2 allows only "table" as a resource type: the text resource has none.
    resources.append({"name": "response", "path": "response.txt", "format": "txt", "mediatype": "text/plain",
                      "encoding": "utf-8", "title": "The response as published",
                      "description": "The text of the force's response, byte for byte as published. Line numbers in the tables refer to it. "
                                     "It is the force's text: the package's CC BY 4.0 licence covers the curation, not this text, "
                                     f"whose licence is {req.source.licence} (see foi:licence).",
                      "licenses": [source_license(req.source.licence)], "foi:licence": req.source.licence,
                      **write(folder / "response.txt", req.response.data)})
    resources += [file_resource(f, folder, req) for f in req.files]
    descriptor = package_descriptor(req, ref, resources)
    write(folder / "datapackage.json", json_bytes(descriptor))
    write(folder / "README.md", readme_bytes(descriptor))
    write_zip(folder, out / f"{req.id}.zip")
    for table in req.tables:
        write(out / "json" / req.id / f"{req.id}--{table.name}.json", json_bytes(table_json(req, table, descriptor, codes)))
    return descriptor


def _title_source(ref: Reference, list_name: str, code: str) -> dict:
    """Where a code's title comes from: the reference list, its row's source and whether it was checked against that source."""
    row = ref.codes(list_name).get(code, {})
    if not row.get("source"):
        return {}
    return {"titleSource": {"list": f"reference/{list_name}.csv", "source": _flat(row["source"]),
                            **({"verified": row["verified"]} if row.get("verified") else {})}}


KNOWN_LICENCES = {"Open Government Licence v3.0": {"name": "OGL-UK-3.0",
                                                   "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}}


def source_license(licence: str) -> dict:
    """The resource-level licence of a force's own file, where tools read licences: its terms are the force's, and when the
    response states none it says so (the package's CC-BY-4.0 covers the curation only, never this file)."""
    ours = "the package's CC-BY-4.0 covers the curation only, not this file"
    if licence == "not stated":
        return {"name": "LicenseRef-not-stated", "title": f"Not stated: the force's own terms, which the response does not state; {ours}"}
    return {**KNOWN_LICENCES.get(licence, {"name": "LicenseRef-force-terms"}), "title": f"{licence}: the force's terms for this file; {ours}"}


COPIES = {"xlsx": "hidden sheets removed, hidden rows' and columns' cells emptied; formulas replaced by their saved values; "
                  "written with openpyxl",
          "ods": "hidden sheets removed, hidden rows' and columns' cells emptied; written with odfpy",
          "html": "comments, scripts, templates, hidden inputs and hidden elements removed, a hidden table part emptied in place; "
                  "written with lxml"}
COPIES["htm"] = COPIES["html"]


def file_resource(f, folder: Path, req: Request) -> dict:
    """A source file (attachment, saved web page) as a resource, byte for byte, with its own licence status."""
    data = (req.folder / f.path).read_bytes()
    copy = without_hidden(f.path, data, str(req.curation.curated)) if f.cleaned else None
    description = f"Received as {f.path}, byte for byte; the cells and lines the tables cite are in it."
    if copy is not None:
        description = f"Our copy of {f.path} without its hidden parts ({COPIES[f.path.rsplit('.', 1)[-1].lower()]}); " \
                      "every other cell keeps its address, so the cells the tables cite are in it. The force's original is not published."
    resource = {"name": f.resource_name, "path": f.path,
                "format": f.path.rsplit(".", 1)[-1].lower(), "mediatype": f.media_type, "title": f.description,
                "description": description,
                **write(folder / f.path, copy if copy is not None else data), "licenses": [source_license(f.licence)],
                "foi:licence": f.licence, "foi:url": f.url or "not known"}
    if copy is not None:
        resource["foi:original"] = {"sha256": f.sha256, "bytes": f.bytes, "published": False}
        resource["foi:removed"] = [{"part": h.part, "why": "hidden in the force's file: hidden parts are never republished",
                                    "note": _flat(h.note)} for h in f.hidden]
        resource["foi:removed"] += [{"part": part, "why": "not shown to a reader of the page: hidden parts are never republished"}
                                    for part in f.removed]
    if f.width:  # tools read a spreadsheet's first sheet as a table: as raw cells, no header, any type
        resource["dialect"] = {"header": False}
        resource["schema"] = {"fields": [{"name": f"column_{i}", "type": "any"} for i in range(1, f.width + 1)]}
    if f.hidden:
        resource["foi:hiddenParts"] = [{"part": h.part, "note": _flat(h.note)} for h in f.hidden]
    if f.formulas:
        resource["foi:formulaCells"] = list(f.formulas)
    return resource


def table_json(req: Request, table: Table, descriptor: dict, codes: Codes) -> dict:
    """A table as JSON for download: its rows typed, with the caveats that apply to it, so they travel together."""
    resource = next(r for r in descriptor["resources"] if r["name"] == table.name)
    caveats = [c for c in descriptor["foi:caveats"] if c["id"] in resource["foi:caveats"]]
    header = table_header(table)
    meta = descriptor["foi:request"]
    return {"package": req.id, "resource": table.name, "title": table.title, "measure": table.measure,
            "force": {k: meta["force"][k] for k in ("code", "title", "attribution")}, "reference": meta["reference"],
            "period": resource.get("foi:period"), "system": resource.get("foi:system"),
            "source": {"title": req.source.title, "path": f"{req.id}/{table.source}", "licence": req.source.licence},
            "licence": CURATION_LICENSE["path"], "version": descriptor["version"],
            "is_total": "Rows with is_total true are totals stated by the force: leave them out before adding values up.",
            "additive": "Add values only within one sum_group, and only those with additive true (see additivity for why not).",
            "caveats": caveats,
            "rows": [{h: (v == "true" if h in BOOLEANS else v) for h, v in zip(header, row)} for row in table_rows(req, table, codes)]}


def _resource(name, path, stats, title, description, schema, extra=None) -> dict:
    return {"name": name, "type": "table", "path": path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "title": title, "description": _flat(description), **stats, "schema": schema, **(extra or {})}


def _table_extra(req: Request, table: Table) -> dict:
    """Provenance of a table: what it measures, its period and system, and the caveats on it."""
    extra = {"foi:measure": table.measure, "foi:layout": layout(table), "foi:source": table.source}
    period = req.period(table.period)
    if period:
        extra["foi:period"] = {"label": period.label, "start": period.start, "end": period.end}
    if table.system:
        extra["foi:system"] = table.system
    s = table.sums
    extra["foi:sums"] = {"additive": s.additive, "reason": s.reason, **({"group": f"{req.id}/{s.group}"} if s.group else {}),
                         "basis": s.basis, **({"note": _flat(s.note)} if s.note else {})}
    targets = {f"table:{table.name}"} | {f"field:{table.name}.{f}" for f in table_header(table)}
    extra["foi:caveats"] = [c.id for c in req.caveats if "package" in c.applies_to or targets & set(c.applies_to)]
    return extra


def package_descriptor(req: Request, ref: Reference, resources: list[dict]) -> dict:
    """The datapackage.json of a request: Data Package v2 plus provenance in the foi: namespace."""
    force = ref.codes("forces")[req.force.code]
    topics = [ref.codes("topics")[t] for t in req.topics]
    src = req.source
    source = {"title": src.title}
    if src.url:
        source["path"] = src.url
    source.update({"foi:url": src.url or "not known", "foi:receivedAs": src.received_as,
                   "foi:responseDate": req.responded.date if req.responded else "not stated",
                   "foi:published": src.published or "not stated",
                   "foi:accessed": src.accessed, "foi:licence": src.licence})
    if src.partial:
        source["foi:partial"] = src.partial
    return {
        "$schema": PROFILE,
        "name": req.id,
        "id": req.id,
        "title": req.title,
        "description": _flat(req.summary),
        "version": req.curation.version,
        "created": req.curation.curated + "T00:00:00Z",
        "keywords": ["freedom of information", force["title"], *[t["title"] for t in topics]],
        "licenses": [CURATION_LICENSE],
        "sources": [source],
        "contributors": [{"title": force["title"], "roles": ["creator"]},
                         {"title": req.curation.curator, "roles": ["dataCurator"]}],
        "resources": resources,
        "foi:request": request_metadata(req, ref),
        **({"foi:changes": [{"version": c.version, "date": c.date, "note": c.note} for c in req.curation.changes]}
           if req.curation.changes else {}),
        "foi:caveats": [{"id": c.id, "kind": c.kind, "kindTitle": ref.title("caveat_kinds", c.kind),
                         "quote": c.quote.flat, "lines": _lines(c.quote), "appliesTo": list(c.applies_to),
                         **({"note": _flat(c.note)} if c.note else {})}
                        for c in req.caveats],
    }


def _lines(quote) -> list[int]:
    return [quote.span.start, quote.span.end]


def _cited(quote, **fields) -> dict:
    """A curated entry: its fields (whitespace folded, None left out), its quote and the lines it stands on."""
    out = {k: _flat(v) for k, v in fields.items() if v is not None}
    where = {"lines": _lines(quote)} if quote.origin == "text" else {"from": quote.origin}  # from: url or title, where it was published
    return {**out, "quote": quote.flat, **where} | ({"note": out["note"]} if "note" in out else {})


def request_metadata(req: Request, ref: Reference) -> dict:
    """Everything about the request that the spec has no place for, each quote with its lines."""
    force = {"code": req.force.code, "title": ref.title("forces", req.force.code), "attribution": req.force.attribution,
             "evidence": [_cited(e.quote, note=e.note) for e in req.force.evidence]}
    if req.force.note:
        force["note"] = _flat(req.force.note)
    dates = {key: _cited(d.quote, date=d.date, basis=d.basis, note=d.note)
             for key, d in (("received", req.received), ("response", req.responded)) if d}

    def codes(items, list_name):
        return [{**_cited(c.quote, code=c.code, basis=c.basis, note=c.note), **({"labels": list(c.labels)} if c.labels else {}),
                 **({"labelsMapped": [{"label": label, "why": why} for label, why in c.through]} if c.through else {}),
                 "title": ref.title(list_name, c.code), **_title_source(ref, list_name, c.code)} for c in items]
    r = req.reference
    basis = {"basis": r.basis, **(_cited(r.quote) if r.quote else {}), **({"note": _flat(r.note)} if r.note else {})}
    return {
        "reference": r.value,
        "referenceBasis": basis,
        **({"family": req.family} if req.family else {}),
        "force": force,
        "topics": [{"code": t, "title": ref.title("topics", t)} for t in req.topics],
        "dates": dates,
        "periods": [_cited(p.quote, label=p.label, start=p.start, end=p.end, basis=p.basis,
                           rule=RULES[p.rule] if p.rule else None, note=p.note) for p in req.periods],
        "systems": [_cited(s.quote, name=s.name, start=s.start, end=s.end, note=s.note) for s in req.systems],
        "offenceCodes": codes(req.offence_codes, "offence_codes"),
        "outcomeTypes": codes(req.outcome_types, "outcome_types"),
        "attachments": [{**_cited(a.quote, description=a.description),
                         **({"status": "held", "file": a.file} if a.file else {"status": "not part of the published text"})}
                        for a in req.attachments],
        "response": {"path": "response.txt", "sha256": req.response.sha256, "bytes": len(req.response.data),
                     "lines": len(req.response.lines)},
    }


def _flat(text):
    """Fold whitespace runs (YAML line breaks) into single spaces; None stays None."""
    return " ".join(text.split()) if isinstance(text, str) else text
