"""Question words and answer shapes (textkit/text.py): what a question asks for and what answers it."""

from __future__ import annotations

import pytest

from textkit.text import REQUIRED_SHAPES, has_answer_shape, question_cues

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    "question, cue",
    [
        ("Hur varmt blev det i staden på torsdagen?", "number"),
        ("How deep was the water at the crossing?", "number"),
        ("hur manga bussar går i natt", "number"),
        ("Vad heter den nya rektorn?", "person"),
        ("Varifrån kom tåget som spårade ur?", "place"),
        ("I vilken kommun ligger bruket?", "place"),
        ("Vilken dag öppnar det nya badet?", "time"),
        ("nar öppnar badet igen", "time"),
        ("Which day does the market open?", "time"),
        ("Vilka tider har biblioteket öppet?", "clock"),
        ("Och var hålls mötet?", "place"),
    ],
)
def test_measure_name_date_and_place_questions_ask_for_their_kind_of_answer(question, cue):
    assert cue in question_cues(question)


@pytest.mark.parametrize("question", ["Vad var budgeten från början?", "Hur lång var kön 2021?", "vem var åklagare?"])
def test_var_after_another_word_is_was_not_where(question):
    assert "place" not in question_cues(question)


def test_a_measure_question_is_answered_only_by_a_sentence_with_a_figure():
    assert "number" in REQUIRED_SHAPES and "number" in question_cues("Hur kallt blir det i natt?")
    assert has_answer_shape("Det blir minus 18 grader.", "number")
    assert not has_answer_shape("Det blir mycket kallt.", "number")


@pytest.mark.parametrize(
    "question", ["Vilken myndighet har granskat bygget?", "Vilket band spelade sist?", "Which union objected?"]
)
def test_which_and_a_noun_asks_for_a_name_that_a_sentence_gives_with_a_capital(question):
    assert question_cues(question) == ["name"]
    assert has_answer_shape("Nu riktar Inspektionen för vård och omsorg skarp kritik.", "name")
    assert has_answer_shape("Kritiken kommer från facket Vision.", "name")
    # The capital that opens a sentence or a quote is no name's.
    assert not has_answer_shape("Myndigheten är inte imponerad.", "name")
    assert not has_answer_shape("– Vi har granskat bygget, säger hon.", "name")


def test_which_year_or_which_town_keeps_its_own_kind():
    assert question_cues("Vilket år öppnade bron?") == ["time"] and question_cues("I vilken kommun?") == ["place"]


def test_a_name_that_opens_a_sentence_is_a_name():
    assert has_answer_shape("Lena Vik, 41, fick jobbet i oktober.", "person")
    assert has_answer_shape("Jobbet gick till Lena Vik i oktober.", "person")
    assert not has_answer_shape("Jobbet gick till en lokal snickare.", "person")


@pytest.mark.parametrize(
    "sentence",
    [
        "Region Norrby ska senast den 15 december redovisa sina åtgärder.",
        "Festivalen hålls nästa gång 3–5 augusti.",
        "Sista tåget går klockan 22.05 i stället.",
        "Bussen avgår 17:30 från torget.",
    ],
)
def test_a_date_or_a_time_of_day_is_no_answer_to_how_many(sentence):
    assert not has_answer_shape(sentence, "number")


def test_a_day_and_month_written_with_a_slash_answers_when_but_a_share_does_not():
    assert has_answer_shape("Badet kan tidigast öppna den 20/6.", "time")
    assert not has_answer_shape("Det gäller 3/4 av eleverna.", "time")
    # A weekday dates the report itself ("sa på tisdagen"), so it is no answer to "when".
    assert not has_answer_shape("Fullmäktige sa ja på tisdagskvällen.", "time")


def test_a_figure_beside_a_date_still_answers_how_many():
    assert has_answer_shape("Den 15 december hade 40 sköterskor anställts.", "number")
    assert has_answer_shape("Ett kaffe kostar 17.50 kronor.", "number")


@pytest.mark.parametrize("sentence", ["Hon har arbetat på skolan i nitton år.", "Loppet är fyrtio kilometer långt."])
def test_a_figure_written_as_a_teen_or_a_ten_answers_how_many(sentence):
    # "nitton" (19) and "fyrtio" (40) are numbers as much as "tolv" and "tjugo": without them "Hur länge
    # har hon arbetat där?" had no sentence with a figure and was refused.
    assert has_answer_shape(sentence, "number")
