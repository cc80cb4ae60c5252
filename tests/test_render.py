"""The generated pages, read as files: structure that keeps curated text inert, words, weight and grouping."""
from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.site import render

from .browser import html_pages

REQUESTS = ["bedfordshire-foi2019-05348", "hertfordshire-foi2018-00739", "south-yorkshire-20180075",
            "south-yorkshire-20180799", "south-yorkshire-20210999"]
HEADINGS = {"## Questions and answers", "## Tables", "## Caveats", "## Provenance and integrity", "## Full response text",
            "## How to cite", "## Data package", "## Fields of the CSV files"}


class _Text(HTMLParser):
    """The visible text of a page's main content, and the ids it defines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.text, self.ids = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.depth = 1
        elif self.depth and tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def visible(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def page_text(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(site_root) -> Path:
    return site_root / "build" / "site"


@pytest.fixture(scope="module")
def generated(site_root) -> Path:
    return site_root / "docs" / "generated"


def test_generated_pages_are_raw_html_blocks_and_fixed_headings(generated):
    """Markdown must find nothing to read in a generated page: only one-line HTML blocks and our own headings."""
    pages = [generated / "requests" / f"{r}.md" for r in REQUESTS] + [generated / f"{n}.md" for n in
                                                                     ("forces", "topics", "years", "caveats", "glossary", "data")]
    for path in pages + [generated / "requests" / "index.md"]:
        text = path.read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        title = front.removeprefix("---\n").split("\n")[0]
        assert title.startswith("title: ") and isinstance(json.loads(title[7:]), str), path
        for line in body.split("\n"):
            assert line == "" or line.startswith("<") or line in HEADINGS, (path.name, line[:80])


def test_request_pages_stay_light(site):
    sizes = {r: (site / "requests" / r / "index.html").stat().st_size for r in REQUESTS}
    assert max(sizes.values()) < 60_000, sizes


@pytest.mark.parametrize("request_id", REQUESTS)
def test_request_page_has_content_note_status_and_report_route(site, site_root, request_id):
    text = " ".join("".join(page_text(site / "requests" / request_id / "index.html").text).split())
    assert "Content note: this page quotes police letters about child sexual abuse offences. Where to find support." in text
    assert "Spotted a mistake? Email corrections@foi-data.example quoting " + request_id in text
    questions = (site_root / "build/datapackages" / request_id / "questions.csv").read_text(encoding="utf-8").count("\n") - 1
    assert re.search(rf"{questions} questions?: [^.]+\.", text)


def test_status_line_words_and_plurals():
    line = render.status_line([{"status": "answered"}, {"status": "exempt"}, {"status": "answered-in-attachment"},
                               {"status": "answered-in-attachment"}])
    assert line == "4 questions: 1 answered, 1 exempt, 2 answered in an attachment we do not have."
    assert render.status_line([{"status": "not-held"}]) == "1 question: 1 not held."
    assert render.plural(1, "request") == "1 request" and render.plural(2, "entry", "entries") == "2 entries"


def test_no_internal_names_or_bad_plurals_on_any_page(site):
    internal = re.compile(r"\d{3}_[0-9a-f]{16}\.txt|DESIGN\.md|decision \d|received_?as|receivedAs")
    plural = re.compile(r"\b1 (requests|questions|caveats|rows|lines|bytes|resources|entries)\b")
    for rel in html_pages(site):
        text = " ".join(page_text(site / rel / "index.html").text)
        assert not internal.search(text), (rel, internal.search(text).group())
        assert not plural.search(text), (rel, plural.search(text).group())


def test_each_caveat_appears_once_with_its_anchor(site, site_root):
    for request_id in REQUESTS:
        d = json.loads((site_root / "build/datapackages" / request_id / "datapackage.json").read_text(encoding="utf-8"))
        parsed = page_text(site / "requests" / request_id / "index.html")
        raw = (site / "requests" / request_id / "index.html").read_text(encoding="utf-8")
        tables = raw.split('<h2 id="tables">', 1)[1].split('<h2 id="caveats">', 1)[0]
        caveats = raw.split('<h2 id="caveats">', 1)[1].split('<h2 id="provenance-and-integrity">', 1)[0]
        for c in d["foi:caveats"]:
            quote = " ".join(c["quote"].split())
            assert parsed.ids.count(f"caveat-{c['id']}") == 1
            assert visible(caveats).count(quote) == 1 and quote not in visible(tables), (request_id, c["id"])


def test_by_year_groups_by_the_period_the_data_covers(site):
    html = (site / "years" / "index.html").read_text(encoding="utf-8")
    sections = {m.group(1): m.group(0) for m in re.finditer(r'<section id="year-(\d{4})".*?</section>', html, flags=re.S)}
    assert sorted(sections) == ["2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2024",
                                "2025"]  # with the three real requests (Avon and Somerset's financial year 2021/22 reaches 2022)
    assert "requests/avon-and-somerset-1247-22/" in sections["2021"] and "requests/avon-and-somerset-1247-22/" in sections["2022"]
    for year in ("2017", "2018", "2019"):  # Bedfordshire's data run from January 2017 to August 2019
        assert "requests/bedfordshire-foi2019-05348/" in sections[year]
    assert "requests/bedfordshire-foi2019-05348/" not in sections["2016"]
    assert "requests/hertfordshire-foi2018-00739/" in sections["2016"] and "requests/hertfordshire-foi2018-00739/" not in sections["2018"]


def test_glossary_terms_and_other_requests_are_linked(site):
    html = (site / "requests" / "south-yorkshire-20210999" / "index.html").read_text(encoding="utf-8")
    assert html.count('href="../../glossary/#initial-mo"') == 1  # the first mention only
    assert 'href="../../glossary/#connect"' in html
    assert 'href="../../requests/south-yorkshire-20180799/">20180799</a>' in html
    assert 'href="../../requests/south-yorkshire-20210999/"' not in html  # never a link to itself


def test_facts_link_to_browse_anchors(site):
    html = (site / "requests" / "bedfordshire-foi2019-05348" / "index.html").read_text(encoding="utf-8")
    for href in ['../../forces/#force-bedfordshire', '../../topics/#topic-indecent-images', '../../topics/#code-86-2',
                 '../../topics/#code-86-15']:
        assert f'href="{href}"' in html, href
    glossary = (site / "caveats" / "index.html").read_text(encoding="utf-8")
    assert 'href="../requests/bedfordshire-foi2019-05348/#caveat-under-10-grouped"' in glossary


def test_linker_escapes_everything_it_does_not_link():
    pk = object.__new__(render.Packages)
    pk.glossary = [{"id": "cms", "pattern": r"\bCMS\b"}]
    pk.requests = [{"name": "other", "foi:request": {"reference": "FOI1/2"}}, {"name": "own", "foi:request": {"reference": "FOI9"}}]
    link = render.Linker(pk, "../../", "own")
    out = str(link('<b>CMS</b> [x](javascript:alert(1)) CMS FOI1/2 FOI1/23 FOI9'))
    assert out == ('&lt;b&gt;<a class="gl" href="../../glossary/#cms">CMS</a>&lt;/b&gt; [x](javascript:alert(1)) CMS '
                   '<a class="gl" href="../../requests/other/">FOI1/2</a> FOI1/23 FOI9')


def test_every_answer_status_has_words_for_the_status_line():
    from .conftest import ROOT
    import csv
    with (ROOT / "datapackages/reference/answer_statuses.csv").open(encoding="utf-8", newline="") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    assert codes <= set(render.FATES)


def test_a_table_from_an_attachment_cites_its_sheet_and_cell(tmp_path):
    """Cells of a spreadsheet table link to the file, naming sheet and cell (constructed fixture, not police data)."""
    from scripts.build.build import build

    from .conftest import copy_project
    from .fixtures.sources.make import ID, make_request
    root = copy_project(tmp_path / "p")
    make_request(root / "datapackages", hidden_declared=True)
    build(root, site=True)
    html = (root / "build/site/requests" / ID / "index.html").read_text(encoding="utf-8")
    table = html.split('id="table-offences"', 1)[1].split("</table>", 1)[0]
    assert ('<a href="#src-attachments-figures-xlsx-offences-b4" title="sheet Offences, cell B4" '
            'aria-label="5: attachments/figures.xlsx, sheet Offences, cell B4">5</a>') in table
    assert '<td id="src-attachments-figures-xlsx-offences-b4">5</td>' in html  # the cell, in the file's preview
    assert 'href="#L' not in table
    assert 'href="../../data/bedfordshire-test-0001/attachments/figures.xlsx" download>attachments/figures.xlsx</a>' in html


def test_a_long_response_gets_a_page_of_its_own_and_every_line_link_finds_its_line(tmp_path, monkeypatch):
    """Above pagekit.LONG_TEXT bytes, the text moves to requests/<id>/text/ and line links follow it (lowered here)."""
    from scripts.site import pagekit
    from scripts.build.build import build

    from .conftest import copy_project
    monkeypatch.setattr(pagekit, "LONG_TEXT", 5_000)  # hertfordshire's text is 5,449 bytes; bedfordshire's 4,378
    root = copy_project(tmp_path / "p")
    long, short = "hertfordshire-foi2018-00739", "bedfordshire-foi2019-05348"
    from .test_render_injection import PAYLOAD as WITH_DIGITS
    PAYLOAD = re.sub(r"\d", "", WITH_DIGITS)  # a title may state only numbers the response writes
    meta = root / "datapackages" / long / "request.yaml"  # the title is shown on the text page too: it must stay text
    text = meta.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.M).group(1)
    meta.write_text(text.replace(f"title: {title}\n", f"title: {json.dumps(PAYLOAD + ' ' + title)}\n", 1), encoding="utf-8")
    build(root, site=True)
    site = root / "build" / "site"
    page = (site / "requests" / long / "index.html").read_text(encoding="utf-8")
    text = (site / "requests" / long / "text" / "index.html").read_text(encoding="utf-8")
    lines = (root / "datapackages" / long / "response.txt").read_text(encoding="utf-8").split("\n")
    assert 'id="L1"' not in page and 'href="#L' not in page
    assert 'href="text/">a page of its own</a>' in page
    assert 'data-lines="text/"' in page and 'data-lines=""' not in page  # the "as data" view's line links (docs/assets/site.js)
    cited = {int(n) for n in re.findall(r'href="text/#L(\d+)"', page)}
    assert len(cited) >= 5
    assert all(f'<span id="L{n}">' in text for n in cited)
    assert f'<span id="L{len(lines)}">' in text and 'href="../">Back to the request</a>' in text
    assert "<b>bold</b>" not in text and "<script>window" not in text and "<img src=\"http://evil" not in text
    assert visible(text.split('href="../">Back to the request</a>', 1)[1].split("<pre", 1)[0]).startswith(": " + PAYLOAD)
    compared = "".join(p.read_text(encoding="utf-8") for p in (site / "compare").rglob("index.html"))
    assert f"requests/{long}/text/#L" in compared and f"requests/{long}/#L" not in compared
    assert 'href="#L' in (site / "requests" / short / "index.html").read_text(encoding="utf-8")
    assert not (site / "requests" / short / "text").exists()


@pytest.mark.parametrize("request_id", REQUESTS)
def test_each_field_is_described_once_and_every_table_links_to_its_own(site, site_root, request_id):
    """The page's one field list holds each field of its tables' schemas once (a name two tables describe differently is one
    row giving each meaning with its tables: issue 28); each table links to its rows."""
    html = (site / "requests" / request_id / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr id="(field-[^"]+)">(.*?)</tr>', html))
    cells = {a: [visible(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)] for a, r in rows.items()}
    names = [c[0] for c in cells.values()]
    assert len(names) == len(set(names))  # each name once
    descriptor = json.loads((site_root / "build/datapackages" / request_id / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in descriptor["resources"] if r.get("foi:layout")]
    linked = re.findall(r'<p class="table-fields"[^>]*>(.*?)</p>', html)
    assert len(linked) == len(tables)
    assert ("Fields of the CSV files" in html) == bool(tables)  # no list for a response with no table
    for resource, links in zip(tables, linked):
        anchors = re.findall(r'<a href="#(field-[^"]+)">', links)
        assert [tuple(cells[a][:3]) for a in anchors] == [(f["name"], f.get("title", ""), f["type"]) for f in resource["schema"]["fields"]]
        for a, f in zip(anchors, resource["schema"]["fields"]):
            meanings = re.findall(r"<li>(.*?)</li>", rows[a])
            if meanings:  # several: this table's is the one naming it
                assert any(f"“{resource['title']}”" in unescape(m) and visible(m).endswith(" ".join(f.get("description", "").split()))
                           for m in meanings), (a, resource["name"])
            else:
                assert cells[a][3] == " ".join(f.get("description", "").split()), a


def test_a_name_described_two_ways_is_one_row_with_each_meaning_and_distinct_anchors():
    """Issue 28: a name two tables describe differently is listed once, with each meaning and the tables it is for."""
    tables = [("Calendar", [{"name": "year", "type": "string", "description": "Calendar year"}, {"name": "value", "type": "integer"}]),
              ("Financial", [{"name": "year", "type": "string", "description": "Financial year"}, {"name": "value", "type": "integer"},
                             {"name": "year_2", "type": "string"}])]
    rows, links = render.field_definitions(tables)
    assert [r["anchor"] for r in rows] == ["field-year", "field-value", "field-year-2"]
    assert rows[0]["descriptions"] == [("Calendar year", ["Calendar"]), ("Financial year", ["Financial"])] and rows[0]["description"] == ""
    assert rows[1]["descriptions"] == [("", ["Calendar", "Financial"])]
    assert [[f["anchor"] for f in own] for own in links] == [["field-year", "field-value"], ["field-year", "field-value", "field-year-2"]]


def test_the_forces_page_lists_forces_a_to_z_whatever_the_order_of_the_reference_list(site_root):
    """The reference list puts the non-territorial forces last; a reader scans the jump list from A to Z."""
    pk = render.Packages(site_root / "build" / "datapackages")
    pk.reference["forces"] = list(reversed(pk.reference["forces"]))
    html = render.forces_page(pk)["forces.md"]
    jump = re.findall(r'<li><a href="#force-[a-z0-9-]+">([^<]+)</a>', html)
    assert jump == sorted(jump, key=str.casefold) and {"Bedfordshire Police", "Hertfordshire Constabulary", "Northamptonshire Police", "South Yorkshire Police",
                                     "West Midlands Police"} <= set(jump)


def test_the_legend_says_so_when_a_cell_shows_our_word_and_not_the_forces_mark():
    from scripts.site.crosstab import build
    rows = [{"a": "Rape", "y": y, "status": s, "value": v, "page": "1", "line": "5"} for y, s, v in
            (("2018", "suppressed", ""), ("2019", "reported", "12"), ("2020", "suppressed", ""))]
    grid = render.ENV.get_template("request/grid.html").module.grid

    def legend(line: str) -> str:
        tv = {"grid": build(rows, ["a"], ["y"], place=lambda cite: line), "titles": {"a": "Offence", "y": "Year"},
              "r": {"foi:measure": "Offences"}, "in_text": False, "cite": "pdf", "source": "a.pdf", "href": lambda c: "#x", "beyond": False}
        return visible(re.search(r'<p class="legend">.*?</p>', str(grid(tv, "t")), re.S).group())
    assert "are the force’s own" in legend("Rape      *      12      <5") and "the word is ours" not in legend("Rape      *      12      <5")
    assert "the word is ours" in legend("Rape * 12 <5") and "are the force’s own" not in legend("Rape * 12 <5")


def test_a_question_given_only_by_number_is_not_said_twice_and_a_caveat_names_its_column_in_words(site):
    """From a reader review: Northamptonshire's page read "Question 1" then "Question 1" (the force gives the number, not
    the words), and Bedfordshire's caveat said it applies to the column “offender_age” (a field name)."""
    north = (site / "requests" / "northamptonshire-foi-10905-25" / "index.html").read_text(encoding="utf-8")
    assert '<span class="q-no">Question 1</span>' in north and '<p class="q-text">Question 1</p>' not in north
    bed = visible((site / "requests" / "bedfordshire-foi2019-05348" / "index.html").read_text(encoding="utf-8"))
    assert "Applies to the column “Offender age”" in bed and "the column “offender_age”" not in bed


