"""Re-embed a store built with another embedder, so vectors of two models never mix.

Every stored passage is embedded again with the current embedder (its text and
metadata are kept as they are) into a fresh collection, which then takes the
old one's place. Killed midway, the old collection is untouched and the next
start begins again.

>>> reembed(settings, embedder)          # doctest: +SKIP
1234
"""

from __future__ import annotations

import time

from settings import Settings
from store.chroma import INDEX, _client, delete_if_present
from store.embedding import identity, ingest_embedder
from store.late import embed_with_sentences
from store.sentences import sentences_name, write_sentences

PAGE = 1024  # passages read, embedded and written at a time


def _embed_texts(batch: dict) -> list[str]:
    """The text each passage was embedded from (title and passage, as ingest builds it)."""
    from llama_index.core.schema import MetadataMode
    from llama_index.core.vector_stores.utils import metadata_dict_to_node

    nodes = (metadata_dict_to_node(meta, text=doc) for meta, doc in zip(batch["metadatas"], batch["documents"]))
    return [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]


def _embed_sorted(bulk, texts: list[str], parts: list[list[str]]) -> tuple[list, list]:
    """Passage and sentence vectors, embedded in length order (less padding), in the original order."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors, sentence_vectors = embed_with_sentences(bulk, [texts[i] for i in order], [parts[i] for i in order])
    out: list = [None] * len(texts)
    out_sentences: list = [None] * len(texts)
    for i, vector, group in zip(order, vectors, sentence_vectors):
        out[i], out_sentences[i] = vector, group
    return out, out_sentences


def reembed(settings: Settings, embedder, progress: bool = False) -> int:
    """Replace the collection by one embedded with ``embedder``; returns the passages re-embedded."""
    from tqdm import tqdm

    from textkit.sentences import sentence_spans  # how ingest split the passages into sentences

    client = _client(settings)
    old = client.get_collection(settings.collection, embedding_function=None)
    fresh_name = f"{settings.collection}-reembed"
    delete_if_present(client, fresh_name)  # left by a run that was killed
    meta = {k: v for k, v in (old.metadata or {}).items() if not k.startswith(("embed_", "hnsw:"))}
    meta.update(identity(embedder).metadata(), generation=time.time_ns())
    fresh = client.create_collection(fresh_name, metadata=meta, configuration=INDEX, embedding_function=None)
    bulk, total = ingest_embedder(embedder), old.count()
    sentences = _fresh_sentences(client, settings.collection)  # vectors of the old model are useless now
    with tqdm(total=total, desc="re-embed", unit="passage", disable=not progress) as bar:
        for offset in range(0, total, PAGE):
            batch = old.get(include=["documents", "metadatas"], limit=PAGE, offset=offset)
            parts = [[doc[s:e] for s, e in sentence_spans(doc)] for doc in batch["documents"]]
            vectors, sentence_vectors = _embed_sorted(bulk, _embed_texts(batch), parts)
            write_sentences(
                sentences, batch["ids"], [m.get("doc_id", "") for m in batch["metadatas"]], parts, sentence_vectors
            )
            fresh.add(ids=batch["ids"], embeddings=vectors, documents=batch["documents"], metadatas=batch["metadatas"])
            bar.update(len(batch["ids"]))
    client.delete_collection(settings.collection)
    fresh.modify(name=settings.collection)
    return total


def _fresh_sentences(client, name: str):
    """An empty sentence collection for the re-embedded passages (a killed run's is dropped)."""
    delete_if_present(client, sentences_name(name))
    return client.create_collection(sentences_name(name), metadata={"hnsw:space": "cosine"}, embedding_function=None)
