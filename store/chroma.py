"""Open the passage collection, embedded (``PersistentClient``) or on a server.

The collection's metadata records the embedder (model, backend, dimension,
prefix scheme); a store built with another embedder is refused in one line.

>>> col = open_collection(Settings(data_dir=tmp), identity(embedder))   # doctest: +SKIP
>>> col.metadata["embed_model"], col.metadata["embed_backend"]           # doctest: +SKIP
('intfloat/multilingual-e5-small', 'e5')
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path

from settings import Settings
from store.embedding import EmbedderInfo

# Chroma's HNSW search keeps ef_search candidates (its default is 100). With that default, on the dev
# set's 375 passages an exact top-24 neighbour was missing (once at exact rank 5) for 5 to 9 of 619
# questions, a different few on each build of the same store; at 200, for none in three builds
# (measured 2026-11-29). Only search time grows with it; ef_search can be changed on a built index.
EF_SEARCH = 200
INDEX = {"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}}
WRITING = "writing"  # collection metadata: 1 while a writer is between its two generation bumps
# SQLite answers "database is locked" while another connection writes (an ingest, or a writer that has
# only just closed: seen once in a CI run on a busy machine); a moment later the change goes through.
LOCKED_TRIES, LOCKED_WAIT_S = 5, 0.2


class StoreError(RuntimeError):
    """A problem with the store, worded for the person at the keyboard."""


class EmptyStore(StoreError):
    """Nothing to read yet: no collection, or one without passages."""

    def __init__(self, message: str = "The store is empty: run `python -m ingest` first."):
        super().__init__(message)


class StoreNotWritable(StoreError):
    """``DATA_DIR`` cannot be written: chromadb opens an embedded store only for writing, even to read it."""

    def __init__(self, data_dir: Path):
        super().__init__(
            f"DATA_DIR {data_dir} is not writable (Chroma cannot open a store it cannot write, even to read it): "
            "make it writable or set DATA_DIR to another folder."
        )
        self.data_dir = data_dir


class ServerUnreachable(StoreError):
    """The Chroma server (``CHROMA_HOST``) is down or went away mid-way."""

    def __init__(self, settings: Settings, exc: BaseException):
        super().__init__(
            f"Cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({type(exc).__name__})."
        )


def is_connection_error(exc: BaseException | None) -> bool:
    """True for a store (or server) that went away mid-request, whichever client library raised it."""
    import httpx

    while exc is not None:
        if isinstance(exc, (ConnectionError, TimeoutError, httpx.TransportError)):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


@contextlib.contextmanager
def server_kept(settings: Settings):
    """Inside it, losing the Chroma server raises ``ServerUnreachable`` (one line), not the client's traceback."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        if settings.server_mode and is_connection_error(exc):
            raise ServerUnreachable(settings, exc) from exc
        raise


def delete_if_present(client, name: str) -> None:
    """Delete a collection if it is there (chromadb raises NotFoundError, a ValueError, when it is not)."""
    with contextlib.suppress(Exception):  # absent already: nothing to drop
        client.delete_collection(name)


def is_not_found(exc: BaseException) -> bool:
    """True for chromadb's own "no such collection" error (embedded or from a server).

    The one place that knows chromadb's exception classes; callers catch ``EmptyStore``.
    """
    from chromadb.errors import NotFoundError

    return isinstance(exc, NotFoundError)


class EmbedderMismatch(StoreError):
    """The store's vectors come from another embedder (``stored``) than the one in use."""

    def __init__(self, stored: EmbedderInfo, current: EmbedderInfo):
        hint = (
            "EMBED_BACKEND=sentence-transformers" if stored.backend == "sentence-transformers" else "EMBED_BACKEND=e5"
        )
        if stored.backend == current.backend == "sentence-transformers":
            hint = f"EMBED_MODEL={stored.name}"
        super().__init__(
            f"The store was built with the embedding model '{stored.name}' ({stored.backend}, {stored.dim}-d, "
            f"{stored.prefix}), not '{current.name}' ({current.backend}, {current.dim}-d, {current.prefix}): "
            f"re-ingest with `python -m ingest --rebuild` (or start `python app.py`, which re-embeds it), or set {hint}."
        )
        self.stored, self.current, self.hint = stored, current, hint


def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.server_mode:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as exc:  # chromadb raises bare ValueError/ConnectionError here
            raise ServerUnreachable(settings, exc) from exc
    try:
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    except Exception as exc:
        if not writable(settings.chroma_path):
            raise StoreNotWritable(settings.data_dir) from exc
        raise


