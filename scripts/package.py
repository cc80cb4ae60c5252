"""Write one checked request as a Frictionless Data Package v2 folder and zip."""
from __future__ import annotations

from pathlib import Path

from .load import Request
from .reference import Reference
from .tables import TOTAL, Table
from .readme import readme_bytes
from .writers import csv_bytes, json_bytes, write, write_zip

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
CURATION_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (this curation: tables, questions, caveats, metadata; not the forces' response texts)",
}
VALUE_FIELDS = [
    {"name": "value", "type": "integer", "title": "Value", "constraints": {"minimum": 0},
     "description": "The number as published; empty when the source cell is blank or suppressed (see status)."},
    {"name": "status", "type": "string", "title": "Value status", "constraints": {"required": True},
     "description": "reported, blank (empty in the source), nil (given in words as nil), or suppressed."},
    {"name": "is_total", "type": "boolean", "title": "Stated total", "constraints": {"required": True},
     "trueValues": ["true"], "falseValues": ["false"],
     "description": "true when the force states this value as a total of other rows of the table (its dimensions that "
                    "it sums over read Total); leave these rows out before adding values up, or you count them twice."},
    {"name": "line", "type": "integer", "title": "Line in response.txt", "constraints": {"required": True, "minimum": 1},
     "description": "The line of response.txt on which the value stands."},
]
QUESTION_FIELDS = ["question_id", "text", "status", "section", "quote", "line_start", "line_end", "note"]
CAVEAT_FIELDS = ["caveat_id", "kind", "quote", "line_start", "line_end", "applies_to", "note"]


def table_header(table: Table) -> list[str]:
    """Published columns: the dimensions, the offence code where offences are named, then the value columns."""
    coded = ["offence_code"] if "offence" in table.dims else []
    return table.dims + coded + [f["name"] for f in VALUE_FIELDS]


def table_rows(table: Table, offence_map: dict[str, str]) -> list[list]:
    """Rows in curated order, with the Home Office code of each offence label when it is mapped."""
    coded = "offence" in table.dims
    return [[row[d] for d in table.dims] + ([offence_map.get(row["offence"])] if coded else [])
            + [row["value"], row["status"], "true" if is_total(table, row) else "false", row["line"]] for row in table.rows]


def is_total(table: Table, row: dict) -> bool:
    """A stated total: some dimension reads Total (the parts it adds up are other rows)."""
    return any(row[d] == TOTAL for d in table.dims)


def layout(table: Table) -> dict:
    """How the force printed the table: row dimensions outer to inner, column dimensions."""
    return table.meta.get("layout") or {"rows": list(table.dims), "columns": []}


def table_schema(table: Table, statuses: list[str]) -> dict:
    """An explicit Table Schema: every dimension titled and described, value and status constrained."""
    fields = [{"name": d["name"], "type": "string", "title": d["title"], "description": d["description"],
               "constraints": {"required": True}} for d in table.meta["dimensions"]]
    if "offence" in table.dims:
        fields.append({"name": "offence_code", "type": "string", "title": "Home Office offence code",
                       "description": "Home Office code of the offence label, mapped in request.yaml (see foi:request.offenceCodes); empty when not mapped."})
    values = [dict(f) for f in VALUE_FIELDS]
    values[1] = {**values[1], "constraints": {"required": True, "enum": statuses}}
    return {"fields": fields + values, "missingValues": [""], "primaryKey": list(table.dims)}


def question_rows(req: Request) -> list[list]:
    """One row per question of the request, with its fate and where the answer stands."""
    rows = []
    for i, q in enumerate(req.meta["questions"]):
        span = req.span("questions", i, "quote")
        rows.append([q["id"], _flat(q["text"]), q["status"], q.get("section"), _flat(q["quote"]), span.start, span.end, q.get("note")])
    return rows


def caveat_rows(req: Request) -> list[list]:
    """One row per caveat, the force's words verbatim (whitespace folded)."""
    return [[c["id"], c["kind"], _flat(c["quote"]), c["span"].start, c["span"].end, ";".join(c["applies_to"]), c.get("note")]
            for c in req.caveats]


def text_schema(names: list[str], titles: dict[str, str], integers=("line_start", "line_end")) -> dict:
    """A simple schema of titled text fields (line numbers as integers)."""
    return {"fields": [{"name": n, "type": "integer" if n in integers else "string", "title": titles[n]} for n in names],
            "missingValues": [""]}


QUESTION_TITLES = {"question_id": "Question", "text": "Question as asked (verbatim)", "status": "Answer status",
                   "section": "FOI Act section", "quote": "Quote that answers it", "line_start": "First line",
                   "line_end": "Last line", "note": "Curator's note"}
