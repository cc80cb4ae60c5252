"""Attachments and web pages as sources: kept byte for byte, every value proven in its cell (constructed fixtures only)."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.build.build import build, load_all
from scripts.curated.errors import BuildFailed

from .conftest import copy_project
from .fixtures.sources.make import ID, make_request, request_yaml, sha, write_xlsx

FOLDER = f"datapackages/{ID}"


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "p")
    make_request(root / "datapackages", hidden_declared=True)
    return root


def problems(root) -> list[tuple]:
    try:
        load_all(root)
    except BuildFailed as err:
        return [(p.path, p.line, p.field, p.code) for p in err.problems]
    return []


def messages(root) -> list[str]:
    try:
        load_all(root)
    except BuildFailed as err:
        return [str(p) for p in err.problems]
    return []


def read(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_constructed_request_builds_into_a_valid_package(project):
    build(project, site=False)
    out = project / "build/datapackages" / ID
    descriptor = json.loads((out / "datapackage.json").read_text())
    files = {r["path"]: r for r in descriptor["resources"] if r["path"] in ("attachments/figures.xlsx", "response.html")}
    assert set(files) == {"attachments/figures.xlsx", "response.html"}
    # the xlsx has a declared hidden row: our copy without it is published (test_no_hidden_cell_reaches_any_published_file)
    assert files["attachments/figures.xlsx"]["hash"] == "sha256:" + sha(out / "attachments/figures.xlsx")
    assert files["attachments/figures.xlsx"]["foi:original"]["sha256"] == sha(project / FOLDER / "attachments/figures.xlsx")
    assert (out / "response.html").read_bytes() == (project / FOLDER / "response.html").read_bytes()
    assert "type" not in files["response.html"]
    assert [(a["status"], a.get("file")) for a in descriptor["foi:request"]["attachments"]] == [("held", "attachments/figures.xlsx")]
    sheets = {r["path"]: next(f["description"] for f in r["schema"]["fields"] if f["name"] in ("sheet", "page"))
              for r in descriptor["resources"] if r["path"].startswith("tables/")}
    assert sheets[f"tables/{ID}--offences.csv"].startswith("The sheet of attachments/figures.xlsx holding the value")
    assert sheets[f"tables/{ID}--outcomes.csv"].startswith("The sheet of response.html holding the value")
    assert files["attachments/figures.xlsx"]["foi:formulaCells"] == [
        "Offences!B7", "Offences!C7", "Offences!D7", "Offences!E7", "Offences!F4", "Offences!F5", "Offences!F7"]
    rows = read(out / f"tables/{ID}--offences.csv")  # built file names carry the request id
    assert rows[0] == {"year": "2021", "offence": "Possession", "gender": "Male", "offence_code": "", "code_role": "", "outcome_type": "",
                       "value": "5", "status": "reported", "is_total": "false", "additive": "true", "sum_group": f"{ID}/offences",
                       "additivity": "parts", "period_start": "2021-01-01", "period_end": "2021-12-31", "period_basis": "row",
                       "part_year": "false", "sheet": "Offences", "cell": "B4"}
    assert [r["cell"] for r in read(out / f"tables/{ID}--outcomes.csv") if r["status"] == "suppressed"] == ["D3"]
    readme = (out / "README.md").read_text()  # names each table's file and the columns that say where its values stand
    assert f"`tables/{ID}--offences.csv`: Offences by year, offence and sex. Constructed. From `attachments/figures.xlsx`." in readme
    assert "`sheet` and `cell` are where the value stands" in readme and "`line` is the line of `response.txt`" not in readme
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", str(out / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_a_changed_cell_fails_with_file_sheet_cell_and_field(project):
    folder = project / FOLDER
    write_xlsx(folder / "attachments/figures.xlsx", possession_2021_male=6)
    (folder / "request.yaml").write_text(request_yaml(folder, hidden_declared=True), encoding="utf-8")  # the new hash, recorded
    found = messages(project)
    assert found[0] == (f"{FOLDER}/tables/offences.csv:2: value: 5 (reported) does not stand on Offences!B4 of "
                        "attachments/figures.xlsx: the cell holds '6', not 5 [citation]")
    assert [p[1:] for p in problems(project)] == [(line, "value", "citation") for line in (2, 6, 12, 16)]


def test_a_changed_file_without_a_new_hash_is_refused(project):
    write_xlsx(project / FOLDER / "attachments/figures.xlsx", possession_2021_male=6)
    assert problems(project) == [(f"{FOLDER}/request.yaml", 32, "files[0].sha256", "hash-mismatch")]


def test_citing_the_wrong_cell_fails(project):
    path = project / FOLDER / "tables/platforms.csv"
    path.write_text(path.read_text().replace("Instagram,3,reported,Platforms,B3", "Instagram,3,reported,Platforms,B2"))
    assert messages(project) == [
        f"{FOLDER}/tables/platforms.csv:3: value: 3 (reported) does not stand on Platforms!B2 of attachments/figures.xlsx: "
        "the cell holds '4', not 3 [citation]"]


def test_a_right_number_under_the_wrong_label_fails(project):
    path = project / FOLDER / "tables/outcomes.csv"
    path.write_text(path.read_text().replace("Caution,18 and over,2021,2,reported,table 1,C5",
                                             "Caution,Under 18,2023,2,reported,table 1,C5"))
    found = problems(project)
    assert (f"{FOLDER}/tables/outcomes.csv", 8, "value", "citation") in found


def test_undeclared_hidden_row_is_reported_and_not_published(tmp_path):
    root = copy_project(tmp_path / "p")
    make_request(root / "datapackages", hidden_declared=False)
    found = messages(root)
    assert found == [f"{FOLDER}/request.yaml:30: files[0]: attachments/figures.xlsx has a hidden part, 'Offences!row 6': check it holds "
                     "nothing that must not be published (forces have published personal data in hidden sheets), then declare it "
                     "under hidden: with a note [hidden-content]"]
    with pytest.raises(BuildFailed):
        build(root, site=False)
    assert not (root / "build/datapackages").exists()


def test_declared_hidden_part_is_recorded(project):
    build(project, site=False)
    descriptor = json.loads((project / "build/datapackages" / ID / "datapackage.json").read_text())
    xlsx = next(r for r in descriptor["resources"] if r["path"] == "attachments/figures.xlsx")
    assert xlsx["foi:hiddenParts"] == [{"part": "Offences!row 6", "note": "Constructed case; a curator would never publish a name."}]


def _published_texts(top: Path):
    """Every published file's bytes, with the members of zips (packages, xlsx copies) opened, recursively."""
    import io
    import zipfile
    for path in sorted(p for p in top.rglob("*") if p.is_file()):
        data = path.read_bytes()
        yield str(path), data
        stack = [(str(path), data)]
        while stack:
            name, blob = stack.pop()
            if blob[:2] == b"PK":
                with zipfile.ZipFile(io.BytesIO(blob)) as zf:
                    for member in zf.namelist():
                        inner = zf.read(member)
                        yield f"{name}!{member}", inner
                        stack.append((f"{name}!{member}", inner))


