"""Shared fixtures: a throw-away copy of the project to break, and one clean build of the seeds; the test tiers."""
from __future__ import annotations

import inspect
import os
import shutil
from pathlib import Path

import pytest

from scripts.build.build import build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

# The fast tier (`make check`) runs every test that needs neither Chromium nor a build of the site. A test is marked
# `browser` when it drives Chromium and `slow` when it builds a site or a synthetic corpus; it is marked from what it
# uses, so a new test lands in the right tier without anyone remembering to mark it.
SLOW_MODULES = {"test_determinism", "test_publish", "test_scale_build", "test_scale_pages", "test_scale_site", "test_scale_synth",
                "test_search_browser", "test_site_browser", "test_site_links"}
SLOW_FIXTURES = {"site_root"}
SLOW_WORDS = ("site=True", "make_project(")


def pytest_collection_modifyitems(config, items):
    for item in items:
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function else ""
        module = item.module.__name__.rpartition(".")[2] if getattr(item, "module", None) else ""
        browser = "chromium" in source or "CHROMIUM" in inspect.getsource(item.module) and "sync_playwright" in source
        if browser:
            item.add_marker(pytest.mark.browser)
        if browser or module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or any(w in source for w in SLOW_WORDS):
            item.add_marker(pytest.mark.slow)


def copy_project(target: Path) -> Path:
    """Copy the curated sources (datapackages/ and docs/) into `target`, which then acts as a project root."""
    shutil.copytree(ROOT / "datapackages", target / "datapackages")
    if (ROOT / "docs").is_dir():
        shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("generated"))
    if (ROOT / "mkdocs.yml").is_file():
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def published(build: Path) -> dict[str, bytes]:
    """What a reader of build/ sees: every file under build/datapackages and build/site, links followed."""
    out = {}
    for name in ("datapackages", "site"):
        top = build / name
        for folder, _, files in os.walk(top, followlinks=True):
            for f in files:
                path = Path(folder) / f
                out[f"{name}/{path.relative_to(top).as_posix()}"] = path.read_bytes()
    return dict(sorted(out.items()))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project's curated sources to break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """build/datapackages of an untouched copy of the project (no site)."""
    root = copy_project(tmp_path_factory.mktemp("built"))
    build(root, site=False)
    return root / "build" / "datapackages"


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    """An untouched copy of the project, fully built (packages and site)."""
    root = copy_project(tmp_path_factory.mktemp("site"))
    build(root, site=True)
    return root
