"""An Atom feed (RFC 4287) of new responses and of new versions of them, so readers can follow the collection.

Made from the published packages: a request's first version is a "new response" entry, each later version an entry
saying what changed (the curation's `changes`, foi:changes in the package). Every date is a curation date, never the
clock, and entries are in a fixed order, so the same packages give the same bytes. Ids are URNs made from the request
and version, so they outlive a change of the site's address; links are made from site_url.
"""
from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

ATOM = "http://www.w3.org/2005/Atom"
NAMESPACE = uuid.UUID("2b8f5a52-5d0c-5b8e-9d1e-6f6f69646174")  # this project's: ids stay the same across builds


def _id(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _when(date: str) -> str:
    return date[:10] + "T00:00:00Z"


def entries(packages: Path) -> list[dict]:
    """Every request's versions as feed entries, newest first (then by request and version, for a fixed order)."""
    catalog = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))["packages"]
    out = []
    for p in catalog:
        if p["name"] in ("all", "reference"):
            continue
        d = json.loads((packages / p["path"]).read_text(encoding="utf-8"))
        req = d["foi:request"]
        curator = next((c["title"] for c in d.get("contributors", []) if "dataCurator" in c.get("roles", [])), "")
        changes = d.get("foi:changes") or [{"version": d["version"], "date": d["created"][:10], "note": ""}]
        about = f"{req['force']['title']}, reference {req['reference']}."
        for i, change in enumerate(changes):
            first = i == 0
            title = (f"New response: {d['title']}" if first else f"Version {change['version']}: {d['title']}")
            summary = (f"{about} {d.get('description', '')}" if first else f"What changed in version {change['version']}: {change['note']} ({about})")
            out.append({"id": _id(d["name"], change["version"]), "name": d["name"], "version": change["version"],
                        "title": title, "updated": _when(change["date"]), "summary": " ".join(summary.split()),
                        "author": curator or req["force"]["title"], "force": req["force"]["title"]})
    return sorted(out, key=lambda e: (e["updated"], e["name"], tuple(int(x) for x in e["version"].split("."))), reverse=True)


def feed_xml(packages: Path, site_url: str, site_name: str) -> bytes:
    """The feed's bytes: UTF-8 XML, entries newest first; links are site_url's (relative to the feed when it is unset)."""
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attrs.items()})
        if text is not None:
            el.text = text
        return el

    items = entries(packages)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    sub(feed, "id", _id("feed"))
    sub(feed, "title", f"{site_name}: new and corrected responses")
    sub(feed, "subtitle", "Each police response when it is added to the collection, and each new version of it, with what changed.")
    sub(feed, "updated", max((e["updated"] for e in items), default="1980-01-01T00:00:00Z"))
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml")
    sub(feed, "link", rel="alternate", type="text/html", href=site_url or "./")
    author = sub(feed, "author")
    sub(author, "name", site_name)
    for e in items:
        entry = sub(feed, "entry")
        sub(entry, "id", e["id"])
        sub(entry, "title", e["title"])
        sub(entry, "updated", e["updated"])
        sub(entry, "link", rel="alternate", type="text/html", href=f"{site_url}requests/{e['name']}/")
        a = sub(entry, "author")
        sub(a, "name", e["author"])
        sub(entry, "category", term=e["force"])
        sub(entry, "summary", e["summary"], type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
