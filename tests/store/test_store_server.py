"""The same store behind a real Chroma server (``CHROMA_HOST``/``CHROMA_PORT``)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from proc_helpers import stop_process

import store
from settings import ROOT, Settings

# Servers and subprocesses: a hang fails here, in two minutes at most.
pytestmark = pytest.mark.timeout(120)


def chroma_cli() -> str:
    beside = Path(sys.executable).with_name("chroma")
    found = str(beside) if beside.exists() else shutil.which("chroma")
    if not found:
        pytest.fail("the `chroma` command of the chromadb package is not installed")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_heartbeat(proc: subprocess.Popen, port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"chroma server exited: {log.read_text(errors='replace')[-2000:]}"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"chroma server not up in {timeout:.0f} s: {log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def server_settings(tmp_path_factory):
    root = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = root / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [chroma_cli(), "run", "--path", str(root / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
    try:
        wait_for_heartbeat(proc, port, log)
        yield Settings(chroma_host="127.0.0.1", chroma_port=port, data_dir=root / "data")
    finally:
        stop_process(proc)


def stored_ids(settings: Settings) -> list[str]:
    return sorted(store.open_collection(settings, store.embedder_info(settings)).get()["ids"])


def test_server_store_ingests_once_and_matches_the_embedded_store(server_settings, seed_settings, embedder):
    from ingest.pipeline import ingest

    corpus = ROOT / "corpus"
    first = ingest([corpus], server_settings, embedder=embedder, warn=lambda m: None)
    second = ingest([corpus], server_settings, embedder=embedder, warn=lambda m: None)

    assert first.added > 0 and first.skipped == []
    assert (second.embedded, second.unchanged) == (0, 2)
    assert stored_ids(server_settings) == stored_ids(seed_settings)
    assert not (server_settings.chroma_path).exists(), "server mode must not write a local store"
