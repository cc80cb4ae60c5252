"""Curated words that restate the response, checked against it: dates against their quotes, numbers against the text.

A date is curated as YYYY-MM-DD beside the words it comes from ("17th September 2019"); a title or
summary repeats figures for a reader. Both are the curator's, and a slip in either would be shown as
if the force had said it, so the dates must stand in their quotes and the numbers in the response.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .response import NUMBER

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
WRITTEN = re.compile(rf"\b{DAY}[\s-]+{MONTH}\b[\s,-]*(\d{{4}})?", re.IGNORECASE)
AMERICAN = re.compile(rf"\b{MONTH}\s+{DAY},?\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_YEAR = re.compile(rf"\b{MONTH}\s+(\d{{4}})\b", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d])")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


@lru_cache(maxsize=64)  # the same response text is searched for every claim of a request
def dates_in(text: str) -> frozenset[dt.date]:
    """Every full date written in the text: 17th September 2019, 01-Jan-2015, 22.05.2018, 1/1/17, September 17, 2019."""
    out = set()
    for m in WRITTEN.finditer(text):
        if m.group(3):
            out.add(_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))))
    for m in AMERICAN.finditer(text):
        out.add(_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in NUMERIC.finditer(text):
        out.add(_date(_year(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in ISO.finditer(text):
        out.add(_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return frozenset(out - {None})


@lru_cache(maxsize=64)  # the same response text is searched for every claim of a request
def day_months_in(text: str) -> frozenset[tuple[int, int]]:
    """(month, day) of dates written without a year: "received on 9th February"."""
    return frozenset((MONTHS[m.group(2).lower()], int(m.group(1))) for m in WRITTEN.finditer(text))


@lru_cache(maxsize=64)  # the same response text is searched for every claim of a request
def months_in(text: str) -> frozenset[tuple[int, int]]:
    return frozenset((int(m.group(2)), MONTHS[m.group(1).lower()]) for m in MONTH_YEAR.finditer(text))


@lru_cache(maxsize=64)  # the same response text is searched for every claim of a request
def years_in(text: str) -> frozenset[int]:
    return frozenset(int(m.group(1)) for m in YEAR.finditer(text))


def date_problem(value: str, quote: str, basis: str = "stated") -> str | None:
    """Why a curated date is not the date its quote gives, or None (a year may be missing when basis is inferred)."""
    day = dt.date.fromisoformat(value)
    if day in dates_in(quote):
        return None
    if basis == "inferred" and (day.month, day.day) in day_months_in(quote):
        return None
    given = sorted(d.isoformat() for d in dates_in(quote))
    if given:
        accepted = f"; it gives {' or '.join(given)}"
    elif day_months_in(quote):
        accepted = "; it gives no year: write the year you infer with basis: inferred and a note"
    else:
        accepted = "; it gives no date the build can read: quote the words that write the date"
    return f"{value} is not a date its quote gives ({_shown(quote)!r}){accepted}"


RULES = {
    "financial-year": "financial year YYYY/YY = 1 April YYYY to 31 March of the next year",
    "last-financial-year": "the last financial year = the financial year (1 April to 31 March) that ended before the response date",
    "quarter": "Qn YYYY/YY = the nth quarter of that financial year (Q1 April to June); Qn YYYY = the nth calendar quarter",
    "to-date": "to date = up to the response date",
}
FINANCIAL = re.compile(r"(?<![\d/])(?:FY\s*)?((?:19|20)\d\d)\s*[/-]\s*(\d\d(?:\d\d)?)(?![\d/])", re.IGNORECASE)
QUARTER = re.compile(r"\b(?:Q|quarter\s*)([1-4])\s+((?:19|20)\d\d)(?:\s*[/-]\s*(\d\d(?:\d\d)?))?", re.IGNORECASE)
LAST_FY = re.compile(r"\b(?:last|previous|past)\s+(?:complete\s+|full\s+)?financial\s+year\b", re.IGNORECASE)
TO_DATE = re.compile(r"\b(?:to|until|up to)\s+(?:the\s+)?(?:present\s+)?date\b|\bto\s+present\b", re.IGNORECASE)


def financial_years(text: str) -> list[tuple[dt.date, dt.date]]:
    """Each financial year written in the text ("2021/22", "FY 2021-22", "2021/2022"): 1 April to 31 March."""
    out = []
    for m in FINANCIAL.finditer(text):
        first, second = int(m.group(1)), m.group(2)
        following = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if following == first + 1:
            out.append((dt.date(first, 4, 1), dt.date(first + 1, 3, 31)))
    return out


def _without_financial_years(text: str) -> str:
    """The text with its financial years ("2021/22", "FY 2021-22", "2021/2022") blanked: 2021 there is no calendar year."""
    def blank(m):
        fy = m.group(0).upper().startswith("FY") or "/" in m.group(0) or len(m.group(2)) == 2
        return " " if fy else m.group(0)
    return FINANCIAL.sub(blank, text)


def quarters(text: str) -> list[tuple[dt.date, dt.date]]:
    """Each quarter written in the text: Q1 2021/22 (of the financial year, Q1 = April to June) or Q1 2021 (calendar)."""
    out = []
    for m in QUARTER.finditer(text):
        n, year = int(m.group(1)), int(m.group(2))
        month = (3 * n + 1) if m.group(3) else 3 * n - 2
        year, month = (year + 1, month - 12) if month > 12 else (year, month)
        end_month = month + 2
        out.append((dt.date(year, month, 1), dt.date(year, end_month, calendar.monthrange(year, end_month)[1])))
    return out


def last_financial_year(response: dt.date) -> tuple[dt.date, dt.date]:
    """The financial year that ended before the response date."""
    year = response.year - 1 if response.month >= 4 else response.year - 2
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def period_bounds(quote: str, rule: str | None, response: str | None) -> tuple[set[dt.date], set[dt.date]]:
    """Every start and every end its quote supports, under the rule named (or as written, with no rule)."""
    full = dates_in(quote)
    rest = quote
    for pattern in (WRITTEN, AMERICAN, NUMERIC, ISO):  # a full date's month and year are that date, never the whole month or year
        rest = pattern.sub(" ", rest)
    months = months_in(rest)
    years = years_in(_without_financial_years(MONTH_YEAR.sub(" ", rest)))  # nor is a named month's year the whole year
    starts = set(full) | {dt.date(y, m, 1) for y, m in months} | {dt.date(y, 1, 1) for y in years}
    ends = set(full) | {dt.date(y, m, calendar.monthrange(y, m)[1]) for y, m in months} | {dt.date(y, 12, 31) for y in years}
    spans = []
    if rule == "financial-year":
        spans = financial_years(quote)
    elif rule == "quarter":
        spans = quarters(quote)
    elif rule == "last-financial-year" and response and LAST_FY.search(quote):
        spans = [last_financial_year(dt.date.fromisoformat(response))]
    elif rule == "to-date" and response and TO_DATE.search(quote):
        ends = {dt.date.fromisoformat(response)}
    if spans:
        starts, ends = {a for a, _ in spans}, {b for _, b in spans}
    return starts, ends


def period_problem(start: str, end: str, quote: str, basis: str = "stated", rule: str | None = None,
                   response: str | None = None) -> str | None:
    """Why a period's start or end is not what its quote says, or None; the message names the bounds it would accept.

    A bound stands when its quote writes that date, or the month or year it begins or ends:
    "January 2016 – December 2017" gives 2016-01-01 to 2017-12-31; "2017" gives the whole year. A year written as part
    of a full date or a month gives only that date or month: "1 March 2019 to 28 February 2020" is never 2019 to 2020. An inferred
    period names its rule (RULES): "2021/22" under financial-year gives 2021-04-01 to 2022-03-31.
    """
    if basis == "inferred" and rule not in RULES:
        return f"an inferred period names its rule: rule: one of {', '.join(RULES)}"
    if rule in ("last-financial-year", "to-date") and not response:
        return f"rule {rule} counts from the response date; give dates.response first"
    if rule and basis != "inferred":
        return f"a period with a rule ({rule}) is inferred, not stated: add basis: inferred"
    starts, ends = period_bounds(quote, rule, response)
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if first in starts and last in ends:
        return None
    which, value, accepted = ("start", start, starts) if first not in starts else ("end", end, ends)
    said = f"it would accept {which} {', '.join(sorted(d.isoformat() for d in accepted))}" if accepted else \
        f"it gives no {which} the build can read"
    if starts and ends and min(starts) <= max(ends):
        said += f" (the period it states runs {min(starts).isoformat()} to {max(ends).isoformat()})"
    hint = ""
    if not rule and financial_years(quote):
        hint = "; for a financial year set basis: inferred and rule: financial-year"
    elif not rule and LAST_FY.search(quote):
        hint = "; set basis: inferred and rule: last-financial-year"
    elif not rule and TO_DATE.search(quote):
        hint = "; set basis: inferred and rule: to-date"
    elif not rule and QUARTER.search(quote):
        hint = "; set basis: inferred and rule: quarter"
    rule_words = f" under rule {rule} ({RULES[rule]})" if rule else ""
    return f"the period's {which} ({value}) is not what its quote says ({_shown(quote)!r}){rule_words}: {said}{hint}"


def numbers_not_in(text: str, response_numbers: set[int], response_text: str = "") -> list[str]:
    """Numbers and dates written in curated text that the response never writes (a summary only repeats what the force said).

    A date ("22 May 2018") must be a date the response writes, in any form; a year, a year the response mentions.
    """
    missing = []
    if response_text:
        given = dates_in(response_text)
        missing += [d.isoformat() for d in sorted(dates_in(text) - given)]
        months = months_in(response_text) | {(d.year, d.month) for d in given}
        missing += [f"{calendar.month_name[m]} {y}" for y, m in sorted(months_in(text) - months)]
    rest = text
    for pattern in (WRITTEN, AMERICAN, NUMERIC, ISO, MONTH_YEAR):
        rest = pattern.sub(" ", rest)
    years = years_in(response_text) if response_text else set()
    for m in NUMBER.finditer(rest):
        n = int(m.group(1).replace(",", ""))
        if n not in response_numbers and n not in years:
            missing.append(m.group(1))
    return missing


def _shown(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