def test_a_table_not_to_be_added_up_says_why_and_a_total_beside_a_withheld_value_points_to_the_guide(site):
    """From a reader review: Hertfordshire's 76 and 622 stand under the same words with nothing to say why they are not
    parts of one whole; and a stated total whose parts include a withheld value had no general caveat."""
    herts = visible((site / "requests" / "hertfordshire-foi2018-00739" / "index.html").read_text(encoding="utf-8"))
    assert "Not to be added up. Both figures are given as" in herts and "how 76 and 622 relate" in herts
    north = (site / "requests" / "northamptonshire-foi-10905-25" / "index.html").read_text(encoding="utf-8")
    assert north.count('<p class="table-withheld">') == 1 and 'href="../../reading/#a-total-with-a-withheld-part"' in north
    assert 'id="a-total-with-a-withheld-part"' in (site / "reading" / "index.html").read_text(encoding="utf-8")
    assert '<p class="table-withheld">' not in (site / "requests" / "hertfordshire-foi2018-00739" / "index.html").read_text(encoding="utf-8")


def test_a_comparison_says_where_a_stated_total_may_leave_out_a_withheld_part(site):
    """Northamptonshire's victims table lists 'Sum:' totals beside withheld cells: its figures on the comparison say that a
    total of 0 need not mean none; tables with nothing withheld say nothing of it."""
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "compare").glob("*/index.html")}
    assert pages["grooming-and-sexual-communication"].count("Part withheld.") == 1
    assert sum(html.count("Part withheld.") for html in pages.values()) == 1


