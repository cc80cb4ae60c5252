"""The build's last check of what it wrote: frictionless and the v2 profiles find a damaged package, file by file."""
from __future__ import annotations

import csv
import json
import shutil

import pytest

from scripts.packages.validate import frictionless_problems, validate_package

NAME = "hertfordshire-foi2018-00739"


def _copy(built, tmp_path):
    shutil.copytree(built / NAME, tmp_path / NAME, symlinks=True)
    descriptor = tmp_path / NAME / "datapackage.json"
    return descriptor, json.loads(descriptor.read_text())


def _first_table(data):
    return next(r for r in data["resources"] if r.get("schema") and r["path"].startswith("tables/"))


def _rewrite_csv(path, change):
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def test_the_built_package_has_no_problem(built, tmp_path):
    descriptor, _ = _copy(built, tmp_path)
    assert validate_package(descriptor) == []


@pytest.mark.parametrize("damage, expected", [
    ("value not an integer", "type-error"),
    ("a column too many", "extra-label"),
    ("bytes changed", "hash-count"),
    ("file missing", "scheme-error"),
])
def test_a_damaged_table_is_found(built, tmp_path, damage, expected):
    descriptor, data = _copy(built, tmp_path)
    table = _first_table(data)
    path = descriptor.parent / table["path"]
    value = [f["name"] for f in table["schema"]["fields"]].index("value")
    if damage == "value not an integer":
        _rewrite_csv(path, lambda rows: rows[1].__setitem__(value, "twelve"))
        table.pop("hash", None), table.pop("bytes", None)
    elif damage == "a column too many":
        _rewrite_csv(path, lambda rows: [row.append("x") for row in rows])
        table.pop("hash", None), table.pop("bytes", None)
    elif damage == "bytes changed":
        path.write_bytes(path.read_bytes() + b"\n")
    elif damage == "file missing":
        path.unlink()
    descriptor.write_text(json.dumps(data))
    problems = [str(p) for p in frictionless_problems(descriptor)]
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{NAME}") for p in problems)


def test_two_resources_with_one_name_are_found(built, tmp_path):
    """Checked resource by resource, the package-level rule that names are unique is still applied."""
    descriptor, data = _copy(built, tmp_path)
    data["resources"].append(dict(_first_table(data)))
    descriptor.write_text(json.dumps(data))
    name = _first_table(data)["name"]
    assert f"{NAME}: resources: package-error: resource name {name!r} is used more than once [frictionless]" in \
        [str(p) for p in frictionless_problems(descriptor)]
