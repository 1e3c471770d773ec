"""A hostile HTTP client against the real app on 127.0.0.1: what test_security.py does not already try.

The app runs as ``python app.py --port FREE`` on a copy of the seed store (test_security's
``start_guarded_app``); every request here is raw HTTP, as no page would send it.
"""

from __future__ import annotations

import uuid

import httpx
import pytest
from hostile import fn_index, fn_of, join, run, wait_done
from test_security import cached_files, start_guarded_app

from ui.texts import both

pytestmark = pytest.mark.timeout(120)
HEAD_S = 3  # APP_REQUEST_HEAD_S here (10 s by default)
PER_CLIENT = 80  # APP_CONNECTIONS_PER_CLIENT here (256 by default)
UPLOAD_FILES = 5  # MAX_UPLOAD_FILES here (50 by default)


@pytest.fixture(scope="module")
def served(seed_settings, tmp_path_factory, request):
    """``(Service, Gradio cache dir)`` of the app."""
    app, cache = start_guarded_app(
        seed_settings,
        tmp_path_factory.mktemp("hostile_client"),
        APP_REQUEST_HEAD_S=str(HEAD_S),
        APP_CONNECTIONS_PER_CLIENT=str(PER_CLIENT),
        MAX_UPLOAD_FILES=str(UPLOAD_FILES),
    )
    request.addfinalizer(app.stop)
    return app, cache


@pytest.fixture
def app(served):
    return served[0]


def new_log(app, before: int) -> str:
    return app.log.read_text(encoding="utf-8", errors="replace")[before:]


def log_size(app) -> int:
    return len(app.log.read_text(encoding="utf-8", errors="replace"))


def test_routes_the_page_never_calls_are_closed(app):
    """dev/reload held a 50 ms polling loop per open connection (1,500 took a CPU), process_recording
    echoed (or ran ffmpeg on) a file posted from any origin, component_server answered a 500."""
    with httpx.stream("GET", f"{app.url}gradio_api/dev/reload", timeout=10) as reload:
        reload_status = reload.status_code
    recording = httpx.post(
        f"{app.url}gradio_api/process_recording",
        files={"video": ("a.mp4", b"x" * 1000, "video/mp4")},
        headers={"Origin": "https://elsewhere.example"},
        timeout=10,
    )
    component = httpx.post(
        f"{app.url}gradio_api/component_server",
        json={"session_hash": "x", "component_id": 99_999, "fn_name": "x", "data": None},
        timeout=10,
    )
    assert (reload_status, recording.status_code, component.status_code) == (404, 404, 404)
    assert b"x" * 100 not in recording.content


@pytest.mark.parametrize("path", ["gradio_api/queue/join", "gradio_api/call/ask"])
def test_a_body_nested_past_the_stack_is_a_bad_request_not_a_crash(app, path):
    """The question share parsed it with Python's json, whose RecursionError went unhandled: a 500."""
    before = log_size(app)
    nested = "[" * 30_000 + "]" * 30_000
    body = f'{{"fn_index": 2, "session_hash": "abc", "data": {nested}}}'.encode()
    reply = httpx.post(f"{app.url}{path}", content=body, headers={"Content-Type": "application/json"}, timeout=10)
    assert reply.status_code in (400, 422), (reply.status_code, reply.text[:200])
    assert "Traceback" not in reply.text and "RecursionError" not in new_log(app, before)


def test_an_event_or_a_stream_the_page_does_not_have_gets_one_line_and_no_traceback(app):
    """Gradio answered these with a 500 (KeyError, FnIndexInferError) or with a 200 it broke off by
    raising a 404 inside the stream, each a traceback in the server's log."""
    before = log_size(app)
    replies = [
        join(app.url, 99_999, []),
        httpx.post(f"{app.url}gradio_api/run/predict", json={"data": []}, timeout=10),
        httpx.get(f"{app.url}gradio_api/queue/data", params={"session_hash": uuid.uuid4().hex}, timeout=10),
        httpx.get(f"{app.url}gradio_api/call/ask/{uuid.uuid4().hex}", timeout=10),
    ]
    assert [r.status_code for r in replies] == [404] * 4
    lines = [r.json()["detail"] for r in replies]
    assert all("/" in line and "\n" not in line for line in lines), lines  # one line, Swedish / English
    session = uuid.uuid4().hex  # a real question and its stream still pass
    question = ["Hur många poliskameror är målbilden nationellt?", None, None]
    assert join(app.url, fn_index(app.url, "ask"), question, session).status_code == 200
    assert wait_done(app.url, session)["success"]
    assert "Traceback" not in new_log(app, before)


