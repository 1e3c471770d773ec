"""A Swedish question about a town the answer's passage does not speak of is refused.

The article is written for this test (not news): it names the neighbouring town only in a passage
of its own, so every retrieved passage together names both towns, but the rain fell in one.
"""

from __future__ import annotations

import pytest

ARTICLE = """Skyfall över Exempelstad

2024-08-18

Mellan klockan 17 och 23 föll 96 millimeter regn vid mätstationen i centrum av Exempelstad. Det är mer än vad som normalt faller under hela augusti. Flera källare fylldes med vatten.

Räddningstjänsten fick ett fyrtiotal larm under kvällen. De flesta gällde översvämmade källare och vägar. Ingen person skadades.

I grannkommunen Grannby var läget lugnare. Där höll räddningstjänsten en övning i brandstationens lokaler. Övningen hade planerats sedan länge.
"""


@pytest.fixture(scope="module")
def engine(engine_on):
    return engine_on({"skyfall.txt": ARTICLE})


def test_a_town_the_answer_passage_does_not_speak_of_is_refused(engine):
    answer = engine.answer("Hur mycket regn föll i Grannby den kvällen?")
    assert answer.refused and "96" not in answer.answer, answer


def test_the_town_the_passage_speaks_of_is_answered(engine):
    answer = engine.answer("Hur mycket regn föll i Exempelstad den kvällen?")
    assert not answer.refused and "96" in answer.short_answer, answer
