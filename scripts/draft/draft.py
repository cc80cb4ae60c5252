"""Put the draft together: every part proposed from one response text (and its address), with the list of what is blank."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..curated.reference import load_reference
from ..extract import extract
from . import facts, identity, questions as q, tables as t


def draft(text_path: Path, url: str | None, reference: Path) -> tuple[dict, dict[str, list[dict]], list[str]]:
    """The draft's fields, the rows of each proposed table (by name), and what was left blank."""
    data = text_path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    text = data.decode("utf-8")
    lines = text.split("\n")
    ref = load_reference(reference)
    blanks: list[str] = []
    fields: dict = {"draft": True, "title": None, "summary": None}
    blanks.append("title, summary: plain words for a reader, yours to write (numbers only as the response writes them)")
    fields["reference"], b = identity.reference(lines, url, sha)
    blanks += b
    fields["force"], b = identity.force(lines, url, ref.codes("forces"))
    blanks += b
    result = extract(data)
    found, asked_blanks = q.questions(lines)
    codes = facts.offence_codes(result.codes, lines, {x["line"] for x in found})
    codes += facts.class_codes(lines, ref.codes("offence_codes"), {c["code"] for c in codes})
    codes += facts.named_codes(lines, ref.codes("offence_codes"), {c["code"] for c in codes})
    fields["topics"] = facts.topics(text, [c["code"] for c in codes]) or None
    if not fields["topics"]:
        blanks.append("topics: none recognised; choose from datapackages/reference/topics.csv")
    fields["dates"], b = identity.dates(lines)
    blanks += b
    fields["periods"] = facts.periods(lines)
    fields["systems"] = facts.systems(lines)
    fields["offence_codes"] = codes
    fields["source"] = {"title": None, "url": url, "sha256": sha, "accessed": None, "licence": "not stated"}
    blanks.append("source.title and source.accessed (the date you saved the text); source.licence if the force states one")
    fields["curation"] = {"curator": None, "curated": None, "version": "1.0.0"}
    blanks.append("curation.curator and curation.curated")
    blanks += asked_blanks
    after = max((x["line"] for x in found), default=0) + 1
    fields["questions"] = []
    for item in found:
        answer, why = q.status(item["id"], lines, after)
        if why:
            blanks.append(why)
        fields["questions"].append({"id": item["id"], "text": item["text"], "status": answer.get("status"),
                                    **({"section": answer["section"]} if "section" in answer else {}), "quote": answer.get("quote")})
    fields["caveats"] = facts.caveats(lines, {x["line"] for x in found})
    if fields["caveats"]:
        blanks.append(f"caveats: {len(fields['caveats'])} candidate(s) by their words; confirm each kind and what it applies_to, drop the rest")
    blanks += _cut_off(lines)
    fields["tables"], rows = [], {}
    for table in result.proposals:
        if not table.rows:
            continue
        meta, table_rows, b = t.declare(table, ref.codes("dimensions"))
        fields["tables"].append(meta)
        rows[meta["name"]] = table_rows
        blanks += b
    return fields, rows, blanks


def _cut_off(lines: list[str]) -> list[str]:
    """A text that ends mid-sentence may be only part of the response: the curator says so, and what it cuts off."""
    last = next(((n, line.strip()) for n, line in reversed(list(enumerate(lines, 1))) if line.strip()), None)
    if last is None or re.search(r"""[.!?:;)"'\]’”]\**$""", last[1]):
        return []
    return [f"response.txt ends mid-sentence (line {last[0]}: {last[1][-40:]!r}): is it the whole response? If you hold only part, say "
            "so in source.partial, and give each question it cuts off status not-addressed with a note"]
