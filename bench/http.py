"""``python -m bench.http [--requests 300] [--rounds 5]``: what the chat server's HTTP protocol costs.

The app serves with ``ui/heads.py``'s protocol (uvicorn's h11 with a deadline for each request
head and a cap on connections per address) instead of httptools, which uvicorn takes by
default and which buffered a header of any size. This times the three side by side on one tiny
ASGI app, so only the protocol differs: the same requests, in rounds that alternate which goes
first, over one kept-alive connection and over a new connection each. The ratio to httptools is
the figure; a question's answer itself takes some 20-30 ms (``python -m bench``).

>>> main(["--requests", "300"])      # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import threading
import time

from settings import Settings

PROTOCOLS = {"httptools": "httptools", "h11": "h11", "ours": "ui.heads:HeadDeadline"}


async def tiny_app(scope, receive, send) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


def serve(http: str):
    """A uvicorn server with this protocol on a free loopback port, in a thread; ``(url, server)``."""
    import uvicorn

    from bench.measure import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(tiny_app, host="127.0.0.1", port=port, http=http, log_level="warning"))
    threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}/", server


def ms_per_request(url: str, requests: int, keep_alive: bool) -> float:
    import httpx

    limits = httpx.Limits(max_keepalive_connections=1 if keep_alive else 0)
    with httpx.Client(limits=limits, timeout=10) as client:
        started = time.perf_counter()
        for _ in range(requests):
            client.get(url).raise_for_status()
        return (time.perf_counter() - started) * 1000 / requests


def measure(requests: int, rounds: int) -> dict:
    from ui.heads import serve_http

    serve_http(Settings())  # the app's own deadline and cap
    servers = {name: serve(http) for name, http in PROTOCOLS.items()}
    times: dict[str, dict[str, list[float]]] = {name: {"kept_alive": [], "new_connection": []} for name in servers}
    names = list(servers)
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:  # each goes first in turn
            for mode, keep in (("kept_alive", True), ("new_connection", False)):
                times[name][mode].append(ms_per_request(servers[name][0], requests, keep))
    for _, server in servers.values():
        server.should_exit = True
    return summarize(times)


def summarize(times: dict[str, dict[str, list[float]]]) -> dict:
    """Median ms per request of each protocol and mode, and its ratio to httptools'.

    >>> summarize({"httptools": {"kept_alive": [1.0, 2.0, 3.0]}, "ours": {"kept_alive": [3.0, 4.0, 9.0]}})
    {'httptools': {'kept_alive': {'ms': 2.0, 'ratio': 1.0}}, 'ours': {'kept_alive': {'ms': 4.0, 'ratio': 2.0}}}
    """
    medians = {name: {mode: statistics.median(v) for mode, v in modes.items()} for name, modes in times.items()}
    return {
        name: {mode: {"ms": round(ms, 3), "ratio": round(ms / medians["httptools"][mode], 2)} for mode, ms in m.items()}
        for name, m in medians.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.http", description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per protocol, mode and round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.requests, args.rounds), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
