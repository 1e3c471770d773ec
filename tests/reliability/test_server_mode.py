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
