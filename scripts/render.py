"""Write the site's Markdown pages from the built data packages (never from the curated YAML).

Curated text reaches a page only through `esc`, inside HTML blocks written on one line
each, so Markdown never re-reads it and no curated string can become markup.
"""
from __future__ import annotations

import csv
import html
import json
from collections import defaultdict
from pathlib import Path

from .compare import chart_figures, exports_links, render_analyst_pages

LATEST = 5  # requests listed on the home page
STATUS_WORDS = {"answered": "Answered", "answered-in-attachment": "Answered in an attachment not in the published text",
                "partly-answered": "Partly answered", "refused-cost": "Refused on cost (s12)", "exempt": "Exempt",
                "not-held": "Not held"}


def esc(value) -> str:
    """Escape any value for HTML text or attribute; None becomes empty."""
    return "" if value is None else html.escape(" ".join(str(value).split()), quote=True)


def block(*parts: str) -> str:
    """One HTML block on one line: Markdown passes it through untouched."""
    return "".join(parts).replace("\n", " ")


def table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset(), caption: str = "", searchable: bool = True) -> str:
    """A sortable HTML table; cells are already-escaped HTML. Unsearchable tables stay out of the search index."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    cap = f"<caption>{caption}</caption>" if caption else ""
    label = f' aria-label="{caption}"' if caption else ' aria-label="Table"'
    exclude = "" if searchable else " data-search-exclude"
    return block(f'<div class="table-wrap" role="region" tabindex="0"{label}{exclude}><table class="sortable">{cap}<thead><tr>{head}</tr></thead>'
                 f"<tbody>{body}</tbody></table></div>")


def link(href: str, text: str, **attrs) -> str:
    """An anchor with escaped text; href is built by this module, attributes escaped."""
    extra = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{text}</a>'


def front(title: str) -> str:
    """Front matter with the page title (JSON string is valid YAML and escapes quotes)."""
    return f"---\ntitle: {json.dumps(esc(title))}\n---\n\n"


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Packages:
    """The built packages, read once: descriptors, and each request's questions and caveats."""

    def __init__(self, folder: Path):
        self.folder = folder
        catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
        self.catalog = catalog["packages"]
        names = [p["name"] for p in self.catalog if p["name"] not in ("all", "reference")]
        self.requests = [json.loads((folder / n / "datapackage.json").read_text(encoding="utf-8")) for n in names]
        self.reference = {r["name"]: read_rows(folder / "reference" / r["path"])
                          for r in json.loads((folder / "reference" / "datapackage.json").read_text(encoding="utf-8"))["resources"]}

    def title(self, list_name: str, code: str) -> str:
        return next((r["title"] for r in self.reference[list_name] if r["code"] == code), code)

    def by_date(self) -> list[dict]:
        """Requests, newest response first (then by id, for a stable order)."""
        return sorted(self.requests, key=lambda d: (_date(d), d["name"]), reverse=True)


def _date(d: dict) -> str:
    return d["foi:request"]["dates"].get("response", {}).get("date", "")


def _request_href(d: dict, depth: int) -> str:
    return "../" * depth + f"requests/{d['name']}/"


def request_list(requests: list[dict], pk: Packages, depth: int, caption: str = "") -> str:
    """The standard sortable list of requests, linking to their pages."""
    rows = []
    for d in requests:
        req = d["foi:request"]
        rows.append([esc(req["reference"]), esc(req["force"]["title"]), link(_request_href(d, depth), esc(d["title"])),
                     esc(_date(d)), esc(", ".join(t["title"] for t in req["topics"])),
                     esc(_fates(d, pk))])
    # Lists repeat what each request page says, so they stay out of the search index (which every page loads).
    return table(["Reference", "Force", "Request", "Response date", "Topics", "Questions"], rows, caption=caption, searchable=False)


def _fates(d: dict, pk: Packages) -> str:
    counts: dict[str, int] = defaultdict(int)
    for row in read_rows(pk.folder / d["name"] / "questions.csv"):
        counts[row["status"]] += 1
    return "; ".join(f"{n} {STATUS_WORDS.get(s, s).lower()}" for s, n in sorted(counts.items()))


# ---- the request page ------------------------------------------------------------------


