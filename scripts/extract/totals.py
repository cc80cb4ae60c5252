"""Every stated total against its parts: `Total`/`Sum:` rows and columns, and totals stated in prose next to a table.
Both numbers are reported and neither is changed; a total with a suppressed part cannot be checked, and says why."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..curated.tables import TOTAL
from .numbers import numbers_in
from .prose import Statement
from .tidy import Proposed

TOTAL_WORDS = re.compile(r"\b(total|in all|altogether|overall|there\s+(have|has)\s+been|there\s+(were|was|are|is)"
                         r"|see\s+(the\s+)?table|table\s+(below|above))\b", re.IGNORECASE)

NEW_ANSWER = re.compile(r"^\s*(?:q(?:uestion)?\s*\d+|\d+[a-z]?[.)]|answer\b|response\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Check:
    """A stated total, where it stands, and what its parts add up to (None when a part is suppressed)."""

    stated: int | None
    line: int
    where: str
    parts_sum: int | None
    part_lines: tuple[int, ...]
    withheld: tuple[int, ...]  # lines of suppressed parts
    over: str
    why: str | None = None  # why it cannot be checked, when that is not a suppressed part

    @property
    def agrees(self) -> bool:
        return self.verdict == "agrees"

    @property
    def checkable(self) -> bool:
        return self.stated is not None and self.parts_sum is not None and self.why is None

    @property
    def verdict(self) -> str:
        if self.stated is None:
            return "cannot be checked: the total itself is suppressed"
        if self.why:
            return f"cannot be checked: {self.why}"
        if self.parts_sum is None:
            return f"cannot be checked: a part is suppressed (response line{'s' if len(set(self.withheld)) > 1 else ''} " \
                   f"{_lines(self.withheld)})"
        return "agrees" if self.stated == self.parts_sum else "DISAGREES"

    def describe(self) -> str:
        """One line: the stated number, the sum, and the lines of both."""
        if self.parts_sum is None or self.stated is None or self.why:
            shown = self.stated if self.stated is not None else "(suppressed)"
            return f"stated total {shown} ({self.where}; response line {self.line}): {self.verdict}"
        return (f"stated total {self.stated} ({self.where}; response line {self.line}) but its parts over {self.over} "
                f"add up to {self.parts_sum} (response lines {_lines(self.part_lines)})")


def _lines(lines: tuple[int, ...]) -> str:
    return ", ".join(map(str, sorted(set(lines))))


def table_checks(table: Proposed) -> list[Check]:
    """Every (total, dimension) pair of a table that has parts; blank parts count as zero, as the build counts them."""
    groups: dict[tuple, list[dict]] = {}
    for row in table.rows:
        for dim in table.dims:
            if row[dim] != TOTAL:
                groups.setdefault((dim, tuple(row[d] for d in table.dims if d != dim)), []).append(row)
    out = []
    for row in table.rows:
        for dim in table.dims:
            if row[dim] != TOTAL:
                continue
            parts = groups.get((dim, tuple(row[d] for d in table.dims if d != dim)), [])
            if parts:
                out.append(_check(_stated(row), row["line"], _where(table, row), parts, dim))
    out += _grand_totals(table, {(c.line, c.where) for c in out})
    out += _lead_total(table)
    if table.grid.incomplete:  # rows found but not read: a total that disagrees may be right
        out = [c if not c.checkable or c.agrees else
               Check(c.stated, c.line, c.where, c.parts_sum, c.part_lines, c.withheld, c.over,
                     f"some rows of the table were not read (see its notes); the {c.parts_sum} read so far is not all of it")
               for c in out]
    return out


def _lead_total(table: Proposed) -> list[Check]:
    """A total stated in the words that introduce a line of pairs (`There were 45 offences in total: 2019 – 12, ...`):
    the one count in them, when they say it is a total, against the pairs."""
    lead = table.grid.caption if table.grid.layout == "pairs on a line" and table.grid.start == table.grid.end else None
    if not lead or not TOTAL_WORDS.search(lead):
        return []
    counts = [f for f in numbers_in(lead) if f.data and f.count]
    if len(counts) != 1 or any(TOTAL in (row[d] for d in table.dims) for row in table.rows) or len(table.rows) < 2:
        return []
    return [_check(counts[0].value, table.grid.start, "stated in the words before the pairs", table.rows, "every pair")]


def _stated(row: dict) -> int | None:
    return None if row["status"] == "suppressed" else row["value"] or 0  # a blank total counts as 0


def _where(table: Proposed, row: dict) -> str:
    return ", ".join(f"{d}={row[d]}" for d in table.dims)


def _grand_totals(table: Proposed, done: set) -> list[Check]:
    """A Total row over nested rows with no subtotals (group labels above their rows): against every row under it."""
    rows_dims, cols = table.layout_rows, table.layout_columns
    if len(rows_dims) < 2:
        return []
    out = []
    for row in table.rows:
        if all(row[d] == TOTAL for d in rows_dims) and (row["line"], _where(table, row)) not in done:
            parts = [r for r in table.rows if all(r[d] != TOTAL for d in rows_dims) and all(r[c] == row[c] for c in cols)]
            if parts:
                out.append(_check(_stated(row), row["line"], _where(table, row), parts, "every row"))
    return out


def _check(stated: int | None, line: int, where: str, parts: list[dict], over: str) -> Check:
    withheld = tuple(p["line"] for p in parts if p["status"] == "suppressed")
    total = None if withheld else sum(p["value"] or 0 for p in parts)
    return Check(stated, line, where, total, tuple(p["line"] for p in parts), withheld, over)


def prose_checks(tables: list[Proposed], statements: list[Statement], lines: list[str]) -> dict[str, list[Check]]:
    """Totals stated in a sentence just before or just after a table (or a run of adjacent tables), against its parts."""
    out: dict[str, list[Check]] = {}
    for group in _adjacent(tables):
        first, last = group[0].grid.start, group[-1].grid.end
        near = [s for s in statements if TOTAL_WORDS.search(s.sentence) and
                (_between(lines, s.line, first) <= 3 if s.line < first else
                 0 < s.line - last and _between(lines, last, s.line) <= 2 and not NEW_ANSWER.match(lines[s.line - 1]))]
        leaves = [r for t in group for r in t.rows if all(r[d] != TOTAL for d in t.dims)]
        if not near or len(leaves) < 2:
            continue
        s = min(near, key=lambda s: abs(s.line - first))
        check = _check(s.found.value, s.line, "stated in a sentence", leaves, "every cell of the table")
        columns = {tuple(r[d] for d in t.layout_columns) for t in group for r in t.rows}
        if check.checkable and not check.agrees and len(columns) > 1:
            # a table of several columns: the sentence may total one of them, or count something else
            sums = _part_sums(group)
            why = (f"it equals the sum of {sums[s.found.value]}" if s.found.value in sums else
                   "the sentence's number is not the sum of the table, of a column or of a row; it may count something else")
            check = Check(check.stated, check.line, check.where, check.parts_sum, check.part_lines, check.withheld, check.over,
                          why)
        out.setdefault(group[0].name, []).append(check)
    return out


def _part_sums(group: list[Proposed]) -> dict[int, str]:
    """The sum of each column and each row of a group of tables (totals left out), with what it sums."""
    out: dict[int, str] = {}
    for t in group:
        leaves = [r for r in t.rows if all(r[d] != TOTAL for d in t.dims)]
        for dims, what in ((t.layout_columns, "a column"), (t.layout_rows, "a row")):
            sums: dict[tuple, int] = {}
            for r in leaves:
                key = tuple(r[d] for d in dims)
                sums[key] = sums.get(key, 0) + (r["value"] or 0)
            for key, total in sums.items():
                out.setdefault(total, f"{what} ({', '.join(key)})")
    return out


def _adjacent(tables: list[Proposed]) -> list[list[Proposed]]:
    """Tables in text order, those that follow each other with nothing between them grouped (a header repeated)."""
    groups: list[list[Proposed]] = []
    for t in sorted(tables, key=lambda t: t.grid.start):
        if groups and t.grid.start == groups[-1][-1].grid.end + 1:
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _between(lines: list[str], a: int, b: int) -> int:
    """How many non-blank lines stand strictly between 1-based lines a and b."""
    return sum(1 for n in range(a + 1, b) if lines[n - 1].strip())
