"""Write the site's Markdown pages from the built data packages (never from the curated YAML).

Every page is Markdown whose body is raw HTML blocks rendered by auto-escaping Jinja2
templates (scripts/site/templates/), each collapsed onto one line, plus a few fixed `## `
headings for the table of contents. Curated text only ever reaches a page as escaped
text inside those blocks, so neither HTML nor Markdown (links, images, attribute lists)
in it can become markup. The page title goes in the front matter as a JSON string of
HTML-escaped text, which is how the theme prints it in <title>, the header and search.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from . import crosstab, pagekit
from .pagekit import FATES, grouped, plural, read_rows, slug, status_line  # noqa: F401 (FATES, grouped, status_line: used by tests as render.*)
from ..curated.sources import Source, SourceError, cell_name, column_letters, parse_cell, read_source
from .analyst import render_analyst_pages
from .compare import chart_figures, exports_links
from ..curated.errors import BuildFailed, Problem
from ..packages.readme import reference_words
from .summary import Summary, descriptor, summarise
from . import paginate as paginate_module
from .paginate import paginate, url_of
from .trie import trie_pattern

GLOSSARY = Path(__file__).with_name("glossary.yaml")
LATEST = 5  # requests listed on the home page
TABLE_EXTRAS = ("questions", "caveats", "caveat_targets", "response")
ENV = pagekit.environment()


def block(template: str, **context) -> str:
    """One raw HTML block from a template, on one line so Markdown passes it through as it is."""
    text = ENV.get_template(template).render(**context)
    return re.sub(r"\s*\n\s*", " ", text).strip()


def page(title: str, *parts: str, toc: bool = True) -> str:
    """A Markdown page: the title in front matter (JSON of escaped text), then blocks and fixed headings."""
    meta = "title: " + json.dumps(html.escape(" ".join(title.split()))) + ("" if toc else "\nhide: [toc]")
    return "---\n" + meta + "\n---\n\n" + "\n\n".join(p for p in parts if p) + "\n"


class Packages:
    """The built packages, read once: each request's summary (scripts/site/summary.py), the reference lists and the glossary.

    `requests` are the summaries' slim descriptors, in catalog order; a request page reads its whole one (`descriptor`).
    """

    def __init__(self, folder: Path, extra: dict | None = None, summaries: list[Summary] | None = None):
        self.folder = folder
        self.extra = extra or {}
        self.catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))["packages"]
        if summaries is None:
            summaries = [summarise(folder, n) for n in request_names(self.catalog)]
        self.summaries = summaries
        self.requests = [s.d for s in summaries]
        self.questions = {s.name: list(s.questions) for s in summaries}
        self.keys: dict[str, str] = {}  # request -> the key of its summary, when the build keeps them (scripts/site/pagecache.py)
        self.memo = pagekit.unkept  # memo(parts, make): a browse page, made or kept under what it shows (`parts`)
        self._by_date: list[dict] | None = None
        ref = json.loads((folder / "reference" / "datapackage.json").read_text(encoding="utf-8"))
        self.reference = {r["name"]: read_rows(folder / "reference" / r["path"]) for r in ref["resources"]}
        self.reference_resources = ref["resources"]
        self.glossary = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))

    def keyed(self, requests) -> list[str]:
        """What a browse page shows of each of its requests, in one string each: its summary's key (or its name)."""
        return [self.keys.get(d["name"], d["name"]) for d in requests]

    def link_pattern(self) -> tuple[re.Pattern | None, list[tuple[str, str]], dict[str, str]]:
        """One pattern for every glossary term and request reference (compiled once, not once per page).

        The references are one trie-shaped group (scripts/site/trie.py), longest first, so the scan of a page's text costs
        the same with 50 or 50,000 requests; `refs` maps each reference to its request (the first by id).
        """
        if not hasattr(self, "_links"):
            targets = [("term", term["id"]) for term in self.glossary]
            parts = [f"(?P<g{i}>{term['pattern']})" for i, term in enumerate(self.glossary)]
            refs: dict[str, str] = {}
            for d in sorted(self.requests, key=lambda d: d["name"]):
                refs.setdefault(d["foi:request"]["reference"], d["name"])
            if refs:
                parts.append(rf"(?P<ref>(?<![\w/])(?:{trie_pattern(list(refs))})(?![\w/]))")
            self._links = (re.compile("|".join(parts)) if parts else None, targets, refs)
        return self._links

    def fates(self, d: dict) -> str:
        """The status line of a request."""
        return status_line(self.questions[d["name"]], pagekit.partial(d))

    def descriptor(self, d: dict) -> dict:
        """A request's whole descriptor (with its tables' schemas and layouts), read from its package."""
        return descriptor(self.folder, d["name"])

    def by_date(self) -> list[dict]:
        """Requests, newest response first (then by id, for a stable order)."""
        if self._by_date is None:
            self._by_date = sorted(self.requests, key=lambda d: (response_date(d), d["name"]), reverse=True)
        return list(self._by_date)

    def rows(self, d: dict, path: str) -> list[dict]:
        return read_rows(self.folder / d["name"] / path)

    def lines(self, d: dict) -> list[str]:
        return (self.folder / d["name"] / "response.txt").read_text(encoding="utf-8").split("\n")


