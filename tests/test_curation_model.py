"""Real responses fit the curation model: evidence from where a response was published, a reference of ours, financial years,
one vocabulary of dimension names, computed numbers, and the draft flag (issue 26). Each test loads one request folder."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from scripts.curated import claims
from scripts.curated.collect import load_all
from scripts.curated.errors import BuildFailed

ROOT = Path(__file__).resolve().parent.parent
NORTHANTS = "northamptonshire-foi-10905-25"  # real: no reference, force or date in its text; all from its address
SY21 = "south-yorkshire-20210999"


def project(tmp_path: Path, request: str = NORTHANTS) -> Path:
    """A project root holding the reference lists and one request folder."""
    shutil.copytree(ROOT / "datapackages" / "reference", tmp_path / "datapackages" / "reference")
    shutil.copytree(ROOT / "datapackages" / request, tmp_path / "datapackages" / request)
    return tmp_path


def edit(root: Path, request: str, old: str, new: str, name: str = "request.yaml") -> None:
    path = root / "datapackages" / request / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list:
    try:
        load_all(root)
    except BuildFailed as err:
        return err.problems
    return []


def test_a_reference_force_and_month_from_the_address_build(tmp_path):
    root = project(tmp_path)
    (req,), _ = load_all(root)
    assert req.reference.basis == "from-source" and req.reference.quote.origin == "url"
    assert req.force.attribution == "from-source" and req.force.evidence[0].quote.origin == "url"
    assert req.responded is None  # the text gives no date, and the address only a month: left out, never invented


def test_evidence_from_the_address_must_stand_in_it(tmp_path):
    root = project(tmp_path)
    edit(root, NORTHANTS, "quote: disclosure-logs/2025/october/foi-10905-25", "quote: disclosure-logs/2025/november/foi-10905-25")
    found = problems(root)
    assert [(p.field, p.code) for p in found] == [("reference.quote", "quote-not-found")]
    assert "source.url" in found[0].message


def test_a_reference_of_ours_is_stable_and_marked(tmp_path):
    root = project(tmp_path)
    digest = hashlib.sha256((root / "datapackages" / NORTHANTS / "response.txt").read_bytes()).hexdigest()
    ours = f"ours-{digest[:8]}"
    edit(root, NORTHANTS, "  value: foi-10905-25\n  basis: from-source\n  from: url\n"
         "  quote: disclosure-logs/2025/october/foi-10905-25-sexual-communication-with-a-child\n", f"  value: {ours}\n  basis: ours\n")
    (root / "datapackages" / NORTHANTS).rename(root / "datapackages" / f"northamptonshire-{ours}")
    (req,), _ = load_all(root)
    assert req.reference.value == ours and req.reference.basis == "ours" and req.reference.quote is None


def test_an_invented_reference_of_ours_is_refused(tmp_path):
    root = project(tmp_path)
    edit(root, NORTHANTS, "  value: foi-10905-25\n  basis: from-source\n  from: url\n"
         "  quote: disclosure-logs/2025/october/foi-10905-25-sexual-communication-with-a-child\n", "  value: ours-1234\n  basis: ours\n")
    (root / "datapackages" / NORTHANTS).rename(root / "datapackages" / "northamptonshire-ours-1234")
    assert [p.code for p in problems(root)] == ["reference-not-in-text"]


def test_a_draft_is_refused_until_released(tmp_path):
    root = project(tmp_path)
    path = root / "datapackages" / NORTHANTS / "request.yaml"
    path.write_text("draft: true\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    found = problems(root)
    assert [(p.line, p.code) for p in found] == [(1, "draft")]


def test_an_unknown_dimension_name_is_refused_with_the_nearest(tmp_path):
    root = project(tmp_path)
    edit(root, NORTHANTS, "rows: [gender]", "rows: [crime_gender]")
    edit(root, NORTHANTS, "      - name: gender\n", "      - name: crime_gender\n")
    edit(root, NORTHANTS, "gender,age_band", "crime_gender,age_band", "tables/victims-by-age-and-gender.csv")
    found = problems(root)
    assert [(p.field, p.code) for p in found] == [("tables[1].dimensions[0].name", "unknown-dimension")]
    assert "did you mean 'gender'?" in found[0].message


def test_every_vocabulary_name_fills_its_label_column():
    from scripts.packages.observations import DIMENSION_NAMES, HEADER, _labels
    with (ROOT / "datapackages/reference/dimensions.csv").open(encoding="utf-8") as f:
        vocabulary = {r["code"]: r["label_column"] for r in csv.DictReader(f)}
    assert set(vocabulary) >= {"offence", "outcome", "age", "year", "month", "period", "keyword", "platform", "question", "measure",
                               "area", "gender", "ethnicity", "system", "category"}
    assert set(vocabulary.values()) <= set(HEADER)  # every label column is a column of the observations
    for name, column in vocabulary.items():
        if name != "system":  # the row's system fills system (the table's otherwise): tested in request_rows' test below
            assert _labels({name: "x"}, [name])[column] == "x", name
    assert set(vocabulary) - {"system"} <= set(DIMENSION_NAMES)
    assert _labels({"victim_age": "12-15"}, ["victim_age"])["victim_age"] == "12-15"
    assert _labels({"suspect_age": "12-15"}, ["suspect_age"])["age"] == "12-15"  # any other age name fills age


@pytest.mark.parametrize("quote, rule, response, start, end", [
    ("In the last financial year 2021/22", "financial-year", None, "2021-04-01", "2022-03-31"),
    ("FY 2014-15 FY 2015-16 FY 2016-17 FY 2017-18 FY 2018-19", "financial-year", None, "2014-04-01", "2019-03-31"),
    ("in the last financial year", "last-financial-year", "2022-06-01", "2021-04-01", "2022-03-31"),
    ("in the last financial year", "last-financial-year", "2022-02-01", "2020-04-01", "2021-03-31"),
    ("Q1 2021/22", "quarter", None, "2021-04-01", "2021-06-30"),
    ("Q4 2021/22", "quarter", None, "2022-01-01", "2022-03-31"),
    ("Q3 2020", "quarter", None, "2020-07-01", "2020-09-30"),
    ("from January 2019 to date", "to-date", "2022-05-02", "2019-01-01", "2022-05-02"),
])
def test_periods_as_forces_write_them(quote, rule, response, start, end):
    assert claims.period_problem(start, end, quote, "inferred", rule, response) is None


def test_a_financial_year_is_not_a_calendar_year_and_the_error_says_what_it_accepts():
    why = claims.period_problem("2021-01-01", "2021-12-31", "In the last financial year 2021/22")
    assert "rule: financial-year" in why
    why = claims.period_problem("2021-01-01", "2022-03-31", "2021/22", "inferred", "financial-year")
    assert why.endswith("it would accept start 2021-04-01 (the period it states runs 2021-04-01 to 2022-03-31)")
    assert "it would accept start 2016-01-01" in claims.period_problem("2016-02-01", "2016-12-31", "January 2016 – December 2017")
    assert "names its rule" in claims.period_problem("2021-04-01", "2022-03-31", "2021/22", "inferred", None)


@pytest.mark.parametrize("quote, start, end, accepted", [
    ("between 1st April 2024 and 31st March 2025", "2024-01-01", "2025-12-31", "2024-04-01 to 2025-03-31"),
    ("1 March 2019 to 28 February 2020", "2019-01-01", "2020-12-31", "2019-03-01 to 2020-02-28"),
    ("1 March 2019 to 28 February 2020", "2019-03-01", "2020-12-31", "2019-03-01 to 2020-02-28"),
    ("March 2019 to February 2020", "2019-01-01", "2020-12-31", "2019-03-01 to 2020-02-29"),
])
def test_a_quote_with_full_dates_is_never_accepted_as_whole_years(quote, start, end, accepted):
    """The loophole: a year written inside a full date (or a month) used to stand for the whole calendar year."""
    why = claims.period_problem(start, end, quote)
    assert why is not None and why.endswith(f"(the period it states runs {accepted})")
    first, last = accepted.split(" to ")
    assert claims.period_problem(first, last, quote) is None
    assert claims.period_problem("2017-01-01", "2018-05-22", "2017 to 22 May 2018") is None  # a year alone is still a year


def test_an_inferred_financial_year_builds_and_says_its_rule(tmp_path):
    root = project(tmp_path)
    edit(root, NORTHANTS, "    quote: between 1st April 2024 and 31st March 2025\n",
         "    quote: between 1st April 2024 and 31st March 2025\n  - label: Financial year\n    start: \"2024-04-01\"\n"
         "    end: \"2025-03-31\"\n    quote: Question 1\n    basis: inferred\n    rule: financial-year\n")
    found = problems(root)
    assert [(p.field, p.code) for p in found] == [("periods[1].start", "date")]  # "Question 1" names no financial year
    assert "gives no start" in found[0].message


def test_a_declared_computed_number_may_be_restated(tmp_path):
    root = project(tmp_path)
    edit(root, NORTHANTS, "  (section 40(2)).\n", "  (section 40(2)). The table's sums add up to 46.\n")
    found = problems(root)
    assert [(p.line, p.field, p.code) for p in found] == [(10, "summary", "claim-not-in-text")]  # the line holding 46
    edit(root, NORTHANTS, "questions:\n", "computed:\n  - value: 46\n    sum_of: [22, 24]\n    note: the Sum row's cells\nquestions:\n")
    assert problems(root) == []
    edit(root, NORTHANTS, "sum_of: [22, 24]", "sum_of: [22, 2]")
    assert sorted((p.field, p.code) for p in problems(root)) == [("computed[0].value", "claim-not-in-text"), ("summary", "claim-not-in-text")]
    edit(root, NORTHANTS, "sum_of: [22, 2]", "difference: [68, 22]")  # 68 is not written in the response
    assert sorted((p.field, p.code) for p in problems(root)) == [("computed[0]", "claim-not-in-text"), ("summary", "claim-not-in-text")]


def test_the_package_says_each_facts_basis(tmp_path):
    from scripts.build.build import main
    root = project(tmp_path)
    assert main(["--root", str(root), "--no-site"]) == 0
    d = json.loads((root / "build/datapackages" / NORTHANTS / "datapackage.json").read_text(encoding="utf-8"))
    req = d["foi:request"]
    assert req["referenceBasis"] == {"basis": "from-source", "quote": "disclosure-logs/2025/october/foi-10905-25-sexual-communication-"
                                     "with-a-child", "from": "url", "note": req["referenceBasis"]["note"]}
    assert req["force"]["attribution"] == "from-source" and req["force"]["evidence"][0]["from"] == "url"
    assert "lines" not in req["force"]["evidence"][0]
    readme = (root / "build/datapackages" / NORTHANTS / "README.md").read_text(encoding="utf-8")
    assert "(undated)" in readme and "n.d." not in readme and "named where the response was published" in readme


def test_errors_say_how_to_fix():
    from scripts.curated import yamlio
    with pytest.raises(yamlio.CurationYAMLError) as err:
        yamlio.load("title: Outcome 21: the figures\n")
    assert err.value.line == 1 and "at column 18" in err.value.message and "must be quoted" in err.value.message
    assert claims.date_problem("2019-09-18", "17th September 2019").endswith("; it gives 2019-09-17")
    assert "no year" in claims.date_problem("2019-08-20", "received on 19th August")


def test_offence_labels_map_through_the_reference_without_being_retyped():
    """A label maps to a code the curator gives when it is the code's quote, writes the code (stated), or is one of the
    code's titles in the reference lists (implied); never with a basis it does not have, never to two codes."""
    from scripts.curated.reference import label_names_code, load_reference, offence_names
    ref = load_reference(ROOT / "datapackages/reference")
    names = offence_names(ref)
    stated = {"code": "86/2", "basis": "stated", "quote": "something else"}
    implied = {"code": "88A", "basis": "implied", "quote": "something else"}
    assert label_names_code("086/02 - Take or to make indecent photographs", stated, names) == (
        2, "the label starts with the code: it writes the code as '086/02' (reference/offence_codes.csv)")
    assert label_names_code("086/02", stated, names) == (0, "")  # the code alone is no label of an offence
    assert label_names_code("sexual  grooming.", implied, names) == (3, "the label is its title in reference/offence_codes.csv ('Sexual grooming')")
    assert label_names_code("Taking, making or distribution of an indecent (or pseudo sexual) image of a child",
                            {**stated, "basis": "implied"}, names)[1].startswith(
        "the label is a force's title for it in reference/code_titles.csv (offence_codes:86/2:1:")
    assert label_names_code("Sexual Grooming", {**implied, "basis": "stated"}, names) == (0, "")  # a title never states a code
    assert label_names_code("Something Else.", stated, names) == (1, "the label is the quote given for the code")


