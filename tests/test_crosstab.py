"""The cross-tab a reader sees: rebuilt from the tidy rows, it must hold exactly the cells of the response.

Each seed table has its own test that reads the expected grid straight out of response.txt
(not out of the CSV), so a slip in the tidy rows, the layout or the rebuilding shows up here.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from scripts.site import crosstab
from scripts.site.crosstab import TOTAL, LayoutError, build, layout_of, marker
from .conftest import GOLDEN

BED = "bedfordshire-foi2019-05348"
HERTS = "hertfordshire-foi2018-00739"
SY18 = "south-yorkshire-20180075"
SY21 = "south-yorkshire-20210999"
# The forces print their stated totals as "Grand Total"; the data (and the page) call them Total.
PRINTED_TOTAL = {"Grand Total": TOTAL}


def rebuilt(built: Path, request: str, table: str) -> tuple[crosstab.Crosstab, list[str]]:
    """The cross-tab the page shows for one table of a built package, and the response's lines."""
    d = json.loads((built / request / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in d["resources"] if r["name"] == table)
    with (built / request / resource["path"]).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    lines = (built / request / "response.txt").read_text(encoding="utf-8").split("\n")
    return build(rows, *layout_of(resource), lines), lines


def shown(grid: crosstab.Crosstab) -> list[tuple[str, list[str], set[str]]]:
    """Each printed row as (label, cell texts, cited lines)."""
    return [(r.label, [c.shown if c else "" for c in r.cells], {c.line for c in r.cells if c}) for r in grid.rows]


def printed_block(lines: list[str], header_prefix: str, first_line: int) -> tuple[list[str], list[tuple[str, list[str], int]]]:
    """A tab-separated table of the response: its column labels and its rows (label, cells, line number)."""
    start = max(i for i in range(first_line - 1) if lines[i].startswith(header_prefix))
    columns = [PRINTED_TOTAL.get(c, c) for c in lines[start].split("\t")[1:]]
    rows = []
    for number in range(start + 2, len(lines) + 1):
        cells = lines[number - 1].split("\t")
        if len(cells) != len(columns) + 1:
            break
        rows.append((PRINTED_TOTAL.get(cells[0], cells[0]), [c.strip() for c in cells[1:]], number))
    return columns, rows


@pytest.mark.parametrize("table", ["cms-offenders-under-14", "athena-offenders-under-14"])
def test_bedfordshire_cross_tab_is_the_printed_table(built, table):
    grid, lines = rebuilt(built, BED, table)
    first = min(int(c.line) for c in grid.cells())
    columns, printed = printed_block(lines, "OUTCOME/OFFENCE/OFFENDER AGE", first)
    assert [c[0] for c in grid.columns] == columns
    assert shown(grid) == [(label, cells, {str(number)}) for label, cells, number in printed]
    assert [r.depth for r in grid.rows][:3] == [0, 1, 2] and grid.rows[-1].kind == "total"
    assert len(printed) >= 9


def test_south_yorkshire_keyword_list_is_the_printed_list(built):
    grid, lines = rebuilt(built, SY21, "keyword-counts")
    printed = [(m.group(1), m.group(2), str(n)) for n, line in enumerate(lines, 1)
               if (m := re.match(r"^\*?([A-Z]+) – (\d+|Nil Return)\b", line))]
    assert len(printed) == 6 and ("TWITTER", "Nil Return", "36") in printed
    assert grid.is_list and [(r.label, r.cells[0].shown, r.cells[0].line) for r in grid.rows] == printed


def test_south_yorkshire_offences_without_victim_details(built):
    grid, lines = rebuilt(built, SY21, "offences-without-victim-details")
    pattern = r"(\d+) offences are currently recorded without victim details"
    printed = [(m.group(1), str(n)) for n, line in enumerate(lines, 1) if (m := re.search(pattern, line))]
    assert [(r.cells[0].shown, r.cells[0].line) for r in grid.rows] == printed and len(printed) == 1
    assert grid.rows[0].label in lines[int(printed[0][1]) - 1]  # the force's own words


def test_south_yorkshire_hunter_groups(built):
    grid, lines = rebuilt(built, SY18, "hunter-group-intelligence")
    printed = [(m.group(1), m.group(2), str(n)) for n, line in enumerate(lines, 1) if (m := re.search(r"Of the (\d{4}) offences (\d+) involved", line))]
    assert [(r.key[0], r.cells[0].shown, r.cells[0].line) for r in grid.rows] == printed and len(printed) == 1
    assert grid.rows[0].label in lines[int(printed[0][2]) - 1]


@pytest.mark.parametrize("table, questions", [("outcome-21", ["Q1"]), ("figures", ["Q2", "Q3"])])
def test_hertfordshire_figures_by_question(built, table, questions):
    grid, lines = rebuilt(built, HERTS, table)
    printed = [(m.group(1), m.group(2), str(n)) for n, line in enumerate(lines, 1)
               if (m := re.match(r"^(Q\d) [–-] (?:.*?was )?(\d+)\b", line)) and m.group(1) in questions]
    assert [(r.key[0], r.cells[0].shown, r.cells[0].line) for r in grid.rows] == printed and len(printed) == len(questions)
    assert all(r.label in lines[int(r.cells[0].line) - 1] for r in grid.rows)


def test_northamptonshire_web_table_is_the_printed_table(built):
    """A web table saved one cell a line: each gender's row, with the force's Sum: row kept as its total, last."""
    grid, lines = rebuilt(built, "northamptonshire-foi-10905-25", "victims-by-age-and-gender")
    assert [r.label for r in grid.rows] == ["Female", "Male", "Unknown", "Total"] and grid.rows[-1].kind == "total"
    assert all(c.shown in lines[int(c.line) - 1] for r in grid.rows for c in r.cells if c and c.line and c.shown)


@pytest.mark.parametrize("rid, table", [("northamptonshire-foi-10905-25", "offences-recorded"), ("west-midlands-19-15", "cse-marker-counts"),
                                        ("avon-and-somerset-1247-22", "recorded-crimes"), ("avon-and-somerset-1247-22", "outcomes")])
def test_real_one_line_answers(built, rid, table):
    grid, lines = rebuilt(built, rid, table)
    assert grid.rows and all(r.cells[0].shown in lines[int(r.cells[0].line) - 1] for r in grid.rows)


def test_every_seed_table_has_its_test(built):
    tested = {("northamptonshire-foi-10905-25", "offences-recorded"), ("northamptonshire-foi-10905-25", "victims-by-age-and-gender"),
              ("west-midlands-19-15", "cse-marker-counts"), (BED, "cms-offenders-under-14"), (BED, "athena-offenders-under-14"), (SY21, "keyword-counts"),
              (SY21, "offences-without-victim-details"), (SY18, "hunter-group-intelligence"), (HERTS, "figures"),
              (HERTS, "outcome-21"), ("avon-and-somerset-1247-22", "recorded-crimes"), ("avon-and-somerset-1247-22", "outcomes")}
    tables = set()
    for path in built.glob("*/datapackage.json"):
        d = json.loads(path.read_text(encoding="utf-8"))
        if "foi:request" in d and d["name"] in GOLDEN:
            tables |= {(d["name"], r["name"]) for r in d["resources"] if "foi:layout" in r}
    assert tables == tested


def test_every_table_laid_out_again_shows_its_values_on_their_lines(built):
    """Any request a curator adds: the grid the page shows puts each shown value on the line it cites."""
    checked = 0
    for path in sorted(built.glob("*/datapackage.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        for r in d["resources"] if "foi:request" in d else ():
            if "foi:layout" in r:
                grid, lines = rebuilt(built, d["name"], r["name"])
                assert all(c.shown in lines[int(c.line) - 1] for row in grid.rows for c in row.cells if c and c.line and c.shown), r["name"]
                checked += 1
    assert checked >= 10


# ---- the rules, on small constructed tables ---------------------------------------------

def row(**kw):
    return {"value": "1", "status": "reported", "line": "1", **kw}


def test_columns_keep_their_order_with_total_last():
    rows = [row(a="x", year="Total"), row(a="x", year="2019"), row(a="x", year="2018")]
    assert build(rows, ["a"], ["year"]).columns == (("2019",), ("2018",), ("Total",))


def test_missing_group_rows_are_shown_as_labels():
    rows = [row(a="x", b="1"), row(a="x", b="2"), row(a="y", b="1")]
    grid = build([{**r, "c": "2019"} for r in rows], ["a", "b"], ["c"])
    assert [(r.kind, r.label, r.depth) for r in grid.rows] == [("group", "x", 0), ("data", "1", 1), ("data", "2", 1),
                                                              ("group", "y", 0), ("data", "1", 1)]
    assert [r.kind for r in build(rows, ["a", "b"], []).rows] == ["data"] * 3  # a list shows each dimension in a column


def test_heading_and_total_rows():
    rows = [row(a="x", b=TOTAL), row(a="x", b="1"), row(a=TOTAL, b=TOTAL)]
    grid = build(rows, ["a", "b"], [])
    assert [(r.kind, r.label, r.depth) for r in grid.rows] == [("heading", "x", 0), ("data", "1", 1), ("total", TOTAL, 0)]
    assert [c.is_total for c in grid.cells()] == [True, False, True]


def test_explicit_is_total_wins_over_the_fallback():
    rows = [row(a="Total", is_total="false")]
    assert build(rows, ["a"], []).cells()[0].is_total is False


def test_two_rows_for_one_cell_is_an_error():
    with pytest.raises(LayoutError, match="two rows for one cell"):
        build([row(a="x"), row(a="x")], ["a"], [])


def test_a_layout_naming_an_unknown_dimension_is_an_error():
    with pytest.raises(LayoutError, match="nope"):
        build([row(a="x")], ["a", "nope"], [])


def test_multi_level_column_headers_merge_repeats():
    rows = [row(a="x", y="2018", g="F"), row(a="x", y="2018", g="M"), row(a="x", y="2019", g="F")]
    assert build(rows, ["a"], ["y", "g"]).header_rows() == [[("2018", 2), ("2019", 1)], [("F", 1), ("M", 1), ("F", 1)]]


def test_blank_cells_are_empty_and_markers_are_the_forces_own():
    lines = ["x\t<5\t\t3", "TWITTER – Nil Return", "KIK – *"]
    rows = [row(a="x", y="1", status="suppressed", value=""), row(a="x", y="2", status="blank", value=""), row(a="x", y="3", value="3")]
    assert [c.shown for c in build(rows, ["a"], ["y"], lines).cells()] == ["<5", "", "3"]
    assert marker(lines[1], "nil") == "Nil Return" and marker(lines[2], "suppressed") == "*"
    assert marker("no marker here", "suppressed") == "suppressed"


def test_layout_fallback_puts_year_across():
    resource = {"schema": {"fields": [{"name": n} for n in ["offence", "year", "offence_code", "value", "status", "line"]]}}
    assert layout_of(resource) == (["offence"], ["year"])
    resource["foi:layout"] = {"rows": ["year", "offence"], "columns": []}
    assert layout_of(resource) == (["year", "offence"], [])


def test_a_pdf_lines_marks_are_read_by_column_or_not_at_all():
    """On a PDF page's line the columns are set apart by wide gaps; where they are not, the page says our word, not a guess."""
    rows = [row(a="Rape", y=y, status=s, value=v, page="1") for y, s, v in (("2018", "suppressed", ""), ("2019", "reported", "12"),
                                                                          ("2020", "suppressed", ""))]
    wide = build(rows, ["a"], ["y"], place=lambda cite: "Rape      *      12      <5")
    assert [(c.shown, c.ours) for c in wide.cells()] == [("*", False), ("12", False), ("<5", False)]
    tight = build(rows, ["a"], ["y"], place=lambda cite: "Rape * 12 <5")
    assert [(c.shown, c.ours) for c in tight.cells()] == [("suppressed", True), ("12", False), ("suppressed", True)]
    cells = [row(a="Rape", y="2018", status="suppressed", value="", sheet="S", cell="B2"), row(a="Rape", y="2019", status="nil", value="0",
                                                                                            sheet="S", cell="C2")]
    marks = {"B2": "<5", "C2": ""}
    shown = build(cells, ["a"], ["y"], place=lambda cite: marks[dict(cite)["cell"]]).cells()
    assert [(c.shown, c.ours) for c in shown] == [("<5", False), ("nil", True)]  # an empty cell gives our word
