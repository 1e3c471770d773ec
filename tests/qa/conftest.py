"""A scripted OpenAI-compatible server on 127.0.0.1 that records what it was asked."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class ScriptedLLM:
    """Replies with the queued texts in order (the last one repeats); records every request."""

    def __init__(self):
        self.replies: list[str] = []
        self.requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next_reply(self) -> str:
        return self.replies.pop(0) if len(self.replies) > 1 else (self.replies or [""])[0]

    def _handler(self):
        llm = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                llm.requests.append(body)
                reply = llm.next_reply()
                if body.get("stream"):
                    self._stream(reply)
                else:
                    self._json(
                        {
                            "id": "x",
                            "object": "chat.completion",
                            "created": 0,
                            "model": body["model"],
                            "choices": [
                                {
                                    "index": 0,
                                    "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": reply},
                                }
                            ],
                            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                        }
                    )

            def _json(self, payload):
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, reply):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = reply.split(" ")
                for i, word in enumerate(words):
                    piece = word + (" " if i < len(words) - 1 else "")
                    chunk = {
                        "id": "x",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": "m",
                        "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")

        return Handler

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def scripted_llm():
    llm = ScriptedLLM()
    yield llm
    llm.close()


@pytest.fixture(scope="session")
def engine_on(tmp_path_factory, embedder):
    """An engine over articles written for a test: ``engine_on({"a.txt": text, ...})``."""
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from settings import Settings

    def build(articles: dict[str, str]) -> Engine:
        root = tmp_path_factory.mktemp("articles")
        corpus = root / "corpus"
        corpus.mkdir()
        for name, text in articles.items():
            (corpus / name).write_text(text, encoding="utf-8")
        settings = Settings(corpus_dir=corpus, data_dir=root / "data")
        ingest([corpus], settings, embedder=embedder, warn=lambda m: None)
        return Engine(settings, embedder=embedder)

    return build
