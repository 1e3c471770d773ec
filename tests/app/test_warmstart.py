"""With e5, ``python app.py`` prepares its engine in a child process while the page starts (ui/warmstart.py).

The first questions are answered by that child; once the app's own engine is ready the child
is let go. A user sees the same answers either way, and no process is left behind, even when
the app is killed. (MiniLM starts in one process: the security and load tests run it.)
"""

from __future__ import annotations

import signal
import time

import psutil
import pytest
from test_security import QUESTION, start_guarded_app

from settings import ROOT, Settings
from ui.warmstart import SETTLED


@pytest.fixture(scope="module")
def e5_seed(e5, tmp_path_factory) -> Settings:
    """The seed articles in a store embedded with e5 (the app opens it as it is: nothing to re-embed)."""
    import shutil

    from ingest.pipeline import ingest

    root = tmp_path_factory.mktemp("e5-seed")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    settings = Settings(data_dir=root / "data", corpus_dir=root / "corpus", embed_backend="e5")
    ingest([settings.corpus_dir], settings, embedder=e5, warn=lambda m: None)
    return settings


def _engine_children(pid: int) -> list[int]:
    """The app's spawned children (multiprocessing's resource tracker aside, which lives as long as the app)."""
    return [p.pid for p in psutil.Process(pid).children() if "spawn_main" in " ".join(p.cmdline())]


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:  # also when it ends between the lookup and the status
        return False


def _gone(pids: list[int], timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def test_answers_during_start_up_equal_answers_after_and_the_child_goes(e5_seed, tmp_path):
    from gradio_client import Client

    app, _ = start_guarded_app(e5_seed, tmp_path, settled=False, EMBED_BACKEND="e5")
    try:
        children = _engine_children(app.proc.pid)
        assert children, "the page is up while the engine's child process still answers"
        first = str(Client(app.url, verbose=False).predict(QUESTION, api_name="/ask"))
        app.wait_log(SETTLED, 120)
        assert _gone(children), "the child is let go once the app has its own engine"
        again = str(Client(app.url, verbose=False).predict(QUESTION, api_name="/ask"))  # a new chat, as the first
        assert "2500" in first and first == again
    finally:
        app.stop()


def test_a_killed_app_leaves_no_engine_process_behind(e5_seed, tmp_path):
    app, _ = start_guarded_app(e5_seed, tmp_path, settled=False, EMBED_BACKEND="e5")
    try:
        children = _engine_children(app.proc.pid)
        assert children, "the engine's child process is alive while the app starts"
        app.proc.send_signal(signal.SIGKILL)
        app.proc.wait(timeout=10)
        assert _gone(children), "the kernel ends the child with the app (no orphan writing the store)"
    finally:
        app.stop()
