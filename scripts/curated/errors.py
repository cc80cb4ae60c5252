"""Problems found in curated input, each with a stable code, its file, line and field, and what was expected."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Every code a problem can carry; tests assert these, not the wording.
CODES = {
    "yaml": "request.yaml is not valid YAML (or uses a YAML feature curated files may not use)",
    "yaml-alias": "YAML anchors and aliases are not allowed in curated files",
    "encoding": "a file is not UTF-8 (or starts with a byte-order mark)",
    "control-character": "a control character (such as NUL) in curated text",
    "schema": "request.yaml does not match scripts/curated/schemas/request.schema.yaml",
    "unknown-code": "a code that is not in the reference lists",
    "date": "not a calendar date, not the date its quote gives, or a period that runs backwards",
    "claim-not-in-text": "a title, summary or table description gives a number the response does not write",
    "quote-is-request": "a caveat or answer quotes the request's words as if they were the force's",
    "quote-not-found": "a quote or question text that does not stand in response.txt",
    "quote-ambiguous": "the quote that answers a question stands more than once in response.txt",
    "quote-cut": "the quote that answers a question is cut so that it misleads (one table cell; no 'In relation to question N,'; short of its '= N')",
    "reference-not-in-text": "the reference number does not stand in its quote",
    "draft": "a request.yaml written by make draft that a curator has not yet read and released (draft: true)",
    "unknown-dimension": "a table dimension name that is not in the vocabulary (the reference list of dimensions)",
    "identity": "the folder name does not match force and reference",
    "hash-mismatch": "response.txt is not the text whose sha256 was recorded",
    "duplicate-response": "the same response text is curated twice",
    "duplicate-id": "an id or name used twice in one list",
    "reserved-name": "a table or dimension name the packages use for something else",
    "missing-file": "a file the request needs does not exist",
    "hidden-folder": "a request folder whose name starts with '.'",
    "symlink": "a symbolic link, or a path that leaves the request folder",
    "source-file": "a source file (spreadsheet, web page, PDF) that cannot be read",
    "hidden-content": "a hidden sheet, row or column of a source file that is not declared",
    "hidden-unsafe": "a source file whose hidden parts cannot be removed without changing what a reader sees",
    "status-held": "a question marked answered in an attachment that the project holds",
    "path": "a table path that is not a .csv under tables/",
    "undeclared-file": "a CSV under tables/ that request.yaml does not declare",
    "csv": "a CSV that cannot be read (quotes, field count, header)",
    "empty-table": "a table with a header and no rows",
    "duplicate-row": "two rows of a table with the same labels",
    "value": "a value that is not written as its status requires",
    "status": "an unknown value status",
    "citation": "a value or its labels do not stand on the cited line",
    "layout": "a table layout that does not name each dimension once",
    "label": "an offence label mapped to a code but used in no table, or to two codes",
    "applies-to": "a caveat that applies to something this request does not have",
    "total-mismatch": "a stated total that does not equal the sum of its parts",
    "stale-mismatch": "a declared mismatch that does not occur",
    "additivity": "a declaration of whether a table's values may be added up that contradicts itself or a caveat",
    "sums-undeclared": "a table of several values and no stated total whose additivity is not declared",
    "sum-group": "a sum group that joins tables of different measures, or periods that overlap or are unknown",
    "reference-list": "a reference code list that cannot be read",
    "frictionless": "a built package that frictionless finds invalid",
    "profile": "a built package that does not conform to the Data Package v2 profiles",
    "mkdocs": "the site engine reported a warning or error",
    "export-failed": "writing the SQLite or Excel copy of the combined package failed (a full disk, a worker killed for memory)",
    "build-lock": "another build holds the lock",
    "placeholder": "a publishing build with a placeholder address in mkdocs.yml (site_url, extra.report_mistakes.email)",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one curated file, in a form a curator can act on."""

    path: str
    line: int | None
    field: str
    message: str
    code: str = "schema"

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    def sort_key(self) -> tuple:
        """Order by file, then line (problems without a line first), field and code; never compares None to int."""
        return (self.path, self.line or 0, self.field, self.code, self.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} [{self.code}]"


class BuildFailed(Exception):
    """Raised when curated input has problems; carries all of them so one run shows every mistake."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """Collects problems during loading so a curator sees them all at once."""

    def __init__(self, root: Path):
        self.root = root
        self.items: list[Problem] = []

    def add(self, path: Path, field: str, message: str, line: int | None = None, code: str = "schema") -> None:
        """Record a problem; paths are shown relative to the project root."""
        self.items.append(Problem(self.shown(path), line, field, message, code))

    def shown(self, path: Path) -> str:
        """A path as the curator knows it: relative to the project root, links not followed."""
        try:
            return Path(path).absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def raise_if_any(self) -> None:
        """Stop the build if anything was recorded."""
        if self.items:
            raise BuildFailed(self.items)
