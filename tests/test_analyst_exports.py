"""The SQLite and Excel copies of the combined package hold exactly the rows and numbers of its CSVs, as an analyst reads them."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

import openpyxl

from scripts.packages.export import read_resource


def _resources(built):
    descriptor = json.loads((built / "all" / "datapackage.json").read_text())
    return descriptor["resources"]


def _expected(built, resource, boolean=bool, dates=False):
    """The CSV's rows as a form holds them: booleans as the form's, dates (ISO text in CSV and SQLite) as Excel dates."""
    fields, rows = read_resource(built / "all", resource)
    is_date = [dates and f["type"] == "date" for f in fields]
    return [tuple(dt.datetime.fromisoformat(v) if d and v is not None else boolean(v) if isinstance(v, bool) else v
                  for v, d in zip(row, is_date)) for row in rows]


def test_sqlite_holds_exactly_the_csv_rows(built):
    db = sqlite3.connect(built / "all.sqlite")
    resources = _resources(built)
    for resource in resources:
        columns = [f["name"] for f in resource["schema"]["fields"]]
        got = db.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{resource["name"]}" ORDER BY rowid').fetchall()
        assert got == _expected(built, resource, boolean=int), resource["name"]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {r["name"] for r in resources} | {"readme"}
    readme = dict(db.execute("SELECT section, text FROM readme"))
    assert "sum_group" in readme["Adding up"] and "force's own words" in readme["Caveats"]


def test_sqlite_sums_without_totals_give_the_forces_totals(built):
    """SQL users can exclude stated totals with one WHERE clause: Bedfordshire's CMS table adds up to its stated 53."""
    db = sqlite3.connect(built / "all.sqlite")
    stated = db.execute("SELECT value FROM observations WHERE request_id = 'bedfordshire-foi2019-05348' AND \"table\" = "
                        "'cms-offenders-under-14' AND is_total = 1 ORDER BY value DESC LIMIT 1").fetchone()[0]
    parts = db.execute("SELECT SUM(value) FROM observations WHERE request_id = 'bedfordshire-foi2019-05348' "
                       "AND \"table\" = 'cms-offenders-under-14' AND is_total = 0").fetchone()[0]
    assert stated == parts == 53


def test_xlsx_holds_exactly_the_csv_rows(built):
    book = openpyxl.load_workbook(built / "all.xlsx", read_only=True)
    resources = _resources(built)
    assert book.sheetnames == ["README"] + [r["name"][:31] for r in resources]
    for resource in resources:
        rows = list(book[resource["name"][:31]].iter_rows(values_only=True))
        assert list(rows[0]) == [f["name"] for f in resource["schema"]["fields"]]
        assert [tuple(row) for row in rows[1:]] == _expected(built, resource, dates=True), resource["name"]
    readme = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True)}
    assert "sum_group" in readme["Adding up"] and readme["Version"]


def test_xlsx_text_is_never_a_formula(built):
    """A caveat or label that starts with = stays text in the workbook (no formula injection)."""
    book = openpyxl.load_workbook(built / "all.xlsx")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


def test_catalog_lists_sqlite_and_xlsx_with_hashes(built):
    import hashlib

    catalog = json.loads((built / "catalog.json").read_text())
    combined = next(p for p in catalog["packages"] if p["name"] == "all")
    for ext in ("sqlite", "xlsx"):
        entry = combined["formats"][ext]
        data = (built / entry["path"]).read_bytes()
        assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)


