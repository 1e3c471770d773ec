"""The real app on 127.0.0.1, attacked the way a hostile client would: each attack is refused.

The app runs as ``python app.py --port FREE`` on a copy of the seed store, with its
Gradio cache in tmp_path so the tests can see what lands there.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
import uuid

import httpx
import pytest
from hostile import Canary, component_messages, fn_index, hostile_worker, join, long_history, wait_done

from settings import ROOT, Settings
from ui.conversation import ECHO_CHARS
from ui.warmstart import SETTLED

QUESTION = "Hur många poliskameror är målbilden nationellt?"
USER, PASSWORD = "läsare", "rätt-lösenord-42"
MB = 1_000_000

pytestmark = pytest.mark.timeout(120)


def start_guarded_app(seed_settings, root, settled: bool = True, **env):
    """``python app.py`` on a copy of the seed store; ``(Service, Gradio cache dir)``.

    ``settled``: return once the start-up child is gone (ui/warmstart.py), not as soon as the page is up.
    """
    from bench.appclient import app_env, start_service
    from bench.measure import free_port

    shutil.copytree(seed_settings.data_dir, root / "data")
    cache = root / "gradio-cache"
    port = free_port()
    full_env = {**app_env(root / "data", seed_settings.corpus_dir), "GRADIO_TEMP_DIR": str(cache)}
    full_env.pop("APP_AUTH", None)  # a password only where the test asks for one
    full_env.update(env)
    app = start_service([sys.executable, "app.py", "--port", str(port)], f"http://127.0.0.1:{port}/", full_env)
    app.wait_http(90)
    if settled:  # timed figures below are of the app at rest
        app.wait_log(SETTLED, 90)
    return app, cache


@pytest.fixture(scope="module")
def guarded(seed_settings, tmp_path_factory, request):
    app, cache = start_guarded_app(seed_settings, tmp_path_factory.mktemp("guarded"))
    request.addfinalizer(app.stop)
    return app, cache


@pytest.fixture
def canary():
    server = Canary()
    yield server
    server.close()


def cached_files(cache) -> list[str]:
    """Files in Gradio's cache other than the deep links it writes itself."""
    return [str(p) for p in cache.rglob("*") if p.is_file() and "deep_links" not in p.parts]


def test_component_messages_in_a_request_become_no_chat_message(guarded, canary):
    """The chat a client gets back is the server's own, text only. (It was also shown through a Gradio
    deep link in Chromium; the deep link route is closed now, tests/app/test_hostile_client.py.)"""
    app, cache = guarded
    hostile = component_messages(str(ROOT / "app.py"), canary.url)
    session = uuid.uuid4().hex
    fn = fn_index(app.url, "ask")
    answered = []
    for data in ([QUESTION, hostile], [QUESTION, hostile, hostile], [hostile, hostile]):
        assert join(app.url, fn, data, session).status_code == 200
        done = wait_done(app.url, session)
        answered += [done["output"]["data"]] if done["success"] else []  # a wrong count of inputs fails
    assert answered, "no request with hostile messages was answered"
    chat = answered[-1][0]
    assert [part["type"] for m in chat for part in m["content"]] == ["text"] * sum(len(m["content"]) for m in chat)
    assert "onerror" not in json.dumps(chat) and "alert" not in json.dumps(chat)
    assert "2500" in json.dumps(chat, ensure_ascii=False), "the chat holds the server's own answer"
    assert canary.requests == []
    assert cached_files(cache) == [], "a file named by the client was copied into the cache"


