"""Faithful sentences the role rules (qa/roles.py) must keep: each says what its passage says, in
another grammar (a passive for an active, an adverb moved, a tense changed, a pronoun for the speaker,
a part of a set counted, an adjective dropped).

Every passage and sentence here was written for this test (invented, news-like); none is from an article.
"""

from __future__ import annotations

import pytest

from qa.verify import supported

NURSES = (
    "Sjukhuset i Västerby har fått färre sjuksköterskor de senaste två åren. "
    "Nu anställer regionen 30 sjuksköterskor från Spanien. De ska börja arbeta i september."
)
HOMES = "Nu bygger kommunen 200 nya bostäder i Västra hamnen."
BUSES = "Länstrafiken har 120 bussar, varav 35 elbussar."


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Regionen anställer nu 30 sjuksköterskor från Spanien.", NURSES),
        ("Kommunen bygger nu 200 nya bostäder i Västra hamnen.", HOMES),
    ],
)
def test_an_adverb_moved_from_first_place_is_kept(sentence, passage):
    assert supported(sentence, passage)


def test_a_figure_counting_a_part_of_a_set_is_kept():
    assert supported("35 av bussarna är elbussar.", BUSES)


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Polisen tror att kommunen stänger badhuset.", "Polisen tror att kommunen stänger badhuset."),
        ("Polisen stänger badhuset.", "Polisen meddelar att kommunen stänger badhuset."),
        ("Bussarna har blivit färre.", "Det har blivit färre nya olyckor med bussar."),
        ("Kommunen har 35 bussar.", "Kommunen har 120 bussar och 35 förare."),
    ],
)
def test_the_rules_still_read_a_role_given_to_another(sentence, passage):
    # The first is kept (the same sentence); the others give a role, a figure or a comparative to another.
    assert supported(sentence, passage) == (sentence == passage)
