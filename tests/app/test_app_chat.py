"""The chat handler, called directly with a real Engine on the seed store."""

from __future__ import annotations

import json
import logging

import gradio as gr
from app_helpers import last_bubble, run_chat

from app import article_overview


def test_answer_streams_then_final_text_with_citation(engine):
    steps = run_chat(engine, "Hur många poliskameror är målbilden nationellt?")
    assert len(steps) >= 3  # placeholder, at least one streamed piece, final
    intermediate = steps[:-1]
    assert intermediate and all(s[0][-1]["role"] == "assistant" for s in intermediate)
    shown, sources, turns, box, _ = steps[-1]
    assert shown[0] == {"role": "user", "content": "Hur många poliskameror är målbilden nationellt?"}
    final = last_bubble(steps)
    assert "2500" in final and "\\[1\\]" in final  # [1] escaped for Markdown, shown as [1]
    assert steps[0][3] == ""  # the box is emptied when the question is taken
    assert all(step[3] == gr.skip() for step in steps[1:])  # and left alone: a next question typed meanwhile is kept
    assert "<h3>Källor</h3>" in sources and "[1]" in sources
    assert "#TRYGGHETNU: Han ska berätta om polisens utökade kamerabevakning" in sources
    assert "2024-03-04" in sources and "SecurityWorldMarket" in sources
    assert "<mark>Den redan ambitiösa målbilden" in sources
    assert turns[-1]["role"] == "assistant" and "2500" in turns[-1]["content"] and "[1]" in turns[-1]["content"]


def test_follow_up_gets_the_history(engine):
    first = run_chat(engine, "Vilken konferens talar Stefan Singman på?")
    _, _, turns, _, exchanges = first[-1]
    assert [t["role"] for t in turns] == ["user", "assistant"]
    second = run_chat(engine, "Och när hålls den?", exchanges)
    assert "25 april" in last_bubble(second)
    assert len(second[-1][0]) == 4 and len(second[-1][2]) == 4


def test_refusal_shows_related_passages(engine):
    steps = run_chat(engine, "Vem vann fotbolls-VM 2022?")
    assert last_bubble(steps) == "Det framgår inte av artiklarna\\."
    sources = steps[-1][1]
    assert "<h3>Närmast liknande avsnitt</h3>" in sources
    assert sources.count("<details") >= 1 and "<mark>" not in sources


def test_english_question_gets_english_text(engine):
    answered = run_chat(engine, "When is #Trygghetnu held?")
    assert "25 april" in last_bubble(answered)
    assert "<h3>Sources</h3>" in answered[-1][1] and 'lang="en"' in answered[-1][1]
    refused = run_chat(engine, "Who won the football world cup in 2022?")
    assert last_bubble(refused) == "The articles don't say\\."
    assert "<h3>Closest passages</h3>" in refused[-1][1]


def test_empty_question_gets_one_line_and_no_history(engine):
    steps = run_chat(engine, "   ")
    shown, sources, turns, _, _ = steps[-1]
    assert len(shown) == 1 and shown[0]["role"] == "assistant"
    message = shown[0]["content"]
    assert "Skriv en fråga" in message and "\n" not in message
    assert sources == "" and turns == []


def test_too_long_question_is_refused_not_truncated(engine, seed_settings):
    question = "Hur många poliskameror? " + "x" * seed_settings.max_question_chars
    steps = run_chat(engine, question)
    assert "för lång" in last_bubble(steps) and str(seed_settings.max_question_chars) in last_bubble(steps)
    assert steps[-1][2] == []


def test_question_markup_shows_as_text(engine):
    steps = run_chat(engine, "Vad är <img src=x onerror=alert(1)> **fet**?")
    user = steps[-1][0][0]["content"]
    assert "<img" not in user and "&lt;img" in user and "\\*\\*fet\\*\\*" in user


def test_store_without_articles_gives_one_line(make_settings, embedder):
    from qa.engine import Engine

    steps = run_chat(Engine(make_settings(), embedder=embedder), "Hur många kameror finns det?")
    assert "Inga artiklar är inlästa" in last_bubble(steps) and "\n" not in last_bubble(steps)
    assert steps[-1][1] == ""


def test_unexpected_failure_shows_no_traceback(make_settings, embedder, monkeypatch, caplog):
    from qa.engine import Engine

    engine = Engine(make_settings(), embedder=embedder)
    monkeypatch.setattr(engine, "retrieve", lambda *a, **k: 1 / 0)  # a bug deep inside the engine
    with caplog.at_level(logging.ERROR, logger="app"):
        steps = run_chat(engine, "When is the conference held?")
    bubble = last_bubble(steps)
    assert "Something went wrong" in bubble and "Traceback" not in bubble and "ZeroDivision" not in bubble
    assert "ZeroDivisionError" in caplog.text


def test_article_overview_reads_the_store(engine):
    rows = article_overview(engine)
    assert len(rows) == 2
    by_title = {r[0]: r for r in rows}
    row = by_title["#TRYGGHETNU: Han ska berätta om polisens utökade kamerabevakning"]
    assert row[1:3] == ["SecurityWorldMarket", "2024-03-04"] and row[3] >= 1
    assert sum(r[3] for r in rows) == engine.collection().count()
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)


def test_only_the_newest_turns_are_kept(engine):
    settings = engine.settings.model_copy(update={"max_turns": 2})
    exchanges = []
    for question in (
        "Vilken konferens talar Stefan Singman på?",
        "Och när hålls den?",
        "Hur många poliskameror är målbilden nationellt?",
    ):
        *_, (shown, _, turns, _, exchanges) = run_chat(engine, question, exchanges, settings)
    assert [m["content"] for m in shown if m["role"] == "user"] == [
        "Och när hålls den?",
        "Hur många poliskameror är målbilden nationellt?",
    ]
    assert len(exchanges) == 2 and len(turns) == 4
    assert "Vilken konferens" not in str(exchanges) and "Vilken konferens" not in str(shown)


def test_too_long_question_is_echoed_only_by_its_start(engine, seed_settings):
    question = "Hur många poliskameror? " + "x" * (50 * seed_settings.max_question_chars)
    shown = run_chat(engine, question)[-1][0]
    assert shown[0]["role"] == "user" and shown[0]["content"].startswith("Hur många poliskameror?")
    assert len(shown[0]["content"]) <= 210 and sum(len(m["content"]) for m in shown) < 400


def test_a_lone_surrogate_gets_the_bad_encoding_line_and_the_chat_goes_on(engine):
    answered = run_chat(engine, "Hur många poliskameror är målbilden nationellt?")[-1][4]
    for question, line in (
        ("Hur m\ud800nga kameror?", "ensamma surrogattecken"),
        ("How m\udc00ny?", "lone surrogates"),
    ):
        steps = run_chat(engine, question, answered)
        for shown, sources, _, box, kept in steps:  # what the page streams must be valid UTF-8
            json.dumps([shown, sources, box, kept], ensure_ascii=False).encode("utf-8")
        assert line in last_bubble(steps) and "\n" not in last_bubble(steps)
        assert steps[-1][0][0]["content"].startswith("Hur många poliskameror")  # the earlier turn is kept
        assert "\ufffd" in steps[-1][0][-2]["content"]
