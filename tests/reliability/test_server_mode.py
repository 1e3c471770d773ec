"""Against a real Chroma server: answers, a clear one-line error while it is down, answers again after."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reliability_helpers import is_one_line

from settings import Settings

# Servers and subprocesses: a hang fails here, in two minutes at most.
pytestmark = pytest.mark.timeout(120)

QUESTION = "Hur många poliskameror är målbilden nationellt?"
CHROMA = Path(sys.executable).parent / "chroma"


class ChromaServer:
    """``chroma run --path PATH --host 127.0.0.1 --port PORT`` that can be stopped and started again."""

    def __init__(self, path: Path, port: int):
        self.path, self.port, self.service = path, port, None

    def start(self, timeout: float = 60) -> None:
        from bench.appclient import start_service

        command = [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)]
        self.service = start_service(command, f"http://127.0.0.1:{self.port}/api/v2/heartbeat")
        self.service.wait_http(timeout)

    def stop(self) -> None:
        if self.service:
            self.service.stop()


@pytest.fixture
def chroma_server(tmp_path):
    from bench.measure import free_port

    server = ChromaServer(tmp_path / "chroma-server", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server_engine(chroma_server, tmp_path, embedder, seed_settings):
    from ingest.pipeline import ingest
    from qa.engine import Engine

    settings = Settings(chroma_host="127.0.0.1", chroma_port=chroma_server.port, data_dir=tmp_path / "data")
    report = ingest([seed_settings.corpus_dir], settings, embedder=embedder, warn=lambda m: None)
    assert report.added > 0
    return Engine(settings, embedder=embedder)


def test_engine_answers_from_the_server(server_engine):
    answer = server_engine.answer(QUESTION)
    assert "2500" in answer.answer and not answer.error, answer


def test_server_down_gives_a_one_line_error(chroma_server, server_engine):
    assert "2500" in server_engine.answer(QUESTION).answer

    chroma_server.stop()
    down = server_engine.answer(QUESTION)

    assert down.error and is_one_line(down.error) and not down.citations, down


def test_answers_resume_after_the_server_restarts(chroma_server, server_engine):
    assert "2500" in server_engine.answer(QUESTION).answer
    chroma_server.stop()
    assert server_engine.answer(QUESTION).error

    chroma_server.start()
    back = server_engine.answer(QUESTION)

    assert "2500" in back.answer and not back.error, back


def test_the_chat_says_the_store_is_down_then_answers_again(chroma_server, server_engine):
    from app import respond

    def bubble(question: str) -> str:
        *_, (shown, _sources, _exchanges, _box) = respond(server_engine, server_engine.settings, question, [])
        return shown[-1]["content"]

    chroma_server.stop()
    down = bubble(QUESTION)
    chroma_server.start()
    back = bubble(QUESTION)

    assert "Artikelarkivet går inte att nå just nu" in down and is_one_line(down), down
    assert "Traceback" not in down
    assert "2500" in back and "\\[1\\]" in back, back


def test_losing_the_server_mid_ingest_is_one_line_and_the_next_run_completes(
    chroma_server, seed_copy, tmp_path, monkeypatch, capsys, minilm
):
    from ingest_helpers import KILL_BACKEND, stored_passages

    import ingest.pipeline as pipeline
    from ingest.__main__ import main

    real_open = pipeline.open_vector_store

    class ServerDiesMidWrite:
        """The real vector store, except that the server is stopped after the first passages of a write."""

        def __init__(self, vector_store):
            self._store = vector_store

        def __getattr__(self, name):
            return getattr(self._store, name)

        def add(self, nodes, **kwargs):
            self._store.add(nodes[:3], **kwargs)
            chroma_server.stop()
            return self._store.add(nodes[3:], **kwargs)

    for name, value in {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_server.port)}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EMBED_BACKEND", KILL_BACKEND)
    monkeypatch.setattr(pipeline, "load_embedder", lambda settings: minilm)
    monkeypatch.setattr(pipeline, "open_vector_store", lambda c: ServerDiesMidWrite(real_open(c)))
    lost = main([str(seed_copy), "--quiet"])
    err = capsys.readouterr().err.strip()
    monkeypatch.setattr(pipeline, "open_vector_store", real_open)
    chroma_server.start()
    again = main([str(seed_copy), "--quiet"])

    assert lost == 1 and is_one_line(err) and "Chroma server" in err and "ingest again" in err, err
    assert again == 0
    clean = Settings(data_dir=tmp_path / "clean", embed_backend=KILL_BACKEND)
    pipeline.ingest([seed_copy], clean, embedder=minilm, warn=lambda m: None)
    served = Settings(chroma_host="127.0.0.1", chroma_port=chroma_server.port, embed_backend=KILL_BACKEND)
    assert [(p["id"], p["text"]) for p in stored_passages(served)] == [
        (p["id"], p["text"]) for p in stored_passages(clean)
    ]
