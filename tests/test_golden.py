"""Golden tests: the seed packages' tables and key metadata, asserted exactly.

The expected grids below were typed from the response texts, independently of the
curated CSVs, so a slip in either shows up here.
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest
from .conftest import COLLECTION, GOLDEN

T = "Total"
TAKE = "Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children."
POSS = "Possession Of An Indecent Or Pseudo Photograph Of A Child"
PROHIB = "Possessing Prohibited Images Of Children"
A_TAKE = "086/02 - Take or to make or to distribute indecent photographs or pseudo- photographs, of children"
A_POSS = "086/10 - Possession of an indecent or pseudo indecent photo of a child"

# (outcome, offence, offender_age, cells by column, response line); None = blank cell.
CMS_GRID = [
    ("UNSOLVED", T, T, (33, 20, 53), 39),
    ("UNSOLVED", PROHIB, T, (1, None, 1), 40),
    ("UNSOLVED", PROHIB, "13", (1, None, 1), 41),
    ("UNSOLVED", POSS, T, (1, None, 1), 42),
    ("UNSOLVED", POSS, "13", (1, None, 1), 43),
    ("UNSOLVED", TAKE, T, (31, 20, 51), 44),
    ("UNSOLVED", TAKE, "Under 10's", (5, None, 5), 45),
    ("UNSOLVED", TAKE, "11", (2, 2, 4), 46),
    ("UNSOLVED", TAKE, "12", (13, 7, 20), 47),
    ("UNSOLVED", TAKE, "13", (11, 11, 22), 48),
    (T, T, T, (33, 20, 53), 49),
]
ATHENA_GRID = [
    ("UNSOLVED", T, T, (24, 67, 91), 55),
    ("UNSOLVED", A_TAKE, T, (24, 66, 90), 56),
    ("UNSOLVED", A_TAKE, "Under 10's", (4, 6, 10), 57),
    ("UNSOLVED", A_TAKE, "11", (1, 8, 9), 58),
    ("UNSOLVED", A_TAKE, "12", (6, 14, 20), 59),
    ("UNSOLVED", A_TAKE, "13", (13, 38, 51), 60),
    ("UNSOLVED", A_POSS, T, (None, 1, 1), 61),
    ("UNSOLVED", A_POSS, "13", (None, 1, 1), 62),
    (T, T, T, (24, 67, 91), 63),
]
CODES = {TAKE: "86/2", POSS: "86/10", PROHIB: "86/15", A_TAKE: "86/2", A_POSS: "86/10", T: ""}


GROUP = "bedfordshire-foi2019-05348/recorded-offences"  # the CMS and Athena tables: one whole over two systems


def tidy(grid, years, periods):
    """Expand a grid into the published tidy rows; `periods` gives each year column's own dates and the table's."""
    rows = []
    for outcome, offence, age, cells, line in grid:
        for year, cell in zip(years, cells):
            total = T in (outcome, offence, age, year)
            start, end, part = periods[year]
            rows.append({"outcome": outcome, "offence": offence, "offender_age": age, "year": year, "offence_code": CODES[offence],
                         "code_role": "counts" if CODES[offence] else "", "outcome_type": "",
                         "value": "" if cell is None else str(cell), "status": "blank" if cell is None else "reported",
                         "is_total": "true" if total else "false", "additive": "false" if total else "true",
                         "sum_group": "" if total else GROUP, "additivity": "total" if total else "parts",
                         "period_start": start, "period_end": end, "period_basis": "table" if year == T else "row",
                         "part_year": "true" if part else "false", "line": str(line)})
    return rows


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


BED = "bedfordshire-foi2019-05348"
HERTS = "hertfordshire-foi2018-00739"
SY17 = "south-yorkshire-20180799"
SY18 = "south-yorkshire-20180075"
SY21 = "south-yorkshire-20210999"
NORTHANTS = "northamptonshire-foi-10905-25"  # a real response that states no reference, force or date: all from its address
WM = "west-midlands-19-15"  # a real response with no date anywhere
AVON = "avon-and-somerset-1247-22"  # a real response whose only period is a financial year


def test_bedfordshire_cms_table(built):
    assert read(built / BED / f"tables/{BED}--cms-offenders-under-14.csv") == tidy(CMS_GRID, ["2017", "2018", T], {
        "2017": ("2017-01-01", "2017-12-31", False), "2018": ("2018-01-01", "2018-05-22", True), T: ("2017-01-01", "2018-05-22", False)})


def test_bedfordshire_athena_table(built):
    assert read(built / BED / f"tables/{BED}--athena-offenders-under-14.csv") == tidy(ATHENA_GRID, ["2018", "2019", T], {
        "2018": ("2018-05-23", "2018-12-31", True), "2019": ("2019-01-01", "2019-08-19", True), T: ("2018-05-23", "2019-08-19", False)})


def test_bedfordshire_blank_cells_stay_blank(built):
    rows = read(built / BED / f"tables/{BED}--cms-offenders-under-14.csv")
    blanks = [r for r in rows if r["status"] == "blank"]
    assert len(blanks) == 5 and all(r["value"] == "" for r in blanks)
    assert not any(r["value"] == "0" for r in rows)


def facts(code="", role="", outcome="", additive=False, group="", why="", start="", end="", basis="table", part=False):
    """The columns every value carries besides its labels, value, status and place (see scripts/packages/facts.py)."""
    return {"offence_code": code, "code_role": role, "outcome_type": outcome, "additive": "true" if additive else "false",
            "sum_group": group, "additivity": why, "period_start": start, "period_end": end, "period_basis": basis,
            "part_year": "true" if part else "false"}


def test_hertfordshire_figures(built):
    herts = ("2016-01-01", "2017-12-31")
    assert read(built / HERTS / f"tables/{HERTS}--outcome-21.csv") == [
        {"question": "Q1", "value": "88", "status": "reported", "is_total": "false", "line": "61",
         **facts(outcome="21", additive=True, group=f"{HERTS}/outcome-21", why="parts", start=herts[0], end=herts[1])}]
    iioc = 'total number of offences relating to "Indecent Images of Children" during this period'
    assert read(built / HERTS / f"tables/{HERTS}--figures.csv") == [
        {"question": "Q2", "measure": iioc, "value": "76", "status": "reported", "is_total": "false", "line": "63",
         **facts(why="not-disjoint", start=herts[0], end=herts[1])},
        {"question": "Q3", "measure": iioc, "value": "622", "status": "reported", "is_total": "false", "line": "65",
         **facts(why="not-disjoint", start=herts[0], end=herts[1])},
    ]


def test_south_yorkshire_keyword_counts(built):
    rows = read(built / SY21 / f"tables/{SY21}--keyword-counts.csv")
    assert [(r["keyword"], r["value"], r["status"], r["line"]) for r in rows] == [
        ("WHATSAPP", "2", "reported", "34"), ("FACEBOOK", "7", "reported", "35"), ("TWITTER", "0", "nil", "36"),
        ("INSTAGRAM", "10", "reported", "37"), ("SNAPCHAT", "7", "reported", "38"), ("KIK", "1", "reported", "39")]
    assert all({k: r[k] for k in facts()} == facts("71/17", "related", why="overlapping", start="2020-04-01", end="2021-03-31")
               for r in rows)


def test_south_yorkshire_single_figures(built):
    assert read(built / SY21 / f"tables/{SY21}--offences-without-victim-details.csv") == [
        {"measure": "offences are currently recorded without victim details", "value": "30", "status": "reported", "is_total": "false",
         "line": "28", **facts("71/17", "subset", why="subset", start="2020-07-01", end="2021-03-31")}]
    assert read(built / SY18 / f"tables/{SY18}--hunter-group-intelligence.csv") == [
        {"year": "2017", "measure": "involved intelligence from paedophile/vigilante hunter groups",
         "value": "9", "status": "reported", "is_total": "false", "line": "49",
         **facts("88A", "subset", why="subset", start="2017-01-01", end="2017-12-31", basis="row")}]


def test_spreadsheet_only_response_has_no_tables_but_says_why(built):
    d = json.loads((built / SY17 / "datapackage.json").read_text())
    assert [r["name"] for r in d["resources"]] == ["questions", "caveats", "caveat_targets", "response"]
    assert d["foi:request"]["attachments"][0]["status"] == "not part of the published text"
    statuses = {r["question_id"]: r["status"] for r in read(built / SY17 / "questions.csv")}
    assert statuses == {**{q: "answered-in-attachment" for q in ["1a", "1b", "2a", "2b", "3a", "3b"]},
                        "2c": "partly-answered", "3c": "partly-answered"}


@pytest.mark.parametrize("request_id, force, attribution, reference, response_date, received_date, version", [
    (SY17, "south-yorkshire", "stated", "20180799", "2018-06-05", None, "1.1.0"),
    (SY18, "south-yorkshire", "inferred", "20180075", "2018-02-22", None, "1.1.1"),
    (SY21, "south-yorkshire", "inferred", "20210999", "2021-06-29", None, "1.1.0"),
    (HERTS, "hertfordshire", "stated", "FOI2018/00739", "2018-03-08", "2018-02-09", "1.2.0"),
    (BED, "bedfordshire", "stated", "FOI2019/05348", "2019-09-17", "2019-08-19", "1.0.2"),
])
def test_key_metadata(built, request_id, force, attribution, reference, response_date, received_date, version):
    d = json.loads((built / request_id / "datapackage.json").read_text())
    req = d["foi:request"]
    assert d["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert d["name"] == request_id and d["version"] == version
    assert (req["force"]["code"], req["force"]["attribution"], req["reference"]) == (force, attribution, reference)
    assert req["force"]["evidence"] and all("lines" in e for e in req["force"]["evidence"])
    assert req["dates"]["response"]["date"] == response_date
    assert req["dates"].get("received", {}).get("date") == received_date
    assert d["sources"][0]["foi:licence"] == "not stated"
    for resource in d["resources"]:
        assert resource["hash"].startswith("sha256:") and resource["bytes"] > 0


def test_question_fates(built):
    fates = {rid: {r["question_id"]: (r["status"], r["section"]) for r in read(built / rid / "questions.csv")}
             for rid in (SY18, SY21, HERTS, BED)}
    assert fates[SY18] == {"1": ("answered-in-attachment", ""), "2": ("not-addressed", ""), "3": ("partly-answered", "")}
    assert fates[SY21] == {"1": ("answered-in-attachment", ""), "2": ("answered-in-attachment", ""), "3": ("exempt", "s40(2)"),
                           "4": ("partly-answered", "")}
    assert fates[HERTS] == {"1": ("answered", ""), "2": ("refused-cost", ""), "2a": ("refused-cost", ""), "2b": ("refused-cost", ""),
                            "3": ("refused-cost", ""), "4": ("refused-cost", ""), "4a": ("refused-cost", ""), "4b": ("refused-cost", "")}
    assert fates[BED] == {"1": ("answered", ""), "2": ("partly-answered", ""), "3": ("answered", "")}


def test_a_question_the_force_refuses_on_cost_has_the_cost_refusal_status(built):
    """A reader review found Hertfordshire's 'we cannot provide this figure within cost' labelled 'Partly answered' while its
    summary says it refused on cost: any answer that says the figure cannot be given within cost, or that the search would
    exceed the cost or time limit, is 'refused-cost' (answer_statuses.csv), whatever related figure the force gives instead."""
    catalog = json.loads((built / "catalog.json").read_text())["packages"]
    said = re.compile(r"within cost|exceed(?:s|ed)? the (?:cost|time) limit|in excess of 18 hours|section 12", re.I)
    seen = 0
    for p in catalog:
        if p["name"] in ("all", "reference"):
            continue
        for q in read(built / p["name"] / "questions.csv"):
            if said.search(q["quote"]):
                seen += 1
                assert q["status"] == "refused-cost", (p["name"], q["question_id"], q["status"], q["quote"])
    assert seen >= 1


def test_answer_quotes_are_not_cut_so_they_mislead(built):
    """A reader review found three quotes cut so that they misled: Avon's 'In relation to question 6,' dropped from the quote
    for question 5, Northamptonshire's 'Unknown Age |' (one cell of a table heading) and West Midlands' answer 1a stopped
    before its figure. For every question of every package: a quote does not leave out the 'In relation to question N,'
    that opens its sentence, is not one cell of a table, and a quote from an 'X = N' line runs to its figure."""
    catalog = json.loads((built / "catalog.json").read_text())["packages"]
    for p in catalog:
        if p["name"] in ("all", "reference"):
            continue
        lines = (built / p["name"] / "response.txt").read_text(encoding="utf-8").split("\n")
        for q in read(built / p["name"] / "questions.csv"):
            if not q["quote"]:
                continue
            where = (p["name"], q["question_id"], q["quote"])
            assert not re.fullmatch(r"[^|]*\|\s*", q["quote"]), where  # a single table cell
            first = lines[int(q["line_start"]) - 1]
            before = first[:first.find(q["quote"].split("\n")[0][:30])] if q["quote"][:30] in first else ""
            assert not re.search(r"in relation to questions? [\d, and]+,\s*$", before, re.I), where
            last = lines[int(q["line_end"]) - 1]
            if q["line_start"] == q["line_end"] and re.search(r"=\s*\d+\s*$", last):
                assert re.search(r"=\s*\d+\s*$", q["quote"]), where


def test_hertfordshire_questions_4_cite_the_answer_to_question_3(built):
    lines = {r["question_id"]: r["line_start"] for r in read(built / HERTS / "questions.csv")}
    assert (lines["2a"], lines["2b"]) == ("63", "63")
    assert (lines["4"], lines["4a"], lines["4b"]) == ("65", "65", "65")


def test_caveat_kinds(built):
    kinds = {rid: sorted({r["kind"] for r in read(built / rid / "caveats.csv")}) for rid in (SY17, SY18, SY21, HERTS, BED)}
    assert kinds == {
        SY17: ["age-misrecorded", "interpretation", "offender-vs-offence", "system-change"],
        SY18: ["keyword-search", "measure-differs", "search-limits", "small-numbers", "system-change"],
        SY21: ["age-misrecorded", "keyword-search", "no-victim-details", "overlapping-counts", "search-limits", "small-numbers"],
        HERTS: ["interpretation", "measure-differs", "not-formally-recorded", "search-limits", "unaudited-snapshot"],
        BED: ["interpretation", "migration-data-quality", "small-numbers", "system-change", "unaudited-snapshot"],
    }


def test_caveat_quotes_are_verbatim_on_their_lines(built):
    for folder in sorted(p for p in built.iterdir() if (p / "response.txt").is_file()):
        text = (folder / "response.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        for row in read(folder / "caveats.csv"):
            span = " ".join("\n".join(lines[int(row["line_start"]) - 1: int(row["line_end"])]).split())
            assert row["quote"] in span, (folder.name, row["caveat_id"])


def test_every_published_value_stands_on_its_line(built):
    """Independent of the builder's check: the digits appear on the cited line, or it is blank / nil as stated."""
    checked = 0
    for table in sorted(built.glob("*/tables/*.csv")):
        golden = table.parent.parent.name in GOLDEN
        lines = (table.parent.parent / "response.txt").read_text(encoding="utf-8").split("\n")
        for row in read(table):
            line = lines[int(row["line"]) - 1]
            if row["status"] == "reported":
                assert row["value"] in line, (table.name, row)
            elif row["status"] == "blank":
                assert row["value"] == "" and ("\t\t" in line or line.endswith("\t") or line.strip() == "|"), (table.name, row)
            elif row["status"] == "nil":
                assert row["value"] == "0" and "Nil" in line, (table.name, row)
            checked += golden
    assert checked == 33 + 27 + 3 + 1 + 6 + 1 + 1 + 16 + 3 + 1 + 15


