"""`python -m scripts.extract datapackages/<id>/response.txt`: write proposed tidy tables and print a report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..curated.markers import described
from ..curated.tables import FIXED
from ..packages.writers import csv_bytes
from . import extract, files
from .report import report
from .files import FILE_SUFFIXES


LAYOUTS = """layouts it reads (each seen in real police responses), with a short example of each:
  tab-separated rows          Offence<TAB>2019<TAB>2020, then Possession<TAB>12<TAB>9
  pipe rows                   | Outcome | 2019 | 2020 |, then | Charged | 12 | 9 |
  aligned with spaces         Offence        2019    2020, then Possession       12       9 (blank lines between rows or not)
  cells split by ' / '        Area / 2019 / 2020, then North / 37 / 55 (read only when every row fills the header)
  single spaces               Year Arrests Cautions, then 2016 41 7; or AB04 – No suspect / victim declines 17 ... Sum: 212
  web table, one cell a line  Outcome |  2020 |  2021 |  |---|---|---|  Caution |  2 |  |   (each on its own line; a bare |
                              is an empty cell or the start of a row; the rule gives the row width)
  one cell a line             Year, Arrests, 2016, 41, each on its own line, blank lines between or not: header cells first
  LABEL – N lists             Snapchat – 14 / WhatsApp: Nil / Discord – * / Total – 23 (items may be separated by blank lines)
  numbered answers            1a. Charged – 5 / 1b. Cautioned – 0 / 2. 4 / Q1 – 88
  = N answers                 Offences recorded between 1 April 2015 and 31 March 2016 = 87
  bulleted answers            - 190 / - 43 under the bulleted questions they answer, in order (both lists as long)
  rows run together           Year Nationality 2007 2008, then Iran 7 13 Iraq 24 14 on one line (a PDF letter saved as
                              text); also Gender Number of Arrests Female 4046 Male 21175, and cells split by ' / '; a
                              row with fewer counts than the header (its empty cells vanished) is reported, not placed
  header and values together  FY 2014-15 FY 2015-16 6175 23734 (each value under the header cell in its place)
  pairs on a line             2: Jan - 4 - Feb - 9, or 41 (Niche) 17 (Athena), or Male - 40 Female - 54 BME – 3 (...)
  counts before labels        1 Chief Constable 5 Superintendents 30 Inspectors on one line, then 36 Total
  comma-separated             Offence,2019,2020, then Rape,12,15 (a CSV pasted into a letter; quoted cells kept whole)
  period span then count      2010 – 2011 135,180, or 01/04/23 to 31/03/24 10 dive deployments
  two header rows             Male and Female each over 2019 2020: read when every column's two headings are certain
  counts in sentences         There have been 39 offences recorded ... / Of these, 9 involved ... (each proposed as a
                              one-row table labelled by what the sentence says it counts, for you to confirm)
also: nested row labels (pivot tables; a row with no values above the rows it heads), a header repeated part-way down
(the same header is skipped; a different one starts a new table), tables split by a page break, and page furniture
(cookie banners, navigation, footers), which is skipped. When two readings of a table fit about equally well (a row
length of 6 or of 2), nothing is proposed and the report says why. Money and percentages are never counts.
dimension names come from the shared vocabulary: offence, outcome, age, year, month, period, keyword, platform,
question, measure, area, gender, ethnicity, system, category.
values: digits; nil words ({nil}) are 0; suppression markers ({suppressed}) are left empty; an empty cell is blank.
totals: every Total/Sum row and column, and every total stated in a sentence next to a table, is checked against its
parts and reported with both numbers and their lines; a total with a suppressed part cannot be checked, and says so.
the report ends with the numbers it left: those that look like data (left to read) and those judged not data (dates,
years, references, legal sections, question numbers, phone numbers, codes).
files: an attachment (.xlsx, .ods, .csv) or a saved web page (.html) is read with a real parser; each sheet or HTML table
(named table 1, table 2, ...) becomes a table whose rows cite sheet and cell; label columns become row dimensions and
header rows column dimensions, merged and spanned cells count for every cell they cover, hidden rows are left out and
reported. A PDF is read in layout mode and each page is read as a text; its rows cite page and line."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.extract", description=__doc__,
                                     epilog=LAYOUTS.format(nil=described("nil"), suppressed=described("suppressed")),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("response", type=Path, help="a response text (datapackages/<id>/response.txt), or an attachment or saved page: "
                        ".xlsx, .ods, .csv, .html, .pdf")
    parser.add_argument("--out", type=Path, help="folder for the proposed CSVs (default: tables/ beside the response)")
    parser.add_argument("--overwrite", action="store_true", help="replace CSVs that already exist in the folder (curated tables!)")
    parser.add_argument("--dry-run", action="store_true", help="print the report only; write nothing")
    args = parser.parse_args(argv)
    if not args.response.is_file():
        print(f"error: {args.response}: no such file", file=sys.stderr)
        return 2
    folder = args.response.parent.parent if args.response.parent.name == "attachments" else args.response.parent
    out = args.out or folder / "tables"
    if args.response.suffix.lower() in FILE_SUFFIXES:
        return files.main(args.response, out, args.overwrite, args.dry_run)
    result = extract(args.response.read_bytes())
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
