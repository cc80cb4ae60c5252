"""Findings of the fifth reader review of the built site (/work/review/REVIEW.md, A1 to A15), read from the rendered pages."""
from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from scripts.site import charts, pagekit, render
from scripts.site.site import site_extra

ROOT = Path(__file__).resolve().parents[1]
AVON = "avon-and-somerset-1247-22"
AVON16 = "avon-and-somerset-ours-021c0bf0"
GROOMING = "compare/grooming-and-sexual-communication.md"


def visible(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory) -> Path:
    """Every generated page of the seeds (Markdown with raw HTML, as MkDocs reads it), without MkDocs."""
    out = tmp_path_factory.mktemp("generated")
    shutil.copy(ROOT / "docs" / "index.md", out / "index.md")
    render.render_all(built, out, site_extra(ROOT))
    return out


def read(pages: Path, rel: str) -> str:
    return (pages / rel).read_text(encoding="utf-8")


def cell(page: str, force: str) -> str:
    """The comparison table row of one force, as text."""
    row = re.search(rf'<tr> <th scope="row">{re.escape(force)}.*?</tr>', page)
    assert row, force
    return visible(row.group(0))


# A1: our own arithmetic check is never shown as the force's words, and the chart caption says what the bars add up to.

def test_our_total_check_is_not_listed_among_the_forces_caveats(pages):
    for rel in (GROOMING, "compare/outcome-21-and-youth-produced-imagery.md"):
        page = read(pages, rel)
        assert "The force’s caveats" not in page, rel
        avon = cell(page, "Avon and Somerset Constabulary")
        if "Stated total does not reconcile" in avon:
            ours = avon.index("Found by our check, not said by the force:")
            assert avon.index("Stated total does not reconcile") > ours, rel
            assert "The force’s words:" not in avon or avon.index("The force’s words:") < ours, rel
    kind = visible(read(pages, "caveats/kind-total-mismatch.md"))
    assert "in the forces’ own words" not in kind and "Found by our check, not said by the force" in kind
    other = visible(read(pages, "caveats/kind-keyword-search.md"))
    assert "in the forces’ own words" in other


def test_a_chart_caption_says_when_the_forces_total_is_not_the_sum_of_its_bars(pages, built):
    avon = [c for c in charts.request_charts(built, AVON) if c.totals]
    shown = [c for c in avon if sum(b.value for b in c.bars) != c.totals[0].value]
    assert shown, "Avon's outcomes add up to 244 under its total of 245"
    page = visible(read(pages, f"requests/{AVON}.md")) + visible(read(pages, GROOMING))
    assert "which adds up the bars" not in re.sub(r"\s+", " ", " ".join(
        re.findall(r"the force’s total, 245 \(source line 34\), which [^.]*", page)))
    assert page.count("the force’s total, 245 (source line 34), which does not equal the sum of the bars (244)") == 2


def test_total_words_are_computed_from_the_bars():
    bars = (charts.Bar("a", 2, "reported", "line 1"), charts.Bar("b", 3, "reported", "line 2"))
    assert charts.total_words(charts.Bar("Total", 5, "reported", "line 3"), bars).startswith("which adds up the bars")
    assert charts.total_words(charts.Bar("Total", 6, "reported", "line 3"), bars).startswith(
        "which does not equal the sum of the bars (5)")
    blank = bars + (charts.Bar("c", None, "blank", "line 4"),)
    assert "sum" not in charts.total_words(charts.Bar("Total", 5, "reported", "line 3"), blank)
    assert "adds up" not in charts.total_words(charts.Bar("Total", 5, "reported", "line 3"), blank)


# A2: the site-wide wording is true of partial texts too.

def test_no_site_wide_wording_says_every_response_is_exactly_as_published(pages):
    wording = {"home": (ROOT / "docs" / "index.md").read_text(encoding="utf-8"),
               "reading": (ROOT / "docs" / "reading.md").read_text(encoding="utf-8"),
               "footer": (ROOT / "mkdocs.yml").read_text(encoding="utf-8")}
    for name, text in wording.items():
        flat = " ".join(text.split())
        said = re.findall(r"(?:response|text)s?\b[^.]{0,60}?(?:kept|exactly) as (?:the force )?published", flat)
        assert not said and "as the force published it" not in flat, (name, said)
        assert "where we hold only part of a response, its page says so" in flat, name
    for name in (AVON, "bedfordshire-foi2019-05348"):
        lines_note = re.search(r'<p class="foi-lines-note">(.*?)</p>', read(pages, f"requests/{name}.md")).group(1)
        assert "exactly as published" not in lines_note and "exactly as we retrieved it" in lines_note, name
        assert ("the part of the force’s response we hold" in lines_note) == (name == AVON), name


# A3: a question beyond the cut of a partial text is "not in the text we hold" in every status summary.

