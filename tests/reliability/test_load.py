"""200 questions, 20 at a time, through gradio_client against the real app: no errors, right answers.

The reference is a separate, in-process ``Engine`` over its own store built from
the same corpus, not the app itself: an app that answers every request the same
wrong way (a shared cache, a mixed-up session) would agree with its own
single-user answers. Every concurrent reply must show exactly the reference's
chat bubble and sources. Each request runs in a fresh session.
"""

from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.appclient import answer_text
from bench.measure import eval_questions
from settings import ROOT, Settings

REQUESTS, AT_A_TIME = 200, 20
FAILED_MARKERS = ("Något gick fel", "Something went wrong", "Traceback")


def reply_texts(result) -> tuple[str, list[str]]:
    """The chat bubble and every other text output of one endpoint reply (the sources panel among them)."""
    parts = result if isinstance(result, (list, tuple)) else [result]
    return answer_text(result), [p for p in parts if isinstance(p, str)]


@pytest.fixture(scope="module")
def reference(tmp_path_factory, embedder):
    """``question -> (bubble, sources html)`` from an in-process Engine on its own store of the same corpus."""
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from ui.chat import panel
    from ui.conversation import chat_messages, exchange, settle

    root = tmp_path_factory.mktemp("reference")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    settings = Settings(data_dir=root / "data", corpus_dir=root / "corpus")
    ingest([root / "corpus"], settings, embedder=embedder, warn=lambda m: None)
    engine = Engine(settings, embedder=embedder)
    rendered = {}
    for q in (q["question"] for q in eval_questions()):  # rendered as the page renders a first turn
        turn = [settle(exchange(q), engine.answer(q))]
        rendered[q] = chat_messages(turn)[-1]["content"], panel(turn)
    return rendered


@pytest.mark.timeout(120)
def test_200_concurrent_questions_match_a_separate_engine(app_server, reference):
    from gradio_client import Client

    app, chat = app_server
    questions = [q["question"] for q in eval_questions()]
    assert not [q for q, (bubble, _) in reference.items() if any(m in bubble for m in FAILED_MARKERS)]
    local = threading.local()

    def ask(question: str) -> tuple[str, str | None, str | None]:
        if not hasattr(local, "client"):
            local.client = Client(app.url, verbose=False)
        try:
            return question, reply_texts(chat.call(local.client, question)), None
        except Exception as exc:  # every failure is counted and shown, none stops the run
            return question, None, f"{type(exc).__name__}: {str(exc)[:200]}"

    sent = [questions[i % len(questions)] for i in range(REQUESTS)]
    with ThreadPoolExecutor(max_workers=AT_A_TIME) as pool:
        results = list(pool.map(ask, sent))

    errors = [(q, err) for q, _, err in results if err]
    assert len(results) == REQUESTS and not errors, errors[:5]
    differing = [
        q
        for q, (bubble, texts), _ in results
        if bubble != reference[q][0] or (reference[q][1] and reference[q][1] not in texts)
    ]
    assert not differing, f"{len(differing)} replies differ from the separate engine's answer, e.g. {differing[:3]}"
    assert app.proc.poll() is None, "the app died under load"
