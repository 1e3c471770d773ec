"""Faithful sentences the role rules (qa/roles.py) must keep: each says what its passage says, in
another grammar (a passive for an active, an adverb moved, a tense changed, a pronoun for the speaker,
a part of a set counted, a figure before an adverbial, an adjective dropped, a short noun compared, a
verb left out).

Every passage and sentence here was written for this test (invented, news-like); none is from an article.
"""

from __future__ import annotations

import pytest

from qa.verify import supported

DECISION = "Beslutet om den nya skolan fattades av barn- och utbildningsnämnden på tisdagen."
NEW_BOARD = "Beslutet fattades av den nya nämnden på tisdagen."
NURSES = (
    "Sjukhuset i Västerby har fått färre sjuksköterskor de senaste två åren. "
    "Nu anställer regionen 30 sjuksköterskor från Spanien. De ska börja arbeta i september."
)
HOMES = "Nu bygger kommunen 200 nya bostäder i Västra hamnen."
RUNNERS = "Hittills har 300 löpare anmält sig till loppet, som går av stapeln i maj."
RESULTS = "Kommunen meddelar att provsvaren väntas på fredag."
BATH = "Kommunen meddelar att den stänger badhuset i Norrby under sommaren."
OFFICE = "Bolaget uppger att det flyttar huvudkontoret till Lund nästa år."
BUSES = "Länstrafiken har 120 bussar, varav 35 elbussar."
SHARE = "Andelen som vaccinerat sig mot influensa är 62 procent bland de äldre i regionen."
CASES = "I veckan rapporterades färre nya fall av covid-19 i regionen."
POWER = "Hushållen i länet köpte mindre el under vintern än året innan."
SENTENCES = "Mannen dömdes till fyra års fängelse och kvinnan till två år."


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        # The active for a passive whose doer is a phrase: an elided compound; an article and an adjective.
        ("Barn- och utbildningsnämnden fattade beslutet om den nya skolan på tisdagen.", DECISION),
        ("Den nya nämnden fattade beslutet på tisdagen.", NEW_BOARD),
        # An adverb moved from first place: the subject then stands before the verb.
        ("Regionen anställer nu 30 sjuksköterskor från Spanien.", NURSES),
        ("Kommunen bygger nu 200 nya bostäder i Västra hamnen.", HOMES),
        ("300 löpare har hittills anmält sig till loppet i maj.", RUNNERS),
        # A report in the perfect tense (the supine "meddelat").
        ("Kommunen har meddelat att provsvaren väntas på fredag.", RESULTS),
        ("Provsvaren väntas på fredag, har kommunen meddelat.", RESULTS),
        # A speaker that tells of its own act by "den"/"det".
        ("Kommunen stänger badhuset i Norrby under sommaren.", BATH),
        ("Badhuset i Norrby stängs av kommunen under sommaren.", BATH),
        ("Bolaget flyttar huvudkontoret till Lund nästa år.", OFFICE),
        # A figure that counts a part of a set ("35 av bussarna") another figure counts.
        ("35 av bussarna är elbussar.", BUSES),
        # A figure with a preposition after it ("62 procent bland de äldre") counts nothing named there.
        ("Bland de äldre i regionen har 62 procent vaccinerat sig mot influensa.", SHARE),
        # A comparative with its adjective dropped ("färre fall" for "färre nya fall").
        ("I veckan rapporterades färre fall av covid-19 i regionen.", CASES),
        # A comparative of a short noun ("mindre el"), with a time put first.
        ("Under vintern köpte hushållen i länet mindre el än året innan.", POWER),
        # Clauses in another order, the second leaving its verb out ("och mannen till fyra år").
        ("Kvinnan dömdes till två års fängelse och mannen till fyra år.", SENTENCES),
    ],
)
def test_a_faithful_sentence_in_another_grammar_is_kept(sentence, passage):
    assert supported(sentence, passage)


@pytest.mark.parametrize(
    ("sentence", "passage"),
    [
        ("Polisen stänger badhuset.", "Polisen meddelar att kommunen stänger badhuset."),
        ("Polisen stänger badhuset.", "Polisen har meddelat att kommunen stänger badhuset."),
        # "den", "det", "de" as an article ("den nya vägen") tell nothing of the speaker.
        ("Kommunen öppnar i maj.", "Kommunen meddelar att den nya vägen öppnar i maj."),
        ("Bolaget flyttar till Lund.", "Bolaget uppger att det nya kontoret flyttar till Lund."),
        ("Polisen har sålt bilarna.", "Polisen uppger att de stulna bilarna har sålts."),
        ("Bussarna har blivit färre.", "Det har blivit färre nya olyckor med bussar."),
        ("Kommunen har 35 bussar.", "Kommunen har 120 bussar och 35 förare."),
        ("Skolan fattade beslutet på tisdagen.", "Beslutet fattades av den nya nämnden på tisdagen."),
        ("Kvinnan dömdes till fyra års fängelse och mannen till två år.", SENTENCES),
    ],
)
def test_a_role_given_to_another_is_still_removed(sentence, passage):
    # The speaker made the doer, a comparative and a figure moved to another noun, a doer made up,
    # two clauses' subjects traded.
    assert not supported(sentence, passage)
