"""Both cores: each request is loaded and checked, packaged and validated in a worker process, one request per task.

Requests are independent until the combine stage (DESIGN.md), so workers need only the reference lists and the
schema. A worker sends back the request's contribution to the combined package (its rows of each combined table,
pickled: scripts/packages/combine.py), never the Request, so with workers the main process holds no request while the others
are built (with one job, or one request to build, `process` runs in the main process, one request at a time).
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..curated.errors import Problem, Problems
from ..curated.load import load_request
from ..packages.combine import catalog_fields, contribution
from ..packages.observations import Codes
from ..packages.package import write_package
from ..curated.reference import Reference

JOBS = 2  # the machine's two cores
CHUNK = 4  # requests per task sent to a worker: fewer round trips, still an even spread
NICE = 5  # validation yields to rendering and MkDocs (mildly: the machine is shared)


@dataclass
class Outcome:
    """What one request's task gives back: its problems, or its catalog fields and pickled Contribution; CPU seconds per stage."""

    folder: Path
    problems: list[Problem] = field(default_factory=list)
    contribution: bytes | None = None  # pickled combine.Contribution
    descriptor: dict | None = None  # what catalog.json says of the package (combine.catalog_fields), not the whole descriptor
    sha256: str = ""  # of response.txt
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What every task needs: the project, the output folder, the reference lists and the schema."""

    root: Path
    out: Path
    ref: Reference
    schema: dict


_CONTEXT: list[Context] = []
_CODES: dict[Path, Codes] = {}


def codes(ref: Reference) -> Codes:
    """The harmonising lists of the combined observations, read once per process."""
    if ref.folder not in _CODES:
        _CODES[ref.folder] = Codes(ref.folder)
    return _CODES[ref.folder]


def process(folder: Path) -> Outcome:
    """Load and check one request; when it is sound, write its package (validation comes later, see `validate`)."""
    ctx = _CONTEXT[0]
    outcome, problems = Outcome(folder), Problems(ctx.root)
    start = time.process_time()
    req = load_request(folder, ctx.ref, problems, ctx.schema)
    loaded = time.process_time()
    outcome.seconds["load and check"] = loaded - start
    if req is None or problems.items:
        outcome.problems = problems.items
        return outcome
    outcome.descriptor = catalog_fields(ctx.out, write_package(req, ctx.ref, ctx.out))
    outcome.contribution = pickle.dumps(contribution(req, ctx.ref, ctx.out, codes(ctx.ref)), protocol=pickle.HIGHEST_PROTOCOL)
    outcome.sha256 = req.response.sha256
    outcome.seconds["write packages"] = time.process_time() - loaded
    return outcome


class Later:
    """A call started in a worker (or, with no workers, made here when its result is first asked for)."""

    def __init__(self, future, fn, args):
        self.future, self.fn, self.args = future, fn, args

    def result(self):
        return self.future.result() if self.future is not None else self.fn(*self.args)


def _low(fn, *args):
    """fn(*args) at low priority: it runs beside page rendering and MkDocs, which come first."""
    if os.getpriority(os.PRIO_PROCESS, 0) < NICE:
        os.setpriority(os.PRIO_PROCESS, 0, NICE)
    return fn(*args)


class Pending:
    """Validation running in the background; `result()` waits for it and gives every failure."""

    def __init__(self, futures: list, inline: list[Path]):
        self.futures, self.inline = futures, inline
        self.seconds = 0.0

    def result(self) -> list[Problem]:
        found = [f.result() for f in self.futures] + [validate_package_timed(d) for d in self.inline]
        self.seconds = sum(s for _, s in found)
        return [p for problems, _ in found for p in problems]


def validate_package_timed(descriptor: Path) -> tuple[list[Problem], float]:
    from ..packages.validate import validate_package  # imported by build() before the workers fork (frictionless: 0.4 s)
    start = time.process_time()
    return validate_package(descriptor), time.process_time() - start


def _init() -> None:
    """In a new worker: die with the build, so a killed build leaves no writer behind."""
    from ..common.children import die_with_parent
    die_with_parent()


class Pool:
    """The worker processes of one build (none when jobs is 1: everything then runs in this process, in order)."""

    def __init__(self, jobs: int = JOBS):
        self.jobs = jobs
        self.started: Pending | None = None  # the validation this pool runs, once started
        self.executor = None
        if jobs > 1:
            self.executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"), initializer=_init)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        if self.executor:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def packages(self, context: Context, folders: list[Path]):
        """Load, check and package every folder; yield the outcomes in folder order."""
        _CONTEXT[:] = [context]  # forked workers see it; in this process too
        _CODES.clear()  # the harmonising lists are read again for each build (they may have been edited since)
        if not self.executor or len(folders) <= 1:
            yield from map(process, folders)
            return
        # The first task forks the workers: they inherit the context (reference lists, schema) and nothing bigger.
        yield from self.executor.map(process, folders, chunksize=CHUNK)

    def submit(self, fn, *args) -> Later:
        """Start fn(*args) in a worker at low priority (beside MkDocs); without workers, it runs when its result is asked for."""
        return Later(self.executor.submit(_low, fn, *args) if self.executor else None, fn, args)

    def validate(self, descriptors: list[Path]) -> Pending:
        """Start validating the packages (the combined one, the longest, first); with no workers, when the result is asked for."""
        order = sorted(descriptors, key=lambda d: d.parent.name != "all")
        if not self.executor:
            self.started = Pending([], order)
        else:
            self.started = Pending([self.executor.submit(_low, validate_package_timed, d) for d in order], [])
        return self.started
