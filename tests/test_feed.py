"""The Atom feed of new and corrected responses: valid Atom 1.0 (RFC 4287), every seed in it, dated by curation, same bytes."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import feedparser

from scripts.site.feed import ATOM, feed_xml
from .conftest import COLLECTION

SEEDS = {"bedfordshire-foi2019-05348", "hertfordshire-foi2018-00739", "south-yorkshire-20180075", "south-yorkshire-20180799",
         "south-yorkshire-20210999"}
REQUESTS = set(COLLECTION)  # the seeds, and every real response curated since
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def test_the_feed_is_atom_and_lists_every_seed(site_root):
    site = site_root / "build" / "site"
    data = (site / "feed.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (or every entry has one)
    root = ET.fromstring(data)
    assert root.tag == f"{{{ATOM}}}feed"
    for el in [root, *root.findall(f"{{{ATOM}}}entry")]:
        for tag in ("id", "title", "updated"):
            assert len(el.findall(f"{{{ATOM}}}{tag}")) == 1, (el.tag, tag)
        assert RFC3339.match(el.find(f"{{{ATOM}}}updated").text)
        assert el.findall(f"{{{ATOM}}}author") and all(a.find(f"{{{ATOM}}}name").text for a in el.findall(f"{{{ATOM}}}author"))
    assert [x.get("href") for x in root.findall(f"{{{ATOM}}}link") if x.get("rel") == "self"] == ["https://foi-data.example/feed.xml"]
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)
    # every request (the seeds among them) is a new response, linking to its page; each later version says what changed
    new = {e.link.rstrip("/").rsplit("/", 1)[-1]: e for e in parsed.entries if e.title.startswith("New response: ")}
    assert set(new) == REQUESTS
    for name in REQUESTS:
        assert (site / "requests" / name / "index.html").is_file()
    corrections = [e for e in parsed.entries if e.title.startswith("Version ")]
    versions = 0  # every version after the first, as the collection's packages list them
    for name in REQUESTS:
        d = json.loads((site_root / "build" / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8"))
        versions += max(len(d.get("foi:changes") or []) - 1, 0)
    assert len(corrections) == versions and versions >= 5 and all(e.summary.startswith(f"What changed in version {e.title.split(':')[0].split()[1]}: ")
                                         for e in corrections)


def test_the_feed_is_dated_by_curation_and_the_same_bytes_every_time(site_root):
    packages = site_root / "build" / "datapackages"
    dates = set()
    for name in SEEDS:
        d = json.loads((packages / name / "datapackage.json").read_text(encoding="utf-8"))
        dates |= {c["date"] for c in d.get("foi:changes", [])} | {d["created"][:10]}
    parsed = feedparser.parse(feed_xml(packages, "https://foi-data.example/", "Site"))
    assert {e.updated[:10] for e in parsed.entries} <= dates
    assert feed_xml(packages, "x/", "Site") == feed_xml(packages, "x/", "Site")
    assert (site_root / "build" / "site" / "feed.xml").read_bytes() == feed_xml(
        packages, "https://foi-data.example/", "UK police FOI responses on child sexual abuse offences")


def test_every_page_links_the_feed(site_root):
    site = site_root / "build" / "site"
    for page in ("index.html", "requests/bedfordshire-foi2019-05348/index.html", "glossary/index.html", "404.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="[^"]*feed\.xml"', text), page
