"""How the server takes connections and reads a request's head: uvicorn's h11 parser, a deadline
for the whole head, and a cap on the connections one client address holds open.

Gradio builds uvicorn's ``Config`` with ``http="auto"``, which takes httptools when it is
installed, and httptools buffers a header of any size: one client's unending 300 MB header
held 565 MB of the server's memory. h11 refuses a request line and headers over 16 kB.

uvicorn has no timeout for a request that never finishes its head: its keep-alive timer stops
at the first byte, so a client that sends ``GET / HTTP/1.1`` and then nothing (or one byte a
minute) held its connection for good; 500 such connections were all still open 15 s later.
Here every head must be complete within ``APP_REQUEST_HEAD_S`` of the connection opening (or of
the previous answer on a kept-alive connection), counted once, not from the last byte; then the
client that sent part of a head gets one line (408), and the connection is closed. Bodies are
bounded by ``ui/guard``. A deadline alone lets one client open connections faster than they expire,
until the server has no file handles left for anyone: a client address holds at most
``APP_CONNECTIONS_PER_CLIENT`` open connections (a page uses a handful); one more gets one line
(503) and is closed. Trusted proxies (``APP_TRUSTED_PROXIES``) speak for many and are not capped.

>>> reply = one_line_reply("408 Request Timeout", TIMED_OUT).decode().splitlines()
>>> reply[0], reply[-1]
('HTTP/1.1 408 Request Timeout', 'Förfrågan kom inte fram i tid. / The request did not arrive in time.')
"""

from __future__ import annotations

from collections import Counter

import h11
from uvicorn.middleware.proxy_headers import _TrustedHosts  # how uvicorn itself reads FORWARDED_ALLOW_IPS
from uvicorn.protocols.http.h11_impl import H11Protocol

TIMED_OUT = "Förfrågan kom inte fram i tid. / The request did not arrive in time."
TOO_MANY = "För många anslutningar från din adress. / Too many connections from your address."


def one_line_reply(status: str, line: str) -> bytes:
    body = (line + "\n").encode()
    head = f"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
    return f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body


class HeadDeadline(H11Protocol):
    """uvicorn's h11 protocol; a request head not complete within ``head_s`` closes the connection,
    and so does a connection over ``per_client`` from one address."""

    # Set from the settings by ``serve_http`` before the server starts; the counts live on the event loop.
    head_s: float = 10.0
    per_client: int = 256
    trusted = _TrustedHosts("")
    open_by_address: Counter = Counter()

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer, self._address = None, (self.client or ("",))[0]
        self.open_by_address[self._address] += 1
        if self.open_by_address[self._address] > self.per_client and self._address not in self.trusted:
            transport.write(one_line_reply("503 Service Unavailable", TOO_MANY))
            transport.close()
            return
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self.open_by_address[self._address] -= 1
        if self.open_by_address[self._address] <= 0:
            del self.open_by_address[self._address]
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:  # a whole head was read (or the connection failed)
            self._disarm()

    def on_response_complete(self) -> None:
        self._arm()  # before: the parent may read a pipelined request at once, which disarms it
        super().on_response_complete()
        if self.transport.is_closing():
            self._disarm()

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.head_s, self._head_late)

    def _disarm(self) -> None:
        timer, self._head_timer = getattr(self, "_head_timer", None), None
        if timer is not None:
            timer.cancel()

    def _head_late(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self.conn.trailing_data[0]:  # part of a head came; a browser's unused spare connection gets no reply
                self.transport.write(one_line_reply("408 Request Timeout", TIMED_OUT))
            self.transport.close()


def serve_http(settings) -> None:
    """Make uvicorn's "auto" choice this protocol (Gradio gives uvicorn no protocol of its own)."""
    from uvicorn.config import HTTP_PROTOCOLS

    HeadDeadline.head_s, HeadDeadline.per_client = settings.app_request_head_s, settings.app_connections_per_client
    HeadDeadline.trusted = _TrustedHosts(settings.app_trusted_proxies)  # as uvicorn reads the same setting
    HTTP_PROTOCOLS["auto"] = f"{__name__}:{HeadDeadline.__name__}"