def test_no_hidden_cell_reaches_any_published_file(project):
    """The declared hidden row (a made-up name) is removed from our copy; the original's bytes stay out of build/; the
    copy's cells keep their addresses, so the build's own cell citations (checked against the original) still hold in it."""
    import hashlib

    from scripts.curated.sources import read_source
    original = (project / FOLDER / "attachments/figures.xlsx").read_bytes()
    assert b"DC Made-Up Name" not in original  # compressed: the name is inside the xlsx, not in its raw bytes
    assert "DC Made-Up Name" in str(read_source("figures.xlsx", original).grids["Offences"].cells.values())
    build(project, site=True)
    digest = hashlib.sha256(original).hexdigest()
    for name, data in _published_texts(project / "build"):
        assert b"Made-Up Name" not in data, name
        assert hashlib.sha256(data).hexdigest() != digest, name
    descriptor = json.loads((project / "build/datapackages" / ID / "datapackage.json").read_text())
    xlsx = next(r for r in descriptor["resources"] if r["path"] == "attachments/figures.xlsx")
    assert xlsx["foi:original"] == {"sha256": digest, "bytes": len(original), "published": False}
    assert [r["part"] for r in xlsx["foi:removed"]] == ["Offences!row 6"]
    copy = read_source("figures.xlsx", (project / "build/datapackages" / ID / "attachments/figures.xlsx").read_bytes())
    before = read_source("figures.xlsx", original)
    for sheet, grid in before.grids.items():  # every visible cell where it was, with its value (formulas: their saved value)
        kept = {k: v for k, v in copy.grids[sheet].cells.items() if k[0] not in grid.hidden_rows}
        assert {k: v for k, v in grid.cells.items() if k[0] not in grid.hidden_rows} == kept
        assert all(v.startswith("[hidden row removed") for k, v in copy.grids[sheet].cells.items() if k[0] in grid.hidden_rows)
    assert copy.hidden == []
    html = (project / "build/site/requests" / ID / "index.html").read_text()
    assert "Removed: Offences!row 6" in html and digest in html


