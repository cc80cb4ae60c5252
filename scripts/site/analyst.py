"""The analysts' pages together: charts, topic comparisons, round-robin families and force labels, from the requests' summaries."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from . import charts, compare, pagekit
from .labels import labels_pages
from .pagekit import read_rows
from .summary import summarise


def render_analyst_pages(packages: Path, out: Path, draw=None, summaries: list | None = None, memo=None, keys: dict | None = None) -> None:
    """Write the charts, the comparison pages, the family pages and the force-label page into the generated docs.

    `summaries` are the requests' scripts/site/summary.Summary in catalog order (read from the packages when not given);
    `memo` and `keys` keep pages under what they show (scripts/site/render.Packages.memo)."""
    compare.STATUS_WORDS.update({r["code"]: r["title"] for r in read_rows(packages / "reference" / "answer_statuses.csv")})
    compare.TOPICS.update({r["code"]: r for r in read_rows(packages / "reference" / "topics.csv")})
    if summaries is None:
        catalog = json.loads((packages / "catalog.json").read_text(encoding="utf-8"))["packages"]
        summaries = [summarise(packages, p["name"]) for p in catalog if p["name"] not in ("all", "reference")]
    chart_index = charts.write_charts(out, {s.name: s.charts for s in summaries}, draw)
    answers = [compare.Answer(s.d, [replace(r, charts=chart_index.get((s.name, r.name), [])) for r in s.released], list(s.questions),
                              list(s.package_caveats)) for s in summaries]
    groups = compare.families(answers)
    pagekit.write_page(out, "compare/index.md", compare.index_page(answers, groups))
    for slug, title, topics in compare.COMPARISONS:
        for rel, text in compare.topic_pages(slug, title, topics, answers, memo=memo, keys=keys).items():
            pagekit.write_page(out, rel, text)
    memo, keys = memo or pagekit.unkept, keys or {}
    for family, members in groups.items():
        text = memo(("family", family, compare.STATUS_WORDS, [keys.get(a.name, a.name) for a in members]),
                    lambda f=family, m=members: compare.family_page(f, m))
        pagekit.write_page(out, f"compare/family-{family}.md", text)
    for rel, text in labels_pages(packages, summaries, memo).items():
        pagekit.write_page(out, rel, text)
