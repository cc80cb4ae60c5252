"""Lines that pair labels with counts, several to a line: `2: Jan - 4 - Feb - 9`, `2019 – 14, 2020 – 21`, two values
each followed by what it counts in brackets, `41 (Niche) 17 (Athena)`, and label-colon-count pairs, `Male: 4 Female: 9`.
Each pair becomes a row labelled in the force's words; a line with anything else on it is left to the other readers."""
from __future__ import annotations

import re

from .cells import YEAR, YEARS
from .furniture import FURNITURE
from .lists import NOT_LABEL
from .model import Grid, Row
from .numbers import MONTH, numbers_in

COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+|nil|none|\*|<\s?\d+)"
LABEL = rf"(?:{MONTH}\.?(?:\s+(?:19|20)\d{{2}})?|(?:19|20)\d{{2}}(?:\s?[/-]\s?\d{{2,4}})?|[A-Z][A-Za-z']*(?:\s[A-Za-z'&]+){{0,3}})"
PAIR = re.compile(rf"(?P<label>{LABEL})\s*(?:[-–—:=]\s*)(?P<value>{COUNT})(?![\d/%-]|[.,]\d|\s*%|\s*per\s*cent)", re.IGNORECASE)
LEAD = re.compile(r"^(?P<lead>[A-Z][^:]*?\D)[:.]\s+(?=(?:19|20)\d{2}|[A-Z][a-z]{2})")  # `There were 45 offences in total: 2019 – 12, ...`
BRACKETED = re.compile(rf"(?<![\w£$/.-])(?P<value>{COUNT})\s*\((?P<label>[A-Za-z][^()]{{0,40}}|(?:19|20)\d{{2}}(?:/\d{{2}})?)\)")
YEAR_FIRST = re.compile(rf"(?<![\w£$/.-])(?P<label>(?:19|20)\d{{2}}(?:/\d{{2}})?)\s*\((?P<value>{COUNT})\)")  # `2019 (12)`
PREFIX = re.compile(r"^\s*(?:(?:q(?:uestion)?\s*)?\d{1,2}[a-z]?\s*[.:)]\s*|q(?:uestion)?\s*\d{1,2}[a-z]?\s*[–—-]\s*"
                    r"|(?:answer|response|reply|a)\s*\d{0,2}\s*[:.–—-]\s*)?",
                    re.IGNORECASE)  # `2. Jan - 4 ...`, `Answer: 2019 - 12, ...`
JOIN = re.compile(r"^[\s,;:–—-]*(?:and\s+)?$", re.IGNORECASE)


def read_pairs(lines: list[str], free: list[bool]) -> list[Grid]:
    """Every line of two or more label-count pairs on the free lines, each line a list of its own."""
    grids = []
    for n, line in enumerate(lines):
        if not free[n] or FURNITURE.search(line):
            continue
        grid = _dashed(line, n + 1) or _in_years(line, n + 1) or _bracketed(line, n + 1) or _times(line, n + 1) or _times_run(line, n + 1) \
            or _coloned(line, n + 1) or _separated_run(line, n + 1) or _counts_first(lines, free, n)
        if grid:
            grids.append(grid)
    return grids


def _dashed(line: str, n: int) -> Grid | None:
    """`Jan - 4 - Feb - 9`: labels that are months or years, each then a count; nothing else on the line."""
    body = line[PREFIX.match(line).end():]
    lead = LEAD.match(body)
    lead_text = lead.group("lead") if lead and not PAIR.search(lead.group("lead")) else None
    if lead_text:  # a sentence that introduces the pairs, ended by a colon: their caption (it may state their total)
        body = body[lead.end():]
    pairs = list(PAIR.finditer(body))
    if len(pairs) < 2:
        return None
    labels = [p.group("label") for p in pairs]
    if any(YEARS.match(p.group("value")) for p in pairs):
        return None  # `2018-2019 2019-2020`: year ranges (a header), not a year and its count
    if any(_year_span(p) for p in pairs):
        return None  # `2010-11 2011-12`: financial years written with a dash (a header), not a year and its count
    if not (all(re.fullmatch(rf"{MONTH}\.?(?:\s+(?:19|20)\d{{2}})?", x, re.IGNORECASE) for x in labels)
            or all(YEAR.match(x.replace(" ", "")) for x in labels)):
        return None
    gaps = [body[: pairs[0].start()]] + [body[a.end(): b.start()] for a, b in zip(pairs, pairs[1:])] + [body[pairs[-1].end():]]
    if not all(JOIN.match(g) or not g.strip(" .") for g in gaps):
        return None
    grid = Grid("pairs on a line", n, n, caption=lead_text)
    grid.rows = [Row(n, [p.group("label"), p.group("value")]) for p in pairs]
    return grid