def writable(folder: Path) -> bool:
    """Whether ``folder`` (or, before it exists, the nearest folder above it) and its database can be written."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    database = folder / "chroma.sqlite3"
    return os.access(folder, os.W_OK) and (not database.exists() or os.access(database, os.W_OK))


def open_collection(settings: Settings, info: EmbedderInfo, create: bool = True):
    """The collection, created on first use; refuses a store of another model."""
    client = _client(settings)
    try:
        if create:
            collection = client.get_or_create_collection(
                name=settings.collection, metadata=info.metadata(), configuration=INDEX, embedding_function=None
            )
        else:
            collection = client.get_collection(name=settings.collection, embedding_function=None)
    except StoreError:
        raise
    except Exception as exc:
        if not create and is_not_found(exc):
            raise EmptyStore() from exc
        raise StoreError(f"Cannot open the store: {type(exc).__name__}: {str(exc)[:200]}") from exc
    stored = EmbedderInfo.from_metadata(collection.metadata or {})
    if stored and stored.differs_from(info):
        raise EmbedderMismatch(stored, info)
    return searched_widely(collection)


def searched_widely(collection):
    """``collection`` with ``EF_SEARCH``: a store built before it was chosen gets it set in place."""
    hnsw = (collection.configuration or {}).get("hnsw") or {}
    if hnsw.get("ef_search", EF_SEARCH) >= EF_SEARCH:
        return collection
    for attempt in range(1, LOCKED_TRIES + 1):
        try:
            collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
            break
        except Exception as exc:  # a read-only store still answers, with Chroma's narrower search
            if "locked" not in str(exc) or attempt == LOCKED_TRIES:
                logging.getLogger(__name__).warning("could not widen the store's search: %s", str(exc)[:200])
                break
            time.sleep(LOCKED_WAIT_S * attempt)
    return collection


def open_vector_store(collection):
    from llama_index.vector_stores.chroma import ChromaVectorStore

    return ChromaVectorStore(chroma_collection=collection)


def store_fingerprint(collection) -> str:
    """Changes whenever passages are added, replaced or removed.

    Every ingest run writes a fresh ``generation`` into the collection metadata
    around its changes (``bump_generation``), so caches (the BM25 index) key on it. The handle's
    metadata is a snapshot from when it was opened, so it is read again here:
    another process (``python -m ingest``) may have changed the store since.
    """
    try:
        model = _as_stored(collection)
        if model.id != collection.id:  # replaced by `ingest --rebuild`: the caller reopens it
            return f"{model.id}:replaced"
        return f"{model.id}:{collection.count()}:{(model.metadata or {}).get('generation', 0)}"
    except Exception as exc:
        if is_not_found(exc):
            raise EmptyStore() from exc
        raise StoreError(f"Cannot read the store ({type(exc).__name__}).") from exc


def _as_stored(collection):
    """The collection as stored now: a handle's metadata is a snapshot from when it was opened."""
    return collection._client.get_collection(collection.name, collection.tenant, collection.database)


def quiet_generation(collection) -> int | None:
    """The store's ``generation`` now, or None while a writer is between its two bumps (or was killed there)."""
    meta = _as_stored(collection).metadata or {}
    return None if meta.get(WRITING) else meta.get("generation", 0)


def bump_generation(collection, writing: bool = False) -> None:
    """A new ``generation``, which caches of the store's contents key on (``store_fingerprint``).

    A writer bumps it before its first change, marked ``writing``, and after its last, unmarked. One
    killed in between leaves the mark, and the next writer (``interrupted``) bumps it again even when it
    has nothing to change, so no cache outlives a change.
    """
    meta = {k: v for k, v in (collection.metadata or {}).items() if not k.startswith("hnsw:")}
    meta.update({"generation": time.time_ns(), WRITING: int(writing)})
    collection.modify(metadata=meta)


def interrupted(collection) -> bool:
    """A writer was killed between its two ``bump_generation`` calls (as the collection was when opened)."""
    return bool((collection.metadata or {}).get(WRITING))


def drop_collection(settings: Settings, name: str | None = None) -> None:
    """Delete the collection and its sentence vectors (for a rebuild with another embedding model)."""
    from store.sentences import sentences_name

    client = _client(settings)
    for doomed in (name or settings.collection, sentences_name(name or settings.collection)):
        delete_if_present(client, doomed)
