"""Each product figure measured in the same run as its plain reference.

>>> emb = load_embedder(Settings())                                   # doctest: +SKIP
>>> fig, texts = ingest_figures(Path("corpus"), Settings(data_dir=tmp), emb, plain_encoder())  # doctest: +SKIP
>>> fig["throughput"]["ratio"] > 0.5, fig["reingest"]["ratio"] < 0.1   # doctest: +SKIP
(True, True)
>>> latency = answer_figures(Settings(data_dir=tmp), emb, eval_questions())  # doctest: +SKIP
>>> sorted(latency["engine_ms"])                                      # doctest: +SKIP
['p50', 'p95']
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.measure import percentiles, ratio, timed
from settings import Settings
from store import embedder_info, ingest_embedder, open_collection

BACKENDS = ("e5", "sentence-transformers")  # the default first


def quiet(message: str) -> None:
    """Drop ingest warnings (the benchmark corpora have none worth printing)."""


class _PrefixedEncoder:
    """e5's reference: a plain ``SentenceTransformer.encode`` of the converted checkpoint, with e5's prefix."""

    def __init__(self, model):
        self.model = model

    def encode(self, texts: list[str], **kwargs):
        return self.model.encode([f"passage: {t}" for t in texts], **kwargs)


def model_settings(work: Path, backend: str) -> Settings:
    """Settings to load a backend's models with; e5's converted checkpoint is cached once under ``work``."""
    return Settings(data_dir=work / "models", embed_backend=backend)


def mean_tokens(embedder, texts: list[str]) -> float | None:
    """Mean tokens per text as e5 counts them (with ``passage: ``, ``<s>``, ``</s>``); None for others."""
    count = getattr(embedder, "token_count", None)
    return round(sum(count(t) for t in texts) / len(texts), 1) if count and texts else None


def plain_encoder(settings: Settings | None = None):
    """The reference: plain ``SentenceTransformer`` on the same local model files, on the CPU."""
    from sentence_transformers import SentenceTransformer

    settings = settings or Settings()
    if settings.embed_backend == "e5":
        from store.e5_torch import model_dir

        return _PrefixedEncoder(SentenceTransformer(str(model_dir(settings.model_cache_dir)), device="cpu"))
    from store.embedding import sentence_transformers_path

    return SentenceTransformer(sentence_transformers_path(settings), device="cpu")


def embed_texts(paths: list[Path], max_bytes: int = 10**9) -> list[str]:
    """Exactly the strings ingest embeds for these files (title + passage), in order."""
    from llama_index.core.schema import MetadataMode

    from ingest.clean import parse_article
    from ingest.pipeline import article_hash, build_nodes
    from ingest.reader import UnreadableFile, read_article

    texts = []
    for path in paths:
        try:
            article = parse_article(read_article(path, max_bytes).text, path.stem)
        except UnreadableFile:
            continue
        nodes = build_nodes(article, str(path), article_hash(article))
        texts += [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]
    return texts


ROUNDS = 8  # ingest is timed in this many parts, each right after its own reference encode


def even_sample(items: list, n: int) -> list:
    """At most ``n`` items spread evenly over ``items``.

    >>> even_sample(list(range(10)), 3)
    [0, 3, 6]
    """
    return items[:: max(1, len(items) // max(n, 1))][:n]


def in_rounds(paths: list[Path], rounds: int = ROUNDS) -> list[list[Path]]:
    """``paths`` cut into at most ``rounds`` consecutive parts of (nearly) equal size.

    >>> [len(part) for part in in_rounds([Path(str(i)) for i in range(10)], 4)]
    [3, 3, 3, 1]
    """
    size = max(1, -(-len(paths) // rounds))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def interleaved_ingest(paths: list[Path], settings: Settings, embedder, encoder, sample: int) -> dict:
    """Ingest ``paths`` part by part, each part right after a plain encode of an even sample of its texts.

    This machine's speed drifts by 10-15% from one few-second stretch to the next, so a
    part and its reference are timed side by side, and the totals are compared. Each
    reference encodes at least one ingest group's worth of texts (or the whole part), so both
    sides batch texts of like lengths together as well (fewer texts pad more).
    """
    from ingest.pipeline import EMBED_GROUP, ingest

    rounds = in_rounds(paths)
    totals = {"ingest_s": 0.0, "encode_s": 0.0, "encoded": 0, "embedded": 0, "files": 0, "skipped": 0}
    round_ratios, texts = [], []
    for part in rounds:
        part_texts = embed_texts(part)
        reference = even_sample(part_texts, max(sample // len(rounds), EMBED_GROUP))
        _, encode_s = timed(encoder.encode, reference, batch_size=64)
        report, ingest_s = timed(ingest, part, settings, embedder=embedder, warn=quiet)
        round_ratios.append(ratio(report.embedded / ingest_s, len(reference) / encode_s))
        for key, value in zip(totals, (ingest_s, encode_s, len(reference), report.embedded, report.files_read)):
            totals[key] += value
        totals["skipped"] += len(report.skipped)
        texts += part_texts
    return {**totals, "round_ratios": round_ratios, "texts": texts}


def ingest_figures(folder: Path, settings: Settings, embedder, encoder, sample: int = 1000) -> tuple[dict, list[str]]:
    """Ingest throughput vs plain encode (``interleaved_ingest``), and re-ingest vs full ingest.

    Also returns the embedded texts.
    """
    from ingest.pipeline import ingest

    paths = sorted(folder.glob("*.txt"))
    warm = embed_texts(paths[:8])[:64]
    encoder.encode(warm, batch_size=64)  # warm both, so neither pays first-call costs
    open_collection(settings, embedder_info(embedder))  # chromadb's import (~1 s a process) is start-up, as above
    ingest_embedder(embedder).get_text_embedding_batch(warm)  # e5: loads the torch twin ingest uses
    run = interleaved_ingest(paths, settings, embedder, encoder, sample)
    again, re_s = timed(ingest, [folder], settings, embedder=embedder, warn=quiet)
    rate, reference = run["embedded"] / run["ingest_s"], run["encoded"] / run["encode_s"]
    return {
        "passages": run["embedded"],
        "files": run["files"],
        "skipped": run["skipped"],
        "mean_tokens": mean_tokens(embedder, even_sample(run["texts"], sample)),
        "throughput": {
            "value": round(rate, 1),
            "reference": round(reference, 1),
            "ratio": ratio(rate, reference),
            "ingest_s": round(run["ingest_s"], 2),
            "round_ratios": run["round_ratios"],
            "encode_sample": run["encoded"],
        },
        "reingest": {
            "value": round(re_s, 3),
            "reference": round(run["ingest_s"], 2),
            "ratio": ratio(re_s, run["ingest_s"]),
            "embedded": again.embedded,
            "unchanged": again.unchanged,
        },
    }, run["texts"]


def plain_retriever(settings: Settings, embedder, top_k: int = 6):
    """The reference: LlamaIndex's own dense retriever on the same Chroma collection."""
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    col = open_collection(settings, embedder_info(embedder))
    index = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=col), embed_model=embedder)
    return index.as_retriever(similarity_top_k=top_k)


