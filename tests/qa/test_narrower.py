"""A figure that counts something else than what was asked is no answer (qa/narrower.py).

The passages are written for these tests: a municipality that counts its buses and also owns
ferries and a helicopter (without a figure), and a school report with all schools and the newly built ones.
"""

from __future__ import annotations

import pytest

from qa.narrower import counted_thing, counts_other, unpriced, unshared

pytestmark = pytest.mark.fast

BUSES = "Kommunen har i dag 48 bussar i trafik."
FERRIES = "Kommunen äger också färjor och en helikopter."
SCHOOLS = "I kommunen finns 31 skolor."
NEW_SCHOOLS = "Flera av de nybyggda skolorna har solceller på taken."
PASSAGES = [BUSES, FERRIES, SCHOOLS, NEW_SCHOOLS]


@pytest.mark.parametrize(
    "question",
    [
        "Hur många färjor har kommunen?",
        "How many helicopters does the municipality own?",  # spelt the Swedish way: "helikopt…"
    ],
)
def test_a_count_of_another_thing_the_passages_name_is_no_answer(question):
    assert counts_other(question, PASSAGES)[PASSAGES.index(BUSES)]


def test_a_count_of_the_wider_class_is_no_answer_for_the_narrower_one():
    at = PASSAGES.index(SCHOOLS)
    assert counts_other("Hur många nybyggda skolor finns det?", PASSAGES)[at]
    assert not counts_other("Hur många skolor finns det?", PASSAGES)[at]


@pytest.mark.parametrize(
    "question, sentence",
    [
        ("Hur många bussar har kommunen?", BUSES),
        ("How many buses are in service?", BUSES),
        ("Hur många stadsbussar har kommunen?", BUSES),  # the compound's head is what is counted
        ("Hur många anställda har kommunen?", BUSES),  # not named anywhere: no evidence either way
        ("När köptes färjorna?", BUSES),  # not a "how many" question
    ],
)
def test_the_rule_leaves_alone_what_it_has_no_evidence_against(question, sentence):
    assert not counts_other(question, PASSAGES)[PASSAGES.index(sentence)]


def test_the_counted_thing_is_the_words_after_the_question_words():
    assert counted_thing("Hur många av de nybyggda skolorna har solceller?") == ["nybyggda", "skolorna"]
    assert counted_thing("How many ferries does it own?") == ["ferries"]


FESTIVAL = ["Festivalen väntas locka omkring 150 000 besökare första året.", "Gästerna kan bo i stugor vid sjön."]
NURSES = ["Det saknas omkring 140 sjuksköterskor inför sommaren.", "Undersköterskor anställs också i år."]


def test_a_count_said_with_a_synonym_of_the_counted_noun_counts_it():
    # "gäster" asked, "besökare" written; "Gästerna" in the other sentence made it look like another thing
    assert counts_other("Hur många gäster kommer till festivalen?", FESTIVAL) == [False, False]


def test_a_synonym_of_the_verb_after_the_counted_noun_excuses_nothing():
    # "saknas" is "fattas", but the nurses are not the assistant nurses asked about
    assert counts_other("Hur många undersköterskor fattas inför sommaren?", NURSES)[0]


def test_what_something_has_cost_is_no_count_of_call_outs():
    # "ha kostat" asks a price as "kostar" does: a sentence with no sum of money is no answer.
    found = ["Räddningstjänsten fick in omkring 140 larm under natten.", "Skadorna har kostat 12 miljoner kronor."]
    assert unpriced("Hur mycket beräknas översvämningarna ha kostat försäkringsbolagen?", found) == [True, False]


@pytest.mark.parametrize(
    "question", ["Hur stor andel av hushållen har fiber?", "What proportion of the households have fibre?"]
)
def test_a_share_asked_is_not_answered_by_a_count(question):
    # A count of households is no share of them; a share said in words ("var fjärde") is one.
    found = [
        "I kommunen finns 5 400 hushåll.",
        "I dag har 86 procent av hushållen fiber.",
        "Var fjärde hushåll saknar fiber.",
    ]
    assert unshared(question, found) == [True, False, False]
    assert unshared("Hur många hushåll finns det?", found) == [False, False, False]


FRAUD = [
    "Tre män döms för att ha lurat 41 äldre personer på sammanlagt 3 miljoner kronor.",
    "Polisen har hållit informationsträffar på flera pensionärsföreningar.",
]


def test_a_thing_named_only_as_the_first_part_of_a_compound_is_not_counted_elsewhere():
    # "pensionärsföreningar" are associations: no sign that the pensioners are counted in another sentence
    assert counts_other("Hur många pensionärer blev lurade?", FRAUD) == [False, False]
    # ... but the thing itself in another form is: "Undersköterskan" (the stemmer leaves its "-an" on)
    nurses = [NURSES[0], "Undersköterskan Lena Berg har arbetat på avdelningen i 22 år."]
    assert counts_other("Hur många undersköterskor fattas inför sommaren?", nurses)[0]
