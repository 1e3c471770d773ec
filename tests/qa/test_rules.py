"""The rules' choice: the score decides and leads; the sentence nearest in meaning is quoted too.

Sentences and scores are written for this test (no article, no embedder): the weighted score puts
one sentence first, embedding similarity alone another.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from qa.extractive import Candidate, Query
from qa.rules import choose
from qa.spanfirst import span_first

QUESTION = "Hur många kameror sätts upp i centrum?"
PASSAGE = "I centrum sätts kameror upp på 16 platser. Det blir 24 kameror i centrum. Bilderna sparas i 14 dagar."


def said(sentence: str, score: float, sim: float) -> Candidate:
    node = SimpleNamespace(metadata={"title": "Kameror i centrum"}, get_content=lambda: PASSAGE, node_id="p1")
    parts = {"sim": sim, "overlap": 0.8, "context": 0.8, "cue": 1.0, "rank": 1.0}
    return Candidate(sentence, 0, SimpleNamespace(node=node), score=score, parts=parts)


@pytest.fixture
def found() -> list[Candidate]:
    return [
        said("I centrum sätts kameror upp på 16 platser.", score=0.70, sim=0.50),
        said("Polisen ville ha 30 kameror i centrum.", score=0.68, sim=0.20),
        said("Det blir 24 kameror i centrum.", score=0.60, sim=0.70),
    ]


def test_the_sentence_nearest_in_meaning_is_quoted_after_the_scores_choice(found):
    chosen = choose(found, Query.parse(QUESTION, []), threshold=0.5, max_sentences=3)
    assert [c.sentence for c in chosen] == [found[0].sentence, found[1].sentence, found[2].sentence]
    assert [c.closest for c in chosen] == [False, False, True]


def test_it_takes_the_last_runner_ups_place_when_there_is_no_room(found):
    chosen = choose(found, Query.parse(QUESTION, []), threshold=0.5, max_sentences=2)
    assert [c.sentence for c in chosen] == [found[0].sentence, found[2].sentence]
    assert choose(found, Query.parse(QUESTION, []), threshold=0.5, max_sentences=1) == [found[0]]


def test_it_never_turns_a_refusal_into_an_answer(found):
    assert choose(found, Query.parse(QUESTION, []), threshold=0.75, max_sentences=3) == []


def test_the_short_answer_comes_from_the_scores_choice_while_it_has_one(found):
    chosen = choose(found, Query.parse(QUESTION, []), threshold=0.5, max_sentences=2)
    ordered, span = span_first(QUESTION, chosen, "number")
    # "24 kameror" names what is counted and would win if the nearest sentence were read like the others.
    assert span == "16 platser" and ordered[0].sentence == found[0].sentence
    assert span_first(QUESTION, [chosen[1]], "number")[1] == "24 kameror"


def test_the_nearest_may_share_few_words_with_the_question(found):
    paraphrase = said("Totalt handlar det om 24 övervakningskameror.", score=0.40, sim=0.90)
    paraphrase.parts.update(overlap=0.0, context=0.0)  # under the overlap gate: it could never lead
    chosen = choose([found[0], paraphrase], Query.parse(QUESTION, []), threshold=0.5, max_sentences=3)
    assert [c.sentence for c in chosen] == [found[0].sentence, paraphrase.sentence]


def test_a_price_is_answered_by_a_sum_or_not_at_all():
    """A time of day is no price, however well it scores; a sentence naming a sum answers instead."""
    question = Query.parse("Vad kostar en enkel resa med tåget?", [])
    timed = said("Tåget går 16.40 från centralen.", score=0.90, sim=0.90)
    priced = said("En enkel resa kostar 85 kronor.", score=0.60, sim=0.50)
    assert choose([timed, priced], question, threshold=0.5, max_sentences=3) == [priced]
    assert choose([timed], question, threshold=0.5, max_sentences=3) == []
