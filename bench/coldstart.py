"""Cold start: launching ``python app.py`` to the first answer served, and its peak RSS.

The reference is the bare engine: a fresh ``python -m bench.coldstart
--engine-once`` process that builds ``Engine(Settings())`` and answers the same
question, timed from launch to exit, with its own peak RSS. Both processes say
whether torch was imported once they had answered (the app through
``bench.appprobe``), since answering with e5 must not need it. A third process,
``--page-once``, imports gradio, builds the page and launches it with no engine:
the floor under any cold start of the app.

>>> fig = cold_start(seed_store, seed_corpus, "e5")    # doctest: +SKIP
>>> fig["first_answer_s"]["ratio"] < 2, fig["torch_after_answer"]  # doctest: +SKIP
(True, False)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.appclient import AppNotReady, ChatEndpoint, app_env, start_app, wait_ready
from bench.measure import PeakRss, free_port, ratio
from settings import ROOT
from ui.warmstart import SETTLED

QUESTION = "Hur många poliskameror är målbilden nationellt?"


def backend_env(backend: str) -> dict:
    return {"EMBED_BACKEND": backend}


def engine_once(data_dir: Path, corpus_dir: Path, backend: str) -> dict:
    """The reference process: launch, answer once, exit; seconds, peak RSS, torch imported or not."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.coldstart", "--engine-once"],
        cwd=ROOT,
        env={**app_env(data_dir, corpus_dir), **backend_env(backend)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    with PeakRss(proc.pid, interval=0.05) as rss:
        out, _ = proc.communicate(timeout=300)
    phases = json.loads(out.splitlines()[-1]) if proc.returncode == 0 else {}
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "peak_mb": round(rss.peak_mb, 1),
        "ok": "2500" in phases.pop("answer", ""),
        "torch": phases.pop("torch", None),
        "cpu_s": phases.pop("cpu_s", None),
        "phases_s": phases,
    }


def probe_app(app, report: Path) -> dict:
    """Ask ``bench.appprobe`` in the app process which libraries are loaded (SIGUSR1, then its file)."""
    os.kill(app.proc.pid, signal.SIGUSR1)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if report.exists() and report.stat().st_size:
            return json.loads(report.read_text())
        time.sleep(0.05)
    return {}


def page_alone(data_dir: Path, corpus_dir: Path) -> dict:
    """The floor under any cold start: a fresh process that imports gradio, builds the page and launches it.

    No engine, no store: what is left of ``python app.py`` if preparing the engine cost nothing.
    """
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.coldstart", "--page-once", str(free_port())],
        cwd=ROOT,
        env=app_env(data_dir, corpus_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )
    seconds = round(time.perf_counter() - started, 2)
    if done.returncode != 0:
        return {"seconds": None, "phases_s": {}}
    return {"seconds": seconds, "phases_s": json.loads(done.stdout.splitlines()[-1])}


def app_once(data_dir: Path, corpus_dir: Path, backend: str, extra_questions: int = 3) -> dict:
    """Launch the app, wait for the first answer through gradio_client, ask a few more, stop it.

    Peak RSS and the libraries loaded are read once the start-up child is gone and the app's
    own engine has answered.
    """
    import psutil

    report = data_dir.parent / f"appprobe-{backend}.json"
    report.unlink(missing_ok=True)
    app = start_app(free_port(), data_dir, corpus_dir, backend_env(backend), probe=report)
    rss = PeakRss(app.proc.pid, interval=0.05).start()
    try:
        client = wait_ready(app)
        ready_s = time.perf_counter() - app.started
        chat = ChatEndpoint.find(client)
        reply = chat.ask(client, QUESTION)
        first_s = time.perf_counter() - app.started
        tree = [psutil.Process(app.proc.pid), *psutil.Process(app.proc.pid).children(recursive=True)]
        cpu_s = sum(sum(p.cpu_times()[:2]) for p in tree)  # user + system, with the engine's child: an idle core's
        for _ in range(extra_questions):
            chat.ask(client, QUESTION)
        app.wait_log(SETTLED, 300)  # the app's own engine takes over (ui/warmstart.py): its memory counts too
        chat.ask(client, QUESTION)
        loaded = probe_app(app, report)
        return {
            "ready_s": round(ready_s, 2),
            "seconds": round(first_s, 2),
            "cpu_s": round(cpu_s, 2),
            "peak_mb": rss.stop(),
            "api_name": chat.api_name,
            "ok": "2500" in reply,
            "loaded": loaded,
        }
    finally:
        rss.stop()
        app.stop()


