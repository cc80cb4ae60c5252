"""Static SVG bar charts of a table's counts (by age, year, platform, outcome), made at build time with a text alternative.

A chart only ever shows values the force stated, one bar per row of the tidy table; it never adds values up.
Blank and suppressed cells get no bar and say so; nil is a bar of 0 labelled "nil". The SVG bytes are the
same on every build (fixed hash salt, no date, a font shipped with matplotlib, drawn as paths).
"""
from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TOTAL = "Total"
CHARTABLE = re.compile(r"(^|_)(age|ages|age_band|year|years|keyword|platform|outcome)($|_)")
FIXED = {"value", "status", "is_total", "line", "sheet", "cell", "page", "offence_code"}
MAX_PANELS = 3
STYLE = {"svg.hashsalt": "foi-charts", "svg.fonttype": "path", "font.family": "DejaVu Sans", "font.size": 9,
         "axes.spines.top": False, "axes.spines.right": False}
COLOUR = "#3949ab"
STATUS_WORDS = {"blank": "blank in the source", "suppressed": "suppressed", "nil": "nil"}


@dataclass(frozen=True)
class Bar:
    """One row of the table drawn as a bar: its label, value as published (None when withheld), status and line."""

    label: str
    value: int | None
    status: str
    line: str

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


def where(row: dict) -> str:
    """Where a value stands: its line of a text, or its sheet and cell, or its page."""
    if row.get("line"):
        return f"line {row['line']}"
    if row.get("cell"):
        return f"sheet {row.get('sheet', '')}, cell {row['cell']}"
    return f"page {row['page']}" if row.get("page") else ""


def read_rows(path: Path) -> list[dict]:
    """A built table CSV as a list of dicts of text."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


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
            charts.append(_chart(request, resource, dim, tuple((o, TOTAL) for o in others), marginal, dim))
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
    for n, (key, members) in enumerate(g for g in groups.items() if len({r[dim] for r in g[1]}) >= 2):
        if n == MAX_PANELS:
            break
        held = tuple(zip(free, key)) + tuple((o, TOTAL) for o in held_cols)
        charts.append(_chart(request, resource, dim, held, members, f"{dim}-{n + 1}"))
    return charts


def _chart(request, resource, dim, held, rows, slug) -> Chart:
    bars = tuple(Bar(r[dim], int(r["value"]) if r["value"] != "" else None, r["status"], where(r)) for r in rows)
    field = next((f for f in resource["schema"]["fields"] if f["name"] == dim), {})
    note = f"{field.get('title', dim)}: {field['description']}" if field.get("description") else ""
    return Chart(request, resource["name"], slug, dim, held, bars, resource.get("foi:measure", "Count"), note)


def svg_bytes(chart: Chart) -> bytes:
    """The chart as SVG: horizontal bars, each labelled with its published value or why it has none."""
    labels = ["\n".join(textwrap.wrap(b.label, 38)) or " " for b in chart.bars]
    values = [b.value or 0 for b in chart.bars]
    height = 0.9 + 0.42 * len(chart.bars) + 0.12 * sum(label.count("\n") for label in labels)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.4, height))
        positions = list(range(len(chart.bars)))[::-1]
        ax.barh(positions, values, color=COLOUR, height=0.6)
        ax.set_yticks(positions, labels)
        top = max(values + [1])
        ax.set_xlim(0, top * 1.25)
        for pos, bar in zip(positions, chart.bars):
            word = str(bar.value) if bar.status == "reported" else f"{bar.value} (nil)" if bar.status == "nil" else STATUS_WORDS[bar.status]
            ax.text((bar.value or 0) + top * 0.02, pos, word, va="center")
        ax.set_xlabel(textwrap.fill(chart.measure, 70))
        ax.xaxis.get_major_locator().set_params(integer=True)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "matplotlib (FOI open data build)"})
        plt.close(fig)
    return buf.getvalue()


def request_charts(packages: Path, name: str) -> list[Chart]:
    """Every chart of one built request package, table by table in package order."""
    descriptor = json.loads((packages / name / "datapackage.json").read_text(encoding="utf-8"))
    charts = []
    for resource in descriptor["resources"]:
        if "foi:measure" in resource:
            charts += table_charts(name, resource, read_rows(packages / name / resource["path"]))
    return charts


def write_charts(packages: Path, out: Path, names: list[str], draw=None) -> dict[tuple[str, str], list[Chart]]:
    """Write out/charts/<request>/<table>--<slug>.svg for every request; return the charts by (request, table).

    `draw` makes a chart's SVG bytes (default `svg_bytes`; the build passes a cache of them, scripts/pagecache.py).
    """
    draw = draw or svg_bytes
    found: dict[tuple[str, str], list[Chart]] = {}
    for name in names:
        for chart in request_charts(packages, name):
            target = out / "charts" / name / chart.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(draw(chart))
            found.setdefault((name, chart.table), []).append(chart)
    return found