IN_YEAR = re.compile(rf"(?<![\w£$/.,-])(?P<value>{COUNT})\s+(?:[a-z]+\s+)?(?:in|during|for)\s+(?P<label>(?:19|20)\d{{2}}(?:/\d{{2}})?)(?![\d/-])",
                     re.IGNORECASE)


def _in_years(line: str, n: int) -> Grid | None:
    """`There were 12 in 2019, 15 in 2020 and 9 in 2021.`: two counts or more, each `N in YEAR` (a word may stand
    between: `45 offences in 2019/20`), joined by commas or `and` and nothing else; the words before the first are
    their caption."""
    pairs = list(IN_YEAR.finditer(line))
    if len(pairs) < 2 or not all(JOIN.match(line[a.end(): b.start()]) for a, b in zip(pairs, pairs[1:])) \
            or line[pairs[-1].end():].strip(" .;"):
        return None
    judged = {f.start: f for f in numbers_in(line)}
    if any(not judged[p.start("value")].data for p in pairs) or len({p.group("label") for p in pairs}) < len(pairs):
        return None  # a date, a reference, or one year twice (`12 in 2019 and 4 in 2019`: two measures, not a list)
    grid = Grid("pairs on a line", n, n, caption=line[: pairs[0].start()].strip(" ,:") or None)
    grid.rows = [Row(n, [p.group("label"), p.group("value")]) for p in pairs]
    return grid


def _year_span(pair: re.Match) -> bool:
    """`2010-11`, `2019/20`: a year, a dash or slash with no space, then the next year's last two digits."""
    text = pair.group(0).strip()
    m = re.fullmatch(r"((?:19|20)\d{2})[/-](\d{2})", text)
    return bool(m) and int(m.group(2)) == (int(m.group(1)) + 1) % 100


def _bracketed(line: str, n: int) -> Grid | None:
    """`41 (Niche) 17 (Athena)`: two counts or more, each followed by what it counts, side by side."""
    pairs = list(BRACKETED.finditer(line))
    if len(pairs) < 2:
        pairs = list(YEAR_FIRST.finditer(line))
    if len(pairs) < 2 or not all(JOIN.match(line[a.end(): b.start()]) for a, b in zip(pairs, pairs[1:])):
        return None
    years = all(YEAR.match(p.group("label")) for p in pairs)
    if years and (len({p.group("label") for p in pairs}) < len(pairs) or line[pairs[-1].end():].strip(" .;")):
        return None  # a year twice, or words after the last pair: not a list of years' counts
    if sum(bool(YEARS.match(p.group("value"))) for p in pairs) >= 2:
        return None  # `2019 (Jan-Dec) 2020 (Jan-Dec)`: years with what they span, a header, not counts
    grid = Grid("pairs on a line", n, n, caption=line[: pairs[0].start()].strip() or None,
                row_dims=["year" if years else "category"])
    grid.rows = [Row(n, [p.group("label").strip(), p.group("value")]) for p in pairs]
    return grid


TIMES = re.compile(r"(?P<value>\d{1,3}(?:,\d{3})+|\d+)\s*[x×]\s*(?P<label>[A-Za-z][^,;]*?)\s*(?=[,;.]?\s*$|[,;]\s)")
ROW_LABEL = re.compile(r"^\s*(?P<label>[^–—-]*?\S)[\s,]*[–—-]\s+")


