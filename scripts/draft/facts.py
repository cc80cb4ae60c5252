"""Periods, systems, offence codes, topics and caveat candidates, each with the words of the text that give it."""
from __future__ import annotations

import calendar
import re

from ..curated import claims
from ..curated.load import slug

DATE = rf"(?:{claims.DAY}\s+{claims.MONTH},?\s+\d{{4}}|\d{{1,2}}[-./](?:\d{{1,2}}|[A-Za-z]{{3}})[-./]\d{{2,4}}|{claims.MONTH}\s+\d{{4}})"
RANGE = re.compile(rf"\b(?:between|from)\s+(?:the\s+)?(?P<a>{DATE})\s+(?:and|to|until|-|–)\s+(?:the\s+)?(?P<b>{DATE})", re.IGNORECASE)
SPAN = re.compile(rf"(?P<a>{DATE})\s*(?:-|–|to)\s*(?P<b>{DATE})", re.IGNORECASE)
SYSTEMS = ["CONNECT", "Connect", "CMS(ii)", "CMS", "Athena", "ATHENA", "Niche", "NICHE", "STORM", "Crime Information System"]
TOPICS = [("indecent-images", re.compile(r"indecent (?:images|photo)", re.IGNORECASE)), ("grooming", re.compile(r"\bgrooming\b", re.IGNORECASE)),
          ("sexual-communication", re.compile(r"sexual communication with a child", re.IGNORECASE)),
          ("outcome-21", re.compile(r"\bOutcome 21\b", re.IGNORECASE)),
          ("sexting", re.compile(r"\bsexting\b|youth produced sexual imagery", re.IGNORECASE)),
          ("child-sexual-exploitation", re.compile(r"\bchild sexual exploitation\b", re.IGNORECASE))]
CAVEATS = [("keyword-search", re.compile(r"\bkeywords?\b[^.]*\b(?:may not|not accurately)|free text", re.IGNORECASE)),
           ("system-change", re.compile(r"\b(?:changed|migrat\w*|new)\b[^.]*\bsystem\b[^.]*\b(?:compar|differ)", re.IGNORECASE)),
           ("unaudited-snapshot", re.compile(r"\b(?:live (?:system|data)|snapshot|unaudited|subject to change)\b", re.IGNORECASE)),
           ("search-limits", re.compile(r"limited search capability|unable to (?:electronically )?(?:retrieve|search|extract)", re.IGNORECASE)),
           ("overlapping-counts", re.compile(r"counted (?:in|under) more than one|(?:appear|included) in more than one (?:category|group|column)",
                                             re.IGNORECASE)),
           ("age-misrecorded", re.compile(r"\bage\b[^.]*\b(?:incorrectly recorded|over 18)", re.IGNORECASE)),
           ("small-numbers", re.compile(r"\b(?:low|small) numbers\b[^.]*\bidentif", re.IGNORECASE)),
           ("no-victim-details", re.compile(r"without victim details", re.IGNORECASE))]


def periods(lines: list[str]) -> list[dict]:
    """Date ranges the text writes ("between 01-JUL-2020 and 31-MAR-2021"), each read by the build's own rule."""
    out, seen = [], set()
    for line in [" ".join("\n".join(lines).split())]:  # a range may run over a line break; quotes may differ in whitespace
        for pattern in (RANGE, SPAN):
            for m in pattern.finditer(line):
                quote = m.group(0).strip()
                bounds = _bounds(m.group("a"), m.group("b"), quote)
                if bounds and bounds not in seen:
                    seen.add(bounds)
                    out.append({"label": f"{bounds[0]} to {bounds[1]}", "start": bounds[0], "end": bounds[1], "quote": quote})
    return out


def _bounds(first: str, last: str, quote: str) -> tuple[str, str] | None:
    """The start its first date gives and the end its second gives, read as exactly as written (a day before a month,
    a month before a year), and only when the build reads the quote the same way."""
    start, end = _bound(first, "start"), _bound(last, "end")
    if not start or not end or start > end or claims.period_problem(start, end, quote) is not None:
        return None
    return start, end


def _bound(text: str, which: str) -> str | None:
    full = claims.dates_in(text)
    if full:
        return next(iter(full)).isoformat()
    months = claims.months_in(text)
    if months:
        y, m = next(iter(months))
        day = 1 if which == "start" else calendar.monthrange(y, m)[1]
        return f"{y:04d}-{m:02d}-{day:02d}"
    return None


