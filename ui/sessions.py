"""Each client address keeps at most ``SESSIONS_PER_CLIENT`` of Gradio's sessions in memory.

Gradio keeps a ``SessionState`` for every ``session_hash`` a request names (the 10,000 newest),
each holding its own copy of the whole page's config: 62 kB with the two seed articles, 166 kB
with 3,000 (the article table and the "Ask only in" choices). A client chooses the hash, so one
client naming a new one with each cheap request held 150 MB after 3,000 requests, and at 10,000
it would push every other session, and its conversation, out of memory. Here the sessions a
client starts are counted per address; past its share its own oldest is dropped, so a flood
costs that client its own old chats only. A ``/call`` without a hash (Gradio would key its
session by the event) is given one, so it is counted too.

>>> import types  # Gradio's StateHolder, as far as this module uses it
>>> holder = types.SimpleNamespace(session_data={}, time_last_used={}, lock=threading.Lock())
>>> share = SessionShare(per_client=2)
>>> for session in ("a", "b", "c"):
...     holder.session_data[session] = share.count(holder, "10.0.0.1", session)
>>> sorted(holder.session_data), list(share._started["10.0.0.1"])
(['b', 'c'], ['b', 'c'])
>>> share.count(holder, "10.0.0.2", "b"); list(share._started.get("10.0.0.2", ()))  # another's: not started here
[]
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field

# The routes whose requests make Gradio create the session they name.
SESSION_PATHS = ("/gradio_api/run/", "/gradio_api/api/", "/gradio_api/queue/join", "/gradio_api/call/")
CALL_PREFIX = "/gradio_api/call/"
# A tab is a session, and so is each reload of it: 200 leaves room for many people behind one
# address, and holds at most ~33 MB of one address's sessions with 3,000 articles.
SESSIONS_PER_CLIENT = 200


@dataclass
class SessionShare:
    """The sessions each client address started, oldest first (see the module)."""

    per_client: int = SESSIONS_PER_CLIENT
    _started: OrderedDict = field(default_factory=OrderedDict)  # client -> OrderedDict of its session hashes
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def started(self, scope, path: str, body: bytes, data: dict | None) -> tuple[dict, bytes]:
        """The request's scope and body, its session counted to its client (a ``/call`` without one is given one).

        ``data`` is ``body``'s JSON object (None when it holds none); a hash given is written into it too."""
        from ui.guard import client_address

        holder = getattr(scope.get("app"), "state_holder", None)
        if holder is None or data is None or not path.startswith(SESSION_PATHS):
            return scope, body
        if data.get("session_hash") is None and path.startswith(CALL_PREFIX):
            data["session_hash"] = uuid.uuid4().hex
            body = json.dumps(data).encode()
            scope = with_length(scope, len(body))
        if isinstance(data.get("session_hash"), str):
            self.count(holder, client_address(scope), data["session_hash"])
        return scope, body

    def count(self, holder, client: str, session: str) -> None:
        """A session new to Gradio is the client's; past its share, the client's oldest is dropped."""
        from ui.guard import MAX_CLIENTS

        if session in holder.session_data:
            return  # already held: started by whoever named it first
        with self._lock:
            mine = self._started.pop(client, None) or OrderedDict()
            self._started[client] = mine  # last in the order: the most recent
            mine[session] = None
            dropped = [mine.popitem(last=False)[0] for _ in range(len(mine) - self.per_client)]
            while len(self._started) > MAX_CLIENTS:
                self._started.popitem(last=False)
        with holder.lock:
            for old in dropped:
                holder.session_data.pop(old, None)
                holder.time_last_used.pop(old, None)


def with_length(scope: dict, length: int) -> dict:
    """``scope`` with its ``Content-Length`` header saying ``length``."""
    headers = [(k, v) for k, v in scope.get("headers", []) if k != b"content-length"]
    return {**scope, "headers": [*headers, (b"content-length", str(length).encode())]}
