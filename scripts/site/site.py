"""The static site: render Markdown from the built packages, run `mkdocs build --strict`, link the downloads in."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..packages.combine import EXPORTS, without_exports
from ..curated.errors import BuildFailed, Problem
from ..common.faults import checkpoint
from .pagecache import SUMMARIES, RenderBuild, Store
from .render import render_all
from .search import BUNDLE, index_site
from . import incremental
from ..common.children import die_with_parent
from ..common.timing import Timer

CODE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding scripts/, for `python -m scripts.site.mkdocs_dirty`



def generated_docs(root: Path, packages: Path, build: RenderBuild | None = None, trash: Path | None = None) -> Path:
    """Fill docs/generated/ afresh: the hand-written pages and the generated pages (downloads are linked in after MkDocs).

    `trash`: where the old docs/generated/ is moved, to be removed later (beside MkDocs); else it is removed here."""
    docs = root / "docs"
    out = docs / "generated"
    if trash is not None and out.is_dir() and not out.is_symlink():
        try:
            os.rename(out, trash)
        except OSError:  # another file system: removed below
            pass
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for item in sorted(docs.iterdir()):
        if item.name in ("generated", "theme"):
            continue
        (shutil.copytree if item.is_dir() else shutil.copy2)(item, out / item.name)
    render_all(packages, out, site_extra(root), build)
    from .feed import feed_xml
    from .settings import config, site_url
    (out / "feed.xml").write_bytes(feed_xml(packages, site_url(root), str(config(root).get("site_name") or "")))  # MkDocs copies it
    return out


def link_downloads(packages: Path, site: Path) -> None:
    """Serve the packages from the site without a second copy: site/data/<entry> is a relative link to ../../datapackages/<entry>.

    site/data/ itself is a real folder, because MkDocs writes the data page there (data/index.html). The combined
    package's SQLite and Excel copies are linked too, though they may still be being written beside MkDocs.
    """
    data = site / "data"
    data.mkdir(exist_ok=True)
    target = os.path.relpath(packages, data)
    names = {entry.name for entry in packages.iterdir() if not entry.name.startswith(".")}  # .exports/: work in progress
    for name in sorted(names | {f"all.{ext}" for ext in EXPORTS}):
        if (data / name).exists():
            raise BuildFailed([Problem("mkdocs.yml", None, "site", f"site/data/{name} is both a page and a download", "mkdocs")])
        os.symlink(f"{target}/{name}", data / name)


def site_extra(root: Path) -> dict:
    """The `extra:` settings of mkdocs.yml (such as the address for reporting mistakes), for the page renderer."""
    import yaml
    extra = (yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}).get("extra") or {}
    if not str((extra.get("report_mistakes") or {}).get("email") or "").strip():
        raise BuildFailed([Problem("mkdocs.yml", None, "extra.report_mistakes.email", "missing: the address readers write to about a mistake",
                                   "mkdocs")])
    return extra


def source_date_epoch(packages: Path) -> str:
    """A fixed build time for the site (sitemap dates), taken from the data, so builds are reproducible: the newest
    `created` of the packages, which the combined package's is (the newest curation of its requests, scripts/packages/combine.py),
    unless the reference lists' is newer. Two descriptors read, not one per request (0.8 s at 5,000)."""
    catalog = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))
    shared = [p for p in catalog["packages"] if p["name"] in ("all", "reference")]
    created = [json.loads((packages / p["path"]).read_text(encoding="utf-8")).get("created", "") for p in shared]
    latest = max([c for c in created if c] or ["1980-01-01T00:00:00Z"])
    from datetime import datetime
    return str(int(datetime.fromisoformat(latest.replace("Z", "+00:00")).timestamp()))




