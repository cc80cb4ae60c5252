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
    for n, row in enumerate(lists["topics"].values(), start=2):  # a topic about one outcome type names a listed one
        if row.get("outcome_type") and row["outcome_type"] not in lists["outcome_types"]:
            raise ValueError(f"{folder / 'topics.csv'}:{n}: outcome_type {row['outcome_type']!r} is not a code of outcome_types.csv; "
                             "give a listed outcome type, or leave it empty")
    return Reference(folder, meta, lists)


def _plain(text: str) -> str:
    """A label or title compared as words: case, runs of spaces and a closing full stop do not count."""
    return " ".join(text.split()).rstrip(". ").casefold()


def offence_names(ref: Reference) -> dict[str, list[tuple[str, str]]]:
    """Each offence code's names in the reference lists: its aliases (prefixed 'alias:') and titles, each with where it stands."""
    names: dict[str, list[tuple[str, str]]] = {}
    for code, row in ref.codes("offence_codes").items():
        names.setdefault(code, []).append((_plain(row["title"]), f"its title in reference/offence_codes.csv ({row['title']!r})"))
        for alias in [code] + [a for a in row.get("aliases", "").split(";") if a]:
            names[code].append((f"alias:{alias}", f"it writes the code as {alias!r} (reference/offence_codes.csv)"))
    path = ref.folder / "code_titles.csv"
    if path.is_file():
        for row in read_csv(path)[1]:
            if row.get("list") == "offence_codes" and row.get("title"):
                names.setdefault(row["list_code"], []).append(
                    (_plain(row["title"]), f"a force's title for it in reference/code_titles.csv ({row['code']}: {row['title']!r})"))
    return names


def label_names_code(label: str, item: dict, names: dict[str, list[tuple[str, str]]]) -> tuple[int, str]:
    """Why a force's label names the offence code of a curated mapping, best first, or (0, '') when it does not: the label
    is the mapping's quote; it starts with the code (or an alias of it) and a separator, for a code the text states; or it
    is one of the code's titles, for a code the text implies. A label never takes a basis it does not have."""
    plain = _plain(label)
    if plain == _plain(item["quote"]):
        return 1, "the label is the quote given for the code"
    for name, why in names.get(item["code"], []):
        if name.startswith("alias:"):
            alias = name[len("alias:"):]
            rest = label[len(alias):]
            if item["basis"] == "stated" and label.startswith(alias) and rest[:1] in (" ", "-", "–", ":") and rest.strip(" -–:"):
                return 2, f"the label starts with the code: {why}"
        elif item["basis"] == "implied" and plain == name:
            return 3, f"the label is {why}"
    return 0, ""
