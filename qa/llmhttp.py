"""The HTTP client the LLM mode talks through: each reply bounded in total time and in bytes.

httpx's timeouts are per network operation, not per reply (its docs, and encode/httpx#1450):
a server that sends its headers and then one token every few seconds never trips them, and
one that streams without end, or sends one enormous line, is read into memory whole (the
OpenAI client buffers an event until its line ends). This transport counts time and bytes
on every read and ends the reply with ``ReplyLimit`` once either is over its bound.

An answer may take more than one request (a follow-up is rewritten first), and its user waits
for all of them: ``Deadline`` gives each request only the time the answer has left.

>>> transport = BoundedTransport(total_s=90, max_bytes=1000)
>>> list(transport.bounded(iter([b"x" * 600, b"y" * 600]), time.monotonic() + 90))
Traceback (most recent call last):
...
qa.llmhttp.ReplyLimit: reply over 1000 bytes
"""

from __future__ import annotations

import time
import weakref

import httpx

# The time the answer has left, on a request made under a ``Deadline``. The one client is shared by the
# chat's workers, and an answer's generator is stepped from whichever thread, so the bound travels with
# the request itself; ``BoundedTransport`` takes the header off, and the server never sees it.
TIME_LEFT = "X-Answer-Time-Left"
# On an answer's first request: the key of its ``Deadline`` in ``_STARTING``, whose clock the transport starts
# when it sends the request. The OpenAI SDK's first call imports and builds for a while before it sends
# (seconds on a loaded machine), and that time is not the server's. Taken off like ``TIME_LEFT``.
STARTS = "X-Answer-Starts"
_STARTING: weakref.WeakValueDictionary[str, Deadline] = weakref.WeakValueDictionary()


class ReplyLimit(Exception):
    """The server's reply went past a bound: ``kind`` "time" (``limit`` seconds) or "size" (bytes)."""

    def __init__(self, kind: str, limit: float):
        self.kind, self.limit = kind, limit
        super().__init__(f"reply took over {limit:g} s" if kind == "time" else f"reply over {limit:g} bytes")


class _BoundedStream(httpx.SyncByteStream):
    def __init__(self, chunks, inner: httpx.SyncByteStream):
        self._chunks, self._inner = chunks, inner

    def __iter__(self):
        yield from self._chunks

    def close(self) -> None:
        self._inner.close()


class BoundedTransport(httpx.BaseTransport):
    """``httpx.HTTPTransport`` whose every reply ends within ``total_s`` (or the ``TIME_LEFT`` of its answer,
    if less) and ``max_bytes``.

    The time is checked whenever bytes arrive, so a reply ends at most one read timeout after
    its deadline; a server that sends nothing at all is ended by the read timeout itself.
    """

    def __init__(self, total_s: float, max_bytes: int):
        self.total_s, self.max_bytes = total_s, max_bytes
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        left = request.headers.pop(TIME_LEFT, None)
        starting = _STARTING.pop(request.headers.pop(STARTS, ""), None)
        if starting is not None:
            starting.start()
        deadline = time.monotonic() + min(self.total_s, float(left) if left else self.total_s)
        response = self._inner.handle_request(request)
        if time.monotonic() > deadline:
            response.close()
            raise ReplyLimit("time", self.total_s)
        stream = _BoundedStream(self.bounded(response.stream, deadline), response.stream)
        return httpx.Response(
            response.status_code, headers=response.headers, stream=stream, extensions=response.extensions
        )

    def bounded(self, chunks, deadline: float):
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > self.max_bytes:
                raise ReplyLimit("size", self.max_bytes)
            if time.monotonic() > deadline:
                raise ReplyLimit("time", self.total_s)
            yield chunk

    def close(self) -> None:
        self._inner.close()


def bounded_client(total_s: float, read_timeout_s: float, max_bytes: int) -> httpx.Client:
    """A client for the OpenAI SDK: no single read waits past ``read_timeout_s`` (nor the whole reply's
    ``total_s``), and no reply takes longer than ``total_s`` or is bigger than ``max_bytes``."""
    timeout = httpx.Timeout(min(read_timeout_s, total_s))
    return httpx.Client(transport=BoundedTransport(total_s, max_bytes), timeout=timeout, follow_redirects=False)


class Deadline:
    """One answer's time, ``total_s``, for every request made for it: a follow-up's rewrite takes what it
    needs, and the answer gets what is left, so a user waits at most about ``total_s`` for the two. The
    time runs from when the first request is sent (building the client and the SDK's first call import
    the OpenAI SDK, seconds once): the transport starts it, told by the request's ``STARTS`` header.

    >>> deadline = Deadline(total_s=120, read_timeout_s=60)
    >>> deadline.options()["timeout"], deadline.timeout_s()
    (60, 60)
    >>> deadline.ends = time.monotonic() + 5  # 115 s spent: the next request may take 5 s, and reads no longer
    >>> deadline.options()["timeout"] <= 5, deadline.timeout_s()
    (True, 120)
    >>> deadline.ends = time.monotonic()
    >>> deadline.options()
    Traceback (most recent call last):
    ...
    qa.llmhttp.ReplyLimit: reply took over 120 s
    """

    def __init__(self, total_s: float, read_timeout_s: float):
        self.total_s, self.read_timeout_s = total_s, min(read_timeout_s, total_s)
        self.ends: float | None = None
        self._cut_short = False  # whether the last request's reads were bounded by the time left

    def options(self) -> dict:
        """Keyword arguments for the next request (the OpenAI SDK's, through llama-index); ``ReplyLimit``
        when no time is left, so a spent answer makes no request at all."""
        if self.ends is None:  # the first request (or one before it that was never sent): all the time
            _STARTING[key := str(id(self))] = self
            return {"timeout": self.read_timeout_s, "extra_headers": {TIME_LEFT: repr(self.total_s), STARTS: key}}
        left = self.ends - time.monotonic()
        if left <= 0:
            raise ReplyLimit("time", self.total_s)
        self._cut_short = left < self.read_timeout_s
        return {"timeout": min(self.read_timeout_s, left), "extra_headers": {TIME_LEFT: repr(left)}}

    def start(self) -> None:
        """The answer's first request is being sent: its time runs from now."""
        if self.ends is None:
            self.ends = time.monotonic() + self.total_s

    def timeout_s(self) -> float:
        """The bound a request that timed out hit: the answer's whole time once reads waited only what was left
        (a server silent at the end of a follow-up's answer), else the read timeout."""
        return self.total_s if self._cut_short else self.read_timeout_s