def request_names(catalog: list[dict]) -> list[str]:
    """The request packages of a catalog, in its order (not the combined package or the reference lists)."""
    return [p["name"] for p in catalog if p["name"] not in ("all", "reference")]


def response_date(d: dict) -> str:
    return d["foi:request"]["dates"].get("response", {}).get("date", "")


class Linker:
    """Escapes curated text, linking the first mention of each glossary term and every mention of another request."""

    def __init__(self, pk: Packages, root: str, own: str = "", linked: list[str] | None = None):
        self.pattern, self.targets, self.refs = pk.link_pattern()
        self.root, self.own = root, own
        self.seen: set[str] = set()
        self.linked = linked  # when given, every text linked is noted in it (scripts/site/pagecache.py checks link_sources)

    def __call__(self, text) -> Markup:
        text = "" if text is None else str(text)
        if self.linked is not None:
            self.linked.append(text)
        if not self.pattern:
            return escape(text)
        out, pos = [], 0
        for m in self.pattern.finditer(text):
            kind, target = ("request", self.refs[m.group()]) if m.lastgroup == "ref" else self.targets[int(m.lastgroup[1:])]
            if (kind == "term" and target in self.seen) or (kind == "request" and target == self.own):
                continue
            self.seen.add(target)
            href = f"{self.root}glossary/#{target}" if kind == "term" else f"{self.root}requests/{target}/"
            out += [escape(text[pos:m.start()]), Markup('<a class="gl" href="{}">{}</a>').format(href, m.group())]
            pos = m.end()
        return Markup("").join(out + [escape(text[pos:])])


LINKED_KEYS = {"description", "name", "note", "quote", "title", "foi:measure", "foi:system", "text", "section", "foi:partial"}  # of descriptors


def link_sources(d: dict, questions: list[dict]) -> list[str]:
    """Every string a request page's Linker may be given is within one of these: the strings of its descriptor (under
    the LINKED_KEYS, at any depth),
    the cells of its questions.csv and "Outcome <code>" of each outcome type. So the requests a page can link are the
    references found within them (scripts/site/pagecache.py keys each page by those, and checks the claim on each page
    it renders)."""
    found: set[str] = {v for q in questions for v in q.values() if isinstance(v, str)}

    def walk(o) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if isinstance(v, str):
                    if k in LINKED_KEYS:
                        found.add(v)
                else:
                    walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(d)
    found.update(f"Outcome {c.get('code')}" for c in d.get("foi:request", {}).get("outcomeTypes", []) if isinstance(c, dict))
    return sorted(found)


# ---- the request page ------------------------------------------------------------------


