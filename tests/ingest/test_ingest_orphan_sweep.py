"""The sweep for orphaned sentence vectors: where it can find some it reads ids only, and elsewhere nothing."""

from __future__ import annotations

import signal

import pytest
from ingest_helpers import KILL_BACKEND, Recorded, ingest_dying, write_article

from settings import Settings

PASSAGES = ["a#0000", "a#0001", "x:s01#0000"]  # a file named ``x:s01`` is allowed
SENTENCES = ["a#0000:s00", "a#0000:s01", "a#0001:s00", "b#0000:s00", "b#0000:s01", "x:s01#0000:s00", "x:s02#0000:s00"]
ORPHANS = {"b#0000:s00", "b#0000:s01", "x:s02#0000:s00"}
BRIDGE = "Bron över älven är 340 meter lång. Den öppnar i maj."
SCHOOL = "Skolan i Kiruna flyttar till nya lokaler i augusti. Bygget kostade 480 miljoner kronor."


def small_store(settings: Settings):
    """A passage collection (quiet, as ingest leaves it) and its sentence collection, vectors made up."""
    import chromadb

    from store.sentences import open_sentences

    client = chromadb.PersistentClient(str(settings.chroma_path))
    passages = client.create_collection(settings.collection, metadata={"generation": 1, "writing": 0})
    passages.add(ids=PASSAGES, embeddings=[[1.0, 0.0]] * len(PASSAGES))
    sentences = open_sentences(settings)
    metas = [
        {"doc_id": sid.split("#")[0], "chunk_id": sid.rsplit(":s", 1)[0], "text": "En mening."} for sid in SENTENCES
    ]
    sentences.add(ids=SENTENCES, metadatas=metas, embeddings=[[0.0, 1.0]] * len(SENTENCES))
    return Recorded(passages), Recorded(sentences)


def test_a_sweep_removes_exactly_the_orphans_reading_only_ids_page_by_page(tmp_path, monkeypatch):
    import store.sentences
    from store.sentences import delete_orphans

    monkeypatch.setattr(store.sentences, "ID_PAGE", 2)  # several pages, and one that ends exactly full
    passages, sentences = small_store(Settings(data_dir=tmp_path))

    assert delete_orphans(sentences, passages) == len(ORPHANS)

    assert set(sentences.get(include=[])["ids"]) == set(SENTENCES) - ORPHANS
    assert sentences.includes[:-1] and all(include == [] for include in sentences.includes + passages.includes), (
        "the sweep read more than ids",
        sentences.includes,
        passages.includes,
    )


def stored_articles(settings: Settings) -> tuple[set[str], set[str]]:
    """The articles that have passages, and those that have sentence vectors."""
    import chromadb

    from store.sentences import open_sentences

    passages = chromadb.PersistentClient(str(settings.chroma_path)).get_collection(settings.collection)
    sentences = open_sentences(settings).get(include=["metadatas"])["metadatas"]
    return {m["doc_id"] for m in passages.get(include=["metadatas"])["metadatas"]}, {m["doc_id"] for m in sentences}


def test_uploads_into_a_store_without_orphans_do_not_read_the_sentence_vectors_nor_after_a_removal(
    seed_copy, make_settings, run_ingest, monkeypatch, tmp_path
):
    """Each file uploaded in the chat is one ingest: on a large store the sweep cost more than the file."""
    import ingest.pipeline
    from ingest.pipeline import remove_articles
    from store import embedder_info, open_collection
    from store.sentences import open_sentences

    settings = make_settings()
    run_ingest([seed_copy], settings)
    opened: list[Recorded] = []
    monkeypatch.setattr(
        ingest.pipeline, "open_sentences", lambda s: opened.append(Recorded(open_sentences(s))) or opened[-1]
    )

    first, _ = run_ingest([write_article(tmp_path / "upload", "skola.txt", SCHOOL, title="Ny skola")], settings)
    removed = sorted(seed_copy.glob("*.txt"))[0].stem
    remove_articles(settings, open_collection(settings, embedder_info(settings)), [removed])  # the chat's Remove
    second, _ = run_ingest([write_article(tmp_path / "upload", "bro.txt", BRIDGE, title="Ny bro")], settings)

    assert first.added and second.added and "orphaned" not in first.summary_line() + second.summary_line()
    read = [r.includes for r in opened]
    assert read == [[], [], []], f"the upload, removal, upload read the sentence collection: {read}"
    with_passages, with_sentences = stored_articles(settings)
    assert {"skola", "bro"} <= with_passages and removed not in with_passages and with_sentences == with_passages


@pytest.mark.timeout(120)
def test_sentence_vectors_left_by_a_killed_ingest_are_removed_by_the_next_upload(
    seed_copy, make_settings, minilm, tmp_path
):
    """Killed between an article's sentence vectors and its passages; then its file is given up."""
    from ingest.pipeline import ingest

    settings = make_settings(embed_backend=KILL_BACKEND)
    ingest([seed_copy], settings, embedder=minilm, warn=lambda m: None)
    bridge = write_article(seed_copy, "bro.txt", BRIDGE, title="Bro")
    died = ingest_dying(seed_copy, settings.data_dir, {"NEWSQA_FAULT_AFTER_PASSAGES": "0"})
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    with_passages, with_sentences = stored_articles(settings)
    assert with_sentences - with_passages == {"bro"}, "the kill did not leave the article's sentence vectors"
    bridge.unlink()

    report = ingest([write_article(tmp_path / "upload", "skola.txt", SCHOOL)], settings, embedder=minilm, warn=print)

    assert report.summary_line().endswith("; 2 orphaned sentence vectors removed")
    with_passages, with_sentences = stored_articles(settings)
    assert "skola" in with_passages and with_sentences == with_passages
