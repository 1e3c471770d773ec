"""Open the passage collection, embedded (``PersistentClient``) or on a server.

The collection's metadata names the embedding model and its dimension; a
store built with another model is refused with a message to re-ingest.

>>> col = open_collection(Settings(data_dir=tmp), info)   # doctest: +SKIP
>>> col.metadata["embed_model"]
'sentence-transformers/all-MiniLM-L6-v2'
"""
from __future__ import annotations

from settings import Settings
from store.embedding import EmbedderInfo


class StoreError(RuntimeError):
    """A problem with the store, worded for the person at the keyboard."""


def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.server_mode:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        except Exception as exc:  # chromadb raises bare ValueError/ConnectionError here
            raise StoreError(
                f"Cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({type(exc).__name__})."
            ) from exc
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def open_collection(settings: Settings, info: EmbedderInfo, create: bool = True):
    """The collection, created on first use; refuses a store of another model."""
    client = _client(settings)
    try:
        if create:
            metadata = {"embed_model": info.name, "hnsw:space": "cosine"}
            if info.dim:
                metadata["embed_dim"] = info.dim
            collection = client.get_or_create_collection(
                name=settings.collection, metadata=metadata, embedding_function=None
            )
        else:
            collection = client.get_collection(name=settings.collection, embedding_function=None)
    except StoreError:
        raise
    except Exception as exc:
        if not create and "does not exist" in str(exc).lower():
            raise StoreError("The store is empty: run `python -m ingest` first.") from exc
        raise StoreError(f"Cannot open the store: {type(exc).__name__}: {str(exc)[:200]}") from exc
    stored = (collection.metadata or {}).get("embed_model")
    if stored and stored != info.name:
        raise StoreError(
            f"The store was built with the embedding model '{stored}', not '{info.name}': "
            f"re-ingest with `python -m ingest --rebuild`, or set EMBED_MODEL={stored}."
        )
    return collection


def open_vector_store(collection):
    from llama_index.vector_stores.chroma import ChromaVectorStore

    return ChromaVectorStore(chroma_collection=collection)


def store_fingerprint(collection) -> str:
    """Changes whenever passages are added, replaced or removed.

    Every ingest run writes a fresh ``generation`` into the collection metadata
    after it changed anything, so caches (the BM25 index) key on it. The handle's
    metadata is a snapshot from when it was opened, so it is read again here:
    another process (``python -m ingest``) may have changed the store since.
    """
    try:
        model = collection._client.get_collection(collection.name, collection.tenant, collection.database)
        if model.id != collection.id:  # replaced by `ingest --rebuild`: the caller reopens it
            return f"{model.id}:replaced"
        return f"{model.id}:{collection.count()}:{(model.metadata or {}).get('generation', 0)}"
    except Exception as exc:
        if "does not exist" in str(exc).lower():
            raise StoreError("The store is empty: run `python -m ingest` first.") from exc
        raise StoreError(f"Cannot read the store ({type(exc).__name__}).") from exc


def drop_collection(settings: Settings) -> None:
    """Delete the collection (for a rebuild with another embedding model)."""
    client = _client(settings)
    try:
        client.delete_collection(settings.collection)
    except Exception:  # absent already: nothing to drop
        pass