def test_a_text_that_is_only_part_of_the_response_says_so(site, site_root):
    """Four real texts are the first ~2,000 bytes of a page: each page says so before its dates, offers 'the part of the
    response we hold', and the package records it; no other page claims to be partial."""
    partial = {"avon-and-somerset-1247-22", "avon-and-somerset-ours-021c0bf0", "northamptonshire-foi-10905-25", "west-midlands-19-15"}
    for page in (site / "requests").glob("*/index.html"):
        html, name = page.read_text(encoding="utf-8"), page.parent.name
        d = json.loads((site_root / "build" / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8"))
        says = "<strong>Only part of the response.</strong>" in html
        assert says == (name in partial) == bool(d["sources"][0].get("foi:partial")), name
        assert ("Show the part of the response we hold" in html) == says and ("exactly as published (" in html) != says, name
    q3 = (site / "requests" / "avon-and-somerset-ours-021c0bf0" / "index.html").read_text(encoding="utf-8")
    assert "Not in the text we hold" in q3


def test_a_total_that_does_not_reconcile_is_our_check_not_the_forces_words(site):
    """Avon and Somerset's outcomes add up to 244 under its 'Sum: 245': the caveat the build makes of it says it is our
    check; the comparisons do not count it among the forces' own caveats."""
    html = (site / "requests" / "avon-and-somerset-1247-22" / "index.html").read_text(encoding="utf-8")
    assert html.count("Found by our check, not said by the force") == 1
    for page in (site / "compare").glob("*/index.html"):
        own = re.search(r"own caveats include: ([^<]*)", page.read_text(encoding="utf-8"))
        assert not own or "Stated total does not reconcile" not in own.group(1), page


def test_the_feed_is_linked_from_the_home_and_data_pages(site):
    """A reader review found one visible link to the feed (a word on /reading/): home and /data/ now link it."""
    home = (site / "index.html").read_text(encoding="utf-8")
    data = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert '<a href="feed.xml" type="application/atom+xml">' in home
    assert '<a href="../feed.xml" type="application/atom+xml">' in data


def test_reader_text_says_source_lines_and_lists_in_words(site):
    """A reader review found 'response.txt lines 39-63' on /labels/, 'the line of response.txt' on the home page and
    'through the reference list outcome_labels' in Avon 1247-22's table note: reader text says it in words."""
    import html as htmllib
    def text(path):
        body = (site / path / "index.html").read_text(encoding="utf-8")
        return htmllib.unescape(re.sub(r"<[^>]+>", " ", body.split("<article", 1)[1]))
    assert "response.txt lines" not in text("labels") and "source lines 39-63" in text("labels")
    assert "line of response.txt" not in text("") and "the source line it" in text("")
    avon = text("requests/avon-and-somerset-1247-22")
    assert "reference list outcome_labels" not in avon and "our list of force outcome labels" in avon
