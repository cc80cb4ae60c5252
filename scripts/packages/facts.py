"""What every published value carries besides its labels, computed once so every form says the same: its Home Office codes
and the role of its offence code, what it may be added with, and its own period (narrower than its table's where its year
label says so)."""
from __future__ import annotations

import re

from ..curated.model import Request, Row, Table
from .observations import Codes, offence_of, outcome_of

YEAR = re.compile(r"^(19|20)\d\d$")
# The columns every value has, in this order, after its dimensions and before where it stands.
COLUMNS = ["offence_code", "code_role", "outcome_type", "value", "status", "is_total", "additive", "sum_group", "additivity",
           "period_start", "period_end", "period_basis", "part_year"]


def period_of(row: Row, table_period: tuple[str, str] | None) -> tuple[str | None, str | None, str, bool]:
    """(start, end, basis, part_year) of one value.

    A calendar year label in a `year` dimension narrows the table's period to that year (the CMS table's "2018" is
    1 January to 22 May 2018: basis row, part_year true); any other value has its table's period (basis table)."""
    label = row.label("year") if "year" in row.dims else ""
    if YEAR.match(label):
        first, last = f"{label}-01-01", f"{label}-12-31"
        start, end = (max(first, table_period[0]), min(last, table_period[1])) if table_period else (first, last)
        if start <= end:
            return start, end, "row", (start, end) != (first, last)
    if table_period:
        return table_period[0], table_period[1], "table", False
    return None, None, "", False


def table_facts(req: Request, table: Table, codes: Codes) -> list[dict]:
    """The COLUMNS of each row of a table, in row order (value and status as curated; booleans as true/false)."""
    mapping = {label: {"code": c.code, "basis": c.basis} for c in req.offence_codes for label in c.labels}
    period = req.period(table.period)
    span = (period.start, period.end) if period else None
    out = []
    for row in table.rows:
        labels = dict(zip(row.dims, row.labels))
        table_code = codes.for_table(req.id, table.name, labels)
        offence, basis, _ = offence_of(labels, mapping, table_code)
        role = "" if not offence else table_code.get("code_role", "") if basis == "mapped" else table.code_role
        outcome = outcome_of(labels, req.force.code, codes, table_code)[0]
        sums = table.sums
        additive = sums.additive and not row.is_total
        start, end, period_basis, part = period_of(row, span)
        out.append({"offence_code": offence, "code_role": role, "outcome_type": outcome, "value": row.value, "status": row.status,
                    "is_total": _bool(row.is_total), "additive": _bool(additive),
                    "sum_group": f"{req.id}/{sums.group}" if additive else "",
                    "additivity": "total" if row.is_total else sums.reason, "period_start": start, "period_end": end,
                    "period_basis": period_basis, "part_year": _bool(part)})
    return out


def _bool(flag: bool) -> str:
    return "true" if flag else "false"

