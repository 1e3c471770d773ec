"""Articles that disagree: both figures quoted, the newest article first, each with its date.

The two articles are written for this test (not news): an older one whose sentence echoes the
question's words, and a newer one with another figure in other words.
"""

from __future__ import annotations

import pytest

from qa.conflict import _Stub, disagreeing

OLDER = """Fler rökdykarmasker till brandkåren i Exempelstad

2021-03-01

Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker till stationen i centrum.

Maskerna ska användas från sommaren, enligt räddningschefen.
"""
NEWER = """Räddningstjänsten byter utrustning

2024-05-20

I dag har brandkåren i Exempelstad 75 rökdykarmasker, sedan en ny upphandling i vintras.

Upphandlingen gjordes tillsammans med grannkommunerna.
"""


@pytest.fixture(scope="module")
def engine(engine_on):
    return engine_on({"older.txt": OLDER, "newer.txt": NEWER})


@pytest.mark.parametrize(
    "question",
    ["Hur många rökdykarmasker har brandkåren i Exempelstad?", "How many breathing masks does the fire brigade have?"],
)
def test_two_articles_with_different_figures_are_quoted_newest_first_with_dates(engine, question):
    answer = engine.answer(question)

    assert not answer.refused, answer
    assert "75" in answer.short_answer, answer
    newer, older = answer.answer.find("(2024-05-20)"), answer.answer.find("(2021-03-01)")
    assert 0 <= newer < older, answer.answer
    assert "75 rökdykarmasker" in answer.answer and "40 nya rökdykarmasker" in answer.answer


def test_another_articles_date_is_a_disagreement_only_about_the_same_thing():
    opens = _Stub("Simhallen i Exempelstad öppnar den 12 augusti.", "new", "2024-05-20", 0.9)
    market = _Stub("Loppmarknaden på torget hålls den 3/9.", "other", "2023-04-01", 0.85)
    delayed = _Stub("Simhallen skulle enligt planen öppna den 1 juni.", "old", "2023-01-10", 0.8)

    question = "När öppnar simhallen?"
    assert [c.sentence for c in disagreeing(question, [opens, market], [opens], 0.5)] == [opens.sentence]
    both = disagreeing(question, [opens, market, delayed], [opens], 0.5)
    assert [c.sentence for c in both] == [opens.sentence, delayed.sentence]
