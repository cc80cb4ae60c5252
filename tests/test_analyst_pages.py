"""Charts, comparison pages, family pages and the force-label page, rendered from the built packages."""
from __future__ import annotations

import csv
import json
import re
import shutil

import pytest

from scripts.site import analyst, charts, compare
from scripts.build.build import build

from .conftest import copy_project

BED = "bedfordshire-foi2019-05348"
SY21 = "south-yorkshire-20210999"


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    analyst.render_analyst_pages(built, out)
    return out


def test_charts_are_deterministic_static_svg(built, tmp_path):
    first = charts.request_charts(built, BED)
    assert {c.filename for c in first} == {"cms-offenders-under-14--year.svg", "cms-offenders-under-14--offender_age-1.svg",
                                          "athena-offenders-under-14--year.svg", "athena-offenders-under-14--offender_age-1.svg"}
    for chart in first:
        svg = charts.svg_bytes(chart)
        assert svg == charts.svg_bytes(chart)
        text = svg.decode()
        assert text.startswith("<?xml") and "<svg" in text
        assert "<script" not in text and "<dc:date>" not in text
        assert not re.search(r'(href|src)="(https?:)?//', text), "an SVG must not load anything"


def test_chart_bars_are_the_forces_values_and_the_alt_text_carries_them(built):
    year = next(c for c in charts.request_charts(built, BED) if c.filename == "cms-offenders-under-14--year.svg")
    assert [(b.label, b.value, b.line) for b in year.bars] == [("2017", 33, "line 49"), ("2018", 20, "line 49")]
    assert year.alt == "Bar chart. Recorded offences by year: 2017: 33; 2018: 20."
    assert "2018 covers 1 January to 22 May only" in year.note
    assert year.left_out == ("Not drawn: the force's total, 53 (line 49), which adds up the bars, so it would dwarf them and "
                             "count them twice.")  # the chart leaves the total out, and says so
    keywords = charts.request_charts(built, SY21)
    assert len(keywords) == 1 and "TWITTER: 0 (nil)" in keywords[0].alt
    assert charts.request_charts(built, "hertfordshire-foi2018-00739") == []  # different measures are never charted together


def test_blank_and_suppressed_values_get_no_bar():
    resource = {"name": "t", "foi:measure": "Offences", "foi:layout": {"rows": ["age"], "columns": []},
                "schema": {"fields": [{"name": "age"}, {"name": "value"}, {"name": "status"}, {"name": "is_total"}, {"name": "line"}]}}
    rows = [{"age": "10", "value": "", "status": "suppressed", "is_total": "false", "line": "3"},
            {"age": "11", "value": "4", "status": "reported", "is_total": "false", "line": "4"}]
    chart = charts.table_charts("r", resource, rows)[0]
    assert chart.alt == "Bar chart. Offences by age: 10: no value (suppressed); 11: 4."
    svg = charts.svg_bytes(chart)
    assert chart.bars[0].value is None and svg.startswith(b"<?xml")
    assert b">10: suppressed</text>" in svg and b">11: 4</text>" in svg
    assert svg.count(b"<rect") == 2  # the background and the one bar with a value


def test_a_chart_with_every_value_withheld_is_still_drawn_with_no_bar():
    resource = {"name": "t", "foi:measure": "Offences", "foi:layout": {"rows": ["age"], "columns": []},
                "schema": {"fields": [{"name": "age"}, {"name": "value"}, {"name": "status"}, {"name": "is_total"}, {"name": "line"}]}}
    rows = [{"age": a, "value": "", "status": s, "is_total": "false", "line": "3"} for a, s in (("10", "suppressed"), ("11", "blank"))]
    svg = charts.svg_bytes(charts.table_charts("r", resource, rows)[0])
    assert b">10: suppressed</text>" in svg and b">11: blank in the source</text>" in svg
    assert all(b'width="0' in rect for rect in svg.split(b"<rect")[2:])  # bars, if any, are 0 wide


def test_a_stated_total_over_a_withheld_part_is_not_drawn_as_a_bar():
    """Northamptonshire's Sum: row adds only what it shows: "11 and under: 0" beside a withheld Male cell. Drawn alone
    it would say no victim was that age; each gender is drawn instead, the withheld cell saying so."""
    resource = {"name": "t", "foi:measure": "Victims", "foi:layout": {"rows": ["gender"], "columns": ["age_band"]},
                "schema": {"fields": [{"name": n} for n in ("gender", "age_band", "value", "status", "is_total", "line")]}}
    cells = [("Female", "11 and under", "", "blank"), ("Female", "12-15", "14", "reported"), ("Male", "11 and under", "", "suppressed"),
             ("Male", "12-15", "", "suppressed"), ("Female", "16 and over", "3", "reported"), ("Male", "16 and over", "5", "reported"),
             ("Total", "11 and under", "0", "reported"), ("Total", "12-15", "14", "reported"), ("Total", "16 and over", "8", "reported")]
    rows = [{"gender": g, "age_band": a, "value": v, "status": s, "is_total": str(g == "Total").lower(), "line": "3"} for g, a, v, s in cells]
    drawn = [c for c in charts.table_charts("r", resource, rows) if c.dimension == "age_band"]
    assert [dict(c.held) for c in drawn] == [{"gender": "Female"}, {"gender": "Male"}]
    assert all(b.label != "11 and under" or b.status != "reported" for c in drawn for b in c.bars)