def test_the_copy_without_hidden_parts_has_the_same_bytes_every_time(tmp_path):
    import time

    from scripts.curated.redact import without_hidden
    write_xlsx(tmp_path / "f.xlsx")
    data = (tmp_path / "f.xlsx").read_bytes()
    first = without_hidden("f.xlsx", data, "2026-12-06")
    time.sleep(2.1)  # a zip entry's time has a 2-second step
    assert without_hidden("f.xlsx", data, "2026-12-06") == first and first != data
    write_xlsx(tmp_path / "g.xlsx", hide_row=False)
    assert without_hidden("g.xlsx", (tmp_path / "g.xlsx").read_bytes(), "2026-12-06") is None  # nothing hidden: published as received


def test_answered_in_attachment_is_refused_when_the_attachment_is_held(project):
    path = project / FOLDER / "request.yaml"
    path.write_text(path.read_text().replace("status: answered\n", "status: answered-in-attachment\n", 1))
    assert [p[2:] for p in problems(project)] == [("questions[0].status", "status-held")]


def test_symlinked_attachment_is_refused(project):
    target = project / FOLDER / "attachments/figures.xlsx"
    shutil.move(target, project / "outside.xlsx")
    target.symlink_to(project / "outside.xlsx")
    assert [p[2:] for p in problems(project)][0] == ("files[0].path", "symlink")


def test_the_html_table_respects_row_spans():
    from scripts.curated.sources import read_source
    from tests.fixtures.sources.make import PAGE
    grid = read_source("response.html", PAGE.encode()).grids["table 1"]
    assert [grid.text(3, c) for c in range(1, 5)] == ["Charge/summons", "18 and over", "5", "*"]
    assert [grid.text(5, c) for c in range(1, 5)] == ["Caution", "18 and over", "2", "2"]


def constructed_pdf() -> bytes:
    """A CONSTRUCTED one-page PDF (matplotlib's PDF writer; no metadata dates), not police data."""
    import io

    import matplotlib
    matplotlib.use("pdf")
    import matplotlib.pyplot as plt
    fig = plt.figure(figsize=(8.27, 11.69))
    for i, text in enumerate(["CONSTRUCTED TEST FIXTURE: not a police response", "", "Offences recorded", "Possession - 12",
                              "Distribution - 4", "Total - 16"]):
        fig.text(0.1, 0.9 - i * 0.03, text, family="DejaVu Sans", fontsize=11)
    buf = io.BytesIO()
    fig.savefig(buf, format="pdf", metadata={"CreationDate": None, "Producer": None})
    plt.close(fig)
    return buf.getvalue()


def add_pdf(project, rows: str) -> None:
    folder = project / FOLDER
    (folder / "attachments/summary.pdf").write_bytes(constructed_pdf())
    (folder / "tables/summary.csv").write_text("offence,value,status,page,line\n" + rows, encoding="utf-8")
    text = (folder / "request.yaml").read_text(encoding="utf-8")
    text = text.replace("  - path: response.html\n", f"""  - path: attachments/summary.pdf
    description: A constructed PDF
    sha256: {sha(folder / "attachments/summary.pdf")}
    url: null
    licence: not stated
  - path: response.html
""")
    text += """  - name: summary
    path: tables/summary.csv
    source: attachments/summary.pdf
    title: Offences in the PDF
    description: Constructed.
    measure: Recorded offences
    layout: {rows: [offence], columns: []}
    dimensions:
      - {name: offence, title: Offence, description: As written.}
"""
    (folder / "request.yaml").write_text(text, encoding="utf-8")


