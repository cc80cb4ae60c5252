"""Static SVG bar charts of a table's counts (by age, year, platform, outcome), made at build time with a text alternative.

A chart only ever shows values the force stated, one bar per row of the tidy table; it never adds values up.
Blank and suppressed cells get no bar and say so; nil is a bar of 0 labelled "nil". Charts are drawn with leather
(wireservice's small SVG charting library): about 2 ms a chart, where matplotlib took 120 ms, which at thousands of
requests was most of the build. The SVG bytes are the same on every build (no ids, no dates, system fonts).
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import leather

from .pagekit import read_rows

TOTAL = "Total"
CHARTABLE = re.compile(r"(^|_)(age|ages|age_band|year|years|keyword|platform|outcome)($|_)")
FIXED = {"value", "status", "is_total", "line", "sheet", "cell", "page", "offence_code"}
MAX_PANELS = 3
PANEL_BARS = 3  # a panel (one slice of a table without a margin) of two bars says nothing the table beside it does not
COLOUR = "#3949ab"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"  # the reader's own fonts: no download
THEME = {"background_color": "#ffffff", "margin": 0.02, "default_series_colors": [COLOUR], "label_color": "#222",
         "axis_title_color": "#222", "tick_color": "#e6e6e6", "zero_color": "#555", "tick_font_family": FONT,
         "axis_title_font_family": FONT, "tick_font_size": 15, "axis_title_font_size": 15, "tick_font_char_width": 8.3,
         "tick_font_char_height": 15, "axis_title_font_char_height": 15, "axis_title_font_char_width": 8.3,
         "axis_title_gap": 12}
# px: chart width (at least), one bar's band, axis and margins, and the least room left for the bars. Narrow, with
# large type, so that on a phone (shrunk to about 360 px) the labels are still about 10 px high.
WIDTH, ROW, FRAME, BARS = 560, 28, 80, 220
LABEL_CHARS = 36  # a longer label is shortened in the picture (with "…"); the text alternative and the table keep it whole
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
        if len({r[dim] for r in marginal}) >= 2:
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
    for n, (key, members) in enumerate(g for g in groups.items() if len({r[dim] for r in g[1]}) >= PANEL_BARS):
        if n == MAX_PANELS:
            break
        held = tuple(zip(free, key)) + tuple((o, TOTAL) for o in held_cols)
        charts.append(_chart(request, resource, dim, held, members, f"{dim}-{n + 1}", rows))
    return charts


def _chart(request, resource, dim, held, rows, slug, table_rows=()) -> Chart:
    bars = tuple(Bar(r[dim], int(r["value"]) if r["value"] != "" else None, r["status"], where(r)) for r in rows)
    field = next((f for f in resource["schema"]["fields"] if f["name"] == dim), {})
    note = f"{field.get('title', dim)}: {field['description']}" if field.get("description") else ""
    totals = [r for r in table_rows if r[dim] == TOTAL and all(r[k] == v for k, v in held)]
    left_out = " ".join(f"Not drawn: the force's total, {r['value'] or STATUS_WORDS.get(r['status'], r['status'])} ({where(r)}), "
                        "which adds up the bars, so it would dwarf them and count them twice." for r in totals)
    total_bars = tuple(Bar(TOTAL, int(r["value"]) if r["value"] != "" else None, r["status"], where(r)) for r in totals)
    return Chart(request, resource["name"], slug, dim, held, bars, resource.get("foi:measure", "Count"), note, left_out,
                 total_bars)


def svg_bytes(chart: Chart) -> bytes:
    """The chart as SVG: horizontal bars, each labelled with its published value or why it has none."""
    labels = _labels(chart.bars)
    top = max([b.value or 0 for b in chart.bars] + [1])
    step = _step(top)
    ticks = list(range(0, top + step, step))
    # Leather sets the left margin by the longest label: widen the chart so the bars keep at least BARS px.
    left = max(len(label) for label in labels) * THEME["tick_font_char_width"] + 8
    width = max(WIDTH, round((left + BARS) / (1 - 2 * THEME["margin"])))
    bars = width * (1 - 2 * THEME["margin"]) - left
    for name, value in THEME.items():  # leather keeps its style in module globals: set before anything is made
        setattr(leather.theme, name, value)
    c = leather.Chart()
    c.set_x_scale(_scale(ticks[-1] * 1.08))  # room past the last tick for its label
    c.add_x_axis(ticks=ticks, tick_formatter=lambda v, i, n: f"{int(v):,}",
                 name=_short(chart.measure, int(bars // THEME["axis_title_font_char_width"])))
    values = [None if b.status in ("blank", "suppressed") else b.value or 0 for b in chart.bars]
    if all(v is None for v in values):
        values = [0] * len(values)  # leather needs one number: every bar is then drawn 0 wide, that is, not at all
    c.add_bars(list(zip(values, labels)))
    group = c.to_svg_group(width, FRAME + ROW * len(chart.bars))
    root = ET.Element("svg", width=str(width), height=str(FRAME + ROW * len(chart.bars)), version="1.1", xmlns="http://www.w3.org/2000/svg")
    root.append(group)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8")


@cache
def _scale(top: float) -> leather.Linear:
    """The x scale from 0 to `top`, made once per `top`: leather searches its nice bounds for 4 ms each time, and the
    charts share a few dozen tops (their last tick, a round number, times 1.08). A scale is never changed once made."""
    return leather.Linear(0, top)


def _labels(bars: tuple[Bar, ...]) -> list[str]:
    """Each bar's label, shortened, with its value as published or why it has none; numbered when two would read alike."""
    words = [str(b.value) if b.status == "reported" else f"{b.value} (nil)" if b.status == "nil" else STATUS_WORDS[b.status] for b in bars]
    labels = [f"{_short(b.label, LABEL_CHARS)}: {w}" for b, w in zip(bars, words)]
    if len(set(labels)) < len(labels):  # two alike: number them, or leather would draw them on one band
        labels = [f"{n}. {label}" for n, label in enumerate(labels, 1)]
    return labels


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _step(top: int) -> int:
    """A round tick step (1, 2 or 5 times a power of ten) giving at most five intervals up to `top`."""
    power = 1
    while True:
        for m in (1, 2, 5):
            if m * power * 5 >= top:
                return m * power
        power *= 10


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
