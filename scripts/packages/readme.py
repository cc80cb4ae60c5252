"""README.md for every package, written from its descriptor: what it is, its files, the caveats, how to read and cite it.

Curated text is escaped so that a Markdown viewer shows it as written and never as markup.
"""
from __future__ import annotations

import re

MARKUP = re.compile(r"([\\`*_\[\]<>!|#{}])")
BLANK = ("Blank is not zero. `status` says how each value stands: reported, blank (an empty cell: `value` left empty), nil "
         "(given in words, such as Nil return: `value` 0) or suppressed (withheld: `value` left empty). An empty value is never a "
         "zero and is never filled in. The one place a blank adds nothing is the build's check of the force's own stated totals, "
         "as the force's total does: Bedfordshire's CMS 2018 column is blank for two of its three offences and for under-10s, and "
         "its stated 2018 total, 20, is the sum of the cells that are not blank.")
READING = [
    "Each table has one row per value: its dimensions as the force labelled them, its codes (`offence_code`, `code_role`, "
    "`outcome_type`), `value`, `status`, `is_total`, what it may be added with (`additive`, `sum_group`, `additivity`), its own "
    "period (`period_start`, `period_end`, `period_basis`, `part_year`) and where it stands.",
    "Adding up, the one recipe: keep rows whose `additive` is true, choose one `sum_group`, filter it on its labels or dates, and "
    "add. The values of a sum group are disjoint parts of one whole, and a sum group never crosses requests or forces. Never add "
    "values of different sum groups, or a value whose `additive` is false: `additivity` says why it is not (`total`: a total the "
    "force states, is_total true, whose parts are other rows; `overlapping`: counts that may include the same item twice, such "
    "as keyword counts; `not-disjoint`: figures the force does not say are separate parts; `subset`: part of a count given "
    "elsewhere). Such a value is an answer on its own.",
    "Each value has its own period: a calendar-year column is cut to its table's period (`period_basis` row), anything else "
    "has its table's period (`period_basis` table). `part_year` is true when a year label covers only part of that year: "
    "Bedfordshire's CMS \"2018\" is 2018-01-01 to 2018-05-22 and its Athena \"2018\" 2018-05-23 to 2018-12-31; neither is "
    "the 2018 figure, and their sum (one sum group) is.",
    "An offence code on a value counts offences of that code only when `code_role` is counts; subset is some of them "
    "(such as those without victim details), related a count of something else (such as keyword matches). Filter on "
    "`code_role` counts as well as the code to get offence counts.",
    BLANK,
]
PLACES = {  # where a value stands, by the columns that say so; the file is named under Files, or in a column of a combined table
    "line": "In a table from `response.txt` (or from an attached text file), `line` is the line of that text on which the value stands.",
    "sheet": "In a table from an attached spreadsheet or saved web page, `sheet` and `cell` are where the value stands in that "
             "file; a web page's tables are named table 1, table 2, ...",
    "page": "In a table from an attached PDF, `page` and `line` are where the value stands in it: the page, and the line of that "
            "page's text.",
}
WHICH_FILE = "A table's file is named under Files (in the combined tables, in a column of its own); without one, it is `response.txt`."


PANDAS = ('import pandas as pd\n'
          'text = ["label", "question", "question_id", "outcome", "offence", "offender_age", "victim_age", "age", "age_band",\n'
          '        "gender", "year", "month", "keyword", "platform", "measure", "offence_code", "outcome_type"]\n'
          'obs = pd.read_csv("observations.csv", dtype={c: str for c in text}, parse_dates=["period_start", "period_end"])\n'
          'parts = obs[obs["additive"]]  # only values that may be added, each in its sum_group\n'
          'totals = parts.groupby("sum_group")["value"].sum()  # add only within one sum group\n'
          'offences = obs[obs["code_role"] == "counts"]  # only counts of offences of their offence_code')
FRICTIONLESS = ("With frictionless, `resource.to_pandas()` puts the table's primary key in the index; call `.reset_index()` to have "
                "it as columns again.")


def md(text) -> str:
    """Curated text for Markdown: whitespace folded and every markup character backslash-escaped."""
    return MARKUP.sub(r"\\\1", " ".join(str(text).split())) if text is not None else ""


