"""The sweep for orphaned sentence vectors reads ids only: a sentence id names its passage."""

from __future__ import annotations

from settings import Settings

PASSAGES = ["a#0000", "a#0001", "x:s01#0000"]  # a file named ``x:s01`` is allowed
SENTENCES = ["a#0000:s00", "a#0000:s01", "a#0001:s00", "b#0000:s00", "b#0000:s01", "x:s01#0000:s00", "x:s02#0000:s00"]
ORPHANS = {"b#0000:s00", "b#0000:s01", "x:s02#0000:s00"}


class Recorded:
    """A Chroma collection whose ``get`` calls are noted (what each asked to include)."""

    def __init__(self, collection):
        self._collection, self.includes = collection, []

    def __getattr__(self, name):
        return getattr(self._collection, name)

    def get(self, *args, **kwargs):
        self.includes.append(list(kwargs.get("include", ["metadatas", "documents"])))
        return self._collection.get(*args, **kwargs)


def small_store(settings: Settings):
    """A passage collection (as ingest leaves it, quiet) and its sentence collection, vectors made up."""
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
