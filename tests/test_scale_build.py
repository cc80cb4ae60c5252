"""Both cores and the content-hash cache change how long a build takes, never a byte of what it publishes."""
from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from scripts.build.build import build
from scripts.synth import make_project
from scripts.common.timing import Timer

from .conftest import COLLECTION, copy_project, published

CHANGED = "datapackages/hertfordshire-foi2018-00739/request.yaml"
SYNTHETIC = 12
TOTAL = len(COLLECTION) + SYNTHETIC  # every curated request and the synthetic ones


def project(target: Path) -> Path:
    """The seeds plus a few synthetic requests (every layout), as one project."""
    root = copy_project(target)
    synthetic = make_project(SYNTHETIC, target.parent / f"{target.name}-synth")
    for folder in (synthetic / "datapackages").iterdir():
        if folder.name != "reference":
            shutil.copytree(folder, root / "datapackages" / folder.name)
    shutil.copy(synthetic / "datapackages" / "reference" / "forces.csv", root / "datapackages" / "reference" / "forces.csv")
    return root


def correct(root: Path, mark: str) -> None:
    """A curator's correction to one request (its title)."""
    path = root / CHANGED
    path.write_text(path.read_text(encoding="utf-8").replace("title: Outcome 21", f"title: Outcome 21 ({mark})", 1), encoding="utf-8")


