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
    return f"{value} is not a date its quote gives ({_shown(quote)!r})"


def period_problem(start: str, end: str, quote: str) -> str | None:
    """Why a period's start or end is not what its quote says, or None.

    A bound stands when its quote writes that date, or the month or year it begins or ends:
    "January 2016 – December 2017" gives 2016-01-01 to 2017-12-31; "2017" gives the whole year.
    """
    full, months, years = dates_in(quote), months_in(quote), years_in(quote)
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    month_end = calendar.monthrange(last.year, last.month)[1]
    start_ok = first in full or first.day == 1 and ((first.year, first.month) in months or first.month == 1 and first.year in years)
    end_ok = last in full or last.day == month_end and ((last.year, last.month) in months or last.month == 12 and last.year in years)
    if start_ok and end_ok:
        return None
    which = "start" if not start_ok else "end"
    return f"the period's {which} ({start if which == 'start' else end}) is not what its quote says ({_shown(quote)!r})"


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