def test_a_deep_link_writes_nothing(served):
    """Each GET wrote the session's whole page (its chat, the article table, the choices) to a file
    in Gradio's cache, kept an hour: a client varying its selection filled the disk a file per request."""
    app, cache = served
    session = uuid.uuid4().hex
    assert run(app.url, fn_of(app.url, "date-from", "change"), [[], "2024", ""], session).status_code == 200
    links = [
        httpx.get(f"{app.url}gradio_api/deep_link", params={"session_hash": session}, timeout=10) for _ in range(3)
    ]
    assert [r.status_code for r in links] == [404] * 3
    assert not list(cache.glob("deep_links/*"))


def test_a_client_naming_a_new_session_each_time_holds_little_memory(app):
    """Gradio keeps every session a request names (10,000), each a copy of the whole page's config;
    one client naming a new session_hash per request held 50 kB more with each. Now its own oldest go."""
    import psutil

    from ui.sessions import SESSIONS_PER_CLIENT

    process = psutil.Process(app.proc.pid)
    fn = fn_of(app.url, "confirm-remove-no", "click")  # the cheapest event: it hides a dialog

    def fresh_sessions(count: int) -> None:
        with httpx.Client(timeout=30) as client:
            for _ in range(count):
                body = {"data": [], "fn_index": fn, "session_hash": uuid.uuid4().hex, "event_data": None}
                assert client.post(f"{app.url}gradio_api/run/predict", json=body).status_code == 200

    fresh_sessions(2 * SESSIONS_PER_CLIENT)  # the share full, and Python's allocator warm
    before = process.memory_info().rss
    fresh_sessions(2_000)
    grown_mb = (process.memory_info().rss - before) / 1_000_000
    assert grown_mb < 30, f"{grown_mb:.0f} MB more after 2,000 sessions"


