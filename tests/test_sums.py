"""Sums that cannot go wrong (issue 29): what may be added is data, each value has its own period, an offence code says
whether the value counts its offences, and the per-request CSVs, the combined CSVs, SQLite and XLSX say the same thing.

The three questions an analyst asked of the combined package are answered here from all/observations.csv with the
README's recipe alone (additive rows, one sum_group, filter, add), and the wrong totals found then cannot come out of it.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections import defaultdict

import openpyxl
import pandas as pd
import pytest

from scripts.packages.export import read_resource
from scripts.packages.readme import PANDAS
from .conftest import GOLDEN

BED = "bedfordshire-foi2019-05348"
HERTS = "hertfordshire-foi2018-00739"
SY21 = "south-yorkshire-20210999"
WRONG_TOTALS = {27, 698, 996, 176, 57}  # found by the analyst: overlapping keywords, two Herts figures, everything, 2018 with totals, 71/17


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def recipe(built):
    """The README's own pandas lines, run as written in the combined package's folder: obs, parts, totals, offences."""
    import os
    here = os.getcwd()
    os.chdir(built / "all")
    try:
        scope: dict = {}
        exec(PANDAS, scope)  # noqa: S102 - our own README text, tested so that it works as printed
    finally:
        os.chdir(here)
    return scope


def test_the_readme_shows_the_recipe_the_tests_run(built):
    readme = (built / "all" / "README.md").read_text(encoding="utf-8")
    assert PANDAS in readme and "choose one `sum_group`" in readme


def test_bedfordshire_2018_across_both_systems(built):
    """Q1: indecent-image offences by under-14s in 2018, across CMS (to 22 May) and Athena (from 23 May): 20 + 24 = 44."""
    parts = recipe(built)["parts"]
    bed = parts[(parts.request_id == BED) & (parts.year == "2018")]
    assert bed["sum_group"].nunique() == 1, "both systems' values are parts of one whole"
    assert bed["value"].sum() == 44
    spans = sorted({(r.period_start.date(), r.period_end.date(), r.system) for r in bed.itertuples()})
    assert spans == [(dt.date(2018, 1, 1), dt.date(2018, 5, 22), "CMS"), (dt.date(2018, 5, 23), dt.date(2018, 12, 31), "Athena")]
    assert bed["part_year"].all(), "each system's 2018 is part of the year, and flagged"
    by_system = bed.groupby("system")["value"].sum().to_dict()
    assert by_system == {"CMS": 20, "Athena": 24}, "neither 20 nor 24 is the 2018 figure; their sum is"


def test_south_yorkshire_71_17_by_victim_age(built):
    """Q2: the text released no count of 71/17 offences, by victim age or at all (it is in a spreadsheet not published):
    only a subset (30 without victim details) and keyword counts related to it, neither to be added."""
    scope = recipe(built)
    obs, offences = scope["obs"], scope["offences"]
    sy = obs[obs.request_id == SY21]
    assert sy["victim_age"].isna().all()
    assert offences[offences.offence_code == "71/17"].empty, "no value counts 71/17 offences"
    coded = sy[sy.offence_code == "71/17"]
    assert set(zip(coded.code_role, coded.additivity)) == {("subset", "subset"), ("related", "overlapping")}
    assert not coded["additive"].any()
    questions = {r["question_id"]: r["status"] for r in read(built / "all" / "questions.csv") if r["request_id"] == SY21}
    assert questions["2"] == "answered-in-attachment"


def test_hertfordshire_outcome_21(built):
    """Q3: Outcome 21 was used 88 times, 1 January 2016 to 31 December 2017 (the period asked about)."""
    obs = recipe(built)["obs"]
    row = obs[(obs.request_id == HERTS) & (obs.outcome_type == "21")]
    assert row["value"].tolist() == [88] and row["question_id"].tolist() == ["1"]
    assert (row.period_start.iloc[0].date(), row.period_end.iloc[0].date()) == (dt.date(2016, 1, 1), dt.date(2017, 12, 31))
    assert row["additive"].all() and row["period_basis"].tolist() == ["table"]


def test_the_recipe_cannot_make_the_wrong_totals(built):
    scope = recipe(built)
    obs, parts, totals = scope["obs"], scope["parts"], scope["totals"]
    assert not WRONG_TOTALS & set(totals.tolist()), totals.to_dict()
    assert not obs[(obs.request_id == SY21) & (obs.table == "keyword-counts")]["additive"].any(), "27: keyword counts overlap"
    assert not obs[(obs.request_id == HERTS) & (obs.table == "figures")]["additive"].any(), "698: 76 and 622 are not parts of a whole"
    assert all(g.split("/")[0] == r for g, r in zip(parts.sum_group, parts.request_id)), "996: no group crosses requests"
    assert parts[parts.year == "2018"].groupby("sum_group")["value"].sum().tolist() == [44], "176 counted the totals too"
    assert parts[parts.offence_code == "71/17"].empty, "57: nothing coded 71/17 may be added"


def _packages(built):
    catalog = json.loads((built / "catalog.json").read_text())
    return [p["name"] for p in catalog["packages"] if p["name"] not in ("reference", "all")]


def _golden(built):
    return [name for name in _packages(built) if name in GOLDEN]


def test_every_sum_group_adds_up_to_the_forces_stated_totals(built):
    """Each sum group of each package adds up to the grand totals its tables state (a blank adds nothing, as in the
    force's own total), and no value that an overlapping-counts caveat covers is additive."""
    checked = 0
    for name in _packages(built):
        d = json.loads((built / name / "datapackage.json").read_text())
        tables = [r for r in d["resources"] if "foi:measure" in r]
        groups, grand, withheld = defaultdict(int), defaultdict(list), set()
        for resource in tables:
            dims = resource["foi:layout"]["rows"] + resource["foi:layout"]["columns"]
            for row in read(built / name / resource["path"]):
                assert (row["additive"] == "true") == (row["sum_group"] != ""), row
                if row["additive"] == "true":
                    assert row["is_total"] == "false", row
                    groups[row["sum_group"]] += int(row["value"] or 0)  # blank adds nothing
                    if row["status"] == "suppressed":  # a withheld part: its group's sum is not the whole, so not checked
                        withheld.add(resource["foi:sums"].get("group"))
                if all(row[dim] == "Total" for dim in dims):
                    grand[resource["foi:sums"].get("group")].append(int(row["value"] or 0))
        for group, stated in grand.items():
            members = [r for r in tables if r["foi:sums"].get("group") == group]
            mismatched = any(r.get("foi:mismatches") or any(c.startswith("total-mismatch-") for c in r["foi:caveats"]) for r in members)
            if len(stated) == len(members) and group not in withheld and not mismatched:  # every table states its grand total
                assert groups[group] == sum(stated), (name, group)
                checked += name in GOLDEN
        targets = read(built / name / "caveat_targets.csv")
        kinds = {c["caveat_id"]: c["kind"] for c in read(built / name / "caveats.csv")}
        for t in targets:
            if kinds[t["caveat_id"]] == "overlapping-counts":
                hit = [r for r in tables if t["target"] == "package" or r["name"] == t["table"]]
                for resource in hit:
                    assert all(row["additive"] == "false" for row in read(built / name / resource["path"])), (name, resource["name"])
                    checked += name in GOLDEN
    assert checked == 2  # Bedfordshire's group of two tables (53 + 91 = 144), South Yorkshire's keyword counts


def test_sum_groups_are_declared_not_guessed(built):
    """A table's additivity says how it is known: reconciled totals, a single value, a caveat, or the curator's declaration."""
    seen = {}
    for name in _golden(built):
        d = json.loads((built / name / "datapackage.json").read_text())
        for r in d["resources"]:
            if "foi:sums" in r:
                seen[f"{name}/{r['name']}"] = (r["foi:sums"]["additive"], r["foi:sums"]["reason"], r["foi:sums"]["basis"])
    assert seen == {
        f"{BED}/cms-offenders-under-14": (True, "parts", "declared"),
        f"{BED}/athena-offenders-under-14": (True, "parts", "declared"),
        f"{HERTS}/outcome-21": (True, "parts", "single"),
        f"{HERTS}/figures": (False, "not-disjoint", "declared"),
        "south-yorkshire-20180075/hunter-group-intelligence": (False, "subset", "declared"),
        f"{SY21}/keyword-counts": (False, "overlapping", "caveat:keywords-overlap"),
        f"{SY21}/offences-without-victim-details": (False, "subset", "declared"),
        "northamptonshire-foi-10905-25/offences-recorded": (True, "parts", "single"),
        "northamptonshire-foi-10905-25/victims-by-age-and-gender": (True, "parts", "reconciled"),
        "west-midlands-19-15/cse-marker-counts": (False, "subset", "declared"),
        "avon-and-somerset-1247-22/recorded-crimes": (True, "parts", "single"),
        "avon-and-somerset-1247-22/outcomes": (True, "parts", "declared"),  # its total does not reconcile, so it is declared
    }


def test_every_table_code_says_its_role(built):
    """A code placed on a whole table says whether its values count offences of the code, or a subset, or something related."""
    roles = {r["code"] for r in read(built / "reference" / "code_roles.csv")}
    for r in read(built / "reference" / "table_codes.csv"):
        assert (r["code_role"] in roles) if r["offence_code"] else r["code_role"] == "", r["code"]


# ---- one shape ---------------------------------------------------------------------------------------------------


def _typed(value, field):
    if value in ("", None):
        return None
    return {"integer": int, "boolean": lambda v: v == "true"}.get(field["type"], str)(value)


def test_request_tables_and_observations_agree_field_by_field(built):
    """Every column a request's table shares with all/observations has the same name, type and value in both."""
    combined = json.loads((built / "all" / "datapackage.json").read_text())
    obs_fields = {f["name"]: f for f in next(r for r in combined["resources"] if r["name"] == "observations")["schema"]["fields"]}
    observations = {(r["request_id"], r["table"], int(r["row"])): r for r in read(built / "all" / "observations.csv")}
    compared = 0
    for name in _packages(built):
        d = json.loads((built / name / "datapackage.json").read_text())
        for resource in (r for r in d["resources"] if "foi:measure" in r):
            fields = {f["name"]: f for f in resource["schema"]["fields"]}
            shared = [n for n in fields if n in obs_fields]
            for n in shared:
                assert fields[n]["type"] == obs_fields[n]["type"], (name, resource["name"], n)
            assert set(fields) - set(obs_fields) == set(), "every column of a request's table is a column of observations"
            for i, row in enumerate(read(built / name / resource["path"]), start=1):
                o = observations.pop((name, resource["name"], i))
                for n in shared:
                    assert _typed(row[n], fields[n]) == _typed(o[n], obs_fields[n]), (name, resource["name"], i, n)
                    compared += 1
    assert not observations, "every observation comes from a request's table"
    assert compared > 71 * 15


def test_question_ids_are_one_string_everywhere(built):
    questions = {(r["request_id"], r["question_id"]) for r in read(built / "all" / "questions.csv")}
    obs = [r for r in read(built / "all" / "observations.csv") if r["question"]]
    assert obs and all((r["request_id"], r["question_id"]) in questions for r in obs)
    targets = [r for r in read(built / "all" / "caveat_targets.csv") if r["target_kind"] == "question"]
    assert targets and all((r["request_id"], r["question_id"]) in questions for r in targets)


def test_caveat_targets_are_one_row_each_and_join(built):
    tables = {(r["request_id"], r["table"]) for r in read(built / "all" / "tables.csv")}
    caveats = {(r["request_id"], r["caveat_id"]) for r in read(built / "all" / "caveats.csv")}
    targets = read(built / "all" / "caveat_targets.csv")
    assert all(";" not in r["target"] for r in targets)
    assert all((r["request_id"], r["caveat_id"]) in caveats for r in targets)
    assert all((r["request_id"], r["table"]) in tables for r in targets if r["target_kind"] in ("table", "field"))
    herts = [r["question_id"] for r in targets if r["request_id"] == HERTS and r["caveat_id"] == "free-text-only"]
    assert herts == ["2", "3"]


def test_sqlite_declares_the_foreign_keys_of_the_package(built):
    db = sqlite3.connect(built / "all.sqlite")
    combined = json.loads((built / "all" / "datapackage.json").read_text())
    for resource in combined["resources"]:
        declared = sorted((fk["reference"]["resource"], tuple(fk["fields"]), tuple(fk["reference"]["fields"]))
                          for fk in resource["schema"].get("foreignKeys", []))
        rows = db.execute(f"SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('{resource['name']}') ORDER BY id, seq")
        found = defaultdict(lambda: ["", [], []])
        for fk_id, table, src, dst in rows:
            found[fk_id][0] = table
            found[fk_id][1].append(src)
            found[fk_id][2].append(dst)
        assert sorted((t, tuple(a), tuple(b)) for t, a, b in found.values()) == declared, resource["name"]
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("form", ["sqlite", "xlsx"])
def test_the_exports_agree_with_the_csv_field_by_field(built, form):
    """SQLite and XLSX hold each CSV field typed: integers as numbers, booleans as 0/1 or TRUE/FALSE, dates as dates in XLSX."""
    combined = json.loads((built / "all" / "datapackage.json").read_text())
    book = openpyxl.load_workbook(built / "all.xlsx", read_only=True) if form == "xlsx" else None
    db = sqlite3.connect(built / "all.sqlite") if form == "sqlite" else None
    for resource in combined["resources"]:
        fields, rows = read_resource(built / "all", resource)
        if db:
            names = ", ".join(f'"{f["name"]}"' for f in fields)
            got = db.execute(f'SELECT {names} FROM "{resource["name"]}" ORDER BY rowid').fetchall()
        else:
            got = [tuple(r) for r in list(book[resource["name"][:31]].iter_rows(values_only=True))[1:]]
        for csv_row, form_row in zip(rows, got, strict=True):
            for f, a, b in zip(fields, csv_row, form_row, strict=True):
                if a is None:
                    assert b is None, (resource["name"], f["name"])
                elif f["type"] == "date":
                    assert b == (a if db else dt.datetime.fromisoformat(a)), (resource["name"], f["name"])
                elif f["type"] == "boolean":
                    assert b == (int(a) if db else a), (resource["name"], f["name"])
                else:
                    assert b == a and type(b) is type(a), (resource["name"], f["name"])


def test_plain_read_csv_keeps_codes_as_text_with_the_recipe(built):
    obs = recipe(built)["obs"]
    assert "21" in obs["outcome_type"].dropna().tolist() and obs["outcome_type"].dropna().map(type).eq(str).all()
    assert obs["offence_code"].dropna().map(type).eq(str).all()


def test_response_and_attachments_carry_the_forces_licence(built):
    """Tools read `licenses`: the force's files say their terms are the force's (not stated here), not our CC-BY-4.0."""
    for name in _packages(built):
        d = json.loads((built / name / "datapackage.json").read_text())
        response = next(r for r in d["resources"] if r["name"] == "response")
        assert response["licenses"][0]["name"] == "LicenseRef-not-stated" and "curation only" in response["licenses"][0]["title"]
        assert d["licenses"][0]["name"] == "CC-BY-4.0"


def test_year_label_points_to_what_exists(built):
    combined = json.loads((built / "all" / "datapackage.json").read_text())
    fields = {f["name"]: f for f in next(r for r in combined["resources"] if r["name"] == "observations")["schema"]["fields"]}
    assert "period_start" in fields["year"]["description"] and "table's description" not in json.dumps(fields)


def test_a_table_of_several_values_without_totals_must_say_whether_they_add_up(tmp_path):
    """Nothing is guessed: drop the Hertfordshire declaration and the build stops with a coded problem naming the table."""
    from scripts.build.build import build
    from scripts.curated.errors import BuildFailed

    from .conftest import copy_project
    root = copy_project(tmp_path / "p")
    path = root / "datapackages" / HERTS / "request.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("    sums:\n      additive: false\n      reason: not-disjoint")], encoding="utf-8")
    with pytest.raises(BuildFailed) as err:
        build(root, site=False, jobs=1, cache=False)
    assert "sums-undeclared" in str(err.value) and "'figures'" in str(err.value)


def test_an_overlap_caveat_forbids_declaring_keyword_counts_additive(tmp_path):
    from scripts.build.build import build
    from scripts.curated.errors import BuildFailed

    from .conftest import copy_project
    root = copy_project(tmp_path / "p")
    path = root / "datapackages" / SY21 / "request.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "        description: The keyword searched for, as written by the force.\n"
    path.write_text(text.replace(marker, marker + "    sums: {additive: true}\n"), encoding="utf-8")
    with pytest.raises(BuildFailed) as err:
        build(root, site=False, jobs=1, cache=False)
    assert "[additivity]" in str(err.value) and "keywords-overlap" in str(err.value)


def test_package_observations_load_with_pandas_as_the_readme_says(built):
    obs = pd.read_csv(built / "all" / "observations.csv", dtype=str, keep_default_na=False)
    assert set(obs["additivity"]) <= {"parts", "total", "overlapping", "not-disjoint", "subset"}