def test_an_oversized_upload_and_body_are_refused(guarded):
    app, cache = guarded
    started = time.perf_counter()
    upload = httpx.post(
        f"{app.url}gradio_api/upload",
        files={"files": ("big.bin", b"\0" * (50 * MB))},
        headers={"Origin": "https://elsewhere.example"},
        timeout=30,
    )
    upload_s = time.perf_counter() - started
    body = httpx.post(
        f"{app.url}gradio_api/queue/join",
        content=b"[" + b" " * (10 * MB) + b"]",
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    streamed = httpx.post(
        f"{app.url}gradio_api/queue/join",
        content=(b" " * 64_000 for _ in range(16)),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert upload.status_code in (404, 413) and upload_s < 5, (upload.status_code, upload_s)
    assert (body.status_code, streamed.status_code) == (413, 413)
    assert len(body.content) < 200 and cached_files(cache) == []


def test_a_refused_long_question_is_echoed_only_by_its_start(guarded):
    app, _ = guarded
    limit = Settings().app_max_body_kb * 1024
    session = uuid.uuid4().hex
    assert join(app.url, fn_index(app.url, "ask"), ["x" * (limit - 2000)], session).status_code == 200
    reply = json.dumps(wait_done(app.url, session), ensure_ascii=False)
    assert "x" * (ECHO_CHARS + 1) not in reply and len(reply) < 5_000, len(reply)
    too_big = join(app.url, fn_index(app.url, "ask"), ["x" * (10 * MB)])
    assert too_big.status_code == 413 and len(too_big.content) < 200


def test_an_80000_message_history_is_refused_in_under_a_second(guarded):
    app, _ = guarded
    body = json.dumps(
        {
            "data": [QUESTION, long_history(80_000)],
            "fn_index": fn_index(app.url, "ask"),
            "session_hash": uuid.uuid4().hex,
        }
    ).encode()
    started = time.perf_counter()
    response = httpx.post(
        f"{app.url}gradio_api/queue/join", content=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 413 and elapsed < 1.0, (response.status_code, elapsed)


def test_four_hostile_requests_leave_a_normal_question_fast(guarded):
    """Four 80,000-message requests at a time (from another process, so they do not share the
    measuring client's GIL); normal questions are timed with and without them, interleaved."""
    import gc
    import multiprocessing

    import psutil
    from gradio_client import Client

    app, _ = guarded
    client = Client(app.url, verbose=False)
    client.predict(QUESTION, api_name="/ask")  # warm
    ctx = multiprocessing.get_context("spawn")
    attack, stop, sent = ctx.Event(), ctx.Event(), ctx.Value("q", 0)
    attacker = ctx.Process(target=hostile_worker, args=(app.url, fn_index(app.url, "ask"), attack, stop, sent))
    attacker.start()
    rss_before = psutil.Process(app.proc.pid).memory_info().rss
    # Warm the attack path too, as the normal question was: the attacker's start-up and the
    # server's first refusals are one-off costs, not what hostile requests do to a question.
    attack.set()
    deadline = time.monotonic() + 30
    while sent.value < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    attack.clear()
    times = {False: [], True: []}
    # The clock runs in this process, which in the full suite holds every model and module loaded so
    # far: there one timed question took 0.6 s more in every run, and with this process's garbage
    # collector off while timing it did not. The server's latency is measured, not this collector.
    gc.collect()
    gc.disable()
    try:
        for _ in range(12):  # interleaved, so a busy machine weighs on both alike
            for loaded in (False, True):
                attack.set() if loaded else attack.clear()
                time.sleep(0.3)
                started = time.perf_counter()
                assert "2500" in str(client.predict(QUESTION, api_name="/ask"))
                times[loaded].append(time.perf_counter() - started)
    finally:
        gc.enable()
        stop.set()
        attacker.join(30)
    grown_mb = (psutil.Process(app.proc.pid).memory_info().rss - rss_before) / MB
    p95 = {k: statistics.quantiles(v, n=20)[-1] for k, v in times.items()}
    print(
        f"normal question p95: unloaded {p95[False]:.3f} s, under 4 hostile {p95[True]:.3f} s; "
        f"{sent.value} hostile requests refused, RSS {grown_mb:+.0f} MB"
    )
    assert 0 < sent.value < 1_000_000, "every hostile request is refused"
    assert p95[True] <= 2 * p95[False], p95
    assert grown_mb < 100


def test_routes_the_chat_does_not_use_are_closed(guarded):
    from gradio_client import Client

    app, _ = guarded
    closed = ["gradio_api/upload", "openapi.json", "gradio_api/runs", "monitoring", "gradio_api/mcp/sse"]
    statuses = {path: httpx.get(f"{app.url}{path}", timeout=10).status_code for path in closed}
    assert all(status in (403, 404) for status in statuses.values()), statuses
    api = Client(app.url, verbose=False).view_api(print_info=False, return_format="dict")
    assert list(api["named_endpoints"]) == ["/ask"]
    assert [p["parameter_name"] for p in api["named_endpoints"]["/ask"]["parameters"]] == ["question"]
    assert httpx.get(f"{app.url}config", timeout=10).json().get("run_history") is False


@pytest.fixture(scope="module")
def login_app(seed_settings, tmp_path_factory, request):
    app, _ = start_guarded_app(seed_settings, tmp_path_factory.mktemp("login"), APP_AUTH=f"{USER}:{PASSWORD}")
    request.addfinalizer(app.stop)
    return app


def login_with(app, user: str, password: str, **headers) -> httpx.Response:
    return httpx.post(f"{app.url}login", data={"username": user, "password": password}, headers=headers, timeout=10)


def test_login_backs_off_after_repeated_failures(login_app):
    def login(user: str, password: str) -> httpx.Response:
        return login_with(login_app, user, password)

    wrong = [login("someone", "guess") if i % 2 else login(USER, f"guess-{i}") for i in range(30)]
    evaluated = [r for r in wrong if r.status_code == 400]
    free = Settings().login_free_failures
    # free + 1 get an answer; one more only if this machine stalled past the first wait
    assert free + 1 <= len(evaluated) <= free + 2, [r.status_code for r in wrong]
    assert {r.json()["detail"] for r in evaluated} == {"Incorrect credentials."}  # wrong user == wrong password
    assert all(r.status_code == 429 and int(r.headers["retry-after"]) >= 1 for r in wrong if r.status_code != 400)
    time.sleep(int(wrong[-1].headers["retry-after"]) + 0.2)
    assert login(USER, "one-more-guess").status_code == 400  # heard again, and the wait doubles
    locked = login(USER, PASSWORD)
    assert locked.status_code == 429, "the right password during the wait is refused too"
    time.sleep(int(locked.headers["retry-after"]) + 0.2)
    assert login(USER, PASSWORD).status_code == 200


def test_a_forwarded_for_header_does_not_escape_the_login_backoff(login_app):
    """Each guess claims another address in X-Forwarded-For; from 127.0.0.1, which uvicorn trusted
    by default, each would have been a new client. The guard counts the TCP peer."""
    wrong = [login_with(login_app, USER, "guess", **{"X-Forwarded-For": f"10.0.0.{i}"}) for i in range(12)]
    statuses = [r.status_code for r in wrong]
    assert 429 in statuses and statuses.index(429) <= Settings().login_free_failures + 2, statuses
    time.sleep(int(wrong[-1].headers["retry-after"]) + 0.2)
    assert login_with(login_app, USER, PASSWORD).status_code == 200  # and 127.0.0.1 starts afresh
