"""`make extract-eval`: measure the extractor on the real corpus (tests/corpus), per text and pooled, for each half.

For every text: the values expected (hand-checked, expected.yaml), the values proposed, recall (expected values
proposed at the right line with the same value), labels right (of those, the proposals that carry every expected
label, case and spacing aside; a total row's `Total` stands for the force's own total word), false values (proposals
that are no expected value, as a share of proposals), money or percentages proposed as counts, and stated totals that
disagree with their parts (reported vs expected). A text the extractor fails on is counted and printed, never raised.
"""
from __future__ import annotations

import argparse
import re
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..curated.citation import TOTAL_WORD
from ..curated.markers import status_of
from ..curated.tables import TOTAL

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


@dataclass
class Score:
    """The counts of one text, or of many pooled."""

    name: str
    expected: int = 0
    proposed: int = 0
    found: int = 0
    labelled: int = 0
    false: int = 0
    not_counts: int = 0  # money or percentages proposed as counts (also false)
    mismatches_expected: int = 0
    mismatches_reported: int = 0
    mismatches_matched: int = 0
    failed: str | None = None
    false_lines: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    uncited: int = 0  # proposals the build's citation check refuses

    def add(self, other: Score) -> None:
        for name in ("expected", "proposed", "found", "labelled", "false", "not_counts", "mismatches_expected",
                     "mismatches_reported", "mismatches_matched", "uncited"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def labels_right(self) -> float:
        return self.labelled / self.expected if self.expected else 1.0

    @property
    def false_share(self) -> float:
        return self.false / self.proposed if self.proposed else 0.0


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _key(value: str) -> tuple[str, int | None]:
    """What an expected value says: (status, number)."""
    text = str(value).strip()
    digits = text.replace(",", "")
    if re.fullmatch(r"\d+", digits):
        return "reported", int(digits)
    status = status_of(text)
    return (status or "text"), (0 if status == "nil" else None)


def _proposed_key(row: dict) -> tuple[str, int | None]:
    status = row["status"]
    return status, (row["value"] if status in ("reported", "nil") else None)


def _same(expected: tuple[str, int | None], proposed: tuple[str, int | None]) -> bool:
    if expected == proposed:
        return True
    # a 0 written as a nil word, or "Nil" read as 0: the same value
    return {expected[0], proposed[0]} == {"reported", "nil"} and expected[1] == proposed[1] == 0


def _labels_carried(expected: list[str], labels: list[str]) -> bool:
    have = {_norm(x) for x in labels}
    total = TOTAL in labels
    return all(_norm(x) in have or (total and TOTAL_WORD.fullmatch(" ".join(x.split()).rstrip(":"))) for x in expected)


def score_text(folder: Path) -> Score:
    """Run the extractor on one corpus text and score it against its expected.yaml."""
    from . import extract
    score = Score(folder.name)
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")) or {}
    values = expected.get("values") or []
    score.expected = len(values)
    mismatches = expected.get("mismatches") or []
    score.mismatches_expected = len(mismatches)
    try:
        result = extract((folder / "response.txt").read_bytes())
        proposals = [(row, [row[d] for d in t.dims]) for t in result.proposals for row in t.rows if row["status"] != "blank"]
        checks = [c for cs in result.totals.values() for c in cs if c.checkable and not c.agrees]
        score.uncited = len(result.unchecked)
    except Exception:  # noqa: BLE001 - a text that raises is a failure to count and show, not a crash
        score.failed = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return score
    score.proposed = len(proposals)
    used: set[int] = set()
    matched: dict[int, int] = {}
    for exact in (True, False):  # first the proposals that carry every label, then any at the right line
        for k, value in enumerate(values):
            if k in matched:
                continue
            key, want = _key(value["value"]), [str(x) for x in value.get("labels") or []]
            best = next((i for i, (row, labels) in enumerate(proposals)
                         if i not in used and row["line"] == value["line"] and _same(key, _proposed_key(row))
                         and (not exact or _labels_carried(want, labels))), None)
            if best is not None:
                matched[k] = best
                used.add(best)
    for k, value in enumerate(values):
        want = [str(x) for x in value.get("labels") or []]
        if k not in matched:
            score.missed.append(f"line {value['line']}: {value['value']} {want} not proposed")
            continue
        score.found += 1
        labels = proposals[matched[k]][1]
        if _labels_carried(want, labels):
            score.labelled += 1
        else:
            score.missed.append(f"line {value['line']}: {value['value']} {want} proposed as {labels}")
    not_counts = {(n.get("line"), _norm(n.get("text", ""))) for n in expected.get("not_counts") or []}
    for i, (row, labels) in enumerate(proposals):
        if i in used:
            continue
        score.false += 1
        shown = row["value"] if row["status"] in ("reported", "nil") else row["status"]
        if any(line == row["line"] and re.search(rf"(?<![\d,]){shown}(?![\d,])", text.replace(",", ""))
               for line, text in not_counts if isinstance(shown, int)):
            score.not_counts += 1
        score.false_lines.append(f"line {row['line']}: {shown} {labels}")
    score.mismatches_reported = len(checks)
    for m in mismatches:
        total, parts = _key(m.get("total", ""))[1], _key(m.get("parts_sum", ""))[1]
        if any(c.line == m.get("line") and c.stated == total and c.parts_sum == parts for c in checks):
            score.mismatches_matched += 1
    return score


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _line(s: Score) -> str:
    if s.failed:
        return f"  {s.name[:52]:52} FAILED: {s.failed}"
    return (f"  {s.name[:52]:52} {s.expected:4} {s.proposed:4} {s.found:4} {_pct(s.recall)} {s.labelled:4} "
            f"{_pct(s.labels_right)} {s.false:4} {_pct(s.false_share)} {s.not_counts:3} "
            f"{s.mismatches_reported:3}/{s.mismatches_expected:<3} {s.mismatches_matched:3} {s.uncited:3}")


HEADER = (f"  {'text':52} {'exp':>4} {'prop':>4} {'hit':>4} {'recall':>6} {'lab':>4} {'labels':>6} {'fals':>4} "
          f"{'false':>6} {'£/%':>3} {'mism r/e':>7} {'ok':>3} {'unc':>3}")


def evaluate(half: str, corpus: Path = CORPUS) -> tuple[Score, list[Score]]:
    """Score every text of one half; the pooled score and the per-text scores."""
    scores = [score_text(folder) for folder in sorted((corpus / half).iterdir()) if (folder / "expected.yaml").is_file()]
    pooled = Score(f"POOLED {half} ({len(scores)} texts, {sum(s.failed is not None for s in scores)} failed)")
    for s in scores:
        pooled.add(s)
    return pooled, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.extract.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("halves", nargs="*", default=["tune", "check"], help="tune, check (default: both)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--false", action="store_true", help="list the false and missed values of each text (tune/ only)")
    args = parser.parse_args(argv)
    for half in args.halves:
        pooled, scores = evaluate(half, args.corpus)
        print(f"\n{half}/  (exp: values expected; prop: proposed; hit: found at the right line; lab: with every label "
              "right; fals: proposals not expected; £/%: money or percentages proposed; mism r/e: total mismatches "
              "reported/expected; ok: expected ones reported; unc: proposals the build's citation check refuses)")
        print(HEADER)
        for s in scores:
            print(_line(s))
            if args.false and half == "tune":
                for f in s.false_lines:
                    print(f"      false: {f}")
                for f in s.missed:
                    print(f"      missed: {f}")
        print(_line(pooled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