CAVEAT_TITLES = {"caveat_id": "Caveat", "kind": "Kind", "quote": "The force's words", "line_start": "First line",
                 "line_end": "Last line", "applies_to": "Applies to", "note": "Curator's note"}


def write_package(req: Request, ref: Reference, out: Path) -> dict:
    """Write the package folder out/<id>/ and out/<id>.zip; return the descriptor."""
    folder = out / req.id
    resources = []
    for table in req.tables:
        data = csv_bytes(table_header(table), table_rows(table, req.offence_map))
        path = f"tables/{req.id}--{table.name}.csv"  # the request id travels with a downloaded file
        resources.append(_resource(table.name, path, write(folder / path, data), table.meta["title"], table.meta["description"],
                                   schema=table_schema(table, sorted(ref.codes("value_statuses"))), extra=_table_extra(req, table)))
    data = csv_bytes(QUESTION_FIELDS, question_rows(req))
    resources.append(_resource("questions", "questions.csv", write(folder / "questions.csv", data), "Questions and their fates",
                               "Every question of the request, verbatim, with how it was answered or why not.",
                               schema={**text_schema(QUESTION_FIELDS, QUESTION_TITLES), "primaryKey": ["question_id"]}))
    data = csv_bytes(CAVEAT_FIELDS, caveat_rows(req))
    resources.append(_resource("caveats", "caveats.csv", write(folder / "caveats.csv", data), "Caveats",
                               "Each caveat the force gives, in its own words, with what it applies to.",
                               schema={**text_schema(CAVEAT_FIELDS, CAVEAT_TITLES), "primaryKey": ["caveat_id"]}))
    resources.append({"name": "response", "path": "response.txt", "format": "txt", "mediatype": "text/plain",
                      "encoding": "utf-8", "title": "The response as published",
                      "description": "The text of the force's response, byte for byte as published. Line numbers in the tables refer to it. "
                                     "It is the force's text: the package's CC BY 4.0 licence covers the curation, not this text, "
                                     f"whose licence is {req.meta['source']['licence']} (see foi:licence).",
                      "foi:licence": req.meta["source"]["licence"],
                      **write(folder / "response.txt", req.response.data)})
    descriptor = package_descriptor(req, ref, resources)
    write(folder / "datapackage.json", json_bytes(descriptor))
    write(folder / "README.md", readme_bytes(descriptor))
    write_zip(folder, out / f"{req.id}.zip")
    for table in req.tables:
        write(out / "json" / req.id / f"{req.id}--{table.name}.json", json_bytes(table_json(req, table, descriptor)))
    return descriptor


def table_json(req: Request, table: Table, descriptor: dict) -> dict:
    """A table as JSON for download: its rows typed, with the caveats that apply to it, so they travel together."""
    resource = next(r for r in descriptor["resources"] if r["name"] == table.name)
    caveats = [c for c in descriptor["foi:caveats"] if c["id"] in resource["foi:caveats"]]
    header = table_header(table)
    req_meta = descriptor["foi:request"]
    return {"package": req.id, "resource": table.name, "title": table.meta["title"], "measure": table.meta["measure"],
            "force": {k: req_meta["force"][k] for k in ("code", "title", "attribution")}, "reference": req_meta["reference"],
            "period": resource.get("foi:period"), "system": resource.get("foi:system"),
            "source": {"title": descriptor["sources"][0]["title"], "path": f"{req.id}/response.txt", "licence": req.meta["source"]["licence"]},
            "licence": CURATION_LICENSE["path"], "version": descriptor["version"],
            "is_total": "Rows with is_total true are totals stated by the force: leave them out before adding values up.",
            "caveats": caveats,
            "rows": [{h: (v == "true" if h == "is_total" else v) for h, v in zip(header, row)} for row in table_rows(table, req.offence_map)]}


def _resource(name, path, stats, title, description, schema, extra=None) -> dict:
    return {"name": name, "type": "table", "path": path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "title": title, "description": _flat(description), **stats, "schema": schema, **(extra or {})}


def _table_extra(req: Request, table: Table) -> dict:
    """Provenance of a table: what it measures, its period and system, and the caveats on it."""
    periods = {p["label"]: p for p in req.meta.get("periods", [])}
    extra = {"foi:measure": table.meta["measure"], "foi:layout": layout(table)}
    if table.meta.get("period"):
        p = periods[table.meta["period"]]
        extra["foi:period"] = {"label": p["label"], "start": p["start"], "end": p["end"]}
    if table.meta.get("system"):
        extra["foi:system"] = table.meta["system"]
    targets = {f"table:{table.name}"} | {f"field:{table.name}.{f}" for f in table_header(table)}
    extra["foi:caveats"] = [c["id"] for c in req.caveats if "package" in c["applies_to"] or targets & set(c["applies_to"])]
    return extra


