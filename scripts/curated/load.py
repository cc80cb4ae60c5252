"""Load one curated request folder into the typed model, checking everything a curator can get wrong."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

import jsonschema

from . import claims, cuts, dimensions, reconcile, sums, yamlio
from .errors import Problems
from .model import (Attachment, Change, Quote, Caveat, CodeMapping, Curation, Dated, Dimension, Evidence, Force, Layout, Mismatch, Period,
                    Question, Reference, Request, Row, Source, SourceFile, HiddenPart, System, Table, resource_name)
from .citation import GridTarget, PdfTarget, TextTarget
from .paths import inside, link_in
from .reference import Reference as CodeLists
from .reference import label_names_code, offence_names
from .response import ResponseText, Span, numbers_on
from .redact import Cleaned, RedactError, clean
from .sources import KINDS, MEDIA_TYPES, SourceError, read_source
from .tables import FIXED, decode, read_rows
from .yamlio import CurationYAMLError

SCHEMA_PATH = Path(__file__).parent / "schemas" / "request.schema.yaml"
RESERVED_TABLES = {"questions", "caveats", "caveat_targets", "response", "readme"}
# Columns the packages add to every value (what it may be added with, its own period, its codes): no dimension may take their names.
PUBLISHED = ("code_role", "outcome_type", "additive", "sum_group", "additivity", "period_start", "period_end", "period_basis", "part_year")
LONG = 300  # characters of a curated value shown in a schema message


def slug(text: str) -> str:
    """Lower-case letters and digits joined by single hyphens: the form of ids."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def request_id(force_code: str, reference: str) -> str:
    """A request's id, which is its folder's name: <force>-<reference slug>."""
    return f"{force_code}-{slug(reference)}"


def our_reference(sha256: str) -> str:
    """The stable id of ours for a response that states no reference anywhere: never mistaken for the force's."""
    return f"ours-{sha256[:8]}"


