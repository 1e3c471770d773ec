"""qa/shortanswer.py on sentences of our own: the span a number question starts its answer with."""

from __future__ import annotations

import pytest

from qa.shortanswer import question_kind, short_answer
from qa.spanfirst import span_first

pytestmark = pytest.mark.fast


def test_a_how_many_answer_skips_the_day_of_the_month_for_the_count():
    sentence = "Den 15 oktober hade loppet 240 deltagare."
    assert short_answer("Hur många deltagare hade loppet?", sentence) == "240 deltagare"


def test_a_count_asked_by_a_compound_is_answered_by_its_head():
    sentence = "Under sju månader anmäldes i centrum 94 stölder ur bilar."
    assert short_answer("Hur många bilstölder anmäldes i centrum?", sentence) == "94 stölder"


@pytest.mark.parametrize(
    "sentence",
    ["Regionen ska senast den 15 december redovisa sina åtgärder.", "Sista tåget går klockan 22.05 i stället."],
)
def test_a_date_or_a_time_of_day_is_no_short_answer_to_how_many(sentence):
    assert short_answer("Hur många sjuksköterskor ska anställas?", sentence) == ""


def test_a_when_question_still_gets_its_date_with_its_bound():
    sentence = "Regionen ska senast den 15 december redovisa sina åtgärder."
    assert short_answer("När ska regionen redovisa?", sentence) == "senast den 15 december"  # a deadline, not a day


# Sentences written for these tests: each case is a Swedish or English way of giving one answer.
WHOLE_ANSWERS = [
    (
        "Vilka timmar är det värst?",
        "Värst blir det mellan klockan 19 och 03 natten mot lördag.",
        "mellan klockan 19 och 03",
    ),
    (
        "När har butiken öppet?",
        "Butiken har öppet mellan kl. 08.00 och 21.00 alla dagar.",
        "mellan kl. 08.00 och 21.00",
    ),
    ("När öppnar mottagningen?", "Mottagningen vid torget har öppet klockan 9–16.", "klockan 9–16"),
    ("Sedan när är snittet så högt?", "Snittet är det högsta sedan 1980-talet.", "sedan 1980-talet"),
    ("När väntas beslutet?", "Ett beslut väntas tidigast under andra halvåret 2027.", "under andra halvåret 2027"),
    (
        "Var i Luleå mättes kylan?",
        "På mätstationen på Luleå flygplats visade termometern minus 38 grader.",
        "på Luleå flygplats",
    ),
    (
        "Var ligger varvet?",
        "Varvet ligger på Skeppsbron i Karlshamns hamn sedan 1950.",
        "på Skeppsbron i Karlshamns hamn",
    ),
    (
        "Vad har renoveringen kostat?",
        "Efter 14 månader av renoveringen har den kostat 38 miljoner kronor.",
        "38 miljoner kronor",
    ),
    (
        "Vad kostar bryggan att laga?",
        "Reparationen kostar uppskattningsvis 2 miljoner kronor.",
        "uppskattningsvis 2 miljoner kronor",
    ),
    ("Hur kallt blev det?", "Under natten sjönk temperaturen till minus 12 grader.", "minus 12 grader"),
    ("Hur gamla var deltagarna?", "Deltagarna var mellan 20 och 35 år gamla.", "mellan 20 och 35 år"),
    ("Hur mycket väntas priserna stiga?", "Prognosen är en ökning på 2 till 3 procent.", "2 till 3 procent"),
    ("Hur många jobb kan försvinna?", "Ytterligare 30–40 jobb kan försvinna.", "30–40 jobb"),
    ("Hur långt straff fick han?", "Han döms till fängelse i tre år och fyra månader.", "tre år och fyra månader"),
    (
        "Hur många bilar passerar?",
        "Varje dag passerar i genomsnitt 5 100 bilar per dygn.",
        "i genomsnitt 5 100 bilar per dygn",
    ),
    ("Hur många arbetade på fabriken?", "Så sent som 2018 arbetade drygt 90 personer där.", "drygt 90 personer"),
    ("Vem leder facket?", "– Vi är nöjda, säger Lena Ek, ordförande för Byggfacket i Mora.", "Lena Ek"),
    (
        "Var får biblioteken kortare öppettider?",
        "Biblioteken i Orsa och Rättvik får kortare öppettider.",
        "i Orsa och Rättvik",
    ),
    ("Var ska fabriken byggas?", "Fabriken ska byggas på Norrbyns industriområde.", "på Norrbyns industriområde"),
    ("When is the festival?", "Festivalen hålls den 3–5 juli 2027.", "den 3–5 juli 2027"),
    ("From which week does the bus run?", "Bussen går från vecka 34 nästa år.", "vecka 34 nästa år"),
    ("Hur mycket har priset stigit?", "Ett hus kostar nu 2 900 000 kronor, en ökning med 4,2 procent.", "4,2 procent"),
    # A bound or hedge of a date, "var" of a share and two nouns counted together belong to the answer.
    ("När går färjan igen?", "Färjan går tidigast klockan 14 på söndag.", "tidigast klockan 14"),
    ("När öppnar nästa omgång?", "Nästa omgång öppnar preliminärt vecka 9 nästa år.", "preliminärt vecka 9 nästa år"),
    ("När stals bilarna?", "Bilarna stals natten till den 3 mars.", "natten till den 3 mars"),
    ("Hur många tjänster är tomma?", "På kliniken är var fjärde tjänst obesatt.", "var fjärde tjänst"),
    (
        "Hur många ska anställas?",
        "Skolan vill anställa 12 nya lärare och fritidsledare.",
        "12 nya lärare och fritidsledare",
    ),
]