def build_site(root: Path, packages: Path, site: Path, timer: Timer | None = None, previous: Path | None = None, jobs: int = 2,
               cache: bool = True, before_mkdocs=None) -> None:
    """Build the site into `site` (in a version folder; `previous` is the published one); any MkDocs warning fails the build.

    `before_mkdocs` is called once the pages are rendered (the build starts validating the packages then, beside MkDocs).
    """
    timer = timer or Timer()
    key = site_key(root, packages)
    if cache and previous is not None and _read(previous / ".cache" / "site.key") == key and site_intact(previous):
        with timer.stage("site: reused whole"):
            reuse_site(previous, site.parent)
        timer.count("site reused", 1)
        if before_mkdocs:
            before_mkdocs()
        return
    trash = site.parent / ".generated-old"  # in the version: a killed build's is removed with it
    with timer.stage("render pages"):
        build = RenderBuild(previous, site.parent, jobs, cache)
        generated_docs(root, packages, build, trash)
        build.close()
        for name, n in build.counts.items():
            timer.count(name, n)
    if before_mkdocs:
        before_mkdocs()
    generated = root / "docs" / "generated"
    with timer.stage("site: plan"):
        old, kept = incremental.load(previous if cache else None)
        sources, states = incremental.source_hashes(generated, kept)
        inputs = incremental.SiteInputs(incremental.global_parts(root), incremental.navigation(root, sources), sources)
        trusted = cache and _under_site(previous) and site_intact(previous)
        plan = incremental.site_plan(old, inputs, trusted)
    timer.note("site plan: " + ("clean" if plan.clean else "incremental"), 1)
    timer.count("pages rendered by mkdocs", len(sources) if plan.clean else len(plan.changed))
    search = Search(packages, site.parent, previous if cache else None, generated)  # beside MkDocs: it reads the packages and the
    # generated Markdown, not the site
    try:
        if not plan.clean:
            try:
                run_mkdocs(root, packages, site, timer, trash, plan.changed, beside=search.start)
                with timer.stage("site: link unchanged pages"):
                    timer.count("site files linked", incremental.link_unchanged(_outputs(site), previous / "site", site))
                checkpoint("site-linked")
            except (OSError, ValueError):  # an output missing from the published site: clean, as the rule would have said
                shutil.rmtree(site, ignore_errors=True)
                plan = incremental.Plan(True, "an unchanged page's output is missing from the published site")
                search.join()  # no thread runs while MkDocs is forked again
        if plan.clean:
            run_mkdocs(root, packages, site, timer, trash, beside=None if search.started else search.start)
    finally:
        with timer.stage("search index (waiting)"):
            search.join()
    timer.seconds["search index (beside MkDocs)"] = search.seconds
    (site.parent / ".cache" / ".mkdocs-outputs.json").unlink(missing_ok=True)
    os.rename(search.bundle, site / BUNDLE)
    search.bundle.parent.rmdir()
    link_downloads(packages, site)
    (site.parent / ".cache").mkdir(exist_ok=True)
    (site.parent / ".cache" / "site.key").write_text(key + "\n", encoding="ascii")
    incremental.save(site.parent, inputs, states)


class Search(threading.Thread):
    """The Pagefind index, made in a thread beside MkDocs (Pagefind's binary does the work, in a process of its own) into
    the version's .search/pagefind, moved into the site once MkDocs is done. Started after every worker is forked."""

    def __init__(self, packages: Path, version: Path, previous: Path | None, docs: Path):
        super().__init__(daemon=True)
        self.args = (packages, version / ".search", previous, docs)
        self.bundle = version / ".search" / BUNDLE
        self.seconds = 0.0
        self.error: BaseException | None = None
        self.started = False

    def start(self) -> None:
        self.started = True
        super().start()

    def run(self) -> None:
        start = time.perf_counter()
        try:
            index_site(*self.args)
        except BaseException as err:  # raised again in the build's own thread by join()
            self.error = err
        self.seconds = time.perf_counter() - start

    def join(self, timeout=None) -> None:
        if self.started:
            super().join(timeout)
        if self.error is not None:
            raise self.error


def _under_site(previous: Path | None) -> bool:
    return previous is not None and (previous / "site").is_dir()


def _outputs(site: Path) -> dict[str, bool]:
    """What the hook of scripts/site/mkdocs_dirty.py listed: every output of the site, and whether MkDocs wrote it."""
    found = json.loads((site.parent / ".cache" / ".mkdocs-outputs.json").read_text(encoding="utf-8"))
    if not isinstance(found, dict):
        raise ValueError("the dirty build's list of outputs is not a mapping")
    return found


