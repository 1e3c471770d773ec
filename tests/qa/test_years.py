"""A question about a year the articles do not cover is refused, not answered with another year's figure.

The article is written for this test (not news).
"""

from __future__ import annotations

import pytest

ARTICLE = """Brandkåren köper nya masker

2024-05-20

Brandkåren i Exempelstad har under 2024 köpt 75 nya rökdykarmasker till stationen i centrum.

Maskerna ska användas från sommaren, enligt räddningschefen.
"""


@pytest.fixture(scope="module")
def engine(engine_on):
    return engine_on({"masker.txt": ARTICLE})


@pytest.mark.parametrize(
    "question",
    [
        "Hur många rökdykarmasker köpte brandkåren i Exempelstad 2019?",
        "How many breathing masks did the fire brigade in Exempelstad buy in 2019?",
    ],
)
def test_a_year_no_article_speaks_of_is_refused(engine, question):
    answer = engine.answer(question)
    assert answer.refused and "75" not in answer.answer, answer


@pytest.mark.parametrize(
    "question",
    [
        "Hur många rökdykarmasker köpte brandkåren i Exempelstad 2024?",
        "How many breathing masks did the fire brigade in Exempelstad buy in 2024?",
    ],
)
def test_the_year_the_article_speaks_of_is_answered(engine, question):
    answer = engine.answer(question)
    assert not answer.refused and "75" in answer.short_answer, answer
