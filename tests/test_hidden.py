"""Hidden parts of every kind of file the build accepts never reach a published file (constructed fixtures only)."""
from __future__ import annotations

import hashlib
import json

import pytest

from scripts.build.build import build, load_all
from scripts.curated.errors import BuildFailed
from scripts.curated.redact import clean
from scripts.curated.sources import read_source

from .conftest import copy_project
from .fixtures.sources.make import ID, PAGE, make_request, request_yaml, sha
from .test_sources import _published_texts

FOLDER = f"datapackages/{ID}"
# each made-up word stands only in a part a reader of the file would not see
SECRETS = ("Zephyrine Hiddenrow", "Quillon Hiddencol", "Marigold Hiddensheet", "Orsolya Comment", "Thaddeus Script",
           "Brunhilde Template", "Ignatius Input", "Peregrine Hiddendiv", "Cordelia Hiddentable", "Leopold Hiddenhtmlrow",
           "Wilhelmina Displaynone")
HIDDEN_PAGE = PAGE.replace("<main id=\"main\">", """<main id="main">
<!-- case note: Orsolya Comment, DOB 01/02/1980 -->
<script>var officer = "Thaddeus Script";</script>
<template><p>Brunhilde Template</p></template>
<form><input type="hidden" name="author" value="Ignatius Input"></form>
<div hidden>Peregrine Hiddendiv</div>
<p style="color: red; display : none">Wilhelmina Displaynone</p>""").replace("</table>\n</main>", """<tr style="display:none">\
<td>Leopold Hiddenhtmlrow</td><td>x</td><td>1</td><td>1</td></tr>
</table>
<table hidden><tr><td>Cordelia Hiddentable</td><td>7</td></tr></table>
</main>""")


