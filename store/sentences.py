"""The sentence vectors beside the passages: a second collection, ``<collection>-sentences``.

Ingest writes, for every passage, the vector of each of its sentences (see
``store/late.py``); the engine reads them for the passages it retrieved, so a
question costs one embedding, not one per candidate sentence. An article's
sentences are written before its passages and deleted with them, so a killed
ingest never leaves an article whose passages are complete and sentences not.

A sentence's text is kept in its metadata (``text``), not as a Chroma document:
documents get a full-text index, which nothing here searches and which took
about 40% of the time of writing sentences. Stores written before read their documents.

>>> sentence_id("a#0003", 2), chunk_of("a#0003:s02")
('a#0003:s02', 'a#0003')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

SUFFIX = "-sentences"
TEXT = "text"  # the metadata key of a sentence's text
BATCH = 4096  # Chroma caps the batch size of one call
# Ids only are some 30 bytes a row, so a page can be large; and Chroma skips each page's offset row
# by row, so small pages cost far more: on 200,000 sentences 5,000 a page took 5x one read, 50,000 1.7x.
ID_PAGE = 50_000
# Metadata of the sentence collection: "<passages>:<sentences>", the counts the last quiet ingest left
# with no orphans; a store whose counts still match it has none to sweep (``orphans_possible``).
TALLY = "tally"


def sentence_id(chunk_id: str, k: int) -> str:
    return f"{chunk_id}:s{k:02d}"


def chunk_of(sentence: str) -> str:
    """The passage id inside a sentence id (``sentence_id``; ids have had this form since sentences were stored)."""
    return sentence.rsplit(":s", 1)[0]


def sentences_name(collection_name: str) -> str:
    return collection_name + SUFFIX


def open_sentences(settings):
    """The sentence collection that belongs to the passage collection (created on first use)."""
    from store.chroma import _client

    return _client(settings).get_or_create_collection(
        sentences_name(settings.collection), metadata={"hnsw:space": "cosine"}, embedding_function=None
    )


def write_sentences(
    sentences,
    chunk_ids: Sequence[str],
    doc_ids: Sequence[str],
    texts: Sequence[Sequence[str]],
    vectors: Sequence[Sequence],
) -> None:
    """Upsert the sentences of some passages (ids from the passage id and position)."""
    ids, metas, embeddings = [], [], []
    for chunk_id, doc_id, group, group_vectors in zip(chunk_ids, doc_ids, texts, vectors):
        for k, (text, vector) in enumerate(zip(group, group_vectors)):
            ids.append(sentence_id(chunk_id, k))
            metas.append({"doc_id": doc_id, "chunk_id": chunk_id, TEXT: text})
            embeddings.append(vector)
    for start in range(0, len(ids), BATCH):
        end = start + BATCH
        sentences.upsert(ids=ids[start:end], metadatas=metas[start:end], embeddings=embeddings[start:end])


def delete_articles(sentences, doc_ids: Iterable[str]) -> None:
    doc_ids = list(dict.fromkeys(doc_ids))
    if doc_ids:
        sentences.delete(where={"doc_id": {"$in": doc_ids}})


def delete_orphans(sentences, collection) -> int:
    """Delete the sentence vectors whose passage is not stored; returns how many (0 while a writer is at work)."""
    return _sweep(sentences, collection) or 0


def orphans_possible(sentences, collection) -> bool:
    """Whether the store, as these handles were opened, may hold sentence vectors whose passage is gone.

    Stores written by older versions hold such orphans: their prune or removal deleted an
    article's passages before its sentences, and a kill in between left the sentences. A writer
    of this version killed between an article's sentences and its passages leaves them too, and
    its ``writing`` mark. Anything else that changed the store since a run noted its counts
    (``TALLY``) changed them (almost surely); a store this version never swept has no tally.
    """
    from store.chroma import interrupted

    return interrupted(collection) or (sentences.metadata or {}).get(TALLY) != _tally(sentences, collection)


def sweep_orphans(sentences, collection, possible: bool) -> int:
    """``delete_orphans`` where ``possible`` (``orphans_possible``), then the tally that lets the next run skip it."""
    removed = _sweep(sentences, collection) if possible else 0
    if removed is not None:
        _record_tally(sentences, collection)
    return removed or 0


def _sweep(sentences, collection) -> int | None:
    """The orphans deleted; None, with nothing deleted, unless the store was quiet throughout.

    A writer at work has sentences whose passages are still to come (sentences go first), and
    pages read while it writes may skip rows, so nothing counts unless no writer was between its
    generation bumps from before the sentences were read until after the passages were.
    """
    from store.chroma import quiet_generation

    before = quiet_generation(collection)
    if before is None:
        return None
    sentence_ids = _all_ids(sentences)  # before the passages: a writer adds sentences first
    stored = set(_all_ids(collection))
    doomed = [sid for sid in sentence_ids if chunk_of(sid) not in stored]
    if quiet_generation(collection) != before:
        return None
    for start in range(0, len(doomed), BATCH):
        sentences.delete(ids=doomed[start : start + BATCH])
    return len(doomed)


def _tally(sentences, collection) -> str:
    return f"{collection.count()}:{sentences.count()}"


def _record_tally(sentences, collection) -> None:
    """Note the counts, unless a writer is at work: its changes are clean only once it has finished."""
    from store.chroma import quiet_generation

    before = quiet_generation(collection)
    tally = _tally(sentences, collection)
    # Chroma refuses to modify hnsw: keys, even to their own values; the index keeps its settings without them.
    meta = {k: v for k, v in (sentences.metadata or {}).items() if not k.startswith("hnsw:")}
    if before is None or quiet_generation(collection) != before or meta.get(TALLY) == tally:
        return
    sentences.modify(metadata={**meta, TALLY: tally})


def _all_ids(collection) -> list[str]:
    """Every id in ``collection``, and nothing else of its rows (a sentence id names its passage)."""
    from store.passages import iter_passages

    return [row["id"] for row in iter_passages(collection, include=(), page=ID_PAGE)]


def sentence_vectors(sentences, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
    """Sentence text -> stored vector, for the sentences of these passages."""
    if not chunk_ids:
        return {}
    found = sentences.get(
        where={"chunk_id": {"$in": list(dict.fromkeys(chunk_ids))}}, include=["metadatas", "documents", "embeddings"]
    )
    texts = (meta.get(TEXT, doc) for meta, doc in zip(found["metadatas"], found["documents"]))
    return {text: np.asarray(vec, dtype=np.float32) for text, vec in zip(texts, found["embeddings"])}
