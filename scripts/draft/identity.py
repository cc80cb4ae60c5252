"""Reference, force and dates: from the text when it states them, else from the address it was published at."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from ..curated import claims
from ..curated.load import our_reference

REF = re.compile(r"\b(?:Our\s+Ref(?:erence)?|Ref(?:erence)?(?:\s*(?:No|Number))?|FOI\s+Ref(?:erence)?(?:\s*No)?|Request\s+(?:No|Number))"
                 r"\.?\s*[:\-–]?\s*((?:[A-Z]{1,6}\s?)?\d[\w/.\-]*\w|\d)", re.IGNORECASE)
HEADING_REF = re.compile(r"\(((?:[A-Za-z]{1,6}[\s-]?)?\d+[_/\-]\d+[a-z]?)\)\s*$")
URL_REF = re.compile(r"(?:^|[/-])((?:foi|ref)[-_]?\d+[-_/]\d+|\d+[_]\d+|\d+[a-z]-\d+)(?=$|[-/])", re.IGNORECASE)
RECEIVED = re.compile(rf"received\s+(?:on\s+)?(?:the\s+)?({claims.DAY}\s+{claims.MONTH}(?:,?\s+\d{{4}})?)", re.IGNORECASE)


def reference(lines: list[str], url: str | None, sha256: str) -> tuple[dict, list[str]]:
    """The reference the text states, else the one its address gives, else an id of ours (never an invented one)."""
    for line in lines:
        m = REF.search(line)
        if m:
            return {"value": m.group(1), "quote": m.group(0).strip()}, []
    for line in lines[:3]:
        m = HEADING_REF.search(line.strip())
        if m:
            return {"value": m.group(1), "quote": line.strip()}, []
    if url:
        path = urlsplit(url).path.rstrip("/")
        for segment in reversed(path.split("/")):
            m = URL_REF.search(segment)
            if m:
                return {"value": m.group(1), "basis": "from-source", "from": "url", "quote": segment}, []
    return {"value": our_reference(sha256), "basis": "ours",
            "note": "No reference in the text or its address: an id of ours."}, ["reference: none found; an id of ours is proposed"]


def _initials(title: str) -> str:
    words = [w for w in title.split() if w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def force(lines: list[str], url: str | None, forces: dict[str, dict]) -> tuple[dict | None, list[str]]:
    """The one force the text names (a headquarters address does not count), else the one its address names."""
    named: dict[str, tuple[int, str]] = {}
    for n, line in enumerate(lines, 1):
        for code, row in forces.items():
            for name in (row["title"], _initials(row["title"])):
                if not name:
                    continue
                m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!\s+Headquarters)", line)
                if m and code not in named:
                    named[code] = (n, line.strip())
    if len(named) == 1:
        code, (_, line) = next(iter(named.items()))
        return {"code": code, "attribution": "stated", "evidence": [{"quote": _sentence(line, forces[code], code)}]}, []
    if len(named) > 1:
        return None, [f"force: the text names {len(named)} forces ({', '.join(sorted(named))}); say which answered"]
    if url:
        parts = urlsplit(url)
        for piece in [parts.netloc] + [p for p in parts.path.split("/") if p]:
            squashed = piece.lower()
            for code in forces:
                if code in squashed or code.replace("-", "") in squashed.replace("-", ""):
                    return {"code": code, "attribution": "from-source", "evidence": [
                        {"quote": piece, "from": "url", "note": "The response was published at this address."}]}, []
    return None, ["force: the text names no force and the address (URL=) none either; infer it from the wording, with evidence"]


def _sentence(line: str, row: dict, code: str) -> str:
    """The words around a force's name on its line (the whole line when short)."""
    if len(line) <= 160:
        return line
    at = line.find(row["title"]) if row["title"] in line else 0
    start = line.rfind(". ", 0, at) + 2 if line.rfind(". ", 0, at) >= 0 else 0
    end = line.find(". ", at)
    return line[start: end + 1 if end >= 0 else len(line)].strip()


def dates(lines: list[str]) -> tuple[dict, list[str]]:
    """The response date (a full date on a line of its own, or after Date:, near the top) and the date received."""
    out, blank = {}, []
    for line in lines[:40]:
        text = line.strip()
        if re.search(r"\b(?:request|requested|received|submitted)\b", text, re.IGNORECASE):
            continue  # "Date of request: 7 November 2022" dates the request, never the response
        bare = re.sub(r"^(?:Date|Dated)\s*:?\s*", "", text, flags=re.IGNORECASE)
        found = claims.dates_in(bare)
        if len(found) == 1 and len(bare) <= 30:
            day = next(iter(found))
            out["response"] = {"date": day.isoformat(), "quote": bare, "basis": "stated"}
            break
    if "response" not in out:
        blank.append("dates.response: no date on a line of its own near the top; the citation will say undated")
    text = "\n".join(lines)
    m = RECEIVED.search(text)
    if m:
        quote = " ".join(m.group(0).split())
        written = claims.dates_in(m.group(1))
        if written:
            out["received"] = {"date": next(iter(written)).isoformat(), "quote": quote, "basis": "stated"}
        elif "response" in out:
            sent = dt.date.fromisoformat(out["response"]["date"])
            month, day = next(iter(claims.day_months_in(m.group(1))))
            year = sent.year if (month, day) <= (sent.month, sent.day) else sent.year - 1
            try:
                got = dt.date(year, month, day)
            except ValueError:
                got = None
            if got:
                out["received"] = {"date": got.isoformat(), "quote": quote, "basis": "inferred",
                                   "note": "The year is not written: the latest such date on or before the response date."}
    return out, blank