def test_a_date_bounded_the_way_the_question_names_it_is_no_answer():
    sentence = "Bron stängs för biltrafik under 2026, och från den 1 oktober går bara bussar."
    assert short_answer("Vad händer med bron 2026?", sentence, kind="date") == "den 1 oktober"


@pytest.mark.parametrize("question, sentence, expected", WHOLE_ANSWERS)
def test_the_short_answer_is_the_whole_answer_not_a_piece_or_a_neighbour(question, sentence, expected):
    given = short_answer(question, sentence)  # a word more is fine ("år gamla"), a piece or a neighbour is not
    assert given.startswith(expected) and len(given.split()) <= len(expected.split()) + 1, given


def test_a_measure_is_not_followed_by_the_time_it_was_taken():
    assert short_answer("Hur djup var snön?", "Snödjupet var 64 centimeter klockan sju i morse.") == "64 centimeter"


def _quoted(*sentences: str, passage: str = "p1", date: str = "", article: str = "a") -> list:
    """Chosen sentences of one passage, best-scored first, as the engine hands them over."""
    from types import SimpleNamespace as NS

    meta = {"date": date, "doc_id": article}
    return [NS(sentence=s, node=NS(node=NS(node_id=passage, metadata=meta))) for s in sentences]


def test_the_count_asked_for_is_found_in_a_later_quoted_sentence_and_that_sentence_leads():
    chosen = _quoted("Bilderna sparas i 14 dagar.", "Sammanlagt handlar det om 24 kameror.")
    reordered, span = span_first("Hur många kameror blir det totalt?", chosen, "number")
    assert span == "24 kameror"
    assert [c.sentence for c in reordered] == ["Sammanlagt handlar det om 24 kameror.", "Bilderna sparas i 14 dagar."]


def test_another_passage_of_the_same_article_gives_the_span_when_it_fits_clearly_better():
    chosen = _quoted("Bilderna sparas i 14 dagar.") + _quoted("Det blir 24 kameror.", passage="p2")
    reordered, span = span_first("Hur många kameror blir det?", chosen, "number")
    assert span == "24 kameror" and [c.sentence for c in reordered] == [
        "Det blir 24 kameror.",
        "Bilderna sparas i 14 dagar.",
    ]


