"""The verbatim texts: each response.txt is byte-identical to its seed, and its hash is recorded."""
from __future__ import annotations

import hashlib

import pytest

from scripts.curated import yamlio

from .conftest import ROOT, SEEDS

REQUESTS = sorted(p.parent for p in (ROOT / "datapackages").glob("*/request.yaml"))


@pytest.mark.parametrize("folder", REQUESTS, ids=lambda p: p.name)
def test_response_matches_recorded_hash(folder):
    meta, _ = yamlio.load((folder / "request.yaml").read_text(encoding="utf-8"))
    assert hashlib.sha256((folder / "response.txt").read_bytes()).hexdigest() == meta["source"]["sha256"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
@pytest.mark.parametrize("folder", REQUESTS, ids=lambda p: p.name)
def test_response_is_byte_identical_to_seed(folder):
    meta, _ = yamlio.load((folder / "request.yaml").read_text(encoding="utf-8"))
    assert (folder / "response.txt").read_bytes() == (SEEDS / meta["source"]["received_as"]).read_bytes()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
def test_every_seed_is_curated():
    received = set()
    for folder in REQUESTS:
        meta, _ = yamlio.load((folder / "request.yaml").read_text(encoding="utf-8"))
        received.add(meta["source"]["received_as"])
    assert received == {p.name for p in SEEDS.glob("*.txt")}
