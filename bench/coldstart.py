"""Cold start: launching ``python app.py`` to the first answer served, and its peak RSS.

The reference is the bare engine: a fresh ``python -m bench.coldstart
--engine-once`` process that builds ``Engine(Settings())`` and answers the same
question, timed from launch to exit, with its own peak RSS:

>>> fig = cold_start(seed_store, seed_corpus)          # doctest: +SKIP
>>> fig["first_answer_s"]["ratio"] < 2                 # doctest: +SKIP
True
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench.appclient import AppNotReady, ChatEndpoint, app_env, start_app, wait_ready
from bench.measure import PeakRss, free_port, ratio
from settings import ROOT

QUESTION = "Hur många poliskameror är målbilden nationellt?"


def engine_once(data_dir: Path, corpus_dir: Path) -> dict:
    """The reference process: launch, answer once, exit; seconds and peak RSS."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench.coldstart", "--engine-once"], cwd=ROOT,
                            env=app_env(data_dir, corpus_dir), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    with PeakRss(proc.pid, interval=0.05) as rss:
        out, _ = proc.communicate(timeout=300)
    phases = json.loads(out.splitlines()[-1]) if proc.returncode == 0 else {}
    return {"seconds": round(time.perf_counter() - started, 2), "peak_mb": round(rss.peak_mb, 1),
            "ok": "2500" in phases.pop("answer", ""), "phases_s": phases}


def gradio_import_s() -> float:
    """Seconds a fresh interpreter takes to ``import gradio`` (part of the app's start, not the engine's)."""
    code = "import time; t = time.perf_counter(); import gradio; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    return round(float(done.stdout.strip().splitlines()[-1]), 2) if done.returncode == 0 else None


def app_once(data_dir: Path, corpus_dir: Path, extra_questions: int = 3) -> dict:
    """Launch the app, wait for the first answer through gradio_client, ask a few more, stop it."""
    app = start_app(free_port(), data_dir, corpus_dir)
    rss = PeakRss(app.proc.pid, interval=0.05).start()
    try:
        client = wait_ready(app)
        ready_s = time.perf_counter() - app.started
        chat = ChatEndpoint.find(client)
        reply = chat.ask(client, QUESTION)
        first_s = time.perf_counter() - app.started
        for _ in range(extra_questions):
            chat.ask(client, QUESTION)
        return {"ready_s": round(ready_s, 2), "seconds": round(first_s, 2), "peak_mb": rss.stop(),
                "api_name": chat.api_name, "ok": "2500" in reply}
    finally:
        rss.stop()
        app.stop()


def cold_start(data_dir: Path, corpus_dir: Path) -> dict:
    """App figures beside the bare-engine reference, or ``{"status": "n/a", "reason": ...}``."""
    try:
        app = app_once(data_dir, corpus_dir)
    except AppNotReady as exc:
        return {"status": "n/a", "reason": str(exc)[:300]}
    except Exception as exc:  # a crash in the app or the client is a result to report, not to hide
        return {"status": "n/a", "reason": f"{type(exc).__name__}: {str(exc)[:300]}"}
    ref = engine_once(data_dir, corpus_dir)
    return {
        "status": "ok", "api_name": app["api_name"], "answer_ok": app["ok"], "reference_ok": ref["ok"],
        "ready_s": app["ready_s"],
        "first_answer_s": {"value": app["seconds"], "reference": ref["seconds"], "ratio": ratio(app["seconds"], ref["seconds"])},
        "peak_rss_mb": {"value": app["peak_mb"], "reference": ref["peak_mb"], "ratio": ratio(app["peak_mb"], ref["peak_mb"])},
        "engine_phases_s": {**ref["phases_s"], "import gradio (separate process)": gradio_import_s()},
    }


def _engine_once_main() -> int:
    """Answer once in a fresh process; print where its start-up went, as one JSON line."""
    from settings import Settings, configure_offline

    configure_offline()
    clock = time.perf_counter()
    phases = {}

    def lap(name: str) -> None:
        nonlocal clock
        phases[name] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()

    import sentence_transformers  # noqa: F401  (torch, transformers)
    from qa.engine import Engine

    lap("import torch, sentence-transformers, qa")
    engine = Engine(Settings())
    engine.embedder
    lap("load the embedder")
    answer = engine.answer(QUESTION)
    lap("first answer (open store, build retrievers, answer)")
    print(json.dumps({**phases, "answer": answer.answer or answer.error}, ensure_ascii=False))
    return 0


if __name__ == "__main__" and "--engine-once" in sys.argv:
    sys.exit(_engine_once_main())
