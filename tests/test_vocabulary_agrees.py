"""The extractor's dimension names (scripts/extract/vocab.py) are the build's vocabulary (datapackages/reference/dimensions.csv).

The extractor now reads the CSV itself (vocab._vocabulary); these tests hold the rule: a name the build refuses must never be
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


def test_the_extractor_reads_its_names_from_the_csv(tmp_path):
    """One list, not two: a name added to dimensions.csv is one the extractor may propose, in the CSV's order."""
    from scripts.extract.vocab import _vocabulary

    text = (ROOT / "datapackages/reference/dimensions.csv").read_text(encoding="utf-8")
    path = tmp_path / "dimensions.csv"
    path.write_text(text + "vehicle,Vehicle,vehicle,A vehicle as the force wrote it.,This project\n", encoding="utf-8")
    names = _vocabulary(path)
    assert names[-1] == "vehicle"
    assert names[:5] == ("offence", "outcome", "age", "offender_age", "victim_age")
