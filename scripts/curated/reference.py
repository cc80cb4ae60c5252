"""The reference code lists (datapackages/reference/): every code a request may use."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import yamlio

LISTS = ("forces", "offence_codes", "outcome_types", "topics", "caveat_kinds", "answer_statuses", "value_statuses", "additivity",
         "code_roles", "dimensions")


@dataclass
class Reference:
    """Code lists keyed by list name, each a dict from code to its row."""

    folder: Path
    meta: dict
    lists: dict[str, dict[str, dict[str, str]]]

    def codes(self, name: str) -> dict[str, dict[str, str]]:
        """The rows of one list, keyed by code."""
        return self.lists[name]

    def title(self, name: str, code: str) -> str:
        """The title of a code, or the code itself when it is unknown."""
        return self.lists[name].get(code, {}).get("title", code)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a UTF-8 CSV into its header and rows of text (no type guessing)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def load_reference(folder: Path) -> Reference:
    """Load every code list; a duplicate code is a curation error."""
    try:
        meta, _ = yamlio.load((folder / "reference.yaml").read_text(encoding="utf-8"))
    except yamlio.CurationYAMLError as err:
        raise ValueError(f"{folder / 'reference.yaml'}:{err.line}: {err.message}") from None
    lists = {}
    for name in LISTS:
        path = folder / f"{name}.csv"
        header, rows = read_csv(path)
        missing = [h for h in ("code", "title") if h not in header]
        if missing:
            raise ValueError(f"{path}: the header has no {' or '.join(missing)} column (found {','.join(header) or 'nothing'})")
        by_code: dict[str, dict[str, str]] = {}
        for n, row in enumerate(rows, start=2):
            if None in row or None in row.values():
                raise ValueError(f"{path}:{n}: expected {len(header)} fields ({','.join(header)})")
            if row["code"] in by_code:
                raise ValueError(f"{path}:{n}: code {row['code']!r} is listed twice")
            by_code[row["code"]] = row
        lists[name] = by_code
    return Reference(folder, meta, lists)