def request_page(d: dict, pk: Packages, linked: list[str] | None = None) -> str:
    """One request: what was asked and answered, its tables, caveats, provenance, text, citation and package.

    `linked`: a list to note every text given to the Linker in (see link_sources)."""
    ctx = request_context(d, pk, linked)
    return page(d["title"], block("request/head.html", **ctx),
                "## Questions and answers", block("request/questions.html", **ctx),
                "## Tables", block("request/tables.html", **ctx),
                "## Caveats", block("request/caveats.html", **ctx),
                "## Provenance and integrity", block("request/provenance.html", **ctx),
                "## Full response text", block("request/response.html", **ctx),
                "## Source files" if ctx["previews"] else "", block("request/sources.html", **ctx) if ctx["previews"] else "",
                "## How to cite", block("request/cite.html", **ctx),
                "## Data package", block("request/package.html", **ctx),
                "## Fields of the CSV files" if ctx["fields"] else "", block("request/fields.html", **ctx) if ctx["fields"] else "")


def response_page(d: dict, pk: Packages) -> str:
    """requests/<id>/text/: a long response, whole, with a link back to its request."""
    return page(f"Response text: {d['title']}", block("request/text.html", d=d, lines=pk.lines(d)), toc=False)


def request_context(d: dict, pk: Packages, linked: list[str] | None = None) -> dict:
    """Everything the request templates show, worked out once."""
    questions = pk.rows(d, "questions.csv")
    caveats = numbered_caveats(d)
    lines = pk.lines(d)
    text_href = pagekit.text_href(d)
    files = SourceFiles(pk.folder / d["name"])
    previews = source_previews(d, files)
    previewed = {c["id"] for f in previews for s in f.get("sheets", []) for row in s["rows"] for c in row["cells"]} | {
        line["id"] for f in previews for page in f.get("pages", []) for line in page["lines"]}
    tables = [table_view(d, r, pk, lines, caveats, files, previewed) for r in data_resources(d)]
    fields, field_links = field_definitions([(tv["r"].get("title", tv["r"]["name"]), tv["fields"]) for tv in tables])
    return {"d": d, "req": d["foi:request"], "root": "../../", "t": Linker(pk, "../../", d["name"], linked), "text_href": text_href,
            "questions": questions, "status": status_line(questions, pagekit.partial(d)), "partial_text": pagekit.partial(d),
            "caveats": caveats, "lines": lines,
            "tables": list(zip(tables, field_links)), "fields": fields,
            "caveats_on": lambda target: [c for c in caveats if target in c["appliesTo"]],
            "files": [r for r in d["resources"] if r["name"].startswith("file-")],
            "previews": previews,
            "mistakes": pk.extra["report_mistakes"], "citation": citation(d),
            "offence_titles": {r["code"]: r["title"] for r in pk.reference["offence_codes"]}}


PREVIEW_ROWS, PREVIEW_COLUMNS = 80, 26  # a source file's sheet is previewed up to this size; the file is one click away


def cell_anchor(source: str, sheet: str, cell: str) -> str:
    return f"src-{slug(source)}-{slug(sheet)}-{cell.lower()}"


def line_anchor(source: str, page, line) -> str:
    return f"src-{slug(source)}-p{page}-l{line}"


def cell_href(source: str, c, download: str, files: SourceFiles, previewed: set[str]) -> str:
    """Where a number from a source file links: its cell (or PDF line) in the preview on the page, else the file.

    A cell inside a merged range links to the range's top-left cell, which shows its text; a cell the preview leaves
    out (beyond its first rows and columns, or hidden) links to the file."""
    cite = dict(c.cite)
    if "cell" in cite:
        anchor = cell_anchor(source, cite["sheet"], files.top_left(source, cite["sheet"], cite["cell"]))
    elif "page" in cite:
        anchor = line_anchor(source, cite["page"], cite["line"])
    else:
        return download
    return "#" + anchor if anchor in previewed else download


