"""Static SVG bar charts of a table's counts (by age, year, platform, outcome), made at build time with a text alternative.

A chart only ever shows values the force stated, one bar per row of the tidy table; it never adds values up.
Blank and suppressed cells get no bar and say so; nil is a bar of 0 labelled "nil". The SVG is written directly with
ElementTree (a label line and a bar per row need no charting library; leather, used before, put labels beside the
bars, which made the chart too wide to read on a phone). The SVG bytes are the same on every build (no ids, no dates,
system fonts).
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

from .pagekit import read_rows

TOTAL = "Total"
CHARTABLE = re.compile(r"(^|_)(age|ages|age_band|year|years|keyword|platform|outcome)($|_)")
FIXED = {"value", "status", "is_total", "line", "sheet", "cell", "page", "offence_code"}
MAX_PANELS = 3
PANEL_BARS = 3  # a panel (one slice of a table without a margin) of two bars says nothing the table beside it does not
COLOUR = "#3949ab"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"  # the reader's own fonts: no download
# px: chart width, type size, one bar's band (its label line and its bar), the bar's height, and the margin. Shown at
# most WIDTH px wide (docs/assets/site.css), so labels are FONT_SIZE px on a wide screen and 14 * 358 / 400 = 12.5 px
# in a 390 px phone's column (tests/test_chart_browser.py measures them in Chromium).
WIDTH, FONT_SIZE, ROW, BAR, PAD = 400, 14, 38, 12, 6
# A label too long for its line is shortened in the picture (with "…") to leave room for its value (_fit); the text
# alternative and the table keep it whole.
STATUS_WORDS = {"blank": "blank in the source", "suppressed": "suppressed", "nil": "nil"}


@dataclass(frozen=True)
class Bar:
    """One row of the table drawn as a bar: its label, value as published (None when withheld), status and line."""

    label: str
    value: int | None
    status: str
    line: str

    @property
    def shown(self) -> str:
        """The value as published, or in words why there is none."""
        return str(self.value) if self.value is not None and self.status not in ("blank", "suppressed") else STATUS_WORDS[self.status]

    @property
    def line_no(self) -> str:
        """The response-text line the value stands on, or "" when it stands on a PDF page or in a spreadsheet cell."""
        return line_number(self.line)

    def text(self) -> str:
        """The bar in words, for the text alternative."""
        if self.status in ("blank", "suppressed"):
            return f"{self.label}: no value ({STATUS_WORDS[self.status]})"
        return f"{self.label}: {self.value}" + (" (nil)" if self.status == "nil" else "")


@dataclass(frozen=True)
class Chart:
    """A bar chart of one dimension of one table, with the other dimensions held at the values named in `held`."""

    request: str
    table: str
    slug: str
    dimension: str
    held: tuple[tuple[str, str], ...]
    bars: tuple[Bar, ...]
    measure: str
    note: str = ""
    left_out: str = ""  # the rows of the table this chart does not draw, and why, in words
    totals: tuple[Bar, ...] = ()  # those rows (the force's totals), so that a page can link each to where it stands

    @property
    def caption(self) -> str:
        """What the chart shows, in words: the measure by the dimension, and what the other dimensions are held at."""
        held = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in self.held if v != TOTAL)
        return f"{self.measure} by {self.dimension.replace('_', ' ')}" + (f" ({held})" if held else "")

    @property
    def alt(self) -> str:
        """A text alternative that carries every number the chart shows."""
        return f"Bar chart. {self.caption}: " + "; ".join(b.text() for b in self.bars) + "."

    @property
    def filename(self) -> str:
        return f"{self.table}--{self.slug}.svg"

    def total_words(self, total: Bar) -> str:
        """Why a force's total is not drawn, and whether it equals the sum of the bars (checked, never assumed)."""
        return total_words(total, self.bars)


def total_words(total: Bar, bars: tuple[Bar, ...]) -> str:
    """'which adds up the bars, ...' only where it does; 'which does not equal the sum of the bars (244)' where it does
    not; and neither where a bar or the total has no value to check."""
    values = [b.value for b in bars if b.status in ("reported", "nil")]
    if total.value is None or total.status not in ("reported", "nil") or len(values) != len(bars) or None in values:
        return "which the force gives for these bars, so it would dwarf them and count them twice"
    parts = sum(values)
    if parts == total.value:
        return "which adds up the bars, so it would dwarf them and count them twice"
    return f"which does not equal the sum of the bars ({parts}), so it would dwarf them and count them twice"


