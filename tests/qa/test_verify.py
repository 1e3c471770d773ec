"""The verifier's pieces, one promise each: numbers, dates, names, content words, polarity."""

from __future__ import annotations

import pytest

from qa.polarity import contradicts, negated
from qa.support import numbers
from qa.verify import supported, verify_answer

CAMERAS = (
    "I oktober 2023 lanserade regeringen en kameraoffensiv i syfte att stötta polisens arbete mot brottsligheten. "
    "Den redan ambitiösa målbilden att ha 1600 poliskameror i Sverige vid slutet av 2024, skruvades upp till "
    "2500 kameror nationellt. Dessutom vill regeringen undanröja hinder för att nyttja andra myndigheters "
    "kamerabestånd, stärka tekniken med automatisk nummerplåtsigenkänning och även utreda möjligheterna att "
    "använda ansiktsigenkänning – allt i jakten på att få ner brottsligheten."
)
MODERATOR = (
    "#Trygghetnu äger rum på Clarion Stockholm Hotel den 25 april. Markus Lahtinen, moderatorn som leder "
    "#Trygghetnu för tredje året i rad, tycker det ska bli spännande att få lyssna på Stefan Singman, "
    "poliskommissarie och chef för kamerabevakning i Stockholms län."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Målbilden skruvades upp till 2500 kameror nationellt.",
        "Målbilden skruvades upp från 1600 till 2 500 poliskameror.",
        "Regeringen lanserade kameraoffensiven i oktober 2023.",
        "Regeringen vill också utreda om ansiktsigenkänning kan användas.",
    ],
)
def test_faithful_paraphrases_are_kept(sentence):
    assert supported(sentence, CAMERAS)


def test_numbers_and_dates_must_match():
    assert supported("#Trygghetnu äger rum den 25 april.", MODERATOR)
    assert not supported("#Trygghetnu äger rum den 26 april.", MODERATOR)
    assert not supported("#Trygghetnu äger rum den 25 maj.", MODERATOR)
    assert not supported("Målbilden skruvades upp till 2600 kameror nationellt.", CAMERAS)
    assert numbers("2 500 kameror") == numbers("2500 kameror") == {"2500"}


def test_names_must_be_there_and_next_to_their_role():
    assert supported("Markus Lahtinen är moderator för #Trygghetnu.", MODERATOR)
    assert not supported("Anna Berg är moderator för #Trygghetnu.", MODERATOR)
    assert not supported("Stefan Singman är moderatorn för #Trygghetnu.", MODERATOR)  # the role is Lahtinen's
    assert not supported("#Trygghetnu äger rum på Clarion Göteborg Hotel.", MODERATOR)
    # Long enough that one pair of words may stand apart: the name's own distance decides.
    assert not supported("Stefan Singman är moderatorn som leder #Trygghetnu för tredje året i rad.", MODERATOR)


def test_content_words_must_come_from_one_sentence_not_the_whole_passage():
    assert not supported("Polisen ska avveckla samtliga kameror nationellt.", CAMERAS)
    # Every word is in the passage, but the claim is stitched from two sentences.
    assert not supported("Regeringen lanserade ansiktsigenkänning i oktober 2023.", CAMERAS)
    assert not supported("Polisen ska använda 2500 drönare.", CAMERAS)
    # One word the passage never says, at the end of a long sentence where one pair may stand apart.
    assert not supported(
        "Den redan ambitiösa målbilden skruvades upp till 2500 kameror nationellt efter valet.", CAMERAS
    )


def test_opposite_direction_and_negation_fail():
    assert not supported("Regeringen vill minska antalet kameror till 2500.", CAMERAS)
    assert not supported("Målbilden skruvades inte upp till 2500 kameror nationellt.", CAMERAS)
    assert negated("Det blev ingen ökning.") and not negated("Inte minst i realtidsbevakningen.")
    assert contradicts("Antalet bussar minskade.", "Antalet bussar ökade kraftigt.")
    assert contradicts("They decided to close the school.", "They decided to open the school.")
    assert not contradicts("Fler bussar sätts in.", "Trafikbolaget sätter in fler bussar.")


def test_a_translation_is_checked_by_numbers_names_and_cognates_only():
    assert supported("The national target was raised to 2500 cameras.", CAMERAS)
    assert not supported("The national target was raised to 3000 cameras.", CAMERAS)
    assert not supported("Anna Berg moderates the conference.", MODERATOR)
    assert not supported("The weather will be nice.", CAMERAS)  # nothing checkable: not kept


def test_each_cited_passage_is_judged_on_its_own():
    passages = {1: CAMERAS, 2: MODERATOR}
    verified = verify_answer("Markus Lahtinen vill ha 2500 kameror [1][2]. Målet är 2500 kameror [1][2].", passages)
    assert verified.text == "Målet är 2500 kameror [1]." and verified.removed == 1
