"""qa/shortanswer.py on sentences of our own: the span a number question starts its answer with."""

from __future__ import annotations

import pytest

from qa.shortanswer import short_answer

pytestmark = pytest.mark.fast


def test_a_how_many_answer_skips_the_day_of_the_month_for_the_count():
    sentence = "Den 15 oktober hade loppet 240 deltagare."
    assert short_answer("Hur många deltagare hade loppet?", sentence) == "240 deltagare"


@pytest.mark.parametrize(
    "sentence",
    ["Regionen ska senast den 15 december redovisa sina åtgärder.", "Sista tåget går klockan 22.05 i stället."],
)
def test_a_date_or_a_time_of_day_is_no_short_answer_to_how_many(sentence):
    assert short_answer("Hur många sjuksköterskor ska anställas?", sentence) == ""


def test_a_when_question_still_gets_its_date():
    sentence = "Regionen ska senast den 15 december redovisa sina åtgärder."
    assert short_answer("När ska regionen redovisa?", sentence) == "den 15 december"
