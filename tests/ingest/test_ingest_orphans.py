"""Sentence vectors whose passage is gone (left by older versions) are removed by the next ingest."""

from __future__ import annotations

from ingest_helpers import stored_passages, write_article

BRIDGE = "Bron över älven är 340 meter lång. Den kostade 212 miljoner kronor och öppnar i maj."
QUESTIONS = ["Hur många poliskameror är målbilden nationellt?", "Vad kostade bron över älven?"]


def sentence_rows(settings) -> dict[str, tuple]:
    """sentence id -> (metadata, vector), every stored sentence vector."""
    from store.sentences import open_sentences

    found = open_sentences(settings).get(include=["metadatas", "embeddings"])
    return {sid: (meta, list(vec)) for sid, meta, vec in zip(found["ids"], found["metadatas"], found["embeddings"])}


def answers(settings, embedder) -> list[tuple]:
    """What the chat says to ``QUESTIONS``, with the rules and with the fitted model (which reads sentence vectors)."""
    from qa.engine import Engine

    said = []
    for model in ("rules", "fitted"):
        engine = Engine(settings.model_copy(update={"answer_model": model}), embedder=embedder)
        for question in QUESTIONS:
            answer = engine.answer(question)
            said.append((answer.answer, [c.chunk_id for c in answer.citations]))
    return said


def with_orphans(seed_copy, settings, run_ingest) -> dict[str, tuple]:
    """A store of ``seed_copy`` holding the sentence vectors of an article whose passages are gone; the rest of its rows."""
    import chromadb

    bridge = write_article(seed_copy, "bro.txt", BRIDGE, title="Ny bro")
    run_ingest([seed_copy], settings)
    bridge.unlink()
    # What a prune of an older version did before it was killed: the passages deleted, their sentences not.
    client = chromadb.PersistentClient(str(settings.chroma_path))
    client.get_collection(settings.collection).delete(where={"doc_id": "bro"})
    kept = {sid: row for sid, row in sentence_rows(settings).items() if row[0]["doc_id"] != "bro"}
    assert len(sentence_rows(settings)) > len(kept)
    return kept


def test_sentence_vectors_of_passages_deleted_by_an_older_version_are_removed_and_nothing_else(
    seed_copy, make_settings, run_ingest, embedder
):
    settings = make_settings()
    kept = with_orphans(seed_copy, settings, run_ingest)
    orphans = len(sentence_rows(settings)) - len(kept)
    passages, said = stored_passages(settings), answers(settings, embedder)

    report, _ = run_ingest([seed_copy], settings)

    assert sentence_rows(settings) == kept, "orphaned sentence vectors were left, or others changed"
    assert stored_passages(settings) == passages and answers(settings, embedder) == said
    assert report.summary_line().endswith(f"; {orphans} orphaned sentence vectors removed")
    again, _ = run_ingest([seed_copy], settings)
    assert "orphaned" not in again.summary_line() and sentence_rows(settings) == kept


def test_no_sentence_vector_is_taken_for_an_orphan_while_a_writer_is_at_work(seed_copy, make_settings, run_ingest):
    """A writer stores an article's sentences before its passages: between the two they look orphaned."""
    from store import embedder_info, open_collection
    from store.chroma import bump_generation
    from store.sentences import delete_orphans, open_sentences

    settings = make_settings()
    with_orphans(seed_copy, settings, run_ingest)
    before = sentence_rows(settings)
    collection = open_collection(settings, embedder_info(settings))
    bump_generation(collection, writing=True)  # as another ingest does before its first change

    assert delete_orphans(open_sentences(settings), collection) == 0 and sentence_rows(settings) == before
