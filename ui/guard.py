"""An ASGI middleware in front of the Gradio app: body cap, closed routes, login backoff, question share.

Gradio has no setting for any of these, so the page's FastAPI app gets this
as its outermost layer (``launch(app_kwargs={"middleware": [...]})``).

- Every request body is capped: refused with 413 by ``Content-Length`` before
  a byte is read, and by counting when the body is streamed without one.
- Routes the page never calls answer 404 (``UNUSED_PREFIXES``), and so do an event the page does
  not have and a stream the queue does not hold (``ui/events``), which Gradio answered with a 500
  or a reply broken off midway.
- File upload answers 404, unless the page offers it (``upload_bytes`` > 0): then only a
  same-origin ``POST`` to it (and the progress of such an upload) is let through, and only
  that route's body may reach ``upload_bytes`` (plus room for the multipart headers), in at most
  ``upload_files`` files: a request with more is refused whole, before Gradio writes any of them.
- After ``free_failures`` wrong logins a client waits, twice as long after each
  further failure (up to ``max_wait_s``); a correct password does not end the
  wait early, so guessing gains nothing.
- Questions get a share of the queue per chat and per client (``ui/queueshare``): one client
  cannot fill the queue and make everyone else wait.
- Gradio's sessions get a share per client (``ui/sessions``): one client cannot fill the server's
  memory with sessions, nor push other people's out.
- A client is the TCP peer's address (``scope["client"]``): ``ui/launch`` tells uvicorn to
  take ``X-Forwarded-For`` only from the proxies the operator names (APP_TRUSTED_PROXIES).

>>> backoff = LoginBackoff(free_failures=2, base_s=1.0, max_wait_s=8.0)
>>> [backoff.failed("10.0.0.1", now=0.0) for _ in range(5)]
[0.0, 0.0, 1.0, 2.0, 4.0]
>>> backoff.wait_s("10.0.0.1", now=2.0), backoff.wait_s("10.0.0.2", now=2.0)
(2.0, 0.0)
>>> backoff.succeeded("10.0.0.1"); backoff.wait_s("10.0.0.1", now=2.0)
0.0
>>> small = LoginBackoff(free_failures=1, max_clients=2)
>>> [small.failed(f"10.0.0.{i}", now=0.0) for i in range(1, 4)] and len(small._clients)
2
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from ui.events import (
    EVENT_PATHS,
    NOTHING_WAITING,
    QUEUE_FULL,
    UNKNOWN_EVENT,
    is_stream,
    queue_full,
    stream_missing,
    unknown_event,
)
from ui.queueshare import JOIN_PATH, json_object
from ui.sessions import SESSION_PATHS
from ui.uploadcount import too_many_files

BODYLESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOGIN_PATHS = frozenset({"/login", "/login/"})
# Gradio serves upload whether or not the page has a file input, and has no switch for it.
CLOSED_PREFIXES = ("/gradio_api/upload",)
# Gradio routes the page never calls, open whatever the page holds: dev/reload polls every 50 ms for
# each open connection (1,500 of them took a CPU), process_recording takes a file from any origin
# (and runs ffmpeg on it where installed), component_server answers an unknown id with a 500,
# deep_link writes the session's whole page (the article table too) to disk on every GET, kept an
# hour, and file= serves back Gradio's copy of an upload (an hour, if no event ever reads it).
UNUSED_PREFIXES = (
    "/gradio_api/dev/reload",
    "/gradio_api/process_recording",
    "/gradio_api/component_server",
    "/gradio_api/deep_link",
    "/gradio_api/file=",
    "/gradio_api/file/",
)
UPLOAD_PATH, UPLOAD_PROGRESS_PATH = "/gradio_api/upload", "/gradio_api/upload_progress"
MULTIPART_SLACK = 64 * 1024  # boundaries and part headers around the file itself
# Addresses the backoff remembers; the least recently failed is forgotten first, so a client
# inventing addresses cannot grow the server's memory.
MAX_CLIENTS = 10_000


@dataclass
class LoginBackoff:
    """Failed logins per client address, and how long that client must wait."""

    free_failures: int = 5
    base_s: float = 2.0
    max_wait_s: float = 300.0
    max_clients: int = MAX_CLIENTS
    _clients: OrderedDict[str, tuple[int, float]] = field(default_factory=OrderedDict)  # failures, wait until
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_s(self, client: str, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        with self._lock:
            return max(0.0, self._clients.get(client, (0, 0.0))[1] - now)

    def failed(self, client: str, now: float | None = None) -> float:
        """Count a failure; the wait it starts (0 while failures are still free)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            count = self._clients.pop(client, (0, 0.0))[0] + 1
            over = count - self.free_failures
            wait = 0.0 if over <= 0 else min(self.max_wait_s, self.base_s * 2 ** (over - 1))
            self._clients[client] = (count, now + wait)  # last in the order: the most recent
            if len(self._clients) > self.max_clients:
                self._clients.popitem(last=False)
            return wait

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._clients.pop(client, None)


