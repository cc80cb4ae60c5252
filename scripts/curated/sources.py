"""Source files other than the letter: spreadsheets, CSV, saved web pages and PDFs, read with well-kept parsers.

Each is read into what a citation needs: grids of cells (a sheet, a CSV, an HTML table) addressed as
`A1` cells, or a PDF's pages of text lines; and the parts a reader of the file would not see (hidden
sheets, rows and columns; hidden HTML elements), which must be declared before the file is published.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

KINDS = {".xlsx": "spreadsheet", ".ods": "spreadsheet", ".csv": "spreadsheet", ".html": "html", ".htm": "html", ".pdf": "pdf",
         ".txt": "text"}
MEDIA_TYPES = {".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               ".ods": "application/vnd.oasis.opendocument.spreadsheet", ".csv": "text/csv", ".html": "text/html",
               ".htm": "text/html", ".pdf": "application/pdf", ".txt": "text/plain"}
CELL = re.compile(r"^([A-Z]{1,3})([1-9]\d*)$")


class SourceError(Exception):
    """A source file that cannot be read as its kind."""


@dataclass
class Grid:
    """One sheet, CSV or HTML table: cell texts by (row, column), 1-based, with merges and hidden rows and columns."""

    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # covered cell -> its top-left cell
    formulas: set[tuple[int, int]] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)

    def text(self, row: int, col: int) -> str:
        """The text a reader sees in a cell; a merged cell shows its top-left value."""
        return self.cells.get(self.merged.get((row, col), (row, col)), "")

    @property
    def size(self) -> tuple[int, int]:
        keys = list(self.cells) + list(self.merged)
        return (max((r for r, _ in keys), default=0), max((c for _, c in keys), default=0))


@dataclass
class Source:
    """A source file read for citation: its grids (by name), PDF pages, and hidden parts."""

    kind: str
    grids: dict[str, Grid] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    text: str = ""  # a web page's visible text, line by line


def column_letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def cell_name(row: int, col: int) -> str:
    return f"{column_letters(col)}{row}"


def parse_cell(name: str) -> tuple[int, int] | None:
    """`C7` -> (7, 3); None when it is not a cell address."""
    m = CELL.match(name)
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _text(value) -> str:
    """A cell value as a reader sees it: whole numbers without a decimal point; None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def read_source(name: str, data: bytes) -> Source:
    """Read a source file by its suffix; raises SourceError with what is wrong."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    readers = {".xlsx": _xlsx, ".ods": _ods, ".csv": _csv, ".html": _html, ".htm": _html, ".pdf": _pdf}
    if suffix not in readers:
        raise SourceError(f"files of type {suffix or '(none)'} cannot be cited; expected one of {', '.join(sorted(readers))}")
    try:
        return readers[suffix](name, data)
    except SourceError:
        raise
    except Exception as err:  # a parser's own error: say which file and what the parser said
        raise SourceError(f"cannot be read as {suffix[1:].upper()}: {type(err).__name__}: {err}") from None


def _xlsx(name: str, data: bytes) -> Source:
    """openpyxl: cached values of formulas (flagged), merged cells to their top-left, hidden sheets, rows, columns."""
    import openpyxl
    from openpyxl.utils import column_index_from_string
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    source = Source("spreadsheet")
    for ws in values.worksheets:
        grid = Grid(ws.title)
        if ws.sheet_state != "visible":
            source.hidden.append(f"sheet {ws.title}")
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    grid.cells[(c.row, c.column)] = _text(c.value)
        for row in formulas[ws.title].iter_rows():
            for c in row:
                if c.data_type == "f":
                    grid.formulas.add((c.row, c.column))
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    if (r, col) != (rng.min_row, rng.min_col):
                        grid.merged[(r, col)] = (rng.min_row, rng.min_col)
        grid.hidden_rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
        for letter, dim in ws.column_dimensions.items():
            if dim.hidden:
                first = column_index_from_string(letter)
                grid.hidden_columns.update(range(dim.min or first, (dim.max or first) + 1))
        source.hidden += [f"{ws.title}!row {r}" for r in sorted(grid.hidden_rows)]
        source.hidden += [f"{ws.title}!column {column_letters(c)}" for c in sorted(grid.hidden_columns)]
        source.grids[ws.title] = grid
    return source


def _ods(name: str, data: bytes) -> Source:
    """odfpy: repeated and spanned cells expanded; collapsed or filtered rows and columns are hidden, and so is a sheet
    whose table style does not display it."""
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableColumn, TableRow
    doc = load(io.BytesIO(data))
    source = Source("spreadsheet")
    hidden_styles = ods_hidden_table_styles(doc)
    for table in doc.spreadsheet.getElementsByType(Table):
        grid = Grid(table.getAttrNS(TABLENS, "name"))
        if table.getAttrNS(TABLENS, "style-name") in hidden_styles:
            source.hidden.append(f"sheet {grid.name}")
        col = 0
        for column in table.getElementsByType(TableColumn):
            repeat = int(column.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            if column.getAttrNS(TABLENS, "visibility") in ("collapse", "filter"):
                grid.hidden_columns.update(range(col + 1, col + min(repeat, 1024) + 1))
            col += repeat
        r = 0
        for row in table.getElementsByType(TableRow):
            repeat = min(int(row.getAttrNS(TABLENS, "number-rows-repeated") or 1), 1024)
            hidden = row.getAttrNS(TABLENS, "visibility") in ("collapse", "filter")
            for _ in range(repeat):
                r += 1
                if hidden:
                    grid.hidden_rows.add(r)
                _ods_row(grid, row, r)
        source.hidden += [f"{grid.name}!row {x}" for x in sorted(grid.hidden_rows) if any(k[0] == x for k in grid.cells)]
        source.hidden += [f"{grid.name}!column {column_letters(x)}" for x in sorted(grid.hidden_columns)
                          if any(k[1] == x for k in grid.cells)]
        source.grids[grid.name] = grid
    return source


def ods_hidden_table_styles(doc) -> set[str]:
    """The names of table styles that hide their sheet (table:display="false")."""
    from odf.namespaces import STYLENS, TABLENS
    from odf.style import Style, TableProperties
    names = set()
    for part in (doc.automaticstyles, doc.styles):
        for style in part.getElementsByType(Style):
            if style.getAttrNS(STYLENS, "family") != "table":
                continue
            if any(p.getAttrNS(TABLENS, "display") == "false" for p in style.getElementsByType(TableProperties)):
                names.add(style.getAttrNS(STYLENS, "name"))
    return names


def _ods_row(grid: Grid, row, r: int) -> None:
    from odf.namespaces import OFFICENS, TABLENS
    c = 0
    for cell in row.childNodes:
        if cell.qname[1] not in ("table-cell", "covered-table-cell"):
            continue
        repeat = min(int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1), 1024)
        value = cell.getAttrNS(OFFICENS, "value")
        text = value if value is not None and cell.getAttrNS(OFFICENS, "value-type") in ("float", "percentage", "currency") else str(cell)
        span_r = int(cell.getAttrNS(TABLENS, "number-rows-spanned") or 1)
        span_c = int(cell.getAttrNS(TABLENS, "number-columns-spanned") or 1)
        for _ in range(repeat):
            c += 1
            if cell.qname[1] == "table-cell" and text not in ("", None):
                grid.cells[(r, c)] = _text(float(text)) if value is not None and text == value else _text(text)
                if cell.getAttrNS(TABLENS, "formula"):
                    grid.formulas.add((r, c))
            for dr in range(span_r):
                for dc in range(span_c):
                    if (dr, dc) != (0, 0):
                        grid.merged[(r + dr, c + dc)] = (r, c)


def _csv(name: str, data: bytes) -> Source:
    text = data.decode("utf-8-sig")
    grid = Grid(name.rsplit("/", 1)[-1])
    for r, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        for c, value in enumerate(record, start=1):
            if value.strip():
                grid.cells[(r, c)] = _text(value)
    return Source("spreadsheet", {grid.name: grid})


HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _html(name: str, data: bytes) -> Source:
    """lxml's HTML parser: each <table> a grid named `table N`, row and column spans respected."""
    import lxml.html
    doc = lxml.html.fromstring(data)
    source = Source("html")
    for n, table in enumerate(doc.iter("table"), start=1):
        grid = Grid(f"table {n}")
        taken: set[tuple[int, int]] = set()
        rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]
        for r, tr in enumerate(rows, start=1):
            c = 0
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                c += 1
                while (r, c) in taken:
                    c += 1
                rs, cs = max(1, _int(td.get("rowspan"))), max(1, _int(td.get("colspan")))
                text = " ".join(td.text_content().split())
                if text:
                    grid.cells[(r, c)] = text
                for dr in range(rs):
                    for dc in range(cs):
                        taken.add((r + dr, c + dc))
                        if (dr, dc) != (0, 0):
                            grid.merged[(r + dr, c + dc)] = (r, c)
                if _hidden(td) or _hidden(tr):
                    grid.hidden_rows.add(r) if _hidden(tr) else grid.hidden_columns.add(c)
                c += cs - 1
        if _hidden(table) or any(_hidden(a) for a in table.iterancestors()):
            source.hidden.append(grid.name)
        source.hidden += [f"{grid.name}!row {x}" for x in sorted(grid.hidden_rows)]
        source.hidden += [f"{grid.name}!cell in column {column_letters(x)}" for x in sorted(grid.hidden_columns)]
        source.grids[grid.name] = grid
    source.text = _visible_text(doc)
    return source


def _visible_text(doc) -> str:
    """The words a reader of the page sees: no scripts, styles or hidden elements; one line per block, no blank runs."""
    for el in doc.xpath("//script|//style|//template|//*[@hidden]"):
        el.drop_tree()
    for el in [e for e in doc.iter() if isinstance(e.tag, str) and _hidden(e)]:
        el.drop_tree()
    for el in doc.iter("br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "section", "main", "nav", "footer", "header"):
        el.tail = "\n" + (el.tail or "")
    for el in doc.iter("td", "th"):
        el.tail = " | " + (el.tail or "")
    lines = [" ".join(line.split()).rstrip(" |") for line in doc.text_content().split("\n")]
    return "\n".join(line for line in lines if line)


def _int(text) -> int:
    return int(text) if text and str(text).strip().isdigit() else 1


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _pdf(name: str, data: bytes) -> Source:
    """pdfplumber in layout mode: each page's text as the reader sees its lines."""
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text(layout=True) or "" for page in pdf.pages]
    return Source("pdf", pages=["\n".join(line.rstrip() for line in p.split("\n")) for p in pages])
