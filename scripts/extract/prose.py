"""Counts stated in sentences ("There have been 39 offences recorded...", "Of these, 9 involved..."): each is
proposed as a one-row table labelled by its sentence, for a curator to confirm rather than re-type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import JOINING
from .furniture import FURNITURE
from .numbers import MONTH, Found, next_label, numbers_in

NEXT_CLAUSE = re.compile(r"^(?:,\s*)?(?:and|or|but|while|whereas|with)\b\s*", re.IGNORECASE)
PAIR_SEP = re.compile(r"(?:\s*[:=–—]|\s+-)\s*$")  # words that end so, just before a count, are that count's label
CLAUSE_WITH_NUMBER = re.compile(r"\s*[,;]\s+(?=(?:(?:in|and|of|for|during|then)\s+){0,2}[£$€]?\d)", re.IGNORECASE)
YEAR_WORD = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?:/\d{2})?(?![\d/.-])")
IN_DATE = re.compile(rf"\b{MONTH}\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas|then)\b", re.IGNORECASE)
NEW_SUBJECT = re.compile(r"\s+(?:and|but|while|whereas)\s+(?=[A-Z][a-z])")  # `41 records and Athena holds 17`
RUN_TOGETHER = re.compile(r"^\s*(?:(?:19|20)\d{2}(?:/\d{2})?:?\s+|[^:\d]{0,30}(?:(?:19|20)\d{2}(?:/\d{2})?)?:\s+)?"
                          r"(?:[A-Z][\w'’/&().-]*(?:\s+[\w'’/&().-]+){0,5}?\s+"
                          r"(?:\d{1,3}(?:,\d{3})+|\d+)\s*){2,}$")  # `Male 12 Female 4`: a table's row run together, no sentence;
# the words after a count are the next count's label, so no count here is read as a sentence (the table readers may)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\d])")


@dataclass(frozen=True)
class Statement:
    """A count in a sentence: the number, its line, and the sentence (as written on that line) that states it."""

    line: int
    found: Found
    sentence: str
    start: int  # where the sentence starts on the line
    stop: int | None = None  # where the next count on the line starts, if any
    begin: int | None = None  # where the count before it on the line ends, if any

    @property
    def label(self) -> str:
        """What the number counts, as written: the rest of the sentence after it, else the words before it."""
        at = self.found.start - self.start
        raw = self.sentence[at + len(self.found.text): self.stop - self.start if self.stop else None]  # up to the next count
        raw = CLAUSE_WITH_NUMBER.split(raw, 1)[0]  # `12 offences, 2020 there were 15`: not the next clause's words
        if self.stop:
            raw = NEW_SUBJECT.split(raw, 1)[0]  # the next count's subject is not this count's words
        after = re.sub(r"(?:\s*(?:,|\band\b|\bor\b))+\s*$", "", raw.strip()).rstrip(".,;:–-").strip()
        if (NEXT_CLAUSE.match(after) or next_label(self.sentence[:at], self.sentence[at + len(self.found.text):])) and self.stop:
            after = ""  # `15 and in 2021 there were 9`, `40 Female - 54`: the words after the count are the next count's
        since = max(0, self.begin - self.start) if self.begin else 0  # not the words of the count before it
        if self.begin:  # `12 offences, and in 2020 there were 15`: from the clause that opens after the count before
            since += max((m.end() for m in re.finditer(r"[,;]\s+", self.sentence[since:at])), default=0)
        before = NEXT_CLAUSE.sub("", self.sentence[since:at].strip().lstrip(",;:–- ")).strip().rstrip(",;:–-").strip()
        if PAIR_SEP.search(self.sentence[since:at]):  # `...: Male - 40`: its label is the words before its own separator
            before = re.split(r"[:?]\s", before)[-1].strip() or before
        if after.startswith("("):  # `30 (25%) resulted in a charge`: an aside after the count, then its words
            rest = re.sub(r"^\([^()]*\)\s*", "", after)
            if rest == after or not rest[:1].isalpha():
                return ""  # `30 (see note 1) ...`, `30 (25%).`: its words are cut or none; the words before are the whole's
            after = rest
        return after if (after and after[0].isalpha()) or not before else before

    @property
    def year(self) -> str | None:
        """The one year (or financial year) written between the count before this one (or the sentence's start) and this
        count (`In 2019 there were 12 offences, 2020 there were 15`), as written; None when none or more than one."""
        at = self.found.start - self.start
        since = max(0, self.begin - self.start) if self.begin else 0
        years = [m for m in YEAR_WORD.finditer(self.sentence[since:at])
                 if not IN_DATE.search(self.sentence[since:since + m.start()])]  # not `March 2024`, `1 April 2019`
        if len(years) != 1 or YEAR_WORD.search(self.label):
            return None  # none, two, or a year in the count's own words (`98 arrests (2020)`)
        if self.begin and not CLAUSE_BREAK.search(self.sentence[since:since + years[0].start()]):
            return None  # `120 arrests (2019) and 98`: the year closes the count before's words, it opens no clause
        return years[0].group(0)


def read_prose(lines: list[str], free: list[bool]) -> list[Statement]:
    """Every count stated in a sentence on the free lines (not restatements: "the 245 incidents")."""
    out, items = [], item_numbers(lines)
    for n, line in enumerate(lines, start=1):
        if not free[n - 1] or FURNITURE.search(line) or RUN_TOGETHER.match(line):
            continue
        data = [f for f in numbers_in(line) if f.data and not (n in items and f.start == items[n])]
        counts = [f for f in data if f.count and not f.restated]
        parts = {f.start for a, b in zip(data, data[1:]) if PART_OF.fullmatch(line[a.end:b.start]) for f in (a, b)}
        lead = LEAD.match(line)
        if lead and len(counts) > 1 and not YEAR_WORD.fullmatch(lead.group(1).strip()):
            continue  # `Rape - 12 offences, 3 arrests`: a row run together, whose label each count would lose
        for found in counts:  # a label runs up to the next number that may be data, counted or not ("12 in a caution
            stop = next((f.start for f in data if f.start > found.start), None)  # and 4 in ...": the 4 ends it)
            begin = max((f.start + len(f.text) for f in counts if f.start < found.start), default=None)
            statement = Statement(n, found, *sentence_of(line, found.start), stop=stop, begin=begin)
            if found.start in parts or NOT_STATED.search(statement.sentence) or not _worded(statement.label):
                continue  # `12 of 40`, `12 and 15 offences ... respectively`: which words are whose is not told
            if stop is not None and _cut_before(line[found.end:stop]) and \
                    statement.label.endswith(line[found.end:stop].split()[-1]):
                continue  # `120 calls graded 1`: the label runs into a number that is its own (a grade, a level)
            out.append(statement)
    return out


# A line that opens with a worded label and its separator straight before a count (`Rape - 12 offences, 3 arrests`),
# not an answer's or a question's word.
LEAD = re.compile(r"^\s*(?!(?:answer|response|reply|question|q\d|a\d?|note|nb)\b)([A-Za-z][^:=–—\d]{0,60}?)"
                  r"(?:\s*[:=–—]|\s+-)\s*\d", re.IGNORECASE)
# Words that run straight into the next number, with no joining word or stop between (`calls graded 1`): that number
# ends the words' phrase, so a label cut before it is not the count's own.
OPEN_WORDS = re.compile(rf"^(?:{JOINING}|were|was|are|is|there|then|while|whereas|including|totalling|total)$", re.IGNORECASE)


def _cut_before(between: str) -> bool:
    """The words between a count and the next number end in a word, not a joining word or a stop."""
    words = between.split()
    return len(words) >= 1 and bool(re.fullmatch(r"[A-Za-z]+", words[-1])) and between.endswith((" ", "\t")) and \
        not OPEN_WORDS.match(words[-1])


# `12 of 40`, `12 out of the 40`: a part and its whole, whose words say what neither counts alone.
PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|all\s+)?", re.IGNORECASE)
# A sentence whose counts pair with labels in order (`12 and 15 offences in 2019 and 2020 respectively`): no count in
# it has its own words beside it. A question, asked or told back (`you asked how many times, in the last 10 years, ...`):
# its numbers are the requester's.
NOT_STATED = re.compile(r"\brespectively\b|\bhow\s+many\b|\?\s*$", re.IGNORECASE)
EMPTY = re.compile(rf"(?:\b(?:{JOINING}|there|were|was|is|are|have|has|had|been|be|which|these|those|this|that|it|they|"
                   r"out|of)\b|\W)*", re.IGNORECASE)


def _worded(label: str) -> bool:
    """A label with a word of its own, not only joining words (`of`, `out of the`, `There were`)."""
    return not EMPTY.fullmatch(label)


ITEM = re.compile(r"^\s*(\d{1,2})\s+[A-Z]")


def item_numbers(lines: list[str]) -> dict[int, int]:
    """Numbered notes or items without a stop (`1 Data extracted ...`, `2 Offence groups as defined ...`): lines that
    open with 1, 2, 3 ... in turn (blank lines aside), each then a capitalised word. {line: where its number stands}."""
    out: dict[int, int] = {}
    run: list[tuple[int, int]] = []
    for n, line in enumerate(lines + ["end"], start=1):
        if not line.strip():
            continue
        m = ITEM.match(line)
        if m and int(m.group(1)) == (int(lines[run[-1][0] - 1].split()[0]) + 1 if run else 1):
            run.append((n, m.start(1)))
            continue
        if (note := NOTE_VERB.match(line)) and not m:  # `1 includes transferred crimes`: a note's number
            out[n] = note.start(1)
        if len(run) >= 2 or len(run) == 1 and not _counted(lines[run[0][0] - 1]):
            out.update(run)  # a lone `1 Figures exclude ...` is a note's number too, not one figure
        run = [(n, m.start(1))] if m and int(m.group(1)) == 1 else []
    return out


# A number opening a line with a verb straight after it and no noun: a count needs its noun, so it numbers a note.
NOTE_VERB = re.compile(r"^\s*\*?(\d{1,2})\s+(?:includes?|excludes?|relates?|refers?|covers?|means|denotes|represents|"
                       r"shows|indicates)\b", re.IGNORECASE)
LONE_COUNT = re.compile(rf"^\s*1\s+(?:{MONTH}\b|[A-Z][a-z]*\s+(?:was|is|has|had|were|are)\b)", re.IGNORECASE)


def _counted(line: str) -> bool:
    """`1 January ...` or `1 Offence was ...`: the 1 is a date's or a count's, not a note's number."""
    return bool(LONE_COUNT.match(line))


def sentence_of(line: str, at: int) -> tuple[str, int]:
    """The sentence of a line that holds the character at `at`, exactly as written, and where it starts."""
    start = 0
    for m in SENTENCE_END.finditer(line):
        if m.start() > at:
            break
        start = m.end()
    else:
        m = None
    end = m.start() if m else len(line)
    text = line[start:end]
    return text.strip(), start + len(text) - len(text.lstrip())
