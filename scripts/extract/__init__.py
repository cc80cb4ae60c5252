"""The table extractor: propose tidy tables from a response text and reconcile the totals it states.

It proposes; a curator decides. Nothing is adjusted: a total that does not add up is
reported with both numbers and their lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import reconcile
from ..load import slug
from ..reference import read_csv
from ..response import NUMBER, stands_on
from ..tables import Table
from .blocks import find_grids, kind
from .cells import codes_in, repair
from .tidy import Proposed, tidy

MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
DATE_NUMBER = re.compile(rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?)", re.IGNORECASE)


@dataclass
class Extraction:
    """Everything the extractor found in one text."""

    encoding: str
    lines: list[str]
    tables: list[Proposed] = field(default_factory=list)
    repaired: list[int] = field(default_factory=list)
    codes: list[tuple[int, str, str]] = field(default_factory=list)
    loose: list[tuple[int, str]] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 when it is; otherwise Windows-1252 (said in the report)."""
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8; read as Windows-1252"


def extract(data: bytes) -> Extraction:
    """Find the tables in a response text and propose each as a tidy table."""
    text, encoding = decode(data)
    original = text.split("\n")
    repaired_text, _ = repair(text)
    lines = repaired_text.split("\n")
    result = Extraction(encoding, original, repaired=[n + 1 for n, (a, b) in enumerate(zip(original, lines)) if a != b])
    used: set[int] = set()
    for grid in find_grids(lines):
        name = _name(grid, [t.name for t in result.tables])
        proposed = tidy(grid, name)
        result.tables.append(proposed)
        used.update(range(grid.start, grid.end + 1))
        for row in proposed.rows:  # the extractor's own output must pass the build's citation check
            why = stands_on(row["status"], row["value"], original[row["line"] - 1])
            if why:
                result.unchecked.append(f"{name}: line {row['line']}: {why}")
    aliases = _aliases()
    for n, line in enumerate(lines, start=1):
        found = codes_in(line) + [aliases[t] for t in re.findall(r"(?<![\w/])\d{3,5}(?![\w/])", line) if t in aliases]
        result.codes += [(n, code, line.strip()) for code in found]
        if n not in used and kind(line) != "blank" and _data_numbers(line):
            result.loose.append((n, line.strip()))
    return result


def _aliases() -> dict[str, str]:
    """Other ways forces write offence codes (7117 for 71/17), from the reference list."""
    path = Path(__file__).resolve().parents[2] / "datapackages" / "reference" / "offence_codes.csv"
    if not path.is_file():
        return {}
    _, rows = read_csv(path)
    return {alias: row["code"] for row in rows for alias in row["aliases"].split(";") if alias and "/" not in alias}


def _data_numbers(line: str) -> list[str]:
    """Numbers in prose that may be data: not years, not parts of dates, codes or references."""
    out = []
    for m in NUMBER.finditer(line):
        value = m.group(1)
        if re.fullmatch(r"(19|20)\d{2}", value) or DATE_NUMBER.match(line[m.start():]) or re.match(rf"\s*{MONTHS}", line[m.end():], re.I):
            continue
        out.append(value)
    return out


def _name(grid, taken: list[str]) -> str:
    """A file name for the proposal: from the table's caption or list noun, else table-N."""
    if grid.caption:
        base = slug(grid.caption)[:60].strip("-")
    elif grid.layout == "list" and grid.dim_hint:
        base = f"{grid.dim_hint}-counts"
    else:
        base = f"table-{len(taken) + 1}"
    name, k = base, 2
    while name in taken:
        name, k = f"{base}-{k}", k + 1
    return name


def reconciliation(proposed: Proposed) -> list[reconcile.Check]:
    """Every stated total in a proposal against the sum of its parts (blank cells count as zero)."""
    table = Table({"name": proposed.name}, Path(proposed.name), proposed.dims, proposed.rows)
    return reconcile.checks(table)


def report(result: Extraction, source: str, written: dict[str, str]) -> str:
    """The extractor's report, in plain text for a curator."""
    out = [f"Extracted from {source} ({result.encoding}, {len(result.lines)} lines)"]
    if result.repaired:
        out.append(f"Mis-encoded characters repaired for reading on lines {', '.join(map(str, result.repaired))}; "
                   "labels from those lines are shown repaired; check them against the text.")
    if not result.tables:
        out.append("\nNo tables found.")
    for n, t in enumerate(result.tables, start=1):
        counts = {s: sum(r["status"] == s for r in t.rows) for s in ("reported", "blank", "nil", "suppressed")}
        out += [f"\nTable {n}: {t.name} (lines {t.grid.start}-{t.grid.end}; layout: {t.grid.layout})",
                f"  {t.structure}" if t.structure else "",
                f"  dimensions: {', '.join(t.dims)}; {len(t.rows)} values: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
                f"  {written.get(t.name, 'not written')}"]
        if t.grid.caption:
            out.append(f"  caption: {t.grid.caption}")
        checks = reconciliation(t)
        if checks:
            out.append(f"  totals: {sum(c.agrees for c in checks)} of {len(checks)} agree with their parts")
            out += [f"    DISAGREES: {reconcile.describe(c, t.dims)}" for c in checks if not c.agrees]
        out += [f"  note: {note}" for note in t.notes]
    if result.unchecked:
        out += ["\nValues that do not stand on their line (please report this as a bug):"] + [f"  {u}" for u in result.unchecked]
    if result.codes:
        out.append("\nHome Office codes written in the text (normalised):")
        out += [f"  line {n}: {code}: {text[:100]}" for n, code, text in result.codes]
    if result.loose:
        out.append("\nLines with numbers outside any table (not interpreted):")
        out += [f"  line {n} ({', '.join(_data_numbers(text))}): {text[:160]}" for n, text in result.loose]
    return "\n".join(line for line in out if line != "") + "\n"
