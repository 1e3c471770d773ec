"""Scale figures, one subprocess per corpus size so each peak RSS is that size's own.

The parent runs ``python -m bench.scale --passages N --root DIR --out FILE
--backend B`` per size and backend; the child builds the synthetic corpus,
ingests it and measures:

>>> rows = run_sizes([1000], work=tmp, backend="e5")                 # doctest: +SKIP
>>> rows[0]["passages"] >= 1000, sorted(rows[0]["answer"]["engine_ms"])  # doctest: +SKIP
(True, ['p50', 'p95'])
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench.measure import PeakRss, dir_size_mb, eval_questions, ratio, timed
from bench.upload import upload_figures
from settings import ROOT, Settings, configure_process

ENCODE_SAMPLE = 1000  # passages the plain reference encodes (all of a 100k corpus would double its run)
DIM = 384


def measure_size(passages: int, root: Path, seed: int = 1234, backend: str = "e5") -> dict:
    """Everything for one size, measured inside this (fresh) process.

    Peak RSS covers generating, ingesting (twice), the BM25 build and the
    answers; the baseline is taken once the embedder and the reference encoder
    are loaded (for e5 also the torch twin ingest uses), so the ratio is what
    the corpus itself costs.
    """
    from bench.figures import answer_figures, bm25_figures, ingest_figures, model_settings, plain_encoder, search_recall
    from bench.synth import write_corpus
    from store import ingest_embedder, load_embedder

    rss = PeakRss().start()
    paths, gen_s = timed(write_corpus, root / "corpus", passages=passages, seed=seed)
    models = model_settings(root.parent, backend)
    embedder, encoder = load_embedder(models), plain_encoder(models)
    ingest_embedder(embedder)
    baseline_mb = rss.sample()
    settings = Settings(data_dir=root / "data", corpus_dir=root / "corpus", embed_backend=backend)
    ingest, texts = ingest_figures(root / "corpus", settings, embedder, encoder, ENCODE_SAMPLE)
    store_mb = dir_size_mb(settings.chroma_path)
    payload_mb = (len(texts) * DIM * 4 + sum(len(t.encode()) for t in texts)) / 1e6
    bm25 = bm25_figures(settings, embedder, texts)
    answer = answer_figures(settings, embedder, eval_questions())
    peak_mb = rss.stop()
    recall = search_recall(settings, embedder, eval_questions())  # after the RSS peak: it reads every vector
    upload = upload_figures(settings, embedder, root / "uploads")  # last: it adds articles to the store
    return {
        "backend": backend,
        "passages": ingest["passages"],
        "articles": len(paths),
        "generate_s": round(gen_s, 1),
        "ingest": ingest,
        "store_mb": {"value": store_mb, "reference": round(payload_mb, 2), "ratio": ratio(store_mb, payload_mb)},
        "bm25_build_s": bm25,
        "answer": answer,
        "search_recall": recall,
        "upload": upload,
        "peak_rss_mb": {"value": peak_mb, "reference": round(baseline_mb, 1), "ratio": ratio(peak_mb, baseline_mb)},
    }


def run_size(passages: int, work: Path, timeout: float, seed: int = 1234, backend: str = "e5") -> dict:
    """One size in a child process; a failure comes back as ``{"passages": N, "error": ...}``."""
    root, out = work / f"scale-{backend}-{passages}", work / f"scale-{backend}-{passages}.json"
    command = [
        sys.executable,
        "-m",
        "bench.scale",
        "--passages",
        str(passages),
        "--root",
        str(root),
        "--out",
        str(out),
        "--seed",
        str(seed),
        "--backend",
        backend,
    ]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"backend": backend, "passages": passages, "error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0 or not out.exists():
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        return {"backend": backend, "passages": passages, "error": f"exit {done.returncode}: {tail}"}
    return json.loads(out.read_text())


def run_sizes(sizes: list[int], work: Path, timeout: float = 4 * 3600, log=print, backend: str = "e5") -> list[dict]:
    rows = []
    for size in sizes:
        log(f"scale: {backend}, {size} passages ...")
        rows.append(run_size(size, work, timeout, backend=backend))
        log(f"scale: {backend}, {size} passages done: {rows[-1].get('error') or rows[-1]['answer']['engine_ms']}")
    return rows


def main(argv: list[str] | None = None) -> int:
    configure_process()
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description="one scale size (internal)")
    parser.add_argument("--passages", type=int, required=True)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--backend", choices=("e5", "sentence-transformers"), default="e5")
    args = parser.parse_args(argv)
    args.out.write_text(json.dumps(measure_size(args.passages, args.root, args.seed, args.backend), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
