"""Comparison pages per topic and family pages, read from the BUILT packages: what each force released, side by side.

Numbers stand next to the caveats that stop a like-for-like comparison; nothing is ever added up across forces
(no function here sums values). The pages are written from templates in scripts/site/templates/analyst/.
"""
from __future__ import annotations

import html as htmllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import charts, pagekit
from ..packages.combine import EXPORTS
from .pagekit import read_rows

TOTAL = "Total"
LISTED = 8  # a table with no grand total is shown row by row when it has at most this many rows
COMPARED = 25  # requests side by side on one comparison page (up to 5.5 KB of HTML each, with charts); more go on further pages
COMPARISONS = [
    ("indecent-images", "Indecent images of children", ["indecent-images"]),
    ("grooming-and-sexual-communication", "Sexual grooming and sexual communication with a child", ["grooming", "sexual-communication"]),
    ("outcome-21-and-youth-produced-imagery", "Outcome 21 and youth-produced sexual imagery", ["outcome-21", "sexting"]),
]
STATUS_WORDS: dict[str, str] = {}  # answer status code -> title, read from the built reference package
TOPICS: dict[str, dict] = {}  # topic code -> its row of reference/topics.csv (title, outcome_type), read from the built reference package
VALUE_WORDS = charts.STATUS_WORDS  # how a value without a number reads: one wording for charts and comparisons


@dataclass
class Figure:
    """One published value as shown on a comparison page: its labels, value or status, and the line it stands on."""

    label: str
    value: str
    status: str
    line: str
    is_total: bool
    where: str = ""
    outcome_type: str = ""  # the Home Office outcome type the row is recorded under (outcome_labels or table_codes), if any
    withheld_part: bool = False  # a stated total one of whose parts the force withheld: it may leave that part out
    part_year: tuple = ()  # (first day, last day) when its year label names a year it covers only part of (part_year)

    @property
    def shown(self) -> str:
        """The value as published, or the reason there is none; never a number we made."""
        if self.status == "reported":
            return self.value
        return f"{self.value} ({VALUE_WORDS[self.status]})" if self.status == "nil" else f"no value ({VALUE_WORDS.get(self.status, self.status)})"


@dataclass
class Released:
    """One table of one request: what it measures, for which period and system, its headline figures and caveats."""

    name: str
    title: str
    measure: str
    period: dict | None
    system: str | None
    figures: list[Figure]
    more: int
    caveats: list[dict]
    charts: list = field(default_factory=list)
    sums_note: str = ""  # why its figures are not to be added up, when the curator declared so (foi:sums)
    withheld: bool = False  # the force withheld part of it: a stated total may leave out what it withheld
    typed: tuple = ()  # every row recorded under an outcome type, as a Figure: what a topic about one outcome type shows
    rows: int = 0  # how many values the table has
    outcome_only: tuple = ()  # the outcome types it counts, when every row has one and none an offence code (uses of an outcome, any offence)
    off_topic: str = ""  # on a comparison page: that its measure is not about the page's topic, in words (on_topics)


@dataclass
class Answer:
    """One request as a comparison row: its force, dates, what it released, its questions and its caveats."""

    descriptor: dict
    released: list[Released]
    questions: list[dict]
    caveats: list[dict]  # those on the whole response
    shown_for: list[str] = field(default_factory=list)  # on a comparison page: the page's topics it is listed for, in words
    topic_note: str = ""  # on a comparison page: which of its figures are shown for a topic about one outcome type, or that none is

    @property
    def every_caveat(self) -> list[dict]:
        """Its caveats on the whole response and on its tables, each once, in the request page's order and numbering."""
        found = {c["number"]: c for c in self.caveats + [c for r in self.released for c in r.caveats]}
        return [found[n] for n in sorted(found)]

    @property
    def force_caveats(self) -> list[dict]:
        """Its caveats in the force's own words (every_caveat without our checks)."""
        return [c for c in self.every_caveat if c.get("kind") not in pagekit.OUR_CHECKS]

    @property
    def our_checks(self) -> list[dict]:
        """What our own checks found in its figures (a stated total that does not reconcile): never the force's words."""
        return [c for c in self.every_caveat if c.get("kind") in pagekit.OUR_CHECKS]

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def partial(self) -> bool:
        """Whether we hold only part of its response (its status line then says so of questions beyond the cut)."""
        return pagekit.partial(self.descriptor)

    @property
    def request(self) -> dict:
        return self.descriptor["foi:request"]

    @property
    def text_href(self) -> str:
        """Where its line links point, from its request page: that page, or the response's own page when it is long."""
        return pagekit.text_href(self.descriptor)


