"""The table extractor: propose tidy tables from a response text and reconcile the totals it states.

It proposes; a curator decides. Nothing is adjusted: a total that does not add up is
reported with both numbers and their lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..curated.load import slug
from ..curated.reference import read_csv
from ..curated import citation
from ..curated.response import ResponseText
from .cells import codes_in, repair
from .commas import read_commas
from .choose import choose, refusal, weigh
from .flat import read_bare, read_piped
from .furniture import furniture_lines
from .covers import cover_lines, identifier_label
from .delimited import kind, read_delimited
from .lists import read_lists, read_spans
from .model import Grid, Row
from .numbers import Found, counts_in_words, numbers_in
from .prose import Statement, read_prose
from .repeats import repeated_labels
from .request import request_lines
from .answers import read_answers, read_bulleted, read_led
from .interleaved import other_header
from .labels import count_in_label
from .headings import heading_problem
from .pages import page_marks, page_view, remap
from .pairs import read_pairs
from .shares import mask_shares
from .runs import read_runs
from .spaced import read_spaced
from .tidy import LISTS, Proposed, tidy
from .titles import period_title
from .units import unit_lines
from .totals import Check, prose_checks, table_checks

# A number glued to its label, as a web table's cells run together when saved as text ("Making/Taking26").
GLUED = re.compile(r"^\s*[A-Za-z][^|\t]*[A-Za-z)](\d{1,3}(?:,\d{3})+|\d+)\s*$")

# The layout readers, in the order they claim lines: the most structured first.
READERS = (read_delimited, read_piped, read_commas, read_runs, read_pairs, read_spaced, read_lists, read_spans, read_answers, read_led,
           read_bare, read_bulleted)


@dataclass
class Extraction:
    """Everything the extractor found in one text."""

    encoding: str
    lines: list[str]
    tables: list[Proposed] = field(default_factory=list)
    prose: list[Proposed] = field(default_factory=list)
    repaired: list[int] = field(default_factory=list)
    furniture: list[int] = field(default_factory=list)
    request: list[int] = field(default_factory=list)  # lines of the quoted request: the requester's numbers, not data
    codes: list[tuple[int, str, str]] = field(default_factory=list)
    loose: list[tuple[int, str]] = field(default_factory=list)  # lines with numbers that look like data, not read
    not_data: list[tuple[int, str]] = field(default_factory=list)  # lines whose numbers were judged not data, and why
    skipped: list[tuple[int, str]] = field(default_factory=list)  # unit or note lines under a table's header, and why
    unread: list[str] = field(default_factory=list)  # tables found but not read, and why
    unchecked: list[str] = field(default_factory=list)
    totals: dict[str, list[Check]] = field(default_factory=dict)

    @property
    def proposals(self) -> list[Proposed]:
        """Every proposed table: the tables, then the counts stated in sentences."""
        return self.tables + self.prose


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 when it is; otherwise Windows-1252 (said in the report)."""
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8; read as Windows-1252"


