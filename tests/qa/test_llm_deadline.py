"""One deadline per answer in LLM mode: a follow-up's rewrite and its answer share LLM_ANSWER_TIMEOUT_S."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from fakes import HostileLLM, completion, replying, send_head, streaming

from qa.engine import Engine

# Servers on 127.0.0.1: a hang fails here, in two minutes at most.
pytestmark = pytest.mark.timeout(120)

READ_S, TOTAL_S = 2, 4
REWRITE_S = 2.5  # the rewrite arrives whole after most of the answer's time, leaving less than READ_S
PAUSE = 0.25  # between the trickled pieces: well under READ_S, so no read ever times out
FOLLOW_UP, EARLIER = "Och när hålls den?", ["Vilken konferens talar Stefan Singman på?"]
REWRITTEN = "När hålls #Trygghetnu?"
# A server's hang-up is seen at its next write or the one after: a pause or two late.
HANG_UP_SLACK = 4 * PAUSE


@pytest.fixture
def hostile():
    server = HostileLLM()
    yield server
    server.close()


def trickled_completion(text: str, seconds: float, closed: threading.Event):
    """A whole chat completion carrying ``text``, its bytes spread over ``seconds``."""

    def behave(handler, request):
        body = completion(text)
        send_head(handler, content_type="application/json", length=len(body))
        pieces = 8
        step = -(-len(body) // pieces)
        for start in range(0, len(body), step):
            if closed.wait(seconds / pieces):
                return
            handler.wfile.write(body[start : start + step])
            handler.wfile.flush()

    return behave


def timed(behave, spans: list):
    """``behave``, with when each request came and when the server stopped serving it (the client hung up)."""

    def timed_behave(handler, request):
        started = time.monotonic()
        try:
            behave(handler, request)
        finally:
            spans.append((started, time.monotonic()))

    return timed_behave


def ask_follow_up(seed_settings, embedder, hostile, answering):
    """The follow-up's answer, when it came, and each request's span at the server; the rewrite arrives
    whole after ``REWRITE_S``, the answer is ``answering``."""
    spans: list[tuple[float, float]] = []
    rewrite = trickled_completion(REWRITTEN, REWRITE_S, hostile.closed)
    hostile.behave = timed(lambda h, r: (answering if r.get("stream") else rewrite)(h, r), spans)
    limits = {"llm_timeout_s": READ_S, "llm_answer_timeout_s": TOTAL_S}
    settings = seed_settings.model_copy(update={"llm_base_url": hostile.url, "llm_model": "x", **limits})
    engine, result = Engine(settings, embedder), {}
    # Retrieving with the rewrite runs on the answer's time, before the answer's request: encoding it anew,
    # it took up to 4 s on a loaded machine, and no time was left for that request. Encoded now, it is the
    # session's cached vector (the ``e5`` fixture), and the answer's request gets about what the rewrite left.
    embedder.get_query_embedding(REWRITTEN)
    worker = threading.Thread(target=lambda: result.update(answer=engine.answer(FOLLOW_UP, EARLIER)), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "no answer within 60 s"
    answer = result["answer"]
    assert answer.mode == "extractive" and "25 april" in answer.answer and not answer.error
    assert answer.notice.startswith("Språkmodellen svarade inte (") and "\n" not in answer.notice
    assert [bool(r.get("stream")) for r in hostile.requests] == [False, True]  # the rewrite was had, then the answer
    return answer, spans, time.monotonic()


def test_a_follow_up_trickled_on_both_calls_ends_within_one_answer_timeout(seed_settings, embedder, hostile):
    answer_forever = streaming(itertools.repeat("ord "), pause=PAUSE, closed=hostile.closed)
    answer, spans, answered = ask_follow_up(seed_settings, embedder, hostile, answer_forever)
    assert f"inget färdigt svar inom {TOTAL_S} s" in answer.notice, answer.notice
    for _ in range(50):  # the server notices the hang-up at its next write
        if len(spans) == 2:
            break
        time.sleep(0.1)
    (rewrite_start, rewrite_end), (_, answer_end) = sorted(spans)
    assert rewrite_end - rewrite_start >= REWRITE_S * 0.75  # the rewrite took what it needed
    # The answer's request got only what the rewrite left: both end within one timeout of the first.
    assert answer_end - rewrite_start < TOTAL_S + HANG_UP_SLACK, sorted(spans)
    # From the first request (retrieval and the earlier answer replayed come before it) to the answer shown.
    assert answered - rewrite_start < 1.8 * TOTAL_S


def test_a_follow_up_whose_answer_never_comes_waits_only_what_the_rewrite_left(seed_settings, embedder, hostile):
    silent = lambda handler, request: hostile.closed.wait(60)  # noqa: E731
    answer, spans, answered = ask_follow_up(seed_settings, embedder, hostile, silent)
    # Its reads waited what was left (under READ_S): the bound said is the answer's, not the read timeout.
    assert f"inget färdigt svar inom {TOTAL_S} s" in answer.notice, answer.notice
    assert answered - spans[0][0] < 1.8 * TOTAL_S


def test_a_request_is_cut_off_when_the_answer_has_no_more_time_and_the_server_never_sees_why(hostile):
    from qa.llmhttp import TIME_LEFT, ReplyLimit, bounded_client

    seen = []

    def behave(handler, request):
        seen.append({k.lower() for k in handler.headers})
        streaming(itertools.repeat("ord "), pause=PAUSE, closed=hostile.closed)(handler, request)

    hostile.behave = behave
    client, url = bounded_client(total_s=30, read_timeout_s=5, max_bytes=10**6), f"{hostile.url}/chat/completions"
    started = time.monotonic()
    with (
        client,
        pytest.raises(ReplyLimit) as cut,
        client.stream("POST", url, json={}, headers={TIME_LEFT: "1"}) as reply,
    ):
        for _ in reply.iter_bytes():
            pass
    assert time.monotonic() - started < 1 + 10 * PAUSE
    assert cut.value.kind == "time" and cut.value.limit == 30  # said as the answer's bound, LLM_ANSWER_TIMEOUT_S
    assert seen and TIME_LEFT.lower() not in seen[0]


def test_an_answers_time_runs_from_when_its_first_request_is_sent(hostile):
    from qa.llmhttp import STARTS, Deadline, bounded_client

    seen = []

    def behave(handler, request):
        seen.append({k.lower() for k in handler.headers})
        replying(completion("När?"), content_type="application/json")(handler, request)

    hostile.behave = behave
    deadline = Deadline(total_s=TOTAL_S, read_timeout_s=READ_S)
    options = deadline.options()
    time.sleep(PAUSE)  # the OpenAI SDK's first call imports and builds before it sends: seconds on a loaded machine
    with bounded_client(TOTAL_S, READ_S, max_bytes=10**6) as client:
        sent = time.monotonic()
        reply = client.post(f"{hostile.url}/chat/completions", json={}, headers=options["extra_headers"])
        replied = time.monotonic()
    assert reply.status_code == 200
    assert sent <= deadline.ends - TOTAL_S <= replied  # none of the time before it was sent was spent
    assert seen and STARTS.lower() not in seen[0]