def write_ods(path) -> None:
    """A sheet with a hidden row and a hidden column, and a hidden sheet, each holding a made-up name."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TableProperties, TableRowProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    hidden_sheet = Style(name="hiddensheet", family="table")
    hidden_sheet.addElement(TableProperties(display="false"))
    for style in (hidden_sheet, Style(name="ro", family="table-row"), Style(name="co", family="table-column")):
        doc.automaticstyles.addElement(style)
    doc.automaticstyles.getElementsByType(Style)[1].addElement(TableRowProperties(rowheight="0.5cm"))
    doc.automaticstyles.getElementsByType(Style)[2].addElement(TableColumnProperties(columnwidth="2cm"))

    def row(values, **attrs):
        tr = TableRow(**attrs)
        for v in values:
            cell = TableCell(valuetype="float", value=v) if isinstance(v, int) else TableCell(valuetype="string")
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        return tr
    sheet = Table(name="Offences")
    sheet.addElement(TableColumn(numbercolumnsrepeated=2))
    sheet.addElement(TableColumn(visibility="collapse"))
    sheet.addElement(TableColumn())
    sheet.addElement(row(["Offence", "2021", "Officer", "2022"]))
    sheet.addElement(row(["Possession", 5, "Quillon Hiddencol", 6]))
    sheet.addElement(row(["Zephyrine Hiddenrow", 1, "x", 1], visibility="collapse"))
    sheet.addElement(row(["Distribution", 2, "y", 3]))
    doc.spreadsheet.addElement(sheet)
    secret = Table(name="Names", stylename="hiddensheet")
    secret.addElement(row(["Marigold Hiddensheet", 9]))
    doc.spreadsheet.addElement(secret)
    doc.save(str(path))


ODS_HIDDEN = ["Offences!column C", "Offences!row 3", "sheet Names"]
HTML_HIDDEN = ["table 1!row 6", "table 2"]


def add_hidden(root) -> None:
    """The fixture request with its web page carrying hidden parts of every kind and an .ods attachment with hidden parts."""
    folder = root / FOLDER
    (folder / "response.html").write_text(HIDDEN_PAGE, encoding="utf-8")
    write_ods(folder / "attachments/extra.ods")
    text = request_yaml(folder, hidden_declared=True)
    declared = "".join(f"\n      - part: {p}\n        note: Constructed; looked at." for p in HTML_HIDDEN)
    text = text.replace("    url: https://example.invalid/foi/test-0001\n    licence: not stated\n",
                        f"    url: https://example.invalid/foi/test-0001\n    licence: not stated\n    hidden:{declared}\n"
                        f"  - path: attachments/extra.ods\n    description: Second constructed attachment\n"
                        f"    sha256: {sha(folder / 'attachments/extra.ods')}\n    url: null\n    licence: not stated\n    hidden:"
                        + "".join(f"\n      - part: {p}\n        note: Constructed; looked at." for p in ODS_HIDDEN) + "\n")
    (folder / "request.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "p")
    make_request(root / "datapackages", hidden_declared=True)
    add_hidden(root)
    return root


def test_the_fixture_hides_each_secret_where_the_readers_find_it(project):
    folder = project / FOLDER
    ods = read_source("extra.ods", (folder / "attachments/extra.ods").read_bytes())
    assert sorted(ods.hidden) == ODS_HIDDEN
    page = read_source("response.html", (folder / "response.html").read_bytes())
    assert sorted(page.hidden) == HTML_HIDDEN
    assert not any(s in page.text for s in SECRETS)  # none of them is visible text
    raw = (folder / "response.html").read_text() + str(ods.grids)
    assert all(s in raw for s in SECRETS)


def test_no_hidden_text_of_an_ods_or_web_page_reaches_any_published_file(project):
    folder = project / FOLDER
    originals = {p: (folder / p).read_bytes() for p in ("attachments/extra.ods", "response.html")}
    build(project, site=True)
    digests = {hashlib.sha256(d).hexdigest() for d in originals.values()}
    for name, data in _published_texts(project / "build"):
        for secret in SECRETS:
            assert secret.encode() not in data, (name, secret)
        assert hashlib.sha256(data).hexdigest() not in digests, name
    out = project / "build/datapackages" / ID
    descriptor = json.loads((out / "datapackage.json").read_text())
    resources = {r["path"]: r for r in descriptor["resources"]}
    for path, data in originals.items():
        r = resources[path]
        assert r["foi:original"] == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "published": False}
        assert r["hash"] == "sha256:" + sha(out / path)
    assert [r["part"] for r in resources["attachments/extra.ods"]["foi:removed"]] == ODS_HIDDEN
    assert [r["part"] for r in resources["response.html"]["foi:removed"]] == HTML_HIDDEN + [
        "1 <input> element", "1 <script> element", "1 <template> element", "1 comment", "1 hidden <div> element",
        "1 hidden <p> element"]
    # the copies read as before wherever a reader could see, so the page's cell citations hold in them
    for path, data in originals.items():
        before, after = read_source(path, data), read_source(path, (out / path).read_bytes())
        assert after.hidden == []
        for sheet, grid in before.grids.items():
            if sheet in ("Names", "table 2"):
                assert sheet not in after.grids or not any(after.grids[sheet].cells.values())
                continue
            visible = {k: v for k, v in grid.cells.items() if k[0] not in grid.hidden_rows and k[1] not in grid.hidden_columns}
            assert {k: v for k, v in after.grids[sheet].cells.items() if k in visible} == visible
    html = (project / "build/site/requests" / ID / "index.html").read_text()
    assert "Removed: 1 comment" in html and "Removed: sheet Names" in html


def test_the_copies_have_the_same_bytes_every_time(project):
    folder = project / FOLDER
    for path in ("attachments/extra.ods", "response.html"):
        data = (folder / path).read_bytes()
        first = clean(path, data, "2026-11-22").copy
        assert first is not None and first != data
        assert clean(path, data, "2026-11-22").copy == first


def test_a_page_with_nothing_hidden_is_published_as_received(tmp_path):
    assert clean("p.html", PAGE.encode(), "2026-11-22").copy is None


def test_a_copy_that_would_change_a_visible_cell_is_refused_with_how_to_fix(project):
    folder = project / FOLDER
    # a hidden span inside a cited cell: the build read '3 Wilma' there, and without the span it reads '3'
    page = HIDDEN_PAGE.replace("<td>Under 18</td><td>3</td>", "<td>Under 18</td><td>3<span hidden> Wilma</span></td>", 1)
    (folder / "response.html").write_text(page, encoding="utf-8")
    text = (folder / "request.yaml").read_text()
    lines = text.splitlines()
    at = lines.index("  - path: response.html") + 2
    lines[at] = f"    sha256: {sha(folder / 'response.html')}"
    (folder / "request.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as err:
        load_all(project)
    found = [(p.field, p.code, str(p)) for p in err.value.problems if p.code == "hidden-unsafe"]
    assert len(found) == 1 and found[0][0] == "files[1].path"
    assert "table 1!C2 reads '3 Wilma' in the force's file but '3' once its hidden parts are removed" in found[0][2]
    assert "save it again without its hidden parts" in found[0][2]


def test_a_page_whose_only_hidden_part_is_a_table_row_gets_a_copy_without_it():
    page = PAGE.replace("</table>", "<tr hidden><td>Leopold Hiddenhtmlrow</td></tr></table>")
    cleaned = clean("p.html", page.encode(), "2026-11-22")
    assert cleaned.copy is not None and b"Leopold" not in cleaned.copy and cleaned.removed == []


def test_a_pdf_keeping_an_earlier_revision_is_refused_with_how_to_fix():
    from scripts.curated.redact import RedactError

    from .test_sources import constructed_pdf
    pdf = constructed_pdf()
    assert clean("a.pdf", pdf, "2026-11-22").copy is None  # one revision, no layers: published as received
    # an incremental update appended to it: the first revision's text stays in the file under the new one
    updated = pdf + b"\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    with pytest.raises(RedactError, match=r"keeps 1 earlier revision\(s\) under its last one .*print it to a new PDF"):
        clean("a.pdf", updated, "2026-11-22")
