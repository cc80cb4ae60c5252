"""The one in-memory model of a curated request: typed, frozen objects that later stages read by attribute.

`load.py` builds these from request.yaml, the tidy CSVs and response.txt after every check has passed;
packaging, combining and rendering never see the raw YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .response import ResponseText, Span

TOTAL = "Total"


@dataclass(frozen=True)
class Quote:
    """Words of the response, exactly as curated, and the lines where they stand."""

    text: str
    span: Span
    origin: str = "text"  # where it stands: text (response.txt), url (source.url) or title (source.title)

    @property
    def flat(self) -> str:
        """The quote with whitespace runs (YAML line breaks) folded to single spaces."""
        return " ".join(self.text.split())


@dataclass(frozen=True)
class Evidence:
    quote: Quote
    note: str | None = None


@dataclass(frozen=True)
class Force:
    code: str
    attribution: str  # stated | from-source | inferred
    evidence: tuple[Evidence, ...]
    note: str | None = None


@dataclass(frozen=True)
class Reference:
    """The force's reference: stated in the text, from where it was published, or ours when there is none anywhere."""

    value: str
    quote: Quote | None
    basis: str = "stated"  # stated | from-source | ours
    note: str | None = None


@dataclass(frozen=True)
class Dated:
    """A date the response gives (or implies), with the words it comes from."""

    date: str
    quote: Quote
    basis: str  # stated | from-source | inferred
    note: str | None = None


@dataclass(frozen=True)
class Period:
    label: str
    start: str
    end: str
    quote: Quote
    note: str | None = None
    basis: str = "stated"  # stated | inferred (with its rule: financial-year, last-financial-year, quarter, to-date)
    rule: str | None = None


@dataclass(frozen=True)
class System:
    name: str
    quote: Quote
    start: str | None = None
    end: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CodeMapping:
    """A Home Office offence code or outcome type the response states or implies, with its labels."""

    code: str
    basis: str  # stated | implied | uncertain
    quote: Quote
    labels: tuple[str, ...] = ()
    note: str | None = None
    through: tuple[tuple[str, str], ...] = ()  # (label, why): labels the build mapped through the reference, not typed


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None
    sha256: str
    accessed: str
    licence: str
    received_as: str | None = None
    published: str | None = None
    partial: str | None = None  # the text we hold is only part of the response, and how


@dataclass(frozen=True)
class HiddenPart:
    """A hidden sheet, row or column of a source file that the curator has reviewed and allows to be published."""

    part: str
    note: str


@dataclass(frozen=True)
class SourceFile:
    """A file received with or instead of the letter (attachment, saved web page), kept byte for byte."""

    path: str  # relative to the request folder
    kind: str  # spreadsheet | html | pdf | text
    media_type: str
    sha256: str
    bytes: int
    description: str
    licence: str
    url: str | None = None
    hidden: tuple[HiddenPart, ...] = ()
    formulas: tuple[str, ...] = ()  # cited cells that hold a formula (their cached value is published)
    width: int = 0  # columns of its first sheet, for tools that read a spreadsheet as a table
    cleaned: bool = False  # the package carries our copy without the hidden parts, never the force's bytes
    removed: tuple[str, ...] = ()  # parts removed that need no declaration (a web page's comments, scripts, hidden elements)

    @property
    def resource_name(self) -> str:
        """Its resource name in the package: file- and its path in lower case, each run of other characters a hyphen."""
        return resource_name(self.path)


def resource_name(path: str) -> str:
    return "file-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


@dataclass(frozen=True)
class Change:
    """What one version of a request's curation changed (a correction or an addition), in a reader's words."""
    version: str
    date: str
    note: str


@dataclass(frozen=True)
class Curation:
    curator: str
    curated: str
    version: str
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Attachment:
    description: str
    quote: Quote
    file: str | None = None  # the SourceFile that holds it, when the project has it


