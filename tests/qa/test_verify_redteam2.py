"""Made-up sentences a second red-team pass found kept, each beside a faithful paraphrase of the same passage.

Every passage and sentence here was written for this test (invented towns, people and figures); none is
from an article.
"""

from __future__ import annotations

import pytest

from qa.verify import supported

WATER = (
    "Invånarna i Norrbacka uppmanas att inte dricka kranvattnet utan koka det först. "
    "Kommunen räknar med att problemet är löst på fredag."
)
LIBRARY = (
    "Biblioteket i Granby har inte fått några nya böcker sedan i våras. Personalen har ändå ordnat fler aktiviteter."
)


def test_a_negation_moved_onto_the_verb_the_support_affirms_is_removed():
    assert not supported("Invånarna uppmanas att inte koka kranvattnet.", WATER)
    assert supported("Invånarna uppmanas att inte dricka kranvattnet.", WATER)
    assert supported("Invånarna uppmanas att koka vattnet först.", WATER)


def test_a_negation_on_the_verb_the_support_denies_is_kept():
    assert supported("Biblioteket i Granby har inte fått nya böcker sedan i våras.", LIBRARY)
    assert supported("Båten har aldrig hittats.", "Båten sjönk 1890 och har aldrig hittats.")


HARVEST = "Skördefesten i Lillå ställs in om det regnar på lördag. Arrangörerna hoppas på sol."
BUSES = "Om regionen inte får mer pengar kommer tre busslinjer att läggas ner. Det säger trafikdirektören Per Holm."


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Skördefesten i Lillå ställs in.", HARVEST),  # the outcome told as a fact
        ("Det regnar på lördag.", HARVEST),  # the condition told as a fact
        ("Regionen får inte mer pengar.", BUSES),
    ],
)
def test_a_condition_told_as_a_fact_is_removed(claim, passage):
    assert not supported(claim, passage)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Skördefesten i Lillå ställs in om det regnar.", HARVEST),
        ("Skördefesten kan ställas in om det regnar på lördag.", HARVEST),
        ("Om regionen inte får mer pengar läggs tre busslinjer ner.", BUSES),
    ],
)
def test_the_same_condition_kept_in_the_claim_is_kept(claim, passage):
    assert supported(claim, passage)


PARTIES = "De flesta av partierna i Kalmby vill sänka skatten. Några partier vill behålla den på dagens nivå."
PASSES = "Alla elever i årskurs nio fick gratis busskort, men några lärare var kritiska till beslutet."


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Alla partier i Kalmby vill sänka skatten.", PARTIES),  # "de flesta" made "alla"
        ("De flesta partier vill behålla skatten på dagens nivå.", PARTIES),  # "några" made "de flesta"
        ("Alla lärare var kritiska till beslutet.", PASSES),
    ],
)
def test_a_quantifier_raised_above_the_supports_is_removed(claim, passage):
    assert not supported(claim, passage)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("De flesta partier i Kalmby vill sänka skatten.", PARTIES),
        ("Några partier vill behålla skatten på dagens nivå.", PARTIES),
        ("Alla elever i årskurs nio fick gratis busskort.", PASSES),  # "några" counts the teachers
    ],
)
def test_the_same_quantifier_is_kept(claim, passage):
    assert supported(claim, passage)


FIRE = "Branden i Högbo startade före midnatt. Räddningstjänsten var på plats strax efter klockan ett."


@pytest.mark.parametrize(
    "claim", ["Branden i Högbo startade efter midnatt.", "Räddningstjänsten var på plats före klockan ett."]
)
def test_before_turned_after_is_removed(claim):
    assert not supported(claim, FIRE)


@pytest.mark.parametrize(
    "claim", ["Branden startade före midnatt.", "Räddningstjänsten var på plats efter klockan ett."]
)
def test_the_same_order_is_kept(claim):
    assert supported(claim, FIRE)


TOURISTS = "I år kom fler turister till Sjövik än i fjol. Hotellen hade dock färre gäster än väntat."
WAGES = "Sjuksköterskorna i Fjällby tjänar mer än undersköterskorna. Läkarna tjänar mest."


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("I fjol kom fler turister till Sjövik än i år.", TOURISTS),
        ("Undersköterskorna i Fjällby tjänar mer än sjuksköterskorna.", WAGES),
    ],
)
def test_the_sides_of_a_comparison_swapped_are_removed(claim, passage):
    assert not supported(claim, passage)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Fler turister kom till Sjövik i år än i fjol.", TOURISTS),
        ("Sjuksköterskorna i Fjällby tjänar mer än undersköterskorna.", WAGES),
    ],
)
def test_the_same_comparison_is_kept(claim, passage):
    assert supported(claim, passage)


