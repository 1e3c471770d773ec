"""The passage format's one owner (store/passages.py), on a real Chroma store in tmp_path.

Fast tier: the store is filled by the real ingest with a hashing embedder (tests/fakes.py).
"""

from __future__ import annotations

import pytest
from fakes import HashEmbedding

import store
from store.passages import article_status, iter_passages, overview_rows, passage_texts, stored_nodes

pytestmark = pytest.mark.fast


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """``(settings, collection, embedder)`` of a store holding the seed corpus."""
    from ingest.pipeline import ingest
    from settings import ROOT, Settings

    corpus = ROOT / "corpus"

    embedder = HashEmbedding()
    settings = Settings(data_dir=tmp_path_factory.mktemp("fake-store"), corpus_dir=corpus)
    report = ingest([corpus], settings, embedder=embedder, warn=lambda m: None)
    assert report.added > 0 and not report.skipped
    return settings, store.open_collection(settings, embedder.identity), embedder


def test_passages_read_page_by_page_are_every_stored_passage_once(filled):
    _, collection, _ = filled
    one_page = [row["id"] for row in iter_passages(collection)]
    small_pages = [row["id"] for row in iter_passages(collection, page=3)]
    assert len(one_page) == collection.count() and sorted(small_pages) == sorted(one_page)
    assert len(set(small_pages)) == len(small_pages)


def test_overview_lists_each_article_once_newest_first_with_its_passage_count(filled):
    _, collection, _ = filled
    rows = overview_rows(collection)
    status = article_status(collection)
    assert len(rows) == len(status) and sum(r[3] for r in rows) == collection.count()
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)
    assert all(r[0] and r[3] >= 1 for r in rows)
    assert all(entry["n_chunks"] == {entry["count"]} for entry in status.values())  # every article complete


def test_passages_fetched_by_id_are_the_stored_texts_and_unknown_ids_are_left_out(filled):
    _, collection, _ = filled
    nodes = {n.node_id: n.text for n in stored_nodes(collection)}
    wanted = sorted(nodes)[:3]
    assert passage_texts(collection, [*wanted, wanted[0], "no-such#0000"]) == {i: nodes[i] for i in wanted}
    assert passage_texts(collection, []) == {}


def test_passage_metadata_points_into_the_article(filled):
    _, collection, _ = filled
    for node in stored_nodes(collection)[:20]:
        meta = node.metadata
        assert node.node_id.startswith(meta["doc_id"] + "#") and meta["end"] - meta["start"] == len(node.text)


def test_a_store_never_ingested_is_an_empty_store(tmp_path):
    from settings import Settings

    with pytest.raises(store.EmptyStore, match="python -m ingest"):
        store.open_collection(Settings(data_dir=tmp_path), HashEmbedding().identity, create=False)


def test_an_empty_store_answers_that_no_articles_are_loaded(tmp_path):
    from qa.engine import Engine
    from qa.retrieval import build_retriever
    from settings import Settings

    settings = Settings(data_dir=tmp_path)
    engine = Engine(settings, embedder=HashEmbedding())
    with pytest.raises(store.EmptyStore):
        build_retriever("hybrid", engine.collection(), engine.embedder, settings)
    sv, en = engine.answer("Hur många kameror?"), engine.answer("How many cameras are there?")
    assert sv.refused and sv.error.startswith("Inga artiklar är inlästa")
    assert en.refused and en.error.startswith("No articles are loaded")


def test_a_question_is_answered_from_the_fake_store_with_citations(filled):
    from qa.engine import Engine

    settings, collection, embedder = filled
    first = next(iter_passages(collection, ("metadatas", "documents")))
    engine = Engine(settings, embedder=embedder)
    answer = engine.answer(first["metadata"]["title"] + "?")
    assert not answer.error and answer.retrieved