def test_formula_like_text_stays_text(tmp_path):
    """Curated text such as '=HYPERLINK(...)' or '+44 ...' is written as a string, so a spreadsheet never evaluates it."""
    from scripts.packages.export import write_exports

    folder = tmp_path / "all"
    folder.mkdir()
    (folder / "t.csv").write_text('label,value,is_total\n"=HYPERLINK(""http://x"")",1,false\n+44 1,,true\n', encoding="utf-8")
    fields = [{"name": "label", "type": "string"}, {"name": "value", "type": "integer"},
              {"name": "is_total", "type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}]
    (folder / "datapackage.json").write_text(json.dumps({"name": "all", "title": "t", "resources": [
        {"name": "t", "path": "t.csv", "schema": {"fields": fields}}]}))
    sqlite_path, xlsx_path = write_exports(folder, tmp_path)
    rows = list(openpyxl.load_workbook(xlsx_path)["t"].iter_rows(min_row=2, values_only=True))
    assert rows == [('=HYPERLINK("http://x")', 1, False), ("+44 1", None, True)]
    assert openpyxl.load_workbook(xlsx_path)["t"]["A2"].data_type == "s"
    assert sqlite3.connect(sqlite_path).execute("SELECT * FROM t").fetchall() == [('=HYPERLINK("http://x")', 1, 0), ("+44 1", None, 1)]


def test_a_table_longer_than_an_excel_sheet_goes_on_over_further_sheets(tmp_path, monkeypatch):
    """xlsxwriter drops rows past a sheet's end without a word; a longer table fills further sheets instead, every row
    once, in CSV order, each sheet with the header, and the README sheet says so (the limit lowered here; workers forked after)."""
    from scripts.packages import export
    from scripts.build.build import build

    from .conftest import copy_project
    monkeypatch.setattr(export, "SHEET_ROWS", 20)
    root = copy_project(tmp_path / "p")
    build(root, site=False, jobs=2, cache=False)
    built = root / "build" / "datapackages"
    book = openpyxl.load_workbook(built / "all.xlsx", read_only=True)
    readme = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True)}
    expected_sheets, split = ["README"], 0
    for resource in _resources(built):
        expected = _expected(built, resource, dates=True)
        names = export.sheet_names(resource["name"], len(expected))
        assert len(names) == max(1, -(-len(expected) // 19))
        rows = []
        for name in names:
            sheet = list(book[name].iter_rows(values_only=True))
            assert list(sheet[0]) == [f["name"] for f in resource["schema"]["fields"]] and len(sheet) <= 20
            rows += [tuple(row) for row in sheet[1:]]
        assert rows == expected, resource["name"]
        if len(names) > 1:
            split += 1
            assert f"so it fills {len(names)} sheets in order: {', '.join(names)}" in readme[f"Table {resource['name']}"]
        expected_sheets += names
    assert split >= 3 and book.sheetnames == expected_sheets


def test_sheet_names_stay_within_excel_s_31_characters():
    from scripts.packages import export
    names = export.sheet_names("a-table-name-of-exactly-31-char", 3 * (export.SHEET_ROWS - 1) + 1)
    assert names == ["a-table-name-of-exactly-31-char", "a-table-name-of-exactly-31- (2)", "a-table-name-of-exactly-31- (3)",
                     "a-table-name-of-exactly-31- (4)"]
    assert all(len(n) <= 31 for n in names) and export.sheet_names("t", 0) == ["t"]


def _full_disk(folder, target):
    target.write_bytes(b"half a database")
    raise OSError(28, "No space left on device")


def test_an_export_that_fails_stops_the_build_with_a_clear_error(tmp_path, monkeypatch):
    """A full disk or a worker killed while the copies are written beside MkDocs: export-failed, never a traceback, last build kept."""
    import pytest

    from scripts.build import assemble
    from scripts.build.build import build
    from scripts.curated.errors import BuildFailed

    from .conftest import copy_project, published

    root = copy_project(tmp_path / "p")
    build(root, site=False)
    before = published(root / "build")
    assert not (root / "build" / "datapackages" / ".exports").exists()
    monkeypatch.setattr(assemble, "write_sqlite", _full_disk)  # the workers are forked after this, so they see it too
    for jobs in (1, 2):
        with pytest.raises(BuildFailed) as failed:
            build(root, site=False, jobs=jobs, cache=False)
        [problem] = failed.value.problems
        assert problem.code == "export-failed" and "OSError: [Errno 28] No space left on device" in str(problem)
        assert published(root / "build") == before
