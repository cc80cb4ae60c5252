"""Every built package conforms to the official Data Package v2 JSON Schema profiles, checked as the build checks it."""
from __future__ import annotations

import hashlib
import json

from scripts.packages.validate import PROFILES, v2_problems


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


def test_profiles_are_the_official_v2_files():
    """The profiles read from dplib-py are the official v2 files: their sha256 are pinned here, so a package update that
    changed them would be noticed (the same bytes as datapackage.org/profiles/2.0/ when this was written)."""
    expected = {
        "datapackage.json": "a9ef0fc168b3402ae7aa7d22bbcb798e0db6b639e7ee15ff4aa177463cea7112",
        "dataresource.json": "067d769b44b22178615620d37ac4e9f732cf0459c5540255cbba2480aa91c35a",
        "tableschema.json": "a67779642acc7f51031d2e881166d31ef8dd90cd8a92c9ff8821d7a8821d0490",
        "tabledialect.json": "54e884a84e499b9f63b2f04e8e8aa47f4f2257fdf94a71b9462f40ed19a1d3b3",
    }
    assert {name: hashlib.sha256((PROFILES / name).read_bytes()).hexdigest() for name in expected} == expected




def test_the_package_profile_catches_whatever_a_part_profile_catches(built):
    """The build runs the resource, table schema and dialect profiles only when the package profile fails (it embeds
    them); so every breakage a part profile finds must fail the package profile too."""
    import copy

    from scripts.packages.validate import profile

    data = json.loads((built / "hertfordshire-foi2018-00739" / "datapackage.json").read_text())
    table = next(i for i, r in enumerate(data["resources"]) if isinstance(r.get("schema"), dict))
    breakages = {
        "field type": lambda r: r["schema"]["fields"][0].update(type="banana"),
        "field constraint": lambda r: r["schema"]["fields"][0].update(constraints={"required": "yes"}),
        "field without name": lambda r: r["schema"]["fields"][0].pop("name"),
        "primary key": lambda r: r["schema"].update(primaryKey=5),
        "missing values": lambda r: r["schema"].update(missingValues=5),
        "foreign key": lambda r: r["schema"].update(foreignKeys=[{"fields": "a"}]),
        "dialect": lambda r: r.update(dialect={"delimiter": 5}),
        "bytes": lambda r: r.update(bytes="many"),
        "hash": lambda r: r.update(hash=5),
        "path": lambda r: r.update(path=5),
        "sources": lambda r: r.update(sources="the force"),
        "licenses": lambda r: r.update(licenses=[{}]),
    }
    for name, breakage in breakages.items():
        broken = copy.deepcopy(data)
        resource = broken["resources"][table]
        breakage(resource)
        part = list(profile("dataresource").iter_errors(resource)) + list(profile("tableschema").iter_errors(resource["schema"]))
        part += list(profile("tabledialect").iter_errors(resource.get("dialect") or {}))
        assert part, f"{name}: the part profiles do not catch it (a useless case)"
        assert list(profile("datapackage").iter_errors(broken)), f"{name}: only a part profile catches it"


def test_the_fast_check_passes_nothing_that_jsonschema_fails(built):
    """The build asks jsonschema-rs first and skips jsonschema when it passes; so every breakage jsonschema reports
    (in the package, a resource, a table schema or a dialect) must fail the fast check too, or it would go unreported."""
    import copy

    from scripts.packages.validate import fast_profile, profile

    data = json.loads((built / "hertfordshire-foi2018-00739" / "datapackage.json").read_text())
    table = next(i for i, r in enumerate(data["resources"]) if isinstance(r.get("schema"), dict))
    breakages = {
        "package name": lambda d, r: d.update(name=5),
        "resources empty": lambda d, r: d.update(resources=[]),
        "licence name": lambda d, r: d["licenses"][0].update(name="CC BY 4.0"),
        "contributor email": lambda d, r: d.update(contributors=[{"title": "x", "email": "not an address"}]),
        "keywords": lambda d, r: d.update(keywords="sexting"),
        "version": lambda d, r: d.update(version=2),
        "resource type": lambda d, r: r.update(type="text"),
        "field type": lambda d, r: r["schema"]["fields"][0].update(type="banana"),
        "field constraint": lambda d, r: r["schema"]["fields"][0].update(constraints={"required": "yes"}),
        "field without name": lambda d, r: r["schema"]["fields"][0].pop("name"),
        "primary key": lambda d, r: r["schema"].update(primaryKey=5),
        "missing values": lambda d, r: r["schema"].update(missingValues=5),
        "foreign key": lambda d, r: r["schema"].update(foreignKeys=[{"fields": "a"}]),
        "dialect": lambda d, r: r.update(dialect={"delimiter": 5}),
        "bytes": lambda d, r: r.update(bytes="many"),
        "hash": lambda d, r: r.update(hash=5),
        "path": lambda d, r: r.update(path=5),
        "absolute path": lambda d, r: r.update(path="/etc/passwd"),
        "parent path": lambda d, r: r.update(path="../other/data.csv"),
        "sources": lambda d, r: r.update(sources="the force"),
    }
    assert fast_profile("datapackage").is_valid(data) and profile("datapackage").is_valid(data)
    for name, breakage in breakages.items():
        broken = copy.deepcopy(data)
        breakage(broken, broken["resources"][table])
        assert list(profile("datapackage").iter_errors(broken)), f"{name}: jsonschema passes it (a useless case)"
        assert not fast_profile("datapackage").is_valid(broken), f"{name}: the fast check passes what jsonschema fails"
