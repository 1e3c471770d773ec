"""Articles that disagree: both figures quoted, the newest article first, each with its date.

The two articles are written for this test (not news): an older one whose sentence echoes the
question's words, and a newer one with another figure in other words.
"""

from __future__ import annotations

import pytest

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
