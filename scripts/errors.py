"""Problems found in curated input, reported with file, place and what was expected."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one curated file, in a form a curator can act on."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class BuildFailed(Exception):
    """Raised when curated input has problems; carries all of them so one run shows every mistake."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """Collects problems during loading so a curator sees them all at once."""

    def __init__(self, root: Path):
        self.root = root
        self.items: list[Problem] = []

    def add(self, path: Path, field: str, message: str, line: int | None = None) -> None:
        """Record a problem; paths are shown relative to the project root."""
        try:
            shown = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            shown = path.as_posix()
        self.items.append(Problem(shown, line, field, message))

    def raise_if_any(self) -> None:
        """Stop the build if anything was recorded."""
        if self.items:
            raise BuildFailed(self.items)