def systems(lines: list[str]) -> list[dict]:
    """Recording systems named in the text (a known list), each with the sentence that names it first."""
    out, named = [], set()
    for name in SYSTEMS:
        for line in lines:
            m = re.search(rf"(?<![\w(]){re.escape(name)}(?![\w])", line)
            if m and name.upper().removesuffix("(II)") not in named:
                named.add(name.upper().removesuffix("(II)"))
                out.append({"name": name.upper() if name.isupper() or name == "Connect" else name, "quote": sentence(line, m.start())})
                break
    return out


def offence_codes(found: list[tuple[int, str, str]], lines: list[str], asked: set[int] = frozenset()) -> list[dict]:
    """The Home Office codes the extractor found written in the text, each once, quoted from its line (the force's words first)."""
    out, seen = [], set()
    for n, code, _ in sorted(found, key=lambda f: (f[0] in asked, f[0])):
        if code in seen:
            continue
        seen.add(code)
        line = lines[n - 1]
        written = [w for w in (code, code.replace("/", ""), "0" + code) if w in line]
        at = line.find(written[0]) if written else 0
        out.append({"code": code, "basis": "stated", "quote": sentence(line, at)})
    return out


def class_codes(lines: list[str], offence_codes: dict[str, dict], have: set[str]) -> list[dict]:
    """Home Office classes written by number after 'class' ("Offence class 88A _ Sexual Grooming"), stated."""
    out = []
    for line in lines:
        for m in re.finditer(r"\bclass\s+(\d{2,3}[A-Z]?)\b", line):
            code = m.group(1)
            if code in offence_codes and code not in have:
                have = have | {code}
                out.append({"code": code, "basis": "stated", "quote": sentence(line, m.start())})
    return out


def named_codes(lines: list[str], offence_codes: dict[str, dict], have: set[str]) -> list[dict]:
    """Codes the text names by their Home Office title, not their number ("offence class – Sexual Grooming" is 88A;
    "Possessing Prohibited Images Of Children" is 86/15): basis implied, with the words that name them."""
    out = []
    for code, row in offence_codes.items():
        title = re.sub(r"\s+etc\.?$", "", row["title"].strip())
        if code in have or len(title) < 12:
            continue
        pattern = rf"offence class\s*[–-]\s*{re.escape(title)}" if row.get("kind") == "class" else rf"(?<!\w){re.escape(title)}(?!\w)"
        for line in lines:
            m = re.search(pattern, line, re.IGNORECASE)
            if m:
                words = m.group(0)
                out.append({"code": code, "basis": "implied", "quote": words,
                            "note": f"The text names the {'class' if row.get('kind') == 'class' else 'offence'} by its Home Office title "
                                    f"({title}); the code is not written."})
                break
    return out


def topics(text: str, codes: list[str]) -> list[str]:
    """Topics the text names in so many words (Outcome 21 more than in passing), or that its offence codes give."""
    by_code = {"indecent-images": ("86",), "grooming": ("88",), "sexual-communication": ("71/17",)}
    out = [name for name, pattern in TOPICS if len(pattern.findall(text)) >= (2 if name == "outcome-21" else 1)]
    out += [name for name, prefixes in by_code.items() if name not in out and any(c.startswith(p) for c in codes for p in prefixes)]
    return out


def caveats(lines: list[str], questions_at: set[int]) -> list[dict]:
    """Sentences that read like a caveat, each with the kind its words suggest (the curator confirms or drops each)."""
    out, taken = [], set()
    for n, line in enumerate(lines, 1):
        if n in questions_at:
            continue
        for kind, pattern in CAVEATS:
            for m in pattern.finditer(line):
                quote = sentence(line, m.start())
                if quote in taken:
                    continue
                taken.add(quote)
                out.append({"id": f"{kind}-{len(out) + 1}", "kind": kind, "quote": quote, "applies_to": ["package"]})
    return out


def sentence(line: str, at: int) -> str:
    """The sentence of a line that holds position `at` (the whole line when it is one sentence)."""
    text = line.strip()
    at = max(0, at - (len(line) - len(line.lstrip())))
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at))
    end = text.find(". ", at)
    return text[start + 2 if start >= 0 else 0: end + 1 if end >= 0 else len(text)].strip()


def slugged(text: str) -> str:
    return slug(text)[:40].strip("-")
