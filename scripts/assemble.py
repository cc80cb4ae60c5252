"""Assemble build/datapackages: each request's package, fresh from the workers or reused from the cache, then the shared ones.

Requests whose content hash is unchanged are hard-linked from the published version (scripts/cache.py); the others
are loaded, checked and packaged in worker processes (scripts/workers.py). The collection check, the reference and
combined packages and the catalog follow in this process, in folder order, so the bytes never depend on the cache
or on the number of workers. What was written afresh is validated later, beside MkDocs; the build waits for it
before publishing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cache import SHARED, Cache, Entry, combined_key, outputs, shared_outputs, tree_key
from .collect import duplicates, prepare, request_folders
from .combine import combined_version, write_catalog, write_combined, write_reference
from .errors import BuildFailed, Problem, Problems
from .export import TooManyRows, write_sqlite, write_xlsx
from .faults import checkpoint
from .links import keep_unchanged
from .load import load_request
from .model import Request
from .timing import Timer
from .workers import Context, Pool


@dataclass
class _Run:
    """One assembly's state: the project, its requests, their keys, cache hits and fresh results."""

    root: Path
    out: Path
    cache: Cache | None
    problems: Problems
    folders: list[Path] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    hits: dict[str, Entry] = field(default_factory=dict)
    fresh: dict = field(default_factory=dict)  # name -> Outcome
    requests: dict[str, Request] = field(default_factory=dict)
    salt: tuple[str, ...] = ()


def assemble(root: Path, out: Path, timer: Timer, pool: Pool, cache: Cache | None, previous: Path | None) -> list[Path]:
    """Write every package into `out` (a new version's datapackages/); raise BuildFailed on any curated problem.

    Returns the descriptors still to validate (what was written afresh), for the build to validate beside MkDocs.
    """
    run = _Run(root, out, cache, Problems(root))
    with timer.stage("prepare"):
        ref, schema = prepare(root, run.problems)
        run.folders = request_folders(root / "datapackages", run.problems)
        out.mkdir(parents=True)
        _look_up(run, ref.folder)
    timer.count("requests reused", len(run.hits))
    timer.count("requests built", len(run.folders) - len(run.hits))
    with timer.stage("load, check and package"):
        for outcome in pool.packages(Context(root, out, ref, schema), [f for f in run.folders if f.name not in run.hits]):
            _take(run, outcome, timer)
    with timer.stage("combine"):
        items = [(f, f.name, run.hits[f.name].sha256 if f.name in run.hits else run.fresh[f.name].sha256) for f in run.folders
                 if f.name in run.hits or f.name in run.requests]
        duplicates(items, run.problems)
        run.problems.raise_if_any()
        checkpoint("loaded")
        shared = _shared(run, ref, schema, pool)
        checkpoint("written")
    with timer.stage("keep unchanged files"):
        keep_unchanged(out, previous)
        if cache:
            _record(run, shared)
    targets = [out / name / "datapackage.json" for name in run.fresh]
    if shared is None:
        targets += [out / "reference" / "datapackage.json", out / "all" / "datapackage.json"]
    return targets


def _look_up(run: _Run, reference: Path) -> None:
    """Each request's key, and the entries the cache can reuse; their files are linked into the new version."""
    if not run.cache:
        return
    run.salt = (run.cache.code, tree_key(reference))
    for f in run.folders:
        run.keys[f.name] = tree_key(f, *run.salt, str(f.absolute()))
        entry = run.cache.lookup(f.name, run.keys[f.name])
        if entry:
            run.cache.reuse(f.name, entry, run.out)
            run.hits[f.name] = entry


def _take(run: _Run, outcome, timer: Timer) -> None:
    """Collect one worker's outcome: its problems, or its Request (kept in the cache's object store under its key)."""
    run.problems.items += outcome.problems
    for stage, seconds in outcome.seconds.items():
        timer.add(f"{stage} (workers)", seconds)
    name = outcome.folder.name
    if outcome.request is not None:
        if run.cache:
            run.cache.put_object(run.keys[name], outcome.request)
        run.requests[name] = outcome.loaded()
        outcome.request = None
    run.fresh[name] = outcome


def _shared(run: _Run, ref, schema, pool: Pool) -> Entry | None:
    """The reference and combined packages and the catalog: reused when no request key changed, else written anew."""
    if run.cache:
        run.keys[SHARED] = combined_key([run.keys[f.name] for f in run.folders], *run.salt)
        entry = run.cache.lookup(SHARED, run.keys[SHARED])
        if entry:
            run.cache.reuse(SHARED, entry, run.out)
            return entry
    requests = [run.requests.get(f.name) or _cached_request(run, f, ref, schema) for f in run.folders]
    descriptors = [run.hits[f.name].descriptor if f.name in run.hits else run.fresh[f.name].descriptor for f in run.folders]
    descriptors.append(write_reference(ref, run.out))
    descriptors.append(write_combined(requests, ref, run.out, combined_version(requests)))
    del requests
    run.requests.clear()  # the combined package is written: the Requests are not needed any more
    # all.sqlite and all.xlsx, from the combined CSVs just written (as export.write_exports names them), one on each core
    all_folder = run.out / "all"
    try:
        pool.together((write_sqlite, all_folder, run.out / "all.sqlite"), (write_xlsx, all_folder, run.out / "all.xlsx"))
    except TooManyRows as err:
        raise BuildFailed([Problem("datapackages/all.xlsx", None, "", f"{err}; the workbook would lose rows, so the build stops",
                                   "export-too-large")]) from None
    write_catalog(run.out, descriptors)
    return None


def _cached_request(run: _Run, folder: Path, ref, schema) -> Request:
    """A reused request's Request, from the object store; loaded again if the stored object is gone or unreadable."""
    req = run.cache.get_object(run.keys[folder.name])
    if req is None:
        req = load_request(folder, ref, run.problems, schema)
        run.problems.raise_if_any()
    return req


def _record(run: _Run, shared: Entry | None) -> None:
    """Entries for what was written afresh, describing its files as they now stand (after keep_unchanged)."""
    for name, outcome in run.fresh.items():
        if outcome.descriptor is not None:
            run.cache.store(run.out, name, run.keys[name], outputs(run.out, name), descriptor=outcome.descriptor, sha256=outcome.sha256)
    if shared is None:
        run.cache.store(run.out, SHARED, run.keys[SHARED], shared_outputs(run.out))
