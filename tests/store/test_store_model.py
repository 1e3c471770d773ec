"""Opening the store: the embedder it was built with, an empty store, the cache fingerprint."""

from __future__ import annotations

import pytest

import store
from settings import Settings
from store.chroma import store_fingerprint


def open_with(settings: Settings, create: bool = True, embedder=None):
    info = store.identity(embedder) if embedder is not None else store.embedder_info(settings)
    return store.open_collection(settings, info, create=create)


def test_the_store_records_the_embedder_it_was_built_with(seed_settings, embedder):
    meta = open_with(seed_settings, embedder=embedder).metadata
    assert (meta["embed_model"], meta["embed_backend"], meta["embed_dim"], meta["embed_prefix"]) == (
        "intfloat/multilingual-e5-small",
        "e5",
        384,
        "query:/passage:",
    )


def test_store_of_another_embedder_is_refused_in_one_line(seed_settings, backend):
    name, other = backend
    if name == "e5":
        pytest.skip("the seed store is built with e5 (the default): the same embedder opens it")
    for _ in range(2):  # a refused open must not rewrite the embedder the store records
        with pytest.raises(store.StoreError) as refused:
            open_with(seed_settings, embedder=other)
        message = str(refused.value)
        assert "\n" not in message and "re-ingest" in message
        assert "intfloat/multilingual-e5-small" in message and "sentence-transformers/all-MiniLM-L6-v2" in message
    assert open_with(seed_settings).count() > 0


def test_reading_a_store_never_ingested_says_to_run_ingest(make_settings):
    with pytest.raises(store.StoreError, match="python -m ingest"):
        open_with(make_settings(), create=False)


def test_fingerprint_changes_only_when_an_ingest_changes_something(seed_copy, make_settings, embedder):
    from ingest.pipeline import ingest

    settings = make_settings()
    ingest([seed_copy], settings, embedder=embedder, warn=lambda m: None)
    first = store_fingerprint(open_with(settings))
    ingest([seed_copy], settings, embedder=embedder, warn=lambda m: None)
    assert store_fingerprint(open_with(settings)) == first
    (seed_copy / "000_a5d2021ba032f9f0.txt").unlink()
    ingest([seed_copy], settings, embedder=embedder, prune=True, warn=lambda m: None)
    assert store_fingerprint(open_with(settings)) != first