def extract(data: bytes) -> Extraction:
    """Find the tables and the counts in a response text and propose each as a tidy table."""
    text, encoding = decode(data)
    original = text.split("\n")
    lines = repair(text)[0].split("\n")
    result = Extraction(encoding, original, repaired=[n + 1 for n, (a, b) in enumerate(zip(original, lines)) if a != b])
    marks = page_marks(lines)
    result.furniture = sorted(furniture_lines(lines) | set(cover_lines(lines)))  # a cover's title, its contents
    result.request = sorted(request_lines(lines) - set(result.furniture))
    free = [n + 1 not in result.furniture and n + 1 not in result.request for n in range(len(lines))]
    units = unit_lines(lines, marks | set(result.furniture) | set(result.request))
    result.skipped = sorted(units.items())
    origin = _without(page_view(lines, marks), units, lines)  # the readers see the text without the page marks inside
    for n in units:  # it, nor a unit or note line under a table's header
        free[n - 1] = False
    view, seen = [lines[n - 1] for n in origin], [free[n - 1] for n in origin]
    view, shares = mask_shares(view)  # a percentage beside a count is reported, never read as a count
    result.not_data += [(origin[k - 1], f"{share} (a percentage beside a count: a share, not a count; not proposed)")
                        for k, share in sorted(shares.items())]
    readings, others = [], []
    for rank, reader in enumerate(READERS):  # every reader sees every free line: each proposes candidate readings
        for grid in reader(view, list(seen)):
            (readings if grid.rows else others).append(weigh(grid, rank, view))
    def at(k: int) -> int:
        return origin[k - 1] if 1 <= k <= len(origin) else k
    vetoed = {id(r): other_header(r.grid, view, at) or count_in_label(r.table, at) or identifier_label(r.table, at)
              or heading_problem(r.grid, r.table, view, at) or repeated_labels(r.table, at)
              for r in readings if r.table.values}
    kept, refused = choose([r for r in readings if not vetoed.get(id(r))], view)
    taken = {n for r in kept for n in r.grid.lines}
    others += [r for r in readings if not r.table.values]
    result.unread += [refusal(best, rival, at) for best, rival in refused]
    result.unread += sorted({why for r in readings if (why := vetoed.get(id(r))) and not taken & set(r.grid.lines)})
    judged = {at(n) for r in readings if vetoed.get(id(r)) for n in r.grid.lines} | \
        {at(n) for pair in refused for r in pair for n in r.grid.lines} | \
        {at(n) for r in others if r.grid.notes and r.grid.end - r.grid.start < 60 and not taken & set(r.grid.lines)
         for n in r.grid.lines}  # refused regions, and tables found but not read: no sentence reading either
    grids: list[Grid] = []
    for reading in kept + [r for r in others if not taken & set(r.grid.lines)]:
        grid = remap(reading.grid, origin)
        hidden = [n for n in grid.lines if n not in origin]
        if grid.rows and hidden and any(n in marks for n in hidden):
            grid.notes.append(f"lines {hidden[0]}-{hidden[-1]}: page break inside the table; joined")
        grids.append(grid)
        if grid.rows:
            for n in grid.lines:
                free[n - 1] = False
    _entitle(grids, lines, {n for g in grids if g.rows for n in g.lines} | set(result.furniture) | set(result.request))
    _propose(result, sorted(grids, key=lambda g: g.start))
    statements = read_prose(lines, [f and n + 1 not in judged for n, f in enumerate(free)])
    result.prose = [_prose_table(s, [t.name for t in result.proposals]) for s in statements]
    for s in statements:
        free[s.line - 1] = False
    for table in result.tables:
        result.totals[table.name] = table_checks(table)
    for name, checks in prose_checks(result.tables, statements, lines).items():
        result.totals[name] += checks
    result.unchecked = self_check(result.proposals, original)
    _withdraw(result, free)
    _leftovers(result, lines, free)
    return result


def _without(origin: list[int], units: dict[int, str], lines: list[str]) -> list[int]:
    """The view without the unit and note lines, and without the blank line after one that stands between blank lines
    (a table saved one cell a line with a blank line between cells keeps one blank line between its cells)."""
    drop = set(units)
    for n in units:
        if 2 <= n < len(lines) and not lines[n - 2].strip() and not lines[n].strip():
            drop.add(n + 1)
    return [n for n in origin if n not in drop]


def _withdraw(result: Extraction, free: list[bool]) -> None:
    """A proposal that the build's citation check would refuse is not proposed: it is reported with the reason, and
    its lines are left to read."""
    bad = {u.split(":", 1)[0] for u in result.unchecked}
    for table in [t for t in result.proposals if t.name in bad]:
        why = next(u.split(": ", 1)[1] for u in result.unchecked if u.split(":", 1)[0] == table.name)
        result.unread.append(f"lines {table.grid.start}-{table.grid.end} ({table.grid.layout}): read as {table.name}, but "
                             f"the build's citation check refuses it ({why}); not proposed")
        result.totals.pop(table.name, None)
        for n in table.grid.lines:
            free[n - 1] = n not in result.furniture and n not in result.request
    result.tables = [t for t in result.tables if t.name not in bad]
    result.prose = [t for t in result.prose if t.name not in bad]


def _entitle(grids: list[Grid], lines: list[str], taken: set[int]) -> None:
    """A table of columns with no caption takes the period its title line names (`2019` over a table, `2020` over the
    next, with the same labels) as its caption, so the tables stay told apart."""
    for grid in grids:
        if grid.rows and grid.header and not grid.caption and grid.layout not in LISTS:
            found = period_title(lines, grid.start, taken)
            if found:
                grid.caption = found[1]
                grid.notes.append(f"line {found[0]}: the title {found[1]!r} above the table names its period; its caption")


def _propose(result: Extraction, grids: list[Grid]) -> None:
    """Tidy every grid that holds a value; say why the others were not read."""
    for grid in grids:
        table = tidy(grid, _name(grid, [t.name for t in result.tables]))
        if table.values:
            result.tables.append(table)
        elif grid.rows or grid.notes:
            why = "; ".join(table.notes or grid.notes) or "no number, nil word or suppression marker in its cells (a form to fill in?)"
            result.unread.append(f"lines {grid.start}-{grid.end} ({grid.layout}): {why}")


