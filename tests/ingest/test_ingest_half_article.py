"""An ingest killed after SOME passages of ONE article are written: the next run completes that article.

The store marks an article complete only when all its passages are there (the
passage count travels with every passage); this is the one test that leaves a
half-written article behind, through a test-only wrapper (fault_ingest.py).
"""

from __future__ import annotations

import shutil
import signal
from collections import Counter

import pytest
from ingest_helpers import KILL_BACKEND, ingest_dying, stored_passages

from settings import ROOT

WRITTEN = 3  # passages of the first article written before the kill

pytestmark = pytest.mark.timeout(120)


def test_half_written_article_is_completed_by_the_next_run(tmp_path, make_settings, minilm):
    from ingest.pipeline import ingest

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    killed = make_settings(data_dir=tmp_path / "killed", embed_backend=KILL_BACKEND)

    died = ingest_dying(corpus, killed.data_dir, {"NEWSQA_FAULT_AFTER_PASSAGES": str(WRITTEN)})
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    partial = stored_passages(killed)
    assert len(partial) == WRITTEN and len({p["meta"]["doc_id"] for p in partial}) == 1
    assert partial[0]["meta"]["n_chunks"] > WRITTEN, "the article must be only partly written"

    resumed = ingest([corpus], killed, embedder=minilm, warn=lambda m: None)
    clean = make_settings(data_dir=tmp_path / "clean", embed_backend=KILL_BACKEND)
    ingest([corpus], clean, embedder=minilm, warn=lambda m: None)
    after, expected = stored_passages(killed), stored_passages(clean)

    assert [(p["id"], p["text"], p["meta"]["doc_hash"]) for p in after] == [
        (p["id"], p["text"], p["meta"]["doc_hash"]) for p in expected
    ]
    counts = Counter(p["meta"]["doc_id"] for p in after)
    assert all(p["meta"]["n_chunks"] == counts[p["meta"]["doc_id"]] for p in after), "an article is incomplete"
    assert set(counts) == {f.stem for f in corpus.iterdir()}, "passages of no article file (orphans)"
    assert resumed.unchanged == 0 and resumed.updated == partial[0]["meta"]["n_chunks"]
    assert sentence_ids(killed) == sentence_ids(clean), "sentence vectors differ from a clean ingest's"


def sentence_ids(settings) -> list[str]:
    from store.sentences import open_sentences

    return sorted(open_sentences(settings).get(include=[])["ids"])
