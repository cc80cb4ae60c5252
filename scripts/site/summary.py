"""What the browse, comparison, label and chart pages need of one built request package: read once, kept small.

The browse pages list every request, so they used to hold every package's whole descriptor and read every table
again. A request's Summary holds only what they show: its descriptor without the table schemas and layouts, its
questions, its charts, what a comparison page shows of it and the force labels in its tables. It is a function of
the package (and the code), so the build keeps it under the package's hash (scripts/site/pagecache.py): a rebuild reads
small pickles, and only a changed package is read again.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from . import charts, compare, labels

KEPT = ("name", "title", "version", "created", "foi:changes", "foi:request", "foi:caveats")  # what the browse pages read of a descriptor
KEPT_RESOURCE = ("name", "title", "bytes")  # and of each resource (caveats name their tables; a long response has its own page)
KEPT_SOURCE = ("foi:partial",)  # and of each source (a partial text: its questions beyond the cut are "not in the text we hold")


@dataclass(frozen=True)
class Summary:
    """One request as the pages that list it see it."""

    d: dict  # the descriptor's KEPT properties, its resources' KEPT_RESOURCE
    questions: tuple[dict, ...]
    charts: tuple[charts.Chart, ...]
    released: tuple[compare.Released, ...]  # each without its charts (joined by compare.render_analyst_pages)
    package_caveats: tuple[dict, ...]
    offences: tuple[dict, ...]  # labels.offence_labels rows
    outcomes: tuple[str, ...]  # the outcome labels in its tables, in order

    @property
    def name(self) -> str:
        return self.d["name"]


def descriptor(packages: Path, name: str) -> dict:
    """A built request package's whole descriptor."""
    return json.loads((packages / name / "datapackage.json").read_text(encoding="utf-8"))


def summarise(packages: Path, name: str) -> Summary:
    """Read one built package (its descriptor and tables) into a Summary."""
    d = descriptor(packages, name)
    answer = compare.load_answer(packages, d, {})
    return Summary(slim(d), tuple(answer.questions), tuple(charts.request_charts(packages, name, d)), tuple(answer.released),
                   tuple(answer.caveats), tuple(labels.offence_labels(packages, [d])), tuple(labels.outcomes_seen(packages, d)))


def slim(d: dict) -> dict:
    """The descriptor without what only the request page and the analysts read (schemas, layouts, licences, sources ...)."""
    return {**{k: d[k] for k in KEPT if k in d}, "resources": [{k: r[k] for k in KEPT_RESOURCE if k in r} for r in d["resources"]],
            "sources": [{k: s[k] for k in KEPT_SOURCE if k in s} for s in d.get("sources", [])]}


def shared(s: Summary) -> Summary:
    """The summary with its strings interned, in place: thousands of requests repeat the same keys, forces, labels and
    statuses, and a pickle shares no string with another file, so one copy of each roughly halves what rendering holds."""
    return _share(s)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _share(o):
    t = type(o)
    if t is str:
        return sys.intern(o)
    if t is dict:
        return {sys.intern(k) if type(k) is str else k: _share(v) for k, v in o.items()}
    if t is tuple or t is list:
        return t(_share(v) for v in o)
    names = _FIELDS.get(t)
    if names is None:
        names = _FIELDS[t] = tuple(f.name for f in fields(o)) if is_dataclass(o) else ()
    for name in names:  # dataclasses (frozen ones too) made by this unpickling: nothing else holds them yet
        object.__setattr__(o, name, _share(getattr(o, name)))
    return o
