"""One client floods the real app's queue with long questions: it gets its share, another client is answered.

The app runs on 127.0.0.1 as in test_security.py; the flood comes from 127.0.0.1 and the other
user from 127.0.0.2 (loopback too), so the guard sees two TCP peers.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from hostile import JOIN, fn_index, join, wait_done
from test_security import QUESTION, start_guarded_app

from settings import Settings
from ui.guard import BUSY, MAX_EVENTS_PER_CLIENT

pytestmark = pytest.mark.timeout(120)
FLOOD = 32


@pytest.fixture(scope="module")
def queue_app(seed_settings, tmp_path_factory, request):
    app, _ = start_guarded_app(seed_settings, tmp_path_factory.mktemp("queue"))
    request.addfinalizer(app.stop)
    return app


def test_a_flooding_client_gets_its_share_and_another_client_is_answered(queue_app):
    fn = fn_index(queue_app.url, "ask")
    long_question = "a " * (Settings().max_question_chars // 2)  # seconds of embedding each
    sessions = [uuid.uuid4().hex for _ in range(FLOOD)]
    with ThreadPoolExecutor(FLOOD) as pool:  # all at once, as a script would
        joined = list(pool.map(lambda s: join(queue_app.url, fn, [long_question, None, None], s), sessions))
    statuses = [r.status_code for r in joined]
    assert statuses.count(200) == MAX_EVENTS_PER_CLIENT, statuses
    assert {r.json()["detail"] for r in joined if r.status_code != 200} == {BUSY}

    other = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=30)
    session, started = uuid.uuid4().hex, time.perf_counter()
    body = {"data": [QUESTION, None, None], "fn_index": fn, "session_hash": session, "event_data": None}
    assert other.post(f"{queue_app.url}{JOIN}", json=body).status_code == 200
    reply = wait_done(queue_app.url, session, timeout=60)
    waited = time.perf_counter() - started
    print(f"another client's question answered in {waited:.2f} s while one client flooded")
    assert "2500" in str(reply) and waited < 10, waited
    for s, r in zip(sessions, joined):  # the flooder's own accepted questions are answered too
        if r.status_code == 200:
            assert wait_done(queue_app.url, s)["success"]