class SourceFiles:
    """A request package's attached files, each read once for its page: for the previews and for its tables' marks."""

    def __init__(self, folder: Path):
        self.folder, self._read = folder, {}

    def source(self, path: str) -> Source | None:
        """The file read with the parser the build checked it with; None when it cannot be (a text file, say)."""
        if path not in self._read:
            try:
                self._read[path] = read_source(path, (self.folder / path).read_bytes())
            except (OSError, SourceError):
                self._read[path] = None
        return self._read[path]

    def lines(self, path: str) -> list[str]:
        """The lines of an attached text file, as the build reads response.txt."""
        try:
            return (self.folder / path).read_bytes().decode("utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            return []

    def top_left(self, path: str, sheet: str, cell: str) -> str:
        """The cell a spreadsheet program shows a cell's text in: itself, or the top-left cell of its merged range."""
        src, rc = self.source(path), parse_cell(cell)
        grid = src.grids.get(sheet) if src is not None else None
        if grid is None or rc is None or rc not in grid.merged:
            return cell
        return cell_name(*grid.merged[rc])

    def place(self, path: str) -> crosstab.Place:
        """The text at a cited place of a spreadsheet, web page or PDF: a cell's text, or a PDF page's line."""
        def at(cite: tuple) -> str:
            src, c = self.source(path), dict(cite)
            if src is None:
                return ""
            if "cell" in c:
                grid, rc = src.grids.get(c.get("sheet", "")), parse_cell(c["cell"])
                return grid.text(*rc) if grid is not None and rc else ""
            page, line = int(c.get("page", 0)), int(c.get("line", 0))
            lines = src.pages[page - 1].split("\n") if 0 < page <= len(src.pages) else []
            return lines[line - 1] if 0 < line <= len(lines) else ""
        return at


def cite_of(fields: dict) -> str:
    """Which kind of place a table's values cite, from its fields: grid (sheet, cell), pdf (page, line) or text (line)."""
    return "grid" if "sheet" in fields else "pdf" if "page" in fields else "text"


def source_previews(d: dict, files: SourceFiles) -> list[dict]:
    """Each source file of the package as a reader would see it opened: visible sheets, rows and columns, or PDF lines.

    Read from the package's own copy with the same parsers the build checks cells with; hidden parts are never shown.
    """
    out = []
    for r in d["resources"]:
        if not r["name"].startswith("file-"):
            continue
        src = files.source(r["path"])
        if src is None:
            continue
        if src.kind == "pdf":
            pages = [{"n": n, "lines": [{"id": line_anchor(r["path"], n, i), "n": i, "text": t} for i, t in enumerate(p.split("\n"), 1)]}
                     for n, p in enumerate(src.pages, 1)]
            out.append({"file": r["path"], "pages": pages})
            continue
        sheets = []
        for g in src.grids.values():
            if f"sheet {g.name}" in src.hidden or g.name in src.hidden:
                continue
            nrows, ncols = g.size
            rows = [x for x in range(1, nrows + 1) if x not in g.hidden_rows]
            cols = [x for x in range(1, ncols + 1) if x not in g.hidden_columns]
            sheets.append({"name": g.name, "letters": [column_letters(c) for c in cols[:PREVIEW_COLUMNS]],
                           "cut": len(rows) > PREVIEW_ROWS or len(cols) > PREVIEW_COLUMNS,
                           "rows": [{"n": x, "cells": [{"id": cell_anchor(r["path"], g.name, cell_name(x, c)), "text": g.cells.get((x, c), "")}
                                                       for c in cols[:PREVIEW_COLUMNS]]} for x in rows[:PREVIEW_ROWS]]})
        out.append({"file": r["path"], "sheets": sheets, "text": src.text})
    return out


def data_resources(d: dict) -> list[dict]:
    return [r for r in d["resources"] if r["name"] not in TABLE_EXTRAS and r.get("type") == "table"]


def caveat_numbers(d: dict) -> list[dict]:
    """The caveats in page order, each with its number on the request page (the caveat glossary cites them by it)."""
    return [{**c, "number": i} for i, c in enumerate(d["foi:caveats"], 1)]


def numbered_caveats(d: dict) -> list[dict]:
    """The caveats in page order, numbered, each with what it applies to as (words, anchor)."""
    titles = {r["name"]: r.get("title", r["name"]) for r in d["resources"]}
    columns = {(r["name"], f["name"]): f.get("title", f["name"]) for r in d["resources"]
               for f in r.get("schema", {}).get("fields", [])}
    return [{**c, "applies": [applies_to(a, titles, columns) for a in c["appliesTo"]]} for c in caveat_numbers(d)]


def applies_to(target: str, titles: dict, columns: dict | None = None) -> tuple[str, str, str]:
    """What a caveat applies to, as (words before, linked words, anchor); a column is named by its title, in words."""
    kind, _, rest = target.partition(":")
    if kind == "package":
        return ("the whole response", "", "")
    if kind == "question":
        return ("", f"question {rest}", f"#question-{slug(rest)}")
    table, _, column = rest.partition(".")
    before = f"the column “{(columns or {}).get((table, column), column)}” of " if kind == "field" else ""
    return (before, f"the table “{titles.get(table, table)}”", f"#table-{slug(table)}")


def caveats_for(caveats: list[dict], ids: list[str]) -> list[dict]:
    return [c for c in caveats if c["id"] in ids]


def table_view(d: dict, resource: dict, pk: Packages, lines: list[str], caveats: list[dict], files: SourceFiles,
               previewed: set[str]) -> dict:
    """One table: its cross-tab as the force laid it out, its tidy rows and fields, and its caveats."""
    rows = pk.rows(d, resource["path"])
    row_dims, col_dims = crosstab.layout_of(resource)
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    source = resource.get("foi:source", "response.txt")
    in_text = source == "response.txt"  # otherwise its cells cite a sheet and cell, or a page and line, of a source file
    cite = cite_of(fields)
    try:
        if in_text or cite == "text":  # response.txt, or an attached text file: its lines
            grid = crosstab.build(rows, row_dims, col_dims, lines if in_text else files.lines(source))
        else:
            grid = crosstab.build(rows, row_dims, col_dims, place=files.place(source))
    except crosstab.LayoutError as err:
        raise BuildFailed([Problem(f"datapackages/{d['name']}/request.yaml", None, f"tables.{resource['name']}.layout", str(err), "layout")]) from None
    download = f"../../data/{d['name']}/{source}"
    hrefs = {c.cite: cell_href(source, c, download, files, previewed) for c in grid.cells()}  # each cell's link, worked out once
    return {"r": resource, "rows": rows, "fields": resource["schema"]["fields"], "titles": {n: f.get("title", n) for n, f in fields.items()},
            "headers": [HEADER_WORDS.get(f["name"], f.get("title", f["name"])) for f in resource["schema"]["fields"]],
            "grid": grid, "caveats": caveats_for(caveats, resource.get("foi:caveats", [])),
            "base": f"../../data/{d['name']}", "in_text": in_text, "text_href": pagekit.text_href(d),
            "source": source, "cite": cite, "source_href": download,
            "json_href": f"../../data/json/{d['name']}/{Path(resource['path']).stem}.json",
            "href": lambda c: hrefs[c.cite],
            "beyond": not in_text and cite != "text" and any(hrefs[c.cite] == download for c in grid.cells() if c.status != "blank"),
            # scripts/site/charts.py, escaped by its own template
            "charts": Markup(chart_figures(d["name"], resource, rows, depth=2, where=pagekit.text_href(d)))}


def field_definitions(tables: list[tuple[str, list[dict]]]) -> tuple[list[dict], list[list[dict]]]:
    """Each field of the page's CSV files listed once, in page order, and for each table the rows of its own fields.

    `tables` holds each table's title and schema fields. A name that two tables describe differently (a "year" of
    calendar years in one table, of financial years in another) is still one row, giving each description with the
    tables it is for; a name with two titles or types has a row for each.
    """
    rows: dict[tuple, dict] = {}
    used: set[str] = set()
    links = []
    for title, fields in tables:
        own = []
        for f in fields:
            key = (f["name"], f.get("title", ""), f["type"])
            if key not in rows:
                anchor = base = "field-" + slug(f["name"])
                n = 1
                while anchor in used:
                    n += 1
                    anchor = f"{base}-{n}"
                used.add(anchor)
                rows[key] = {"anchor": anchor, "name": key[0], "title": key[1], "type": key[2], "descriptions": {}}
            rows[key]["descriptions"].setdefault(f.get("description", ""), []).append(title)
            own.append(rows[key])
        links.append(own)
    for row in rows.values():
        row["descriptions"] = list(row["descriptions"].items())  # [(description, [table titles])]
        row["description"] = row["descriptions"][0][0] if len(row["descriptions"]) == 1 else ""
    return list(rows.values()), links


def citation(d: dict) -> dict:
    """The citation in plain text and BibTeX."""
    req = d["foi:request"]
    date = response_date(d)
    force = req["force"]["title"]
    inferred = " (the response does not name the force; attributed by the curators)" if req["force"]["attribution"] == "inferred" else ""
    plain = (f"{force} ({date or 'undated'}). Response to Freedom of Information request {reference_words(req)}"
             f"{inferred}. In: {d['title']}. Curated data package {d['name']}, version {d['version']}.")
    fields = {"author": f"{{{_bibtex(force)}}}", "title": _bibtex(d["title"]), "year": date[:4] or "undated",
              "note": _bibtex(f"Response to Freedom of Information request {reference_words(req)}{', dated ' + date if date else ', undated'}{inferred}"),
              "howpublished": _bibtex(f"Curated data package {d['name']}, version {d['version']}")}
    bib = f"@misc{{{d['name']},\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items()) + "\n}"
    return {"plain": " ".join(plain.split()), "bibtex": bib}


