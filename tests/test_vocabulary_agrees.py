"""The extractor's dimension names (scripts/extract/vocab.py) are the build's vocabulary (datapackages/reference/dimensions.csv).

Two copies of one list, held together until the extractor reads the CSV itself: a name the build refuses must never be
proposed, and a name the build adds should be one the extractor can propose."""
import csv
from pathlib import Path

from scripts.curated.dimensions import kind_of
from scripts.extract.vocab import VOCABULARY

ROOT = Path(__file__).resolve().parents[1]


def test_the_extractor_proposes_only_names_the_build_accepts_and_knows_every_one():
    with (ROOT / "datapackages/reference/dimensions.csv").open(encoding="utf-8") as f:
        known = {r["code"] for r in csv.DictReader(f)}
    assert all(kind_of(name, known) for name in VOCABULARY), [n for n in VOCABULARY if not kind_of(n, known)]
    assert known <= set(VOCABULARY), known - set(VOCABULARY)
