"""Test doubles for the fast tier: a deterministic hashing embedder (no model, no download).

Only the fast tier uses it; ``make test`` runs the same paths with the real e5 embedder.

>>> fake = HashEmbedding()
>>> fake.get_text_embedding("Polisen sätter upp kameror.") == fake.get_text_embedding("Polisen sätter upp kameror.")
True
"""

from __future__ import annotations

import hashlib
import re

from llama_index.core.base.embeddings.base import BaseEmbedding

from store.embedding import EmbedderInfo

DIM = 64
WORD = re.compile(r"\w+")


def hashed_vector(text: str, dim: int = DIM) -> list[float]:
    """Each lower-cased word adds 1 to a slot picked by its hash; the sum is scaled to unit length."""
    vector = [0.0] * dim
    for word in WORD.findall(text.lower()):
        vector[int(hashlib.blake2b(word.encode(), digest_size=4).hexdigest(), 16) % dim] += 1.0
    norm = sum(v * v for v in vector) ** 0.5 or 1.0
    return [v / norm for v in vector]


class HashEmbedding(BaseEmbedding):
    """A ``BaseEmbedding`` whose vectors share slots where texts share words: enough to rank passages."""

    model_name: str = "fake-hash"

    @property
    def identity(self) -> EmbedderInfo:
        return EmbedderInfo(name="fake-hash", backend="fake", dim=DIM, prefix="none")

    def _get_query_embedding(self, query: str) -> list[float]:
        return hashed_vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return hashed_vector(text)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return hashed_vector(query)