def _bibtex(text: str) -> str:
    for ch in "\\{}%&$#_":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


# ---- browse pages ----------------------------------------------------------------------


def list_context(requests: list[dict], pk: Packages, root: str) -> dict:
    """The rows of a list of requests."""
    return {"requests": [{"d": d, "fates": pk.fates(d), "date": response_date(d), "years": year_span(d)} for d in requests], "root": root}


def all_requests_page(pk: Packages) -> dict[str, str]:
    """requests/: every request, newest first, PER_PAGE to a page (scripts/site/paginate.py)."""
    def make(p) -> str:
        return page("All requests" + (f", page {p.number} of {p.count}" if p.number > 1 else ""),
                    block("browse/all.html", n=len(pk.requests), p=p, per_page=paginate_module.PER_PAGE, **list_context(list(p.items), pk, p.root)),
                    toc=False)
    return {p.path: pk.memo(("all", p.key, len(pk.requests), pk.keyed(p.items)), lambda p=p: make(p))
            for p in paginate(pk.by_date(), "requests/index.md")}


def grouped_page(title: str, intro: str, groups: list[dict], pk: Packages, path: str, compact: bool = False) -> dict[str, str]:
    """A browse index (`path`): a section per group with its newest requests, and each group's own paginated list.

    `compact`: each group's requests as a line of links, not as cards (by year, where a request is in every year it covers)."""
    pages = {}
    folder = path.removesuffix(".md")
    for g in groups:
        lists = paginate(g["requests"], f"{folder}/{g['id']}.md") if g["requests"] else []
        if not lists:
            continue
        g["url"], g["pages"] = lists[0].urls[0], len(lists)
        g["list"] = list_context(g["requests"][:paginate_module.PREVIEW], pk, "../")
        for p in lists:
            parts = ("group", path, title, p.key, g["id"], g["title"], g["text"], len(g["requests"]), pk.keyed(p.items))
            pages[p.path] = pk.memo(parts, lambda g=g, p=p: page(
                g["title"] + (f", page {p.number} of {p.count}" if p.number > 1 else ""),
                block("browse/group.html", g=g, p=p, index_url=url_of(path), index_title=title, **list_context(list(p.items), pk, p.root)),
                toc=False))
    parts = ("groups", path, title, intro, compact, [(g["id"], g["title"], g["text"], g.get("url"), g.get("pages"), len(g["requests"]),
                                            pk.keyed(g["requests"][:paginate_module.PREVIEW])) for g in groups])
    pages[path] = pk.memo(parts, lambda: page(title, block("browse/groups.html", title=title, intro=intro, groups=groups, compact=compact), toc=False))
    return pages


