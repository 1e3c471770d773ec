"""Retrievers over the passage store (qa/retrieval.py): BM25's on-disk index serves every caller alike."""

from __future__ import annotations

import pytest
from fakes import HashEmbedding

pytestmark = pytest.mark.fast

QUESTION = "Hur arbetar polisen med kameror i utsatta områden?"  # words most passages share


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from settings import ROOT, Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("retrieval") / "data")
    ingest([ROOT / "corpus"], settings, embedder=HashEmbedding(), warn=lambda m: None)
    return settings, Engine(settings, embedder=HashEmbedding()).collection()


def test_bm25_loaded_from_an_index_cached_by_a_smaller_caller_still_returns_as_many_as_asked(seed_store):
    from llama_index.core.schema import QueryBundle

    from qa.retrieval import build_retriever

    settings, collection = seed_store
    small = build_retriever("bm25", collection, HashEmbedding(), settings, top_k=2)  # builds and caches the index
    large = build_retriever("bm25", collection, HashEmbedding(), settings, top_k=8)  # loads that cache
    assert len(small.retrieve(QueryBundle(QUESTION))) == 2
    assert len(large.retrieve(QueryBundle(QUESTION))) == 8


def test_bm25_asked_for_more_than_the_store_holds_returns_every_matching_passage(seed_store):
    from llama_index.core.schema import QueryBundle

    from qa.retrieval import build_retriever

    settings, collection = seed_store
    found = build_retriever("bm25", collection, HashEmbedding(), settings, top_k=10_000).retrieve(QueryBundle(QUESTION))
    assert 8 <= len(found) <= collection.count()


def test_bm25_built_for_more_than_the_store_holds_says_nothing_on_the_console(tmp_path, caplog):
    """A small store asked for its usual top k: no llama_index warning under the first answer."""
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from qa.retrieval import build_retriever
    from settings import ROOT, Settings

    settings = Settings(data_dir=tmp_path / "data")
    ingest([ROOT / "corpus"], settings, embedder=HashEmbedding(), warn=lambda m: None)
    collection = Engine(settings, embedder=HashEmbedding()).collection()
    with caplog.at_level("WARNING"):
        build_retriever("bm25", collection, HashEmbedding(), settings, top_k=collection.count() + 5)
    assert not [r for r in caplog.records if "bm25" in r.getMessage().lower()]