def states(build_dir: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every published file (datapackages/ and site/; links not followed)."""
    top = build_dir / "current"
    out = {}
    for folder, dirs, files in (x for name in ("datapackages", "site") for x in os.walk(top / name)):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            st = os.lstat(Path(folder, name))
            out[str(Path(folder, name).relative_to(top))] = (st.st_ino, st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    """The reference build: one process, no cache."""
    root = project(tmp_path_factory.mktemp("serial") / "p")
    build(root, jobs=1, cache=False)
    return root


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> Path:
    """The reference build of the project after a correction: one process, no cache."""
    root = project(tmp_path_factory.mktemp("corrected") / "p")
    correct(root, "x")
    build(root, jobs=1, cache=False)
    return root


def test_parallel_build_is_byte_identical_to_serial(serial, tmp_path):
    root = project(tmp_path / "p")
    build(root, jobs=2)
    assert published(root / "build") == published(serial / "build")


def test_cached_rebuild_after_a_correction_equals_a_fresh_build(corrected, tmp_path):
    root = project(tmp_path / "p")
    build(root, jobs=2)
    correct(root, "x")
    timer = Timer()
    build(root, jobs=2, timer=timer)
    assert timer.counts["requests reused"] == TOTAL - 1 and timer.counts["requests built"] == 1
    assert timer.counts["pages rendered"] == 1 and timer.counts["pages reused"] == TOTAL - 1 and timer.counts["charts drawn"] == 0
    assert timer.counts["summaries read"] == 1 and timer.counts["summaries reused"] == TOTAL - 1
    # Only the browse pages that list the corrected request are rendered again (the title is on each of them).
    assert 0 < timer.counts["browse pages rendered"] < timer.counts["browse pages reused"]
    assert published(root / "build") == published(corrected / "build")


def test_rebuild_rewrites_only_what_changed(tmp_path):
    root = project(tmp_path / "p")
    build(root)
    before = states(root / "build")
    version = os.readlink(root / "build" / "current")
    timer = Timer()
    assert build(root, timer=timer) is False  # nothing changed: the published build is already what this one would write
    assert list(timer.seconds) == ["check: nothing changed"] and timer.counts == {"requests reused": TOTAL}
    assert os.readlink(root / "build" / "current") == version and [v.name for v in (root / "build").glob(".v-*")] == [version]
    assert states(root / "build") == before  # every file kept, with its inode and mtime; no new version made
    (root / "docs" / "index.md").write_text((root / "docs" / "index.md").read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    timer = Timer()
    assert build(root, timer=timer) is True  # a hand-written page changed: the packages are reused, the site is built again
    assert timer.counts["requests built"] == 0 and timer.counts["pages rendered"] == 0 and "mkdocs build" in timer.seconds
    assert "A new line." in (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    before = states(root / "build")
    correct(root, "again")
    build(root)
    after = states(root / "build")
    changed = {k for k in after if before.get(k) != after[k]}
    assert {"datapackages/hertfordshire-foi2018-00739/datapackage.json", "site/requests/hertfordshire-foi2018-00739/index.html",
            "datapackages/all/requests.csv", "datapackages/catalog.json"} <= changed
    ids = [p.name for p in (root / "datapackages").iterdir() if p.name not in ("reference", "hertfordshire-foi2018-00739")]
    assert [k for k in changed if any(f"/{i}" in k for i in ids)] == []  # no other request's file was written again
    assert not any("/reference" in k for k in changed)


@pytest.mark.parametrize("damage", ["garbage", "truncate", "delete-objects", "altered-objects", "stale-files", "pages-and-charts"])
def test_corrupt_cache_changes_nothing_but_time(corrected, tmp_path, damage):
    root = project(tmp_path / "p")
    build(root)
    correct(root, "x")
    cache = root / "build" / "current" / ".cache"
    for path in sorted(cache.rglob("*.pickle")):
        if damage == "garbage":
            path.write_bytes(b"\x80\x04not a pickle at all")
        elif damage == "truncate":
            path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
        elif damage == "delete-objects" and path.parent.name == "objects":
            path.unlink()
        elif damage == "altered-objects" and path.parent.name == "objects":  # still unpickles, with other rows: caught by its hash
            blob = path.read_bytes()
            row = pickle.loads(blob[32:]).id.encode() + b","  # the start of each of its CSV rows: the same length, still a pickle
            altered = blob.replace(row, row[:-1] + b";")
            assert altered != blob and pickle.loads(altered[32:]).rows != pickle.loads(blob[32:]).rows
            path.write_bytes(altered)
    if damage == "pages-and-charts":  # rendered pages and drawn charts kept for reuse, overwritten in place
        for path in sorted((cache / "pages").iterdir()) + sorted((cache / "charts").iterdir()):
            path.write_bytes(b"<svg>not what was drawn</svg>" if path.suffix == ".svg" else b"# not what was rendered\n")
    if damage == "stale-files":  # a published file replaced behind the build's back: its entry no longer matches
        target = root / "build" / "current" / "datapackages" / "bedfordshire-foi2019-05348" / "response.txt"
        data = target.read_bytes()
        target.unlink()
        target.write_bytes(data.replace(b"Bedfordshire", b"Bedfordshir3", 1))
    timer = Timer()
    build(root, timer=timer)
    assert published(root / "build") == published(corrected / "build")
    if damage in ("delete-objects", "altered-objects"):  # entries still valid: packages reused, contributions made again
        assert timer.counts["requests reused"] == TOTAL - 1
    if damage == "stale-files":
        assert timer.counts["requests built"] == 2
    if damage == "pages-and-charts":
        assert timer.counts["pages reused"] == 0 and timer.counts["charts reused"] == 0


def test_combined_tables_are_the_contributions_of_the_requests_in_folder_order(serial):
    """Each combined CSV is its header, then each request's rows as its worker gave them, request by request (streamed, not held)."""
    from scripts.build.build import load_all
    from scripts.packages.combine import COMBINED, HEADERS, contribution
    from scripts.packages.observations import Codes
    from scripts.packages.writers import csv_bytes
    requests, ref = load_all(serial)
    packages = serial / "build" / "current" / "datapackages"
    parts = [contribution(req, ref, packages, Codes(ref.folder)) for req in requests]
    assert [p.id for p in parts] == sorted(p.id for p in parts) and len(parts) > 10
    for name in COMBINED:
        written = (packages / "all" / f"{name}.csv").read_bytes()
        assert written == csv_bytes(HEADERS[name], []) + b"".join(p.rows[name] for p in parts)
        assert any(p.rows[name] for p in parts)
    for req, part in zip(requests, parts):  # what travels between processes and waits in the cache is rows, not the response
        assert req.response.data not in pickle.dumps(part)


def test_a_published_site_changed_behind_the_build_is_built_again(serial, tmp_path):
    """The whole site is reused only when its inputs are unchanged and every published file is as the build left it."""
    root = project(tmp_path / "p")
    build(root)
    page = root / "build" / "current" / "site" / "requests" / "hertfordshire-foi2018-00739" / "index.html"
    text = page.read_bytes()
    page.unlink()
    page.write_bytes(text.replace(b"Hertfordshire", b"Hertf0rdshire"))
    timer = Timer()
    build(root, timer=timer)
    assert "site reused" not in timer.counts and timer.counts["pages reused"] == TOTAL
    assert published(root / "build") == published(serial / "build")


def test_a_published_package_changed_behind_the_build_is_not_taken_as_nothing_changed(serial, tmp_path):
    """The nothing-changed check trusts no published file it has not found exactly as the build left it."""
    root = project(tmp_path / "p")
    build(root)
    (root / "build" / "site").unlink()  # a fixed link removed by hand: nothing to build, but the link is made again
    assert build(root) is False and os.readlink(root / "build" / "site") == "current/site"
    for stray in ("stray.csv", "bedfordshire-foi2019-05348/extra.txt"):  # files the build would not write
        (root / "build" / "current" / "datapackages" / stray).write_text("not ours\n", encoding="utf-8")
    timer = Timer()
    assert build(root, timer=timer) is True and timer.counts["requests built"] == 0
    assert not (root / "build" / "datapackages" / "stray.csv").exists()
    assert not (root / "build" / "datapackages" / "bedfordshire-foi2019-05348" / "extra.txt").exists()
    target = root / "build" / "current" / "datapackages" / "bedfordshire-foi2019-05348" / "response.txt"
    data = target.read_bytes()
    target.unlink()
    target.write_bytes(data.replace(b"Bedfordshire", b"Bedfordshir3", 1))
    timer = Timer()
    assert build(root, timer=timer) is True and timer.counts["requests built"] == 1
    assert published(root / "build") == published(serial / "build")


def test_a_hand_written_page_kept_elsewhere_is_followed(tmp_path):
    """docs/ may hold links to pages kept elsewhere: the site is built from what they point at, so a change there counts."""
    root = project(tmp_path / "p")
    kept = tmp_path / "index.md"
    shutil.move(root / "docs" / "index.md", kept)
    (root / "docs" / "index.md").symlink_to(kept)
    build(root)
    kept.write_text(kept.read_text(encoding="utf-8") + "\nA line added where the link points.\n", encoding="utf-8")
    assert build(root) is True
    assert "A line added where the link points." in (root / "build" / "site" / "index.html").read_text(encoding="utf-8")


def test_removing_a_request_updates_every_page_of_every_list(tmp_path, monkeypatch):
    per_page = 2
    """A pager says "n–m of N": a browse page kept from the last build must not keep an old N when a request leaves
    a later page of its list (the page's key holds its whole place in the list, not only its number and the page count).
    The comparison and label lists follow the catalog, so the request removed is the catalog's last."""
    import json

    from scripts.site import compare, paginate
    monkeypatch.setattr(paginate, "PER_PAGE", per_page)  # short lists: every list and the labels page have several pages
    monkeypatch.setattr(compare, "COMPARED", per_page)
    cached, fresh = project(tmp_path / "c"), project(tmp_path / "f")
    build(cached, jobs=1)
    catalog = json.loads((cached / "build" / "current" / "datapackages" / "catalog.json").read_text())["packages"]
    last = [p["name"] for p in catalog if p["name"] not in ("all", "reference")][-1]
    for root in (cached, fresh):
        shutil.rmtree(root / "datapackages" / last)
    timer = Timer()
    build(cached, jobs=1, timer=timer)
    build(fresh, jobs=1, cache=False)
    assert timer.counts["browse pages reused"] > 0
    assert published(cached / "build") == published(fresh / "build")


def test_a_folder_key_sees_every_file_and_link_and_nothing_else(tmp_path):
    """The content hash behind every cache decision: names, bytes and links count; __pycache__ and mtimes do not."""
    from scripts.common.cache import files_under, tree_key
    top = tmp_path / "request"
    (top / "sources" / "__pycache__").mkdir(parents=True)
    (top / "request.yaml").write_text("title: A\n", encoding="utf-8")
    (top / "sources" / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("one\n", encoding="utf-8")
    (top / "linked.txt").symlink_to(tmp_path / "outside.txt")
    key, followed = tree_key(top, "salt"), tree_key(top, "salt", follow=True)
    assert files_under(top) == {"request.yaml", "sources/table.csv", "linked.txt"}
    (top / "sources" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    os.utime(top / "request.yaml", ns=(1, 1))
    assert tree_key(top, "salt") == key and tree_key(top, "salt", follow=True) == followed
    (tmp_path / "outside.txt").write_text("two\n", encoding="utf-8")  # where the link points: seen only when followed
    assert tree_key(top, "salt") == key and tree_key(top, "salt", follow=True) != followed
    assert tree_key(top, "other salt") != key
    (top / "sources" / "table.csv").write_text("a,b\n1,3\n", encoding="utf-8")
    assert tree_key(top, "salt") != key
    (top / "sources" / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert tree_key(top, "salt") == key
    (top / "sources" / "table.csv").rename(top / "sources" / "tables.csv")
    assert tree_key(top, "salt") != key


def _alter_kept(generated: Path, store: Path, old: bytes, new: bytes, in_place: bool) -> None:
    """Alter the kept file behind a generated doc with bytes of the same length, in place (the same inode) or as a new file
    under its name, and give it back its mtime."""
    ino = generated.stat().st_ino
    kept = [p for p in store.iterdir() if p.stat().st_ino == ino]
    assert len(kept) == 1
    st, data = kept[0].stat(), kept[0].read_bytes()
    assert len(old) == len(new) and old in data
    if not in_place:
        kept[0].unlink()
    with open(kept[0], "r+b" if in_place else "wb") as f:
        f.write(data.replace(old, new, 1))
    os.utime(kept[0], ns=(st.st_atime_ns, st.st_mtime_ns))
    assert kept[0].read_bytes() != data and kept[0].stat().st_mtime_ns == st.st_mtime_ns


@pytest.mark.parametrize("record", ["kept", "lost", "other-inode"])
def test_a_kept_page_or_chart_is_trusted_by_its_recorded_state_and_checked_without_it(corrected, tmp_path, record):
    """A kept request page or chart whose inode, size and mtime are as recorded is reused unread (as the packages' cache
    trusts its files); without the record, or as another file, it is read, its hash checked, and a damaged one made again."""
    root = project(tmp_path / "p")
    build(root)
    correct(root, "x")
    docs, cache = root / "docs" / "generated", root / "build" / "current" / ".cache"
    in_place = record != "other-inode"
    _alter_kept(docs / "requests" / "bedfordshire-foi2019-05348.md", cache / "pages", b"Bedfordshire", b"Bedfordshir3", in_place)
    chart = sorted((docs / "charts" / "bedfordshire-foi2019-05348").iterdir())[0]
    _alter_kept(chart, cache / "charts", b"<svg", b"<sVg", in_place)
    if record == "lost":
        for store in ("pages", "charts"):
            (cache / f"{store}.stat.pickle").unlink()
    timer = Timer()
    build(root, timer=timer)
    site = root / "build" / "site"
    page = (site / "requests" / "bedfordshire-foi2019-05348" / "index.html").read_text(encoding="utf-8")
    svg = (site / "charts" / "bedfordshire-foi2019-05348" / chart.name).read_bytes()
    if record == "kept":  # only the corrected request's page was rendered; the altered files were not read, by the page
        # store nor by the site's plan (scripts/site/incremental.py trusts a source by the same state), so MkDocs did not
        # render them again: the published page and chart stay (an edit in place with the mtime put back goes unseen)
        assert timer.counts["pages rendered"] == 1 and timer.counts["charts drawn"] == 0
        assert b"Bedfordshir3" in (docs / "requests" / "bedfordshire-foi2019-05348.md").read_bytes() and b"<sVg" in chart.read_bytes()
        assert "Bedfordshir3" not in page and b"<sVg" not in svg
    else:
        assert timer.counts["pages rendered"] == 2 and timer.counts["charts drawn"] == 1
        assert "Bedfordshir3" not in page and b"<sVg" not in svg
        assert published(root / "build") == published(corrected / "build")


def test_the_last_generated_docs_are_removed_beside_mkdocs_and_never_published(tmp_path):
    """The old docs/generated/ is moved into the new version and removed while MkDocs runs: none of it is left or shown."""
    root = project(tmp_path / "p")
    build(root)
    (root / "docs" / "generated" / "left-behind.md").write_text("# Left behind\n", encoding="utf-8")
    correct(root, "x")
    build(root)
    current = (root / "build" / "current").resolve()
    assert not (current / ".generated-old").exists() and not (root / "docs" / "generated" / "left-behind.md").exists()
    assert not (current / "site" / "left-behind").exists() and (current / "site" / "requests").is_dir()


def test_the_catalog_states_the_hash_and_size_of_every_published_descriptor_and_zip(tmp_path):
    """catalog.json's hashes, made where each package was written (or kept from the build that wrote it), are those of the files."""
    import hashlib
    import json
    root = project(tmp_path / "p")
    build(root)
    correct(root, "x")  # a rebuild: one entry made afresh, the others kept from the cache
    build(root)
    packages = root / "build" / "datapackages"
    entries = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))["packages"]
    assert len(entries) == len([p for p in packages.iterdir() if p.is_dir() and p.name != "json"])
    for entry in entries:
        for rel, stated in ((entry["path"], entry["descriptor"]), (entry["zip"], entry["zipIntegrity"])):
            data = (packages / rel).read_bytes()
            assert stated == {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}, rel


def test_a_curated_folder_hash_is_trusted_only_while_its_files_and_folders_hold_their_state(tmp_path, monkeypatch):
    """The published build's hash of a curated folder is reused unread while every file and folder in it has the inode,
    size, mtime and ctime recorded with it; any change (bytes with the mtime put back, a new or renamed file) reads it again."""
    from scripts.common import cache

    top = tmp_path / "request"
    (top / "tables").mkdir(parents=True)
    (top / "request.yaml").write_text("title: A\n", encoding="utf-8")
    (top / "tables" / "t.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(cache, "TRUST_AFTER_NS", 0)
    reads = []
    real = cache.content_hash
    monkeypatch.setattr(cache, "content_hash", lambda t, follow=False: reads.append(t) or real(t, follow))
    version = tmp_path / "v"

    def key() -> str:
        """A build's key of the folder, with the last build's record; the record is saved as a build saves it."""
        inputs = cache.Inputs(version)
        found = cache.tree_key(top, "salt", inputs=inputs)
        inputs.save(version / ".cache")
        assert found == cache.tree_key(top, "salt")  # the same key as hashing the folder afresh
        return found

    first = key()
    assert len(reads) == 2 and key() == first and len(reads) == 3  # the second build read nothing
    csv, st = top / "tables" / "t.csv", (top / "tables" / "t.csv").stat()
    csv.write_text("a,b\n1,3\n", encoding="utf-8")  # the same size, and its mtime put back
    os.utime(csv, ns=(st.st_atime_ns, st.st_mtime_ns))
    changed = key()
    assert changed != first and len(reads) == 5
    (top / "tables" / "t.csv").rename(top / "tables" / "u.csv")
    assert key() != changed
    (top / "notes.txt").write_text("x\n", encoding="utf-8")
    assert key() not in (first, changed)
    (version / ".cache" / cache.Inputs.NAME).write_bytes(b"damaged")
    before = len(reads)
    assert key() and len(reads) == before + 2  # a damaged record costs a read (and key()'s own check one), no more
    monkeypatch.setattr(cache, "TRUST_AFTER_NS", 10**12)  # recorded too soon after a change: not kept
    inputs = cache.Inputs(None)
    cache.tree_key(top, "salt", inputs=inputs)
    assert inputs.new == {}


def test_a_curated_file_changed_with_its_mtime_put_back_is_rebuilt(tmp_path, monkeypatch):
    """The build trusts a curated folder's recorded state, so an edit that keeps the size and puts the mtime back must
    still be seen (its ctime changes), and the rebuild publishes what a build without the cache publishes."""
    from scripts.common import cache
    monkeypatch.setattr(cache, "TRUST_AFTER_NS", 0)  # the project was copied a moment ago
    root, fresh = project(tmp_path / "p"), project(tmp_path / "f")
    build(root, site=False)
    assert (root / "build" / "current" / ".cache" / cache.Inputs.NAME).is_file()
    for r in (root, fresh):
        path = r / CHANGED
        st, text = path.stat(), path.read_text(encoding="utf-8")
        assert "title: Outcome 21" in text
        path.write_text(text.replace("title: Outcome 21", "title: Outcome 2I", 1), encoding="utf-8")
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    timer = Timer()
    assert build(root, site=False, timer=timer) is True and timer.counts["requests built"] == 1
    build(fresh, site=False, cache=False)
    assert published(root / "build") == published(fresh / "build")


def test_a_nothing_changed_build_lists_no_published_folder_and_reads_no_curated_file(tmp_path, monkeypatch):
    """The check stats what the last build recorded (its curated folders, published folders and site) and reads nothing
    else; what it finds changed behind the build is listed and read again (the tests above and below). The record must
    still hold once the version before is removed (which changes the ctime of every file the two shared)."""
    from scripts.build import build as builder
    from scripts.common import cache
    monkeypatch.setattr(cache, "TRUST_AFTER_NS", 0)  # the project was copied a moment ago
    root = project(tmp_path / "p")
    build(root)
    correct(root, "y")
    build(root)  # its version shares most files with the first, which it removes once published
    read: list = []
    real = cache.content_hash
    monkeypatch.setattr(cache, "content_hash", lambda top, follow=False: read.append(top) or real(top, follow))
    monkeypatch.setattr(builder, "files_under", lambda top: pytest.fail(f"listed {top}"))
    walk = cache.walk  # scripts/ and docs/ are hashed each time (some 70 small files): nothing built or curated is listed

    def small(top, *args, **kwargs):
        if {"build", "datapackages"} & set(Path(top).relative_to(root).parts if Path(top).is_relative_to(root) else ()):
            pytest.fail(f"listed {top}")
        return walk(top, *args, **kwargs)
    monkeypatch.setattr(cache, "walk", small)
    assert build(root) is False
    assert [top for top in read if "datapackages" in str(top)] == []


def test_a_file_added_to_the_published_site_is_seen_and_outside_links_to_it_are_not_a_change(tmp_path, monkeypatch):
    """A file written into the published site after the build (a deploy step's CNAME) is not taken as nothing changed;
    hard links made to the published files from outside (cp -al, rsync --link-dest) change their ctime, not the site."""
    from scripts.common import cache
    monkeypatch.setattr(cache, "TRUST_AFTER_NS", 0)
    root = project(tmp_path / "p")
    build(root)
    snapshot = tmp_path / "deployed"
    shutil.copytree(root / "build" / "current" / "site", snapshot, symlinks=True, copy_function=os.link)
    assert build(root) is False
    (root / "build" / "current" / "site" / "CNAME").write_text("example.org\n", encoding="utf-8")
    assert build(root) is True and not (root / "build" / "site" / "CNAME").exists()
