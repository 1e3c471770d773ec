"""Dense, BM25 and hybrid retrievers over the passage store.

Hybrid fuses the two with LlamaIndex's ``QueryFusionRetriever`` (one query, no
LLM): by reciprocal rank, or by relative score with the dense weight the
embedder's calibration gives (``qa/calibration.py``). BM25 stems Swedish, drops
Swedish stopwords and keeps å, ä, ö in tokens; its index is cached on disk and
rebuilt when the store's fingerprint changes. (Skipped as a doctest: it needs
the model and a store.)

>>> r = build_retriever("hybrid", collection, embedder, settings)   # doctest: +SKIP
>>> [n.node.metadata["doc_id"] for n in r.retrieve("Hur många poliskameror?")][:1]  # doctest: +SKIP
['001_bdd417f66c796474']

``within_retriever`` answers from chosen articles only: a Chroma ``where`` on
``doc_id`` for dense, a BM25 weight mask (the other passages score 0) for BM25.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from qa.calibration import Calibration
from settings import Settings
from store import EmptyStore, open_vector_store, store_fingerprint
from store.passages import stored_nodes

BM25_TOKENS = r"(?u)\b\w\w+\b"  # \w covers å, ä, ö


def _dense(collection, embedder, top_k: int, filters=None):
    from llama_index.core import VectorStoreIndex

    index = VectorStoreIndex.from_vector_store(open_vector_store(collection), embed_model=embedder)
    return index.as_retriever(similarity_top_k=top_k, filters=filters)


def _matching_bm25_class():
    import logging

    from llama_index.retrievers.bm25 import BM25Retriever

    # bm25s sets its own logger to DEBUG on import, which prints build chatter in the app's console
    logging.getLogger("bm25s").setLevel(logging.WARNING)

    class MatchingBM25Retriever(BM25Retriever):
        """BM25 that returns only passages sharing a term with the query.

        bm25s fills its top k with zero-score passages; fused by rank, those
        would push real matches down (English questions match few Swedish terms).
        """

        def _retrieve(self, query_bundle):
            return [n for n in super()._retrieve(query_bundle) if (n.score or 0.0) > 0.0]

        def retrieve_within(self, query_bundle, doc_ids: frozenset, top_k: int):
            """The best ``top_k`` passages of the articles ``doc_ids`` (the rest weighted 0)."""
            import bm25s
            import numpy as np
            from llama_index.core.schema import NodeWithScore
            from llama_index.core.vector_stores.utils import metadata_dict_to_node

            mask = np.array([float(d.get("doc_id") in doc_ids) for d in self.corpus])
            if not mask.any():
                return []
            tokens = bm25s.tokenize(
                query_bundle.query_str, stemmer=self.stemmer, token_pattern=self.token_pattern, show_progress=False
            )
            indexes, scores = self.bm25.retrieve(
                tokens, k=min(top_k, len(self.corpus)), show_progress=False, weight_mask=mask
            )
            found = (i if isinstance(i, dict) else self.corpus[int(i)] for i in indexes[0])
            pairs = zip(found, scores[0])
            return [NodeWithScore(node=metadata_dict_to_node(d), score=float(s)) for d, s in pairs if s > 0.0]

    return MatchingBM25Retriever


def _bm25(collection, settings: Settings, top_k: int):
    """Load the cached BM25 index for this store state, or build and cache it."""
    import Stemmer

    BM25Retriever = _matching_bm25_class()

    key = store_fingerprint(collection).replace(":", "-")
    cache = settings.cache_dir / "bm25" / settings.collection
    target = cache / key
    if (target / "retriever.json").exists():
        try:
            retriever = BM25Retriever.from_persist_dir(str(target), show_progress=False)  # no bar in the console
            retriever.stemmer = Stemmer.Stemmer("swedish")
            # The cache may have been written by a retriever asking for fewer; bm25s takes at most all passages.
            retriever.similarity_top_k = min(top_k, int(retriever.bm25.scores["num_docs"]))
            return retriever
        except Exception:  # a half-written cache from a killed process: rebuild it
            shutil.rmtree(target, ignore_errors=True)
    nodes = stored_nodes(collection)
    retriever = BM25Retriever.from_defaults(
        nodes=nodes,
        stemmer=Stemmer.Stemmer("swedish"),
        language="swedish",
        similarity_top_k=min(top_k, len(nodes)),  # asked for more, llama_index warns on stderr and takes them all
        token_pattern=BM25_TOKENS,
    )
    _persist(retriever, cache, target)
    return retriever


def _persist(retriever, cache: Path, target: Path) -> None:
    """Write into a private temp dir and rename, so readers never see half an index."""
    import tempfile

    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cache))  # unique: other processes may build too
    retriever.persist(str(tmp), show_progress=False)  # bm25s would draw a progress bar in the console
    for old in cache.iterdir():
        if old.is_dir() and old != tmp and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)
    try:
        tmp.rename(target)
    except OSError:  # another process renamed its identical index into place first
        shutil.rmtree(tmp, ignore_errors=True)


def _fused(dense, bm25, top_k: int, calibration: Calibration | None):
    from llama_index.core.llms import MockLLM
    from llama_index.core.retrievers import QueryFusionRetriever

    calibration = calibration or Calibration()
    return QueryFusionRetriever(
        [dense, bm25],
        llm=MockLLM(),
        mode=calibration.fusion_mode,
        retriever_weights=calibration.weights,
        num_queries=1,
        similarity_top_k=top_k,
        use_async=False,
    )


def build_retriever(
    kind: str,
    collection,
    embedder,
    settings: Settings,
    top_k: int | None = None,
    calibration: Calibration | None = None,
):
    """One of ``settings.RETRIEVERS``; raises ``EmptyStore`` for a store without passages."""
    top_k = top_k or settings.top_k
    if collection.count() == 0:
        raise EmptyStore()
    if kind == "dense":
        return _dense(collection, embedder, top_k)
    if kind == "bm25":
        return _bm25(collection, settings, top_k)
    return _fused(_dense(collection, embedder, top_k * 2), _bm25(collection, settings, top_k * 2), top_k, calibration)


def within_retriever(
    kind: str, collection, embedder, settings: Settings, bm25, doc_ids, calibration: Calibration | None = None
) -> object:
    """Like ``build_retriever``, over the passages of the articles ``doc_ids`` only.

    ``bm25`` is the store's (cached) BM25 retriever; it is only read, so chat workers can share it.
    """
    from llama_index.core.retrievers import BaseRetriever
    from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

    chosen = frozenset(doc_ids)
    where = MetadataFilters(filters=[MetadataFilter(key="doc_id", value=sorted(chosen), operator=FilterOperator.IN)])
    fused = kind not in ("dense", "bm25")
    k = settings.top_k * 2 if fused else settings.top_k

    class Within(BaseRetriever):
        def _retrieve(self, query_bundle):
            return bm25.retrieve_within(query_bundle, chosen, k)

    if kind == "dense":
        return _dense(collection, embedder, k, where)
    if kind == "bm25":
        return Within()
    return _fused(_dense(collection, embedder, k, where), Within(), settings.top_k, calibration)


def ranked(nodes_with_scores) -> list:
    """Drop repeats of a passage (dense and BM25 copies), keeping the first."""
    seen, unique = set(), []
    for item in nodes_with_scores:
        if item.node.node_id not in seen:
            seen.add(item.node.node_id)
            unique.append(item)
    return unique