def test_a_request_without_labels_maps_its_offences_as_before(tmp_path):
    """Bedfordshire lists no labels: under its offence codes: every offence label still maps, and the package says why."""
    import json

    from scripts.build.build import build
    root = project(tmp_path, "bedfordshire-foi2019-05348")
    text = (root / "datapackages/bedfordshire-foi2019-05348/request.yaml").read_text()
    assert "labels:" not in text
    build(root, site=False)
    descriptor = json.loads((root / "build/datapackages/bedfordshire-foi2019-05348/datapackage.json").read_text())
    codes = descriptor["foi:request"]["offenceCodes"]
    assert [(c["code"], c["basis"], len(c["labelsMapped"])) for c in codes] == [
        ("86/2", "stated", 1), ("86/2", "implied", 1), ("86/10", "stated", 1), ("86/10", "implied", 1), ("86/15", "implied", 1)]
    assert codes[0]["titleSource"]["list"] == "reference/offence_codes.csv"
    rows = [r for r in csv.DictReader((root / "build/datapackages/all/observations.csv").open(encoding="utf-8"))
            if r["request_id"] == "bedfordshire-foi2019-05348" and r["offence"] not in ("", "Total")]
    assert rows and all(r["offence_code"] for r in rows)


AVON = "avon-and-somerset-1247-22"  # real: its only period is a financial year; its outcomes add up to 244, its sum says 245


