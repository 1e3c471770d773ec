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
