"""One synthetic request: a response letter, its request.yaml and its tidy tables, consistent with each other."""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import words
from .tables import SHEET, TOTAL, Draft, make_tables
from .xlsx import xlsx_bytes


@dataclass
class Codes:
    """The codes of the reference lists the generator may use."""

    forces: list[tuple[str, str]]
    topics: list[str]
    statuses: list[str]
    kinds: dict[str, str]  # code -> description
    offences: set[str]


@dataclass
class Letter:
    """response.txt as a growing list of lines, with the line number of whatever is added."""

    lines: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> int:
        """Append lines; return the 1-based number of the first."""
        self.lines.extend(lines)
        return len(self.lines) - len(lines) + 1

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def spoken(day: date) -> str:
    """A date as letters write it: 17th September 2019."""
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix} {words.MONTHS[day.month - 1]} {day.year}"


def reference(i: int, force_index: int, year: int) -> str:
    """A reference in one of the forms forces use; the index keeps it unique."""
    style = force_index % 4
    if style == 0:
        return f"FOI{year}/{i:05d}"
    if style == 1:
        return f"{year}{i:05d}"
    if style == 2:
        return f"FOI {i:05d}-{year % 100:02d}"
    return f"CS/{year}/{i:05d}"


class Composer:
    """Writes request number `i` (the same i always gives the same request)."""

    def __init__(self, i: int, codes: Codes):
        self.i, self.codes = i, codes
        self.rng = random.Random(f"synth-request-{i}")
        family = i // 5 if i % 50 < 10 else None  # one request in five belongs to a round-robin family of five
        self.family = f"synthetic-round-robin-{family}" if family is not None else None
        self.qrng = random.Random(f"synth-family-{family}") if family is not None else self.rng
        self.force_index = i % len(codes.forces)
        self.force_code, self.force_title = codes.forces[self.force_index]
        self.year = 2016 + self.qrng.randint(0, 8)
        self.responded = date(self.year, 1, 1) + timedelta(days=self.qrng.randint(45, 330))
        self.received = self.responded - timedelta(days=self.rng.randint(10, 40))
        self.ref = reference(i, self.force_index, self.year)
        self.stated = self.rng.random() > 0.1
        self.letter = Letter()

    # ---- the parts of the letter -------------------------------------------------------

    def topics(self) -> list[str]:
        topics = self.codes.topics
        first = topics[self.i % len(topics)]
        return [first] + [t for t in self.qrng.sample(topics, self.qrng.randint(0, 2)) if t != first]

    def questions(self, topics: list[str], years: list[str]) -> list[dict]:
        statuses = self.codes.statuses
        out = []
        for j in range(self.qrng.randint(2, 7)):
            topic = words.TOPIC_WORDS.get(topics[j % len(topics)], topics[j % len(topics)].replace("-", " "))
            text = (f"How many crimes relating to {topic} were recorded by your force between {years[0]} and {years[-1]}"
                    f"{', broken down by age' if j % 2 else ''}?")
            status = "answered" if j == 0 else statuses[(self.i + j) % len(statuses)]
            out.append({"id": str(j + 1), "text": text, "status": status})
        return out

    def compose(self) -> tuple[str, dict, dict[str, bytes]]:
        """response.txt, request.yaml (as data) and the tables' CSVs."""
        rng, a = self.rng, self.letter
        topics = self.topics()
        years = [str(y) for y in range(self.year - self.qrng.randint(1, 3), self.year)]
        start, end = date(int(years[0]), 1, 1), date(int(years[-1]), 12, 31)
        questions = self.questions(topics, years)
        email = f"foi@{self.force_code}.pnn.police.uk"
        a.add("", "Information Rights", f"{self.force_title if self.stated else 'Information Management Unit'}",
              f"Email: {email}", "", spoken(self.responded), "", f"Our Ref: {self.ref}", "",
              f"REQUEST UNDER THE FREEDOM OF INFORMATION ACT 2000 Ref No: {self.ref}", "",
              f"I write in connection with your request for information received on {spoken(self.received).rsplit(' ', 1)[0]}. "
              "I note you seek access to the following information:", "")
        period_quote = f"covering {spoken(start)} to {spoken(end)}"
        a.add(f"All questions relate to the period {period_quote}.", "")
        for q in questions:
            a.add(f"{q['id']}. {q['text']}")
        a.add("", "RESPONSE", "")
        sections = {}
        for q in questions:
            quote = words.FATES.get(q["status"], "Q{n} – " + q["status"].replace("-", " ") + ".").format(n=q["id"])
            a.add(quote)
            q["quote"] = quote
            if q["status"] == "exempt":
                sections[q["id"]] = rng.choice(words.SECTIONS)
        a.add("")
        system = rng.choice(words.SYSTEMS)
        a.add(f"The figures were extracted from {system}, the force's crime recording system.", "")
        drafts = make_tables(rng, years, rng.choice([0, 1, 1, 2, 2, 3, 4]))
        placed = []
        for d in drafts:
            if d.source:
                a.add(f"The figures by offence and year are set out in the attached spreadsheet ({d.source.split('/')[-1]}).", "")
                placed.append((d, 0))
                continue
            first = a.add(*d.lines)
            a.add(f"Source: {system}", "")
            placed.append((d, first))
        caveats = self.caveats(placed, questions)
        code_lines = self.code_sentences(topics, placed)
        if rng.random() < 0.05:
            a.add("ANNEX", "", *[words.APPENDIX.format(n=n) for n in range(1, rng.randint(150, 600))], "")
        review = f"{self.force_title if self.stated else 'The force'} provides you the right to request an independent review of this response."
        a.add("Yours sincerely", "", "Information Rights", "", review)
        text = a.text()
        files = {d.source: xlsx_bytes(SHEET, d.sheet) for d, _ in placed if d.source}
        meta = self.yaml(topics, questions, sections, placed, caveats, code_lines, years, start, end, system, email, review, text)
        self.held(meta, files)
        files.update({f"tables/{name}.csv": self.csv(d, first) for (d, first), name in zip(placed, self.table_names(placed))})
        return text, meta, files

    @staticmethod
    def held(meta: dict, files: dict[str, bytes]) -> None:
        """Declare each held attachment (files:) and point an attachments entry at it."""
        if not files:
            return
        meta["files"] = [{"path": path, "description": "Spreadsheet attached to the letter (synthetic)",
                          "sha256": hashlib.sha256(data).hexdigest(), "url": None, "licence": "not stated"} for path, data in files.items()]
        held = [{"description": "Spreadsheet of offences by year", "file": path,
                 "quote": f"The figures by offence and year are set out in the attached spreadsheet ({path.split('/')[-1]})."} for path in files]
        meta["attachments"] = meta.get("attachments", []) + held
        order = list(meta)  # files: after attachments, as curators write them
        if "files" in order:
            items = {k: meta.pop(k) for k in order[order.index("attachments") + 1:] if k != "files"}
            meta.update(items)

    def caveats(self, placed: list[tuple[Draft, int]], questions: list[dict]) -> list[dict]:
        """One to five caveats of kinds taken in turn, each said once in the letter, each applying to something real."""
        kinds = list(self.codes.kinds)
        chosen = [kinds[(self.i * 3 + j) % len(kinds)] for j in range(self.rng.randint(1, 5))]
        names = self.table_names(placed)
        out = []
        for j, kind in enumerate(dict.fromkeys(chosen)):
            quote = words.CAVEATS.get(kind) or self.codes.kinds[kind]
            self.letter.add(quote)
            targets = ["package"]
            if names and j % 3 == 1:
                targets = [f"table:{names[j % len(names)]}"]
            elif names and j % 3 == 2:
                d = placed[j % len(names)][0]
                targets = [f"field:{names[j % len(names)]}.{d.dim_names[0]}"]
            elif j % 4 == 3:
                targets = [f"question:{questions[-1]['id']}"]
            out.append({"id": f"{kind}-{j + 1}", "kind": kind, "quote": quote, "applies_to": targets})
        self.letter.add("")
        return out

    def code_sentences(self, topics: list[str], placed: list[tuple[Draft, int]]) -> dict:
        """Offence codes and outcome types: mapped from table labels where tables name offences, else stated in a sentence."""
        offences, outcomes = [], []
        labels: dict[str, list[str]] = {}
        in_letter: set[str] = set()
        for d, _ in placed:
            if "offence" in d.dim_names:
                for label in sorted(d.labels_of("offence")):
                    code = next(c for c, text in words.OFFENCES if text == label)
                    if label not in labels.setdefault(code, []):
                        labels[code].append(label)
                    if not d.source:
                        in_letter.add(label)
        for code, items in sorted(labels.items()):
            if code not in self.codes.offences:
                continue
            quote = next((x for x in items if x in in_letter), None)
            if quote:
                offences.append({"code": code, "basis": "implied", "quote": quote, "labels": items,
                                 "note": "The label matches the Home Office title of the code; the code is not written."})
            else:
                quote = f"The spreadsheet counts offences under Home Office code {code}."
                self.letter.add(quote, "")
                offences.append({"code": code, "basis": "stated", "quote": quote, "labels": items})
        if not offences and "indecent-images" in topics and "86/2" in self.codes.offences:
            quote = "The figures relate to Home Office offence code 86/2."
            self.letter.add(quote, "")
            offences.append({"code": "86/2", "basis": "stated", "quote": quote})
        if "outcome-21" in topics:
            quote = "The figures include crimes finalised with Outcome 21."
            self.letter.add(quote, "")
            outcomes.append({"code": "21", "basis": "stated", "quote": quote})
        return {"offence_codes": offences, "outcome_types": outcomes}

    # ---- request.yaml and the CSVs ----------------------------------------------------

    @staticmethod
    def table_names(placed: list[tuple[Draft, int]]) -> list[str]:
        return [f"{slug(d.title)[:40].strip('-')}-{n + 1}" for n, (d, _) in enumerate(placed)]

    def yaml(self, topics, questions, sections, placed, caveats, codes, years, start, end, system, email, review, text) -> dict:
        rng = self.rng
        evidence = [{"quote": review}, {"quote": f"Email: {email}"}] if self.stated else [
            {"quote": f"Ref No: {self.ref}", "note": "The reference format is the force's; the text does not name it."}]
        phrase = words.TOPIC_WORDS.get(topics[0], topics[0])
        meta = {
            "title": f"{phrase[0].upper()}{phrase[1:]}, {self.force_title}, {years[0]} to {years[-1]} (synthetic)",
            "summary": f"A synthetic response for benchmarks: {self.force_title} answers questions about {phrase}"
                       f"{' with tables of figures' if placed else ''}. Never published.",
        }
        if self.family:
            meta["family"] = self.family
        meta.update({
            "reference": {"value": self.ref, "quote": f"Our Ref: {self.ref}"},
            "force": {"code": self.force_code, "attribution": "stated" if self.stated else "inferred", "evidence": evidence},
            "topics": topics,
            "dates": {"received": {"date": self.received.isoformat(), "quote": f"received on {spoken(self.received).rsplit(' ', 1)[0]}",
                                   "basis": "inferred", "note": "The year is taken from the response date."},
                      "response": {"date": self.responded.isoformat(), "quote": spoken(self.responded), "basis": "stated"}},
            "periods": [{"label": "Requested", "start": start.isoformat(), "end": end.isoformat(),
                         "quote": f"covering {spoken(start)} to {spoken(end)}"}],
            "systems": [{"name": system, "quote": f"The figures were extracted from {system}"}],
            **{k: v for k, v in codes.items() if v},
            "source": {"title": f"{self.force_title} response to FOI request {self.ref} (synthetic)",
                       "url": None if rng.random() < 0.5 else f"https://www.example.org/foi/{slug(self.ref)}",
                       "sha256": hashlib.sha256(text.encode()).hexdigest(), "accessed": "2026-11-21",
                       "licence": rng.choice(["not stated", "Open Government Licence v3.0"])},
            "curation": {"curator": "Synthetic benchmark generator", "curated": "2026-11-22", "version": rng.choice(["1.0.0", "1.1.0", "1.0.1"])},
        })
        if any(q["status"] == "answered-in-attachment" for q in questions):
            meta["attachments"] = [{"description": "Spreadsheet with the figures", "quote": "the enclosed spreadsheet"}]
        meta["questions"] = [{"id": q["id"], "text": q["text"], "status": q["status"], "quote": q["quote"],
                              **({"section": sections[q["id"]]} if q["id"] in sections else {})} for q in questions]
        meta["caveats"] = caveats
        meta["tables"] = [self.table_meta(d, name, system) for (d, _), name in zip(placed, self.table_names(placed))]
        for table in meta["tables"]:  # a caveat of kind overlapping-counts on a table decides it: not additive (scripts/curated/sums.py)
            if table.get("sums", {}).get("additive") and any(
                    c["kind"] == "overlapping-counts" and any(t == "package" or t == f"table:{table['name']}" or t.startswith(f"field:{table['name']}.")
                                                               for t in c["applies_to"]) for c in caveats):
                table["sums"] = {"additive": False, "reason": "overlapping"}
        return meta

    @staticmethod
    def table_meta(d: Draft, name: str, system: str) -> dict:
        meta = {"name": name, "path": f"tables/{name}.csv", "title": d.title, "description": f"{d.title}, as the force printed it.",
                "measure": d.measure, "period": "Requested", "system": system, "layout": {"rows": d.rows_layout, "columns": d.columns_layout},
                "dimensions": [{"name": n, "title": t, "description": desc} for n, t, desc in d.dims]}
        if d.mismatches:
            meta["mismatches"] = d.mismatches
        # the build cannot tell (no stated total, or one that does not reconcile; scripts/curated/sums.py): say it, as a curator must
        if len(d.rows) > 1 and (d.mismatches or not any(TOTAL in labels for labels, *_ in d.rows)):
            overlapping = {"keyword", "platform"} & set(d.dim_names)
            meta["sums"] = {"additive": False, "reason": "overlapping"} if overlapping else {"additive": True}
        if d.source:
            meta = {"name": meta.pop("name"), "path": meta.pop("path"), "source": d.source, **meta}
        return meta

    @staticmethod
    def csv(d: Draft, first: int) -> bytes:
        """The tidy CSV: each row cites its line of the letter, or its sheet and cell of the attachment."""
        import csv
        import io
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(d.dim_names + ["value", "status"] + (["sheet", "cell"] if d.source else ["line"]))
        for labels, value, status, where in d.rows:
            writer.writerow([*labels, "" if value is None else value, status, *([SHEET, where] if d.source else [first + where])])
        return buf.getvalue().encode()


__all__ = ["TOTAL", "Codes", "Composer"]
