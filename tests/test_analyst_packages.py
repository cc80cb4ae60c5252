"""Each zip used as an analyst would: frictionless, pandas and the JSON downloads, with no reshaping and no trap."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pandas as pd
from frictionless import Package
from .conftest import COLLECTION

BED = "bedfordshire-foi2019-05348"
SY21 = "south-yorkshire-20210999"
ZIPS = [BED, "hertfordshire-foi2018-00739", "south-yorkshire-20180075", "south-yorkshire-20180799", SY21, "reference", "all"]


def test_frictionless_validates_every_zip_and_all_its_resources(built):
    for name in ZIPS:
        result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(built / f"{name}.zip")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-1500:]
        report = json.loads(result.stdout)
        descriptor = json.loads((built / name / "datapackage.json").read_text())
        assert report["valid"] and len(report["tasks"]) == len(descriptor["resources"]), name


def test_a_zip_opens_as_a_package(built):
    package = Package(str(built / f"{BED}.zip"))
    assert package.name == BED
    rows = package.get_resource("cms-offenders-under-14").read_rows()
    assert len(rows) == 33 and rows[0]["is_total"] is True and rows[0]["value"] == 33


def test_every_zip_has_a_readme(built):
    for name in ZIPS:
        with zipfile.ZipFile(built / f"{name}.zip") as zf:
            readme = zf.read("README.md").decode()
        assert readme.startswith("# ") and "## How to read the tables" in readme and "## Licences" in readme, name


def _tables(built):
    for name in ZIPS[:5]:
        descriptor = json.loads((built / name / "datapackage.json").read_text())
        for resource in (r for r in descriptor["resources"] if "foi:layout" in r):
            dims = resource["foi:layout"]["rows"] + resource["foi:layout"]["columns"]
            yield name, resource, dims, pd.read_csv(built / name / resource["path"], dtype={d: str for d in dims})


def test_pivot_without_totals_gives_the_forces_own_totals(built):
    """For every stated total of every table, the non-total rows it covers add up to it (blank cells count as nothing)."""
    checked = 0
    for name, resource, dims, df in _tables(built):
        parts = df[~df["is_total"]]
        for _, total in df[df["is_total"]].iterrows():
            mask = pd.Series(True, index=parts.index)
            for d in dims:
                if total[d] != "Total":
                    mask &= parts[d] == total[d]
            stated = 0 if pd.isna(total["value"]) else total["value"]  # a blank total over blank parts
            assert parts[mask]["value"].fillna(0).sum() == stated, (name, resource["name"], dict(total))
            checked += 1
    assert checked == 21 + 17  # every stated total of Bedfordshire's CMS and Athena tables


def test_summing_the_value_column_without_is_total_does_not_double_count(built):
    """The trap of issue 9: summing everything gives 1,152 for Bedfordshire's 144 offences; excluding is_total gives 144."""
    obs = pd.read_csv(built / "all" / "observations.csv", parse_dates=["period_start", "period_end"])
    bed = obs[obs.request_id == BED]
    assert bed["value"].sum() == 1152
    assert bed[~bed["is_total"]]["value"].sum() == 53 + 91 == 144


LABELS = {c: str for c in ["label", "question", "question_id", "outcome", "offence", "offender_age", "victim_age", "age", "age_band",
                             "gender", "year", "month", "keyword", "platform", "measure", "offence_code", "outcome_type"]}


def test_observations_load_in_one_read_csv_and_say_what_they_are(built):
    """The one read_csv the combined README recommends: labels and codes as text, dates as dates."""
    obs = pd.read_csv(built / "all" / "observations.csv", parse_dates=["period_start", "period_end"], dtype=LABELS)
    assert obs["is_total"].dtype == bool and str(obs["period_start"].dtype).startswith("datetime64")
    assert not obs[["request_id", "force", "reference", "table", "table_measure", "status", "source", "line"]].isna().any().any()
    herts = obs[(obs.request_id == "hertfordshire-foi2018-00739")]
    assert len(herts) == 3 and herts["measure"].str.contains("Indecent Images of Children").sum() == 2
    assert list(herts["question"]) == ["Q1", "Q2", "Q3"], "the two 'Indecent Images' rows are told apart in the row itself"
    sc = obs[obs.offence_code == "71/17"]
    assert 30 in sc["value"].tolist(), "filtering by 71/17 finds the 30 offences without victim details"
    assert set(sc["code_role"]) == {"subset", "related"}, "none of them is a count of 71/17 offences"
    assert set(obs["offence_code_basis"].dropna()) <= {"stated", "implied", "mapped"}
    assert set(obs[obs.outcome == "UNSOLVED"]["outcome_type_basis"]) == {"unmapped"}
    assert sorted(obs[obs.outcome_type == "21"]["value"].tolist()) == [4, 88]  # Avon and Somerset's OC21 row, Hertfordshire's count


def test_combined_package_metadata(built):
    d = json.loads((built / "all" / "datapackage.json").read_text())
    assert d["created"].endswith("T00:00:00Z") and d["sources"] and len(d["sources"]) == len(COLLECTION)
    roles = {c["title"]: c["roles"] for c in d["contributors"]}
    assert roles["Bedfordshire Police"] == ["creator"] and ["dataCurator"] in roles.values()
    assert all(r.get("description") for r in d["resources"]), "every table is described"
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in d["resources"]}
    assert fields["observations"]["period_start"]["type"] == "date" and fields["requests"]["response_date"]["type"] == "date"
    assert fields["questions"]["status"]["title"] == "Answer status" and "status" in fields["observations"]
    assert "leave these rows out" in fields["observations"]["is_total"]["description"]


def test_request_package_licences_and_roles(built):
    d = json.loads((built / BED / "datapackage.json").read_text())
    assert [c["roles"] for c in d["contributors"]] == [["creator"], ["dataCurator"]]
    assert "not the forces' response texts" in d["licenses"][0]["title"]
    response = next(r for r in d["resources"] if r["name"] == "response")
    assert response["foi:licence"] == "not stated" and "type" not in response


def test_json_download_says_what_it_is(built):
    data = json.loads((built / "json" / SY21 / f"{SY21}--keyword-counts.json").read_text())
    assert data["force"]["code"] == "south-yorkshire" and data["reference"] == "20210999"
    assert data["period"] == {"label": "Keyword search", "start": "2020-04-01", "end": "2021-03-31"}
    assert {k: data["rows"][2][k] for k in ("keyword", "value", "status", "is_total", "additive", "line")} == \
        {"keyword": "TWITTER", "value": 0, "status": "nil", "is_total": False, "additive": False, "line": 36}
    assert any(c["kind"] == "keyword-search" for c in data["caveats"])


def test_downloaded_csv_names_carry_the_request_id(built):
    for name in ZIPS[:5]:
        for path in (built / name / "tables").glob("*.csv") if (built / name / "tables").is_dir() else []:
            assert path.name.startswith(f"{name}--"), path
        with zipfile.ZipFile(built / f"{name}.zip") as zf:
            assert "datapackage.json" in zf.namelist()
            io.BytesIO(zf.read("datapackage.json"))
