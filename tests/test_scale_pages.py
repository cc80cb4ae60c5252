"""Browse pages stay light: long lists are cut into linked static pages, every request on exactly one of them."""
from __future__ import annotations

import re

import pytest

from scripts.site import compare, paginate
from scripts.build.build import build

from . import test_site_links
from .conftest import COLLECTION, copy_project

IDS = list(COLLECTION)


def test_pages_and_their_numbers():
    pages = paginate.paginate(list(range(250)), "requests/index.md", per_page=100)
    assert [p.path for p in pages] == ["requests/index.md", "requests/page/2.md", "requests/page/3.md"]
    assert [(p.start, p.end) for p in pages] == [(1, 100), (101, 200), (201, 250)]
    assert pages[0].root == "../" and pages[2].root == "../../../" and pages[2].href(1) == "../../../requests/"
    many = paginate.paginate(list(range(5000)), "forces/force-kent.md", per_page=100)
    assert many[24].numbers() == [1, None, 23, 24, 25, 26, 27, None, 50] and many[0].numbers() == [1, 2, 3, None, 50]
    assert many[1].urls[1] == "forces/force-kent/page/2/" and paginate.paginate([], "years/year-2019.md")[0].items == ()


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory):
    """The seeds built with two requests to a page (one on a comparison page) and one in each preview: every list has pages."""
    root = copy_project(tmp_path_factory.mktemp("pages") / "p")
    saved = paginate.PER_PAGE, paginate.PREVIEW, compare.COMPARED
    paginate.PER_PAGE, paginate.PREVIEW, compare.COMPARED = 2, 1, 1
    try:
        build(root, site=True)
    finally:
        paginate.PER_PAGE, paginate.PREVIEW, compare.COMPARED = saved
    return root


def listed(html: str) -> list[str]:
    """The requests a list page links to from its table rows."""
    return re.findall(r'<td data-label="Request"><a href="(?:\.\./)+requests/([a-z0-9-]+)/"', html)


