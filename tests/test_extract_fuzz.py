"""The extractor never raises and never proposes what the build's citation check refuses, whatever shape a text comes
in: every corpus text (tune half), fixture and seed response, cut short, with its lines shuffled, joined, re-spaced,
or with page marks and no-break-space lines dropped in. Variants are drawn with a fixed seed, so a failure repeats."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from scripts.extract import extract, self_check

from .conftest import ROOT

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "extract").glob("*.txt"))
REAL = sorted((ROOT / "datapackages").glob("*/response.txt")) + sorted((ROOT / "tests" / "corpus" / "tune").glob("*/response.txt"))
MARKS = ["OFFICIAL", "Page 2 of 3", "NOT PROTECTIVELY MARKED", "\xa0", "|", "- 2 -", ""]


def variants(text: str, seed: int) -> list[str]:
    """Seven mangled copies of a text: cut, shuffled, joined, re-spaced, tabbed, marked, glued."""
    rng = random.Random(seed)
    lines = text.split("\n")
    cut = text[: rng.randrange(len(text) + 1)]
    shuffled = lines[:]
    rng.shuffle(shuffled)
    joined = " ".join(lines)
    respaced = "\n".join("   ".join(line.split(" ")) for line in lines)
    tabbed = "\n".join("\t".join(line.split(" ")) for line in lines)
    marked = lines[:]
    for _ in range(3):
        marked.insert(rng.randrange(len(marked) + 1), rng.choice(MARKS))
    glued = "\n".join(line.replace(" ", "", 1) for line in lines)
    return [cut, "\n".join(shuffled), joined, respaced, tabbed, "\n".join(marked), glued]


def _mangle(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    for k, variant in enumerate(variants(text, seed=len(text))):
        result = extract(variant.encode("utf-8"))
        assert self_check(result.proposals, result.lines) == [], (k, result.unchecked)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_mangled_fixtures_never_raise_and_every_proposal_is_citable(path):
    _mangle(path)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.parent.name)
def test_mangled_real_texts_never_raise_and_every_proposal_is_citable(path):
    """The same on every real text: slower (about 20 s in all), so it runs in make test."""
    _mangle(path)