def test_a_pdf_is_cited_by_page_and_line(project):
    add_pdf(project, "Possession,12,reported,1,13\nDistribution,4,reported,1,15\nTotal,16,reported,1,17\n")
    build(project, site=False)
    out = project / "build/datapackages" / ID
    (rows,) = [read(p) for p in (out / "tables").glob("*summary.csv")]
    schema = json.loads((out / "datapackage.json").read_text())["resources"]
    assert [f["description"] for r in schema if r["path"].endswith("summary.csv") for f in r["schema"]["fields"] if f["name"] == "page"] == [
        "The page of attachments/summary.pdf holding the value."]
    assert [(r["offence"], r["value"], r["page"], r["line"]) for r in rows] == [
        ("Possession", "12", "1", "13"), ("Distribution", "4", "1", "15"), ("Total", "16", "1", "17")]


def test_a_pdf_value_on_the_wrong_line_fails(project):
    add_pdf(project, "Possession,12,reported,1,15\nDistribution,4,reported,1,13\nTotal,16,reported,1,17\n")
    assert [p[1:] for p in problems(project)] == [(2, "value", "citation"), (3, "value", "citation")]


def test_the_page_links_each_value_to_its_cell_in_a_preview(project):
    """On the request page every number from the XLSX, the web page and the PDF opens its cell or line, which shows it."""
    from playwright.sync_api import sync_playwright

    from .browser import ARGS, CHROMIUM, serve
    add_pdf(project, "Possession,12,reported,1,13\nDistribution,4,reported,1,15\nTotal,16,reported,1,17\n")
    build(project, site=True)
    html = (project / "build/site/requests" / ID / "index.html").read_text()
    assert "DC Made-Up Name" not in html  # the hidden row is never shown on the page
    assert 'held, as attachments/figures.xlsx, shown under <a href="#sources">Source files</a>' in html and 'id="sources"' in html
    assert "Charge/summons | Under 18 | 3 | 4" in html  # the saved web page's text, as a reader sees it
    legends = re.findall(r'<p class="legend">.*?Each number links to ([^<]*)', html, re.S)
    assert legends == ["its cell in attachments/figures.xlsx, shown under Source files below."] * 2 + [
        "its cell in response.html, shown under Source files below.",
        "its line on the page of attachments/summary.pdf, shown under Source files below."]
    assert re.findall(r"we publish, value for value, with their ([^<;]*);", html) == ["status, total marker, sheet and cell"] * 3 + [
        "status, total marker, page and line"]
    if not Path(CHROMIUM).exists():  # like every browser test: skipped, not failed, where make test has not installed it
        pytest.skip("Debian chromium is not installed (make test installs it)")
    with serve(project / "build/site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}requests/{ID}/")
        links = page.locator(".crosstab a[href^='#src-'], .list a[href^='#src-']")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        texts = [links.nth(i).inner_text() for i in range(links.count())]
        assert len(hrefs) == 15 + 3 + 8 + 3  # every value links, the suppressed one too
        for href, text in zip(hrefs, texts):
            target = page.locator(f"[id='{href[1:]}']")
            assert target.count() == 1, href
            if text.strip().isdigit():
                assert text.strip() in target.text_content().split(), (href, text, target.text_content())
            else:  # a nil or suppressed mark is shown as the force wrote it in that cell, not as our status word
                assert text.strip() and text.strip() in target.text_content(), (href, text, target.text_content())
        page.locator(f"a[href='{hrefs[0]}']").first.click()
        assert page.locator(f"[id='{hrefs[0][1:]}']").is_visible()
        # On a phone, the number furthest right in a sheet opens its cell beside the row numbers, which stay in view.
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(f"{base}requests/{ID}/")
        column = "id => { const td = document.getElementById(id); return td.tagName == 'TD' ? td.cellIndex : -1 }"
        far = max(hrefs, key=lambda h: page.evaluate(column, h[1:]))
        where = f"document.getElementById('{far[1:]}').getBoundingClientRect().top / window.innerHeight"
        centred = f"() => {{ const y = {where}; return y > .25 && y < .75; }}"  # the scroll may take a moment on a busy machine
        page.locator(f"a[href='{far}']").first.click()
        page.wait_for_function(centred, timeout=5000)
        page.wait_for_timeout(400)  # and it stays there: nothing scrolls it away a frame later
        assert page.evaluate(f"document.getElementById('{far[1:]}').classList.contains('foi-target') || "
                             f"location.hash === '{far}'")
        box = page.evaluate("""id => { const td = document.getElementById(id), th = td.parentElement.querySelector('th');
            const frame = td.closest('.table-frame').getBoundingClientRect(), c = td.getBoundingClientRect(), h = th.getBoundingClientRect();
            return {scrolled: td.closest('.table-frame').scrollLeft, frame: [frame.left, frame.right], cell: [c.left, c.right],
                    row: [h.left, h.right], top: c.top, height: window.innerHeight}; }""", far[1:])
        assert box["scrolled"] > 0, box  # the sheet is wider than the phone: it had to scroll to show the cell
        assert box["frame"][0] - 1 <= box["row"][0] and box["row"][1] - 1 <= box["cell"][0] and box["cell"][1] <= box["frame"][1] + 1, box
        assert box["height"] * .25 < box["top"] < box["height"] * .75, box  # centred, with the rows above it in view
        # A link shared with a reader, and a second click on the same number, centre the cell too.
        page.close()
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(f"{base}requests/{ID}/{far}")
        page.wait_for_function(centred, timeout=5000)
        page.wait_for_timeout(400)
        assert page.evaluate(centred)
        page.evaluate(f"document.getElementById('{far[1:]}').closest('details').open = false; window.scrollTo(0, 0)")
        page.locator(f"a[href='{far}']").first.click()
        page.wait_for_function(centred, timeout=5000)
        page.wait_for_timeout(400)
        assert page.evaluate(centred) and page.evaluate("location.hash") == far
        # One cell is marked at a time: after a second number (its address set by pushState, which leaves :target on the
        # shared link's cell), and after Back, only the cell the address names.
        marked = """() => [...document.querySelectorAll('.sheet-preview td, pre.pdf-page span, pre.verbatim span')]
            .filter(el => getComputedStyle(el).outlineStyle !== 'none').map(el => el.id)"""
        other = next(h for h in hrefs if h != far)
        page.locator(f"a[href='{other}']").first.click()
        page.wait_for_function(f"location.hash === '{other}'")
        assert page.evaluate(marked) == [other[1:]]
        page.go_back()
        page.wait_for_function(f"location.hash === '{far}'")
        page.wait_for_function(f"({marked})().length === 1 && ({marked})()[0] === '{far[1:]}'", timeout=5000)
        line = page.locator("a[href^='#L']").first.get_attribute("href")  # a line of the response, then a cell again
        page.locator(f"a[href='{line}']").first.click()
        page.wait_for_function(f"({marked})().length === 1 && ({marked})()[0] === '{line[1:]}'", timeout=5000)
        page.locator(f"a[href='{other}']").first.click()
        page.wait_for_function(f"location.hash === '{other}'")
        assert page.evaluate(marked) == [other[1:]]
        browser.close()


