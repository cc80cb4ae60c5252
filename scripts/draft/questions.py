"""Every numbered question of the request, verbatim, and each answer's status with the sentence that shows it."""
from __future__ import annotations

import re

ITEM = re.compile(r"^\s*(?:[-*•]\s*)?(?:Q(?:uestion)?\s*)?(\d{1,2}[a-h]?|[a-h])\s*(?:[.):]|\s[-–])\s*(?P<text>.*?[A-Za-z].*?)\s*\**\s*$")
ANSWER = r"^\s*(?:[-*•]\s*)?(?:Q(?:uestion)?\s*{id}\b|{id}\s*[.):]|{id}\s+[-–])"
# "In relation to questions 1, 4, 5 and 6, ...": an answer headed by the questions it answers, anywhere on its line
RELATION = (r"\b(?:in relation to|in response to|in answer to|regarding|with regard to|turning to)\s+(?:your\s+)?questions?\s+"
            r"(?:\d{{1,2}}[a-h]?\s*(?:,|and|&)\s*)*{id}\b")
SECTION = re.compile(r"\bSection\s*(\d+)\s*\(\s*(\d+)\s*\)", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]*[.!?]?")
RULES = [  # (status, words that show it), strongest first
    ("refused-cost", re.compile(r"exceed[^.]*(?:cost|appropriate limit|18 hours)|Section 12\b", re.IGNORECASE)),
    ("not-held", re.compile(r"\b(?:is|are) not held\b|\bdoes not hold\b|\bno information (?:is )?held\b", re.IGNORECASE)),
    ("exempt", re.compile(r"\bexempt\b|neither confirm nor deny", re.IGNORECASE)),
    ("answered-in-attachment", re.compile(r"\b(?:attached|enclosed)\b", re.IGNORECASE)),
    ("answered", re.compile(r"\btables? below\b|\bare as follows\b", re.IGNORECASE)),
]
LIMITED = re.compile(r"\b(?:unable to|not able to|cannot|can not)\b", re.IGNORECASE)  # figures given, but not all of them


def questions(lines: list[str]) -> tuple[list[dict], list[str]]:
    """Numbered items of the request (1., 2a, a) under 2, Q3 -), each with its text as written; stops at a repeated number."""
    out: list[dict] = []
    seen: set[str] = set()
    last_number = ""
    for n, line in enumerate(lines, 1):
        m = ITEM.match(line)
        if not m or re.fullmatch(r"[\d\s,.–-]+", m.group("text")):
            continue
        label = m.group(1)
        qid = label if label[0].isdigit() else (last_number + label if last_number else "")
        if not qid:
            continue
        if qid in seen:
            break  # the answers, numbered as the questions were
        if label[0].isdigit() and last_number and int(re.match(r"\d+", label).group()) < int(last_number):
            break  # numbering starts again lower ("1a)" after question 3): the answers
        if label[0].isdigit():
            last_number = re.match(r"\d+", label).group()
        seen.add(qid)
        out.append({"id": qid, "text": m.group("text").rstrip("*").strip(), "line": n})
    if not out:
        out = _unnumbered(lines)
        if out:
            return out, ["questions: the request numbers no questions; each paragraph asking for something is proposed, "
                         "numbered 1, 2, ... in order (check that each is a question, and none is missed)"]
    blank = [] if out else ["questions: no numbered questions found; copy each question verbatim, with the number the request gives"]
    return out, blank


START = re.compile(r"seek access to the following|following information|request the following", re.IGNORECASE)
STOP = re.compile(r"^\s*(?:I am required by|RESPONSE\b|Response\b|Answer\b)", re.IGNORECASE)
ASKS = re.compile(r"^\s*(?:please|could you|can you|for each|i would like)\b|\?\**\s*$", re.IGNORECASE)


def _unnumbered(lines: list[str]) -> list[dict]:
    """A request written as paragraphs: those that ask (please ..., could you ..., a question mark), numbered in order."""
    start = next((n for n, line in enumerate(lines, 1) if START.search(line)), None)
    if start is None:
        return []
    out = []
    for n in range(start + 1, len(lines) + 1):
        line = lines[n - 1]
        if STOP.match(line):
            break
        if ASKS.search(line) and not START.search(line):
            out.append({"id": str(len(out) + 1), "text": line.strip().rstrip("*").strip(), "line": n})
    return out


def status(qid: str, lines: list[str], after: int) -> tuple[dict, str | None]:
    """The answer that starts with this question's number after the request, classified by its words; else left blank."""
    start = next((n for n in range(after, len(lines) + 1) if re.match(ANSWER.format(id=re.escape(qid)), lines[n - 1], re.IGNORECASE)
                  or re.search(RELATION.format(id=re.escape(qid)), lines[n - 1], re.IGNORECASE)), None)
    if start is None:
        return {}, f"questions[{qid}].status: no answer headed {qid} found; read the response and give its status and quote"
    block = [lines[start - 1]]
    for n in range(start + 1, min(start + 12, len(lines) + 1)):
        if re.match(r"^\s*(?:[-*•]\s*)?(?:Q(?:uestion)?\s*\d|\d+[a-z]?\s*[.):])", lines[n - 1]) or \
                re.search(RELATION.format(id=r"\d{1,2}[a-h]?"), lines[n - 1], re.IGNORECASE):
            break
        block.append(lines[n - 1])
    text = " ".join(" ".join(block).split())
    for name, pattern in RULES:
        m = pattern.search(text)
        if m:
            out = {"status": name, "quote": _sentence_at(text, m.start())}
            if name == "answered" and LIMITED.search(text):
                return {}, (f"questions[{qid}].status: the answer (line {start}) gives figures but says some cannot be given: "
                            "answered or partly-answered? read it")
            if name == "exempt":
                found = [f"s{x.group(1)}({x.group(2)})" for x in SECTION.finditer(text)]
                if not found:
                    return {}, f"questions[{qid}].status: exempt, but under which section? give section: and the quote"
                out["section"] = ", ".join(dict.fromkeys(found))
            return out, None
    first = lines[start - 1].strip()
    if re.search(r"[-–=:]\s*\d[\d,]*\s*$", first):
        return {"status": "answered", "quote": first}, None
    return {}, f"questions[{qid}].status: the answer headed {qid} (line {start}) does not show its status plainly; read it"


def _sentence_at(text: str, at: int) -> str:
    """The sentence of `text` holding position `at`."""
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at))
    end = text.find(". ", at)
    return text[start + 2 if start >= 0 else 0: end + 1 if end >= 0 else len(text)].strip()