def test_a_request_head_without_end_is_cut_off(app):
    """httptools buffered a header of any size (300 MB sent held 565 MB): now the head is capped."""
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(app.url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as raw:
        raw.sendall(f"GET /config HTTP/1.1\r\nHost: {address.netloc}\r\nX-Big: ".encode())
        try:
            for _ in range(64):  # 64 MB of one header
                raw.sendall(b"a" * 1_000_000)
            raw.sendall(b"\r\n\r\n")
            reply = raw.recv(100)
        except OSError:  # the server closed the connection while the header was still coming
            reply = b""
    assert not reply.startswith(b"HTTP/1.1 200"), reply


def test_a_request_head_never_finished_gets_one_line_and_is_closed(app):
    """uvicorn kept a connection whose head never ended (500 such were all open 15 s later),
    and restarted its timer at every byte: now the head has a deadline from the connection's start."""
    import socket
    import time
    from urllib.parse import urlsplit

    address = urlsplit(app.url)
    stalled = [socket.create_connection((address.hostname, address.port), timeout=30) for _ in range(50)]
    for raw in stalled:
        raw.sendall(f"GET / HTTP/1.1\r\nHost: {address.netloc}\r\n".encode())
    silent = socket.create_connection((address.hostname, address.port), timeout=30)  # a browser's spare one
    trickled = socket.create_connection((address.hostname, address.port), timeout=30)
    meanwhile = httpx.get(f"{app.url}config", timeout=10)
    try:
        for byte in b"GET / HTTP/1.1\r\nX-Slow: " + b"a" * 100:  # a byte every 0.1 s, never the end
            trickled.sendall(bytes([byte]))
            time.sleep(0.1)
    except OSError:  # the server closed it while it was still coming
        pass
    replies = [read_to_end(raw) for raw in [*stalled, trickled]]
    assert meanwhile.status_code == 200 and read_to_end(silent) == b""
    assert all(r.startswith(b"HTTP/1.1 408") and r.rstrip().endswith(b"did not arrive in time.") for r in replies[:-1])
    assert b"200 OK" not in replies[-1]


def test_one_address_holding_too_many_connections_is_turned_away_at_once(app):
    """With only the deadline, a client opening connections faster than they expire could use up the
    server's file handles; past its share an address is told so in one line and closed."""
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(app.url)
    held = [socket.create_connection((address.hostname, address.port), timeout=30) for _ in range(PER_CLIENT + 20)]
    replies = [read_to_end(raw) for raw in held]  # the ones within the share close silently at the deadline
    assert set(replies[: PER_CLIENT - 5]) == {b""}
    assert all(
        r.startswith(b"HTTP/1.1 503") and r.rstrip().endswith(b"from your address.") for r in replies[PER_CLIENT:]
    )
    assert httpx.get(f"{app.url}config", timeout=10).status_code == 200  # their connections gone, served again


def read_to_end(raw) -> bytes:
    """What the server sent until it closed the connection (at most 30 s)."""
    data = b""
    with raw:
        while chunk := raw.recv(65536):
            data += chunk
    return data


def test_a_question_too_large_to_read_is_refused_in_both_languages(app):
    """The body cap's line was English only; a Swedish question over it got no Swedish word."""
    from settings import Settings
    from ui.texts import both

    question = "Hur många poliskameror är målbilden nationellt? " * 200_000
    body = {"data": [question, None, None], "fn_index": 2, "session_hash": uuid.uuid4().hex}
    reply = httpx.post(f"{app.url}gradio_api/queue/join", json=body, timeout=30)
    assert reply.status_code == 413 and "för stor" in reply.json()["detail"], reply.text
    assert reply.json()["detail"] == both("too_large", limit=Settings().app_max_body_kb * 1024)


def test_votes_on_one_answer_write_a_few_lines_not_one_each(served):
    """The vote is an unqueued request a client can repeat at will; each wrote a line to
    feedback.jsonl (500 took 0.9 MB in 1.3 s), a file that is never cut."""
    from ui.feedback import VERDICTS_PER_ANSWER

    app, cache = served
    feedback = cache.parent / "data" / "feedback.jsonl"
    session = uuid.uuid4().hex
    question = ["Hur många poliskameror är målbilden nationellt?", None, None]
    assert join(app.url, fn_index(app.url, "ask"), question, session).status_code == 200
    assert wait_done(app.url, session)["success"]
    fn, saved = fn_of(app.url, "chat", "like"), []
    with httpx.Client(timeout=30) as client:
        for i in range(40):  # the same vote 20 times, then 20 changes of mind
            vote = {"index": 1, "value": "x", "liked": i < 20 or i % 2 == 0}
            body = {"data": [None, "kommentar"], "fn_index": fn, "session_hash": session, "event_data": vote}
            reply = client.post(f"{app.url}gradio_api/run/predict", json=body)
            assert reply.status_code == 200, reply.text[:200]
            saved.append(reply.json()["data"][0])
    lines = feedback.read_text(encoding="utf-8").splitlines()
    assert len(lines) == VERDICTS_PER_ANSWER, len(lines)
    assert saved[0].startswith("Tack") and "Högst" in saved[-1] and saved[-1].endswith("the earlier ones stand.")


def test_an_upload_is_never_served_back(app):
    """Gradio served its copy of an uploaded file to anyone with the path it answered the upload
    with, until the page's event read it, and for an hour when no event came: a file host."""
    upload = httpx.post(
        f"{app.url}gradio_api/upload",
        files={"files": ("bro.html", b"<p>Kiruna kommun bygger en ny bro.</p>", "text/html")},
        timeout=10,
    )
    assert upload.status_code == 200, upload.text[:200]
    path = upload.json()[0]
    for url in (f"{app.url}gradio_api/file={path}", f"{app.url}gradio_api/file/{path.lstrip('/')}"):
        served = httpx.get(url, timeout=10)
        assert served.status_code == 404 and b"Kiruna" not in served.content, (url, served.status_code)


def test_an_upload_of_more_files_than_the_cap_is_refused_whole_before_any_is_written(served):
    """One upload request could carry ~1,000 small files (the body cap is one file's MAX_FILE_MB),
    each written to Gradio's cache; one file past MAX_UPLOAD_FILES refuses the whole request."""
    app, cache = served
    files = [
        ("files", (f"notis-{i}.txt", f"Notis {i}: Kiruna bygger en bro.".encode(), "text/plain")) for i in range(6)
    ]
    before = sorted(cached_files(cache))
    refused = httpx.post(f"{app.url}gradio_api/upload", files=files[: UPLOAD_FILES + 1], timeout=30)
    assert refused.status_code == 413, refused.text[:200]
    assert refused.json() == {"detail": both("upload_too_many", count=UPLOAD_FILES)}
    assert sorted(cached_files(cache)) == before, "a file of the refused upload was written"
    at_cap = httpx.post(f"{app.url}gradio_api/upload", files=files[:UPLOAD_FILES], timeout=30)
    assert at_cap.status_code == 200 and len(at_cap.json()) == UPLOAD_FILES, at_cap.text[:200]