def line_number(where_text: str) -> str:
    """The response-text line a `where` names ("line 39" gives "39"), or "" when the value stands on a page or in a cell."""
    found = re.fullmatch(r"line (\d+)", where_text)
    return found.group(1) if found else ""


def where(row: dict) -> str:
    """Where a value stands: its page and line of a PDF, its sheet and cell, or its line of the response text."""
    if row.get("page"):
        return f"page {row['page']}" + (f", line {row['line']}" if row.get("line") else "")
    if row.get("cell"):
        return f"sheet {row.get('sheet', '')}, cell {row['cell']}"
    return f"line {row['line']}" if row.get("line") else ""


def dimensions(resource: dict) -> list[str]:
    """The table's dimensions, outer to inner as the force laid them out (rows, then columns)."""
    layout = resource.get("foi:layout")
    if layout:
        return list(layout["rows"]) + list(layout["columns"])
    return [f["name"] for f in resource["schema"]["fields"] if f["name"] not in FIXED]


def table_charts(request: str, resource: dict, rows: list[dict]) -> list[Chart]:
    """Every chart worth drawing for one table: per chartable dimension, the force's stated values across it."""
    dims = dimensions(resource)
    columns = set((resource.get("foi:layout") or {}).get("columns", []))
    charts = []
    for dim in (d for d in dims if CHARTABLE.search(d)):
        others = [d for d in dims if d != dim]
        marginal = [r for r in rows if r[dim] != TOTAL and all(r[o] == TOTAL for o in others)]
        # A stated total over parts the force withheld ("Sum: 0" beside a "*") is not drawn as a bar: read alone it says
        # "none"; the groups are drawn instead, where each withheld cell says so.
        withheld = any(r["status"] == "suppressed" and r[dim] != TOTAL and any(r[o] != TOTAL for o in others) for r in rows)
        if len({r[dim] for r in marginal}) >= 2 and not withheld:
            charts.append(_chart(request, resource, dim, tuple((o, TOTAL) for o in others), marginal, dim, rows))
            continue
        charts += _panels(request, resource, dim, others, columns, rows)
    return charts


def _panels(request, resource, dim, others, columns, rows) -> list[Chart]:
    """Where the force gives no margin for `dim`, one chart per combination of the other row labels (columns at Total)."""
    held_cols = [o for o in others if o in columns and any(r[o] == TOTAL for r in rows)]
    free = [o for o in others if o not in held_cols]
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        if r[dim] != TOTAL and all(r[o] == TOTAL for o in held_cols) and all(r[o] != TOTAL for o in free):
            groups.setdefault(tuple(r[o] for o in free), []).append(r)
    charts = []
    drawable = [g for g in groups.items() if len({r[dim] for r in g[1]}) >= PANEL_BARS]
    for n, (key, members) in enumerate(drawable[:MAX_PANELS]):
        held = tuple(zip(free, key)) + tuple((o, TOTAL) for o in held_cols)
        charts.append(_chart(request, resource, dim, held, members, f"{dim}-{n + 1}", rows))
    if len(drawable) > MAX_PANELS:  # the rest are left out: the last chart says so, and where they are
        extra = len(drawable) - MAX_PANELS
        more = f"Not drawn: {extra} more group{'s' if extra > 1 else ''} of {' and '.join(f.replace('_', ' ') for f in free)} " \
               f"(only the first {MAX_PANELS} are charted, to keep the page short); the table gives every value."
        charts[-1] = replace(charts[-1], left_out=f"{charts[-1].left_out} {more}".strip())
    return charts


def _chart(request, resource, dim, held, rows, slug, table_rows=()) -> Chart:
    bars = tuple(Bar(r[dim], int(r["value"]) if r["value"] != "" else None, r["status"], where(r)) for r in rows)
    field = next((f for f in resource["schema"]["fields"] if f["name"] == dim), {})
    note = f"{field.get('title', dim)}: {field['description']}" if field.get("description") else ""
    totals = [r for r in table_rows if r[dim] == TOTAL and all(r[k] == v for k, v in held)]
    total_bars = tuple(Bar(TOTAL, int(r["value"]) if r["value"] != "" else None, r["status"], where(r)) for r in totals)
    left_out = " ".join(f"Not drawn: the force's total, {r['value'] or STATUS_WORDS.get(r['status'], r['status'])} ({where(r)}), "
                        f"{total_words(b, bars)}." for r, b in zip(totals, total_bars))
    return Chart(request, resource["name"], slug, dim, held, bars, resource.get("foi:measure", "Count"), note, left_out,
                 total_bars)


