"""Same input, same bytes: two builds of the same sources are identical, file for file."""
from __future__ import annotations

import subprocess
import sys

from scripts.build.build import build

from .conftest import copy_project
from .test_bad_inputs import snapshot


def test_two_builds_give_identical_bytes(tmp_path):
    first = copy_project(tmp_path / "a")
    second = copy_project(tmp_path / "b")
    build(first, site=False)
    build(second, site=False)
    a, b = snapshot(first / "build"), snapshot(second / "build")
    assert a.keys() == b.keys() and len(a) > 40
    assert [k for k in a if a[k] != b[k]] == []


def test_rebuild_in_place_is_identical(built, tmp_path):
    root = built.parent.parent
    before = snapshot(root / "build")
    build(root, site=False)
    assert snapshot(root / "build") == before


def test_frictionless_cli_validates_every_package(built):
    """The published packages pass `frictionless validate`, as an analyst would run it."""
    exe = [sys.executable, "-m", "frictionless"]
    packages = sorted(built.glob("*/datapackage.json"))
    assert len(packages) == 10  # eight requests, reference and all
    for descriptor in packages:
        result = subprocess.run(exe + ["validate", str(descriptor)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-2000:]


def test_site_builds_are_identical(site_root, tmp_path):
    """The whole build/, site included (sitemap dates come from the data, not the clock)."""
    other = copy_project(tmp_path / "again")
    build(other, site=True)
    a, b = snapshot(site_root / "build"), snapshot(other / "build")
    assert a.keys() == b.keys() and any(k.startswith("site/") for k in a)
    assert [k for k in a if a[k] != b[k]] == []


def test_the_site_build_time_is_the_newest_package_date(built):
    """SOURCE_DATE_EPOCH (the sitemap's dates) is read from two descriptors: it must equal the newest `created` of all."""
    import json
    from datetime import datetime

    from scripts.site.site import source_date_epoch
    catalog = json.loads((built / "catalog.json").read_text(encoding="utf-8"))["packages"]
    created = [json.loads((built / p["path"]).read_text(encoding="utf-8")).get("created") for p in catalog]
    created = [c for c in created if c]
    assert len(catalog) == 10 and len(set(created)) > 1
    assert source_date_epoch(built) == str(int(datetime.fromisoformat(max(created).replace("Z", "+00:00")).timestamp()))
