"""Every built package conforms to the official Data Package v2 JSON Schema profiles, checked as the build checks it."""
from __future__ import annotations

import hashlib
import json
import re

from scripts.validate import PROFILES, v2_problems


def test_every_built_package_passes_the_v2_profiles(built):
    descriptors = sorted(built.glob("*/datapackage.json"))
    assert len(descriptors) >= 7
    for descriptor in descriptors:
        assert v2_problems(descriptor) == [], descriptor.parent.name


def test_a_text_resource_type_fails_with_a_clear_problem(built, tmp_path):
    """v2 allows only type "table"; the check names the file, the JSON path and the profile."""
    data = json.loads((built / "hertfordshire-foi2018-00739" / "datapackage.json").read_text())
    response = next(r for r in data["resources"] if r["name"] == "response")
    assert "type" not in response
    response["type"] = "text"
    data["licenses"][0]["name"] = "CC BY 4.0"
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps(data))
    problems = [str(p) for p in v2_problems(folder / "datapackage.json")]
    index = data["resources"].index(response)
    expected = f"resources/{index}/type: v2-profile: 'text' is not one of ['table'] (Data Package v2 Data Package profile) [profile]"
    assert f"broken/datapackage.json: {expected}" in problems
    assert any(p.startswith("broken/datapackage.json: licenses/0/name: v2-profile: 'CC BY 4.0' does not match") for p in problems)


def test_stored_profiles_are_the_recorded_bytes():
    """The profiles are kept byte for byte as published; SOURCE.md records their hashes."""
    source = (PROFILES / "SOURCE.md").read_text()
    recorded = dict(re.findall(r"`(\w+\.json)` ([0-9a-f]{64})", source))
    assert set(recorded) == {"datapackage.json", "dataresource.json", "tableschema.json", "tabledialect.json"}
    for name, digest in recorded.items():
        assert hashlib.sha256((PROFILES / name).read_bytes()).hexdigest() == digest