def test_a_question_beyond_the_cut_is_counted_as_not_in_the_text_we_hold_everywhere(pages):
    found = 0
    for page in pages.rglob("*.md"):
        text = visible(page.read_text(encoding="utf-8"))
        for line in re.findall(r"6 questions: [^.]*\.", text):
            if "exempt" in line and "partly answered" in line:  # Avon 2016's status line
                found += 1
                assert "not addressed in the response" not in line, page
                assert "1 not in the text we hold" in line, page
    assert found >= 4  # its request page, home, forces, years, topics
    assert "Not in the text we hold" in read(pages, f"requests/{AVON16}.md")


def test_status_line_counts_a_question_beyond_a_partial_text_apart():
    qs = [{"status": "answered", "quote": "x"}, {"status": "not-addressed", "quote": ""}, {"status": "not-addressed", "quote": "y"}]
    assert pagekit.status_line(qs) == "3 questions: 1 answered, 2 not addressed in the response."
    assert pagekit.status_line(qs, True) == "3 questions: 1 answered, 1 not addressed in the response, 1 not in the text we hold."


# A4: a stated total with a withheld part says so beside its value; the legend names only the totals the table has.

def test_a_stated_total_with_a_withheld_part_says_so_beside_its_value(pages):
    north = cell(read(pages, GROOMING), "Northamptonshire Police")
    assert "11 and under: 0 (stated total; a part is withheld, so this may not be none)" in north
    assert "12-15: 22 (stated total; a part is withheld, which this total may leave out)" in north
    assert "16 and over: 0 (stated total) " in north and "Unknown Age: 24 (stated total) " in north
    assert north.index("11 and under: 0 (stated total; a part is withheld") < north.index("Part withheld.")


def test_the_table_legend_names_a_total_column_only_where_there_is_one(pages):
    north = visible(read(pages, "requests/northamptonshire-foi-10905-25.md"))
    assert "and the Total column" not in north and "Bold rows are totals the force stated" in north
    bed = read(pages, "requests/bedfordshire-foi2019-05348.md")
    legends = [visible(x) for x in re.findall(r'<p class="legend">(.*?)</p>', bed)]
    assert legends and all("Total column" not in x or "tcol" in bed for x in legends)


# A6: a part-year value carries its period beside it.

def test_part_year_values_carry_their_period_on_the_comparisons(pages):
    page = read(pages, "compare/indecent-images.md")
    bed = cell(page, "Bedfordshire Police")
    assert "2018: 20 (part of the year only: 2018-01-01 to 2018-05-22) (stated total)" in bed
    assert "2018: 24 (part of the year only: 2018-05-23 to 2018-12-31) (stated total)" in bed
    assert "2017: 33 (stated total)" in bed and "Total: 53 (stated total)" in bed


# A7: a table whose measure is not about the page's topic says so, from the data.

def test_a_count_of_every_use_of_an_outcome_is_marked_off_topic_on_other_comparisons(pages):
    herts = cell(read(pages, "compare/indecent-images.md"), "Hertfordshire Constabulary")
    assert "All uses of Outcome 21, for any offence: not a count of indecent images of children." in herts
    assert herts.index("not a count of indecent images") < herts.index("Q1: 88")
    assert herts.count("for any offence") == 1  # the 76 and 622 indecent-image figures carry no such note
    o21 = cell(read(pages, "compare/outcome-21-and-youth-produced-imagery.md"), "Hertfordshire Constabulary")
    assert "for any offence: not a count" not in o21


# A11: the link under a table names the kind of gap its cells have.

def test_a_table_with_only_blank_parts_links_a_total_with_a_blank_part(pages):
    bed = visible(read(pages, "requests/bedfordshire-foi2019-05348.md"))
    assert "a total with a withheld part" not in bed and "See a total with a blank part." in bed
    north = visible(read(pages, "requests/northamptonshire-foi-10905-25.md"))
    assert "a total with a withheld" in north


# A15: search excerpts come from a request's summary and questions, not from topic and code boilerplate.

def test_a_search_record_keeps_topic_and_code_words_in_a_low_weighted_part(built):
    from scripts.site import search
    avon = next(r for r in search.records(built) if r["url"] == f"requests/{AVON}/")
    assert "Meeting or attempting to meet a child" not in avon["content"] and "About" not in avon["content"]
    assert "Meeting or attempting to meet a child" in avon["about"] and "88A" in avon["about"]
    page = search.record_html(avon)
    assert f'<p data-pagefind-weight="{search.ABOUT_WEIGHT}">About ' in page
    assert float(search.ABOUT_WEIGHT) < 1
    assert page.index(avon["content"][:40]) < page.index("About ")


def test_the_show_as_data_note_does_not_call_our_csv_the_forces_publication(tmp_path):
    """Review 6 (A5): the rows under "Show as data" are our CSV; only the response text is the force's, as retrieved."""
    grid = (Path(__file__).resolve().parents[1] / "scripts/site/templates/request/grid.html").read_text()
    note = re.search(r'<p class="as-data-note">(.*?)</p>', grid, re.S).group(1)
    assert "exactly as published" not in note and "we publish, value for value" in note