SUSPECTED = "Polisen i Lunda misstänker att branden i lagret var anlagd. Ingen skadades."


def test_a_suspicion_told_as_a_fact_is_removed():
    assert not supported("Branden i lagret var anlagd.", SUSPECTED)
    assert supported("Polisen misstänker att branden i lagret var anlagd.", SUSPECTED)
    assert supported("Enligt polisen i Lunda var branden i lagret anlagd.", SUSPECTED)


QUOTES = "– Vi är mycket oroliga, säger rektorn Anna Ek. Kommunalrådet Jonas Lind menar att skolan klarar sig."


@pytest.mark.parametrize(
    "claim",
    [
        "Kommunalrådet Jonas Lind säger att de är mycket oroliga.",  # the rector's words
        "Rektorn Anna Ek menar att skolan klarar sig.",  # the councillor's view
        "Jonas Lind är mycket orolig.",
    ],
)
def test_words_given_to_the_speaker_of_the_next_sentence_are_removed(claim):
    assert not supported(claim, QUOTES)


@pytest.mark.parametrize(
    "claim",
    ["Rektorn Anna Ek säger att de är mycket oroliga.", "Kommunalrådet Jonas Lind menar att skolan klarar sig."],
)
def test_words_kept_with_their_speaker_are_kept(claim):
    assert supported(claim, QUOTES)


CAFE = "Kaféet i Alby har öppet på helger men är stängt på vardagar under vintern."


@pytest.mark.parametrize("claim", ["Kaféet i Alby har öppet på vardagar.", "Kaféet i Alby är stängt på helger."])
def test_a_word_moved_to_the_other_side_of_a_contrast_is_removed(claim):
    assert not supported(claim, CAFE)


@pytest.mark.parametrize(
    "claim", ["Kaféet i Alby har öppet på helger.", "Kaféet har stängt på vardagar under vintern."]
)
def test_each_side_of_a_contrast_with_its_own_words_is_kept(claim):
    assert supported(claim, CAFE)


COURT = "Tingsrätten i Ödeby friade den 45-årige mannen från misshandel men dömde honom för hot."


@pytest.mark.parametrize(
    "claim", ["Tingsrätten dömde den 45-årige mannen för misshandel.", "Tingsrätten friade mannen från hot."]
)
def test_a_charge_moved_to_the_other_verdict_is_removed(claim):
    assert not supported(claim, COURT)


@pytest.mark.parametrize(
    "claim", ["Tingsrätten dömde mannen för hot.", "Den 45-årige mannen friades från misshandel men dömdes för hot."]
)
def test_each_charge_with_its_own_verdict_is_kept(claim):
    assert supported(claim, COURT)


def test_a_date_said_once_for_both_sides_of_a_contrast_names_neither():
    prices = "Elpriset i Vallby steg i norr men sjönk i söder under november."
    assert supported("Elpriset i Vallby steg i norr under november.", prices)
    assert not supported("Elpriset i Vallby sjönk i norr under november.", prices)


def test_a_condition_or_suspicion_the_claim_keeps_in_its_own_words_is_kept():
    shop = "Butiken i Kroksta stänger om de inte hittar en ny ägare före årsskiftet."
    assert supported("Butiken i Kroksta stänger om ingen ny ägare hittas före årsskiftet.", shop)
    assert not supported("Butiken i Kroksta stänger före årsskiftet.", shop)
    speeding = "Polisen misstänker att mannen i Holmsund körde för fort. Han har erkänt att han körde utan körkort."
    assert supported("Mannen har erkänt att han körde utan körkort.", speeding)  # a fact of its own
    assert not supported("Mannen i Holmsund körde för fort.", speeding)


def test_a_state_expected_told_as_reached_is_removed():
    harbour = "Hamnen i Brovik ska byggas ut. Arbetet väntas vara klart 2028, enligt hamnchefen Erik Dahl."
    assert not supported("Arbetet blev klart 2028.", harbour)
    assert supported("Arbetet väntas vara klart 2028.", harbour)
    assert supported("Enligt hamnchefen Erik Dahl väntas arbetet vara klart 2028.", harbour)
