"""Opening the store: the model it was built with, an empty store, the cache fingerprint."""
from __future__ import annotations

import pytest

import store
from settings import Settings
from store.chroma import store_fingerprint


def open_with(settings: Settings, create: bool = True):
    return store.open_collection(settings, store.embedder_info(settings), create=create)


def test_store_of_another_model_is_refused_with_a_re_ingest_hint(seed_settings):
    other = Settings(data_dir=seed_settings.data_dir, embed_model="some/other-model")
    for _ in range(2):  # a refused open must not rewrite the model the store records
        with pytest.raises(store.StoreError) as refused:
            open_with(other)
        message = str(refused.value)
        assert "re-ingest" in message and "some/other-model" in message
        assert "sentence-transformers/all-MiniLM-L6-v2" in message
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