class RequestGuard:
    """The middleware; ``max_body_bytes`` caps every request body."""

    def __init__(
        self,
        app,
        max_body_bytes: int,
        backoff=None,
        upload_bytes: int = 0,
        share=None,
        sessions=None,
        upload_files=None,
    ):
        from ui.queueshare import QueueShare
        from ui.sessions import SessionShare

        self.app, self.max_body_bytes, self.upload_bytes = app, max_body_bytes, upload_bytes
        self.upload_files = upload_files  # files in one upload request; None: not counted
        self.backoff, self.share = backoff or LoginBackoff(), share or QueueShare()
        self.sessions = sessions or SessionShare()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        if path.startswith(UNUSED_PREFIXES):
            return await respond(send, 404, "Not Found")
        limit, upload = self.max_body_bytes, path.startswith(CLOSED_PREFIXES)
        if upload:
            if not self.upload_offered(scope, path):
                return await respond(send, 404, "Not Found")
            limit = self.upload_bytes + MULTIPART_SLACK
        if upload and declared_length(scope) <= limit and not same_origin(scope):
            return await respond(send, 403, "Uploads are taken from this page only.")
        if scope.get("method", "GET") not in BODYLESS_METHODS:
            if declared_length(scope) > limit:
                return await respond(send, 413, too_large(limit))
            body = await read_capped(receive, limit)
            if body is None:
                return await respond(send, 413, too_large(limit))
            if path == UPLOAD_PATH and (refusal := too_many_files(scope, body, self.upload_files)):
                return await respond(send, 413, refusal)
            # A join's body is read by four checks; parsed once here (a JSON object, else None) for all of them.
            data = json_object(body) if path.startswith(SESSION_PATHS) else None
            if path in EVENT_PATHS and unknown_event(scope["app"].get_blocks(), data):
                return await respond(send, 404, UNKNOWN_EVENT)
            if path == JOIN_PATH and queue_full(scope["app"].get_blocks()):
                return await respond(send, 429, QUEUE_FULL)
            scope, body = self.sessions.started(scope, path, body, data)
            if self.share.asks(scope, path, data):
                return await self.question(scope, body, data, receive, send)
            receive = replay(body, receive)
        elif is_stream(path) and stream_missing(scope["app"].get_blocks(), path, scope.get("query_string", b"")):
            return await respond(send, 404, NOTHING_WAITING)
        if path in LOGIN_PATHS and scope.get("method") == "POST":
            return await self.login(scope, receive, send)
        return await self.app(scope, receive, send)

    def upload_offered(self, scope, path: str) -> bool:
        """The page offers upload, and this is its upload (POST) or an upload's progress (GET)."""
        route = (path, scope.get("method", "GET"))
        return bool(self.upload_bytes) and route in ((UPLOAD_PATH, "POST"), (UPLOAD_PROGRESS_PATH, "GET"))

    async def question(self, scope, body: bytes, data: dict | None, receive, send):
        """Refused when its chat has questions enough; held while its client has; then joined.

        ``data`` is ``body``'s JSON object (None when it holds none), as ``sessions.started`` left both."""
        from ui.queueshare import BUSY

        blocks, chat = scope["app"].get_blocks(), (data or {}).get("session_hash")
        chat, client = (chat if isinstance(chat, str) else None), client_address(scope)
        if self.share.refused(blocks, chat, client):
            return await respond(send, 429, BUSY)
        gone = asyncio.ensure_future(receive())  # the body is read: the next message is the client leaving
        async with self.share.turn(blocks, chat, client, gone) as admitted:
            if admitted and queue_full(blocks):  # it filled while this question waited its turn
                return await respond(send, 429, QUEUE_FULL)
            if admitted:
                return await self.app(scope, replay(body, receive), send)

    async def login(self, scope, receive, send):
        client = client_address(scope)
        wait = self.backoff.wait_s(client)
        if wait > 0:
            return await respond(
                send,
                429,
                f"Too many failed logins; try again in {math.ceil(wait)} s.",
                [(b"retry-after", str(math.ceil(wait)).encode())],
            )

        async def watch(message):
            if message["type"] == "http.response.start":
                if message["status"] == 200:
                    self.backoff.succeeded(client)
                elif 400 <= message["status"] < 500:
                    self.backoff.failed(client)
            await send(message)

        return await self.app(scope, receive, watch)


def client_address(scope) -> str:
    """The TCP peer, or the address a trusted proxy forwarded (uvicorn rewrites ``client``)."""
    return (scope.get("client") or ("unknown", 0))[0]


def declared_length(scope) -> int:
    """The request's ``Content-Length`` (0 when absent or unreadable)."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


def same_origin(scope) -> bool:
    """No ``Origin`` header (not a cross-site browser request), or one naming this host."""
    headers = dict(scope.get("headers", []))
    origin = headers.get(b"origin", b"").decode("latin-1")
    if not origin:
        return True
    host = headers.get(b"host", b"").decode("latin-1")
    return origin.split("://", 1)[-1].rstrip("/") == host


async def read_capped(receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows past ``limit``."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)  # the client went away; the app sees an empty body
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive):
    """A ``receive`` that hands the app the buffered body, then the live connection."""
    sent = False

    async def replayed():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def too_large(limit: int) -> str:
    """In both languages: the body, a question perhaps, is refused unread, so its language is unknown."""
    from ui.texts import both

    return both("too_large", limit=limit)


async def respond(send, status: int, detail: str, headers: list | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