@dataclass(frozen=True)
class Question:
    id: str
    text: Quote
    status: str
    quote: Quote | None  # None only when the text does not address the question (status not-addressed, with a note)
    section: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Caveat:
    id: str
    kind: str
    quote: Quote
    applies_to: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Dimension:
    name: str
    title: str
    description: str


@dataclass(frozen=True)
class Layout:
    """How the force printed a table: row dimensions (outer to inner) and column dimensions."""

    rows: tuple[str, ...]
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mismatch:
    """A stated total that the curator declares does not equal its parts, as the response really says."""

    total: tuple[tuple[str, str], ...]
    over: str
    note: str


@dataclass(frozen=True)
class Sums:
    """Whether a table's values (stated totals aside) may be added, to which others, and how that is known."""

    additive: bool
    reason: str  # parts (additive) | overlapping | not-disjoint | subset: a code of the reference list additivity
    group: str | None  # the sum group (within the request) when additive
    basis: str  # reconciled | single | declared | caveat:<id>
    note: str | None = None


@dataclass(frozen=True)
class Row:
    """One value of a tidy table: its labels (one per dimension), value, status and where it stands.

    A value from response.txt cites its `line`; from a spreadsheet or web page, its `sheet` and `cell`
    (a web page's tables are sheets named `table N`); from a PDF, its `page` and `line`.
    """

    dims: tuple[str, ...]
    labels: tuple[str, ...]
    value: int | None
    status: str  # reported | blank | nil | suppressed
    line: int | None
    csv_line: int
    sheet: str | None = None
    cell: str | None = None
    page: int | None = None

    @property
    def where(self) -> str:
        """The place it cites, in words: `line 12`, `Sheet1!C7`, `page 2 line 5`."""
        if self.cell:
            return f"{self.sheet}!{self.cell}"
        return f"page {self.page} line {self.line}" if self.page else f"line {self.line}"

    def label(self, dim: str) -> str:
        return self.labels[self.dims.index(dim)]

    def __getitem__(self, key: str):
        """Mapping access for the reconciliation, which also serves the extractor's plain dict rows."""
        if key in ("value", "status", "line"):
            return getattr(self, key)
        return self.label(key)

    @property
    def is_total(self) -> bool:
        """A stated total: some dimension reads Total (its parts are other rows of the table)."""
        return TOTAL in self.labels


@dataclass(frozen=True)
class Table:
    name: str
    path: Path
    title: str
    description: str
    measure: str
    dimensions: tuple[Dimension, ...]
    layout: Layout
    rows: tuple[Row, ...] = ()
    source: str = "response.txt"  # the file its rows cite
    period: str | None = None
    system: str | None = None
    mismatches: tuple[Mismatch, ...] = ()
    sums: Sums | None = None  # decided once the rows are checked (curated/sums.py)
    code_role: str = "counts"  # how values relate to their offence labels' codes: counts | subset | related

    @property
    def dims(self) -> list[str]:
        return [d.name for d in self.dimensions]


@dataclass(frozen=True)
class Request:
    """A curated request, checked: every quote located, every table row proven against its line."""

    id: str
    folder: Path
    title: str
    summary: str
    reference: Reference
    force: Force
    topics: tuple[str, ...]
    source: Source
    curation: Curation
    response: ResponseText
    questions: tuple[Question, ...]
    caveats: tuple[Caveat, ...]
    tables: tuple[Table, ...]
    received: Dated | None = None
    responded: Dated | None = None
    periods: tuple[Period, ...] = ()
    systems: tuple[System, ...] = ()
    offence_codes: tuple[CodeMapping, ...] = ()
    outcome_types: tuple[CodeMapping, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    files: tuple[SourceFile, ...] = ()
    family: str | None = None
    offence_labels: tuple[tuple[str, str], ...] = ()  # (force's label, Home Office code)

    @property
    def offence_map(self) -> dict[str, str]:
        """The Home Office code of each mapped offence label."""
        return dict(self.offence_labels)

    def period(self, label: str | None) -> Period | None:
        return next((p for p in self.periods if p.label == label), None)