def test_two_files_that_would_share_a_resource_name_are_refused(project):
    """attachments/Figures.xlsx and attachments/figures.xlsx would both be resource file-attachments-figures-xlsx."""
    folder = project / FOLDER
    shutil.copy(folder / "attachments/figures.xlsx", folder / "attachments/Figures.xlsx")
    path = folder / "request.yaml"
    text = path.read_text()
    entry = text.split("files:\n", 1)[1].split("  - path: response.html", 1)[0]
    path.write_text(text.replace("files:\n" + entry, "files:\n" + entry + entry.replace("attachments/figures.xlsx", "attachments/Figures.xlsx"), 1))
    assert [p[2:] for p in problems(project)] == [("files[1].path", "duplicate-id")]
    assert "'attachments/Figures.xlsx' and 'attachments/figures.xlsx' would both be the package resource 'file-attachments-figures-xlsx'" \
        in messages(project)[0]


def test_the_same_file_listed_twice_is_refused(project):
    path = project / FOLDER / "request.yaml"
    text = path.read_text()
    entry = text.split("files:\n", 1)[1].split("  - path: response.html", 1)[0]
    path.write_text(text.replace("files:\n", "files:\n" + entry, 1))
    assert ("files[1].path", "duplicate-id") in [p[2:] for p in problems(project)]


