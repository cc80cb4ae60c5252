"""Constructed tables rendered in every layout the extractor reads (tab, pipe, aligned, single-spaced, comma, one cell
a line three ways, slash), with the header changed as real responses change it. Not a test module: the shape tests
(test_extract_shape_layouts.py, test_extract_shape_headers.py, test_extract_pdf_shapes.py) measure them."""
from __future__ import annotations

FIXTURE = "CONSTRUCTED TEST FIXTURE: not a police response.\n\nThe figures are below.\n\n{}\n\nEnd of response.\n"

TABLES = {
    "years-cols": (["Offence", "2018", "2019", "2020"], [["Rape", "12", "15", "9"], ["Sexual assault", "30", "28", "33"],
                                                         ["Total", "42", "43", "42"]]),
    "words-cols-year-rows": (["Year", "Received", "Completed", "Overdue"], [["2018", "1200", "1100", "100"],
                                                                            ["2019", "1300", "1250", "50"]]),
    "fy-rows": (["Financial year", "Number of cases"], [["2018/19", "4"], ["2019/20", "6"], ["2020/21", "2"]]),
    "two-cols-words": (["Outcome", "Number"], [["Charged", "4"], ["Cautioned", "6"], ["No further action", "12"]]),
    "fy-cols-words-rows": (["", "2018/19", "2019/20", "2020/21"], [["Referrals", "4", "6", "2"],
                                                                   ["Prosecutions", "1", "0", "1"]]),
    "year-cols-total-col": (["Type", "2019", "2020", "Total"], [["Received", "100", "120", "220"],
                                                                ["Refused", "10", "12", "22"]]),
    "blank-cells": (["Offence", "2019", "2020", "2021"], [["Rape", "12", "", "9"], ["Assault", "30", "28", "33"],
                                                          ["Other", "", "4", ""]]),
    "age-bands": (["Age", "Male", "Female"], [["Under 10", "3", "5"], ["10-17", "12", "15"], ["18 and over", "30", "28"]]),
    "section-rows": (["Legislation", "2019", "2020"], [["Section 1", "4", "6"], ["Section 47", "10", "12"]]),
    "month-cols": (["Offence", "January", "February", "March"], [["Rape", "1", "2", "3"], ["Assault", "4", "5", "6"]]),
    "long-labels": (["Offence", "2019", "2020"], [["Sexual activity with a child under 13", "4", "6"],
                                                  ["Causing a child to watch a sexual act", "1", "0"]]),
    "number-labels": (["Age", "2019", "2020", "2021"], [["13", "1", "", "6"], ["14", "3", "2", ""], ["15", "", "5", "4"]]),
    "words-then-number-labels": (["", "2019", "2020", "2021"], [["Male", "4", "", "6"], ["13", "1", "2", ""],
                                                                 ["14", "3", "", "5"]]),
    "big-numbers": (["Force area", "2019", "2020"], [["North", "1,234", "1,456"], ["South", "987", "1,002"]]),
}
LAYOUTS = ("tab", "pipe", "spaced", "runs", "csv", "one-cell", "one-cell-blank", "one-cell-pipe", "slash")
VARIANTS = ("as-is", "no-corner", "title-cell", "total-row", "title-above", "question-above", "note-below", "ranking-above",
            "unit-below-header", "note-below-header")
# Lines a response puts between a table's header and its rows: a unit, or a note on what the figures are. Each table
# gets one of each, in turn (tables in TABLES order), so every line is met in every layout.
UNITS = ("(numbers)", "(number of crimes)", "Count")
NOTES = ("All figures are counts of recorded crimes", "Source: Niche RMS")


def render(layout: str, header: list[str], rows: list[list[str]], under: str = "") -> str:
    """The table in a layout; `under` is a line of its own between the header and the rows, when the variant has one."""
    if under:
        lines = render(layout, header, rows).split("\n")
        cells = len([c for c in header if c]) if layout.startswith("one-cell") else 1 if all(header) or layout != "slash" else 0
        k = {"pipe": 2, "one-cell-blank": 2 * cells - 1}.get(layout, cells)
        return "\n".join(lines[:k] + ([""] if layout == "one-cell-blank" else []) + [under] + lines[k:])
    cells = [header] + rows
    if layout == "tab":
        return "\n".join("\t".join(r) for r in cells)
    if layout == "pipe":
        lines = ["| " + " | ".join(r) + " |" for r in cells]
        return "\n".join(lines[:1] + ["|" + "---|" * len(header)] + lines[1:])
    if layout == "spaced":
        widths = [max(len(r[k]) for r in cells if k < len(r)) + 4 for k in range(max(len(r) for r in cells))]
        return "\n".join((r[0].ljust(widths[0]) + "".join(c.rjust(widths[k]) for k, c in enumerate(r) if k)).rstrip()
                         for r in cells)
    if layout == "runs":
        return "\n".join(" ".join(c for c in r if c) for r in cells)
    if layout == "csv":
        return "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in cells)
    if layout == "slash":
        return "\n".join(" / ".join(r) for r in cells if all(r))
    flat = [c for r in cells for c in r]
    flat = flat if header[0] else flat[1:]
    if layout == "one-cell":
        return "\n".join(c or "\u00a0" for c in flat)
    if layout == "one-cell-blank":
        return "\n\n".join(c or "\u00a0" for c in flat)
    return "\n".join(f"{c} |" for c in flat)


def perturb(header: list[str], rows: list[list[str]], turn: int = 0):
    """(variant, line above, header, rows, line below, line between header and rows) for each header variant."""
    yield from ((*v, "") for v in _perturb(header, rows))
    yield "unit-below-header", "", header, rows, "", UNITS[turn % len(UNITS)]
    yield "note-below-header", "", header, rows, "", NOTES[turn % len(NOTES)]


def _perturb(header: list[str], rows: list[list[str]]):
    yield "as-is", "", header, rows, ""
    yield "no-corner", "", [""] + header[1:], rows, ""
    yield "title-cell", "", ["Figures"] + header, rows, ""  # a title cell in front: the header one cell too long
    yield "total-row", "", header, rows + [["Total"] + [str(sum(int(r[k].replace(",", "") or 0) for r in rows))
                                                        if all(r[k].replace(",", "").isdigit() or not r[k] for r in rows)
                                                        else "" for k in range(1, len(header))]], ""
    yield "title-above", "Table 1: figures by year", header, rows, ""
    yield "question-above", "Q2. Please provide the figures for each year?", header, rows, ""
    yield "note-below", "", header, rows, "* figures under 5 are suppressed."
    yield "ranking-above", "Top 5 offences", header, rows, ""  # a ranking's size in a title, not a count


def text(layout: str, above: str, header: list[str], rows: list[list[str]], below: str, under: str = "") -> str:
    """The fixture text of a table in a layout, with a line above, below or under its header when the variant has one."""
    return FIXTURE.format((above + "\n" if above else "") + render(layout, header, rows, under)
                          + ("\n" + below if below else ""))


def cases(variants=VARIANTS):
    """(table, layout, variant, text, header, rows) for every table in every layout, for each of the variants."""
    for turn, (name, (header, rows)) in enumerate(TABLES.items()):
        for layout in LAYOUTS:
            for how, above, h, rs, below, under in perturb(header, rows, turn):
                if how in variants:
                    yield name, layout, how, text(layout, above, h, rs, below, under), header, rs
