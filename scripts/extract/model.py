"""What the layout readers find: grids of cells with the response line of every cell."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    """One row of a grid: its response line and its cells as written (the first is the label)."""

    line: int
    cells: list[str]
    lines: list[int] | None = None  # per cell, when each cell stands on its own line
    group: str | None = None  # the outer row label this row stands under, when the grid has one
    head: bool = False  # the row is the outer label itself, with its own values (a subtotal)

    def line_of(self, k: int) -> int:
        """The response line of cell k."""
        return self.lines[k] if self.lines else self.line


@dataclass
class Grid:
    """A table found in the text, before it is made tidy."""

    layout: str
    start: int
    end: int
    header: list[str] | None = None
    header_line: int | None = None
    caption: str | None = None
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dim_hint: str | None = None
    row_dims: list[str] | None = None  # names of the row dimensions, outer to inner, when the reader knows them
    incomplete: bool = False  # rows of the table were found but not read: its totals cannot be checked against them

    @property
    def lines(self) -> range:
        """Every response line the grid covers."""
        return range(self.start, self.end + 1)
