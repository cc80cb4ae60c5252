"""Assemble build/datapackages: each request's package, fresh from the workers or reused from the cache, then the shared ones.

Requests whose content hash is unchanged are hard-linked from the published version (scripts/common/cache.py); the others
are loaded, checked and packaged in worker processes (scripts/build/workers.py), which also give each request's rows of
the combined tables (its Contribution, kept in the cache). The collection check, the reference and combined packages
and the catalog follow in this process, in folder order, so the bytes never depend on the cache or on the number of
workers; the combined CSVs are written by streaming the contributions, one request at a time. What is left is done
beside MkDocs (`Assembly`): the combined package's SQLite and Excel copies are written and what was written afresh
is validated; the build waits for both before publishing.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..common.cache import SHARED, Cache, Entry, Inputs, combined_key, outputs, seal, shared_outputs, tree_key, unseal
from ..curated.collect import duplicates, prepare, request_folders
from ..packages.combine import (EXPORTS, Contribution, add_exports, catalog_fields, contribution, write_catalog, write_combined,
                      write_reference)
from ..curated.errors import BuildFailed, Problem, Problems
from ..common.faults import checkpoint
from .links import keep_files, keep_unchanged
from ..curated.load import load_request
from ..packages.observations import Codes
from ..common.timing import Timer
from .workers import Context, Later, Pool


SCRATCH = ".exports"  # where the exports are written before they are moved in (dot folders are never published or linked)
EXPORT_FILES = [f"all.{ext}" for ext in EXPORTS]


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
    built: set[str] = field(default_factory=set)  # requests packaged afresh, whose contributions are kept
    spool: Path | None = None  # where contributions wait without a cache
    salt: tuple[str, ...] = ()
    inputs: Inputs | None = None  # the curated folders' hashes, trusted by their files' states (scripts/common/cache.py)


@dataclass
class Assembly:
    """What assembling leaves for later, beside MkDocs: the packages to validate and the combined package's exports."""

    run: _Run
    previous: Path | None
    validate: list[Path]
    shared_fresh: bool

    def exports(self) -> list[tuple]:
        """(function, *args) calls writing all.xlsx (the longest, first) and all.sqlite, when the combined package is new.

        They write into datapackages/.exports/ (SQLite's journal, the half-written files) and `finish` moves them in."""
        if not self.shared_fresh:
            return []
        folder, scratch = self.run.out / "all", self.run.out / SCRATCH
        scratch.mkdir(exist_ok=True)
        return [(write_xlsx, folder, scratch / "all.xlsx"), (write_sqlite, folder, scratch / "all.sqlite")]

    def finish(self, started: list[Later]) -> None:
        """Wait for the exports; move them in, list them in the catalog, keep the files that did not change, record the shared entry."""
        out = self.run.out
        try:
            for call in started:
                call.result()
            if self.shared_fresh:
                for name in EXPORT_FILES:
                    os.replace(out / SCRATCH / name, out / name)
                (out / SCRATCH).rmdir()
        except Exception as err:  # a full disk, a worker killed for memory: a clear error, never a traceback
            raise BuildFailed([Problem("datapackages/all.sqlite, all.xlsx", None, "", f"writing the SQLite and Excel copies failed: "
                                       f"{type(err).__name__}: {err}", "export-failed")]) from None
        if not self.shared_fresh:
            return
        add_exports(out)
        keep_files(out, self.previous, [*EXPORT_FILES, "catalog.json"])
        if self.run.cache:
            self.run.cache.store(out, SHARED, self.run.keys[SHARED], shared_outputs(out))


def write_xlsx(folder: Path, target: Path) -> None:
    """scripts/packages/export.py's, imported when called (sqlite_utils takes 0.9 s to import; build() imports it before
    its workers fork, and a nothing-changed build does not need it)."""
    from ..packages.export import write_xlsx as write
    write(folder, target)


def write_sqlite(folder: Path, target: Path) -> None:
    """scripts/packages/export.py's, imported when called (as write_xlsx)."""
    from ..packages.export import write_sqlite as write
    write(folder, target)