def _published(built, request):
    values = set()
    for path in (built / request / "tables").glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            values |= {(r["value"], r["line"]) for r in csv.DictReader(f)}
    return values


def test_comparison_pages_show_only_published_values_beside_caveats(built, pages):
    page = (pages / "compare" / "indecent-images.md").read_text()
    assert "Not like for like" in page and "never adds them up" in page
    shown = re.findall(r"<strong>(\d+)</strong>(?: \(stated total\))? \(<a href=\"../../requests/([^/]+)/#L(\d+)\"", page)
    assert shown, "the page shows figures"
    for value, request, line in shown:
        assert (value, line) in _published(built, request), (value, request, line)
    assert 'Read with <a href="#' in page and "Unaudited snapshot of live data" in page
    grand = [int(v) for v, r, _ in shown if r == BED]
    assert 53 in grand and 91 in grand and 144 not in grand  # the two systems' totals are never added up


def test_a_topic_about_one_outcome_type_shows_only_values_recorded_under_it(built, pages):
    """A reader review found the 'Outcome 21' comparison listing Avon's 245 grooming crimes (and their 'Total') as if they
    were uses of Outcome 21, while Avon's OC21 row was nowhere. A topic with an outcome type (topics.csv) shows, for a
    request on no other topic of the page, only the values recorded under that type, and says so; read from the packages."""
    topics = {r["code"]: r for r in csv.DictReader((built / "reference" / "topics.csv").open(encoding="utf-8"))}
    for slug, _, codes in compare.COMPARISONS:
        types = {topics[c]["outcome_type"] for c in codes} - {""}
        page = (pages / "compare" / f"{slug}.md").read_text()
        for name in _requests_on(built, codes):
            d = json.loads((built / name / "datapackage.json").read_text())
            shared = [t["code"] for t in d["foi:request"]["topics"] if t["code"] in codes]
            if any(not topics[t]["outcome_type"] for t in shared):
                continue  # listed for a topic that is not about one outcome type: its figures as released
            typed = [(r["value"], r["line"]) for res in d["resources"] if "foi:measure" in res
                     for r in csv.DictReader((built / name / res["path"]).open(encoding="utf-8")) if r["outcome_type"] in types]
            cell = page.split(f'requests/{name}/"', 1)[1].split("</tr>", 1)[0]
            shown = re.findall(r"<strong>([^<]+)</strong>(?: \(stated total\))? \(<a href=\"[^\"]+#L(\d+)\"", cell)
            assert sorted(shown) == sorted(typed), (slug, name, shown, typed)
            assert ("Only the values recorded under outcome type" in cell) if typed else ("gives no figure recorded under" in cell)
    outcome21 = (pages / "compare" / "outcome-21-and-youth-produced-imagery.md").read_text()
    avon = outcome21.split('requests/avon-and-somerset-1247-22/"', 1)[1].split("</tr>", 1)[0]
    assert "OC21" in avon and "<strong>245</strong>" not in avon  # the review's case, as a reader sees it


def _requests_on(built, codes) -> list[str]:
    """The request packages whose topics meet `codes`."""
    catalog = json.loads((built / "catalog.json").read_text())["packages"]
    out = []
    for p in catalog:
        if p["name"] in ("all", "reference"):
            continue
        d = json.loads((built / p["name"] / "datapackage.json").read_text())
        if {t["code"] for t in d["foi:request"]["topics"]} & set(codes):
            out.append(p["name"])
    return out


def test_a_comparison_quotes_each_caveat_once_and_cites_it_by_number(pages):
    """A reader review found the same caveat quoted up to four times on one comparison (beside the table, in the
    response's column and above each chart): each response's caveats are now quoted once, where they apply, and cited."""
    for slug, _, _ in compare.COMPARISONS:
        page = (pages / "compare" / f"{slug}.md").read_text()
        quoted = re.findall(r'<li id="([^"]+-caveat-\d+)">.*?<q>(.*?)</q></li>', page)
        ids = [i for i, _ in quoted]
        assert len(ids) == len(set(ids))
        for quote in {q for _, q in quoted}:
            assert page.count(f"<q>{quote}</q>") == sum(1 for _, q in quoted if q == quote), (slug, quote)
        cited = set(re.findall(r'href="#([^"]+-caveat-\d+)"', page))
        assert cited and cited <= set(ids), (slug, cited - set(ids))