def _times(line: str, n: int) -> Grid | None:
    """`2021 - 28 x General Purpose Dogs, 7 x Explosives`: a row label, a dash, then counts each `N x what`."""
    head = ROW_LABEL.match(line)
    if not head:
        return None
    rest = line[head.end():]
    pairs = list(TIMES.finditer(rest))
    if len(pairs) < 2 or not all(JOIN.match(rest[a.end(): b.start()]) for a, b in zip(pairs, pairs[1:])) \
            or rest[: pairs[0].start()].strip() or rest[pairs[-1].end():].strip(" .,;"):
        return None
    label = head.group("label")
    grid = Grid("counts of each kind on a line", n, n, row_dims=["label", "label"])
    grid.rows = [Row(n, [label, p.group("label").strip(), p.group("value")]) for p in pairs]
    return grid


TIMES_ITEM = re.compile(r"(?<![\w.,£$])(?P<value>\d{1,3}(?:,\d{3})+|\d+)\s*[x×]\s+(?=[A-Z])")


def _times_run(line: str, n: int) -> Grid | None:
    """`1 x Assistant Chief Constable 2 x Detective Inspector`: what each count counts in Title Case after it, run
    together; the last item ends where its Title Case words do (a sentence starting after it is not part of it)."""
    items = list(TIMES_ITEM.finditer(line))
    if len(items) < 2:
        return None
    rows = []
    for k, m in enumerate(items):
        end = items[k + 1].start() if k + 1 < len(items) else len(line)
        words = line[m.end(): end].split()
        label: list[str] = []
        for i, word in enumerate(words):
            core = word.strip(",;:.")
            if not core or not (core[0].isupper() or core in ("of", "and", "&", "/")):
                break
            if k + 1 == len(items) and i + 1 < len(words) and words[i + 1][:1].islower() and words[i + 1] not in ("of", "and"):
                break  # the first word of the sentence that follows
            label.append(word)
            if word != core:
                break
        text = " ".join(label).strip(",;:.")
        if not text or (k + 1 < len(items) and len(label) != len(words)):
            return None  # words between the items that are not a label: not a list
        rows.append(Row(n, [text, m.group("value")]))
    grid = Grid("counts of each kind on a line", n, n, row_dims=["label"])
    grid.rows = rows
    return grid


COLONED = re.compile(r"(?P<label>[^:]+?):\s*(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?![\d,/.%:-])(?!\s*(?:%|per\s*cent))")
LIST_MARK = re.compile(r"^\s*(?:(?:q(?:uestion)?\s*)?\d{1,2}[a-z]?\s*[.):]\s*)?(?:\(?[ivx]{1,4}\)|\(?[a-h]\))?\s*", re.IGNORECASE)


def _coloned(line: str, n: int) -> Grid | None:
    """`Disclosures not RSO: 2   Disclosures RSO: 6`: two label-colon-count pairs or more and nothing else on the line.
    The labels are parallel; when the first is preceded by a sentence, it is the words that mirror the second
    (`... lie on file but not RSO: 8   RSO: 4` reads `not RSO` and `RSO`), else the line is left alone."""
    body = line[LIST_MARK.match(line).end():]
    pairs = list(COLONED.finditer(body))
    if len(pairs) < 2 or pairs[-1].end() < len(body.rstrip(" .;")) or pairs[0].start() != 0:
        return None
    labels = [" ".join(p.group("label").split()) for p in pairs]
    if any(not _short(x) for x in labels[1:]):
        return None
    if not _short(labels[0]):
        words, mirror = labels[0].split(), labels[1].split()
        labels[0] = " ".join(words[-(len(mirror) + 1):])
        if words[-1] != mirror[-1] or not _short(labels[0]):
            return None
    if any(NOT_LABEL.search(x) for x in labels):
        return None
    grid = Grid("pairs on a line", n, n, row_dims=["category"])
    grid.rows = [Row(n, [label, p.group("value")]) for label, p in zip(labels, pairs)]
    return grid


