"""The one rule deciding a clean or an incremental site build (scripts/site/incremental.py site_plan): a test per trigger,
each made by changing the real input (mkdocs.yml, docs/theme, the templates, the site code, the nav), not the record."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.site import incremental
from scripts.site.incremental import SiteInputs, site_plan

from .conftest import ROOT

SOURCES = {"index.md": "a", "requests/index.md": "b", "requests/x-1.md": "c", "requests/y-2.md": "d", "forces.md": "e",
           "topics.md": "f", "years.md": "g", "caveats.md": "h", "glossary.md": "i", "data.md": "j", "compare/index.md": "k",
           "labels.md": "l", "curation.md": "m", "search.md": "n", "assets/site.css": "o"}


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    """A project root with mkdocs.yml and docs/theme, and a copy of the site code the rule hashes (scripts/site)."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "theme", tmp_path / "docs" / "theme")
    shutil.copytree(ROOT / "scripts" / "site", tmp_path / "site", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(incremental, "SITE", tmp_path / "site")
    return tmp_path


def inputs(root: Path, sources: dict[str, str] = SOURCES) -> SiteInputs:
    return SiteInputs(incremental.global_parts(root), incremental.navigation(root, sources), dict(sources))


def test_only_pages_changed_is_incremental(root):
    before = inputs(root)
    edited = {**SOURCES, "requests/x-1.md": "c2", "requests/z-3.md": "p", "forces.md": "e2"}
    del edited["requests/y-2.md"]
    plan = site_plan(before, inputs(root, edited))
    assert not plan.clean
    assert plan.changed == {"requests/x-1.md", "requests/z-3.md", "forces.md"} and plan.deleted == {"requests/y-2.md"}
    assert site_plan(before, inputs(root)) == incremental.Plan(False, "0 source(s) changed, 0 deleted")


@pytest.mark.parametrize("change, reason", [
    (lambda r: (r / "mkdocs.yml").write_text((r / "mkdocs.yml").read_text() + "\n# edited\n"), "mkdocs.yml changed"),
    (lambda r: next((r / "docs" / "theme").rglob("*.html")).write_text("<!-- override -->"), "theme changed"),
    (lambda r: (r / "docs" / "theme" / "extra.html").write_text("new"), "theme changed"),
    (lambda r: next((r / "site" / "templates").rglob("*.html")).open("a").write("{# edited #}"), "templates changed"),
    (lambda r: (r / "site" / "render.py").open("a").write("\n# edited\n"), "site code changed"),
    (lambda r: (r / "site" / "new_module.py").write_text("x = 1\n"), "site code changed"),
])
def test_each_trigger_builds_clean(root, change, reason):
    before = inputs(root)
    change(root)
    plan = site_plan(before, inputs(root))
    assert plan.clean and plan.reason == reason


def test_navigation_builds_clean(root):
    before = inputs(root)
    without = {k: v for k, v in SOURCES.items() if k != "glossary.md"}  # a nav page gone
    assert site_plan(before, inputs(root, without)) == incremental.Plan(True, "navigation changed")
    outside = {**SOURCES, "about.md": "q"}  # a page in neither the nav nor not_in_nav: outside the nav, it changes no other page
    assert site_plan(before, inputs(root, outside)) == incremental.Plan(False, "1 source(s) changed, 0 deleted", frozenset({"about.md"}))
    inside = {**SOURCES, "forces/page/2.md": "q"}  # under not_in_nav: a page, not navigation
    assert not site_plan(before, inputs(root, inside)).clean


def test_without_a_nav_every_page_is_navigation(root):
    """Without `nav:` MkDocs makes the navigation of every page not under not_in_nav: a new one is navigation."""
    import yaml
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    del config["nav"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    before = inputs(root)
    assert site_plan(before, inputs(root, {**SOURCES, "about.md": "q"})) == incremental.Plan(True, "navigation changed")
    assert not site_plan(before, inputs(root, {**SOURCES, "forces/page/2.md": "q"})).clean


def test_engine_and_trust(root, monkeypatch):
    before = inputs(root)
    assert site_plan(None, before).clean
    assert site_plan(before, before, trusted=False).clean
    monkeypatch.setattr(incremental, "ENGINE", (*incremental.ENGINE, "pyyaml"))  # another version of what renders
    assert site_plan(before, inputs(root)) == incremental.Plan(True, "engine changed")


def test_sources_are_hashed_by_content_and_trusted_by_state(tmp_path):
    (tmp_path / "a.md").write_text("one")
    digests, states = incremental.source_hashes(tmp_path)
    again, _ = incremental.source_hashes(tmp_path, states)
    assert digests == again
    (tmp_path / "a.md").write_text("two")  # a new size and mtime: read again
    changed, _ = incremental.source_hashes(tmp_path, states)
    assert changed["a.md"] != digests["a.md"]