def answer_figures(settings: Settings, embedder, questions: list[dict]) -> dict:
    """Engine.answer (with history) vs plain retrieve, timed question by question, interleaved."""
    from qa.engine import Engine

    engine, plain = Engine(settings, embedder=embedder), plain_retriever(settings, embedder)
    first, first_s = timed(engine.answer, questions[0]["question"], questions[0].get("history", []))
    plain.retrieve(questions[0]["question"])
    engine_ms, plain_ms, refused, errors = [], [], 0, []
    for q in questions:
        answer, seconds = timed(engine.answer, q["question"], q.get("history", []))
        engine_ms.append(seconds * 1000)
        refused += answer.refused
        errors += [answer.error] if answer.error else []
        plain_ms.append(timed(plain.retrieve, q["question"])[1] * 1000)
    engine_p, plain_p = percentiles(engine_ms), percentiles(plain_ms)
    return {
        "questions": len(questions),
        "refused": refused,
        "errors": errors[:3],
        "first_answer_ms": round(first_s * 1000, 1),
        "engine_ms": engine_p,
        "plain_ms": plain_p,
        "ratio_p50": ratio(engine_p["p50"], plain_p["p50"]),
        "ratio_p95": ratio(engine_p["p95"], plain_p["p95"]),
    }


def bm25_figures(settings: Settings, embedder, texts: list[str]) -> dict:
    """Cold BM25 build of the product (read store, index, persist) vs plain ``bm25s`` on the texts."""
    import bm25s
    import Stemmer

    from qa.retrieval import build_retriever

    shutil.rmtree(settings.cache_dir / "bm25", ignore_errors=True)
    collection = open_collection(settings, embedder_info(embedder))
    _, build_s = timed(build_retriever, "bm25", collection, embedder, settings)
    started = time.perf_counter()
    tokens = bm25s.tokenize(texts, stopwords="sv", stemmer=Stemmer.Stemmer("swedish"), show_progress=False)
    bm25s.BM25().index(tokens, show_progress=False)
    plain_s = time.perf_counter() - started
    return {"value": round(build_s, 3), "reference": round(plain_s, 3), "ratio": ratio(build_s, plain_s)}


def search_recall(settings: Settings, embedder, questions: list[dict], page: int = 5000) -> dict:
    """Share of the exact top ``2 x top_k`` passages (cosine over every stored vector) that Chroma returns.

    Chroma's HNSW index is approximate (``store/chroma.py`` EF_SEARCH); this is what it costs in
    recall at the corpus size. The vectors are read a page at a time, so the figure adds little memory.
    """
    import numpy as np

    k = settings.top_k * 2  # what the hybrid retriever asks dense for
    collection = open_collection(settings, embedder_info(embedder))
    queries = np.array([embedder.get_query_embedding(q["question"]) for q in questions])
    sims, ids = [], []
    for offset in range(0, collection.count(), page):
        stored = collection.get(include=["embeddings"], limit=page, offset=offset)
        sims.append(np.asarray(stored["embeddings"]) @ queries.T)
        ids += stored["ids"]
    exact = np.argsort(-np.vstack(sims), axis=0)[:k].T
    found = collection.query(query_embeddings=queries.tolist(), n_results=k, include=[])["ids"]
    share = [len({ids[i] for i in best} & set(got)) / k for best, got in zip(exact, found)]
    value = round(float(np.mean(share)), 4)
    return {"value": value, "reference": 1.0, "ratio": value}
