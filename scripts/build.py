"""`make build`: check every curated request, write and validate the packages and the site, then publish them at once.

Publishing is one atomic step. Each build writes a new folder `build/.v-*`; when everything has passed,
the link `build/current` is switched to it (a rename, atomic on POSIX), and `build/datapackages` and
`build/site` are fixed links through `current`. A reader of build/ sees the old build or the new one,
never a mix; a failed or killed build leaves the last good one published, and the next build removes
what it left behind. One build at a time holds `build/.lock`; a second one waits for it.
"""
from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from .combine import combined_version, write_catalog, write_combined, write_reference
from .errors import BuildFailed, Problems
from .export import write_exports
from .faults import checkpoint
from .load import load_request, load_schema
from .model import Request
from .package import write_package
from .paths import link_in
from .reference import Reference, load_reference
from .timing import Timer
from .validate import validate_package

ROOT = Path(__file__).resolve().parents[1]
SHOWN = 50  # problems printed; the count of the rest follows
PUBLISHED = ("datapackages", "site")


def request_folders(datapackages: Path, problems: Problems) -> list[Path]:
    """Every request folder, in name order; hidden and linked folders are refused, not skipped silently."""
    folders = []
    for path in sorted(datapackages.iterdir()):
        if path.name == "reference" or not (path.is_dir() or path.is_symlink()):
            continue
        if path.is_symlink():
            problems.add(path, "", "is a symbolic link; a request folder must be a real folder inside datapackages/", code="symlink")
        elif path.name.startswith("."):
            problems.add(path, "", "folder name starts with '.'; rename it (<force>-<reference>) or move it out of datapackages/",
                         code="hidden-folder")
        else:
            folders.append(path)
    return folders


def load_all(root: Path) -> tuple[list[Request], Reference]:
    """Load and check every request; raise BuildFailed listing every problem found."""
    problems = Problems(root)
    ref_folder = root / "datapackages" / "reference"
    link = link_in(ref_folder, root / "datapackages")
    if link is not None:
        problems.add(link, "", "is a symbolic link; the reference lists must be real files", code="symlink")
        problems.raise_if_any()
    try:
        ref = load_reference(ref_folder)
    except (OSError, ValueError, KeyError) as err:
        problems.add(ref_folder, "", f"cannot read the reference lists: {err}", code="reference-list")
        problems.raise_if_any()
    schema = load_schema()
    requests = [r for f in request_folders(root / "datapackages", problems) if (r := load_request(f, ref, problems, schema))]
    check_collection(requests, problems)
    problems.raise_if_any()
    return requests, ref


def check_collection(requests: list[Request], problems: Problems) -> None:
    """What no single request can show: the same response curated twice (under another force or reference)."""
    by_hash: dict[str, list[Request]] = defaultdict(list)
    for req in requests:
        by_hash[req.response.sha256].append(req)
    for same in by_hash.values():
        for req in same[1:]:
            problems.add(req.folder / "request.yaml", "source.sha256",
                         f"response.txt is the same text as {same[0].id}/response.txt; a response is curated once", code="duplicate-response")


def write_datapackages(root: Path, out: Path, timer: Timer | None = None) -> list[Request]:
    """Write every package, the combined package and the catalog into `out`, then validate them all."""
    timer = timer or Timer()
    with timer.stage("load and check"):
        requests, ref = load_all(root)
    checkpoint("loaded")
    with timer.stage("write packages"):
        out.mkdir(parents=True)
        descriptors = [write_package(r, ref, out) for r in requests]
        descriptors.append(write_reference(ref, out))
        descriptors.append(write_combined(requests, ref, out, combined_version(requests)))
        write_exports(out / "all", out)  # all.sqlite and all.xlsx, from the combined CSVs just written
        write_catalog(out, descriptors)
    checkpoint("written")
    with timer.stage("frictionless validate"):
        failures = [p for d in descriptors for p in validate_package(out / d["name"] / "datapackage.json")]
    if failures:
        raise BuildFailed(failures)
    checkpoint("validated")
    return requests


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


def publish(version: Path, build_dir: Path) -> None:
    """Switch build/current to `version` in one rename; make datapackages and site fixed links through it."""
    for name in PUBLISHED:
        entry = build_dir / name
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)  # a build/ from before versioned publishing: replaced once
        if not entry.is_symlink():
            os.symlink(f"current/{name}", entry)
    tmp = build_dir / ".current.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(version.name, tmp)
    checkpoint("link-made")
    os.replace(tmp, build_dir / "current")
    checkpoint("switched")


def build(root: Path = ROOT, build_dir: Path | None = None, site: bool = True, timer: Timer | None = None) -> None:
    """Build everything into a new version folder under build/, then publish it atomically."""
    timer = timer or Timer()
    build_dir = build_dir or root / "build"
    with locked(build_dir):
        remove_stale(build_dir)
        version = Path(tempfile.mkdtemp(prefix=".v-", dir=build_dir))
        version.chmod(0o755)  # mkdtemp makes it private; the published build is for everyone to read
        try:
            write_datapackages(root, version / "datapackages", timer)
            if site:
                from .site import build_site
                build_site(root, version / "datapackages", version / "site", timer)
                checkpoint("site-built")
            publish(version, build_dir)
        finally:
            remove_stale(build_dir)


def main(argv: list[str] | None = None) -> int:
    """Command line: exit 1 with every problem listed when the curated input is wrong."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding datapackages/")
    parser.add_argument("--build-dir", type=Path, help="where to build (default: <root>/build)")
    parser.add_argument("--no-site", action="store_true", help="build and publish the data packages only (build/site is then absent)")
    args = parser.parse_args(argv)
    try:
        build(args.root.resolve(), args.build_dir.resolve() if args.build_dir else None, site=not args.no_site)
    except BuildFailed as err:
        for problem in err.problems[:SHOWN]:
            print(f"error: {problem}", file=sys.stderr)
        if len(err.problems) > SHOWN:
            print(f"error: ... and {len(err.problems) - SHOWN} more", file=sys.stderr)
        print(f"build failed: {len(err.problems)} problem(s); the previous build/ is unchanged", file=sys.stderr)
        return 1
    print("build complete: build/datapackages" + ("" if args.no_site else " and build/site"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
