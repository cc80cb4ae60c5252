"""`make build`: check every curated request, write and validate the packages and the site, then publish them at once.

Publishing is one atomic step. Each build writes a new folder `build/.v-*`; when everything has passed,
the link `build/current` is switched to it (a rename, atomic on POSIX), and `build/datapackages` and
`build/site` are fixed links through `current`. A reader of build/ sees the old build or the new one,
never a mix; a failed or killed build leaves the last good one published, and the next build removes
what it left behind. One build at a time holds `build/.lock`; a second one waits for it.

Both cores: requests are loaded, checked and packaged in worker processes (scripts/build/workers.py, scripts/build/assemble.py),
request pages and charts are rendered in workers (scripts/site/pagecache.py), and what was written afresh is validated
in workers beside MkDocs; the build waits for every validation before it publishes. Each phase forks its own two
workers. A request whose inputs are unchanged since the published build is reused, not rebuilt (scripts/common/cache.py),
and every file whose bytes did not change stays the published file, hard-linked, with its mtime (scripts/build/links.py).
Neither the number of workers nor the cache changes a byte of the output.
"""
from __future__ import annotations

import argparse
import fcntl
import os
import pickle
import shutil
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from . import workers
from .assemble import assemble
from ..common.cache import (SHARED, Cache, Inputs, combined_key, files_under, seal, state_holds, tree_key, tree_state, unseal,
                    write_atomic)
from ..curated.collect import check_collection, load_all, prepare, request_folders  # noqa: F401 (the build's checks, imported from here by tests)
from ..curated.errors import BuildFailed, Problems
from ..common.faults import checkpoint
from .links import keep_unchanged
from ..common.timing import Timer
from .workers import JOBS

ROOT = Path(__file__).resolve().parents[2]
SHOWN = 50  # problems printed; the count of the rest follows
PUBLISHED = ("datapackages", "site")


def write_datapackages(root: Path, out: Path, timer: Timer | None = None, jobs: int = JOBS) -> None:
    """Write and validate every package into `out`, without the cache (the packages alone, as a library call)."""
    timer = timer or Timer()
    heavy_imports()
    with workers.Pool(jobs) as pool:
        assembly = assemble(root, out, timer, pool, None, None)
        exports = [pool.submit(*call) for call in assembly.exports()]
        pending = pool.validate(assembly.validate)
        assembly.finish(exports)
        failures = pending.result()
    if failures:
        raise BuildFailed(failures)


@contextmanager
def locked(build_dir: Path):
    """Hold build/.lock for the whole build; a second build waits here instead of racing on shared folders."""
    build_dir.mkdir(exist_ok=True)
    with open(build_dir / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for another build of this checkout to finish ...", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def current_version(build_dir: Path) -> str | None:
    """The folder name `build/current` points at, if any."""
    link = build_dir / "current"
    return os.readlink(link) if link.is_symlink() else None


def remove_stale(build_dir: Path) -> None:
    """Remove what killed or superseded builds left: unpublished versions and half-made links (under the lock)."""
    keep = current_version(build_dir)
    for path in build_dir.iterdir():
        if path.name.startswith((".v-", ".staging-")) and path.name != keep:
            shutil.rmtree(path, ignore_errors=True)
        elif path.name == ".current.tmp":
            path.unlink()


def fixed_links(build_dir: Path) -> None:
    """Make build/datapackages and build/site the fixed links through build/current, where they are not (any more)."""
    for name in PUBLISHED:
        entry = build_dir / name
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)  # a build/ from before versioned publishing: replaced once
        if not entry.is_symlink():
            os.symlink(f"current/{name}", entry)


def publish(version: Path, build_dir: Path) -> None:
    """Switch build/current to `version` in one rename; make datapackages and site fixed links through it."""
    fixed_links(build_dir)
    tmp = build_dir / ".current.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(version.name, tmp)
    checkpoint("link-made")
    os.replace(tmp, build_dir / "current")
    checkpoint("switched")