def headline(resource: dict, rows: list[dict]) -> tuple[list[Figure], int]:
    """The figures to show side by side: the force's grand totals, or every row of a short table; and how many are left out."""
    dims = charts.dimensions(resource)
    grand = [r for r in rows if all(r[d] == TOTAL for d in dims if d not in _columns(resource))]
    chosen = grand if grand else rows if len(rows) <= LISTED else []
    in_text = resource.get("foi:source", "response.txt") == "response.txt"  # else `line` is a line of a PDF page, not of the text
    figures = [Figure(_label(r, dims), r["value"], r["status"], r.get("line", "") if in_text else "", r.get("is_total") == "true",
                      charts.where(r), withheld_part=r.get("is_total") == "true" and withheld_part(r, rows, dims),
                      part_year=part_year(r)) for r in chosen]
    return figures, len(rows) - len(chosen)


def part_year(row: dict) -> tuple:
    """(first day, last day) of a value whose year label names a calendar year it covers only part of; () otherwise."""
    return (row.get("period_start", ""), row.get("period_end", "")) if row.get("part_year") == "true" else ()


def withheld_part(total: dict, rows: list[dict], dims: list[str]) -> bool:
    """Whether a stated total has a part the force withheld: a suppressed row that agrees with it on every dimension
    the total does not hold at Total (so a 0 beside it need not mean none)."""
    return any(r is not total and r["status"] == "suppressed" and all(total[d] == TOTAL or r[d] == total[d] for d in dims)
               for r in rows)


def _columns(resource: dict) -> list[str]:
    return (resource.get("foi:layout") or {}).get("columns", [])


def _label(row: dict, dims: list[str]) -> str:
    """A row's labels in words: every dimension that is not Total; 'Total' for the grand total."""
    parts = [row[d] for d in dims if row[d] != TOTAL]
    return " · ".join(parts) if parts else TOTAL


def load_answer(packages: Path, descriptor: dict, chart_index: dict) -> Answer:
    """Everything a comparison page shows about one built request package."""
    name = descriptor["name"]
    titles = {r["name"]: r.get("title", r["name"]) for r in descriptor["resources"]}
    # numbered as on the request page, each with what it applies to in words, so that a page can quote it once and cite it
    by_id = {c["id"]: {**c, "number": i, "where": [_applies(t, titles) for t in c["appliesTo"]]}
             for i, c in enumerate(descriptor["foi:caveats"], 1)}
    released = []
    for resource in descriptor["resources"]:
        if "foi:measure" not in resource:
            continue
        rows = read_rows(packages / name / resource["path"])
        figures, more = headline(resource, rows)
        in_text = resource.get("foi:source", "response.txt") == "response.txt"
        typed = tuple(Figure(_label(r, charts.dimensions(resource)), r["value"], r["status"], r.get("line", "") if in_text else "",
                             r.get("is_total") == "true", charts.where(r), r["outcome_type"], part_year=part_year(r))
                      for r in rows if r.get("outcome_type"))
        released.append(Released(resource["name"], resource["title"], resource["foi:measure"], resource.get("foi:period"),
                                 resource.get("foi:system"), figures, more,
                                 [by_id[c] for c in resource.get("foi:caveats", []) if "package" not in by_id[c]["appliesTo"]],
                                 chart_index.get((name, resource["name"]), []), _not_additive(resource),
                                 any(r.get("status") == "suppressed" for r in rows), typed, len(rows), outcome_only(rows)))
    package_caveats = [by_id[c["id"]] for c in descriptor["foi:caveats"] if "package" in c["appliesTo"]]
    return Answer(descriptor, released, read_rows(packages / name / "questions.csv"), package_caveats)


def outcome_only(rows: list[dict]) -> tuple:
    """The outcome types a table counts when it counts uses of an outcome for any offence (every row has an outcome
    type and none an offence code, as Hertfordshire's 'times Outcome 21 was used'); () otherwise."""
    if rows and all(r.get("outcome_type") and not r.get("offence_code") for r in rows):
        return tuple(sorted({r["outcome_type"] for r in rows}))
    return ()