def test_every_topic_page_and_the_index_exist(pages):
    for slug, _, _ in compare.COMPARISONS:
        assert (pages / "compare" / f"{slug}.md").is_file()
    index = (pages / "compare" / "index.md").read_text()
    assert "No request has been curated from more than one force yet" in index


def test_labels_page_lists_every_force_label(built, pages):
    page = (pages / "labels.md").read_text()
    assert "086/02 - Take or to make or to distribute indecent photographs or pseudo- photographs, of children" in page
    assert "UNSOLVED" in page and "unmapped" in page and "OC15 – Sus/Insuff.Evidence" in page
    row = re.search(r'<td>Bedfordshire Police</td><td data-label="Label as written">UNSOLVED</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>', page)
    assert row and row.groups() == ("unmapped", "none")
    offences = page.split("<h2>Offence labels</h2>", 1)[1].split("<h2", 1)[0]
    listed = re.findall(r'<tr><td>([^<]*)</td><td[^>]*>([^<]*)</td>.*?requests/([a-z0-9-]+)/"', offences)
    assert len(listed) == len(set(listed)) and len(listed) >= 5  # each label once per request, not once per row
    assert ("Bedfordshire Police", "Possessing Prohibited Images Of Children", BED) in listed


def test_labels_page_names_requests_by_reference_and_says_a_shared_note_once(pages):
    """From a reader review: the Request column showed package names, and one note or source stood on ten rows."""
    page = (pages / "labels.md").read_text()
    assert f'requests/{BED}/">FOI2019/05348</a>' in page and f">{BED}<" not in page
    note = "The label starts with the outcome number (OC = outcome code)."
    assert page.count(note) == 1 and page.count('href="#outcome-note-1">Note 1</a>') >= 2
    source = "Avon and Somerset FOI 1247-22"
    assert page.count(source) == 1 and page.count('href="#source-1">Source 1</a>') >= 2


def test_every_line_a_chart_names_is_a_source_line_link(pages):
    """From a reader review: chart captions said "(line 44)" with no link, where every other page says "(source line N)"."""
    for page in pages.rglob("*.md"):
        text = page.read_text()
        assert not re.search(r"\(line \d+\)", text), page
    page = (pages / "compare" / "indecent-images.md").read_text()
    assert f'Not drawn: the force’s total, 53 (<a class="line-ref" href="../../requests/{BED}/#L49">source line 49</a>)' in page


def test_curated_text_is_escaped_on_analyst_pages(built, tmp_path):
    """A title or caveat that looks like markup is shown as text."""
    packages = tmp_path / "packages"
    shutil.copytree(built, packages)
    path = packages / BED / "datapackage.json"
    d = json.loads(path.read_text())
    d["title"] = '<script>alert(1)</script> [x](javascript:alert(1)) {: onclick="x" }'
    d["foi:caveats"][0]["quote"] = "<img src=x onerror=alert(1)>"
    path.write_text(json.dumps(d))
    table = next((packages / BED / "tables").glob("*cms*.csv"))  # a force's label, shown on the labels page
    hostile = '<b onmouseover="x">Bold</b> [link](javascript:alert(1)) {: onclick="y" }'
    table.write_text(table.read_text().replace("Possessing Prohibited Images Of Children", hostile.replace('"', "'"), 1))
    out = tmp_path / "out"
    analyst.render_analyst_pages(packages, out)
    page = (out / "compare" / "indecent-images.md").read_text()
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    labels = (out / "labels.md").read_text()
    assert "<b " not in labels and "&lt;b onmouseover=&#39;x&#39;&gt;Bold&lt;/b&gt;" in labels
    # Markdown never reaches it: each line holding it is raw HTML, which Markdown passes through as it stands.
    holding = [line for line in labels.splitlines() if "[link](javascript:alert(1))" in line]
    assert holding and all(line.startswith("<") for line in holding) and 'href="javascript' not in labels


def test_a_family_page_shows_each_forces_answer_to_each_question(tmp_path):
    """Two requests given the same family slug get one page with their answers side by side."""
    root = copy_project(tmp_path / "project")
    for rid in (BED, "hertfordshire-foi2018-00739"):
        path = root / "datapackages" / rid / "request.yaml"
        path.write_text("family: round-robin-test\n" + path.read_text())
    build(root, site=False)
    packages = root / "build" / "datapackages"
    assert json.loads((packages / BED / "datapackage.json").read_text())["foi:request"]["family"] == "round-robin-test"
    out = tmp_path / "out"
    analyst.render_analyst_pages(packages, out)
    page = (out / "compare" / "family-round-robin-test.md").read_text()
    assert page.count("<th scope=\"col\">Bedfordshire Police") == 1 and page.count("<th scope=\"col\">Hertfordshire Constabulary") == 1
    assert "Partly answered" in page and "Refused on cost" in page and "Not asked of this force" in page
    assert "family-round-robin-test/" in (out / "compare" / "index.md").read_text()


