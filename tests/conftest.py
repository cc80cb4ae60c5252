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
# The requests whose figures the golden tests pin value by value. Every request in datapackages/ goes through the
# invariant tests (values on their lines, sums, hashes), but only these pin counts: a request a curator adds breaks no test.
GOLDEN = ("avon-and-somerset-1247-22", "bedfordshire-foi2019-05348", "hertfordshire-foi2018-00739", "northamptonshire-foi-10905-25",
          "south-yorkshire-20180075", "south-yorkshire-20180799", "south-yorkshire-20210999", "west-midlands-19-15")
COLLECTION = tuple(sorted(p.parent.name for p in (ROOT / "datapackages").glob("*/request.yaml")))

# The fast tier (`make check`) runs every test that needs neither Chromium nor a build of the site. A test is marked
# `browser` when it drives Chromium and `slow` when it builds a site or a synthetic corpus; it is marked from what it
# uses, so a new test lands in the right tier without anyone remembering to mark it.
SLOW_MODULES = {"test_determinism", "test_publish", "test_scale_build", "test_scale_pages", "test_scale_site", "test_scale_synth",
                "test_search_browser", "test_site_browser", "test_site_links"}
SLOW_FIXTURES = {"site_root"}
SLOW_WORDS = ("site=True", "make_project(")
# Measured the slowest of the rest (about 2 s and more each on a quiet machine), kept for make test so make check stays under
# a minute: each builds whole packages, validates every zip or writes every export.
SLOW_TESTS = {"test_frictionless_validates_every_zip_and_all_its_resources", "test_site_warning_fails_the_build_and_keeps_the_previous_site",
              "test_search_index_holds_the_payload_as_text", "test_the_copy_without_hidden_parts_has_the_same_bytes_every_time",
              "test_an_export_that_fails_stops_the_build_with_a_clear_error", "test_constructed_request_builds_into_a_valid_package",
              "test_a_pdf_is_cited_by_page_and_line", "test_command_line_writes_cell_cited_tables_that_the_build_accepts",
              "test_failed_build_leaves_previous_build_intact", "test_declared_hidden_part_is_recorded",
              "test_declared_mismatch_builds_and_becomes_a_caveat", "test_a_table_longer_than_an_excel_sheet_goes_on_over_further_sheets",
              "test_mangled_real_texts_never_raise_and_every_proposal_is_citable"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function else ""
        module = item.module.__name__.rpartition(".")[2] if getattr(item, "module", None) else ""
        browser = "chromium" in source or "CHROMIUM" in inspect.getsource(item.module) and "sync_playwright" in source
        if browser:
            item.add_marker(pytest.mark.browser)
        named = getattr(item, "originalname", item.name) in SLOW_TESTS
        if browser or named or module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or any(w in source for w in SLOW_WORDS):
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