def request_page(d: dict, pk: Packages) -> str:
    """One request: facts, questions, tables with their caveats, caveats, provenance, text, citation, zip."""
    parts = [front(d["title"]), f"# {esc(d['title'])}\n", block(f'<p class="lead">{esc(d["description"])}</p>'),
             key_facts(d), "## Questions and answers", questions(d, pk), "## Tables", tables(d, pk),
             "## Caveats", caveats(d), "## Provenance and integrity", provenance(d), "## Full response text",
             response_text(d, pk), "## How to cite", citation(d), "## Data package", package_links(d)]
    return "\n\n".join(parts) + "\n"


def key_facts(d: dict) -> str:
    req = d["foi:request"]
    force = req["force"]
    dates = req["dates"]

    def date(key):
        item = dates.get(key)
        if not item:
            return "not given in the text"
        return esc(item["date"]) + (" (year inferred)" if item.get("basis") == "inferred" else "")

    facts = [
        ("Force", esc(force["title"]) + f" ({esc(force['attribution'])}; see provenance)"),
        ("Reference", esc(req["reference"])),
        ("Request received", date("received")),
        ("Response dated", date("response")),
        ("Period covered", "<br>".join(f"{esc(p['label'])}: {esc(p['start'])} to {esc(p['end'])}" for p in req["periods"]) or "not stated"),
        ("Recording systems", "<br>".join(esc(s["name"]) + _range(s) for s in req["systems"]) or "not stated"),
        ("Home Office offence codes", "<br>".join(f"{esc(c['code'])} {esc(c['title'])} ({esc(c['basis'])})" for c in req["offenceCodes"]) or "none given"),
        ("Outcome types", "<br>".join(f"Outcome {esc(c['code'])} ({esc(c['basis'])})" for c in req["outcomeTypes"]) or "none given"),
        ("Topics", esc(", ".join(t["title"] for t in req["topics"]))),
        ("Package version", esc(d["version"])),
    ]
    if req["attachments"]:
        facts.append(("Not in the published text", "<br>".join(esc(a["description"]) for a in req["attachments"])))
    return block('<dl class="facts">', "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts), "</dl>")


def _range(system: dict) -> str:
    start, end = system.get("start"), system.get("end")
    if start and end:
        return f" ({esc(start)} to {esc(end)})"
    if start:
        return f" (from {esc(start)})"
    return f" (until {esc(end)})" if end else ""


def _lines(start, end) -> str:
    """A link to the cited lines in the full text below."""
    label = f"line {start}" if str(start) == str(end) else f"lines {start}–{end}"
    return link(f"#L{start}", esc(label))


def questions(d: dict, pk: Packages) -> str:
    rows = []
    for q in read_rows(pk.folder / d["name"] / "questions.csv"):
        status = STATUS_WORDS.get(q["status"], q["status"]) + (f" ({q['section']})" if q["section"] else "")
        answer = f'<q>{esc(q["quote"])}</q> ({_lines(q["line_start"], q["line_end"])})'
        rows.append([esc(q["question_id"]), esc(q["text"]), f'<span class="foi-status">{esc(status)}</span>', answer, esc(q["note"])])
    return table(["No.", "Question (verbatim)", "Fate", "What the response says", "Note"], rows)


def tables(d: dict, pk: Packages) -> str:
    data = [r for r in d["resources"] if r["name"] not in ("questions", "caveats", "response")]
    if not data:
        note = "The published text contains no figures for a table."
        if d["foi:request"]["attachments"]:
            note += " The response says its figures are in an attachment that is not part of the published text."
        return block(f"<p>{esc(note)}</p>")
    return "\n\n".join(one_table(d, r, pk) for r in data)


def one_table(d: dict, resource: dict, pk: Packages) -> str:
    caveats = [c for c in d["foi:caveats"] if c["id"] in resource["foi:caveats"]]
    items = "".join(f'<li><strong>{esc(c["kindTitle"])}</strong>: <q>{esc(c["quote"])}</q> {link("#caveat-" + c["id"], "(details)")}</li>'
                    for c in caveats)
    warning = block('<div class="admonition warning"><p class="admonition-title">Read this table with these caveats</p>',
                    f"<ul>{items}</ul></div>") if caveats else ""
    base = f"../../data/{d['name']}"
    downloads = block("<p>Download: ", link(f"{base}/{resource['path']}", "CSV", download=""), " · ",
                      link(f"../../data/json/{d['name']}/{d['name']}--{resource['name']}.json", "JSON", download=""),
                      f" · {esc(resource['bytes'])} bytes · <code>{esc(resource['hash'])}</code></p>")
    period = resource.get("foi:period")
    facts = f"Measure: {esc(resource['foi:measure'])}" + (f". Period: {esc(period['start'])} to {esc(period['end'])}" if period else "")
    fields = resource["schema"]["fields"]
    rows = []
    for row in read_rows(pk.folder / d["name"] / resource["path"]):
        cells = []
        for f in fields:
            value = row[f["name"]]
            cells.append(link(f"#L{value}", esc(value)) if f["name"] == "line" else esc(value))
        rows.append(cells)
    numeric = {i for i, f in enumerate(fields) if f["type"] == "integer"}
    figures = chart_figures(d["name"], resource, read_rows(pk.folder / d["name"] / resource["path"]), depth=2)  # scripts/charts.py
    return "\n\n".join(x for x in [f"### {esc(resource['title'])}", block(f"<p>{esc(resource['description'])} {facts}.</p>"), warning,
                                   downloads, table([esc(f["title"]) for f in fields], rows, numeric,
                                                    caption=esc(resource["title"]), searchable=False), figures] if x)


def _target(d: dict, target: str) -> str:
    """What a caveat applies to, in words."""
    kind, _, rest = target.partition(":")
    titles = {r["name"]: r.get("title", r["name"]) for r in d["resources"]}
    if kind == "package":
        return "the whole response"
    if kind == "question":
        return f"question {esc(rest)}"
    if kind == "table":
        return f"the table “{esc(titles.get(rest, rest))}”"
    table_name, _, column = rest.partition(".")
    return f"the column {esc(column)} of the table “{esc(titles.get(table_name, table_name))}”"


def caveats(d: dict) -> str:
    if not d["foi:caveats"]:
        return block("<p>The response gives no caveats.</p>")
    out = []
    for c in d["foi:caveats"]:
        applies = "; ".join(_target(d, a) for a in c["appliesTo"])
        note = f"<p>Curator's note: {esc(c['note'])}</p>" if c.get("note") else ""
        out.append(block(f'<div class="admonition note" id="caveat-{esc(c["id"])}"><p class="admonition-title">{esc(c["kindTitle"])}</p>',
                         f'<blockquote class="foi-quote"><p>{esc(c["quote"])}</p></blockquote>',
                         f"<p>The force's words, {_lines(*c['lines'])}. Applies to: {applies}.</p>{note}</div>"))
    return "\n\n".join(out)


def provenance(d: dict) -> str:
    req = d["foi:request"]
    src = d["sources"][0]
    resp = req["response"]
    force = req["force"]
    evidence = "".join(f"<li><q>{esc(e['quote'])}</q> ({_lines(*e['lines'])})" + (f" — {esc(e['note'])}" if e.get("note") else "") + "</li>"
                       for e in force["evidence"])
    attribution = (f"{esc(force['title'])}, {'named in the text' if force['attribution'] == 'stated' else 'inferred (the text does not name it)'}."
                   + (f" {esc(force['note'])}" if force.get("note") else "") + f"<ul>{evidence}</ul>")
    facts = [
        ("Source", esc(src["title"])),
        ("Address (URL)", esc(src.get("path") or src["foi:url"])),
        ("Received as", esc(src.get("foi:receivedAs"))),
        ("Date accessed", esc(src["foi:accessed"])),
        ("Source licence", esc(src["foi:licence"])),
        ("Response text", f"{esc(resp['bytes'])} bytes, {esc(resp['lines'])} lines"),
        ("sha256 of response.txt", f"<code>{esc(resp['sha256'])}</code>"),
        ("Force attribution", attribution),
        ("This curation", f"version {esc(d['version'])}, {esc(d['licenses'][0]['title'])}"),
    ]
    return block('<dl class="facts">', "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts), "</dl>")


def response_text(d: dict, pk: Packages) -> str:
    """The verbatim text, escaped; one span per line so tables can link to the line they cite."""
    text = (pk.folder / d["name"] / "response.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    # Markdown expands literal tabs to spaces, so tabs (like line ends) are written as character references.
    spans = "&#10;".join(f'<span id="L{n}" data-n="{n}">{html.escape(line, quote=False).replace(chr(9), "&#9;")}</span>'
                         for n, line in enumerate(lines, 1))
    return ("<details class=\"response\" data-search-exclude><summary>Show the response exactly as published "
            f"({len(lines)} lines; line numbers are not part of the text)</summary>"
            f'<pre class="verbatim" tabindex="0">{spans}</pre></details>')


def citation(d: dict) -> str:
    req = d["foi:request"]
    year = (_date(d) or "n.d.")[:4]
    force = req["force"]["title"]
    plain = (f"{force} ({year}). Response to Freedom of Information request {req['reference']}"
             f"{', dated ' + _date(d) if _date(d) else ''}. In: {d['title']}. Curated data package {d['name']}, version {d['version']}.")
    bib_fields = {"author": f"{{{force}}}", "title": d["title"], "year": year, "note": f"Response to Freedom of Information request {req['reference']}",
                  "howpublished": f"Curated data package {d['name']}, version {d['version']}"}
    bib = f"@misc{{{d['name']},\n" + ",\n".join(f"  {k} = {{{_bibtex(v) if k != 'author' else v}}}" for k, v in bib_fields.items()) + "\n}"
    return block("<div data-search-exclude><p>Plain text:</p>", f'<pre class="cite">{esc(plain)}</pre>', "<p>BibTeX:</p>",
                 f'<pre class="cite">{html.escape(bib, quote=False).replace(chr(10), "&#10;")}</pre></div>')


def _bibtex(text: str) -> str:
    for ch in "\\{}%&$#_":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def package_links(d: dict) -> str:
    base = f"../../data/{d['name']}"
    return block("<p>", link(f"{base}.zip", "Download the zipped data package", download=""), " (all tables, questions, caveats and the ",
                 "response text, with <code>datapackage.json</code>) · ", link(f"{base}/datapackage.json", "datapackage.json"),
                 f" · {esc(len(d['resources']))} resources. Load it with <code>frictionless</code>, pandas or a spreadsheet.</p>")


# ---- browse pages ----------------------------------------------------------------------


def all_requests_page(pk: Packages) -> str:
    return front("All requests") + "# All requests\n\n" + block(
        f"<p>{len(pk.requests)} requests. Click a column heading to sort.</p>") + "\n\n" + request_list(pk.by_date(), pk, 1) + "\n"


def grouped_page(title: str, intro: str, groups: list[tuple[str, str, list[dict]]], pk: Packages) -> str:
    """A browse page: one section per group, each with its sortable list of requests."""
    parts = [front(title), f"# {esc(title)}", block(f"<p>{esc(intro)}</p>")]
    for heading, text, reqs in groups:
        parts += [f"## {esc(heading)}", block(f"<p>{esc(text)}</p>") if text else "", request_list(reqs, pk, 1) if reqs else
                  block("<p>No request yet.</p>")]
    return "\n\n".join(p for p in parts if p) + "\n"


def forces_page(pk: Packages) -> str:
    groups = []
    for force in pk.reference["forces"]:
        reqs = [d for d in pk.by_date() if d["foi:request"]["force"]["code"] == force["code"]]
        if reqs:
            inferred = sum(d["foi:request"]["force"]["attribution"] == "inferred" for d in reqs)
            groups.append((force["title"], f"{len(reqs)} requests, {inferred} attributed by inference." if inferred else f"{len(reqs)} requests.", reqs))
    return grouped_page("By force", "Requests grouped by the force that answered them.", groups, pk)


def topics_page(pk: Packages) -> str:
    groups = []
    for topic in pk.reference["topics"]:
        reqs = [d for d in pk.by_date() if topic["code"] in [t["code"] for t in d["foi:request"]["topics"]]]
        groups.append((topic["title"], topic["description"], reqs))
    for code in pk.reference["offence_codes"]:
        reqs = [d for d in pk.by_date() if code["code"] in [c["code"] for c in d["foi:request"]["offenceCodes"]]]
        if reqs:
            groups.append((f"Home Office code {code['code']}: {code['title']}", code["legislation"], reqs))
    return grouped_page("By topic and offence code", "Requests by topic, then by the Home Office offence codes they give or imply.", groups, pk)


def years_page(pk: Packages) -> str:
    years = sorted({_date(d)[:4] for d in pk.requests if _date(d)}, reverse=True)
    groups = [(y, "", [d for d in pk.by_date() if _date(d).startswith(y)]) for y in years]
    return grouped_page("By year", "Requests by the year of the force's response.", groups, pk)


def caveats_page(pk: Packages) -> str:
    parts = [front("Caveat glossary"), "# Caveat glossary",
             block("<p>The kinds of caveat forces give, and the requests that carry each. Every caveat on a request page is in the force's own words.</p>")]
    for kind in pk.reference["caveat_kinds"]:
        carriers = [d for d in pk.by_date() if any(c["kind"] == kind["code"] for c in d["foi:caveats"])]
        parts += [f"## {esc(kind['title'])}", block(f"<p>{esc(kind['description'])}</p>")]
        items = "".join(f"<li>{link(_request_href(d, 1), esc(d['title']))}: <q>{esc(c['quote'])}</q></li>"
                        for d in carriers for c in d["foi:caveats"] if c["kind"] == kind["code"])
        parts.append(block(f"<ul>{items}</ul>") if items else block("<p>No request carries this caveat yet.</p>"))
    return "\n\n".join(parts) + "\n"


def data_page(pk: Packages) -> str:
    parts = [front("Data and downloads"), "# Data and downloads",
             block("<p>Everything here is a <a href=\"https://datapackage.org/\">Frictionless data package</a> (v2). ",
                   "Each value carries its status and the line of the verbatim response it stands on.</p>"),
             "## All requests in one package"]
    combined = next(p for p in pk.catalog if p["name"] == "all")
    desc = json.loads((pk.folder / "all" / "datapackage.json").read_text(encoding="utf-8"))
    parts.append(block("<p>", link("../data/all.zip", "Download the combined package (zip)", download=""), " · ",
                       link("../data/all/datapackage.json", "datapackage.json"), f" · version {esc(combined['version'])}</p>"))
    parts.append(exports_links(combined, "../data/"))  # SQLite and Excel copies (scripts/export.py)
    rows = [[link(f"../data/all/{r['path']}", esc(r["path"]), download=""), esc(r.get("title", r["name"])), esc(r["bytes"])]
            for r in desc["resources"]]
    parts.append(table(["File", "Contents", "Bytes"], rows, {2}))
    parts += ["## Catalog",
              block("<p>", link("../data/catalog.json", "catalog.json"),
                    " lists every package with its version and the sha256 of its descriptor and zip.</p>"),
              "## Request packages"]
    rows = [[link(f"../data/{p['name']}.zip", esc(p["name"] + ".zip"), download=""), esc(p["title"]), esc(p["version"]),
             esc(p["zipIntegrity"]["bytes"]), f"<code>{esc(p['zipIntegrity']['hash'])}</code>"] for p in pk.catalog]
    parts.append(table(["Zip", "Title", "Version", "Bytes", "sha256"], rows, {3}))
    parts.append("## Reference code lists")
    ref = json.loads((pk.folder / "reference" / "datapackage.json").read_text(encoding="utf-8"))
    parts.append(block("<p>", link("../data/reference.zip", "Download the reference package (zip)", download=""), "</p>"))
    for r in ref["resources"]:
        rows = read_rows(pk.folder / "reference" / r["path"])
        headers = [f["name"] for f in r["schema"]["fields"]]
        parts += [f"### {esc(r['title'])}", block("<p>", link(f"../data/reference/{r['path']}", "CSV", download=""), "</p>"),
                  table([esc(h) for h in headers], [[esc(row[h]) for h in headers] for row in rows])]
    return "\n\n".join(parts) + "\n"


def latest_block(pk: Packages) -> str:
    return request_list(pk.by_date()[:LATEST], pk, 0) + "\n\n" + block("<p>", link("requests/", f"All {len(pk.requests)} requests"), "</p>")


def render_all(packages: Path, out: Path) -> None:
    """Write every generated page into `out` (the generated docs folder)."""
    pk = Packages(packages)
    pages = {"requests/index.md": all_requests_page(pk), "forces.md": forces_page(pk), "topics.md": topics_page(pk),
             "years.md": years_page(pk), "caveats.md": caveats_page(pk), "data.md": data_page(pk)}
    for d in pk.requests:
        pages[f"requests/{d['name']}.md"] = request_page(d, pk)
    for rel, text in pages.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    render_analyst_pages(packages, out)  # charts, comparison and family pages, force labels (scripts/compare.py)
    index = out / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("<!-- latest-requests -->", latest_block(pk)), encoding="utf-8")
