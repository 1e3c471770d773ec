"""Bench figures measured on a real store: Chroma's recall against exact search."""

from __future__ import annotations


def test_dense_recall_is_measured_against_every_stored_vector_page_by_page(tmp_path, embedder):
    """60 passages, read 7 at a time, and 12 asked for: a slip in paging or ids would read under 1."""
    import numpy as np

    from bench.figures import search_recall
    from bench.measure import eval_questions
    from settings import Settings
    from store import identity, open_collection

    settings = Settings(data_dir=tmp_path)
    vectors = np.random.default_rng(0).normal(size=(60, 384))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    open_collection(settings, identity(embedder)).add(ids=[f"p{i}" for i in range(60)], embeddings=vectors.tolist())
    recall = search_recall(settings, embedder, eval_questions()[:20], page=7)
    assert recall == {"value": 1.0, "reference": 1.0, "ratio": 1.0}