def test_every_request_is_on_exactly_one_page_of_each_list(small_pages):
    site = small_pages / "build" / "site"
    pages = [site / "requests" / "index.html"] + sorted((site / "requests" / "page").glob("*/index.html"))
    assert len(pages) == -(-len(IDS) // 2)  # every request, two a page
    found = [name for page in pages for name in listed(page.read_text(encoding="utf-8"))]
    assert sorted(found) == IDS and all(len(listed(p.read_text(encoding="utf-8"))) <= 2 for p in pages)
    second = (site / "requests" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert 'rel="prev"' in second and 'rel="next"' in second and 'aria-current="page"' in second
    south = sorted((site / "forces" / "force-south-yorkshire").rglob("index.html"))
    assert sum(len(listed(p.read_text(encoding="utf-8"))) for p in south) == 3 and len(south) == 2
    index = (site / "forces" / "index.html").read_text(encoding="utf-8")
    assert 'id="force-south-yorkshire"' in index and "All 3 requests (2 pages)" in index


def test_the_split_site_has_no_broken_link(small_pages):
    test_site_links.test_no_broken_internal_links(small_pages)


def test_comparison_pages_are_split_too(small_pages):
    site = small_pages / "build" / "site" / "compare" / "indecent-images"
    pages = [site / "index.html"] + sorted((site / "page").glob("*/index.html"))
    assert len(pages) >= 2
    found = [m for p in pages for m in re.findall(r'href="(?:\.\./)+requests/([a-z0-9-]+)/"', p.read_text(encoding="utf-8"))]
    assert "bedfordshire-foi2019-05348" in found and 'rel="next"' in pages[0].read_text(encoding="utf-8")


def test_the_labels_page_is_split_and_outcomes_stay_on_its_first_page(small_pages):
    site = small_pages / "build" / "site" / "labels"
    first, second = (site / "index.html").read_text(encoding="utf-8"), (site / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert "Outcome labels" in first and "Outcome labels" not in second and 'rel="prev"' in second


def test_the_outcome_labels_have_pages_of_their_own(small_pages):
    """The outcome labels grow with forces and requests too: their first page is a section of labels/, the rest follow
    at labels/outcomes/page/N/, and every label is on exactly one of them."""
    site = small_pages / "build" / "site" / "labels"
    first = (site / "index.html").read_text(encoding="utf-8")
    more = sorted((site / "outcomes" / "page").glob("*/index.html"), key=lambda p: int(p.parent.name))
    assert more and all("Offence labels" not in p.read_text(encoding="utf-8") for p in more)

    def rows(html: str) -> list[tuple[str, str]]:
        section = html.split('id="outcome-labels"', 1)[1]
        return re.findall(r"<tr><td>([^<]*)</td><td[^>]*>([^<]*)</td><td", section.split("<tbody>", 1)[1].split("</tbody>", 1)[0])
    found = [row for page in [first, *(p.read_text(encoding="utf-8") for p in more)] for row in rows(page)]
    listed = (small_pages / "build" / "datapackages" / "reference" / "outcome_labels.csv").read_text(encoding="utf-8").count("\n") - 1
    assert len(found) == len(set(found)) >= listed and all(len(rows(p.read_text(encoding="utf-8"))) <= 2 for p in more)
    assert f"Outcome labels 1–2 of {len(found)}" in first and 'href="../labels/outcomes/page/2/"' in first
    second = more[0].read_text(encoding="utf-8")
    assert 'href="../../../../labels/#outcome-labels" rel="prev"' in second and "outcome labels, page 2 of" in second


def test_a_kept_browse_page_is_keyed_by_its_whole_place_in_its_list(built, monkeypatch):
    """A kept page is reused when its key is unchanged; its pager says "1–2 of N", so N must be in the key (a request
    removed from a later page leaves the first page's items, number and page count as they were)."""
    from types import SimpleNamespace

    from scripts.site import compare, labels, paginate

    def first_key(pages) -> tuple:
        seen: list = []
        pages(lambda parts, make: seen.append(parts) or "")
        return seen[0]

    def answers(n):
        return [compare.Answer({"name": f"r{i}", "foi:request": {"topics": [{"code": "t"}], "force": {"code": "f"}}, "resources": []},
                               [], [], []) for i in range(n)]
    assert first_key(lambda memo: compare.topic_pages("t", "T", ["t"], answers(5), per_page=2, memo=memo)) != \
        first_key(lambda memo: compare.topic_pages("t", "T", ["t"], answers(6), per_page=2, memo=memo))  # page 1 of 3 either way

    def summaries(n):
        return [SimpleNamespace(name=f"r{i}", d={"foi:request": {"force": {"code": "f"}}}, outcomes=(),
                                offences=({"request": f"r{i}", "label": "x"},)) for i in range(n)]
    monkeypatch.setattr(paginate, "PER_PAGE", 2)
    assert first_key(lambda memo: labels.labels_pages(built, summaries(5), memo)) != \
        first_key(lambda memo: labels.labels_pages(built, summaries(6), memo))


def test_summaries_share_their_strings_and_keep_their_values(built):
    """Rendering holds every request's summary at once: unpickled, each would carry its own copy of every key, force
    and label (about 160 MB at 5,000 requests); shared, one copy. The values must not change."""
    import pickle

    from scripts.site import summary

    names = ["south-yorkshire-20180075", "south-yorkshire-20180799"]
    made = [summary.summarise(built, name) for name in names]
    loaded = [summary.shared(pickle.loads(pickle.dumps(s))) for s in made]
    assert loaded == made
    force = [s.d["foi:request"]["force"]["title"] for s in loaded]
    assert force[0] == force[1] == "South Yorkshire Police" and force[0] is force[1]
    copies: dict[str, set[int]] = {}
    for text in _strings(loaded):
        copies.setdefault(text, set()).add(id(text))
    assert sum(len(ids) == 1 for ids in copies.values()) > 50 and all(len(ids) == 1 for ids in copies.values())


def _strings(o):
    """Every string in an object (dict keys too), walking dataclasses, dicts, lists and tuples."""
    import dataclasses
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(o, (list, tuple)):
        for v in o:
            yield from _strings(v)
    elif dataclasses.is_dataclass(o):
        for f in dataclasses.fields(o):
            yield from _strings(getattr(o, f.name))