def _beside(value, reference) -> dict:
    return {"value": value, "reference": reference, "ratio": ratio(value, reference)}


def cold_start(data_dir: Path, corpus_dir: Path, backend: str) -> dict:
    """App figures beside the bare-engine reference, or ``{"status": "n/a", "reason": ...}``."""
    try:
        app = app_once(data_dir, corpus_dir, backend)
    except AppNotReady as exc:
        return {"status": "n/a", "reason": str(exc)[:300]}
    except Exception as exc:  # a crash in the app or the client is a result to report, not to hide
        return {"status": "n/a", "reason": f"{type(exc).__name__}: {str(exc)[:300]}"}
    ref = engine_once(data_dir, corpus_dir, backend)
    page = page_alone(data_dir, corpus_dir)
    return {
        "status": "ok",
        "api_name": app["api_name"],
        "answer_ok": app["ok"],
        "reference_ok": ref["ok"],
        "ready_s": app["ready_s"],
        "torch_after_answer": app["loaded"].get("torch"),
        "app_loaded": app["loaded"],
        "engine_torch_after_answer": ref["torch"],
        "first_answer_s": _beside(app["seconds"], ref["seconds"]),
        "first_answer_cpu_s": _beside(app["cpu_s"], ref["cpu_s"]),
        "peak_rss_mb": _beside(app["peak_mb"], ref["peak_mb"]),
        "page_alone_s": _beside(page["seconds"], ref["seconds"]),
        "engine_phases_s": ref["phases_s"],
        "page_phases_s": page["phases_s"],
    }


def _engine_once_main() -> int:
    """Answer once in a fresh process; print where its start-up went, as one JSON line."""
    from settings import Settings, configure_process

    configure_process()
    clock = time.perf_counter()
    phases = {}

    def lap(name: str) -> None:
        nonlocal clock
        phases[name] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()

    settings = Settings()
    if settings.embed_backend == "sentence-transformers":
        import sentence_transformers  # noqa: F401  (torch, transformers: what loading MiniLM needs)
    from qa.engine import Engine

    lap(f"import qa{', torch, sentence-transformers' if 'torch' in sys.modules else ''}")
    engine = Engine(settings)
    _ = engine.embedder  # the property loads the model: timed on its own
    lap(f"load the embedder ({settings.embed_backend})")
    answer = engine.answer(QUESTION)
    lap("first answer (open store, build retrievers, answer)")
    print(
        json.dumps(
            {
                **phases,
                "answer": answer.answer or answer.error,
                "torch": "torch" in sys.modules,
                "cpu_s": round(time.process_time(), 2),
            },
            ensure_ascii=False,
        )
    )
    return 0


def _page_once_main(port: int) -> int:
    """Import gradio, build the page over no engine, launch it; print the phases as one JSON line."""
    clock, phases = time.perf_counter(), {}

    def lap(name: str) -> None:
        nonlocal clock
        phases[name] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()

    import gradio  # noqa: F401

    lap("import gradio")
    from settings import Settings, configure_process
    from ui.page import CSS, build_ui, page_js

    configure_process()
    settings = Settings()
    demo = build_ui(None, settings, overview=[], manage=False)  # the page never calls the engine while it is built
    lap("build the page")
    demo.launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, css=CSS, js=page_js(settings), quiet=True
    )
    lap("launch")
    print(json.dumps(phases), flush=True)
    os._exit(0)  # the server thread is not shut down: its exit is not part of a start


if __name__ == "__main__" and "--engine-once" in sys.argv:
    sys.exit(_engine_once_main())
if __name__ == "__main__" and "--page-once" in sys.argv:
    sys.exit(_page_once_main(int(sys.argv[-1])))
