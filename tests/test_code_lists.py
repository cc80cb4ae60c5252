"""The code lists say where each title comes from: an address and a date, the source's own words, or why there is none."""
from __future__ import annotations

import csv

import pytest

from .conftest import ROOT

REF = ROOT / "datapackages" / "reference"


def rows(name: str) -> list[dict]:
    with (REF / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", ["outcome_types", "offence_codes"])
def test_a_title_is_sourced_or_says_it_is_not(name):
    for r in rows(name):
        if r["verified"] in ("yes", "partly"):
            assert r["source_url"] and r["source_date"] and "not verified" not in r["title"], r["code"]
        else:
            assert r["verified"] == "no" and r["source"], r["code"]


def test_every_source_found_is_quoted_word_for_word():
    titles = rows("code_titles")
    lists = {"outcome_types": {r["code"] for r in rows("outcome_types")}, "offence_codes": {r["code"] for r in rows("offence_codes")}}
    for r in titles:
        assert r["list_code"] in lists[r["list"]], r["code"]
        assert r["source_url"] and r["source_date"] and r["source_kind"] and r["quote"], r["code"]
        assert "[" not in r["quote"], r["code"]  # a remark of ours is a note, never inside the source's words
        if r["title"]:
            assert " ".join(r["title"].split()).casefold() in " ".join(r["quote"].split()).casefold(), r["code"]


def test_a_listed_title_is_one_a_source_gives():
    """The title a list shows is one of its sources' wordings (a changed title keeps both, with dates, in code_titles)."""
    found = {}
    for r in rows("code_titles"):
        found.setdefault((r["list"], r["list_code"]), set()).add(r["title"].casefold())
    for name in ("outcome_types", "offence_codes"):
        for r in rows(name):
            if r["verified"] != "no" and (name, r["code"]) in found:
                assert r["title"].casefold() in found[(name, r["code"])], (name, r["code"])
    outcome_21 = {t for t in found[("outcome_types", "21")] if t.startswith("further investigation, resulting from")}
    assert len(outcome_21) == 2  # "the suspect" (January 2016), "the named suspect" (2024): both kept, with their dates


def test_a_verified_title_is_quoted_from_the_source_it_cites():
    """A title marked yes stands in code_titles with the same words and the same address: the row's source is quoted."""
    quoted = {(r["list"], r["list_code"], r["title"].casefold(), r["source_url"]) for r in rows("code_titles")}
    for name in ("outcome_types", "offence_codes"):
        for r in rows(name):
            if r["verified"] == "yes":
                assert (name, r["code"], r["title"].casefold(), r["source_url"]) in quoted, (name, r["code"])
