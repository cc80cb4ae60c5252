"""A source file's hidden parts are never republished: a copy without them, written with the library that read it.

Forces have published personal data in hidden sheets, rows and columns, and saved web pages carry comments, scripts and
hidden elements a reader never sees. The package carries a copy without them (.xlsx with openpyxl, .ods with odfpy, a
web page with lxml): hidden sheets are removed; hidden rows' and columns' cells are emptied (a hidden row's first cell
says so) and shown, every other cell keeping its address, so the tables' cell citations still hold; a web page loses
its comments, scripts, templates, hidden inputs and hidden elements (a hidden table, row or cell is emptied in place,
so `table N` and its cells keep their numbers). Each copy is read back with the build's own readers and refused
(RedactError) unless every visible cell reads as before and nothing hidden is left. The bytes depend only on the
original and the curation date.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

SUPPORTED = (".xlsx", ".ods", ".html", ".htm")
REMOVED = "[hidden row removed: hidden parts of the force's file are never republished]"
FIX = ("look at the file, then either save it again without its hidden parts (a spreadsheet program's 'unhide' and "
       "delete, or a page's visible text) and record that file under files: with its own sha256 and a description saying "
       "how it was made, or curate what the response text gives without the file")


class RedactError(Exception):
    """A copy without the hidden parts could not be made safely: the message says why."""


@dataclass
class Cleaned:
    """Our copy (None when the file has nothing hidden) and the parts removed that need no declaration (a page's comments)."""

    copy: bytes | None
    removed: list[str] = field(default_factory=list)


def without_hidden(path: str, data: bytes, curated: str) -> bytes | None:
    """The copy of a file without its hidden parts, or None when it has none or is not of a kind that can hide parts."""
    return clean(path, data, curated).copy


def clean(path: str, data: bytes, curated: str) -> Cleaned:
    """The copy and what was removed; raises RedactError when the copy would change a visible cell or keep a hidden part."""
    suffix = path.lower().rsplit(".", 1)[-1]
    if suffix == "pdf":
        _pdf_refusals(data)
        return Cleaned(None)
    if "." + suffix not in SUPPORTED:
        return Cleaned(None)
    writer = {"xlsx": _xlsx, "ods": _ods, "html": _html, "htm": _html}[suffix]
    try:
        cleaned = writer(data, curated)
    except RedactError:
        raise
    except Exception as err:  # the library could not write it: refused, never published as received
        raise RedactError(f"cannot be copied without its hidden parts ({type(err).__name__}: {err}); {FIX}") from None
    if cleaned.copy is not None:
        _check(path, data, cleaned.copy)
    return cleaned


def _check(path: str, data: bytes, copy: bytes) -> None:
    """Read the copy back as the build reads the original: no hidden part is left and every visible cell is unchanged."""
    from .sources import cell_name, read_source
    before, after = read_source(path, data), read_source(path, copy)
    if after.hidden:
        raise RedactError(f"still has hidden parts once copied ({', '.join(after.hidden)}); {FIX}")
    for name, grid in before.grids.items():
        if f"sheet {name}" in before.hidden or name in before.hidden:
            continue
        kept = after.grids.get(name)
        if kept is None:
            raise RedactError(f"loses its visible sheet or table {name!r} once copied; {FIX}")
        for (r, c), text in grid.cells.items():
            if r in grid.hidden_rows or c in grid.hidden_columns:
                continue
            if kept.cells.get((r, c), "") != text:
                raise RedactError(f"{name}!{cell_name(r, c)} reads {text!r} in the force's file but "
                                  f"{kept.cells.get((r, c), '')!r} once its hidden parts are removed; {FIX}")


PDF_FIX = ("a PDF cannot be copied without such parts with the libraries the build uses: print it to a new PDF (one "
           "revision, no layers or attached files), check that it shows the same, record that file under files: with its own "
           "sha256 and a description saying how it was made, or curate what the response text gives without the file")


def _pdf_refusals(data: bytes) -> None:
    """A PDF is published as received only when it holds none of the hidden parts found in redaction failures: earlier
    revisions kept under the last one (an incremental update), optional-content layers, or files attached inside it."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    linearized = b"/Linearized" in data[:2048]
    revisions = data.count(b"%%EOF") - (1 if linearized else 0)
    if revisions > 1:
        raise RedactError(f"keeps {revisions - 1} earlier revision(s) under its last one (text removed or covered in a "
                          f"later revision can still be read); {PDF_FIX}")
    catalog = PDFDocument(PDFParser(io.BytesIO(data))).catalog
    if "OCProperties" in catalog:
        raise RedactError(f"has optional-content layers, which a viewer can hide; {PDF_FIX}")
    names = resolve1(catalog.get("Names")) or {}
    if isinstance(names, dict) and "EmbeddedFiles" in names:
        raise RedactError(f"has files attached inside it; {PDF_FIX}")


def _xlsx(data: bytes, curated: str) -> Cleaned:
    """openpyxl: hidden sheets removed; hidden rows' and columns' cells emptied and shown; formulas as their saved values."""
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    changed = False
    for ws in list(wb.worksheets):
        if ws.sheet_state != "visible":
            wb.remove(ws)
            changed = True
            continue
        rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
        columns = {letter for letter, dim in ws.column_dimensions.items() if dim.hidden}
        spans = set()
        for letter in columns:
            dim = ws.column_dimensions[letter]
            first = openpyxl.utils.column_index_from_string(letter)
            spans.update(range(dim.min or first, (dim.max or first) + 1))
        for row in ws.iter_rows():
            for cell in row:
                if cell.row in rows or cell.column in spans:
                    cell.value, cell.comment = None, None
        for r in rows:
            ws.row_dimensions[r].hidden = False
            first = next(c for c in range(1, ws.max_column + 2) if c not in spans)
            ws.cell(r, first).value = REMOVED  # said where it stood, and never a blank row that a table reader would refuse
        for letter in columns:
            ws.column_dimensions[letter].hidden = False
        changed = changed or bool(rows or spans)
    if not changed:
        return Cleaned(None)
    wb.properties.creator = wb.properties.lastModifiedBy = None
    out = io.BytesIO()
    wb.save(out)
    return Cleaned(_fixed(out.getvalue(), curated))


HIDDEN_VISIBILITY = ("collapse", "filter")


def _ods(data: bytes, curated: str) -> Cleaned:
    """odfpy: hidden sheets removed; hidden rows' and columns' cells emptied and shown; the author fields cleared."""
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableColumn, TableRow

    from .sources import ods_hidden_table_styles
    doc = load(io.BytesIO(data))
    changed = False
    hidden_styles = ods_hidden_table_styles(doc)
    for table in list(doc.spreadsheet.getElementsByType(Table)):
        if table.getAttrNS(TABLENS, "style-name") in hidden_styles:
            table.parentNode.removeChild(table)
            changed = True
            continue
        spans, col = set(), 0
        for column in table.getElementsByType(TableColumn):
            repeat = int(column.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            if column.getAttrNS(TABLENS, "visibility") in HIDDEN_VISIBILITY:
                spans.update(range(col + 1, col + min(repeat, 1024) + 1))
                column.removeAttrNS(TABLENS, "visibility")
                changed = True
            col += repeat
        for row in table.getElementsByType(TableRow):
            hidden = row.getAttrNS(TABLENS, "visibility") in HIDDEN_VISIBILITY
            c = 0
            for cell in [n for n in row.childNodes if n.qname[1] in ("table-cell", "covered-table-cell")]:
                repeat = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
                covered = set(range(c + 1, c + repeat + 1))
                if hidden or covered <= spans:
                    _ods_empty(cell)
                elif covered & spans and _ods_text(cell):
                    raise RedactError(f"repeats one cell's value across hidden and visible columns in {table.getAttrNS(TABLENS, 'name')!r}; "
                                      f"{FIX}")
                c += repeat
            if hidden:
                row.removeAttrNS(TABLENS, "visibility")
                _ods_note(row)
                changed = True
    if not changed:
        return Cleaned(None)
    _ods_meta(doc, curated)
    out = io.BytesIO()
    doc.save(out)
    return Cleaned(_fixed(out.getvalue(), curated))


def _ods_text(cell) -> str:
    from odf.namespaces import OFFICENS
    return (cell.getAttrNS(OFFICENS, "value") or "") + str(cell)


VALUE_ATTRS = ("value", "date-value", "time-value", "boolean-value", "string-value", "currency", "value-type")


def _ods_empty(cell) -> None:
    """A cell with no value, text, comment or formula left."""
    from odf.namespaces import OFFICENS, TABLENS
    for child in list(cell.childNodes):
        cell.removeChild(child)
    for name in VALUE_ATTRS:
        if cell.getAttrNS(OFFICENS, name) is not None:
            cell.removeAttrNS(OFFICENS, name)
    if cell.getAttrNS(TABLENS, "formula") is not None:
        cell.removeAttrNS(TABLENS, "formula")


def _ods_note(row) -> None:
    """The removed row's first cell says it was removed (a cell of its own, so a repeated empty cell stays empty)."""
    from odf.namespaces import TABLENS
    from odf.table import TableCell
    from odf.text import P
    note = TableCell(valuetype="string")
    note.addElement(P(text=REMOVED))
    cells = [n for n in row.childNodes if n.qname[1] in ("table-cell", "covered-table-cell")]
    if cells:
        first = cells[0]
        repeat = int(first.getAttrNS(TABLENS, "number-columns-repeated") or 1)
        if repeat > 1:
            first.setAttrNS(TABLENS, "number-columns-repeated", str(repeat - 1))
        else:
            row.removeChild(first)
    if row.childNodes:
        row.insertBefore(note, row.childNodes[0])
    else:
        row.addElement(note)


def _ods_meta(doc, curated: str) -> None:
    """Author fields cleared; the document's dates are the curation date."""
    from odf.namespaces import DCNS, METANS
    for node in list(doc.meta.childNodes):
        ns, local = node.qname
        if (ns, local) in ((DCNS, "creator"), (METANS, "initial-creator"), (METANS, "printed-by")):
            doc.meta.removeChild(node)
        elif (ns, local) in ((DCNS, "date"), (METANS, "creation-date"), (METANS, "print-date")):
            for child in list(node.childNodes):
                node.removeChild(child)
            node.addText(f"{curated}T00:00:00")


HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _html(data: bytes, curated: str) -> Cleaned:
    """lxml: comments, scripts, templates, hidden inputs and hidden elements out; a hidden table, row or cell emptied in place."""
    import lxml.html
    from lxml import etree
    doc = lxml.html.fromstring(data)
    tree = doc.getroottree()
    counts: dict[str, int] = {}
    changed = False

    def count(what: str) -> None:
        counts[what] = counts.get(what, 0) + 1

    for node in doc.xpath("//comment()|//processing-instruction()"):
        count("comment")
        _drop(node)
    for el in doc.xpath("//script|//template|//input[translate(@type,'HIDEN','hiden')='hidden']"):
        count(f"<{el.tag}> element")
        _drop(el)
    emptied: list = []
    for el in [e for e in doc.iter() if isinstance(e.tag, str) and _hidden(e)]:
        if not _attached(el, doc) or any(a in emptied for a in el.iterancestors()):
            continue  # inside a part already removed or emptied
        if el.tag in ("table", "tr", "td", "th", "thead", "tbody", "tfoot") or any(True for _ in el.iterancestors("table")) \
                or any(True for _ in el.iter("table")):
            if el.tag not in ("table", "tr", "td", "th"):  # those are declared parts (table N, table N!row R)
                count(f"hidden <{el.tag}> emptied in place")
            _empty(el)
            emptied.append(el)
            changed = True
        else:
            count(f"hidden <{el.tag}> element")
            _drop(el)
    if not counts and not changed:
        return Cleaned(None)
    removed = [f"{n} {what}{'s' if n > 1 and not what.endswith('place') else ''}" for what, n in sorted(counts.items())]
    copy = etree.tostring(tree, method="html", encoding="us-ascii", doctype=tree.docinfo.doctype)
    return Cleaned(copy, removed)


def _attached(el, root) -> bool:
    """Whether an element is still in the page (not inside one removed before it)."""
    return any(a is root for a in el.iterancestors()) or el is root


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _drop(node) -> None:
    """Remove an element or comment, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _empty(el) -> None:
    """A hidden table part emptied in place and shown: its cells keep their places (so `table N` and cells keep their
    numbers) but lose their text and attributes; a hidden row's first cell says it was removed."""
    for node in list(el.iter()):
        if not isinstance(node.tag, str):
            continue
        keep = {k: node.get(k) for k in ("rowspan", "colspan") if node.get(k) is not None}
        node.attrib.clear()
        node.attrib.update(keep)
        node.text = None
        if node is not el:
            node.tail = None
        if node.tag not in ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"):
            _drop(node)
    if el.tag == "tr":
        cells = [c for c in el if c.tag in ("td", "th")]
        if cells:
            cells[0].text = REMOVED


def _fixed(data: bytes, curated: str) -> bytes:
    """The saved zip again with fixed entry times and the curation date as its created and modified dates: same bytes each
    build. Each entry keeps its compression (an .ods file's first entry, mimetype, must stay stored)."""
    stamp = f"{curated}T00:00:00Z".encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>", body)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()