def test_zip_holds_the_package(built):
    with zipfile.ZipFile(built / f"{BED}.zip") as zf:
        names = zf.namelist()
        assert "datapackage.json" in names and "response.txt" in names and "README.md" in names
        assert not any(n.startswith(f"{BED}/") for n in names), "datapackage.json sits at the zip's root"
        assert zf.read("response.txt") == (built / BED / "response.txt").read_bytes()


def test_analyst_loads_a_table_with_pandas(built):
    """Blank cells come through as missing, not zero; values as integers."""
    import pandas as pd

    with zipfile.ZipFile(built / f"{BED}.zip") as zf:
        df = pd.read_csv(io.BytesIO(zf.read(f"tables/{BED}--cms-offenders-under-14.csv")), dtype={"offender_age": str})
    assert df["value"].isna().sum() == 5
    grand = df[(df.outcome == T) & (df.year == T)]["value"].item()
    parts = df[(df.outcome == "UNSOLVED") & (df.offence != T) & (df.offender_age == T) & (df.year == T)]["value"].sum()
    assert grand == parts == 53


def test_catalog_lists_every_package_with_hashes(built):
    catalog = json.loads((built / "catalog.json").read_text())
    names = [p["name"] for p in catalog["packages"]]
    assert names == [*COLLECTION, "reference", "all"] and [n for n in names if n in GOLDEN] == [AVON, BED, HERTS, NORTHANTS, SY18, SY17, SY21, WM]
    import hashlib
    for p in catalog["packages"]:
        data = (built / p["path"]).read_bytes()
        assert p["descriptor"] == {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def test_combined_package_counts(built):
    d = json.loads((built / "all" / "datapackage.json").read_text())
    counts = {r["name"]: len([row for row in read(built / "all" / r["path"]) if row.get("request_id", GOLDEN[0]) in GOLDEN])
              for r in d["resources"]}
    assert len(read(built / "all" / "requests.csv")) == len(COLLECTION) and counts["requests"] == 8
    assert counts["observations"] == 33 + 27 + 3 + 1 + 6 + 1 + 1 + 16 + 3 + 1 + 15 and "values" not in counts  # one table of values, not two
    assert counts["questions"] == 8 + 3 + 4 + 8 + 3 + 3 + 2 + 3
