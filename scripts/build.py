"""`make build`: check every curated request, write the packages, validate them, then swap them into build/."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .combine import combined_version, write_catalog, write_combined, write_reference
from .errors import BuildFailed, Problems
from .export import write_exports
from .load import Request, load_request, load_schema
from .package import write_package
from .reference import Reference, load_reference
from .timing import Timer
from .validate import validate_package

ROOT = Path(__file__).resolve().parents[1]
SHOWN = 50  # problems printed; the count of the rest follows


def request_folders(datapackages: Path) -> list[Path]:
    """Every request folder, in name order (the reference package is not a request)."""
    return sorted(p for p in datapackages.iterdir() if p.is_dir() and p.name != "reference" and not p.name.startswith("."))


def load_all(root: Path) -> tuple[list[Request], Reference]:
    """Load and check every request; raise BuildFailed listing every problem found."""
    problems = Problems(root)
    try:
        ref = load_reference(root / "datapackages" / "reference")
    except (OSError, ValueError, KeyError) as err:
        problems.add(root / "datapackages" / "reference", "", f"cannot read the reference lists: {err}")
        problems.raise_if_any()
    schema = load_schema()
    requests = [r for f in request_folders(root / "datapackages") if (r := load_request(f, ref, problems, schema))]
    problems.raise_if_any()
    return requests, ref


def write_datapackages(root: Path, out: Path, timer: Timer | None = None) -> list[Request]:
    """Write every package, the combined package and the catalog into `out`, then validate them all."""
    timer = timer or Timer()
    with timer.stage("load and check"):
        requests, ref = load_all(root)
    with timer.stage("write packages"):
        out.mkdir(parents=True)
        descriptors = [write_package(r, ref, out) for r in requests]
        descriptors.append(write_reference(ref, out))
        descriptors.append(write_combined(requests, ref, out, combined_version(requests)))
        write_exports(out / "all", out)  # all.sqlite and all.xlsx, from the combined CSVs just written
        write_catalog(out, descriptors)
    with timer.stage("frictionless validate"):
        failures = [p for d in descriptors for p in validate_package(out / d["name"] / "datapackage.json")]
    if failures:
        raise BuildFailed(failures)
    return requests


def swap_in(staging: Path, build: Path, names: list[str]) -> None:
    """Replace build/<name> with staging/<name> for each name, only after everything was written."""
    build.mkdir(exist_ok=True)
    for name in names:
        old = build / f".old-{name}"
        shutil.rmtree(old, ignore_errors=True)
        if (build / name).exists():
            os.replace(build / name, old)
        os.replace(staging / name, build / name)
        shutil.rmtree(old, ignore_errors=True)


def build(root: Path = ROOT, build_dir: Path | None = None, site: bool = True, timer: Timer | None = None) -> None:
    """Build everything into a staging folder beside build/, then swap it in."""
    timer = timer or Timer()
    build_dir = build_dir or root / "build"
    build_dir.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=build_dir))
    try:
        write_datapackages(root, staging / "datapackages", timer)
        names = ["datapackages"]
        if site:
            from .site import build_site
            build_site(root, staging / "datapackages", staging / "site", timer)
            names.append("site")
        swap_in(staging, build_dir, names)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: exit 1 with every problem listed when the curated input is wrong."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding datapackages/")
    parser.add_argument("--build-dir", type=Path, help="where to build (default: <root>/build)")
    parser.add_argument("--no-site", action="store_true", help="build the data packages only")
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
