"""Ingests killed at the awkward moments (fault_ingest.py): the next run leaves nothing behind."""

from __future__ import annotations

import signal

import pytest
from ingest_helpers import KILL_BACKEND, ingest_dying, stored_passages, write_article

pytestmark = pytest.mark.timeout(120)

TOWNS = ["Växjö", "Kalmar", "Luleå"]


def sentence_doc_ids(settings) -> set[str]:
    from store.sentences import open_sentences

    return {meta["doc_id"] for meta in open_sentences(settings).get(include=["metadatas"])["metadatas"]}


def test_a_prune_killed_part_way_leaves_no_sentence_vectors_behind(seed_copy, make_settings, minilm):
    from ingest.pipeline import ingest

    settings = make_settings(embed_backend=KILL_BACKEND)
    doomed = [
        write_article(seed_copy, f"badhus_{i}.txt", f"Kommunen i {town} bygger ett badhus.")
        for i, town in enumerate(TOWNS)
    ]
    ingest([seed_copy], settings, embedder=minilm, warn=lambda m: None)
    for path in doomed:
        path.unlink()

    died = ingest_dying(seed_copy, settings.data_dir, {"NEWSQA_FAULT_AFTER_DELETES": "1"}, "--prune")
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    ingest([seed_copy], settings, embedder=minilm, prune=True, warn=lambda m: None)

    kept = {p.stem for p in seed_copy.iterdir()}
    assert {p["meta"]["doc_id"] for p in stored_passages(settings)} == kept
    assert sentence_doc_ids(settings) == kept, "sentence vectors of pruned articles were left in the store"


QUERY = "Vad kostade bron över älven?"


def bm25_best(settings, embedder) -> str:
    """The text of BM25's best passage for ``QUERY``, from its cache when that is current."""
    from qa.retrieval import build_retriever
    from store import identity, open_collection

    collection = open_collection(settings, identity(embedder))
    return build_retriever("bm25", collection, embedder, settings).retrieve(QUERY)[0].node.text


def test_an_ingest_killed_before_its_last_generation_bump_leaves_no_stale_search_index(
    seed_copy, make_settings, minilm
):
    from ingest.pipeline import ingest

    settings = make_settings(embed_backend=KILL_BACKEND)
    bridge = write_article(seed_copy, "bro.txt", "Bron över älven är 340 meter lång och kostade 212 miljoner kronor.")
    ingest([seed_copy], settings, embedder=minilm, warn=lambda m: None)
    assert "340 meter" in bm25_best(settings, minilm)  # BM25's index built and cached
    bridge.write_text(bridge.read_text(encoding="utf-8").replace("340", "515"), encoding="utf-8")

    died = ingest_dying(seed_copy, settings.data_dir, {"NEWSQA_FAULT_AT_LAST_BUMP": "1"})
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    again = ingest([seed_copy], settings, embedder=minilm, warn=lambda m: None)

    assert again.unchanged == 3 and again.embedded == 0, "the killed run had written everything"
    assert "515 meter" in bm25_best(settings, minilm), "BM25 answered from the text before the edit"
