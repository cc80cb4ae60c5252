"""The extractor's report, in plain text for a curator: what was proposed, how each table is laid out, whether
its totals add up, and what is left to read."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .numbers import numbers_in
from .tidy import Proposed
from .totals import Check, table_checks

if TYPE_CHECKING:
    from . import Extraction

STATUSES = ("reported", "blank", "nil", "suppressed")


def reconciliation(proposed: Proposed) -> list[Check]:
    """Every stated total in a proposal against the sum of its parts (blank cells count as zero)."""
    return table_checks(proposed)


def layout_yaml(table: Proposed) -> list[str]:
    """The `layout:` lines to paste into request.yaml beside the table's declaration."""
    return ["    layout:", f"      rows: [{', '.join(table.layout_rows)}]", f"      columns: [{', '.join(table.layout_columns)}]"]


def report(result: Extraction, source: str, written: dict[str, str]) -> str:
    """The whole report."""
    out = [f"Extracted from {source} ({result.encoding}, {len(result.lines)} lines)"]
    if result.furniture:
        out.append(f"Page furniture skipped (cookie banners, navigation, footers): lines {_ranges(result.furniture)}")
    if result.skipped:
        out.append("Unit and note lines under a table's header, skipped (never a label):")
        out += [f"  line {n}: {why}" for n, why in result.skipped]
    if result.repaired:
        out.append(f"Mis-encoded characters repaired for reading on lines {', '.join(map(str, result.repaired))}; "
                   "labels from those lines are shown repaired; check them against the text.")
    if not result.tables:
        out.append("\nNo tables found.")
    for n, t in enumerate(result.tables, start=1):
        out += _table(n, t, written, result.totals.get(t.name, []))
    if result.prose:
        out.append("\nCounts stated in sentences (each proposed as a one-row table whose label is what the sentence says it "
                   "counts; confirm it):")
        for t in result.prose:
            row = t.rows[0]
            out.append(f"  line {row['line']}: {row['value']} {row['measure']!r}; sentence: {t.grid.caption[:150]}")
            out.append(f"    {t.name}: {written.get(t.name, 'not written')}")
    if result.unread:
        out += ["\nTables found but not read:"] + [f"  {u}" for u in result.unread]
    if result.unchecked:
        out += ["\nValues that do not stand on their line, so their tables are not proposed (please report this as a bug):"]
        out += [f"  {u}" for u in result.unchecked]
    if result.loose:
        out.append("\nLeft to read: numbers outside every proposal that look like data:")
        out += [f"  line {n} ({_why(text)}): {text[:160]}" for n, text in result.loose]
    if result.not_data:
        out.append("\nNumbers judged not to be data (dates, years, references, sections, question numbers, codes...):")
        out += [f"  line {n}: {what}" for n, what in result.not_data]
    if result.codes:
        out.append("\nHome Office codes written in the text (normalised):")
        out += [f"  line {n}: {code}: {text[:100]}" for n, code, text in result.codes]
    return "\n".join(line for line in out if line != "") + "\n"


def _table(n: int, t: Proposed, written: dict[str, str], checks: list[Check]) -> list[str]:
    counts = {s: sum(r["status"] == s for r in t.rows) for s in STATUSES}
    out = [f"\nTable {n}: {t.name} (lines {t.grid.start}-{t.grid.end}; layout: {t.grid.layout})",
           f"  {t.structure}" if t.structure else "",
           f"  dimensions: {', '.join(t.dims)}; {len(t.rows)} values: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
           f"  {written.get(t.name, 'not written')}"]
    if t.grid.caption:
        out.append(f"  caption: {t.grid.caption}")
    out += ["  layout for request.yaml (beside this table's declaration):"] + layout_yaml(t)
    if checks:
        agree = sum(c.agrees for c in checks)
        unknown = sum(not c.checkable for c in checks)
        out.append(f"  totals: {agree} of {len(checks)} agree with their parts"
                   + (f"; {unknown} cannot be checked" if unknown else ""))
        out += [f"    DISAGREES: {c.describe()}" for c in checks if c.checkable and not c.agrees]
        out += [f"    CANNOT BE CHECKED: {c.describe()}" for c in checks if not c.checkable]
    out += [f"  note: {note}" for note in t.notes]
    return out


def _why(text: str) -> str:
    from . import looks_like
    found = [f for f in numbers_in(text) if f.data]
    why = looks_like(text, found)
    return f"{why}: {', '.join(f.text for f in found)}" if found and "cannot cite" not in why else why


def _ranges(numbers: list[int]) -> str:
    """1, 2, 3, 7 as "1-3, 7"."""
    out, start = [], None
    for k, n in enumerate(numbers):
        if start is None:
            start = n
        if k + 1 == len(numbers) or numbers[k + 1] != n + 1:
            out.append(f"{start}-{n}" if n != start else str(n))
            start = None
    return ", ".join(out)
