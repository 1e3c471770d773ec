"""LLM mode through the chat handler: tokens stream in, then the verified answer replaces them.

The scripted OpenAI-compatible server is the one the engine tests use (tests/qa/conftest.py).
"""

from __future__ import annotations

import importlib.util

import pytest
from app_helpers import last_bubble, run_chat

from qa.engine import Engine
from settings import ROOT
from ui.render import chat_markdown

# Servers and subprocesses: a hang fails here, in two minutes at most.
pytestmark = pytest.mark.timeout(120)

QUESTION = "Hur många poliskameror är målbilden nationellt?"


def scripted_llm_class():
    spec = importlib.util.spec_from_file_location("qa_test_support", ROOT / "tests" / "qa" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ScriptedLLM


@pytest.fixture
def llm():
    server = scripted_llm_class()()
    yield server
    server.close()


def test_llm_tokens_stream_and_final_answer_replaces_them(seed_settings, embedder, llm):
    settings = seed_settings.model_copy(update={"llm_base_url": llm.url, "llm_model": "scripted"})
    engine = Engine(settings, embedder=embedder)
    llm.replies = ["Okänt."]
    engine.answer(QUESTION)  # learn under which number the model is shown the 2500 passage
    prompt = llm.requests[-1]["messages"][-1]["content"]
    n = int(prompt[: prompt.index("2500 kameror nationellt")].rsplit('<passage n="', 1)[1].split('"', 1)[0])
    # a sentence the stricter verifier keeps (every content word in the supporting sentence)
    llm.replies = [f"Målbilden skruvades upp till 2500 kameror nationellt i Sverige [{n}]."]
    steps = run_chat(engine, QUESTION)
    streamed = [s[0][-1]["content"] for s in steps[1:-1]]
    assert len(streamed) > 3, "tokens should arrive one by one"
    assert streamed[-1] == chat_markdown(f"Målbilden skruvades upp till 2500 kameror nationellt i Sverige [{n}].")
    # the final [1] is renumbered to the one cited passage and links to it in the panel
    assert (
        last_bubble(steps) == "Målbilden skruvades upp till 2500 kameror nationellt i Sverige [\\[1\\]](#source-0-1)\\."
    )
    assert "[1]" in steps[-1][1] and "2500 kameror nationellt" in steps[-1][1]
    assert steps[-1][2][-1]["content"].endswith("[1].")


def test_removed_sentences_notice_shows_in_the_chat_escaped(seed_settings, embedder, llm):
    settings = seed_settings.model_copy(update={"llm_base_url": llm.url, "llm_model": "scripted"})
    engine = Engine(settings, embedder=embedder)
    llm.replies = ["Okänt."]
    engine.answer(QUESTION)
    prompt = llm.requests[-1]["messages"][-1]["content"]
    n = int(prompt[: prompt.index("2500 kameror nationellt")].rsplit('<passage n="', 1)[1].split('"', 1)[0])
    llm.replies = [f"Målbilden är 2500 kameror nationellt [{n}]. Månen består av <b>grön ost</b> [{n}]."]
    steps = run_chat(engine, QUESTION)
    bubble = last_bubble(steps)
    assert "2500" in bubble and "ost" not in bubble
    assert chat_markdown("1 mening(ar) i modellens svar togs bort") in bubble
    assert "<b>" not in bubble


HOSTILE_ANSWER = (
    "Målbilden är 2500 kameror nationellt <img src=x onerror=alert(1)> [1]. "
    "<script>alert(2)</script> ![bild](http://127.0.0.1:9/x.png) [länk](javascript:alert(3)) [999]. Se [0]."
)


def test_a_hostile_answer_shows_as_text_while_it_streams_and_after(seed_settings, embedder):
    from fakes import HostileLLM, replying, sse_chunk

    server = HostileLLM(replying(b"".join(sse_chunk(w + " ") for w in HOSTILE_ANSWER.split()) + b"data: [DONE]\n\n"))
    try:
        settings = seed_settings.model_copy(update={"llm_base_url": server.url, "llm_model": "x"})
        steps = run_chat(Engine(settings, embedder=embedder), QUESTION)
    finally:
        server.close()
    bubbles = [s[0][-1]["content"] for s in steps]
    assert any("img" in b for b in bubbles[1:-1]), "the model's text streams in"
    for bubble in bubbles:
        assert "<img" not in bubble and "<script" not in bubble
        assert "](http" not in bubble and "](javascript" not in bubble and "![" not in bubble
    assert "#source-0-999" not in bubbles[-1] and "#source-0-0" not in bubbles[-1]