def load_schema() -> dict:
    """The one schema every request.yaml is validated against."""
    schema, _ = yamlio.load(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def load_request(folder: Path, ref: CodeLists, problems: Problems, schema: dict | None = None) -> Request | None:
    """Read and check one request folder; problems are collected, None when it cannot be used."""
    yaml_path, text_path = folder / "request.yaml", folder / "response.txt"
    for needed in (yaml_path, text_path):
        link = link_in(needed, folder.parent)
        if link is not None:
            problems.add(link, "", "is a symbolic link; the build reads only real files inside the request folder", code="symlink")
            return None
        if not needed.is_file():
            problems.add(needed, "", "missing; every request folder needs response.txt and request.yaml", code="missing-file")
    if not (yaml_path.is_file() and text_path.is_file()):
        return None
    response = _read_response(text_path, problems)
    meta, nodes = _read_yaml(yaml_path, problems)
    if response is None or meta is None:
        return None
    before = len(problems.items)
    if meta.get("draft"):
        problems.add(yaml_path, "draft", "this request.yaml is a draft written by make draft: read every proposed fact against the response, "
                     "fill or remove what it left blank (listed at its top), then delete the line 'draft: true'",
                     yamlio.line_of(nodes, ("draft",)), code="draft")
    _check_schema(meta, nodes, yaml_path, schema or load_schema(), problems)
    if len(problems.items) > before:
        return None
    return _Builder(folder, yaml_path, meta, nodes, response, ref, problems).build()


def _read_response(path: Path, problems: Problems) -> ResponseText | None:
    try:
        return ResponseText(path.read_bytes())
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        problems.add(path, "", f"not valid UTF-8 at offset {err.start}; response.txt must be the published text in UTF-8", line,
                     code="encoding")
        return None


def _read_yaml(path: Path, problems: Problems):
    text = decode(path, problems)
    if text is None:
        return None, None
    try:
        data, nodes = yamlio.load(text)
    except CurationYAMLError as err:
        problems.add(path, "", err.message, err.line, code=err.code)
        return None, None
    if not isinstance(data, dict):
        problems.add(path, "", "expected a mapping of fields (title, summary, force, ...) at the top level", 1, code="schema")
        return None, None
    return data, nodes


def _short(text, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_schema(meta: dict, nodes, path: Path, schema: dict, problems: Problems) -> None:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for err in sorted(validator.iter_errors(meta), key=lambda e: list(map(str, e.absolute_path))):
        where = tuple(err.absolute_path)
        line = yamlio.line_of(nodes, where)
        field = yamlio.field_name(where) or "(top level)"
        if err.validator == "additionalProperties":
            allowed = set(err.schema.get("properties", {}))
            for key in sorted(k for k in err.instance if k not in allowed):
                problems.add(path, yamlio.field_name(where + (key,)), f"unknown field {key!r}; allowed: {', '.join(sorted(allowed))}",
                             yamlio.key_line(nodes, where, key), code="schema")
            continue
        message = _short(err.message, LONG)
        if err.validator == "format" and err.schema.get("format") == "date":
            message = f"{_short(err.instance)!r} is not a calendar date (YYYY-MM-DD, in quotes)"
        elif "description" in err.schema and err.validator in ("pattern", "type"):
            message += f" (expected {err.schema['description']})"
        problems.add(path, field, message, line, code="date" if err.validator == "format" else "schema")


class _Builder:
    """The checks of one request, then the frozen model built from the checked data."""

    def __init__(self, folder: Path, path: Path, meta: dict, nodes, response: ResponseText, ref: CodeLists, problems: Problems):
        self.folder, self.path, self.meta, self.nodes = folder, path, meta, nodes
        self.response, self.ref, self.problems = response, ref, problems
        self.start = len(problems.items)

    def add(self, where: tuple, message: str, code: str) -> None:
        self.problems.add(self.path, yamlio.field_name(where), message, yamlio.line_of(self.nodes, where), code=code)

    def located(self, where: tuple, text: str, origin: str | None) -> Quote:
        """A quote of the text, or of the source's address or title (evidence from where it was published)."""
        origin = origin or "text"
        if origin == "text":
            return Quote(text, self.quote(where, text))
        given = self.meta["source"].get(origin) or ""
        if " ".join(text.split()) not in " ".join(str(given).split()):
            self.add(where, f"not found in source.{origin} ({_short(given) or 'not given'!r}): {_short(text)!r}; quote the "
                     f"{'address' if origin == 'url' else 'heading'} exactly, or set from: to where the words stand", "quote-not-found")
        return Quote(text, Span(0, 0), origin)

    def quote(self, where: tuple, text: str) -> Span:
        """Where curated words stand in response.txt (whitespace may differ); a problem when they do not."""
        span = self.response.find(text)
        if span is None:
            self.add(where, f"not found in response.txt: {_short(text)!r}; quote the response exactly (only line breaks and spaces "
                     "may differ)", "quote-not-found")
            return Span(0, 0)
        return span

    def build(self) -> Request | None:
        m = self.meta
        self.check_identity()
        self.check_changes()
        self.check_codes()
        self.check_periods()
        self.check_voices()
        self.check_unique()
        request_parts = self.parts()
        files, targets = self.files()
        tables = self.tables(targets)
        files = tuple(replace(f, formulas=tuple(sorted(targets[f.path].formulas))) if f.path in targets else f for f in files)
        offence_labels, through = self.offence_labels(tables)
        if through:
            request_parts["offence_codes"] = tuple(
                replace(c, labels=c.labels + tuple(label for label, _ in through.get(i, [])), through=tuple(through.get(i, [])))
                for i, c in enumerate(request_parts["offence_codes"]))
        caveats = self.caveats(tables) + self.reconcile(tables)
        self.check_numbers(tables)
        tables = sums.decide(tables, self.meta["tables"], caveats, {p["label"]: (p["start"], p["end"]) for p in m.get("periods", [])},
                             self.add)
        if len(self.problems.items) > self.start:
            return None
        return Request(id=self.folder.name, folder=self.folder, title=m["title"], summary=m["summary"], family=m.get("family"),
                       response=self.response, tables=tuple(tables), caveats=tuple(caveats), offence_labels=offence_labels,
                       files=files, **request_parts)

    # ---- checks of the YAML alone ----------------------------------------------------

    def check_identity(self) -> None:
        """The folder name is the id: <force>-<reference slug>; the reference and the text are the ones recorded."""
        m = self.meta
        expected = request_id(m["force"]["code"], m["reference"]["value"])
        if self.folder.name != expected:
            self.add(("reference", "value"), f"folder is named {self.folder.name!r} but force and reference give {expected!r}; "
                     "rename the folder or fix the fields", "identity")
        ref = m["reference"]
        if ref.get("basis") == "ours":
            ours = our_reference(self.response.sha256)
            if ref["value"] != ours:
                self.add(("reference", "value"), f"a reference of ours is {ours!r} (ours- and the first 8 hex digits of response.txt's "
                         f"sha256), not {ref['value']!r}; use it only when neither the text nor source.url/title gives one",
                         "reference-not-in-text")
        elif " ".join(ref["value"].split()) not in " ".join(ref["quote"].split()):
            self.add(("reference", "value"), f"{ref['value']!r} is not in its quote {_short(ref['quote'])!r}; "
                     "the reference must be the one the response (or where it was published) states; when none is given anywhere, "
                     f"use basis: ours with value {our_reference(self.response.sha256)!r}", "reference-not-in-text")
        if self.response.sha256 != m["source"]["sha256"]:
            self.add(("source", "sha256"), f"response.txt has sha256 {self.response.sha256}, not the recorded "
                     f"{m['source']['sha256']}; response.txt must stay byte-identical to the published text", "hash-mismatch")

    def check_changes(self) -> None:
        """A curation's changes run oldest to newest, and the newest is the curation's own version and date."""
        c = self.meta["curation"]
        changes = self.meta.get("changes") or []
        for i, change in enumerate(changes):
            if i and (_semver(change["version"]) <= _semver(changes[i - 1]["version"]) or change["date"] < changes[i - 1]["date"]):
                self.add(("changes", i, "version"), f"version {change['version']} ({change['date']}) does not follow "
                         f"{changes[i - 1]['version']} ({changes[i - 1]['date']}); list the changes oldest first", "schema")
        if changes and (changes[-1]["version"], changes[-1]["date"]) != (c["version"], c["curated"]):
            self.add(("changes", len(changes) - 1), f"the newest change is version {changes[-1]['version']} of "
                     f"{changes[-1]['date']}, but the curation is version {c['version']} of {c['curated']}; they must be the same",
                     "schema")

    def check_codes(self) -> None:
        """Every code used is in the reference lists."""
        def known(where, code, name):
            if code not in self.ref.codes(name):
                self.add(where, f"unknown code {code!r}; expected one of {', '.join(sorted(self.ref.codes(name)))} "
                         f"(datapackages/reference/{name}.csv)", "unknown-code")
        m = self.meta
        known(("force", "code"), m["force"]["code"], "forces")
        for i, topic in enumerate(m["topics"]):
            known(("topics", i), topic, "topics")
        for i, q in enumerate(m["questions"]):
            known(("questions", i, "status"), q["status"], "answer_statuses")
        for i, c in enumerate(m["caveats"]):
            known(("caveats", i, "kind"), c["kind"], "caveat_kinds")
        for key, name in (("offence_codes", "offence_codes"), ("outcome_types", "outcome_types")):
            for i, c in enumerate(m.get(key, [])):
                known((key, i, "code"), c["code"], name)

    def check_periods(self) -> None:
        """Dates are the ones their quotes give; periods and systems do not run backwards (the schema checks each date's form)."""
        for key, d in self.meta["dates"].items():
            why = claims.date_problem(d["date"], d["quote"], d["basis"])
            if why:
                self.add(("dates", key, "date"), why, "date")
        for key in ("periods", "systems"):
            for i, item in enumerate(self.meta.get(key, [])):
                if item.get("start") and item.get("end") and item["start"] > item["end"]:
                    self.add((key, i, "end"), f"ends ({item['end']}) before it starts ({item['start']})", "date")
                elif key == "periods":
                    response = self.meta["dates"].get("response", {}).get("date")
                    why = claims.period_problem(item["start"], item["end"], item["quote"], item.get("basis", "stated"), item.get("rule"),
                                                response)
                    if why:
                        self.add((key, i, "end" if why.startswith("the period's end") else "start"), why, "date")

    def check_voices(self) -> None:
        """A caveat or an answer is the force's words: it may not quote the request (its questions, or requester_words)."""
        request = [self.response.where(q["text"]) for q in self.meta["questions"]]
        request += [self.response.where(w) for w in self.meta.get("requester_words", [])]
        request = [r for r in request if r]
        quoted = [(("caveats", i, "quote"), c["quote"]) for i, c in enumerate(self.meta["caveats"])]
        quoted += [(("questions", i, "quote"), q["quote"]) for i, q in enumerate(self.meta["questions"]) if "quote" in q]
        for where, text in quoted:
            at = self.response.where(text)
            if at and any(at[0] < end and start < at[1] for start, end in request):
                self.add(where, f"{_short(text)!r} is the requester's words, not the force's; quote the force's answer or caveat",
                         "quote-is-request")
        for i, w in enumerate(self.meta.get("requester_words", [])):
            self.quote(("requester_words", i), w)

    def check_numbers(self, tables: list[Table]) -> None:
        """A title, summary or table description repeats only numbers that the response writes, or that are declared computed:
        a sum or difference of written numbers (checked here), or the sum of parts of a declared mismatch."""
        written = set(numbers_on(self.response.text))
        known = set(written)
        for i, c in enumerate(self.meta.get("computed", [])):
            operands = c.get("sum_of") or c.get("difference")
            absent = [str(n) for n in operands if n not in written]
            result = sum(operands) if "sum_of" in c else operands[0] - operands[1]
            if absent:
                self.add(("computed", i), f"{', '.join(absent)} {'is' if len(absent) == 1 else 'are'} not written in response.txt; a computed "
                         "number is made only of numbers the response writes", "claim-not-in-text")
            elif result != c["value"]:
                self.add(("computed", i, "value"), f"{c['value']} is not {'the sum' if 'sum_of' in c else 'the difference'} of "
                         f"{', '.join(map(str, operands))}: that is {result}", "claim-not-in-text")
            else:
                known.add(c["value"])
        for table in tables:
            declared = {(_key(dict(m.total), table.dims), m.over) for m in table.mismatches}
            known |= {check.parts_sum for check in reconcile.checks(table) if (_key(check.total, table.dims), check.over) in declared}
        fields = [(("title",), self.meta["title"]), (("summary",), self.meta["summary"])]
        fields += [(("tables", i, f), t[f]) for i, t in enumerate(self.meta["tables"]) for f in ("title", "description")]
        for where, text in fields:
            missing = claims.numbers_not_in(text, known, self.response.text)
            if missing:
                self.problems.add(self.path, yamlio.field_name(where),
                                  f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not written anywhere in response.txt; "
                                  "curated text restates only the numbers the response gives (a sum or difference of them may be "
                                  "declared under computed:)", self.line_holding(where, missing[0]), code="claim-not-in-text")

    def line_holding(self, where: tuple, word: str) -> int | None:
        """The line of request.yaml where a field's text writes `word` (a folded summary runs over several lines), else the field's."""
        start = yamlio.line_of(self.nodes, where)
        if start is None:
            return None
        lines = self.path.read_text(encoding="utf-8").split("\n")
        pattern = re.compile(rf"(?<![\w/.,]){re.escape(word)}(?![\w/]|[.,]\d)")
        indent = len(lines[start - 1]) - len(lines[start - 1].lstrip(" -"))
        for n in range(start, len(lines) + 1):
            text = lines[n - 1]
            if n > start and text.strip() and len(text) - len(text.lstrip(" -")) <= indent:
                break  # the next field
            if pattern.search(text):
                return n
        return start

    def check_unique(self) -> None:
        """Ids and names are unique within their list."""
        lists = [(("questions",), "id"), (("caveats",), "id"), (("tables",), "name"), (("tables",), "path"),
                 (("periods",), "label"), (("systems",), "name"), (("files",), "path")]
        lists += [(("tables", i, "dimensions"), "name") for i in range(len(self.meta["tables"]))]
        for where, attr in lists:
            items = self.meta
            for step in where:
                items = items.get(step, []) if isinstance(items, dict) else items[step]
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if item[attr] in first:
                    self.add(where + (i, attr), f"duplicate {attr} {item[attr]!r} (also {yamlio.field_name(where)}[{first[item[attr]]}])",
                             "duplicate-id")
                first.setdefault(item[attr], i)

    # ---- the model, part by part -------------------------------------------------------

    def q(self, where: tuple, text: str) -> Quote:
        """A curated quote, located in response.txt."""
        return Quote(text, self.quote(where, text))

    def parts(self) -> dict:
        """Everything but tables and caveats, with each quote located."""
        m, q, s, f = self.meta, self.q, self.meta["source"], self.meta["force"]
        dates = {k: Dated(v["date"], self.located(("dates", k, "quote"), v["quote"], v.get("from")), v["basis"], v.get("note"))
                 for k, v in m["dates"].items()}
        r = m["reference"]
        codes = {key: tuple(CodeMapping(c["code"], c["basis"], q((key, i, "quote"), c["quote"]), tuple(c.get("labels", [])),
                                        c.get("note")) for i, c in enumerate(m.get(key, [])))
                 for key in ("offence_codes", "outcome_types")}
        return {
            "reference": Reference(r["value"], self.located(("reference", "quote"), r["quote"], r.get("from")) if "quote" in r else None,
                                   r.get("basis", "stated"), r.get("note")),
            "force": Force(f["code"], f["attribution"], tuple(Evidence(self.located(("force", "evidence", i, "quote"), e["quote"], e.get("from")),
                                                                       e.get("note"))
                                                              for i, e in enumerate(f["evidence"])), f.get("note")),
            "topics": tuple(m["topics"]),
            "received": dates.get("received"),
            "responded": dates.get("response"),
            "periods": tuple(Period(p["label"], p["start"], p["end"], q(("periods", i, "quote"), p["quote"]), p.get("note"),
                                    p.get("basis", "stated"), p.get("rule"))
                             for i, p in enumerate(m.get("periods", []))),
            "systems": tuple(System(x["name"], q(("systems", i, "quote"), x["quote"]), x.get("start"), x.get("end"), x.get("note"))
                             for i, x in enumerate(m.get("systems", []))),
            "offence_codes": codes["offence_codes"],
            "outcome_types": codes["outcome_types"],
            "source": Source(s["title"], s.get("url"), s["sha256"], s["accessed"], s["licence"], s.get("received_as"), s.get("published"),
                             " ".join(s["partial"].split()) if s.get("partial") else None),
            "curation": Curation(m["curation"]["curator"], m["curation"]["curated"], m["curation"]["version"],
                                 tuple(Change(c["version"], c["date"], " ".join(c["note"].split())) for c in m.get("changes", []))),
            "attachments": tuple(Attachment(a["description"], q(("attachments", i, "quote"), a["quote"]), a.get("file"))
                                 for i, a in enumerate(m.get("attachments", []))),
            "questions": tuple(Question(x["id"], q(("questions", i, "text"), x["text"]), x["status"],
                                            self.answer(i, x["quote"], x.get("line")) if "quote" in x else None,
                                        x.get("section"), x.get("note"))
                               for i, x in enumerate(m["questions"])),
        }

    def answer(self, i: int, text: str, line: int | None = None) -> Quote:
        """The quote that answers a question points at one place (where the words stand twice, `line` says which), whole."""
        spans = self.response.find_all(text)
        if not spans:
            return self.q(("questions", i, "quote"), text)
        chosen = spans[0]
        if line is not None:
            chosen = next((s for s in spans if s.start == line), None)
            if chosen is None:
                self.add(("questions", i, "line"), f"the quote does not start on line {line}; it stands on line"
                         f"{'s' if len(spans) > 1 else ''} {', '.join(str(s.start) for s in spans)}", "quote-not-found")
                return Quote(text, spans[0])
        elif len(spans) > 1:
            self.add(("questions", i, "quote"), f"{_short(text)!r} stands {len(spans)} times in response.txt (lines "
                     f"{', '.join(str(s.start) for s in spans)}); add line: with the line where this question is answered, or quote "
                     "a few more words", "quote-ambiguous")
        why = cuts.cut(text, [self.response.line(n) or "" for n in range(chosen.start, chosen.end + 1)])
        if why:
            self.add(("questions", i, "quote"), f"{_short(text)!r} is cut so that it misleads: {why}", "quote-cut")
        return Quote(text, chosen)

    def files(self) -> tuple[tuple[SourceFile, ...], dict]:
        """Each source file besides response.txt: a real file in the folder, its bytes as recorded, its hidden parts declared."""
        files, targets = [], {"response.txt": TextTarget(self.response)}
        declared_files = {f["path"] for f in self.meta.get("files", [])}
        names: dict[str, str] = {}
        for i, f in enumerate(self.meta.get("files", [])):
            where = ("files", i, "path")
            name = resource_name(f["path"])
            if names.setdefault(name, f["path"]) != f["path"]:
                self.add(where, f"{f['path']!r} and {names[name]!r} would both be the package resource {name!r}; rename one file",
                         "duplicate-id")
                continue
            path = self.folder / f["path"]
            if Path(f["path"]).is_absolute() or ".." in Path(f["path"]).parts or f["path"] in ("response.txt", "request.yaml"):
                self.add(where, f"{f['path']!r} is not a file of this request; expected a path such as attachments/figures.xlsx", "path")
                continue
            link = link_in(path, self.folder)
            if link is not None:
                self.add(where, f"{self.problems.shown(link)} is a symbolic link; the build reads only real files inside the request folder",
                         "symlink")
                continue
            if not path.is_file():
                self.add(where, f"{f['path']!r} does not exist", "missing-file")
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest != f["sha256"]:
                self.add(("files", i, "sha256"), f"{f['path']} has sha256 {digest}, not the recorded {f['sha256']}; source files must stay "
                         "byte-identical to what was received", "hash-mismatch")
                continue
            suffix = path.suffix.lower()
            kind = KINDS.get(suffix)
            if kind is None:
                self.add(where, f"{f['path']!r}: files of type {suffix or '(none)'} are not supported; expected one of "
                         f"{', '.join(sorted(KINDS))}", "path")
                continue
            target = self.target(i, f, kind, data)
            if target is None:
                continue
            hidden = self.hidden_parts(i, f, target)
            try:
                cleaned = clean(f["path"], data, self.meta["curation"]["curated"]) if hidden or kind in ("html", "pdf") else Cleaned(None)
            except RedactError as err:
                self.add(("files", i, "path"), f"{f['path']} {err}", "hidden-unsafe")
                continue
            grids = list(getattr(getattr(target, "source", None), "grids", {}).values())
            width = grids[0].size[1] if grids and suffix in (".xlsx", ".csv") else 0  # frictionless reads .ods only with an extra
            files.append(SourceFile(f["path"], kind, MEDIA_TYPES[suffix], digest, len(data), f["description"], f["licence"], f.get("url"),
                                    hidden, width=width, cleaned=cleaned.copy is not None, removed=tuple(cleaned.removed)))
            targets[f["path"]] = target
        for j, a in enumerate(self.meta.get("attachments", [])):
            if a.get("file") and a["file"] not in declared_files:
                self.add(("attachments", j, "file"), f"{a['file']!r} is not one of the files: declared in request.yaml", "missing-file")
        self.check_held_answers(declared_files)
        return tuple(files), targets

    def target(self, i: int, f: dict, kind: str, data: bytes):
        """The file read for citation, or a problem naming it."""
        if kind == "text":
            try:
                return TextTarget(ResponseText(data), f["path"])
            except UnicodeDecodeError as err:
                self.add(("files", i, "path"), f"{f['path']} is not valid UTF-8 at offset {err.start}", "encoding")
                return None
        try:
            source = read_source(f["path"], data)
        except SourceError as err:
            self.add(("files", i, "path"), f"{f['path']} {err}", "source-file")
            return None
        return PdfTarget(source.pages, f["path"]) if kind == "pdf" else GridTarget(source, f["path"])

    def hidden_parts(self, i: int, f: dict, target) -> tuple[HiddenPart, ...]:
        """Hidden sheets, rows and columns are published with the file only when the curator has declared each one."""
        found = set(getattr(getattr(target, "source", None), "hidden", []))
        declared = {h["part"]: h for h in f.get("hidden", [])}
        for part in sorted(found - set(declared)):
            self.add(("files", i), f"{f['path']} has a hidden part, {part!r}: check it holds nothing that must not be published "
                     "(forces have published personal data in hidden sheets), then declare it under hidden: with a note", "hidden-content")
        for j, part in enumerate(f.get("hidden", [])):
            if part["part"] not in found:
                self.add(("files", i, "hidden", j, "part"), f"{f['path']} has no hidden part {part['part']!r} (hidden parts: "
                         f"{', '.join(sorted(found)) or 'none'})", "hidden-content")
        return tuple(HiddenPart(p, declared[p]["note"]) for p in sorted(found & set(declared)))

    def check_held_answers(self, declared_files: set[str]) -> None:
        """A question answered in an attachment that the project holds is answered: the status says which."""
        attachments = self.meta.get("attachments", [])
        if not attachments or not all(a.get("file") in declared_files for a in attachments):
            return
        for i, x in enumerate(self.meta["questions"]):
            if x["status"] == "answered-in-attachment":
                self.add(("questions", i, "status"), "every attachment is held (files:), so the answer is published: use answered "
                         "(or partly-answered)", "status-held")

    def tables(self, targets: dict) -> list[Table]:
        """Each declared table, its layout checked and its rows proven; undeclared CSVs are reported."""
        tables_dir = self.folder / "tables"
        declared: set[str] = set()
        periods = {p["label"] for p in self.meta.get("periods", [])}
        systems = {x["name"] for x in self.meta.get("systems", [])}
        statuses = set(self.ref.codes("value_statuses"))
        out = []
        for i, t in enumerate(self.meta["tables"]):
            for key, known, what in (("period", periods, "periods[].label"), ("system", systems, "systems[].name")):
                if t.get(key) and t[key] not in known:
                    self.add(("tables", i, key), f"unknown {key} {t[key]!r}; expected one of the {what}: {', '.join(sorted(known)) or '(none)'}",
                             "unknown-code")
            if t["name"] in RESERVED_TABLES:
                self.add(("tables", i, "name"), f"{t['name']!r} is the name of another resource of the package; choose another table name",
                         "reserved-name")
            dims = [d["name"] for d in t["dimensions"]]
            for j, name in enumerate(dims):
                if name in FIXED + ["is_total", "offence_code", "sheet", "cell", "page"] + list(PUBLISHED) or name.endswith("_code"):
                    self.add(("tables", i, "dimensions", j, "name"), f"{name!r} is reserved; choose another dimension name", "reserved-name")
                elif dimensions.kind_of(name, self.ref.codes("dimensions")) is None:
                    near = dimensions.nearest(name, self.ref.codes("dimensions"))
                    self.add(("tables", i, "dimensions", j, "name"), f"unknown dimension name {name!r}"
                             f"{f'; did you mean {near!r}?' if near else ''} Known names: {', '.join(self.ref.codes('dimensions'))} "
                             "(and any name with age as a word, such as victim_age); rename the CSV column and the layout too, or add the "
                             "name to datapackages/reference/dimensions.csv", "unknown-dimension")
            declared.add(Path(t["path"]).name)  # declared, even when it cannot be read: not reported as undeclared too
            layout = self.layout(i, t, dims)
            target = self.table_path(i, t, tables_dir)
            if target is None or layout is None:
                continue
            source = t.get("source", "response.txt")
            if source not in targets and source in {f["path"] for f in self.meta.get("files", [])}:
                continue  # the file itself was refused, with its own problem
            if source not in targets:
                self.add(("tables", i, "source"), f"{source!r} is not response.txt or a readable file of files:", "missing-file")
                continue
            rows = read_rows(dims, layout, target, targets[source], statuses, self.problems)
            if rows is None:
                continue
            out.append(Table(t["name"], target, t["title"], t["description"], t["measure"],
                             tuple(Dimension(d["name"], d["title"], d["description"]) for d in t["dimensions"]), layout, rows,
                             source, t.get("period"), t.get("system"),
                             tuple(Mismatch(tuple(sorted(x["total"].items())), x["over"], x["note"]) for x in t.get("mismatches", []))))
        if tables_dir.is_dir() and not tables_dir.is_symlink():
            for extra in sorted(tables_dir.iterdir()):
                if extra.name not in declared and extra.suffix == ".csv":
                    self.problems.add(extra, "", "not declared under tables: in request.yaml; declare it or remove it", code="undeclared-file")
        return out

    def layout(self, i: int, t: dict, dims: list[str]) -> Layout | None:
        """The declared layout (default: every dimension a row label); each dimension once, in rows or columns."""
        given = t.get("layout") or {"rows": dims, "columns": []}
        named = list(given["rows"]) + list(given["columns"])
        if sorted(named) != sorted(dims):
            self.add(("tables", i, "layout"), f"rows and columns must name each dimension once ({', '.join(dims)}); "
                     f"found {', '.join(named) or '(none)'}", "layout")
            return None
        return Layout(tuple(given["rows"]), tuple(given["columns"]))

    def table_path(self, i: int, t: dict, tables_dir: Path) -> Path | None:
        """A table's CSV: a real .csv file under tables/, reached through no symbolic link."""
        where = ("tables", i, "path")
        target = self.folder / t["path"]
        if not Path(t["path"]).is_absolute() and ".." not in Path(t["path"]).parts:
            link = link_in(target, self.folder)
            if link is not None:
                self.add(where, f"{self.problems.shown(link)} is a symbolic link; the build reads only real files inside the request "
                         "folder", "symlink")
                return None
        if not inside(t["path"], self.folder) or target.resolve().parent != tables_dir.resolve():
            self.add(where, f"{t['path']!r} leaves the request folder; expected a path under tables/, such as tables/{t['name']}.csv", "path")
            return None
        if target.suffix != ".csv":
            self.add(where, f"{t['path']!r} is not a .csv file", "path")
            return None
        if not target.is_file():
            self.add(where, f"{t['path']!r} does not exist", "missing-file")
            return None
        return target

    def offence_labels(self, tables: list[Table]) -> tuple[tuple[tuple[str, str], ...], dict[int, list[tuple[str, str]]]]:
        """Each mapped offence label is used in a table, and maps to one code only. A label not listed under a code's labels:
        maps to a code the curator gives when it is that code's quote, writes the code, or is one of its titles in the reference
        lists (offence_codes.csv, code_titles.csv), and to only one such code: nothing is retyped, and the package says why."""
        used = {row.label("offence") for t in tables if "offence" in t.dims for row in t.rows}
        mapping: dict[str, str] = {}
        items = self.meta.get("offence_codes", [])
        for i, item in enumerate(items):
            for j, label in enumerate(item.get("labels", [])):
                where = ("offence_codes", i, "labels", j)
                if label not in used:
                    if len(tables) == len(self.meta["tables"]):  # a table that could not be read has its own problem
                        self.add(where, f"label {_short(label)!r} is not an offence in any table of this request", "label")
                elif mapping.setdefault(label, item["code"]) != item["code"]:
                    self.add(where, f"label already maps to {mapping[label]}; a label maps to one code", "label")
        through: dict[int, list[tuple[str, str]]] = {}
        names = offence_names(self.ref)
        for label in sorted(used - set(mapping) - {"", "Total"}):
            hits = sorted(((rank, i, why) for i, item in enumerate(items) for rank, why in [label_names_code(label, item, names)] if why))
            if len({items[i]["code"] for _, i, _ in hits}) == 1:
                _, i, why = hits[0]
                mapping[label] = items[i]["code"]
                through.setdefault(i, []).append((label, why))
        return tuple(mapping.items()), through

    def caveats(self, tables: list[Table]) -> list[Caveat]:
        """Each caveat applies to the package, or to a table, field or question that exists."""
        fields = {t["name"]: [d["name"] for d in t["dimensions"]] for t in self.meta["tables"]}
        questions = {x["id"] for x in self.meta["questions"]}
        out = []
        for i, c in enumerate(self.meta["caveats"]):
            for j, target in enumerate(c["applies_to"]):
                kind, _, rest = target.partition(":")
                name, _, fld = rest.partition(".")
                ok = (kind == "package" or (kind == "table" and name in fields) or (kind == "question" and rest in questions)
                      or (kind == "field" and name in fields and fld in fields[name] + FIXED + ["offence_code", "is_total"]))
                if not ok:
                    self.add(("caveats", i, "applies_to", j), f"{target!r} names no table, field or question of this request", "applies-to")
            out.append(Caveat(c["id"], c["kind"], self.q(("caveats", i, "quote"), c["quote"]), tuple(c["applies_to"]), c.get("note")))
        return out

    def reconcile(self, tables: list[Table]) -> list[Caveat]:
        """Stated totals equal their parts, unless the mismatch is declared (then it becomes a caveat)."""
        out = []
        by_name = {t.name: t for t in tables}
        for i, meta in enumerate(self.meta["tables"]):
            table = by_name.get(meta["name"])
            if table is None:
                continue
            declared = {(_key(dict(m.total), table.dims), m.over): (j, m) for j, m in enumerate(table.mismatches)}
            used = set()
            for check in reconcile.checks(table):
                if check.agrees:
                    continue
                key = (_key(check.total, table.dims), check.over)
                if key in declared:
                    used.add(key)
                    j, m = declared[key]
                    out.append(self.mismatch_caveat(table, check, m, j))
                else:
                    self.problems.add(table.path, "value", reconcile.describe(check, table.dims) +
                                      f"; if the response really says so, declare it under tables[{i}].mismatches in request.yaml",
                                      check.total.csv_line, code="total-mismatch")
            for key, (j, _) in declared.items():
                if key not in used:
                    self.add(("tables", i, "mismatches", j),
                             "declared mismatch does not occur: the total agrees with its parts or does not exist; remove the declaration",
                             "stale-mismatch")
        return out

    def mismatch_caveat(self, table: Table, check: reconcile.Check, declaration: Mismatch, index: int) -> Caveat:
        """A declared mismatch, shown as a caveat quoting the line that states the total."""
        line = check.total.line
        return Caveat(f"total-mismatch-{table.name}-{index + 1}", "total-mismatch",
                      Quote(self.response.line(line).strip(), Span(line, line)), (f"table:{table.name}",),
                      f"{reconcile.plain(check, table.dims)}. {declaration.note}")


def _key(values, dims: list[str]) -> tuple:
    get = values.label if isinstance(values, Row) else values.get
    return tuple(str(get(d) if isinstance(values, Row) else get(d, "")) for d in dims)


def _semver(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))
