"""Answers from chosen articles only: every retriever cites nothing outside the selection."""

from __future__ import annotations

import pytest

from qa.engine import Engine

CAMERAS = "Hur många poliskameror är målbilden nationellt?"
BOTH = "Vad gör polisen med kameror?"  # words of both seed articles
CAMERA_ARTICLE, OTHER_ARTICLE = "001_bdd417f66c796474", "000_a5d2021ba032f9f0"


@pytest.fixture(scope="module")
def engine(seed_settings, embedder):
    return Engine(seed_settings, embedder=embedder)


@pytest.mark.parametrize("kind", ["dense", "bm25", "hybrid"])
def test_retrieval_within_keeps_only_the_chosen_article(engine, kind):
    everywhere, _ = engine.retrieve(BOTH, kind)
    assert {n.node.metadata["doc_id"] for n in everywhere} == {CAMERA_ARTICLE, OTHER_ARTICLE}
    within, _ = engine.retrieve(BOTH, kind, within={OTHER_ARTICLE})
    assert within and {n.node.metadata["doc_id"] for n in within} == {OTHER_ARTICLE}


def test_an_answer_within_other_articles_does_not_cite_the_camera_article(engine):
    assert engine.answer(CAMERAS, within={CAMERA_ARTICLE}).citations[0].doc_id == CAMERA_ARTICLE
    answer = engine.answer(CAMERAS, within={OTHER_ARTICLE})
    assert "2500" not in answer.answer
    assert {c.doc_id for c in answer.citations + answer.related} <= {OTHER_ARTICLE}


def test_an_empty_selection_is_refused_by_the_engine_in_the_question_language(engine):
    """Every front end gets the same line: the engine, not only the chat, knows an empty choice."""
    swedish, english = engine.answer(CAMERAS, within=set()), engine.answer("How many cameras?", within=[])
    assert swedish.refused and not swedish.citations and swedish.error.startswith("Ingen inläst artikel")
    assert english.refused and english.error.startswith("None of the loaded articles")