def test_a_table_from_an_attached_text_file_shows_its_marks_and_names_the_file(project):
    """A held .txt attachment has no preview: its table's suppressed mark is read from its line, its line column is titled
    for it, and the page does not send the reader to a preview that is not there."""
    folder = project / FOLDER
    (folder / "attachments/note.txt").write_text("CONSTRUCTED note\nNot police data\nPossession\t*\n", encoding="utf-8")
    (folder / "tables/from-note.csv").write_text("offence,value,status,line\nPossession,,suppressed,3\n", encoding="utf-8")
    text = (folder / "request.yaml").read_text(encoding="utf-8")
    text = text.replace("attachments:\n", "attachments:\n  - description: A constructed note\n"
                        "    quote: The outcomes are published on our disclosure log page.\n    file: attachments/note.txt\n", 1)
    text = text.replace("files:\n", f"files:\n  - path: attachments/note.txt\n    description: a constructed note\n"
                        f"    sha256: {sha(folder / 'attachments/note.txt')}\n    url: null\n    licence: not stated\n", 1)
    text += ("  - name: from-note\n    path: tables/from-note.csv\n    source: attachments/note.txt\n    title: From the note\n"
             "    description: Constructed.\n    measure: Recorded offences\n    layout: {rows: [offence], columns: []}\n"
             "    dimensions:\n      - {name: offence, title: Offence, description: As written.}\n")
    (folder / "request.yaml").write_text(text, encoding="utf-8")
    build(project, site=True)
    html = (project / "build/site/requests" / ID / "index.html").read_text()
    section = re.search(r'<section class="foi-table" id="table-from-note".*?</section>', html, re.S).group()
    assert re.findall(r'<td class="num suppressed"><a [^>]*>([^<]*)</a>', section) == ["*"]
    assert "held, as attachments/note.txt (in the data package)" in html
    descriptor = json.loads((project / "build/datapackages" / ID / "datapackage.json").read_text())
    (line,) = [f for r in descriptor["resources"] if r["name"].endswith("from-note") for f in r["schema"]["fields"] if f["name"] == "line"]
    assert (line["title"], line["description"]) == ("Line in attachments/note.txt", "The line of attachments/note.txt on which the value stands.")


def test_a_cell_the_preview_leaves_out_links_to_the_file_and_the_legend_says_so(project, monkeypatch):
    """Real spreadsheets run past the preview's first rows: a number there links to the file, never to an anchor that is
    not on the page; a cell inside a merged range is shown by the range's top-left cell."""
    from scripts.site import render
    monkeypatch.setattr(render, "PREVIEW_ROWS", 4)  # Offences shows rows 1-4; its totals (row 7) are left out
    build(project, site=True)
    html = (project / "build/site/requests" / ID / "index.html").read_text()
    section = re.search(r'<section class="foi-table" id="table-offences".*?</section>', html, re.S).group()
    hrefs = re.findall(r'<td class="num[^"]*"><a href="([^"]+)"', section)
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert f"../../data/{ID}/attachments/figures.xlsx" in hrefs and any(h.startswith("#") for h in hrefs)
    assert all(h[1:] in ids for h in hrefs if h.startswith("#"))  # every in-page link has its target
    assert "a number whose cell the preview leaves out links to the file" in section
    files = render.SourceFiles(project / "build/datapackages" / ID)
    assert (files.top_left("attachments/figures.xlsx", "Offences", "C2"), files.top_left("attachments/figures.xlsx", "Offences", "B4")) == (
        "B2", "B4")