def _prose_table(s: Statement, taken: list[str]) -> Proposed:
    """A count stated in a sentence as a one-row table, labelled by its sentence."""
    dims = ["measure", "year"] if s.year else ["measure"]  # a year written before the count, in its clause
    grid = Grid("prose", s.line, s.line, rows=[Row(s.line, [s.label, s.found.text])], row_dims=dims, caption=s.sentence)
    name = _unique(f"line-{s.line}-" + slug(" ".join(s.label.split()[:6]))[:40].strip("-"), taken)
    table = Proposed(name, grid, dims, structure="a count stated in a sentence", layout_rows=dims)
    table.rows.append({**({"year": s.year} if s.year else {}), "measure": s.label, "value": s.found.value,
                       "status": "reported", "line": s.line})
    return table


def self_check(tables: list[Proposed], lines: list[str]) -> list[str]:
    """The extractor's own output must pass the build's citation check: the value on its line, its row label there
    too (or above a value that stands alone), outer labels above, column labels in the header above."""
    response = ResponseText("\n".join(lines).encode("utf-8"))
    out = []
    for table in tables:
        for row in table.rows:
            labels = [row[d] for d in table.layout_rows]
            columns = [row[d] for d in table.layout_columns]
            why = citation.check(response, row["line"], labels, columns, row["status"], row["value"])
            if why:
                out.append(f"{table.name}: line {row['line']}: {why}")
    return out


def _leftovers(result: Extraction, lines: list[str], free: list[bool]) -> None:
    """Numbers outside every proposal: those that look like data (left to do), and those judged not data."""
    aliases = _aliases()
    shared = {n for n, _ in result.not_data}
    for n, line in enumerate(lines, start=1):
        found = codes_in(line) + [aliases[t] for t in re.findall(r"(?<![\w/])\d{3,5}(?![\w/])", line) if t in aliases]
        result.codes += [(n, code, line.strip()) for code in found]
        outside = n in result.furniture or n in result.request
        if not free[n - 1] and not outside:  # a line read: its money and shares are still reported, never counts
            money = [f for f in numbers_in(line) if f.reason == "money, time or share" and re.search(r"[£$€%]|per\s*cent",
                                                                                                   line[f.start - 2: f.end + 9])]
            if money and n not in shared:  # (a share beside a count is reported already)
                result.not_data.append((n, ", ".join(f"{f.text} ({f.reason})" for f in money)))
            continue
        numbers = numbers_in(line)
        if outside:
            why = "page furniture" if n in result.furniture else "in the quoted request"
            if numbers:
                result.not_data.append((n, ", ".join(f"{f.text} ({why})" for f in numbers)))
            continue
        data = [f for f in numbers if f.data]
        if data or counts_in_words(line) or GLUED.search(line):
            result.loose.append((n, line.strip()))
        if len(data) < len(numbers):
            result.not_data.append((n, ", ".join(f"{f.text} ({f.reason})" for f in numbers if f.reason)))


def looks_like(line: str, found: list[Found]) -> str:
    """Why a number outside every proposal may be data: a cell in a row of cells, a count after a label, or in prose."""
    text = line.strip()
    if GLUED.search(line):
        return f"a number glued to its label, which the build cannot cite: {GLUED.search(line).group(1)}"
    if not found and counts_in_words(line):
        return f"a count written in words, which the build cannot cite: {', '.join(counts_in_words(line))}"
    if kind(line) in ("tab", "pipe", "cell", "spaced") or (found and text == found[-1].text):
        return "a cell in a row of cells"
    if found and text.endswith(found[-1].text):
        return "a count after a label"
    return "a number in a sentence"


def _aliases() -> dict[str, str]:
    """Other ways forces write offence codes (7117 for 71/17), from the reference list."""
    path = Path(__file__).resolve().parents[2] / "datapackages" / "reference" / "offence_codes.csv"
    if not path.is_file():
        return {}
    _, rows = read_csv(path)
    return {alias: row["code"] for row in rows for alias in row["aliases"].split(";") if alias and "/" not in alias}


def _name(grid: Grid, taken: list[str]) -> str:
    """A file name for the proposal: from a list's noun, the table's caption, or table-N."""
    if grid.dim_hint:
        base = f"{grid.dim_hint}-counts"
    elif grid.caption:
        base = slug(grid.caption)[:60].strip("-") or "table"
    else:
        base = f"table-{len(taken) + 1}"
    return _unique(base, taken)


def _unique(base: str, taken: list[str]) -> str:
    name, k = base, 2
    while name in taken:
        name, k = f"{base}-{k}", k + 1
    return name

