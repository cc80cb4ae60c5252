"""The README and the curation guide against the code: every target, field and problem code they name exists."""
from __future__ import annotations

import re

from scripts.curated.errors import CODES
from scripts.curated.load import load_schema

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "curation.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def schema_properties(node, out=None) -> set[str]:
    """Every property name anywhere in the schema (its $defs included)."""
    out = set() if out is None else out
    if isinstance(node, dict):
        out.update(node.get("properties", {}))
        for value in node.values():
            schema_properties(value, out)
    elif isinstance(node, list):
        for value in node:
            schema_properties(value, out)
    return out


def resolve(schema: dict, dotted: str) -> bool:
    """Whether a dotted path such as source.sha256 is a path of nested properties in the schema."""
    defs = schema["$defs"]
    node = schema
    for part in dotted.split("."):
        while "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        if node.get("type") == "array":
            node = node["items"]
            while "$ref" in node:
                node = defs[node["$ref"].split("/")[-1]]
        if part not in node.get("properties", {}):
            return False
        node = node["properties"][part]
    return True


def test_every_make_target_named_exists():
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.MULTILINE))
    named = set(re.findall(r"(?:`|^)make ([a-z-]+)", README + GUIDE, re.MULTILINE))  # in code, not prose ("make the charts")
    assert named and named <= targets, named - targets


def test_every_field_the_guide_names_is_in_the_schema():
    schema = load_schema()
    props = schema_properties(schema)
    bold = set(re.findall(r"\*\*([a-z_]+)\*\*", GUIDE))
    assert bold and bold <= props, bold - props
    files = ("yaml", "yml", "txt", "html", "csv", "xlsx", "ods", "pdf", "md")
    dotted = {d for d in re.findall(r"`([a-z_]+\.[a-z_0-9]+)`", GUIDE) if d.rsplit(".", 1)[1] not in files}
    assert all(resolve(schema, d) for d in dotted), [d for d in dotted if not resolve(schema, d)]


def test_every_problem_code_is_explained_in_the_guide():
    listed = re.findall(r"^\| `([a-z-]+)` \|", GUIDE, re.MULTILINE)
    assert sorted(listed) == sorted(CODES)


def test_every_answer_status_is_named_in_the_guide():
    import csv
    with (ROOT / "datapackages/reference/answer_statuses.csv").open(encoding="utf-8") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    assert all(f"`{c}`" in GUIDE for c in codes), [c for c in codes if f"`{c}`" not in GUIDE]


def test_every_query_the_search_page_offers_as_an_example_is_one_search_is_tested_to_find():
    """The search page's hint promises what a reader can type; each example in it is a query the browser test runs."""
    from .test_search_browser import EXPECTED
    hint = (ROOT / "docs" / "search.md").read_text(encoding="utf-8").split('<div class="foi-search"')[0]
    examples = re.findall(r"`([^`]+)`", hint) + re.findall(r'"([^"]+)"', hint)
    assert examples, "the hint gives no example"
    assert [e for e in examples if e not in EXPECTED] == []