def build(root: Path = ROOT, build_dir: Path | None = None, site: bool = True, timer: Timer | None = None, jobs: int = JOBS,
          cache: bool = True) -> bool:
    """Build everything into a new version folder under build/, then publish it atomically.

    Returns False when nothing changed since the published build: it is then already what this build would write,
    and nothing is written at all."""
    timer = timer or Timer()
    build_dir = build_dir or root / "build"
    with locked(build_dir):
        remove_stale(build_dir)
        previous = build_dir / current_version(build_dir) if current_version(build_dir) else None
        inputs = Inputs(previous) if cache else None
        same, known = unchanged(root, previous, site, timer, inputs) if cache else (False, {})
        if same:
            fixed_links(build_dir)  # someone may have removed build/site or build/datapackages: they are the published build
            if inputs is not None and inputs.new.keys() - inputs.old.keys():  # folders changed just before the last build
                inputs.save(previous / ".cache")  # are trusted from now on (a cache file, replaced whole; no published file)
            return False
        heavy_imports()
        version = Path(tempfile.mkdtemp(prefix=".v-", dir=build_dir))
        version.chmod(0o755)  # mkdtemp makes it private; the published build is for everyone to read
        try:
            with workers.Pool(jobs) as pool:  # load, check and package; then the combined package's exports
                store = Cache(previous, version) if cache else None
                assembly = assemble(root, version / "datapackages", timer, pool, store, _under(previous, "datapackages"), known, inputs)
            # Each phase has its own worker processes, forked when it starts, so no more than two work at once
            # beside this process: the pages are rendered on both cores, then the combined package's SQLite and
            # Excel copies are written and the packages validated, beside MkDocs.
            with workers.Pool(jobs) as pool:
                exports: list = []

                def beside_mkdocs() -> None:
                    exports.extend(pool.submit(*call) for call in assembly.exports())
                    pool.validate(assembly.validate)

                if site:
                    from ..site.site import build_site
                    build_site(root, version / "datapackages", version / "site", timer, previous, jobs, cache,
                               before_mkdocs=beside_mkdocs)
                    with timer.stage("site: keep unchanged files"):
                        keep_unchanged(version / "site", _under(previous, "site"))
                    checkpoint("site-built")
                else:
                    beside_mkdocs()
                with timer.stage("exports (waiting)"):
                    assembly.finish(exports)
                with timer.stage("validate (waiting)"):
                    failures = pool.started.result()
                timer.add("frictionless validate (workers)", pool.started.seconds)
            if failures:
                raise BuildFailed(failures)
            checkpoint("validated")
            with timer.stage("record the published files"):
                record_published(version, site)
            publish(version, build_dir)
        finally:
            remove_stale(build_dir)
    return True


def heavy_imports() -> None:
    """Import the validator (frictionless) and the exports (sqlite_utils, xlsxwriter) once a build has work to do, before
    its workers fork, so that they share them: a nothing-changed build needs neither (1.3 s of its 4 s at 1,000 requests,
    most of it importing them)."""
    from ..packages import export, validate  # noqa: F401


PACKAGE_FILES = "packages.files"  # in a version's .cache/: its datapackages/ folders' states and the names of its files


def record_published(version: Path, site: bool) -> None:
    """Note the state of the folders and files about to be published, for the next build's nothing-changed check: it then
    stats them instead of listing some 20,000 folders. Made before publishing, when nothing but this build has written
    there; a file's state leaves out its ctime, which the links to the version before change when it is removed."""
    state = tree_state(version / "datapackages", ctime=False)
    record = {"dirs": {rel: st for rel, st in state.items() if stat.S_ISDIR(st[0])},
              "files": frozenset(rel for rel, st in state.items() if not stat.S_ISDIR(st[0]))}
    write_atomic(version / ".cache" / PACKAGE_FILES, seal(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)))
    if site:
        from ..site.site import record_site
        record_site(version)


def published_files(previous: Path) -> set[str] | frozenset[str]:
    """Every file under the published datapackages/: as recorded, when none of its folders has changed since; else listed."""
    record = unseal(previous / ".cache" / PACKAGE_FILES)
    if isinstance(record, dict) and state_holds(previous / "datapackages", record.get("dirs")):
        return record["files"]
    return files_under(previous / "datapackages")