def _short(label: str) -> bool:
    """A label of one to four words with a letter and no digit."""
    return 1 <= len(label.split()) <= 4 and bool(re.search(r"[A-Za-z]", label)) and not re.search(r"\d", label)


SEP_PAIR = re.compile(r"(?P<label>[A-Z][A-Za-z']*(?: [A-Za-z'&]+){0,3}?)(?:\s*[:=–—]\s*|\s+-\s+)"
                      r"(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?![\d/.%:-]|,\d)(?!\s*(?:%|per\s*cent))")


def _separated_run(line: str, n: int) -> Grid | None:
    """`Male - 40 Female - 54 BME – 3 (12 of the 94 ...)`: a line that opens with two label-separator-count pairs or more,
    each label capitalised and short, whatever follows them. The separator ties each count to the words before it, so
    the words before a count's separator are never the count before's label."""
    body = line[LIST_MARK.match(line).end():]
    rows, at = [], 0
    for m in SEP_PAIR.finditer(body):
        if m.start() != at and not JOIN.match(body[at: m.start()]):
            break
        rows.append(m)
        at = m.end()
    if len(rows) < 2 or rows[0].start() != 0:
        return None
    judged = {f.start: f for f in numbers_in(body)}
    if any(NOT_LABEL.search(m.group("label")) or YEARS.match(m.group("value")) or MONTH_ONLY.fullmatch(m.group("label"))
           or not judged[m.start("value")].data for m in rows):
        return None  # a reference, a year, a date (`June - 4` is read as a month's count by _dashed)
    grid = Grid("pairs on a line", n, n, row_dims=["category"])
    grid.rows = [Row(n, [m.group("label"), m.group("value")]) for m in rows]
    return grid


MONTH_ONLY = re.compile(rf"{MONTH}\.?", re.IGNORECASE)


TITLE = r"[A-Z][A-Za-z'&/-]*(?:\s+(?:[A-Z][A-Za-z'&/-]*|of|and|&|in|on|for|the|to))*"
FIRST = re.compile(rf"(?P<value>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?P<label>{TITLE})(?=\s+\d|\s*\.?\s*$)")
TOTAL_AFTER = re.compile(r"^\s*(?P<value>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<label>(?:grand\s+)?total)\s*\.?\s*$", re.IGNORECASE)


def _counts_first(lines: list[str], free: list[bool], k: int) -> Grid | None:
    """`1 Chief Constable 1 Deputy Chief Constable ... 623 Police Constables`: a line of three counts or more, each
    BEFORE its label in Title Case, and nothing else (it opens with a count and ends with a label); a `781 Total` line
    just below (blank lines aside) is its total. Months are not labels (`1 March 5 June` are dates)."""
    line = lines[k]
    items, at = [], 0
    for m in FIRST.finditer(line):
        if line[at: m.start()].strip(" ,;"):
            return None
        items.append(m)
        at = m.end()
    if len(items) < 3 or line[at:].strip(" .") or not line[: items[0].start()].strip() == "":
        return None
    judged = {f.start: f for f in numbers_in(line)}
    if any(re.match(rf"{MONTH}\b", m.group("label"), re.IGNORECASE) or YEARS.match(m.group("value"))
           or NOT_LABEL.search(m.group("label")) or not judged[m.start("value")].data for m in items):
        return None  # a date, a year, a reference, an address (`10 Downing Street 3 King Charles Street`)
    grid = Grid("counts before their labels", k + 1, k + 1, row_dims=["category"])
    grid.rows = [Row(k + 1, [m.group("label"), m.group("value")]) for m in items]
    j = k + 1
    while j < len(lines) and j - k <= 2 and not lines[j].strip():
        j += 1
    total = TOTAL_AFTER.match(lines[j]) if j < len(lines) and free[j] else None
    if total:
        grid.rows.append(Row(j + 1, [total.group("label"), total.group("value")]))
        grid.end = j + 1
    return grid
