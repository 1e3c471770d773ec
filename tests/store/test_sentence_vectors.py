"""Sentence vectors are stored at ingest (late chunking), so answering embeds only the question."""

from __future__ import annotations

import numpy as np
import pytest

from store.late import embed_with_sentences
from store.sentences import open_sentences
from textkit.sentences import sentence_spans

QUESTION = "Hur många poliskameror är målbilden nationellt?"


def test_every_passage_sentence_has_a_stored_vector(seed_settings):
    from store import embedder_info, open_collection

    passages = open_collection(seed_settings, embedder_info(seed_settings)).get(include=["documents"])
    stored = open_sentences(seed_settings).get(include=["documents", "metadatas"])
    for chunk_id, text in zip(passages["ids"], passages["documents"]):
        expected = [text[s:e] for s, e in sentence_spans(text)]
        got = [doc for doc, meta in zip(stored["documents"], stored["metadatas"]) if meta["chunk_id"] == chunk_id]
        assert got == expected, chunk_id


def test_answering_embeds_the_question_and_nothing_else(seed_settings, embedder, monkeypatch):
    from qa.engine import Engine

    kind, calls = type(embedder), {"texts": 0, "queries": 0}
    texts, query = kind._get_text_embeddings, kind._get_query_embedding

    def count_texts(self, batch):
        calls["texts"] += len(batch)
        return texts(self, batch)

    def count_query(self, question):
        calls["queries"] += 1
        return query(self, question)

    monkeypatch.setattr(kind, "_get_text_embeddings", count_texts)
    monkeypatch.setattr(kind, "_get_query_embedding", count_query)
    fitted = seed_settings.model_copy(update={"answer_model": "fitted"})  # the rules embed sentences on their own
    answer = Engine(fitted, embedder=embedder).answer(QUESTION)
    assert not answer.error and answer.citations
    assert calls == {"texts": 0, "queries": 1}


@pytest.mark.parametrize("which", ["e5", "sentence-transformers"])
def test_late_sentence_vectors_rank_the_answering_sentence_first(which, e5, minilm):
    """A sentence's vector, read in its passage's context, still points at what it says."""
    from store import ingest_embedder

    model = e5 if which == "e5" else minilm
    passage = (
        "Polisen vill ha fler kameror. Målbilden skruvades upp till 2500 kameror nationellt. "
        "Vädret i helgen blir soligt och varmt."
    )
    sentences = [passage[s:e] for s, e in sentence_spans(passage)]
    vectors, per_passage = embed_with_sentences(ingest_embedder(model), [passage], [sentences])
    question = np.asarray(model.get_query_embedding(QUESTION))
    scores = [float(np.dot(question, v)) for v in per_passage[0]]
    assert len(per_passage[0]) == 3 and int(np.argmax(scores)) == 1, scores
    plain = np.asarray(ingest_embedder(model).get_text_embedding_batch([passage])[0])
    assert float(np.dot(plain, vectors[0])) >= 0.999  # the passage vector is the plain encode's


@pytest.mark.parametrize("which", ["e5", "sentence-transformers"])
def test_a_passage_longer_than_the_model_window_is_ingested_without_tokenizer_warnings(which, e5, minilm):
    """The length check tokenises whole passages; the ingest output shows no warning for that."""
    import logging

    from store import ingest_embedder

    class Recorder(logging.Handler):
        def __init__(self):
            super().__init__(logging.WARNING)
            self.messages = []

        def emit(self, record):
            self.messages.append(record.getMessage())

    model = e5 if which == "e5" else minilm
    passage = " ".join(f"Mening nummer {n} handlar om kameror i stadsdel {n}." for n in range(80))
    sentences = [passage[s:e] for s, e in sentence_spans(passage)]
    recorder = Recorder()
    logging.getLogger("transformers").addHandler(recorder)  # transformers' loggers do not propagate to root
    try:
        vectors, per_passage = embed_with_sentences(ingest_embedder(model), [passage], [sentences])
    finally:
        logging.getLogger("transformers").removeHandler(recorder)
    assert not [m for m in recorder.messages if "sequence length" in m]
    assert len(vectors) == 1 and len(per_passage[0]) == len(sentences) == 80
