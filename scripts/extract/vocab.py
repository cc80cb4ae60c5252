"""Dimension names from the one shared vocabulary, so a proposal's labels land in the right column of the combined
tables (`crime_outcome` would be dropped there without a word): from what the labels are, else from the heading's
words, else `category` for rows and `measure` for columns."""
from __future__ import annotations

import re
from pathlib import Path

from ..curated.dimensions import kind_of
from ..curated.reference import read_csv
from .cells import AGE, GENDER, YEAR, codes_in, is_total, unwrap
from .numbers import MONTH

DIMENSIONS = Path(__file__).resolve().parents[2] / "datapackages" / "reference" / "dimensions.csv"
AGE_ROLES = ("offender_age", "victim_age")  # ages the extractor tells apart; the build files any name with age as a word under age


def _vocabulary(path: Path = DIMENSIONS) -> tuple[str, ...]:
    """The build's dimension names (reference/dimensions.csv, in its order), with the age roles after age."""
    codes = [row["code"] for row in read_csv(path)[1]]
    roles = [r for r in AGE_ROLES if kind_of(r, codes) == "age"]
    return tuple(n for code in codes for n in ([code] + roles if code == "age" else [code]))


VOCABULARY = _vocabulary()

MONTH_LABEL = re.compile(rf"^{MONTH}\.?(?:\s*[-']?\s*(?:19|20)?\d{{2}})?$", re.IGNORECASE)
# (name, words in a heading that name it), in the order they are tried
HEADING_WORDS = [
    ("offender_age", r"(?:offender|suspect|perpetrator)s?'?\s+age"),
    ("victim_age", r"victims?'?\s+age"),
    ("age", r"age|ages|age\s+band|age\s+group"),
    ("outcome", r"outcomes?|disposals?|results?|outcome\s+type|outcome\s+group"),
    ("offence", r"offences?|offenses?|crimes?|crime\s+type|offence\s+type|classification|ho\s+code|home\s+office\s+code"),
    ("month", r"months?"),
    ("year", r"years?|financial\s+year|calendar\s+year"),
    ("period", r"periods?|quarters?|dates?|weeks?|time\s+period"),
    ("keyword", r"keywords?|search\s+terms?|key\s+words?"),
    ("platform", r"platforms?|apps?|applications?|websites?|sites?|social\s+media|services?"),
    ("question", r"questions?|q\d*"),
    ("area", r"areas?|districts?|county|counties|wards?|divisions?|stations?|locations?|boroughs?|regions?"
             r"|neighbourhoods?|beats?|sectors?|local\s+authority|lpa|bcu|command"),
    ("gender", r"gender|sex"),
    ("ethnicity", r"ethnicity|ethnic\s+(?:group|origin|appearance)|ethnic|race"),
    ("system", r"systems?"),
]
_WHEN = rf"(?:{MONTH}\.?\s+(?:19|20)?\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?(?:\s+(?:19|20)?\d{{2,4}})?" \
        rf"|\d{{1,2}}\s?[/.]\s?\d{{1,2}}\s?[/.]\s?\d{{2,4}}|(?:19|20)\d{{2}}(?:\s?/\s?\d{{2,4}})?)"
SPAN = re.compile(rf"^(?:{_WHEN}\s*(?:[-–—]|to|until)\s*{_WHEN}|q[1-4]\s+(?:19|20)\d{{2}}(?:/\d{{2}})?)$", re.IGNORECASE)
HEADINGS = [(name, re.compile(rf"(?<![a-z]){words}(?![a-z])", re.IGNORECASE)) for name, words in HEADING_WORDS]
BY_LABEL = ("year", "month", "period", "gender", "age")


def from_labels(labels: list[str]) -> str | None:
    """The name the labels themselves give: years, months, genders, age bands, offence codes; else None."""
    named = [unwrap(x) for x in labels if unwrap(x) and not is_total(x)]
    if not named:
        return None
    if all(YEAR.match(x) for x in named):
        return "year"
    if all(re.fullmatch(r"(?:(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?[\s,&–-]*(?:and|to)?\s*)+", x) for x in named):
        return "period"  # several years together ("2012, 2013, 2014"), or a span
    if all(MONTH_LABEL.match(x) for x in named):
        return "month"
    if all(SPAN.match(x) for x in named):
        return "period"  # "April 2020 – March 2021", "01/04/23 to 31/03/24", "Q1 2020"
    if all(GENDER.match(x) for x in named) and not all(re.match(r"^(unknown|not\s+\w+|other)", x, re.I) for x in named):
        return "gender"
    if all(AGE.match(x) for x in named) and any(re.search(r"\d", x) for x in named):
        return "age"
    if all(codes_in(x) for x in named):
        return "offence"
    return None


def dimension(heading: str | None, labels: list[str], role: str, taken: list[str] | tuple = ()) -> str:
    """A vocabulary name for one dimension (role "row" or "column") that is not taken yet."""
    found = from_labels(labels)
    candidates = [found] if found else []
    direct = heading.strip().lower() if heading else ""
    if direct in VOCABULARY and not (direct in BY_LABEL and direct != "age" and found != direct):
        candidates.append(direct)  # a corner cell 'Year' over row labels that are not years names the columns, not the rows
    for name, pattern in HEADINGS:
        if heading and pattern.search(heading):
            if name in BY_LABEL and found != name and name not in ("age",):
                continue  # the heading says years but the labels are not years ("Year Nationality")
            candidates.append(name)
    candidates += ["category", "measure"] if role == "row" else ["measure", "category"]
    candidates += [n for n in VOCABULARY if n not in candidates]
    return next(n for n in candidates if n not in taken)
