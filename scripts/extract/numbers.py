"""Judge each number written in running text: a count that looks like data, or not data (a year, a date, a reference...)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..curated.response import NUMBER

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
LOW = r"(?:[12]\d|\d)"  # an age: a number up to 29
NOUN = (r"(?:offences?|offenders?|crimes?|incidents?|cases?|individuals?|people|persons?|victims?|suspects?|perpetrators?"
        r"|arrests?|charges?|cautions?|reports?|referrals?|occasions?|times|children|child|boys?|girls?|males?|females?"
        r"|men|women|investigations?|prosecutions?|convictions?|records?|occurrences?|outcomes?|allegations?|images?"
        r"|devices?|detections?|disposals?|notifications?|defendants?|juveniles?|young people|youths?|adults?|minors?"
        r"|instances?|crime reports?|recorded|searches|cells)")

# (reason, pattern): a number that starts inside a match is not data. The first pattern that covers it gives the reason.
NOT_DATA = [(reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in [
    ("date", rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH}\b\.?(?:,?\s+\d{{2,4}})?"),
    ("date", rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"),
    ("date", rf"\b{MONTH}\s+\d{{4}}\b"),
    ("date", r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b"),
    ("date", rf"\b\d{{1,2}}-{MONTH}-\d{{2,4}}\b"),
    ("phone number", r"\b(?:tel(?:ephone)?|phone|fax|mobile|ext(?:ension)?|call|dial|text|ring)\b\.?\s*(?:no\.?|number)?\s*:?"
                     r"\s*(?:\+?\d[\d ()-]{4,}|999|101|111)"),  # a number of five figures or more, or 999/101/111
    ("phone number", r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
    ("question number", r"^\s*(?:[-•*]\s*)*(?:(?:q(?:uestion)?|request|answer|response|part|point|item)\s*\.?\s*)?\(?\d+[a-z]?"
                        r"(?:\s*(?:,|&|and)\s*\d+[a-z]?)*\s*(?:[.):]|\s*[–—-]\s)"),
    ("question number", r"\b(?:q(?:uestion)?s?|requests?|answers?|responses?|parts?|points?|items?)\s*\.?\s*\d+[a-z]?\b"
                        r"(?:\s*(?:,|&|and|or)\s*\d+[a-z]?\b)*"),
    ("legal section", r"\b(?:sections?|ss?\.|s(?=\d)|articles?|regulations?|reg\.|paragraphs?|para\.|schedules?|sch\."
                      r"|chapter|rule|SI|statutory instrument(?:\s+number)?|number)\s*\d+[A-Z]?(?:\s*\(\w+\))*"
                      rf"(?:\s*(?:,|and|&|or|to)\s*\d+(?!\d)[A-Z]?(?:\s*\(\w+\))*(?!\s+(?:[\w/-]+\s+)?{NOUN}\b))*"),
    # (a section listed after a section, but not a count of a noun: `Under section 40(2), 7 arrests were made`)
    ("Home Office code", r"\b0?\d{1,3}[A-Z]?\s?/\s?\d{1,2}\b(?!\s*/)"),
    ("Home Office code", r"\b(?:ho\s+)?(?:code|class|offence|outcome(?:\s+(?:type|code|group))?|oc|category)\s*:?\s*\d+[A-Z]?\b"),
    ("Home Office code", r"\b\d{2,3}[A-Z]\b|\bOC\d+\b"),
    ("reference", r"\b(?:ref(?:erence)?|our ref|your ref|request\s+(?:number|no)|case\s+(?:number|no)|crime\s+(?:number|no)|urn|pub"
                  r"|foia?(?:\s+request)?(?:\s+reference)?)\.?\s*(?:no\.?|number)?\s*[:#]?\s*[A-Z]*[-/._ ]?\d[\w/.-]*(?:\s*[-/]\s*\d+)?"),
    # "2019 - 12" (a year, a spaced dash, a count that is not the next year: a `YEAR – N` list item) is no reference
    ("reference", r"\b[A-Z]+[-/._]?\d[\w/.-]*|\b\d+_\d+\b|\b(?!(?:19|20)\d{2}\s+[-–]\s+\d)\d{3,}\s*[-/]\s*\d{2,4}\b"
                  r"|\b\d+(?:\.\d+)+\b"),
    ("year", r"\b(?:19|20)(?:" + "|".join(f"{y:02d}\\s+[-–]\\s+{(y + 1) % 100:02d}" for y in range(100)) + r")\b"),
    ("year", r"\b(?:19|20)\d{2}(?:[/-](?:(?:19|20)?\d{2})\b)*"),
    ("year", r"\b\d{2}/\d{2}\b"),
    ("age", rf"\b(?:aged?|ages|age of|under|over|below|above|younger than|older than)\s+(?:the age of\s+)?{LOW}\b"),
    ("age", r"(?<![/\d])\b(?P<a>\d{1,2})\s*(?:-|–|to)\s*(?P<b>\d{1,3})\b(?!\s*/)"),
    ("age", r"\b\d+\s*(?:and|or)\s*(?:under|over|above|below|older|younger)\b"),
    ("age", r"\b\d+\s*\+|\bu\d+s?\b|\b\d+s\b|\b\d+\s*(?:years?|yrs?)(?:\s+old)?\b|\b\d+\s*-?\s*year[- ]olds?\b"),
    ("money, time or share", r"[£$€]\s*\d[\d,.]*|\b\d[\d,.]*\s*(?:%|(?:per\s*cent|percent|hours?|hrs|minutes?|mins|days?"
                             r"|working days|weeks?|months?|seconds?|pounds|pence)\b)"
                             r"|\b\d+-(?:years?|months?|weeks?|days?|hours?|minutes?)\b"),
    ("ordinal", r"\b\d+(?:st|nd|rd|th)\b"),
    ("time", r"(?<![\d:])\b\d{1,2}:\d{2}(?::\d{2})?\b(?!:)|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)"),
    ("reference", r"\bIS[SB]N(?:-1[03])?\s*:?\s*[\dX][\dX -]*"),
    # a number that names a thing rather than counts it: "Grade 1", "Level 2", "3-Door", "999 calls"
    ("part of a name", r"\b(?:grades?|levels?|tiers?|stages?|priorit(?:y|ies)|phases?|bands?|types?|classes?|divisions?"
                       r"|zones?|sectors?|teams?|versions?|rounds?|lots?|key\s+stages?|editions?|volumes?|vol\.|issue|release"
                       r"|table|figure|chart|appendix|annex|week|period|quarter|month)\s*\d+[a-z]?\b"
                       r"(?:\s*(?:,|&|and|or|to)\s*\d+[a-z]?\b)*"),
    ("part of a name", r"\b\d+-[A-Za-z]{2,}\b"),
    ("phone number", r"\b(?:999|101)\s+(?:calls?|emergenc(?:y|ies)|non-emergency|services?|lines?|numbers?)\b"
                     r"|\b(?:via|on|to|dialled|dialling)\s+(?:999|101)\b"),
    ("margin", r"(?:[+±]|\+/-)\s?\d[\d,.]*(?:\s*(?:or|/)\s*-\s?\d[\d,.]*)?"),
    ("page number", r"\bpages?\s*[:.]?\s*\d+(?:\s+of\s+\d+)?"),
    ("threshold", r"\b(?:less|fewer|more|greater|lower|higher)\s+than\s+\d+|\bat\s+(?:least|most)\s+\d+|[<>≤≥]\s*\d+"
                  r"|\b\d+\s+or\s+(?:more|fewer|less)\b"),  # "2 or more incidents": a bound, not a count
    ("period", r"\b(?:last|past|previous|next|first)\s+\d+\b"),
    ("ranking", r"\b(?:top|bottom)\s+\d+\b"),  # `Top 5 offences`: how many a ranking lists, not a count
    # "12 offences per 1,000 population", "1 in 5 victims", "3 fewer than in 2019", "an increase of 3": a rate, a ratio or
    # a difference between counts, not a count
    ("rate", r"\b\d[\d,]*\s+(?:[A-Za-z][\w-]*\s+){0,3}per\s+(?:[\d,]+|head|capita|hundred|thousand|million)\b"),
    ("ratio", r"\b\d+\s+in\s+(?:every\s+)?(?!(?:19|20)\d{2}\b)\d+\b(?!\s*[/-]\s*\d)"),
    ("difference", r"\b\d[\d,]*\s+(?:fewer|more|less|higher|lower)\b(?:\s+[a-z]+){0,2}\s+than\b"
                   r"|\b(?:increase|decrease|rise|fall|drop|reduction|change)\s+of\s+\d[\d,]*"
                   r"|\b(?:up|down|increased|decreased|rose|fell|risen|fallen|dropped)\s+by\s+\d[\d,]*"),
    ("address", r"\b\d+[a-z]?\s+(?:[A-Z][a-z]+\s+){0,2}(?:road|street|st|avenue|lane|way|drive|close|place|square|court|house|park)\b"),
    ("school year", r"\byear\s+\d{1,2}\b(?!\s*[/-])"),
    # "Report 2 of 3", "Part 1 of 4": a part of a document, not a count
    ("part of a name", r"\b(?:reports?|parts?|documents?|volumes?|sections?|sheets?|appendix|annex|tabs?)\s+\d+\s+of\s+\d+\b"),
    # "the 32 London boroughs", "10 offence groups": how a report is cut up (its groups, areas, categories), not a count
    ("how the figures are cut", r"\b\d+\s+(?:[A-Za-z][\w-]*\s+){0,2}(?:groups|categories|types|boroughs|districts|wards"
                                r"|regions|divisions|areas|columns|tables|chapters|sub-?categories)\b(?!\s+(?:of|were|was|had|have))"),
]]

UNIT = (r"(?:seconds|minutes|mins|hours|hrs|days|weeks|months|years|yrs|decades|pounds|pence|euros|dollars|miles|metres"
        r"|meters|kilometres|kms|feet|inches|yards|grams|kilos|kilograms|tonnes|litres|percent|points|pages|calls|times"
        r"|items|questions|parts|sections|digits|characters|words|lines|columns|rows|tables|figures|numbers|ages"
        r"|forces|constabularies)")  # "across 43 forces": the forces of England and Wales, boilerplate, not data
# A count of anything: a plural noun after the number ("3,621 firearms certificates", "315 Officers"), not a unit of
# time, money or distance ("3 hours"), when the number opens its sentence or is what the force has, holds or records.
PLURAL_AFTER = re.compile(rf"^\s+(?:[a-z][\w/-]*\s+)?(?!{UNIT}\b)[A-Za-z][a-z]{{2,}}(?<![su]s)s\b")
HELD_BEFORE = re.compile(r"(?:^\s*|[.;:]\s+|\b(?:we|they|it|force|police|constabulary)\s+(?:currently\s+|now\s+)?(?:have|has|had|hold|"
                         r"holds|held|recorded|received|employ|employs|employed)\s+|\bthere\s+(?:are|were|is|was|have\s+been|"
                         r"has\s+been)\s+)$", re.IGNORECASE)
# What makes a number in a sentence a count: a noun after it, a verb of being before it, or a total.
COUNT_CUES = [re.compile(p, re.IGNORECASE) for p in [
    rf"^\s+(?:[\w/-]+\s+){{0,3}}?{NOUN}\b",  # after: "245 recorded crimes", "20,710 individuals"
    r"^\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+|being\s+|currently\s+|now\s+|since\s+|also\s+)*\w+(?:ed|en)\b",  # "7 have been approved"
    rf"\b{NOUN}\s*,?\s*$",  # before: "Of the 2017 offences 9 involved"
    r"\b(?:there\s+(?:have|has)\s+been|there\s+(?:were|was|are|is)|(?:a|the)\s+total\s+of|totall?ed|amounted\s+to)\s+(?:\w+\s+){0,2}?$",
    r"\b(?:total|count|sum|number)\b[^.]{0,160}?\b(?:was|were|is|are|of|stands at|as|:|=)\s*$",
    r"\b(?:total|count|sum)\s*(?:count)?\s*[:=]?\s*$",
    r"\bof\s+(?:these|those|which|them)\b\s*,?\s*$",
]]
WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
         "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred").split()
NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(WORDS)})(?:[- ](?:{'|'.join(WORDS)}))*\b", re.IGNORECASE)
# Words after a number that end in a pair separator just before the next number (`40 Female - 54`, `12 Victims: 7`):
# they label the next number, not this one.
NEXT_LABEL = re.compile(r"^\s+(?=(?P<first>[A-Za-z]))(?:[A-Za-z][\w'/&()]*\s+){0,3}?[A-Za-z][\w'/&()]*(?:\s*[:=–—]|\s+-)\s*\d")
# Between two counts of the same kind: what the first counts, then `and`/`or` or a comma (`209 firearms certificates
# granted and 815 firearms certificates renewed`).
COORDINATED = re.compile(r"^\s+(?:[A-Za-z][\w/-]*\s+){1,4}(?:and|or)\s+$|^\s+(?:[A-Za-z][\w/-]*\s+){0,3}[A-Za-z][\w/-]*,\s+(?:and\s+)?$")
AFTER_SEP = re.compile(r"[A-Za-z)]\s*(?:[:=–—]|\s-)\s*$")  # a label and its separator just before a number
RESTATED = re.compile(r"\b(?:the|those|these|each of the|all|all of the|above)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A number written in a line: where it stands, and why it is not data (None when it may be)."""

    value: int
    text: str
    start: int
    end: int
    reason: str | None
    count: bool  # a count cue stands around it
    restated: bool  # "the 245 incidents": it repeats a number given before

    @property
    def data(self) -> bool:
        return self.reason is None


