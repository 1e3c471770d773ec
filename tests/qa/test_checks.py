"""The checks behind LLM answers and extractive scoring: support, polarity, numbers, term overlap."""

from __future__ import annotations

import pytest

from qa.extractive import term_overlap
from qa.polarity import contradicts, negated
from qa.support import numbers
from qa.verify import best_quote, supported, verify_answer

pytestmark = pytest.mark.fast

PASSAGES = {1: "Polisen satte upp 40 kameror i Malmö i fjol. Nu ska fler komma.", 2: "Skolan i Lund stänger i juni."}


def test_verify_keeps_backed_sentences_drops_invented_ones_and_records_the_quotes():
    text = "Polisen satte upp 40 kameror i Malmö [1]. Skolan stänger i juni [2]. Det finns 90 kameror i Lund [1]."
    verified = verify_answer(text, PASSAGES)
    assert verified.text == "Polisen satte upp 40 kameror i Malmö [1]. Skolan stänger i juni [2]."
    assert verified.removed == 1 and verified.used == [1, 2]
    assert verified.quotes == {1: ["Polisen satte upp 40 kameror i Malmö i fjol."], 2: [PASSAGES[2]]}


def test_a_sentence_citing_no_given_passage_is_dropped():
    verified = verify_answer("Skolan stänger i juni [7].", PASSAGES)
    assert verified.text == "" and verified.removed == 1 and verified.used == []


@pytest.mark.parametrize(
    "claim",
    [
        "Polisen satte upp 400 kameror i Malmö.",  # a number the passage does not give
        "Skolan i Lund stänger inte i juni.",  # the passage says the opposite
    ],
)
def test_a_changed_number_or_a_negation_is_not_supported(claim):
    passage = PASSAGES[1] if "kameror" in claim else PASSAGES[2]
    assert not supported(claim, passage)


def test_the_quote_is_the_passage_sentence_the_claim_rests_on():
    quote = best_quote("Polisen satte upp 40 kameror i Malmö.", PASSAGES[1])
    assert quote == "Polisen satte upp 40 kameror i Malmö i fjol."


def test_polarity_sees_opposite_directions_and_negation_but_not_intensity():
    assert contradicts("Antalet brott ökade i Malmö.", "Antalet brott minskade i Malmö.")
    assert not contradicts("Antalet brott ökade.", "Antalet brott ökade kraftigt.")
    assert negated("Kommunen har inte fattat något beslut.") and not negated("Inte minst i Malmö syns det.")


def test_numbers_are_read_the_same_however_they_are_written():
    assert numbers("Det kostar 2 500 kronor och 3,5 procent") == {"2500", "3.5"}
    assert numbers("den 25 april 2024") == {"month:4", "25", "2024"}


def test_term_overlap_is_the_weighted_share_of_question_words_found():
    assert term_overlap({}, "Vad som helst.") == 0.0
    assert term_overlap({"kameror": 1.0}, "Kamerorna sattes upp.") == 1.0  # same stem
    assert term_overlap({"kameror": 1.0}, "Inget här.") == 0.0
    assert term_overlap({"kameror": 3.0, "lund": 1.0}, "Kameror.") == 0.75  # weights count
    assert term_overlap({"kameror": 1.0, "göteborg": 1.0}, "Målet är 2500 poliskameror.") == 0.4  # in a compound


def test_term_overlap_counts_a_swedish_synonym_as_the_word_itself():
    staff = "Personalen består av 34 personer."
    assert term_overlap({"anställda": 1.0}, staff) == 1.0  # the thesaurus (textkit.synonyms)
    assert term_overlap({"kunder": 1.0}, staff) == 0.0
    assert term_overlap({"employees": 1.0}, staff, "en") == 0.0  # a Swedish thesaurus, for Swedish questions