def svg_bytes(chart: Chart) -> bytes:
    """The chart as SVG: one horizontal bar per row, its label and published value (or why it has none) on the line above.

    Labels stand above their bars, not beside them, so the chart can be narrow: WIDTH px with FONT_SIZE px type, shown
    at most that wide, keeps labels at least 11 px high in a 390 px phone's column (about 358 px wide) and FONT_SIZE
    px on a wide screen. A viewBox lets the browser scale it as one picture.
    """
    labels = _labels(chart.bars)
    top = max([b.value or 0 for b in chart.bars] + [1])
    height = PAD * 2 + ROW * len(chart.bars)
    root = ET.Element("svg", width=str(WIDTH), height=str(height), viewBox=f"0 0 {WIDTH} {height}", version="1.1",
                      xmlns="http://www.w3.org/2000/svg")
    ET.SubElement(root, "rect", x="0", y="0", width=str(WIDTH), height=str(height), fill="#ffffff")
    g = ET.SubElement(root, "g", {"font-family": FONT, "font-size": str(FONT_SIZE), "fill": "#222"})
    span = WIDTH - 2 * PAD
    for n, (bar, label) in enumerate(zip(chart.bars, labels)):
        y = PAD + n * ROW
        ET.SubElement(g, "text", x=str(PAD + 4), y=str(y + FONT_SIZE)).text = label
        if bar.status in ("blank", "suppressed"):
            continue  # no bar: its label says why
        wide = round((bar.value or 0) / top * span, 2)
        ET.SubElement(g, "rect", x=str(PAD), y=str(y + FONT_SIZE + 5), width=_num(wide), height=str(BAR), fill=COLOUR)
    ET.SubElement(root, "line", x1=str(PAD), y1=str(PAD), x2=str(PAD), y2=str(height - PAD), stroke="#555")  # the zero line
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _labels(bars: tuple[Bar, ...]) -> list[str]:
    """Each bar's label, shortened to fit its line, with its value as published or why it has none; numbered when two
    would read alike."""
    words = [str(b.value) if b.status == "reported" else f"{b.value} (nil)" if b.status == "nil" else STATUS_WORDS[b.status] for b in bars]
    labels = [_fit(b.label, f": {w}") for b, w in zip(bars, words)]
    if len(set(labels)) < len(labels):  # two alike: number them, so a reader can tell the bars apart
        labels = [f"{n}. {_fit(b.label, f': {w}', f'{n}. ')}" for n, (b, w) in enumerate(zip(bars, words), 1)]
    return labels


def _fit(label: str, tail: str, head: str = "") -> str:
    """The label, shortened with "…" where needed, so that head + label + tail fits the chart's line at FONT_SIZE."""
    room = WIDTH - 2 * PAD - 8
    if _width(head + label + tail) <= room:
        return label + tail
    n = len(label)
    while n > 1 and _width(head + label[: n - 1].rstrip() + "…" + tail) > room:
        n -= 1
    return label[: n - 1].rstrip() + "…" + tail


def _width(text: str) -> float:
    """A generous estimate of the text's width in px at FONT_SIZE in a sans-serif face (capitals and W/M widest)."""
    em = 0.0
    for ch in text:
        em += 0.95 if ch in "MWmw" else 0.75 if ch.isupper() else 0.3 if ch in " .,:;'|!il()[]" else 0.6
    return em * FONT_SIZE


def request_charts(packages: Path, name: str, descriptor: dict | None = None) -> list[Chart]:
    """Every chart of one built request package (its descriptor, when already read), table by table in package order."""
    descriptor = descriptor or json.loads((packages / name / "datapackage.json").read_text(encoding="utf-8"))
    charts = []
    for resource in descriptor["resources"]:
        if "foi:measure" in resource:
            charts += table_charts(name, resource, read_rows(packages / name / resource["path"]))
    return charts


def write_svg(chart: Chart, target: Path) -> None:
    target.write_bytes(svg_bytes(chart))


def write_charts(out: Path, charts: dict[str, list[Chart]], draw=None) -> dict[tuple[str, str], list[Chart]]:
    """Write out/charts/<request>/<table>--<slug>.svg for every request's charts; return the charts by (request, table).

    `draw(chart, target)` writes a chart's SVG file (default `write_svg`; the build links the ones it keeps, scripts/site/pagecache.py).
    """
    draw = draw or write_svg
    found: dict[tuple[str, str], list[Chart]] = {}
    for name, drawn in charts.items():
        if drawn:
            (out / "charts" / name).mkdir(parents=True, exist_ok=True)
        for chart in drawn:
            draw(chart, out / "charts" / name / chart.filename)
            found.setdefault((name, chart.table), []).append(chart)
    return found