def test_long_labels_are_shortened_to_their_line_and_every_bar_keeps_its_width():
    """Labels that read alike once shortened are numbered; the chart keeps its width and the bars theirs (none negative)."""
    import re

    resource = {"name": "t", "foi:measure": "Offences", "foi:layout": {"rows": ["age"], "columns": []},
                "schema": {"fields": [{"name": "age"}, {"name": "value"}, {"name": "status"}, {"name": "is_total"}, {"name": "line"}]}}
    long = "Sexual communication with a child where the offender was aged"
    rows = [{"age": f"{long} {a}", "value": v, "status": "reported", "is_total": "false", "line": "3"} for a, v in (("10", "4"), ("11", "4"))]
    svg = charts.svg_bytes(charts.table_charts("r", resource, rows)[0]).decode()
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert texts[0].startswith("1. Sexual communication") and texts[1].startswith("2. Sexual communication")
    assert texts[0][3:] == texts[1][3:] and texts[0].endswith("…: 4")  # shortened alike, told apart by their numbers
    assert all(charts._width(t) <= charts.WIDTH - 2 * charts.PAD for t in texts)
    widths = [float(w) for w in re.findall(r'<rect x="[^"]+" y="[^"]+" width="([^"]+)"', svg)[1:]]
    assert len(widths) == 2 and widths[0] == widths[1] and widths[0] > 150
    assert int(re.search(r'<svg width="(\d+)"', svg).group(1)) == charts.WIDTH


def test_a_figure_from_a_pdf_names_its_page_and_line_and_links_no_line_of_the_text():
    """A PDF table's `line` is a line of a PDF page: comparison pages must not send it to response.txt's line."""
    from scripts.site import compare

    resource = {"name": "t", "foi:measure": "Offences", "foi:source": "response.pdf", "foi:layout": {"rows": ["offence"], "columns": []},
                "schema": {"fields": [{"name": "offence"}, {"name": "value"}, {"name": "status"}, {"name": "is_total"},
                                      {"name": "page"}, {"name": "line"}]}}
    rows = [{"offence": "Possession", "value": "12", "status": "reported", "is_total": "false", "page": "2", "line": "13"}]
    (figure,), _ = compare.headline(resource, rows)
    assert (figure.line, figure.where) == ("", "page 2, line 13")
    in_text = {**resource, "foi:source": "response.txt", "schema": {"fields": [f for f in resource["schema"]["fields"] if f["name"] != "page"]}}
    (figure,), _ = compare.headline(in_text, [{k: v for k, v in rows[0].items() if k != "page"}])
    assert (figure.line, figure.where) == ("13", "line 13")


def test_a_slice_of_two_bars_is_not_charted_but_a_slice_of_three_is():
    """A table the force gave no margin for is charted slice by slice; two bars beside the table say nothing new."""
    fields = [{"name": n} for n in ("outcome", "age", "value", "status", "is_total", "line")]
    resource = {"name": "t", "foi:measure": "Offenders", "foi:layout": {"rows": ["outcome", "age"], "columns": []},
                "schema": {"fields": fields}}

    def rows(ages):
        return [{"outcome": o, "age": a, "value": str(i), "status": "reported", "is_total": "false", "line": str(i + 1)}
                for i, (o, a) in enumerate((o, a) for o in ("Charge", "Caution") for a in ages)]
    assert charts.table_charts("r", resource, rows(["Under 18", "18 and over"])) == []
    drawn = charts.table_charts("r", resource, rows(["Under 10", "10-17", "18 and over"]))
    assert [(c.dimension, len(c.bars)) for c in drawn] == [("age", 3), ("age", 3)]


def test_a_chart_says_when_more_groups_than_it_draws_are_left_out():
    """Four offences, each by age with no margin: three panels are drawn, and the last says the fourth is left out."""
    resource = {"name": "t", "foi:measure": "Offences", "foi:layout": {"rows": ["offence", "age"], "columns": []},
                "schema": {"fields": [{"name": n} for n in ("offence", "age", "value", "status", "is_total", "line")]}}
    rows = [{"offence": o, "age": a, "value": "1", "status": "reported", "is_total": "false", "line": "3"}
            for o in ("A", "B", "C", "D") for a in ("10", "11", "12")]
    drawn = charts.table_charts("r", resource, rows)
    assert len(drawn) == charts.MAX_PANELS and [c.left_out for c in drawn[:-1]] == ["", ""]
    assert drawn[-1].left_out == ("Not drawn: 1 more group of offence (only the first 3 are charted, to keep the page short); "
                                  "the table gives every value.")
