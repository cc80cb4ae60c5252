"""The one vocabulary of dimension names (datapackages/reference/dimensions.csv): which names a table may use, and the nearest."""
from __future__ import annotations

import difflib


def kind_of(name: str, known) -> str | None:
    """The vocabulary name a dimension is: itself when listed, age for any name with age as a word (offender_age), else None."""
    if name in known:
        return name
    if "age" in name.split("_") and "age" in known:
        return "age"
    return None


def nearest(name: str, known) -> str | None:
    """The known name a mistyped or unlisted one most likely means (crime_outcome -> outcome), or None."""
    words = [w for w in name.split("_") if w in known]
    if words:
        return words[-1]
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.5)
    return close[0] if close else None
