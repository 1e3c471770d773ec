"""Each chat and each client address gets a share of Gradio's queue for its questions.

Gradio runs every joined event, listened to or not, and caps only the queue's total
(APP_QUEUE_SIZE), so one client could fill it with slow questions and make everyone wait.
Only questions (the ``/ask`` event, the one that embeds and searches) are shared out; the
page's other events are cheap and pass as before.

- A chat (Gradio's ``session_hash``) may have ``PER_CHAT`` questions waiting or running; one
  more is refused with 429 and ``BUSY``, which the page shows.
- A client address may have ``per_client`` questions in Gradio's queue. Its further questions
  wait here, in the order they came, and join as its earlier ones finish: people behind one
  address (a proxy, the load test) are served in turn, never refused, while a flood from one
  address delays that address only; another client's question joins the queue at once.

Questions are counted in Gradio's own queue each time, so one stops counting as soon as it
finishes, fails, is cancelled, or is dropped because its page went away. This module counts only
the joins it is holding or handing on, each released in a ``finally``: no count outlives its request.

>>> share = QueueShare()
>>> share.count([("held", "10.0.0.1")], +1); share._turns["10.0.0.1"] = "lock"
>>> share.count([("held", "10.0.0.1")], -1); share._here, share._turns
(Counter(), {})
>>> json_object(b'{"fn_index": 1}'), json_object(b"[1]"), json_object(b"{")
({'fn_index': 1}, None, None)
>>> json_object(b"[" * 100_000) is None
True
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from ui.page import ASK_API

JOIN_PATH = "/gradio_api/queue/join"
# The routes that join an event to the queue: the page's join names the event by fn_index; the
# API's call (with or without v2) by its api_name.
CALL_PATHS = ("/gradio_api/call/", "/gradio_api/call/v2/")
# A page asks one question at a time (New chat waits for the answer, ui/page.py); the second place
# is for a question sent as the previous answer arrives: Gradio sends the answer before it lets go
# of the job, so that one may still count.
PER_CHAT = 2
BUSY = "Vänta tills ditt förra svar är klart. / Wait until your previous answer is done."
POLL_S = 0.02  # how often a held question looks for a free place in the queue


@dataclass
class QueueShare:
    """Questions in Gradio's queue per chat and per client address (see the module)."""

    per_client: int = 3
    max_held: int = 64  # one client's questions waiting here; one more is refused
    _here: Counter = field(default_factory=Counter)  # ("chat" | "held" | "entering", key) -> joins
    _turns: dict = field(default_factory=dict)  # client -> asyncio.Lock: its held questions pass in order

    def asks(self, scope, path: str, data: dict | None) -> bool:
        """This request joins the question event to Gradio's queue (``data``: its body's JSON object, or None)."""
        if path != JOIN_PATH:
            return any(path == f"{prefix}{ASK_API}" for prefix in CALL_PATHS)
        fn = scope["app"].get_blocks().fns.get((data or {}).get("fn_index"))
        return getattr(fn, "api_name", None) == ASK_API

    def in_queue(self, blocks, chat: str | None = None, client: str | None = None) -> int:
        """The chat's (or the client's) questions waiting or running in Gradio's queue."""
        queue = blocks._queue
        waiting = [event for line in queue.event_queue_per_concurrency_id.values() for event in line.queue]
        running = [event for job in queue.active_jobs if job for event in job]
        mine = (lambda e: e.session_hash == chat) if client is None else (lambda e: asker(e) == client)
        return sum(event.fn.api_name == ASK_API and mine(event) for event in waiting + running)

    def refused(self, blocks, chat: str | None, client: str) -> bool:
        """The chat already has ``PER_CHAT`` questions, or the client ``max_held`` waiting here."""
        chat_full = chat is not None and self.in_queue(blocks, chat=chat) + self._here["chat", chat] >= PER_CHAT
        return chat_full or self._here["held", client] >= self.max_held

    @asynccontextmanager
    async def turn(self, blocks, chat: str | None, client: str, gone):
        """Counts a question until it is in Gradio's queue; yields False if its client left while it waited."""
        admitted = False
        self.count([("chat", chat), ("held", client)], +1)
        try:
            try:
                admitted = await self.wait_turn(blocks, client, gone)
            finally:
                gone.cancel()  # the app reads the connection from here on
                self.count([("held", client)], -1)
            yield admitted
        finally:
            self.count([("chat", chat), *([("entering", client)] if admitted else [])], -1)

    async def wait_turn(self, blocks, client: str, gone) -> bool:
        """Until the client has fewer than ``per_client`` questions in the queue; False if it left."""
        async with self._turns.setdefault(client, asyncio.Lock()):
            while self.in_queue(blocks, client=client) + self._here["entering", client] >= self.per_client:
                if gone.done():
                    return False
                await asyncio.sleep(POLL_S)
            self._here["entering", client] += 1
            return True

    def count(self, keys: list, step: int) -> None:
        self._here.update({key: step for key in keys})
        for key in keys:
            if self._here[key] <= 0:
                del self._here[key]
                if key[0] == "held":
                    self._turns.pop(key[1], None)  # no question of this client waits on its lock


def asker(event) -> str | None:
    """The client address of a queued Gradio event (the request that joined it)."""
    from ui.guard import client_address

    return client_address(event.request.scope) if event.request is not None else None


def json_object(body: bytes) -> dict | None:
    """The JSON object ``body`` holds (None when it holds no object)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # a body nested deeper than Python's stack is no JSON object either
        return None
    return data if isinstance(data, dict) else None
