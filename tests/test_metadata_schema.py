"""Every curated request.yaml passes the one schema (owid/etl style)."""
from __future__ import annotations

import jsonschema
import pytest

from scripts.curated import yamlio
from scripts.curated.load import load_schema

from .conftest import ROOT

REQUESTS = sorted((ROOT / "datapackages").glob("*/request.yaml"))


def test_there_are_requests():
    assert len(REQUESTS) >= 5


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: p.parent.name)
def test_request_yaml_passes_schema(path):
    data, _ = yamlio.load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(load_schema())
