"""make draft: a first request.yaml from a response text, measured against the curated seeds (issue 26)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.curated.collect import load_all
from scripts.curated.errors import BuildFailed
from scripts.draft.__main__ import main
from scripts.draft.measure import SEEDS, compare

ROOT = Path(__file__).resolve().parent.parent
NORTHANTS = "northamptonshire-foi-10905-25"


def test_drafts_of_the_seeds_propose_most_facts_and_nothing_false():
    correct = blank = 0
    false = []
    for seed in SEEDS:
        result = compare(seed)
        correct, blank = correct + len(result["correct"]), blank + len(result["blank"])
        false += [f"{seed}: {f}" for f in result["false"]]
    assert false == []
    assert correct / (correct + blank) >= 0.8, (correct, blank)


def test_a_draft_never_overwrites_a_file(tmp_path, capsys):
    shutil.copy(ROOT / "datapackages" / NORTHANTS / "response.txt", tmp_path / "response.txt")
    (tmp_path / "request.yaml").write_text("mine\n", encoding="utf-8")
    assert main([str(tmp_path / "response.txt")]) == 1
    assert (tmp_path / "request.yaml").read_text(encoding="utf-8") == "mine\n"
    assert "never overwrites" in capsys.readouterr().err
    (tmp_path / "request.yaml").unlink()
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "table-1.csv").write_text("mine\n", encoding="utf-8")
    assert main([str(tmp_path / "response.txt")]) == 0
    assert (tmp_path / "tables" / "table-1.csv").read_text(encoding="utf-8") == "mine\n"
    assert "tables/table-1.csv: exists, not written" in (tmp_path / "request.yaml").read_text(encoding="utf-8")


def test_a_draft_from_an_address_and_the_build_refusing_it(tmp_path):
    """The real response with no reference or force in its text: both come from its address; the build refuses the draft."""
    curated = yaml.safe_load((ROOT / "datapackages" / NORTHANTS / "request.yaml").read_text(encoding="utf-8"))
    shutil.copytree(ROOT / "datapackages" / "reference", tmp_path / "datapackages" / "reference")
    folder = tmp_path / "datapackages" / NORTHANTS
    folder.mkdir()
    shutil.copy(ROOT / "datapackages" / NORTHANTS / "response.txt", folder / "response.txt")
    assert main([str(folder / "response.txt"), "--url", curated["source"]["url"], "--reference", str(tmp_path / "datapackages/reference")]) == 0
    text = (folder / "request.yaml").read_text(encoding="utf-8")
    got = yaml.safe_load(text)
    assert got["draft"] is True and text.index("draft: true") < text.index("reference:")
    assert got["reference"] == {"value": "foi-10905-25", "basis": "from-source", "from": "url",
                                "quote": "foi-10905-25-sexual-communication-with-a-child"}
    assert got["force"]["code"] == "northamptonshire" and got["force"]["attribution"] == "from-source"
    assert got["periods"][0]["start"] == "2024-04-01" and got["periods"][0]["end"] == "2025-03-31"
    assert [c["code"] for c in got["offence_codes"]] == ["71/17"] and got["topics"] == ["sexual-communication"]
    assert "dates.response: no date" in text  # listed as left blank, not invented
    with pytest.raises(BuildFailed) as err:
        load_all(tmp_path)
    assert "draft" in {p.code for p in err.value.problems}


@pytest.mark.parametrize("target", ["build", "packages", "test", "check", "serve", "bench", "lint", "extract", "draft", "browser",
                                    "clean", "screenshots"])
def test_every_make_target_answers_help_without_other_arguments(target):
    out = subprocess.run(["make", "-s", "-C", str(ROOT), target, "ARGS=--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert re.match(rf"make {target}: \S", out.stdout), out.stdout


def test_a_date_of_request_is_never_proposed_as_the_response_date():
    """Avon and Somerset 1247-22 heads its page 'Date of request: 7 November 2022': the draft used to propose it as the
    response date, which the build accepts (the quote does give that date), so a false fact would have stood."""
    from scripts.draft.identity import dates
    found, blank = dates(["Sexual Grooming HO code 88A incidents in financial year 2021/2", "", "Date of request: 7 November 2022",
                          "Reference: 1247-22"])
    assert "response" not in found and blank[0].startswith("dates.response")
    assert dates(["Date: 17th September 2019"])[0]["response"]["date"] == "2019-09-17"


def test_answers_numbered_again_from_1a_are_not_proposed_as_questions():
    """Avon and Somerset 1247-22 asks questions 1 to 3, then answers '1a)From 2021 to 2022 ...' and '1b)Please see table
    below ...': those were proposed as questions 1a and 1b, with the answers' words as their text."""
    from scripts.draft.questions import questions
    lines = (ROOT / "datapackages/avon-and-somerset-1247-22/response.txt").read_text(encoding="utf-8").split("\n")
    assert [q["id"] for q in questions(lines)[0]] == ["1", "2", "3"]
    assert questions(["1. How many?", "1a. Of those, how many girls?", "2. And boys?"])[0][1]["id"] == "1a"  # a sub-question stays
