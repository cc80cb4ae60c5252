"""Synthetic tables in every layout the data model supports, printed as forces print them, with tidy rows that cite their lines.

Each generator returns a Draft: the lines to put into response.txt, the tidy rows (labels, value, status, index of
the line within the draft) and the table's description for request.yaml. Totals are sums of the true values; a
value printed blank or as Nil is a true zero, a suppressed one keeps its true value in the totals, as forces do.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import words

TOTAL = "Total"
MAX_ROWS = 80


@dataclass
class Draft:
    """One table as it will stand in the response and in request.yaml."""

    kind: str
    title: str
    measure: str
    dims: list[tuple[str, str, str]]  # (name, title, description)
    rows_layout: list[str]
    columns_layout: list[str]
    lines: list[str] = field(default_factory=list)
    rows: list[tuple[tuple[str, ...], int | None, str, int]] = field(default_factory=list)  # labels, value, status, line index
    mismatches: list[dict] = field(default_factory=list)
    source: str | None = None  # a held attachment (attachments/<name>.xlsx) when the rows cite its cells
    sheet: dict[str, str | int | tuple] = field(default_factory=dict)  # cell -> text, number, or (formula, cached value)

    @property
    def dim_names(self) -> list[str]:
        return [d[0] for d in self.dims]

    def labels_of(self, dim: str) -> set[str]:
        i = self.dim_names.index(dim)
        return {labels[i] for labels, *_ in self.rows if labels[i] != TOTAL}


def _count(rng: random.Random) -> int:
    """A count as forces report them: mostly small, sometimes in the hundreds or thousands."""
    roll = rng.random()
    return rng.randint(0, 9) if roll < 0.5 else rng.randint(10, 99) if roll < 0.9 else rng.randint(100, 2500)


def _shown(value: int, rng: random.Random) -> str:
    return f"{value:,}" if value >= 1000 and rng.random() < 0.5 else str(value)


def _cell(value: int, rng: random.Random, leaf: bool, allow_suppress: bool) -> tuple[str, int | None, str]:
    """How a cross-tab cell is printed: its text, the tidy value and status."""
    if value == 0:
        return ("", None, "blank") if rng.random() < 0.7 else ("0", 0, "reported")
    if leaf and allow_suppress and value < 5 and rng.random() < 0.3:
        return (rng.choice(["*", "<5"]), None, "suppressed")
    return _shown(value, rng), value, "reported"


# ---- cross-tabulations ---------------------------------------------------------------------


def nested(rng: random.Random, years: list[str]) -> Draft:
    """Outcome > offence > offender age by year, with a group heading per level and a grand total (Bedfordshire's layout)."""
    outcomes = rng.sample(words.OUTCOMES, rng.randint(1, 2))
    offences = rng.sample(words.OFFENCES, rng.randint(1, 3))
    ages = sorted(rng.sample(words.AGES, rng.randint(1, 4)), key=words.AGES.index)
    while (len(outcomes) * len(offences) * (len(ages) + 1) + len(outcomes) + 1) * (len(years) + 1) > MAX_ROWS:
        ages = ages[:-1] if len(ages) > 1 else ages
        offences = offences[:-1] if len(offences) > 1 else offences
        years = years[:-1] if len(years) > 1 else years
        if len(ages) == 1 and len(offences) == 1 and len(years) == 1:
            outcomes = outcomes[:1]
    d = Draft("crosstab", "Recorded crime where the offender was aged under 18, by outcome, offence, age and year", "Recorded offences",
              [("outcome", "Outcome", "Outcome of the offence as written by the force."),
               ("offence", "Offence", "Offence as written by the force."),
               ("offender_age", "Offender age", "Age of the offender in years, as written."),
               ("year", "Year", "Calendar year of the column.")], ["outcome", "offence", "offender_age"], ["year"])
    leaf = {(o, f[1], a, y): _count(rng) % 40 for o in outcomes for f in offences for a in ages for y in years}
    for o in outcomes:  # a row of only blank cells under a numeric label reads as a bare number: forces leave such rows out
        for _, f in offences:
            for a in ages:
                if not any(leaf[o, f, a, y] for y in years):
                    leaf[o, f, a, years[-1]] = rng.randint(1, 9)
    d.lines = [f"Recorded Crime: Offender Aged under 18 - {years[0]} to {years[-1]}",
               "\t".join(["OUTCOME/OFFENCE/OFFENDER AGE", *years, "Grand Total"])]

    def line(labels: tuple, heading: str, values: dict[str, int], is_leaf: bool) -> None:
        cells = []
        for y in years + [TOTAL]:
            text, value, status = _cell(values[y], rng, is_leaf and y != TOTAL, True)
            cells.append(text)
            d.rows.append((labels + (y,), value, status, len(d.lines)))
        d.lines.append("\t".join([heading, *cells]))

    def sums(match) -> dict[str, int]:
        out = {y: sum(v for k, v in leaf.items() if match(k) and k[3] == y) for y in years}
        return {**out, TOTAL: sum(out.values())}

    for o in outcomes:
        line((o, TOTAL, TOTAL), o, sums(lambda k, o=o: k[0] == o), False)
        for _, f in offences:
            line((o, f, TOTAL), f, sums(lambda k, o=o, f=f: k[0] == o and k[1] == f), False)
            for a in ages:
                line((o, f, a), a, sums(lambda k, o=o, f=f, a=a: k[:3] == (o, f, a)), True)
    line((TOTAL, TOTAL, TOTAL), "Grand Total", sums(lambda k: True), False)
    return d


def by_year(rng: random.Random, years: list[str]) -> Draft:
    """Offences (rows) by year (columns) with a total row and column, tab-separated."""
    offences = rng.sample(words.OFFENCES, rng.randint(1, 4))
    d = Draft("crosstab", "Offences recorded by year", "Recorded offences",
              [("offence", "Offence", "Offence as written by the force."), ("year", "Year", "Calendar year of the column.")],
              ["offence"], ["year"])
    values = {(f, y): _count(rng) for _, f in offences for y in years}
    d.lines = ["Offences recorded by year", "\t".join(["Offence", *years, "Total"])]
    for _, f in offences:
        _row(d, rng, (f,), f, [values[f, y] for y in years], years, "\t")
    _row(d, rng, (TOTAL,), "Total", [sum(values[f, y] for _, f in offences) for y in years], years, "\t", leaf=False)
    return d


def _row(d: Draft, rng, labels: tuple, heading: str, values: list[int], columns: list[str], sep: str, leaf: bool = True,
         total: bool = True) -> None:
    """One printed row of a one-level cross-tab: its cells and a total cell when the table has a total column."""
    cells = []
    all_values = values + [sum(values)] if total else values
    for col, value in zip(columns + ([TOTAL] if total else []), all_values):
        text, v, status = _cell(value, rng, leaf and col != TOTAL, True)
        cells.append(text)
        d.rows.append((labels + (col,), v, status, len(d.lines)))
    if sep == "|":
        d.lines.append("| " + " | ".join([heading, *cells]) + " |")
    else:
        d.lines.append(sep.join([heading, *cells]))


def age_by_gender(rng: random.Random) -> Draft:
    """Victim age bands by gender, as a pipe table (a PDF table converted to text), with totals."""
    bands = words.AGE_BANDS[: rng.randint(2, 4)]
    genders = words.GENDERS[: rng.randint(2, 3)]
    d = Draft("crosstab", "Victims by age band and gender", "Victims",
              [("age_band", "Age band", "Age of the victim at the time of the offence, as banded by the force."),
               ("gender", "Gender", "Gender of the victim as recorded.")], ["age_band"], ["gender"])
    values = {(b, g): _count(rng) % 50 for b in bands for g in genders}
    d.lines = ["Victims by age band and gender", "| " + " | ".join(["Age band", *genders, "Total"]) + " |",
               "|" + "---|" * (len(genders) + 2)]
    for b in bands:
        _row(d, rng, (b,), b, [values[b, g] for g in genders], genders, "|")
    _row(d, rng, (TOTAL,), "Total", [sum(values[b, g] for b in bands) for g in genders], genders, "|", leaf=False)
    return d


def two_level_columns(rng: random.Random, years: list[str]) -> Draft:
    """Age bands (rows) by year and gender (two header rows), no totals."""
    years = years[-2:]
    bands = words.AGE_BANDS[: rng.randint(2, 4)]
    genders = words.GENDERS[:2]
    d = Draft("crosstab", "Victims by age band, year and gender", "Victims",
              [("age_band", "Age band", "Age of the victim, as banded by the force."), ("year", "Year", "Calendar year."),
               ("gender", "Gender", "Gender of the victim as recorded.")], ["age_band"], ["year", "gender"])
    columns = [(y, g) for y in years for g in genders]
    d.lines = ["Victims by age band, year and gender", "\t".join(["AGE BAND", *[y for y, _ in columns]]),
               "\t".join(["", *[g for _, g in columns]])]
    for b in bands:
        cells = []
        for y, g in columns:
            text, v, status = _cell(_count(rng) % 30, rng, True, True)
            cells.append(text)
            d.rows.append(((b, y, g), v, status, len(d.lines)))
        d.lines.append("\t".join([b, *cells]))
    return d


# ---- lists and single figures --------------------------------------------------------------


def _list_value(rng: random.Random) -> tuple[str, int | None, str, int]:
    """A list entry's printed value, tidy value, status and true value."""
    roll = rng.random()
    if roll < 0.08:
        return "Nil Return", 0, "nil", 0
    if roll < 0.14:
        true = rng.randint(1, 4)
        return "*", None, "suppressed", true
    value = _count(rng)
    return _shown(value, rng), value, "reported", value


def keyword_list(rng: random.Random, count: int) -> Draft:
    """Platforms named in free text, one per line ("SNAPCHAT – 7 Offences"), sometimes with a stated total."""
    platforms = rng.sample(words.PLATFORMS, min(count, len(words.PLATFORMS)))
    d = Draft("list", "Offences whose free text mentions each platform", "Offences where the keyword is mentioned",
              [("keyword", "Keyword", "The keyword searched for, as written by the force.")], ["keyword"], [])
    d.lines = ["The number of offences where each keyword is mentioned:"]
    true_sum, suppressed = 0, False
    for p in platforms:
        text, value, status, true = _list_value(rng)
        suppressed |= status == "suppressed"
        true_sum += true
        d.rows.append(((p,), value, status, len(d.lines)))
        d.lines.append(f"{p} – {text} Offences" if status == "reported" else f"{p} – {text}")
    if rng.random() < 0.4:
        stated = true_sum
        if not suppressed and rng.random() < 0.3:
            stated += rng.randint(1, 3)
            d.mismatches.append({"total": {"keyword": TOTAL}, "over": "keyword",
                                 "note": "The force's stated total is as printed; the parts were counted separately."})
        d.rows.append(((TOTAL,), stated, "reported", len(d.lines)))
        d.lines.append(f"Total – {_shown(stated, rng)}")
    return d


def year_list(rng: random.Random, years: list[str]) -> Draft:
    """Counts labelled by year, one per line ("2019 – 45")."""
    d = Draft("list", "Offences recorded each year", "Recorded offences",
              [("year", "Year", "The year as the force wrote it.")], ["year"], [])
    d.lines = ["Recorded offences each year:"]
    for y in years:
        text, value, status, _ = _list_value(rng)
        d.rows.append(((y,), value, status, len(d.lines)))
        d.lines.append(f"{y} – {text}")
    return d


def grouped_list(rng: random.Random, years: list[str]) -> Draft:
    """Platforms listed under a heading per year: the year is a column label standing above its block."""
    platforms = rng.sample(words.PLATFORMS, rng.randint(2, 6))
    years = years[-2:]
    d = Draft("list", "Offences mentioning each platform, by year", "Offences where the platform is mentioned",
              [("platform", "Platform", "The platform as written by the force."), ("year", "Year", "The year of the heading.")],
              ["platform"], ["year"])
    for y in years:
        d.lines.append(f"Figures for {y}:")
        for p in platforms:
            text, value, status, _ = _list_value(rng)
            d.rows.append(((p, y), value, status, len(d.lines)))
            d.lines.append(f"{p} – {text}")
        d.lines.append("")
    return d


def month_list(rng: random.Random, years: list[str]) -> Draft:
    """A long list: one line per month ("March 2019 – 12"), from 24 up to 80 rows."""
    months = [f"{m} {y}" for y in range(int(years[0]) - 4, int(years[-1]) + 1) for m in words.MONTHS][-rng.randint(24, 80):]
    d = Draft("list", "Offences recorded each month", "Recorded offences",
              [("month", "Month", "The month as the force wrote it.")], ["month"], [])
    d.lines = ["Recorded offences by month:"]
    for m in months:
        text, value, status, _ = _list_value(rng)
        d.rows.append(((m,), value, status, len(d.lines)))
        d.lines.append(f"{m} – {text}")
    return d


def single(rng: random.Random) -> Draft:
    """One figure in a sentence."""
    measure = rng.choice(["total number of offences recorded during this period", "offences are currently recorded without victim details",
                          "number of crimes flagged as involving a child victim"])
    value = _count(rng)
    d = Draft("single", "The figure given", "Recorded offences",
              [("measure", "Measure", "What the figure counts, in the force's words.")], ["measure"], [])
    d.rows.append(((measure,), value, "reported", 0))
    d.lines = [f"The {measure} was {_shown(value, rng)}." if measure.startswith("total") or measure.startswith("number")
               else f"{_shown(value, rng)} {measure}."]
    return d


SHEET = "Figures"


def spreadsheet(rng: random.Random, years: list[str]) -> Draft:
    """Offences by year in a held XLSX attachment, totals as formulas with their saved values: rows cite sheet and cell."""
    from .xlsx import cell_name
    offences = rng.sample(words.OFFENCES, rng.randint(1, 5))
    d = Draft("crosstab", "Offences by year, from the attached spreadsheet", "Recorded offences",
              [("offence", "Offence", "Offence as written in the spreadsheet."), ("year", "Year", "The year of the column.")],
              ["offence"], ["year"], source="attachments/figures.xlsx")
    d.sheet = {cell_name(1, c + 1): text for c, text in enumerate(["Offence", *years, "Total"])}
    columns = [*years, TOTAL]
    for r, (_, offence) in enumerate(offences + [("", TOTAL)], start=2):
        d.sheet[cell_name(r, 1)] = offence
        for c, year in enumerate(columns, start=2):
            name = cell_name(r, c)
            if offence == TOTAL or year == TOTAL:
                span = f"{cell_name(2, c)}:{cell_name(r - 1, c)}" if offence == TOTAL else f"B{r}:{cell_name(r, c - 1)}"
                value = sum(_true(d, cell) for cell in _span(span))
                d.sheet[name] = (f"=SUM({span})", value)
                d.rows.append(((offence, year), value, "reported", name))
                continue
            value = _count(rng) % 60
            if value == 0 and rng.random() < 0.5:
                d.rows.append(((offence, year), None, "blank", name))
            elif 0 < value < 5 and rng.random() < 0.2:
                d.sheet[name] = ("*", value)
                d.rows.append(((offence, year), None, "suppressed", name))
            else:
                d.sheet[name] = value
                d.rows.append(((offence, year), value, "reported", name))
    return d


def _true(d: Draft, cell: str) -> int:
    """The true value behind a cell: a number, a formula's saved value, a suppressed count; a blank is 0."""
    content = d.sheet.get(cell, 0)
    return content[1] if isinstance(content, tuple) else content if isinstance(content, int) else 0


def _span(span: str) -> list[str]:
    from .xlsx import cell_name, parse_cell
    (r1, c1), (r2, c2) = (parse_cell(x) for x in span.split(":"))
    return [cell_name(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def make_tables(rng: random.Random, years: list[str], how_many: int) -> list[Draft]:
    """`how_many` tables of assorted layouts (rows from 1 to 80 each)."""
    makers = [lambda: nested(rng, years), lambda: by_year(rng, years), lambda: age_by_gender(rng),
              lambda: two_level_columns(rng, years), lambda: keyword_list(rng, rng.randint(1, 20)),
              lambda: year_list(rng, years), lambda: grouped_list(rng, years), lambda: single(rng),
              lambda: month_list(rng, years)]
    drafts = [rng.choice(makers)() for _ in range(how_many)]
    if how_many and rng.random() < 0.15:  # a held spreadsheet: one per request at most
        drafts.append(spreadsheet(rng, years))
    return drafts
