"""Opening the store: the embedder it was built with, an empty store, the cache fingerprint."""

from __future__ import annotations

import pytest

import store
from settings import Settings
from store.chroma import store_fingerprint
from store.embedding import EmbedderInfo

OLD_INFO = EmbedderInfo("any/model", "e5", 384, "query:/passage:")


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


def _exact_misses(collection, vectors, queries, k: int = 24) -> int:
    """Queries whose top ``k`` from the store differ from exact cosine search."""
    import numpy as np

    found = collection.query(query_embeddings=queries.tolist(), n_results=k, include=[])["ids"]
    exact = [{str(i) for i in np.argsort(-(vectors @ q))[:k]} for q in queries]
    return sum(set(ids) != best for ids, best in zip(found, exact))


# A store as they were made before EF_SEARCH, an article (50 passages) at a time, by another process
# (as `python -m ingest` does; a process keeps the index it has loaded).
OLD_STORE = """
import json, sys, chromadb, numpy as np
vectors = np.load(sys.argv[2])
old = chromadb.PersistentClient(path=sys.argv[1]).create_collection(
    "articles", metadata={**json.loads(sys.argv[3]), "hnsw:space": "cosine"}, embedding_function=None)
for start in range(0, len(vectors), 50):
    old.add(ids=[str(i) for i in range(start, start + 50)], embeddings=vectors[start : start + 50].tolist())
"""


def _old_store(tmp_path, vectors, info) -> Settings:
    """Settings of a store of ``vectors`` made the old way by another process."""
    import json
    import subprocess
    import sys

    import numpy as np

    settings = Settings(data_dir=tmp_path, collection="articles")
    np.save(tmp_path / "vectors.npy", vectors)
    made = [sys.executable, "-c", OLD_STORE, str(settings.chroma_path), str(tmp_path / "vectors.npy")]
    subprocess.run([*made, json.dumps(info.metadata())], check=True, timeout=120)
    return settings


def test_dense_search_finds_the_exact_nearest_passages_even_in_a_store_built_before(tmp_path):
    """Chroma's default HNSW search left true top-24 neighbours out for about 1 query in 70 here."""
    import numpy as np

    from store.chroma import EF_SEARCH

    rng = np.random.default_rng(0)
    vectors, queries = (v / np.linalg.norm(v, axis=1, keepdims=True) for v in rng.normal(size=(2, 400, 384)))
    collection = store.open_collection(_old_store(tmp_path, vectors, OLD_INFO), OLD_INFO)
    assert _exact_misses(collection, vectors, queries) == 0
    assert collection.configuration["hnsw"]["ef_search"] == EF_SEARCH  # kept for the next process


class BrieflyLocked:
    """A collection whose database another writer holds for its first ``busy`` changes.

    Chroma's real lock could not be made to refuse on demand (it waits out another process's
    lock); SQLite refuses at once when two writers would deadlock, which a CI run saw once.
    """

    configuration = {"hnsw": {"ef_search": 100}}

    def __init__(self, busy: int):
        self.busy = busy

    def modify(self, configuration):
        if self.busy:
            self.busy -= 1
            raise RuntimeError("Database error: error returned from database: (code: 5) database is locked")
        self.configuration = configuration


@pytest.mark.fast
def test_a_store_locked_for_a_moment_by_another_writer_is_still_widened(caplog):
    from store.chroma import EF_SEARCH, LOCKED_TRIES, searched_widely

    assert searched_widely(BrieflyLocked(busy=2)).configuration["hnsw"]["ef_search"] == EF_SEARCH
    assert not caplog.records
    never = searched_widely(BrieflyLocked(busy=LOCKED_TRIES))  # locked throughout: it answers, narrower
    assert never.configuration["hnsw"]["ef_search"] == 100 and "database is locked" in caplog.text


def test_a_store_that_cannot_be_changed_still_opens_and_says_why_in_the_log(tmp_path, monkeypatch, caplog):
    """A read-only store (root ignores chmod, so the write is made to fail) is searched as it was made."""
    import numpy as np
    from chromadb.api.models.Collection import Collection

    settings = _old_store(tmp_path, np.eye(50, 384), OLD_INFO)

    def refuse(self, **changes):
        raise PermissionError("attempt to write a readonly database")

    monkeypatch.setattr(Collection, "modify", refuse)
    collection = store.open_collection(settings, OLD_INFO)
    assert collection.count() == 50 and "readonly database" in caplog.text


@pytest.mark.parametrize(
    "question, lang", [("Hur många kameror finns det?", "sv"), ("How many cameras are there?", "en")]
)
def test_asking_a_store_of_another_embedder_says_how_to_fix_it(seed_settings, backend, question, lang):
    from qa.engine import Engine
    from qa.messages import say

    name, other = backend
    if name == "e5":
        pytest.skip("the seed store is built with e5 (the default): the same embedder opens it")
    answer = Engine(seed_settings, embedder=other).answer(question)
    assert answer.refused and "\n" not in answer.error and "--rebuild" in answer.error
    assert answer.error.startswith(say("embedder_mismatch", lang, stored="", current="", hint="").split(" ")[0])
    assert "sentence-transformers/all-MiniLM-L6-v2" in answer.error and "EMBED_BACKEND=e5" in answer.error
