"""``python -m bench [--quick] [--out DIR]``: every figure beside its reference, in one run.

Each embedder backend (e5, the default, and sentence-transformers MiniLM) gets the
same figures: answer latency on the seed store, cold start of the app, and the
scale runs. The profiles are of the default backend.

>>> main(["--quick", "--out", "/tmp/bench"])     # doctest: +SKIP
0
>>> sizes(quick=True), sizes(quick=False)
([1000], [1000, 10000, 100000])
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.figures import BACKENDS
from settings import ROOT, Settings, configure_process

DEFAULT_OUT = ROOT / "bench" / "out"
PROFILE_PASSAGES = 300  # the synthetic corpus ingest is profiled on


def sizes(quick: bool) -> list[int]:
    return [1000] if quick else [1000, 10000, 100000]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def meta(quick: bool) -> dict:
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "mode": "quick" if quick else "full",
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "git": git.stdout.strip() or "unknown",
        "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }


def seed_store(work: Path, embedder, backend: str) -> Settings:
    """A store of the bundled seed articles (the corpus the p50 target is about)."""
    from bench.figures import quiet
    from bench.synth import SEED_CORPUS
    from ingest.pipeline import ingest

    root = work / f"seed-{backend}"
    shutil.copytree(SEED_CORPUS, root / "corpus")
    settings = Settings(data_dir=root / "data", corpus_dir=root / "corpus", embed_backend=backend)
    ingest([settings.corpus_dir], settings, embedder=embedder, warn=quiet)
    return settings


def profiles(seed: Settings, corpus: Path, work: Path, embedder, out: Path) -> dict:
    """pyinstrument over Engine.answer (warm engine, every eval question) and over one ingest."""
    from bench.figures import quiet
    from bench.measure import eval_questions
    from bench.profiling import profile, save_html, summarize
    from ingest.pipeline import ingest
    from qa.engine import Engine

    engine, questions = Engine(seed, embedder=embedder), eval_questions()
    engine.answer(questions[0]["question"])
    _, answer_session = profile(lambda: [engine.answer(q["question"], q["history"]) for q in questions])
    fresh = Settings(data_dir=work / "profile" / "data", embed_backend=seed.embed_backend)
    _, ingest_session = profile(ingest, [corpus], fresh, embedder=embedder, warn=quiet)
    save_html(answer_session, out / "profile_answer.html")
    save_html(ingest_session, out / "profile_ingest.html")
    return {"answer": summarize(answer_session), "ingest": summarize(ingest_session)}


def in_process(work: Path, out: Path, backend: str, profile: bool) -> dict:
    """Answer latency on the seed store beside the plain retriever (and, if asked, the two profiles)."""
    from bench.figures import answer_figures, model_settings
    from bench.measure import eval_questions
    from bench.synth import write_corpus
    from store import embedder_info, load_embedder, open_collection

    embedder = load_embedder(model_settings(work, backend))
    seed = seed_store(work, embedder, backend)
    log(f"{backend}: answer latency on the seed store ...")
    answer = answer_figures(seed, embedder, eval_questions())
    result = {"answer": answer, "answer_passages": open_collection(seed, embedder_info(embedder)).count(), "seed": seed}
    if profile:
        log(f"{backend}: profiling ...")
        corpus = work / "profile" / "corpus"
        write_corpus(corpus, passages=PROFILE_PASSAGES)
        result["profile"] = profiles(seed, corpus, work, embedder, out)
    return result


def one_backend(backend: str, work: Path, out: Path, quick: bool) -> dict:
    """Every figure of one backend; the profiles only for the default one."""
    from bench.coldstart import cold_start
    from bench.scale import run_sizes

    result = in_process(work, out, backend, profile=backend == BACKENDS[0])
    seed = result.pop("seed")
    log(f"{backend}: cold start of app.py ...")
    result["cold_start"] = cold_start(seed.data_dir, seed.corpus_dir, backend)
    result["scale"] = run_sizes(sizes(quick), work, log=log, backend=backend)
    result["ingest"] = result["scale"][0].get("ingest", {})  # headline: the 1k corpus, beside its reference
    result["upload"] = result["scale"][-1].get("upload", {})  # headline: the largest store, where the sweep costs most
    return result


def main(argv: list[str] | None = None) -> int:
    configure_process()
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed corpus + 1k passages only (about a minute or two)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    from bench.report import markdown, write_all

    started, results = time.perf_counter(), {"meta": meta(args.quick), "backends": {}}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for backend in BACKENDS:
            results["backends"][backend] = one_backend(backend, Path(tmp), args.out, args.quick)
            (args.out / "bench.partial.json").write_text(json.dumps(results, indent=1, default=str))  # survives a crash
    results["profile"] = results["backends"][BACKENDS[0]].pop("profile", {})
    results["meta"].update(
        load_after=[round(x, 2) for x in os.getloadavg()], seconds=round(time.perf_counter() - started, 1)
    )
    write_all(results, args.out)
    print(markdown(results))
    log(f"wrote {args.out}/bench.md, bench.json, latency.png")
    return 0