def code(text: str) -> str:
    """A file name as a Markdown code span, shown as written (nothing is escaped inside one; a backtick needs a longer fence)."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if "`" in text else f"`{text}`"


def readme_bytes(descriptor: dict) -> bytes:
    """The README.md of one package."""
    lines = [f"# {md(descriptor.get('title', descriptor['name']))}", "", md(descriptor.get("description", "")), ""]
    lines += _request(descriptor.get("foi:request"))
    lines += ["## Files", ""] + [f"- {code(r['path'])}: {md(r.get('title', r['name']))}. {md(r.get('description', ''))}"
                                  + (f" From {code(r['foi:source'])}." if r.get("foi:source", "response.txt") != "response.txt" else "")
                                  for r in descriptor["resources"]] + [""]
    if descriptor.get("foi:caveats") is not None:
        lines += ["## Caveats, in the force's words", ""]
        lines += [f"- {md(c['kindTitle'])}: “{md(c['quote'])}” (response.txt {_lines(c['lines'])})"
                  for c in descriptor["foi:caveats"]] or ["- The response gives no caveats."]
        lines += [""]
    places = _places(descriptor)
    lines += ["## How to read the tables", ""] + [f"- {t}" for t in READING + [PLACES[k] for k in places]
                                                  + ([WHICH_FILE] if set(places) - {"line"} else [])] + [""]
    if any(r["name"] == "observations" for r in descriptor["resources"]):
        lines += ["With pandas, read the long table in one call, labels and codes as text and dates as dates, then add up by the "
                  "recipe above:", "", "```python", PANDAS, "```", "", FRICTIONLESS, ""]
    lines += ["## Licences", ""] + [f"- {md(lic.get('title', lic.get('name')))}: {lic.get('path', '')}" for lic in descriptor.get("licenses", [])]
    lines += [f"- The response text (`response.txt`) is the force's own; its licence: {md(s.get('foi:licence', 'not stated'))}."
              for s in descriptor.get("sources", []) if "foi:licence" in s]
    lines += ["", "## How to cite", "", md(_citation(descriptor)), "", f"Version {md(descriptor.get('version', ''))}."]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _places(descriptor: dict) -> list[str]:
    """Which kinds of place the package's tables cite: lines of response.txt, cells of a sheet, lines of a PDF page."""
    found = set()
    for r in descriptor["resources"]:
        names = {f["name"] for f in r.get("schema", {}).get("fields", [])}
        found |= {k for k in ("sheet", "page") if k in names}
        if "line" in names and ("page" not in names or "sheet" in names):  # the combined table has every kind
            found.add("line")
    return [k for k in PLACES if k in found]


def _lines(span: list[int]) -> str:
    return f"line {span[0]}" if span[0] == span[1] else f"lines {span[0]}–{span[1]}"


def _request(req: dict | None) -> list[str]:
    """The request in brief: force (and how it is known), reference, dates and periods."""
    if not req:
        return []
    force = req["force"]
    known = {"stated": "named in the text", "from-source": "named where the response was published"}.get(
        force["attribution"], "inferred; the text does not name it")
    out = ["## The request", "", f"- Force: {md(force['title'])} ({known})", f"- Reference: {md(reference_words(req))}"]
    out += [f"- {md(k.capitalize())} date: {md(v['date'])}" for k, v in req["dates"].items()]
    out += [f"- Period {md(p['label'])}: {md(p['start'])} to {md(p['end'])}" for p in req["periods"]]
    return out + [""]


def reference_words(req: dict) -> str:
    """The reference as a reader should take it: the force's, with where it comes from, or an id of ours."""
    basis = req.get("referenceBasis", {})
    if basis.get("basis") == "ours":
        return f"{req['reference']} (no reference given; an id of ours)"
    if basis.get("from"):
        return f"{req['reference']} (from where it was published)"
    return req["reference"]


def _citation(d: dict) -> str:
    """A plain-text citation of the package."""
    req = d.get("foi:request")
    if not req:
        return f"{d.get('title', d['name'])}, version {d.get('version', '')} (data package {d['name']})."
    date = req["dates"].get("response", {}).get("date", "")
    return (f"{req['force']['title']} ({date or 'undated'}). Response to Freedom of Information request {reference_words(req)}"
            f". In: {d['title']}. Curated data package {d['name']}, version {d['version']}.")