def _not_additive(resource: dict) -> str:
    """The curator's note on why a table's figures are not to be added up, or "" when they may be or no note is given."""
    sums = resource.get("foi:sums") or {}
    return sums.get("note", "") if sums.get("additive") is False else ""


def _applies(target: str, titles: dict) -> str:
    """What a caveat applies to, in words: the whole response, a question, a table or a column of a table."""
    kind, _, rest = target.partition(":")
    if kind == "package":
        return "the whole response"
    if kind == "question":
        return f"question {rest}"
    table, _, column = rest.partition(".")
    return f"the table “{titles.get(table, table)}”"


def differences(answers: list[Answer]) -> list[str]:
    """Plain statements of what differs between the answers and so blocks a like-for-like comparison."""
    out = []
    periods = sorted({(p["start"], p["end"]) for a in answers for r in a.released if (p := r.period)})
    if len(periods) > 1:
        out.append("The figures cover different periods: " + "; ".join(f"{s} to {e}" for s, e in periods) + ".")
    systems = sorted({r.system for a in answers for r in a.released if r.system})
    if len(systems) > 1:
        out.append("They come from different recording systems: " + ", ".join(systems) + ".")
    measures = sorted({r.measure for a in answers for r in a.released})
    if len(measures) > 1:
        out.append("They count different things: " + "; ".join(measures) + ".")
    every = [c for a in answers for c in a.caveats + [c for r in a.released for c in r.caveats]]
    kinds = sorted({c["kindTitle"] for c in every if c.get("kind") not in pagekit.OUR_CHECKS})
    if kinds:
        out.append("The forces' own caveats include: " + "; ".join(kinds) + ".")
    if any(c.get("kind") in pagekit.OUR_CHECKS for c in every):
        out.append("Our own check found a stated total that does not equal the figures listed under it; see that response's caveats.")
    if len({a.request["force"]["code"] for a in answers}) > 1:
        out.append("Different forces record and search their data in different ways; a number from one force is not a share of "
                   "any national figure, and no total across forces is given here.")
    return out


def on_topics(answer: Answer, topics: list[str]) -> Answer:
    """One request as a comparison page of `topics` shows it: the figures that are about those topics.

    A topic about one Home Office outcome type (topics.csv outcome_type, e.g. Outcome 21) is about the values recorded
    under that type, not about every table of a request on it: when every topic the request shares with the page is
    such a topic, only those values are shown (from any table, by the row's outcome type), and the page says plainly
    when the response gives none. A request on any other topic of the page shows everything it released, as before."""
    shared = [t["code"] for t in answer.request["topics"] if t["code"] in topics]
    titles = [TOPICS.get(t, {}).get("title") or t for t in shared]
    types = {TOPICS.get(t, {}).get("outcome_type", "") for t in shared}
    if "" in types or not types:
        return replace(answer, shown_for=titles, released=[_off_topic(r, topics) for r in answer.released])
    wanted = " or ".join(f"outcome type {t}" for t in sorted(types, key=lambda t: (len(t), t)))
    released = [replace(r, figures=figs, more=r.rows - len(figs), charts=[], sums_note="")
                for r in answer.released if (figs := [f for f in r.typed if f.outcome_type in types])]
    if released:
        note = (f"Only the values recorded under {wanted} are shown here; the request’s other figures are on its page.")
    else:
        note = f"The response gives no figure recorded under {wanted}."
    return replace(answer, released=released, shown_for=titles, topic_note=note)


def _off_topic(table: Released, topics: list[str]) -> Released:
    """The table, saying so when it counts every use of an outcome type, for any offence, on a page whose topics are
    not about that outcome type (Hertfordshire's Outcome 21 count on the indecent-images page)."""
    page_types = {TOPICS.get(t, {}).get("outcome_type", "") for t in topics}
    if not table.outcome_only or set(table.outcome_only) & page_types:
        return table
    named = [next((row["title"] for row in TOPICS.values() if row.get("outcome_type") == t), f"Home Office outcome type {t}")
             for t in table.outcome_only]
    about = " or ".join((TOPICS.get(t, {}).get("title") or t).lower() for t in topics)
    return replace(table, off_topic=f"All uses of {' and '.join(named)}, for any offence: not a count of {about}.")


def topic_page(slug: str, title: str, topics: list[str], answers: list[Answer]) -> str:
    """The comparison page of one topic: every request on it, side by side, caveats beside the numbers."""
    return next(iter(topic_pages(slug, title, topics, answers, per_page=max(1, len(answers))).values()))


