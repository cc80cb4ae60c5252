"""Atomic publishing: a build killed at any point leaves the last good build/ as it was; builds wait for each other."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.common.faults import POINTS

from .conftest import ROOT, copy_project, published

HERTS = "datapackages/hertfordshire-foi2018-00739/request.yaml"


def run_build(root: Path, kill_at: str | None = None, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FOI_BUILD_KILL_AT", None)
    if kill_at:
        env["FOI_BUILD_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "scripts.build", "--root", str(root), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def change_input(root: Path, mark: str) -> None:
    """A curated change that alters the packages and the site."""
    path = root / HERTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Outcome 21", f"title: Outcome 21 ({mark})", 1), encoding="utf-8")


def leftovers(build: Path) -> list[str]:
    """Everything in build/ that is not the published state."""
    current = os.readlink(build / "current")
    return sorted(p.name for p in build.iterdir() if p.name not in (".lock", "current", "datapackages", "site", current))


def mkdocs_children(root: Path) -> list[str]:
    """mkdocs processes still writing under this project (they must die with a killed build)."""
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "mkdocs" in line and str(root) in line]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("publish") / "p")
    assert run_build(root).returncode == 0
    return root


@pytest.mark.parametrize("point", POINTS)
def test_killed_build_leaves_the_last_good_build(project, point):
    before = published(project / "build")
    change_input(project, point)
    killed = run_build(project, point)
    assert killed.returncode == -9, killed.stderr[-2000:]
    time.sleep(0.5)
    assert mkdocs_children(project) == []
    after = published(project / "build")
    if point == "switched":  # killed after the one atomic step: the new build is published whole
        assert after != before and b"Outcome 21 (switched)" in after["datapackages/hertfordshire-foi2018-00739/datapackage.json"]
        assert any(k.startswith("site/") for k in after)
    else:
        assert after == before
    again = run_build(project)
    assert again.returncode == 0, again.stderr[-2000:]
    assert leftovers(project / "build") == []
    assert f"Outcome 21 ({point})".encode() in published(project / "build")["datapackages/hertfordshire-foi2018-00739/datapackage.json"]


def test_stale_folders_are_removed(project):
    build = project / "build"
    (build / ".v-stale" / "datapackages").mkdir(parents=True)
    (build / ".staging-old").mkdir()
    assert run_build(project, None, "--no-site").returncode == 0
    assert leftovers(build) == []


def test_two_builds_at_once_both_succeed(tmp_path):
    root = copy_project(tmp_path / "p")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FOI_BUILD_KILL_AT", None)
    cmd = [sys.executable, "-m", "scripts.build", "--root", str(root)]
    first = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [p.communicate(timeout=600) for p in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), [r[1][-2000:] for r in results]
    assert any("waiting for another build" in r[1] for r in results)
    files = published(root / "build")
    assert any(k.startswith("site/requests/") for k in files) and "datapackages/catalog.json" in files