def test_another_articles_figure_is_not_the_answer_unless_it_is_of_the_year_asked():
    newest = _quoted("I år står 512 barn i kö till förskolan.", date="2024-04-02")
    older = _quoted("I år står 340 barn i kö till förskolan.", passage="p2", date="2021-04-02", article="b")
    assert span_first("Hur många barn står i kö?", newest + older, "number")[1] == "512 barn"
    reordered, span = span_first("Hur många barn stod i kö 2021?", newest + older, "number")
    assert span == "340 barn" and reordered[0] is older[0]


def test_nothing_asked_for_leaves_the_quotes_as_they_were():
    chosen = _quoted("Den stängde på grund av brist på personal.")
    assert span_first("Varför stängde den?", chosen, "") == (chosen, "")


@pytest.mark.parametrize("year, expected", [("2021", "340"), ("2024", "512 barn")])
def test_a_year_asked_takes_the_figure_of_that_year_even_from_a_sentence_not_naming_the_children(year, expected):
    # "i år" in an article of 2024 is 2024 (qa.years); the 2021 figure stands in a sentence of its own
    chosen = _quoted(
        "Den 1 april i år stod 512 barn i kö till förskolan.",
        "Våren 2021, då kommunen antog en plan för att halvera kön, var motsvarande siffra 340.",
        date="2024-04-10",
    )
    reordered, span = span_first(f"Hur många barn stod i kö till förskolan {year}?", chosen, "number")
    assert span == expected and expected in reordered[0].sentence


@pytest.mark.parametrize(
    "question, expected",
    [
        ("How many years has the assistant nurse worked on the ward?", "22 år"),
        ("Hur många timmar fick hon jobba i sträck?", "19 timmar"),
    ],
)
def test_a_stretch_of_time_asked_is_answered_in_the_same_unit_in_either_language(question, expected):
    sentence = "Efter ett pass på 19 timmar i sträck berättar undersköterskan, som har arbetat på avdelningen i 22 år."
    assert short_answer(question, sentence) == expected


@pytest.mark.parametrize(
    "question, sentence, expected",
    [
        ("Var ligger det nya lagret?", "Det nya lagret byggs i Bäckby utanför Västerås.", "i Bäckby utanför Västerås"),
        (
            "Mellan vilka orter går färjan?",
            "Färjan går mellan Landskrona och Ven varje timme.",
            "mellan Landskrona och Ven",
        ),
        (
            "In which parts of the town did the buses get stuck?",
            "Bussarna fastnade i backarna på Haga och på Ersboda under natten.",
            "på Haga och på Ersboda",
        ),
    ],
)
def test_a_place_is_answered_whole_with_the_place_it_lies_in_or_both_its_ends(question, sentence, expected):
    # "i Bäckby" alone leaves out where Bäckby is; "Mellan vilka orter" and "which parts" ask for places too.
    assert short_answer(question, sentence) == expected


def test_a_why_question_about_a_cost_asks_for_no_figure():
    # a price is asked with a question word before a form of "kosta" (qa.narrower.PRICE_ASKED), not by "kostar" alone
    assert question_kind("Varför kostar bygget mer än planerat?") == ""
    assert question_kind("Vad har renoveringen kostat?") == "number"


@pytest.mark.parametrize(
    "question, sentence, expected",
    [
        (
            "Hur lång är banan i loppet?",
            "I loppet hjälper omkring 650 funktionärer till längs banan, som är 52 kilometer.",
            "52 kilometer",
        ),
        (
            "Hur kallt blir det i Umeå i natt?",
            "I Umeå föll 78 centimeter snö i natt, och i morgon väntas minus 18 grader.",
            "minus 18 grader",
        ),
        ("Hur långt straff fick han?", "Han döms till fängelse i tre år och fyra månader.", "tre år och fyra månader"),
    ],
)
def test_a_measure_asked_by_its_adjective_is_answered_in_its_units(question, sentence, expected):
    # "hur lång" asks a length (or a time), "hur kallt" degrees: the figure nearest the question's words
    # ("650 funktionärer" beside "banan") is no answer in another unit (qa.narrower.MEASURES)
    assert short_answer(question, sentence) == expected