def topic_pages(slug: str, title: str, topics: list[str], answers: list[Answer], per_page: int | None = None, memo=None,
                keys: dict | None = None) -> dict[str, str]:
    """The comparison pages of one topic (compare/<slug>/, then page/2/, ...: COMPARED to a page, scripts/site/paginate.py).

    `memo(parts, make)` may keep a page under what it shows (`keys`: each request's summary key; scripts/site/render.py)."""
    from .paginate import paginate
    memo, keys = memo or pagekit.unkept, keys or {}
    chosen = [on_topics(a, topics) for a in answers if {t["code"] for t in a.request["topics"]} & set(topics)]
    stated = differences(chosen)
    pages = {}
    for p in paginate(chosen, f"compare/{slug}.md", per_page or COMPARED):
        heading = f"Compare: {title}" + (f", page {p.number} of {p.count}" if p.number > 1 else "")
        parts = ("compare", slug, p.key, heading, stated, STATUS_WORDS, [TOPICS.get(t) for t in topics],
                 [keys.get(a.name, a.name) for a in p.items])
        pages[p.path] = memo(parts, lambda p=p, heading=heading: pagekit.markdown_page(
            htmllib.escape(heading), "analyst/compare.html.j2", wide=True, heading=heading, answers=list(p.items), differences=stated,
            status_words=STATUS_WORDS, status_line=_status_line, depth=p.root.count("../"), pager=p))
    return pages


def _status_line(questions: list[dict], partial_text: bool = False) -> str:
    """The request page's status line ('3 questions: 2 answered in an attachment we do not have, 1 exempt.')."""
    return pagekit.status_line(questions, partial_text)


def family_questions(answers: list[Answer]) -> list[dict]:
    """The family's questions in order, each with every member's answer (matched by question id)."""
    order: list[str] = []
    texts: dict[str, str] = {}
    for a in answers:
        for q in a.questions:
            if q["question_id"] not in texts:
                order.append(q["question_id"])
                texts[q["question_id"]] = q["text"]
    return [{"id": qid, "text": texts[qid],
             "answers": [next((q for q in a.questions if q["question_id"] == qid), None) for a in answers]} for qid in order]


def family_page(family: str, answers: list[Answer]) -> str:
    """A round-robin request's family: each force's answer to each question side by side, then what each released."""
    return pagekit.markdown_page(htmllib.escape(f"Family: {family}"), "analyst/family.html.j2", wide=True, heading=f"Same request, several forces: {family}",
                                 family=family, answers=answers, questions=family_questions(answers), differences=differences(answers),
                                 status_words=STATUS_WORDS, depth=2)


def families(answers: list[Answer]) -> dict[str, list[Answer]]:
    """Requests grouped by their family slug, in a stable order (family name, then force, then request)."""
    out: dict[str, list[Answer]] = {}
    for a in sorted(answers, key=lambda a: (a.request["force"]["title"], a.name)):
        if a.request.get("family"):
            out.setdefault(a.request["family"], []).append(a)
    return dict(sorted(out.items()))


def index_page(answers: list[Answer], groups: dict[str, list[Answer]]) -> str:
    """compare/index.md: the topic comparisons and the families."""
    topics = [(slug, title, sum(1 for a in answers if {t["code"] for t in a.request["topics"]} & set(codes)))
              for slug, title, codes in COMPARISONS]
    return pagekit.markdown_page("Compare forces", "analyst/compare_index.html.j2", heading="Compare forces", topics=topics,
                                 families=groups, depth=1)


def chart_figures(request: str, resource: dict, rows: list[dict], depth: int, where: str = "") -> str:
    """The charts of one table as HTML figures (SVG image, caption, text alternative), for the request page; `where` is
    the address of the response text from that page, for the source line links."""
    found = charts.table_charts(request, resource, rows)
    return pagekit.html("analyst/charts.html.j2", charts=found, depth=depth, where=where) if found else ""


def exports_links(name: str, prefix: str) -> str:
    """The SQLite and Excel downloads of the combined package, for the data page (written beside MkDocs: catalog.json has their hashes)."""
    labels = {"sqlite": "SQLite database", "xlsx": "Excel workbook"}
    return pagekit.html("analyst/exports.html.j2", formats=EXPORTS, name=name, labels=labels, prefix=prefix)