def assemble(root: Path, out: Path, timer: Timer, pool: Pool, cache: Cache | None, previous: Path | None,
             known: dict | None = None, inputs: Inputs | None = None) -> Assembly:
    """Write every package into `out` (a new version's datapackages/); raise BuildFailed on any curated problem.

    `known`: request -> (key, cache entry or None), as scripts/build/build.unchanged found them before the first difference.
    Returns what is left to do beside MkDocs: validating what was written afresh, and the combined package's exports.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".contributions-", dir=out.parent) as spool:  # beside the output: it is as big as all/
        run = _Run(root, out, cache, Problems(root), spool=None if cache else Path(spool), inputs=inputs)
        return _assemble(run, timer, pool, previous, known or {})


def _assemble(run: _Run, timer: Timer, pool: Pool, previous: Path | None, known: dict) -> Assembly:
    root, out = run.root, run.out
    with timer.stage("prepare"):
        ref, schema = prepare(root, run.problems)
        run.folders = request_folders(root / "datapackages", run.problems)
        out.mkdir(parents=True)
        _look_up(run, ref.folder, known)
    timer.count("requests reused", len(run.hits))
    timer.count("requests built", len(run.folders) - len(run.hits))
    with timer.stage("load, check and package"):
        for outcome in pool.packages(Context(root, out, ref, schema), [f for f in run.folders if f.name not in run.hits]):
            _take(run, outcome, timer)
    with timer.stage("combine"):
        items = [(f, f.name, run.hits[f.name].sha256 if f.name in run.hits else run.fresh[f.name].sha256) for f in run.folders
                 if f.name in run.hits or f.name in run.built]
        duplicates(items, run.problems)
        run.problems.raise_if_any()
        checkpoint("loaded")
        shared = _shared(run, ref, schema)
        checkpoint("written")
    with timer.stage("keep unchanged files"):
        if run.cache:  # what the cache reused is the published files already: only what was written afresh is compared
            fresh = [rel for name in run.fresh if name in run.built for rel in outputs(out, name)]
            keep_files(out, previous, fresh + (shared_outputs(out) if shared is None else []))
            _record(run)
        else:
            keep_unchanged(out, previous)
    targets = [out / name / "datapackage.json" for name in run.fresh]
    if shared is None:
        targets += [out / "reference" / "datapackage.json", out / "all" / "datapackage.json"]
    return Assembly(run, previous, targets, shared is None)


def _look_up(run: _Run, reference: Path, known: dict) -> None:
    """Each request's key, and the entries the cache can reuse; their files are linked into the new version."""
    if not run.cache:
        return
    run.salt = (run.cache.code, tree_key(reference, inputs=run.inputs))
    for f in run.folders:
        if f.name in known:
            run.keys[f.name], entry = known[f.name]
        else:
            run.keys[f.name] = tree_key(f, *run.salt, str(f.absolute()), inputs=run.inputs)
            entry = run.cache.lookup(f.name, run.keys[f.name])
        if entry:
            run.cache.reuse(f.name, entry, run.out)
            run.hits[f.name] = entry
    if run.inputs is not None:
        run.inputs.save(run.cache.new)


def _take(run: _Run, outcome, timer: Timer) -> None:
    """Collect one worker's outcome: its problems, or its contribution (kept in the cache's object store under its key)."""
    run.problems.items += outcome.problems
    for stage, seconds in outcome.seconds.items():
        timer.add(f"{stage} (workers)", seconds)
    name = outcome.folder.name
    if outcome.contribution is not None:
        if run.cache:
            run.cache.put_object(run.keys[name], outcome.contribution)
        else:
            (run.spool / f"{name}.pickle").write_bytes(seal(outcome.contribution))
        run.built.add(name)
        outcome.contribution = None  # on disk now: the main process holds no request's rows
    run.fresh[name] = outcome


def _shared(run: _Run, ref, schema) -> Entry | None:
    """The reference and combined packages and the catalog: reused when no request key changed, else written anew."""
    if run.cache:
        run.keys[SHARED] = combined_key([run.keys[f.name] for f in run.folders], *run.salt)
        entry = run.cache.lookup(SHARED, run.keys[SHARED])
        if entry:
            run.cache.reuse(SHARED, entry, run.out)
            return entry
    entries = [run.hits[f.name].descriptor if f.name in run.hits else run.fresh[f.name].descriptor for f in run.folders]
    entries.append(catalog_fields(run.out, write_reference(ref, run.out)))
    entries.append(catalog_fields(run.out, write_combined(_contributions(run, ref, schema), ref, run.out)))
    write_catalog(run.out, entries)  # the exports are added once written (Assembly.finish)
    return None


def _contributions(run: _Run, ref, schema):
    """Each request's contribution, in folder order, read one at a time; made again here if its stored copy is gone or unreadable."""
    codes = None
    for f in run.folders:
        path = run.cache.object_path(run.keys[f.name]) if run.cache else run.spool / f"{f.name}.pickle"
        found = unseal(path)  # None when missing, damaged (its sha256 is checked) or from other code
        if not isinstance(found, Contribution) or found.id != f.name:
            req = load_request(f, ref, run.problems, schema)
            run.problems.raise_if_any()
            codes = codes or Codes(ref.folder)
            found = contribution(req, ref, run.out, codes)
            if run.cache:  # kept, so the next build does not make it again
                run.cache.put_object(run.keys[f.name], pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        yield found


def _record(run: _Run) -> None:
    """Entries for the requests packaged afresh, describing their files as they now stand (after keep_unchanged).

    The shared entry is recorded by `Assembly.finish`, once the exports are written."""
    for name, outcome in run.fresh.items():
        if outcome.descriptor is not None:
            run.cache.store(run.out, name, run.keys[name], outputs(run.out, name), descriptor=outcome.descriptor, sha256=outcome.sha256)