def numbers_in(line: str) -> list[Found]:
    """Every number written in a line, each judged."""
    spans = [(m.start(), m.end(), reason) for reason, pattern in NOT_DATA for m in pattern.finditer(line) if _fits(m)]
    out = []
    for m in NUMBER.finditer(line):
        start, end = m.span(1)
        reason = next((r for s, e, r in spans if s <= start < e), None)
        before, after = line[:start], line[end:]
        own = not next_label(before, after)  # `40 Female - 54`: the words after 40 are 54's label, no cue for 40
        count = (own and COUNT_CUES[0].match(after)) or COUNT_CUES[1].match(after) \
            or any(c.search(before) for c in COUNT_CUES[2:]) \
            or bool(own and PLURAL_AFTER.match(after) and HELD_BEFORE.search(before))
        prev = out[-1] if out else None  # `3,621 firearms certificates and 8,980 shotgun certificates`: a count joined
        count = bool(count) or bool(prev and prev.count and prev.reason is None and own  # to a count, and as its noun
                                    and COORDINATED.match(line[prev.end:start]) and PLURAL_AFTER.match(after))
        out.append(Found(int(m.group(1).replace(",", "")), m.group(1), start, end, reason, count, bool(RESTATED.search(before))))
    return _axis(out)


def _axis(found: list[Found]) -> list[Found]:
    """A chart's axis saved as text (`0 500 1000 1500 2000`, `0% 10% 20% 30%`): four numbers or more on a line that
    rise in equal steps of 5 or more from 0; ticks, not counts."""
    values = [f.value for f in found]
    steps = {b - a for a, b in zip(values, values[1:])}
    if len(values) >= 4 and values[0] == 0 and len(steps) == 1 and steps.pop() >= 5:  # `0 1 2 3` may be counts
        return [Found(f.value, f.text, f.start, f.end, f.reason or "a chart's axis", False, f.restated) for f in found]
    return found