def run_mkdocs(root: Path, packages: Path, site: Path, timer: Timer, trash: Path, changed: frozenset[str] | None = None,
               beside=None) -> None:
    """`mkdocs build --strict` into the empty `site`; with `changed`, dirty: only those sources are rendered
    (scripts/site/mkdocs_dirty.py), and the caller links the rest. Any warning or error fails the build.
    `beside`: called once MkDocs is forked (the search index starts its thread then)."""
    # NO_MKDOCS_2_WARNING: silence the theme's end-of-life banner (noted in the README), which is not a build warning.
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(packages), "NO_MKDOCS_2_WARNING": "1"}
    args = ["build", "--strict", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)]
    if changed is None:
        cmd = [sys.executable, "-m", "mkdocs", *args]
    else:
        cache = site.parent / ".cache"
        cache.mkdir(exist_ok=True)
        (cache / ".mkdocs-changed.json").write_text(json.dumps(sorted(changed)), encoding="utf-8")
        cmd = [sys.executable, "-m", "scripts.site.mkdocs_dirty", str(cache / ".mkdocs-changed.json"), str(cache / ".mkdocs-outputs.json"),
               *args[1:]]
        env["PYTHONPATH"] = os.pathsep.join([str(CODE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    with timer.stage("mkdocs build"):
        # Not --quiet: MkDocs counts warnings for --strict only when they are logged.
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=root,
                                 preexec_fn=die_with_parent)
        checkpoint("site-running")
        # The last build's generated docs (some 20,000 files at 5,000 requests) are removed while MkDocs runs, not before;
        # in a thread started once the workers and MkDocs are forked, so that no fork copies this process mid-removal.
        remover = threading.Thread(target=shutil.rmtree, args=(trash,), kwargs={"ignore_errors": True}, daemon=True)
        try:
            remover.start()
            if beside is not None:
                beside()
            stdout = child.stdout.read()
            child.stdout.close()
            # wait4, not wait: the child's own peak memory, apart from this process and its worker processes.
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            timer.note("mkdocs_maxrss_mb", usage.ru_maxrss / 1024)
        finally:
            if child.poll() is None:  # interrupted (Ctrl-C): the child does not outlive the build
                child.kill()
                child.wait()
            if remover.is_alive():
                remover.join()
    (site.parent / ".cache" / ".mkdocs-changed.json").unlink(missing_ok=True)
    output = stdout.strip().splitlines()
    problems = [line for line in output if line.startswith(("WARNING", "ERROR")) or "Aborted" in line]
    if child.returncode != 0 or problems:
        raise BuildFailed([Problem("mkdocs.yml", None, "mkdocs build --strict", line, "mkdocs") for line in problems or output or ["failed"]])


def record_site(version: Path) -> None:
    """Note the state of every file and folder of the finished site, so a later build can trust it unchanged (scripts/common/cache.py):
    a file's inode, size and mtime, a folder's ctime too (which any name added, removed or renamed in it changes)."""
    from ..common.cache import tree_state
    # A new file, then a rename: site.files may be a hard link to the published version's (the site was reused whole).
    tmp = version / ".cache" / ".site.files.tmp"
    tmp.write_bytes(pickle.dumps(tree_state(version / "site", ctime=False)))
    os.replace(tmp, version / ".cache" / "site.files")


def site_intact(previous: Path) -> bool:
    """Whether the published site is exactly as its build left it (any file changed, added or gone: build it again).

    Every file and folder is stat'ed, none read or listed: a name added or removed changes its folder's mtime and ctime."""
    from ..common.cache import state_holds
    try:
        return state_holds(previous / "site", pickle.loads((previous / ".cache" / "site.files").read_bytes()))
    except Exception:
        return False


def site_key(root: Path, packages: Path) -> str:
    """Everything the site is made from: the packages (their catalog lists the hash of each), docs/ and mkdocs.yml, the code.

    The catalog is read as it stands before the exports are listed in it: the pages never show their sizes or hashes."""
    from ..common.cache import code_key, tree_key
    catalog = without_exports(json.loads((packages / "catalog.json").read_text(encoding="utf-8")))
    parts = [code_key(), json.dumps(catalog, sort_keys=True), (root / "mkdocs.yml").read_text(encoding="utf-8")]
    parts += [f"{item.name} {tree_key(item, follow=True)}" for item in sorted((root / "docs").iterdir()) if item.name != "generated"]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def reuse_site(previous: Path, version: Path) -> None:
    """The published site, hard-linked into the new version (links kept as links), with the caches that made it."""
    shutil.copytree(previous / "site", version / "site", symlinks=True, copy_function=os.link)
    (version / ".cache").mkdir(exist_ok=True)
    for name in ("pages", "charts"):
        if (previous / ".cache" / name).is_dir():
            shutil.copytree(previous / ".cache" / name, version / ".cache" / name, copy_function=os.link, dirs_exist_ok=True)
        if Store.stats_path(previous / ".cache" / name).is_file():  # the store's record of its files goes with it
            os.link(Store.stats_path(previous / ".cache" / name), Store.stats_path(version / ".cache" / name))
    for name in ("search.key", "site.key", "site.files", incremental.RECORD, SUMMARIES):
        if (previous / ".cache" / name).is_file():
            os.link(previous / ".cache" / name, version / ".cache" / name)


def stored_key(version: Path, name: str) -> str:
    """A key a build kept in its version's .cache/ (empty when missing or unreadable)."""
    return _read(version / ".cache" / name)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        return ""
