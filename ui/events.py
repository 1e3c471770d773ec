"""What a client may name in the page's event routes: an event the page has, a stream that exists.

Gradio (6.31) answered a hostile client in ways that leave a traceback in the server's log:
a join or a direct run naming an event the page does not have (``fn_index`` 99999, or none) got
a 500 (``KeyError``, ``FnIndexInferError``); a stream for a session or an event the queue does
not hold (``/queue/data?session_hash=...``, ``/call/ask/<event_id>``) got a 200 that Gradio then
broke off by raising a 404 inside it. ``ui/guard`` refuses those first, with one line. A stream is
looked up exactly as Gradio's own first check does, so the page's streams pass as before.

A join while Gradio's queue holds ``APP_QUEUE_SIZE`` events got Gradio's 503, for which the page
shows its own English line ("This application is currently busy"); any other status shows the
reply's ``detail``. So a full queue is answered here with 429 and a line in both languages.

>>> class Blocks:
...     fns = {0: "ask", 1: "vote"}
...     class _queue:
...         pending_messages_per_session = {"chat-1": []}
...         event_ids_to_events, pending_event_ids_session = {}, {"chat-1": {"ev-1"}}
>>> [unknown_event(Blocks, d) for d in ({"fn_index": 1}, {"fn_index": 9}, {})]
[False, True, True]
>>> unknown_event(Blocks, None)  # the body is no JSON object: Gradio's own 422 says so
False
>>> is_stream("/gradio_api/queue/data"), is_stream("/gradio_api/call/ask/ev-1"), is_stream("/gradio_api/call/ask")
(True, True, False)
>>> [stream_missing(Blocks, "/gradio_api/queue/data", q) for q in (b"session_hash=chat-1", b"session_hash=x")]
[False, True]
>>> stream_missing(Blocks, "/gradio_api/call/ask/ev-1", b""), stream_missing(Blocks, "/gradio_api/call/ask/ev-9", b"")
(False, True)
"""

from __future__ import annotations

from urllib.parse import parse_qs

from ui.queueshare import JOIN_PATH

RUN_PATH = "/gradio_api/run/predict"  # the page's events that skip the queue
EVENT_PATHS = (JOIN_PATH, RUN_PATH)
STREAM_PATH, CALL_PREFIX = "/gradio_api/queue/data", "/gradio_api/call/"
UNKNOWN_EVENT = "Sidan har ingen sådan händelse. / The page has no such event."
NOTHING_WAITING = "Här väntar inget svar. / No answer is waiting here."
QUEUE_FULL = (
    "Många frågor väntar just nu; försök igen om en stund. / Many questions are waiting; try again in a moment."
)


def queue_full(blocks) -> bool:
    """Gradio's queue holds as many waiting events as it takes (its own test, made before it)."""
    queue = blocks._queue
    return queue.max_size is not None and len(queue) >= queue.max_size


def unknown_event(blocks, data: dict | None) -> bool:
    """A join or direct run (``EVENT_PATHS``) whose body's JSON object (``data``, None when it holds
    none) names no event of the page."""
    if data is None:
        return False
    fn = data.get("fn_index")
    return not isinstance(fn, int) or isinstance(fn, bool) or fn not in blocks.fns


def is_stream(path: str) -> bool:
    """``/queue/data`` or ``/call/<api>/<event_id>``: a GET of an event's messages."""
    return path == STREAM_PATH or (path.startswith(CALL_PREFIX) and path.count("/") == 4)


def stream_missing(blocks, path: str, query: bytes) -> bool:
    """A stream (``is_stream``) for a session the queue does not hold."""
    if path == STREAM_PATH:
        named = parse_qs(query.decode("latin-1")).get("session_hash")
        if not named:
            return False  # Gradio's own 422 names the missing field
        session = named[0]
    else:
        session = _session_of_event(blocks._queue, path.rsplit("/", 1)[1])
    return session not in blocks._queue.pending_messages_per_session


def _session_of_event(queue, event_id: str) -> str:
    """The session Gradio's ``/call/<api>/<event_id>`` reads: the event's, a finished one's, or the id."""
    event = queue.event_ids_to_events.get(event_id)
    if event is not None:
        return event.session_hash
    return next((s for s, ids in queue.pending_event_ids_session.items() if event_id in ids), event_id)
