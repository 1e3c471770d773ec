"""A hostile client of the running app: raw Gradio queue calls with whatever data it likes.

gradio_client only sends what the API declares; an attacker does not, so these
helpers speak the queue protocol (``/gradio_api/queue/join`` + the SSE stream) directly.
"""

from __future__ import annotations

import http.server
import json
import threading
import uuid

import httpx

JOIN = "gradio_api/queue/join"


def fn_index(url: str, api_name: str) -> int:
    """The id of the event named ``api_name`` in the page's config."""
    config = httpx.get(f"{url}config", timeout=10).json()
    return next(d["id"] for d in config["dependencies"] if d.get("api_name") == api_name)


def join(url: str, fn: int, data: list, session: str | None = None, timeout: float = 30) -> httpx.Response:
    body = {"data": data, "fn_index": fn, "session_hash": session or uuid.uuid4().hex, "event_data": None}
    return httpx.post(f"{url}{JOIN}", json=body, timeout=timeout)


def wait_done(url: str, session: str, timeout: float = 60) -> dict:
    """The ``process_completed`` message of the session's event (read from the SSE stream)."""
    with httpx.stream("GET", f"{url}gradio_api/queue/data", params={"session_hash": session}, timeout=timeout) as r:
        for line in r.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError(f"no process_completed for session {session}")


def component_messages(local_file: str, canary_url: str) -> list[dict]:
    """Chatbot messages that, taken from a client, would run script, copy a file or fetch a URL."""
    script = "<img src=x onerror=alert('html')><script>alert('script')</script>"
    return [
        {"role": "user", "content": [{"type": "text", "text": "hej"}]},
        {
            "role": "assistant",
            "content": [
                {
                    "type": "component",
                    "component": "html",
                    "value": script,
                    "props": {"js_on_load": "alert('js_on_load')"},
                }
            ],
        },
        {"role": "assistant", "content": {"type": "component", "component": "html", "value": script}},
        {
            "role": "assistant",
            "content": [
                {
                    "type": "component",
                    "component": "file",
                    "value": {"path": local_file, "meta": {"_type": "gradio.FileData"}},
                }
            ],
        },
        {
            "role": "assistant",
            "content": [
                {
                    "type": "component",
                    "component": "image",
                    "value": {
                        "path": f"{canary_url}x.png",
                        "url": f"{canary_url}x.png",
                        "meta": {"_type": "gradio.FileData"},
                    },
                }
            ],
        },
        {
            "role": "assistant",
            "content": [{"type": "file", "file": {"path": local_file, "meta": {"_type": "gradio.FileData"}}}],
        },
    ]


def long_history(messages: int) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": f"meddelande {i}"} for i in range(messages)]


def hostile_worker(url: str, fn: int, attack, stop, sent, threads: int = 4, pause_s: float = 0.25) -> None:
    """In its own process: ``threads`` requests at a time, each an 80,000-message history,
    while ``attack`` is set; ``sent`` counts refused ones, and an accepted one as a million."""
    body = json.dumps({"data": ["Hur många?", long_history(80_000)], "fn_index": fn, "session_hash": "h"}).encode()

    def loop():
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                if not attack.wait(0.05):
                    continue
                try:
                    status = client.post(f"{url}{JOIN}", content=body, headers={"Content-Type": "application/json"})
                    refused = status.status_code == 413
                except httpx.HTTPError:
                    refused = True  # the server closed the connection on the refused body
                with sent.get_lock():
                    sent.value += 1 if refused else 1_000_000  # an accepted one shows up as a huge count
                stop.wait(pause_s)  # four at once, again and again; not an unbounded flood of connections

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


class Canary:
    """An HTTP server on 127.0.0.1 that records every request made to it."""

    def __init__(self):
        self.requests: list[str] = []
        canary = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the stdlib's name)
                canary.requests.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def fn_of(url: str, elem_id: str, event: str) -> int:
    """The id of the page's ``event`` on the component with ``elem_id`` (private events have no API name)."""
    config = httpx.get(f"{url}config", timeout=10).json()
    component = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id)
    return next(d["id"] for d in config["dependencies"] if [component, event] in d["targets"])


def run(url: str, fn: int, data: list, session: str | None = None) -> httpx.Response:
    """A direct call of an unqueued event, as the page makes it; the reply holds its outputs."""
    body = {"data": data, "fn_index": fn, "session_hash": session or uuid.uuid4().hex, "event_data": None}
    return httpx.post(f"{url}gradio_api/run/predict", json=body, timeout=30)
