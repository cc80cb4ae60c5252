"""The verbatim texts: each response.txt is byte-identical to its seed or to its copy in the real corpus, and its hash is recorded."""
from __future__ import annotations

import hashlib

import pytest

from scripts.curated import yamlio

from .conftest import ROOT, SEEDS

REQUESTS = sorted(p.parent for p in (ROOT / "datapackages").glob("*/request.yaml"))
CORPUS = ROOT / "tests" / "corpus"


def source_of(folder):
    return yamlio.load((folder / "request.yaml").read_text(encoding="utf-8"))[0]["source"]


def corpus_copy(url: str):
    """The corpus text retrieved from this address (tests/corpus/*/*/source.yaml), if any."""
    for found in sorted(CORPUS.glob("*/*/source.yaml")):
        if yamlio.load(found.read_text(encoding="utf-8"))[0].get("url") == url:
            return found.parent / "response.txt"
    return None


@pytest.mark.parametrize("folder", REQUESTS, ids=lambda p: p.name)
def test_response_matches_recorded_hash(folder):
    meta, _ = yamlio.load((folder / "request.yaml").read_text(encoding="utf-8"))
    assert hashlib.sha256((folder / "response.txt").read_bytes()).hexdigest() == meta["source"]["sha256"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
@pytest.mark.parametrize("folder", REQUESTS, ids=lambda p: p.name)
def test_response_is_byte_identical_to_seed(folder):
    source = source_of(folder)
    if "received_as" not in source:
        pytest.skip("not a seed: a real response from the corpus (test_real_response_is_byte_identical_to_its_corpus_copy)")
    assert (folder / "response.txt").read_bytes() == (SEEDS / source["received_as"]).read_bytes()


@pytest.mark.parametrize("folder", [f for f in REQUESTS if "received_as" not in source_of(f)], ids=lambda p: p.name)
def test_real_response_says_where_and_when_it_was_retrieved(folder):
    """A response that is not a seed was retrieved from a public address: it records that address and the day."""
    source = source_of(folder)
    assert str(source.get("url", "")).startswith(("https://", "http://")), "a retrieved response records its source.url"
    assert source.get("accessed"), "a retrieved response records the day it was retrieved (source.accessed)"


@pytest.mark.parametrize("folder", [f for f in REQUESTS if "received_as" not in source_of(f)], ids=lambda p: p.name)
def test_real_response_is_byte_identical_to_its_corpus_copy(folder):
    """Where the extractor's corpus holds the same retrieval, the two copies are the same bytes."""
    copy = corpus_copy(source_of(folder)["url"])
    if copy is None:
        pytest.skip("not in tests/corpus: a request a curator added; its bytes are held by source.sha256")
    assert (folder / "response.txt").read_bytes() == copy.read_bytes()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
def test_every_seed_is_curated():
    received = set()
    for folder in REQUESTS:
        meta, _ = yamlio.load((folder / "request.yaml").read_text(encoding="utf-8"))
        if "received_as" in meta["source"]:
            received.add(meta["source"]["received_as"])
    assert received == {p.name for p in SEEDS.glob("*.txt")}