def forces_page(pk: Packages) -> dict[str, str]:
    groups = []
    for force in sorted(pk.reference["forces"], key=lambda f: f["title"].casefold()):  # A-Z, whatever the list's order
        reqs = [d for d in pk.by_date() if d["foi:request"]["force"]["code"] == force["code"]]
        inferred = sum(d["foi:request"]["force"]["attribution"] == "inferred" for d in reqs)
        note = f"{plural(len(reqs), 'request')}" + (f"; {inferred} of them {'does' if inferred == 1 else 'do'} not name the force, "
                                                    "which we identified from the wording (see each request's provenance)" if inferred else "")
        if reqs:
            groups.append({"id": f"force-{slug(force['code'])}", "title": force["title"], "text": note + ".", "requests": reqs})
    return grouped_page("By force", "Requests grouped by the force that answered them.", groups, pk, "forces.md")


def topics_page(pk: Packages) -> dict[str, str]:
    groups = []
    for topic in pk.reference["topics"]:
        reqs = [d for d in pk.by_date() if topic["code"] in [t["code"] for t in d["foi:request"]["topics"]]]
        groups.append({"id": f"topic-{slug(topic['code'])}", "title": topic["title"], "text": topic["description"], "requests": reqs})
    for code in pk.reference["offence_codes"]:
        reqs = [d for d in pk.by_date() if code["code"] in [c["code"] for c in d["foi:request"]["offenceCodes"]]]
        if reqs:
            groups.append({"id": f"code-{slug(code['code'])}", "title": f"Home Office code {code['code']}: {code['title']}",
                           "text": code["legislation"], "requests": reqs})
    # one line per request under each heading: a request is under each of its topics and codes (a reader review counted 12
    # lists of cards for 9 requests, 7,977 px tall on a phone)
    return grouped_page("By topic and offence code", "Requests by topic, then by the Home Office offence codes they give or imply; a "
                        "request is listed under each of its topics and codes.", groups, pk, "topics.md", compact=True)