def package_descriptor(req: Request, ref: Reference, resources: list[dict]) -> dict:
    """The datapackage.json of a request: Data Package v2 plus provenance in the foi: namespace."""
    m = req.meta
    force = ref.codes("forces")[m["force"]["code"]]
    topics = [ref.codes("topics")[t] for t in m["topics"]]
    dates = m.get("dates", {})
    source = {"title": m["source"]["title"]}
    if m["source"].get("url"):
        source["path"] = m["source"]["url"]
    source.update({"foi:url": m["source"].get("url") or "not known", "foi:receivedAs": m["source"].get("received_as"),
                   "foi:responseDate": dates.get("response", {}).get("date", "not stated"),
                   "foi:published": m["source"].get("published", "not stated"),
                   "foi:accessed": m["source"]["accessed"], "foi:licence": m["source"]["licence"]})
    return {
        "$schema": PROFILE,
        "name": req.id,
        "id": req.id,
        "title": m["title"],
        "description": _flat(m["summary"]),
        "version": m["curation"]["version"],
        "created": m["curation"]["curated"] + "T00:00:00Z",
        "keywords": ["freedom of information", force["title"], *[t["title"] for t in topics]],
        "licenses": [CURATION_LICENSE],
        "sources": [source],
        "contributors": [{"title": force["title"], "roles": ["creator"]},
                         {"title": m["curation"]["curator"], "roles": ["dataCurator"]}],
        "resources": resources,
        "foi:request": request_metadata(req, ref),
        "foi:caveats": [{"id": c["id"], "kind": c["kind"], "kindTitle": ref.title("caveat_kinds", c["kind"]),
                         "quote": _flat(c["quote"]), "lines": [c["span"].start, c["span"].end],
                         "appliesTo": c["applies_to"], **({"note": _flat(c["note"])} if c.get("note") else {})}
                        for c in req.caveats],
    }


def request_metadata(req: Request, ref: Reference) -> dict:
    """Everything about the request that the spec has no place for, each quote with its lines."""
    m = req.meta
    cite = lambda path, item: _cited(req, path, item)  # noqa: E731
    force = {"code": m["force"]["code"], "title": ref.title("forces", m["force"]["code"]),
             "attribution": m["force"]["attribution"],
             "evidence": [cite(("force", "evidence", i), e) for i, e in enumerate(m["force"]["evidence"])]}
    if m["force"].get("note"):
        force["note"] = _flat(m["force"]["note"])
    codes = [{**cite(("offence_codes", i), c), "title": ref.title("offence_codes", c["code"])}
             for i, c in enumerate(m.get("offence_codes", []))]
    outcomes = [{**cite(("outcome_types", i), c), "title": ref.title("outcome_types", c["code"])}
                for i, c in enumerate(m.get("outcome_types", []))]
    return {
        "reference": m["reference"]["value"],
        "force": force,
        "topics": [{"code": t, "title": ref.title("topics", t)} for t in m["topics"]],
        "dates": {k: cite(("dates", k), v) for k, v in m.get("dates", {}).items()},
        "periods": [cite(("periods", i), p) for i, p in enumerate(m.get("periods", []))],
        "systems": [cite(("systems", i), s) for i, s in enumerate(m.get("systems", []))],
        "offenceCodes": codes,
        "outcomeTypes": outcomes,
        "attachments": [{**cite(("attachments", i), a), "status": "not part of the published text"}
                        for i, a in enumerate(m.get("attachments", []))],
        "response": {"path": "response.txt", "sha256": req.response.sha256, "bytes": len(req.response.data),
                     "lines": len(req.response.lines)},
        **({"family": m["family"]} if m.get("family") else {}),
    }


def _cited(req: Request, path: tuple, item: dict) -> dict:
    """A curated entry with whitespace folded and the lines of its quote added."""
    out = {k: (_flat(v) if isinstance(v, str) else v) for k, v in item.items()}
    span = req.spans.get(path + ("quote",))
    if span:
        out["lines"] = [span.start, span.end]
    return out


def _flat(text):
    """Fold whitespace runs (YAML line breaks) into single spaces; None stays None."""
    return " ".join(text.split()) if isinstance(text, str) else text

