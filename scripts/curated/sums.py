"""Which values may be added up, and with which others: decided from curated facts (stated totals, caveats, the curator's
declaration), never guessed, so that a reader's sum is a total of one whole and never of overlapping or unrelated counts.

Rules, in order, for each table (its stated totals are never additive; the rules are about the other values):
1. The curator's declaration (`tables[].sums` in request.yaml) wins, but may not call additive a table that a caveat of
   kind overlapping-counts covers.
2. A caveat of kind overlapping-counts on the table (or the package): not additive, reason overlapping.
3. Stated totals that reconcile with their values (checked by the reconciliation): the values are disjoint parts. A
   table whose totals do not reconcile (declared mismatches:) is not decided by them: the curator declares it.
4. A table of one value: a whole in itself (a sum group of one).
5. Otherwise the build cannot tell, and asks the curator to declare it.
A sum group shared by several tables (declared `group`) must join tables of one measure whose periods do not overlap.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .model import Caveat, Sums, Table

OVERLAP_KINDS = {"overlapping-counts"}
REASONS = "overlapping, not-disjoint or subset"


def covers(caveat: Caveat, table: str) -> bool:
    """Whether a caveat applies to a table: to the package, to the table, or to one of its fields."""
    return any(t == "package" or t == f"table:{table}" or t.startswith(f"field:{table}.") for t in caveat.applies_to)


def decide(tables: list[Table], metas: list[dict], caveats: list[Caveat], periods: dict[str, tuple[str, str]],
           add: Callable[[tuple, str, str], None]) -> list[Table]:
    """The tables with their additivity (and code role) set; a problem for each table the facts leave undecided."""
    index = {m["name"]: i for i, m in enumerate(metas)}
    out = []
    for table in tables:
        i = index[table.name]
        meta = metas[i]
        sums = _decide(table, i, meta.get("sums"), [c for c in caveats if c.kind in OVERLAP_KINDS and covers(c, table.name)], add,
                       bool(meta.get("mismatches")))
        if sums is not None:
            out.append(replace(table, sums=sums, code_role=meta.get("code_role", "counts")))
    _check_groups(out, index, periods, add)
    return out


def _decide(table: Table, i: int, declared: dict | None, overlaps: list[Caveat], add, mismatched: bool = False) -> Sums | None:
    parts = [r for r in table.rows if not r.is_total]
    where = ("tables", i, "sums")
    if declared is not None:
        note = declared.get("note")
        if declared["additive"]:
            if overlaps:
                add(where + ("additive",), f"declared additive, but caveat {overlaps[0].id!r} says the counts overlap "
                    "(kind overlapping-counts); declare additive: false, reason: overlapping", "additivity")
            if "reason" in declared:
                add(where + ("reason",), "a reason is given only with additive: false; remove it", "additivity")
            return Sums(True, "parts", declared.get("group", table.name), "declared", note)
        if "reason" not in declared:
            add(where, f"additive: false needs a reason: {REASONS}", "additivity")
        if "group" in declared:
            add(where + ("group",), "a sum group is for additive values only; remove it", "additivity")
        return Sums(False, declared.get("reason", "not-disjoint"), None, "declared", note)
    if overlaps:
        return Sums(False, "overlapping", None, f"caveat:{overlaps[0].id}")
    if len(parts) < len(table.rows) and not mismatched:
        return Sums(True, "parts", table.name, "reconciled")
    if mismatched:  # its stated totals do not reconcile, so they say nothing of whether its values are parts of one whole
        add(("tables", i, "name"), f"table {table.name!r} has stated totals that do not equal their parts (its mismatches:), so the "
            "build cannot tell whether its values may be added up; declare it under the table: sums: {additive: true} when they are "
            f"disjoint parts of one whole, or sums: {{additive: false, reason: ...}} ({REASONS})", "sums-undeclared")
        return None
    if len(parts) <= 1:
        return Sums(True, "parts", table.name, "single")
    add(("tables", i, "name"), f"table {table.name!r} has {len(parts)} values and no stated total, so the build cannot tell whether "
        "they may be added up; declare it under the table: sums: {additive: true} when they are disjoint parts of one whole, or "
        f"sums: {{additive: false, reason: ...}} ({REASONS})", "sums-undeclared")
    return None


def _check_groups(tables: list[Table], index: dict[str, int], periods: dict[str, tuple[str, str]], add) -> None:
    """Tables that share a sum group count the same thing over periods that do not overlap."""
    groups: dict[str, list[Table]] = {}
    for t in tables:
        if t.sums.additive:
            groups.setdefault(t.sums.group, []).append(t)
    for group, members in groups.items():
        for a, b in zip(members, members[1:]):
            where = ("tables", index[b.name], "sums", "group")
            if a.measure != b.measure:
                add(where, f"sum group {group!r} joins tables of different measures ({a.measure!r}, {b.measure!r}); "
                    "only counts of one thing may be added", "sum-group")
        spans = sorted(((periods[t.period], t) for t in members if t.period in periods), key=lambda span: span[0])
        if any(start > end for (start, end), _ in spans):
            continue  # a period that runs backwards has its own problem
        if len(members) > 1 and len(spans) < len(members):
            add(("tables", index[members[-1].name], "sums", "group"), f"sum group {group!r} joins several tables, so each needs a "
                "period (tables[].period) to show they do not overlap", "sum-group")
        for (pa, a), (pb, b) in zip(spans, spans[1:]):
            if pb[0] <= pa[1]:
                add(("tables", index[b.name], "sums", "group"), f"sum group {group!r} joins {a.name!r} ({pa[0]} to {pa[1]}) and "
                    f"{b.name!r} ({pb[0]} to {pb[1]}), whose periods overlap; their values may count the same offences", "sum-group")
