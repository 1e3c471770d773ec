"""A question that names a thing otherwise than its article: the thesaurus's synonym finds the sentence.

The article is written for this test (invented, news-like). Its count of staff shares no stem with the
question ("anställda" / "Personalen"); its other count shares two words with it ("bageriet", "har").
"""

from __future__ import annotations

import pytest

BAKERY = """Bageriet i Exempelby växer

2025-02-10

Bageriet vid torget i Exempelby har haft ett bra år. Ägaren Karin Berg säger att försäljningen av surdegsbröd har ökat under hösten.

Personalen består i dag av 34 personer, och fler ska rekryteras till våren.

Bageriet öppnade 1998 och har sedan dess flyttat två gånger. Nästa år planerar ägaren att öppna ett kafé i samma hus.
"""


@pytest.fixture(scope="module")
def engine(engine_on):
    return engine_on({"bageri.txt": BAKERY})


def test_how_many_employees_is_answered_from_the_sentence_on_the_staff(engine):
    answer = engine.answer("Hur många anställda har bageriet?")

    assert not answer.refused, answer
    assert answer.short_answer == "34 personer", answer
    assert answer.citations[0].quote.startswith("Personalen består i dag av 34 personer"), answer
