"""Chroma access: one collection of passages, embedded or behind a server."""

from store.chroma import (
    EmbedderMismatch,
    EmptyStore,
    StoreError,
    StoreNotWritable,
    open_collection,
    open_vector_store,
    store_fingerprint,
)
from store.embedding import EmbedderInfo, embedder_info, identity, ingest_embedder, load_embedder

__all__ = [
    "EmbedderMismatch",
    "EmptyStore",
    "StoreError",
    "StoreNotWritable",
    "open_collection",
    "open_vector_store",
    "store_fingerprint",
    "EmbedderInfo",
    "embedder_info",
    "identity",
    "ingest_embedder",
    "load_embedder",
]
