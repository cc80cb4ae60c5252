"""Load one curated request folder into memory and check everything a curator can get wrong."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from . import reconcile, yamlio
from .errors import Problems
from .reference import Reference
from .response import ResponseText, Span
from .tables import FIXED, Table, read_table

SCHEMA_PATH = Path(__file__).parent / "schemas" / "request.schema.yaml"


@dataclass
class Request:
    """A curated request, checked: YAML data, response text, tables and where every quote stands."""

    id: str
    folder: Path
    meta: dict
    response: ResponseText
    tables: list[Table] = field(default_factory=list)
    spans: dict[tuple, Span] = field(default_factory=dict)
    caveats: list[dict] = field(default_factory=list)
    offence_map: dict[str, str] = field(default_factory=dict)

    def span(self, *path) -> Span:
        """Where the quote at this YAML path stands in response.txt."""
        return self.spans[tuple(path)]


def slug(text: str) -> str:
    """Lower-case letters and digits joined by single hyphens: the form of ids."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_schema() -> dict:
    """The one schema every request.yaml is validated against."""
    schema, _ = yamlio.load(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def load_request(folder: Path, ref: Reference, problems: Problems, schema: dict | None = None) -> Request | None:
    """Read and check one request folder; problems are collected, None when it cannot be used."""
    yaml_path, text_path = folder / "request.yaml", folder / "response.txt"
    for needed in (yaml_path, text_path):
        if not needed.is_file():
            problems.add(needed, "", "missing; every request folder needs response.txt and request.yaml")
    if not (yaml_path.is_file() and text_path.is_file()):
        return None
    response = _read_response(text_path, problems)
    meta, nodes = _read_yaml(yaml_path, problems)
    if response is None or meta is None:
        return None
    before = len(problems.items)
    _check_schema(meta, nodes, yaml_path, schema or load_schema(), problems)
    if len(problems.items) > before:
        return None
    request = Request(folder.name, folder, meta, response)
    ctx = _Context(request, yaml_path, nodes, problems)
    ctx.check_identity()
    ctx.check_codes(ref)
    ctx.check_dates()
    ctx.check_quotes()
    ctx.check_unique()
    ctx.load_tables(ref)
    ctx.check_offence_labels()
    ctx.check_applies_to()
    ctx.reconcile()
    return request


def _read_response(path: Path, problems: Problems) -> ResponseText | None:
    try:
        return ResponseText(path.read_bytes())
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        problems.add(path, "", f"not valid UTF-8 at offset {err.start}; response.txt must be the published text in UTF-8", line)
        return None


def _read_yaml(path: Path, problems: Problems):
    try:
        data, nodes = yamlio.load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        problems.add(path, "", f"not valid UTF-8 at offset {err.start}")
        return None, None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        what = " ".join(str(x) for x in (getattr(err, "context", None), getattr(err, "problem", None)) if x) or str(err)
        problems.add(path, "", f"invalid YAML: {what}", mark.line + 1 if mark else None)
        return None, None
    if not isinstance(data, dict):
        problems.add(path, "", "expected a mapping of fields (title, summary, force, ...) at the top level", 1)
        return None, None
    return data, nodes


def _check_schema(meta: dict, nodes, path: Path, schema: dict, problems: Problems) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    for err in sorted(validator.iter_errors(meta), key=lambda e: list(map(str, e.absolute_path))):
        where = tuple(err.absolute_path)
        message = err.message
        if err.validator == "additionalProperties":
            message += f"; allowed: {', '.join(sorted(err.schema.get('properties', {})))}"
        elif err.validator == "pattern" and "description" in err.schema:
            message += f" (expected {err.schema['description']})"
        problems.add(path, yamlio.field_name(where) or "(top level)", message, yamlio.line_of(nodes, where))


class _Context:
    """The checks of one request, sharing the request, its YAML path and node tree."""

    def __init__(self, request: Request, path: Path, nodes, problems: Problems):
        self.r, self.path, self.nodes, self.problems = request, path, nodes, problems
        self.meta = request.meta

    def add(self, where: tuple, message: str) -> None:
        self.problems.add(self.path, yamlio.field_name(where), message, yamlio.line_of(self.nodes, where))

    def check_identity(self) -> None:
        """The folder name is the id: <force>-<reference slug>; the text is the one recorded."""
        expected = f"{self.meta['force']['code']}-{slug(self.meta['reference']['value'])}"
        if self.r.id != expected:
            self.add(("reference", "value"), f"folder is named {self.r.id!r} but force and reference give {expected!r}; rename the folder or fix the fields")
        if self.r.response.sha256 != self.meta["source"]["sha256"]:
            self.add(("source", "sha256"), f"response.txt has sha256 {self.r.response.sha256}, not the recorded "
                     f"{self.meta['source']['sha256']}; response.txt must stay byte-identical to the published text")

    def check_codes(self, ref: Reference) -> None:
        """Every code used is in the reference lists."""
        def known(where, code, name):
            if code not in ref.codes(name):
                self.add(where, f"unknown code {code!r}; expected one of {', '.join(sorted(ref.codes(name)))} (datapackages/reference/{name}.csv)")
        known(("force", "code"), self.meta["force"]["code"], "forces")
        for i, topic in enumerate(self.meta["topics"]):
            known(("topics", i), topic, "topics")
        for i, q in enumerate(self.meta["questions"]):
            known(("questions", i, "status"), q["status"], "answer_statuses")
        for i, c in enumerate(self.meta["caveats"]):
            known(("caveats", i, "kind"), c["kind"], "caveat_kinds")
        for i, c in enumerate(self.meta.get("offence_codes", [])):
            known(("offence_codes", i, "code"), c["code"], "offence_codes")
        for i, c in enumerate(self.meta.get("outcome_types", [])):
            known(("outcome_types", i, "code"), c["code"], "outcome_types")

    def check_dates(self) -> None:
        """Dates are real calendar dates and periods do not run backwards."""
        for where, value in _walk(self.meta):
            if where and where[-1] in ("date", "start", "end", "accessed", "curated", "published"):
                try:
                    dt.date.fromisoformat(value)
                except (TypeError, ValueError):
                    self.add(where, f"{value!r} is not a calendar date (YYYY-MM-DD)")
        for key in ("periods", "systems"):
            for i, item in enumerate(self.meta.get(key, [])):
                if item.get("start") and item.get("end") and item["start"] > item["end"]:
                    self.add((key, i, "end"), f"ends ({item['end']}) before it starts ({item['start']})")

    def check_quotes(self) -> None:
        """Every quote, and every question's text, stands in response.txt word for word."""
        for where, value in _walk(self.meta):
            is_question = len(where) == 3 and where[0] == "questions" and where[2] == "text"
            if where and (where[-1] == "quote" or is_question):
                span = self.r.response.find(value)
                if span is None:
                    self.add(where, f"not found in response.txt: {_short(value)!r}; quote the response exactly (only line breaks and spaces may differ)")
                else:
                    self.r.spans[where] = span

    def check_unique(self) -> None:
        """Ids and names are unique within their list."""
        for key, attr in (("questions", "id"), ("caveats", "id"), ("tables", "name"), ("tables", "path"),
                          ("periods", "label"), ("systems", "name")):
            first: dict[str, int] = {}
            for i, item in enumerate(self.meta.get(key, [])):
                if item[attr] in first:
                    self.add((key, i, attr), f"duplicate {attr} {item[attr]!r} (also {key}[{first[item[attr]]}])")
                first.setdefault(item[attr], i)

    def load_tables(self, ref: Reference) -> None:
        """Read each declared table; paths must stay inside the request's tables/ folder."""
        folder = self.r.folder.resolve()
        tables_dir = folder / "tables"
        declared = set()
        periods = {p["label"] for p in self.meta.get("periods", [])}
        systems = {s["name"] for s in self.meta.get("systems", [])}
        for i, meta in enumerate(self.meta["tables"]):
            if meta.get("period") and meta["period"] not in periods:
                self.add(("tables", i, "period"),
                         f"unknown period {meta['period']!r}; expected one of the periods[].label: {', '.join(sorted(periods)) or '(none)'}")
            if meta.get("system") and meta["system"] not in systems:
                self.add(("tables", i, "system"),
                         f"unknown system {meta['system']!r}; expected one of the systems[].name: {', '.join(sorted(systems)) or '(none)'}")
            for j, dim in enumerate(meta["dimensions"]):
                if dim["name"] in FIXED or dim["name"].endswith("_code"):
                    self.add(("tables", i, "dimensions", j, "name"), f"{dim['name']!r} is reserved; choose another dimension name")
            target = (self.r.folder / meta["path"]).resolve()
            if Path(meta["path"]).is_absolute() or not target.is_relative_to(tables_dir):
                self.add(("tables", i, "path"), f"{meta['path']!r} leaves the request folder; expected a path under tables/, such as tables/{meta['name']}.csv")
                continue
            if target.suffix != ".csv":
                self.add(("tables", i, "path"), f"{meta['path']!r} is not a .csv file")
                continue
            if not target.is_file():
                self.add(("tables", i, "path"), f"{meta['path']!r} does not exist")
                continue
            declared.add(target)
            statuses = set(ref.codes("value_statuses"))
            table = read_table(meta, target, self.r.response, statuses, self.problems)
            if table is not None:
                self.r.tables.append(table)
        for extra in sorted(tables_dir.glob("*")) if tables_dir.is_dir() else []:
            if extra.resolve() not in declared and extra.suffix == ".csv":
                self.problems.add(extra, "", "not declared under tables: in request.yaml; declare it or remove it")

    def check_offence_labels(self) -> None:
        """Each mapped offence label is used in a table, and maps to one code only."""
        labels = {row[d] for t in self.r.tables for row in t.rows for d in t.dims if d == "offence"}
        for i, item in enumerate(self.meta.get("offence_codes", [])):
            for j, label in enumerate(item.get("labels", [])):
                where = ("offence_codes", i, "labels", j)
                if label not in labels:
                    self.add(where, f"label {_short(label)!r} is not an offence in any table of this request")
                elif self.r.offence_map.setdefault(label, item["code"]) != item["code"]:
                    self.add(where, f"label already maps to {self.r.offence_map[label]}; a label maps to one code")

    def check_applies_to(self) -> None:
        """Each caveat applies to the package, or to a table, field or question that exists."""
        tables = {t["name"]: [d["name"] for d in t["dimensions"]] for t in self.meta["tables"]}
        questions = {q["id"] for q in self.meta["questions"]}
        for i, caveat in enumerate(self.meta["caveats"]):
            for j, target in enumerate(caveat["applies_to"]):
                kind, _, rest = target.partition(":")
                name, _, fld = rest.partition(".")
                ok = (kind == "package" or (kind == "table" and name in tables) or (kind == "question" and rest in questions)
                      or (kind == "field" and name in tables and fld in tables[name] + FIXED + ["offence_code"]))
                if not ok:
                    self.add(("caveats", i, "applies_to", j), f"{target!r} names no table, field or question of this request")
            self.r.caveats.append({**caveat, "span": self.r.spans.get(("caveats", i, "quote"))})

    def reconcile(self) -> None:
        """Stated totals equal their parts, unless the mismatch is declared (then it becomes a caveat)."""
        for i, meta in enumerate(self.meta["tables"]):
            table = next((t for t in self.r.tables if t.meta is meta), None)
            if table is None:
                continue
            declared = {(_key(m["total"], table.dims), m["over"]): (j, m) for j, m in enumerate(meta.get("mismatches", []))}
            used = set()
            for check in reconcile.checks(table):
                key = (_key(check.total, table.dims), check.over)
                if check.agrees:
                    continue
                if key in declared:
                    used.add(key)
                    j, m = declared[key]
                    self.r.caveats.append(_mismatch_caveat(table, check, m, j, self.r.response))
                else:
                    self.problems.add(table.path, "value", reconcile.describe(check, table.dims) +
                                      f"; if the response really says so, declare it under tables[{i}].mismatches in request.yaml",
                                      check.total["_csv_line"])
            for key, (j, _) in declared.items():
                if key not in used:
                    self.add(("tables", i, "mismatches", j),
                             "declared mismatch does not occur: the total agrees with its parts or does not exist; remove the declaration")


def _key(values: dict, dims: list[str]) -> tuple:
    return tuple(str(values.get(d, "")) for d in dims)


def _mismatch_caveat(table: Table, check, declaration: dict, index: int, response: ResponseText) -> dict:
    """A declared mismatch, shown as a caveat quoting the line that states the total."""
    line = check.total["line"]
    return {
        "id": f"total-mismatch-{table.name}-{index + 1}",
        "kind": "total-mismatch",
        "quote": response.line(line).strip(),
        "applies_to": [f"table:{table.name}"],
        "note": f"{reconcile.describe(check, table.dims)}. {declaration['note']}",
        "span": Span(line, line),
    }


def _walk(data, where: tuple = ()):
    """Every scalar in nested YAML data, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, where + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, where + (i,))
    else:
        yield where, data


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