def year_span(d: dict) -> list[int]:
    """The calendar years the data of a request covers (its periods); the response year when it states none."""
    periods = d["foi:request"]["periods"]
    years = {y for p in periods for y in range(int(p["start"][:4]), int(p["end"][:4]) + 1)}
    return sorted(years) or ([int(response_date(d)[:4])] if response_date(d) else [])


def years_page(pk: Packages) -> dict[str, str]:
    years = sorted({y for d in pk.requests for y in year_span(d)}, reverse=True)
    groups = [{"id": f"year-{y}", "title": str(y), "text": "", "requests": [d for d in pk.by_date() if y in year_span(d)]} for y in years]
    return grouped_page("By year", "Requests by the years their data cover (the periods the request and response state), so a request "
                        "covering 2016 to 2017 is listed under both years. A request that states no period is listed under the year "
                        "of the response.", groups, pk, "years.md", compact=True)


def caveats_page(pk: Packages) -> dict[str, str]:
    """caveats/: each kind with its newest caveats, and a paginated page of every caveat of that kind."""
    kinds, pages = [], {}
    numbered = [(d, caveat_numbers(d)) for d in pk.by_date()]  # what each applies to is not shown here, so not worked out

    def shown(items) -> list:
        return [(key, c["id"]) for key, (_, c) in zip(pk.keyed(d for d, _ in items), items)]

    for kind in pk.reference["caveat_kinds"]:
        items = [(d, c) for d, cs in numbered for c in cs if c["kind"] == kind["code"]]
        k = {**kind, "items": items, "preview": items[:paginate_module.PREVIEW]}
        lists = paginate(items, f"caveats/kind-{slug(kind['code'])}.md") if items else []
        k["url"], k["pages"] = (lists[0].urls[0], len(lists)) if lists else ("", 0)
        for p in lists:
            pages[p.path] = pk.memo(("caveat-kind", kind, len(items), p.key, shown(p.items)), lambda k=k, p=p: page(
                k["title"] + (f", page {p.number} of {p.count}" if p.number > 1 else ""),
                block("browse/caveat_kind.html", k=k, p=p, items=list(p.items), root=p.root), toc=False))
        kinds.append(k)
    parts = ("caveats", [(kind, len(k["items"]), k["url"], k["pages"], shown(k["preview"])) for kind, k in zip(pk.reference["caveat_kinds"], kinds)])
    pages["caveats.md"] = pk.memo(parts, lambda: page("Caveat glossary", block("browse/caveats.html", kinds=kinds, root="../"), toc=False))
    return pages


def glossary_page(pk: Packages) -> str:
    return page("Glossary", block("browse/glossary.html", terms=pk.glossary), toc=False)


