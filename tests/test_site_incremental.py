"""An incremental site build publishes the bytes of a clean one: after each step of a sequence of curators' changes (add,
edit, delete a request, change a theme template, change mkdocs.yml) the whole published tree equals a --no-cache build
from scratch; and a killed incremental build leaves the last good site published."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.build.build import build
from scripts.common.timing import Timer
from scripts.synth import codes, make_project, write_request

from .conftest import ROOT, published


def build_timed(root: Path, build_dir: Path | None = None, cache: bool = True) -> Timer:
    timer = Timer()
    assert build(root, build_dir, timer=timer, cache=cache)
    return timer


def clean_equals(root: Path, tmp: Path) -> None:
    """The published tree equals a --no-cache build from scratch of the same input (into a build folder of its own)."""
    shutil.rmtree(tmp, ignore_errors=True)
    build_timed(root, tmp, cache=False)
    incremental, clean = published(root / "build"), published(tmp)
    assert incremental.keys() == clean.keys(), sorted(incremental.keys() ^ clean.keys())[:10]
    assert [k for k in incremental if incremental[k] != clean[k]] == []


def edit(root: Path, name: str, mark: str) -> None:
    path = root / "datapackages" / name / "request.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", f"\ntitle: ({mark}) ", 1), encoding="utf-8")


def mention(root: Path, name: str, reference: str) -> None:
    """A curator's note on a request's first question that names another request's reference (a link on its page)."""
    path = root / "datapackages" / name / "request.yaml"
    text = re.sub(r"(\nquestions:\n- id: [^\n]+\n)", lambda m: m.group(1) + f"  note: 'Compare the answer to {reference}.'\n",
                  path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")


def reference_of(i: int, root: Path, scratch: Path) -> tuple[str, str]:
    """The id and the reference synthetic request i will have (written into a scratch folder, then removed)."""
    scratch.mkdir()
    name = write_request(i, scratch, codes(root / "datapackages" / "reference"))
    meta = yaml.safe_load((scratch / name / "request.yaml").read_text(encoding="utf-8"))
    shutil.rmtree(scratch)
    return name, meta["reference"]["value"]


def test_a_sequence_of_changes_publishes_the_bytes_of_clean_builds(tmp_path):
    root = make_project(8, tmp_path / "p")
    requests = sorted(p.name for p in (root / "datapackages").iterdir() if p.name != "reference")
    later, later_ref = reference_of(9, root, tmp_path / "scratch")
    assert build_timed(root).notes.get("site plan: clean")
    steps = [  # (step, change, site plan, request pages our renderer renders: an add or delete renders only the pages it changes)
        ("add", lambda: write_request(8, root / "datapackages", codes(root / "datapackages" / "reference")), "incremental", 1),
        ("edit", lambda: edit(root, requests[3], "corrected"), "incremental", 1),
        ("delete", lambda: shutil.rmtree(root / "datapackages" / requests[5]), "incremental", 0),
        ("mention one to come", lambda: mention(root, requests[2], later_ref), "incremental", 1),
        ("add the one mentioned", lambda: write_request(9, root / "datapackages", codes(root / "datapackages" / "reference")),
         "incremental", 2),  # its own page, and the page that now links to it
        ("delete the one mentioned", lambda: shutil.rmtree(root / "datapackages" / later), "incremental", 1),  # the link goes
        ("template", lambda: (root / "docs" / "theme" / "partials" / "search.html").open("a").write("\n<!-- edited -->\n"), "clean", 0),
        ("mkdocs.yml", lambda: (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace(
            "site_description: ", "site_description: (edited) ", 1)), "clean", 0),
        ("edit after", lambda: edit(root, requests[1], "again"), "incremental", 1),
    ]
    for name, change, expected, rendered in steps:
        change()
        timer = build_timed(root)
        assert timer.notes.get(f"site plan: {expected}"), (name, timer.notes)
        if expected == "incremental":
            assert 0 < timer.counts["pages rendered by mkdocs"] < 60, (name, timer.counts)
        assert timer.counts["pages rendered"] == rendered and timer.counts["pages not kept"] == 0, (name, timer.counts)
        if name == "add the one mentioned":
            assert f'href="../../requests/{later}/"'.encode() in published(root / "build")[f"site/requests/{requests[2]}/index.html"]
        clean_equals(root, tmp_path / "clean")


def test_a_killed_incremental_build_leaves_the_last_good_site(tmp_path):
    root = make_project(4, tmp_path / "p")
    name = sorted(p.name for p in (root / "datapackages").iterdir() if p.name != "reference")[1]
    build_timed(root)
    before = published(root / "build")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for point in ("site-running", "site-linked"):
        edit(root, name, point)
        env["FOI_BUILD_KILL_AT"] = point
        killed = subprocess.run([sys.executable, "-m", "scripts.build", "--root", str(root)], cwd=ROOT, env=env, capture_output=True)
        assert killed.returncode == -9, killed.stderr[-2000:]
        assert published(root / "build") == before
    assert build_timed(root).notes.get("site plan: incremental")
    assert b"(site-linked)" in published(root / "build")[f"site/requests/{name}/index.html"]
    clean_equals(root, tmp_path / "clean")


def test_strict_still_fails_on_any_other_warning_in_an_incremental_build(tmp_path):
    """The hook drops only dirty mode's own warning: a changed page's broken link still fails --strict."""
    from scripts.curated.errors import BuildFailed
    root = make_project(2, tmp_path / "p")
    build_timed(root)
    page = root / "docs" / "curation.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nowhere](nowhere.md).\n", encoding="utf-8")
    timer = Timer()
    try:
        build(root, timer=timer)
    except BuildFailed as err:
        problems = [str(p) for p in err.problems]
    else:
        raise AssertionError("the build passed with a broken link")
    assert timer.notes.get("site plan: incremental")
    assert any("nowhere.md" in p for p in problems) and not any("dirty" in p for p in problems), problems
