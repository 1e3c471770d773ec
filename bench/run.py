"""``python -m bench [--quick] [--out DIR]``: every figure beside its reference, in one run.

>>> main(["--quick", "--out", "/tmp/bench"])     # doctest: +SKIP
0
>>> sizes(quick=True), sizes(quick=False)
([1000], [1000, 10000, 100000])
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from settings import ROOT, Settings, configure_offline

DEFAULT_OUT = ROOT / "bench" / "out"
PROFILE_PASSAGES = 300  # the synthetic corpus ingest is profiled on


def sizes(quick: bool) -> list[int]:
    return [1000] if quick else [1000, 10000, 100000]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def meta(quick: bool) -> dict:
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {"mode": "quick" if quick else "full", "date": dt.datetime.now().isoformat(timespec="seconds"),
            "git": git.stdout.strip() or "unknown", "cpus": os.cpu_count(),
            "load_before": [round(x, 2) for x in os.getloadavg()]}


def seed_store(work: Path, embedder) -> Settings:
    """A store of the bundled seed articles (the corpus the p50 target is about)."""
    from bench.figures import quiet
    from bench.synth import SEED_CORPUS
    from ingest.pipeline import ingest

    shutil.copytree(SEED_CORPUS, work / "seed" / "corpus")
    settings = Settings(data_dir=work / "seed" / "data", corpus_dir=work / "seed" / "corpus")
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
    fresh = Settings(data_dir=work / "profile" / "data")
    _, ingest_session = profile(ingest, [corpus], fresh, embedder=embedder, warn=quiet)
    save_html(answer_session, out / "profile_answer.html")
    save_html(ingest_session, out / "profile_ingest.html")
    return {"answer": summarize(answer_session), "ingest": summarize(ingest_session)}


def in_process(work: Path, out: Path) -> dict:
    """Answer latency on the seed store beside the plain retriever, and the two profiles."""
    from bench.figures import answer_figures
    from bench.measure import eval_questions
    from bench.synth import write_corpus
    from store import embedder_info, load_embedder, open_collection

    embedder = load_embedder(Settings())
    seed = seed_store(work, embedder)
    log("answer latency on the seed store ...")
    answer = answer_figures(seed, embedder, eval_questions())
    log("profiling ...")
    corpus = work / "profile" / "corpus"
    write_corpus(corpus, passages=PROFILE_PASSAGES)
    prof = profiles(seed, corpus, work, embedder, out)
    passages = open_collection(seed, embedder_info(seed)).count()
    return {"answer": answer, "answer_passages": passages, "profile": prof, "seed": seed}


def main(argv: list[str] | None = None) -> int:
    configure_offline()
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed corpus + 1k passages only (about a minute or two)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    from bench.coldstart import cold_start
    from bench.report import markdown, write_all
    from bench.scale import run_sizes

    started, results = time.perf_counter(), {"meta": meta(args.quick)}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        results.update(in_process(work, args.out))
        seed = results.pop("seed")
        log("cold start of app.py ...")
        results["cold_start"] = cold_start(seed.data_dir, seed.corpus_dir)
        results["scale"] = run_sizes(sizes(args.quick), work, log=log)
    results["ingest"] = results["scale"][0].get("ingest", {})  # headline: the 1k corpus, beside its reference
    results["meta"].update(load_after=[round(x, 2) for x in os.getloadavg()],
                           seconds=round(time.perf_counter() - started, 1))
    write_all(results, args.out)
    print(markdown(results))
    log(f"wrote {args.out}/bench.md, bench.json, latency.png")
    return 0