def test_a_real_financial_years_only_response_builds_with_its_inferred_period(tmp_path):
    import json

    from scripts.build.build import build
    root = project(tmp_path, AVON)
    build(root, site=False)
    d = json.loads((root / "build/datapackages" / AVON / "datapackage.json").read_text())
    period = d["foi:request"]["periods"][0]
    assert (period["start"], period["end"], period["basis"]) == ("2021-04-01", "2022-03-31", "inferred")
    assert period["rule"].startswith("financial year") and period["quote"] == "In the last financial year 2021/22"
    outcomes = next(r for r in d["resources"] if r["name"] == "outcomes")
    assert outcomes["foi:sums"]["basis"] == "declared"  # its total does not reconcile, so it says nothing of additivity
    rows = list(csv.DictReader((root / "build/datapackages" / AVON / f"tables/{AVON}--outcomes.csv").open(encoding="utf-8")))
    assert {r["outcome"]: r["outcome_type"] for r in rows}["OC21 – Investig. not in Public Int. (Police)"] == "21"  # reference/outcome_labels


def test_a_table_whose_totals_do_not_reconcile_must_declare_its_additivity(tmp_path):
    root = project(tmp_path, AVON)
    path = root / "datapackages" / AVON / "request.yaml"
    text = path.read_text()
    start = text.index("    sums:\n      additive: true\n")
    path.write_text(text[:start] + text[text.index("    mismatches:\n", start):])
    assert [(p.field, p.code) for p in problems(root)] == [("tables[1].name", "sums-undeclared")]
