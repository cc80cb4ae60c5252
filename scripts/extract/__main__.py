"""`python -m scripts.extract datapackages/<id>/response.txt`: write proposed tidy tables and print a report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..tables import FIXED
from ..writers import csv_bytes
from . import extract, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.extract", description=__doc__)
    parser.add_argument("response", type=Path, help="a response text, e.g. datapackages/<id>/response.txt")
    parser.add_argument("--out", type=Path, help="folder for the proposed CSVs (default: tables/ beside the response)")
    parser.add_argument("--overwrite", action="store_true", help="replace CSVs that already exist in the folder (curated tables!)")
    parser.add_argument("--dry-run", action="store_true", help="print the report only; write nothing")
    args = parser.parse_args(argv)
    if not args.response.is_file():
        print(f"error: {args.response}: no such file", file=sys.stderr)
        return 2
    result = extract(args.response.read_bytes())
    out = args.out or args.response.parent / "tables"
    written: dict[str, str] = {}
    refused = []
    for table in result.proposals:
        if not table.rows:
            written[table.name] = "not written: no values read"
            continue
        target = out / f"{table.name}.csv"
        if args.dry_run:
            written[table.name] = f"would write {target}" + (" (exists: needs --overwrite)" if target.exists() and not args.overwrite else "")
            continue
        if target.exists() and not args.overwrite:
            written[table.name] = f"NOT written: {target} exists (use --overwrite to replace it)"
            refused.append(target)
            continue
        out.mkdir(parents=True, exist_ok=True)
        header = table.dims + FIXED
        target.write_bytes(csv_bytes(header, [[row[h] for h in header] for row in table.rows]))
        written[table.name] = f"written: {target}"
    sys.stdout.write(report(result, str(args.response), written))
    if refused:
        print(f"error: {len(refused)} table(s) not written because the file exists: "
              + ", ".join(str(p) for p in refused) + "; use --overwrite to replace curated tables", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