def next_label(before: str, after: str) -> bool:
    """The words after a number end in a pair separator just before the next number, and are a label: capitalised
    (`40 Female - 54`), or the number itself follows a label and its separator (`Male - 40 female - 54`). Lower-case
    words after a count that stands alone are its own (`12 offences were recorded: 9 in 2019`)."""
    m = NEXT_LABEL.match(after)
    return bool(m) and (m.group("first").isupper() or bool(AFTER_SEP.search(before)))



def counts_in_words(line: str) -> list[str]:
    """Counts written in words where a count would stand ("the total ... was eight"): data the build cannot cite."""
    out = []
    for m in NUMBER_WORD.finditer(line):
        before, after = line[: m.start()], line[m.end():]
        if any(c.match(after) for c in COUNT_CUES[:2]) or any(c.search(before) for c in COUNT_CUES[3:]):
            out.append(m.group(0))
    return out


def _fits(m: re.Match) -> bool:
    """A range is an age band only when it rises ("12-15"), not "2022/23 - 10"."""
    groups = m.groupdict()
    return not groups.get("a") or int(groups["a"]) < int(groups["b"])


def reasons(found: list[Found]) -> str:
    """The not-data numbers of a line in words: "2019 (year), 1247 (reference)"."""
    return ", ".join(f"{f.text} ({f.reason})" for f in found if f.reason)