def unchanged(root: Path, previous: Path | None, site: bool, timer: Timer, inputs: Inputs | None = None) -> tuple[bool, dict]:
    """Whether the published build is already what this build would write; and the request keys worked out on the way.

    It is when every request folder and the reference lists hash as they did for it, with the same code, every file they
    left is still exactly there, and its site was made from the same packages, docs/ and mkdocs.yml and is intact. The
    keys and cache entries found before the first difference are handed on to the assembly, not worked out twice.
    `inputs`: the curated folders' hashes kept by the published build, trusted while their files' states hold."""
    known: dict[str, tuple] = {}
    if previous is None or _under(previous, "datapackages") is None or (_under(previous, "site") is not None) != site:
        return False, known
    with timer.stage("check: nothing changed"):
        problems = Problems(root)
        folders = request_folders(root / "datapackages", problems)
        cache = Cache(previous, previous)  # read only: the published version's entries
        salt = (cache.code, tree_key(root / "datapackages" / "reference", inputs=inputs))
        for f in folders:
            key = tree_key(f, *salt, str(f.absolute()), inputs=inputs)
            known[f.name] = (key, cache.lookup(f.name, key))
            if known[f.name][1] is None:
                return False, known
        shared = None if problems.items else cache.lookup(SHARED, combined_key([known[f.name][0] for f in folders], *salt))
        if shared is None:
            return False, known
        recorded = set(shared.files).union(*(entry.files for _, entry in known.values()))
        if published_files(previous) != recorded:  # a file added behind the build is not what it would write
            return False, known
        if site:
            from ..site.site import site_intact, site_key, stored_key
            if stored_key(previous, "site.key") != site_key(root, previous / "datapackages") or not site_intact(previous):
                return False, known
    timer.count("requests reused", len(folders))
    return True, known


def _under(version: Path | None, name: str) -> Path | None:
    """A published folder of a version (datapackages or site), when it exists."""
    return version / name if version is not None and (version / name).is_dir() else None


def refuse_placeholders(root: Path) -> None:
    """A build to publish stops before it starts while mkdocs.yml holds a placeholder address (scripts/site/settings.py)."""
    from ..curated.errors import Problem
    from ..site.settings import placeholders
    found = placeholders(root)
    if found:
        raise BuildFailed([Problem("mkdocs.yml", None, name, f"{value!r} is a placeholder (a domain reserved for examples): set the "
                                   "project's real address before publishing; `make build` builds a preview with it", "placeholder")
                           for name, value in found])


def main(argv: list[str] | None = None) -> int:
    """Command line: exit 1 with every problem listed when the curated input is wrong."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding datapackages/")
    parser.add_argument("--build-dir", type=Path, help="where to build (default: <root>/build)")
    parser.add_argument("--no-site", action="store_true", help="build and publish the data packages only (build/site is then absent)")
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"worker processes for the per-request stages (default {JOBS}; 1 = no workers)")
    parser.add_argument("--no-cache", action="store_true", help="load, package and validate every request again (the output is the same)")
    parser.add_argument("--timings", type=Path, help="write each stage's seconds and peak memory to this JSON file (for scripts/bench.py)")
    parser.add_argument("--publish", action="store_true", help="the build to publish (make publish): refuses placeholder addresses in mkdocs.yml")
    args = parser.parse_args(argv)
    timer = Timer(memory=args.timings is not None)
    try:
        if args.publish:
            refuse_placeholders(args.root.resolve())
        changed = build(args.root.resolve(), args.build_dir.resolve() if args.build_dir else None, site=not args.no_site, timer=timer,
                        jobs=args.jobs, cache=not args.no_cache)
        if args.timings:
            timer.write(args.timings)
    except BuildFailed as err:
        for problem in err.problems[:SHOWN]:
            print(f"error: {problem}", file=sys.stderr)
        if len(err.problems) > SHOWN:
            print(f"error: ... and {len(err.problems) - SHOWN} more", file=sys.stderr)
        print(f"build failed: {len(err.problems)} problem(s); the previous build/ is unchanged", file=sys.stderr)
        return 1
    if not changed:
        print("build complete: nothing changed since the published build/, which is left as it is")
        return 0
    print("build complete: build/datapackages" + ("" if args.no_site else " and build/site"))
    return 0

