"""The dev set is what users bring: many invented articles in every layout, and readers' questions.

The held-out test set (evals/test) and the dev articles asked another way (questions_direct.jsonl)
are checked for being whole the same way.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from evals.paraphrase import MAX_MEDIAN, MIN_SHARE_AT_MOST_ONE, distribution
from evals.runner import load_questions
from evals.sets import DEV_DIR, DEV_DIRECT, TEST2_DIR, TEST3_DIR, TEST_DIR, default_sets, doc_formats

CORPUS = DEV_DIR / "corpus"
QUESTION_FILES = [
    DEV_DIR / "questions.jsonl",
    DEV_DIRECT,
    *(d / "questions.jsonl" for d in (TEST_DIR, TEST2_DIR, TEST3_DIR)),
]


@pytest.fixture(scope="module")
def questions():
    return load_questions(DEV_DIR / "questions.jsonl")


def test_articles_cover_every_format_users_bring():
    formats = Counter(doc_formats(CORPUS).values())
    assert sum(formats.values()) >= 40
    assert formats["html"] >= 8 and formats["md"] >= 3 and formats["pdf"] >= 2 and formats["txt"] >= 16


def test_articles_are_news_length():
    for path in CORPUS.glob("*.txt"):
        words = len(path.read_text(encoding="utf-8").split())
        assert 150 <= words <= 1300, f"{path.name}: {words} words"


def test_question_mix(questions):
    langs = Counter(q.lang for q in questions)
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 400 and langs["sv"] >= 240 and langs["en"] >= 100
    assert sum(not q.answerable for q in questions) >= 60 and kinds["near_miss"] >= 30
    assert kinds["follow_up"] >= 25 and kinds["injection"] >= 10 and kinds["overview"] >= 15 and kinds["conflict"] >= 10
    assert all(q.history for q in questions if q.kind == "follow_up")


def test_every_source_exists_and_every_article_is_asked_about(questions):
    docs = set(doc_formats(CORPUS))
    asked = Counter(src for q in questions for src in q.expected_sources)
    assert set(asked) <= docs
    assert all(asked[doc] >= 5 for doc in docs), [doc for doc in docs if asked[doc] < 5]


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_answer_sentences_hold_their_facts_and_short_answers(path):
    for q in load_questions(path):
        if q.answerable and q.kind not in ("overview", "conflict"):
            assert q.answer_sentence, q.id
            assert all(re.search(f, q.answer_sentence, re.I) for f in q.expected_facts), q.id
            assert q.short_answer in q.answer_sentence, q.id


def test_the_test_set_asks_in_both_languages_about_each_of_its_articles_and_holds_near_misses():
    questions = load_questions(TEST_DIR / "questions.jsonl")
    asked = {src for q in questions for src in q.expected_sources}
    assert len(asked) >= 12 and asked == set(doc_formats(TEST_DIR / "corpus"))
    assert Counter(q.lang for q in questions)["en"] >= 50 and Counter(q.kind for q in questions)["near_miss"] >= 25


@pytest.mark.parametrize("folder", [TEST2_DIR, TEST3_DIR], ids=lambda p: p.name)
def test_the_later_test_sets_ask_about_each_of_their_articles_in_both_languages_with_near_misses(folder):
    questions = load_questions(folder / "questions.jsonl")
    asked = {src for q in questions for src in q.expected_sources}
    assert len(asked) >= 10 and asked == set(doc_formats(folder / "corpus"))
    assert Counter(q.lang for q in questions)["en"] >= 45 and Counter(q.kind for q in questions)["near_miss"] >= 25


def test_only_the_test_sets_are_blind():
    """The gate allows the blind sets, and only them, a one-question retrieval tie (test_eval_gate.py)."""
    blind = {s.name: s.blind for s in default_sets()}
    assert blind == {"seed": False, "dev": False, "test": True, "test2": True, "test3": True}


def test_the_direct_questions_ask_about_every_dev_article_in_both_languages_with_off_topic_and_near_misses(questions):
    direct = load_questions(DEV_DIRECT)
    kinds, langs = Counter(q.kind for q in direct), Counter(q.lang for q in direct)
    assert {src for q in direct for src in q.expected_sources if q.answerable} == set(doc_formats(CORPUS))
    assert kinds["unanswerable"] >= 20 and kinds["near_miss"] >= 30 and langs["en"] >= 50
    assert not {q.id for q in direct} & {q.id for q in questions}


def test_questions_are_paraphrased(questions):
    found = distribution(questions)
    assert len(found.shares) >= 200
    assert found.median <= MAX_MEDIAN and found.at_most_one >= MIN_SHARE_AT_MOST_ONE, (found.median, found.at_most_one)
