"""Made-up sentences that give a role to the wrong one of two named things, and faithful ones that must stay.

Every passage and sentence here was written for this test (invented, news-like); none is from an article.
"""

from __future__ import annotations

import pytest

from qa.verify import supported

REPORT = "Bolaget ska senast den 1 mars redovisa för länsstyrelsen hur bullret ska minskas."
LEASE = "Skogen ägs av kyrkan, som hyr ut den till jaktlaget i tio år."
CREW = "Mekanikern hittade en spricka i propellern, och kaptenen beslutade att stanna i hamn."
FEES = "Bussar ska betala 30 kronor per tur, medan mopeder och cyklar slipper avgift helt."


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Länsstyrelsen ska senast den 1 mars redovisa för bolaget hur bullret ska minskas.", REPORT),
        ("Skogen ägs av jaktlaget, som hyr ut den till kyrkan i tio år.", LEASE),
        ("Kaptenen hittade en spricka i propellern, och mekanikern beslutade att stanna i hamn.", CREW),
        ("Cyklar ska betala 30 kronor per tur, medan bussar slipper avgift helt.", FEES),
    ],
)
def test_two_roles_traded_between_the_claims_words_are_removed(sentence, passage):
    assert not supported(sentence, passage)


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Bolaget ska redovisa för länsstyrelsen hur bullret ska minskas.", REPORT),
        ("Skogen ägs av kyrkan, som hyr ut den till jaktlaget.", LEASE),
        ("Cyklar och mopeder slipper avgift helt.", FEES),  # a list in another order
        ("Bron stängdes av kommunen i mars.", "Kommunen stängde bron i mars."),  # a passive for an active
        # Clauses joined by "och" in another order, and a time put first (the subject then follows the verb).
        (
            "Kommunen betalar 40 miljoner och regionen 20 miljoner.",
            "Regionen betalar 20 miljoner och kommunen 40 miljoner.",
        ),
        ("Förra året vann Anna före Eva.", "Anna vann förra året före Eva."),
        ("Enligt mekanikern fanns en spricka i propellern.", "Det fanns enligt mekanikern en spricka i propellern."),
    ],
)
def test_the_same_roles_in_another_order_are_kept(sentence, passage):
    assert supported(sentence, passage)


DEPOT = "I depån står 18 bussar i trafik. Bolaget har 30 förare anställda för vintern."
HULL = "I dag visas omkring 60 procent av vagnen i hallen. Resten av tåget står kvar i stallet."


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Bolaget har 30 bussar i trafik.", DEPOT),  # 30 counts the drivers, 18 the buses
        ("Omkring 60 procent av tåget står kvar i stallet.", HULL),  # 60 percent of the car is shown
    ],
)
def test_a_figure_counting_another_thing_than_in_the_passage_is_removed(sentence, passage):
    assert not supported(sentence, passage)


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Bolaget har 30 nya förare anställda för vintern.", DEPOT.replace("30 förare", "30 nya förare")),
        ("Omkring 60 procent av vagnen visas i hallen.", HULL),
        ("Eleverna i årskurs 6 var 40.", "I årskurs 6 går 40 elever."),  # "årskurs 6" names, it does not count
    ],
)
def test_a_figure_with_its_own_thing_is_kept(sentence, passage):
    assert supported(sentence, passage)


ALARM = "Vaktbolaget larmade om att dörrarna till lagret hade brutits upp. Polisen tror att tjuvarna kom med bil."


@pytest.mark.parametrize(
    "sentence",
    [
        "Vaktbolaget hade brutit upp dörrarna till lagret.",  # it raised the alarm about it
        "Dörrarna till lagret hade brutits upp av vaktbolaget.",
        "Polisen kom med bil.",  # the police believe the thieves did
    ],
)
def test_the_one_who_reports_is_not_made_the_doer(sentence):
    assert not supported(sentence, ALARM)


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Polisen tror att tjuvarna kom med bil.", ALARM),
        ("Enligt polisen kom tjuvarna med bil.", ALARM),
        ("Polisen spärrade av lagret.", ALARM + " Polisen spärrade av lagret under natten."),
        ("Rektorn började som lärare 1990.", "Rektorn berättar att hon började som lärare 1990."),  # "hon" is she
    ],
)
def test_the_one_who_reports_keeps_what_it_does_itself(sentence, passage):
    assert supported(sentence, passage)


THEFTS = "I år har det blivit betydligt färre stölder av cyklar i centrum."


def test_fewer_of_another_thing_than_the_passage_compares_is_removed():
    assert not supported("Cyklar i centrum har blivit betydligt färre.", THEFTS)  # fewer thefts, not bikes
    assert supported("Stölderna av cyklar i centrum har blivit betydligt färre i år.", THEFTS)


COUNCIL = "Nämnden sa nej till planen i maj, och nu räknar förvaltningen med att börja i höst."


def test_a_subject_after_its_verb_trades_roles_too():
    # "Nu räknar förvaltningen": the subject follows the verb after a fronted adverb.
    assert not supported("Förvaltningen sa nej till planen i maj, och nämnden räknar nu med att börja i höst.", COUNCIL)
    assert supported("Nämnden sa nej till planen i maj, och förvaltningen räknar nu med att börja i höst.", COUNCIL)


def test_a_figure_given_what_another_figure_counts_word_for_word_is_removed():
    store = "Förrådet har 300 liter dieselolja och 120 liter olja till gräsklipparna."
    assert not supported("Förrådet har 300 liter olja till gräsklipparna.", store)  # 120 is the oil's
    assert supported("Förrådet har 300 liter dieselolja.", store)
    assert supported("Förrådet har 120 liter olja till gräsklipparna.", store)


def test_a_passives_doer_trades_roles_with_the_actives_subject():
    minutes = "Enligt en rapport som revisorerna lämnade till styrelsen i går var kassan tom."
    assert not supported("Rapporten lämnades av styrelsen till revisorerna i går.", minutes)
    assert supported("Rapporten lämnades av revisorerna till styrelsen i går.", minutes)


def test_a_reflexive_verb_is_not_turned_into_one_done_to_others():
    course = "I höstas anmälde sig 40 elever till kursen, långt under skolans mål på 60 elever."
    assert not supported("Skolan anmälde 60 elever till kursen.", course)  # the pupils signed up themselves
    assert supported("I höstas anmälde sig 40 elever till kursen.", course)
    assert supported("Hon skadade foten.", "Hon skadade sig i foten.")  # the same doer, a pronoun
