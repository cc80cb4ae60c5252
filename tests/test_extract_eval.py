"""The extractor measured on the held-out half of the real corpus (tests/corpus/check): its pooled figures may only
improve. The floors (tests/corpus/floors.yaml) are what `make extract-eval` measured on a fixed set of texts when the
set was written; raise them when the reader gets better, never lower them to let a change through. Adding texts to
check/ writes a new set with its own floors; the older sets keep theirs."""
from __future__ import annotations

import pytest
import yaml

from scripts.extract.evaluate import CORPUS, Score, evaluate

SETS = yaml.safe_load((CORPUS / "floors.yaml").read_text(encoding="utf-8"))["sets"]


@pytest.fixture(scope="module")
def check_scores() -> dict[str, Score]:
    _, scores = evaluate("check")
    return {s.name: s for s in scores}


def test_every_check_text_is_in_the_newest_set(check_scores):
    """A text added to check/ without a new set of floors would change what an old floor measures."""
    assert sorted(check_scores) == sorted(SETS[-1]["texts"])


@pytest.mark.parametrize("floor", SETS, ids=lambda f: f["name"][:40])
def test_each_set_of_check_texts_holds_its_floors(floor, check_scores):
    failed = [name for name, s in check_scores.items() if s.failed]
    assert failed == [], f"the extractor raised on: {failed}"
    pooled = Score(floor["name"])
    for name in floor["texts"]:
        pooled.add(check_scores[name])
    assert pooled.expected > 0
    assert round(100 * pooled.labels_right, 1) >= floor["labels"]
    assert round(100 * (pooled.found - pooled.labelled) / pooled.expected, 1) <= floor["wrong_labels"]
    assert pooled.false <= floor["false_values"]
    assert pooled.uncited == 0, "a proposal the build's citation check refuses"


def test_tune_half_proposes_no_false_value():
    """The tune half grows (texts are added to it after the split), so its recall may move either way; but no text of
    it may draw a false value: a wrong value that passes the citation check is worse than none."""
    pooled, scores = evaluate("tune")
    assert [s.name for s in scores if s.failed] == []
    assert pooled.false == 0, [s.name for s in scores if s.false]
    assert pooled.uncited == 0
