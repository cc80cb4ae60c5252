"""Command line: python -m scripts.synth N DIR."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __doc__ as DOC
from . import make_project


def main(argv: list[str] | None = None) -> int:
    """Write N synthetic requests into DIR (which must not hold a project yet)."""
    parser = argparse.ArgumentParser(prog="python -m scripts.synth", description=DOC.split("\n")[0])
    parser.add_argument("n", type=int, help="how many requests")
    parser.add_argument("dir", type=Path, help="the project root to create")
    args = parser.parse_args(argv)
    if (args.dir / "datapackages").exists():
        print(f"error: {args.dir / 'datapackages'} exists; give a new folder", file=sys.stderr)
        return 2
    make_project(args.n, args.dir)
    print(f"{args.n} synthetic requests in {args.dir / 'datapackages'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
