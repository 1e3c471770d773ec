"""200 questions, 20 at a time, through gradio_client against the real app: no errors, same answers.

Each question is first asked once, alone, to get its single-user answer; every
concurrent reply must then be identical to it. Each request runs in a fresh
session, so no chat history leaks between them.
"""
from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.measure import eval_questions

REQUESTS, AT_A_TIME = 200, 20
FAILED_MARKERS = ("Något gick fel", "Something went wrong", "Traceback")


def canonical(result) -> str:
    """Everything the endpoint returned (chat messages and sources), as one comparable string."""
    return json.dumps(result, sort_keys=True, ensure_ascii=False, default=str)


@pytest.mark.timeout(600)
def test_200_concurrent_questions_match_the_single_user_answers(app_server):
    from gradio_client import Client

    app, chat = app_server
    questions = [q["question"] for q in eval_questions()]
    single_client = Client(app.url, verbose=False)
    single = {q: canonical(chat.call(single_client, q)) for q in dict.fromkeys(questions)}
    assert not [q for q, reply in single.items() if any(m in reply for m in FAILED_MARKERS)]
    local = threading.local()

    def ask(question: str) -> tuple[str, str | None, str | None]:
        if not hasattr(local, "client"):
            local.client = Client(app.url, verbose=False)
        try:
            return question, canonical(chat.call(local.client, question)), None
        except Exception as exc:  # every failure is counted and shown, none stops the run
            return question, None, f"{type(exc).__name__}: {str(exc)[:200]}"

    sent = [questions[i % len(questions)] for i in range(REQUESTS)]
    with ThreadPoolExecutor(max_workers=AT_A_TIME) as pool:
        results = list(pool.map(ask, sent))

    errors = [(q, err) for q, _, err in results if err]
    assert len(results) == REQUESTS and not errors, errors[:5]
    differing = [q for q, reply, _ in results if reply != single[q]]
    assert not differing, f"{len(differing)} replies differ from the single-user answer, e.g. {differing[:3]}"
    assert app.proc.poll() is None, "the app died under load"