COLUMN_WORDS = {"code": "Code", "title": "Title", "short_title": "Short name", "jurisdiction": "Jurisdiction", "verified": "Checked",
                "kind": "Kind", "legislation": "Law", "in_force": "In force from", "aliases": "Also written", "source_url": "Source (date)",
                "example_force_label": "A force's label", "introduced": "Introduced", "force": "Force", "label": "The force's label",
                "outcome_type": "Outcome type", "confidence": "Confidence", "basis": "Basis", "note": "Note", "description": "Meaning",
                "list": "List", "list_code": "Outcome type or offence code", "valid_from": "From", "valid_to": "To", "source_kind": "What the source is",
                "request": "Request", "table": "Table", "match": "Match", "offence_code": "Offence code"}


HEADER_WORDS = {"line": "Source line", "page": "Source page"}  # "Show as data" headers where a field's title names a file


def column_words(name: str) -> str:
    """A column's header in words: 'example_force_label' -> "A force's label" (the CSV keeps the field's name)."""
    return COLUMN_WORDS.get(name, name.replace("_", " ").capitalize())


def data_page(pk: Packages) -> str:
    combined = json.loads((pk.folder / "all" / "datapackage.json").read_text(encoding="utf-8"))
    refs = [{"r": r, "rows": read_rows(pk.folder / "reference" / r["path"])} for r in pk.reference_resources]
    exports = Markup(exports_links("all", "../data/"))  # SQLite and Excel copies
    return page("Data and downloads", block("browse/data.html", requests=len(pk.requests), combined=combined, refs=refs, exports=exports,
                                            column_words=column_words,
                                            version=next(p["version"] for p in pk.catalog if p["name"] == "all")), toc=False)


def curated_dates(d: dict) -> tuple[str, str]:
    """When a request was added to the collection and when its curation last changed (the curation dates the feed uses)."""
    changes = d.get("foi:changes") or []
    last = d["created"][:10]
    return (changes[0]["date"] if changes else last), last


def latest(pk: Packages) -> list[dict]:
    """The home page's latest requests: newest addition or correction to the collection first, whether or not the response is
    dated (then by id, for a stable order); each with what its date means."""
    chosen = sorted(pk.requests, key=lambda d: (curated_dates(d)[1], d["name"]), reverse=True)[:LATEST]
    rows = list_context(chosen, pk, "")["requests"]
    for row in rows:
        added, last = curated_dates(row["d"])
        row["date"], row["date_note"] = last, "added" if last == added else f"corrected (version {row['d']['version']})"
    return rows


def latest_block(pk: Packages) -> str:
    return block("browse/latest.html", n=len(pk.requests), requests=latest(pk), root="")


def render_all(packages: Path, out: Path, extra: dict | None = None, build=None) -> None:
    """Write every generated page into `out` (the generated docs folder); `extra` is mkdocs.yml's `extra:`.

    `build` (scripts/site/pagecache.py) renders the request pages and draws the charts on both cores, reusing those whose
    inputs did not change; without it, every page is rendered here, one after another.
    """
    pk = Packages(packages, extra, build.summaries(packages) if build is not None else None)
    if build is not None:
        pk.keys, pk.memo = build.summary_keys, build.memo_for(pk)
    pages = {**all_requests_page(pk), **forces_page(pk), **topics_page(pk), **years_page(pk), **caveats_page(pk),
             "glossary.md": glossary_page(pk), "data.md": data_page(pk)}
    if build is None:
        pages.update({f"requests/{d['name']}.md": request_page(pk.descriptor(d), pk) for d in pk.requests})
        pages.update({f"requests/{d['name']}/text.md": response_page(d, pk) for d in pk.requests if pagekit.text_page(d)})
    else:
        build.request_pages(pk, out)  # and the long responses' text pages
    for rel, text in pages.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    draw = build.prepare_charts({s.name: s.charts for s in pk.summaries}) if build is not None else None
    render_analyst_pages(packages, out, draw, pk.summaries, pk.memo, pk.keys)  # charts, comparison and family pages, force labels (scripts/site/compare.py)
    index = out / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("<!-- latest-requests -->", latest_block(pk)), encoding="utf-8")
