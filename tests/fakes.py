"""Test doubles: a deterministic hashing embedder (no model, no download) for the fast tier, and a
misbehaving OpenAI-compatible server (``HostileLLM``) for the LLM mode's failure tests.

Only the fast tier uses the embedder; ``make test`` runs the same paths with the real e5 embedder.

>>> fake = HashEmbedding()
>>> fake.get_text_embedding("Polisen sätter upp kameror.") == fake.get_text_embedding("Polisen sätter upp kameror.")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from llama_index.core.base.embeddings.base import BaseEmbedding

from store.embedding import EmbedderInfo

DIM = 64
WORD = re.compile(r"\w+")


def hashed_vector(text: str, dim: int = DIM) -> list[float]:
    """Each lower-cased word adds 1 to a slot picked by its hash; the sum is scaled to unit length."""
    vector = [0.0] * dim
    for word in WORD.findall(text.lower()):
        vector[int(hashlib.blake2b(word.encode(), digest_size=4).hexdigest(), 16) % dim] += 1.0
    norm = sum(v * v for v in vector) ** 0.5 or 1.0
    return [v / norm for v in vector]


class HashEmbedding(BaseEmbedding):
    """A ``BaseEmbedding`` whose vectors share slots where texts share words: enough to rank passages."""

    model_name: str = "fake-hash"

    @property
    def identity(self) -> EmbedderInfo:
        return EmbedderInfo(name="fake-hash", backend="fake", dim=DIM, prefix="none")

    def _get_query_embedding(self, query: str) -> list[float]:
        return hashed_vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return hashed_vector(text)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return hashed_vector(query)


class HostileLLM:
    """An OpenAI-compatible server on 127.0.0.1 (port 0) that misbehaves as told.

    ``behave(handler, request)`` writes the whole response itself (status, headers, body);
    the module's functions below make the usual ones. Loops that never end on their own
    (trickling, endless streams, silence) stop when the client hangs up or the server closes.
    """

    def __init__(self, behave=None):
        self.behave = behave
        self.requests: list[dict] = []
        self.closed = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client hung up
                    server.behave(self, body)
                self.close_connection = True

        return Handler

    def close(self):
        self.closed.set()
        self.server.shutdown()
        self.server.server_close()


def sse_chunk(piece: str) -> bytes:
    """One streamed chat-completion chunk carrying ``piece``."""
    choice = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
    chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m", "choices": [choice]}
    return f"data: {json.dumps(chunk)}\n\n".encode()


def completion(text: str) -> bytes:
    """A whole (non-streamed) chat completion carrying ``text``."""
    message = {"role": "assistant", "content": text}
    return json.dumps(
        {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
        }
    ).encode()


def send_head(handler, status: int = 200, content_type: str = "text/event-stream", length: int | None = None):
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    if length is not None:
        handler.send_header("Content-Length", str(length))
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.flush()


def replying(body: bytes, status: int = 200, content_type: str = "text/event-stream"):
    """Every request gets ``body`` whole, with ``status``."""

    def behave(handler, request):
        send_head(handler, status, content_type, len(body))
        handler.wfile.write(body)

    return behave


def streaming(pieces, pause: float = 0.0, closed=None):
    """A 200 event stream of ``pieces`` (any iterable, endless too), ``pause`` seconds apart."""

    def behave(handler, request):
        send_head(handler)
        for piece in pieces:
            if closed is not None and closed.is_set():
                return
            handler.wfile.write(sse_chunk(piece))
            handler.wfile.flush()
            if pause:
                closed.wait(pause) if closed is not None else time.sleep(pause)
        handler.wfile.write(b"data: [DONE]\n\n")

    return behave
