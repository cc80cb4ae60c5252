"""python -m scripts.draft FILE [--url URL]: write a draft request.yaml (and the proposed tables) beside a response text."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..curated.load import request_id
from ..curated.tables import FIXED
from ..packages.writers import csv_bytes
from .draft import draft
from .write import dump

EPILOG = """It never overwrites a file: an existing request.yaml or tables/<name>.csv is left as it is (and said so).
The draft starts with `draft: true`; the build refuses it (code: draft) until you have read every proposed fact against
the response and removed that line. Example:
  make draft FILE=datapackages/northamptonshire-foi-10905-25/response.txt URL=https://www.northants.police.uk/..."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.draft", description=__doc__, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("response", type=Path, help="the response text, datapackages/<id>/response.txt")
    parser.add_argument("--url", help="the address the response was published at (source.url): evidence for reference, force, date")
    parser.add_argument("--out", type=Path, help="where to write the draft (default: request.yaml beside the response)")
    parser.add_argument("--reference", type=Path, default=Path("datapackages/reference"), help="the reference code lists")
    args = parser.parse_args(argv)
    if not args.response.is_file():
        print(f"error: {args.response}: no such file; give FILE=datapackages/<id>/response.txt", file=sys.stderr)
        return 2
    target = args.out or args.response.parent / "request.yaml"
    if target.exists():
        print(f"error: {target} exists; make draft never overwrites a file (move it aside, or give --out)", file=sys.stderr)
        return 1
    fields, rows, blanks = draft(args.response, args.url, args.reference)
    folder = target.parent / "tables"
    for table in fields["tables"]:
        path = target.parent / table["path"]
        if path.exists():
            blanks.append(f"{table['path']}: exists, not written; compare it with the extractor's proposal (make extract)")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        header = [d["name"] for d in table["dimensions"]] + FIXED
        path.write_bytes(csv_bytes(header, [[row[h] for h in header] for row in rows[table["name"]]]))
    named = request_id(fields["force"]["code"], fields["reference"]["value"]) if fields["force"] and fields["reference"] else None
    if named and target.parent.name != named:
        blanks.insert(0, f"the folder: rename {target.parent} to {target.parent.parent / named} (the id is <force>-<reference>; "
                         "the build checks it, code identity)")
    target.write_text(dump(fields, blanks, str(args.response)), encoding="utf-8")
    print(f"wrote {target} (draft: true), {len(fields['tables'])} table(s); left blank or to check:")
    for b in blanks:
        print(f"  - {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
