"""Made-up sentences a second red-team pass found kept, each beside a faithful paraphrase of the same passage.

Every passage and sentence here was written for this test (invented towns, people and figures); none is
from an article.
"""

from __future__ import annotations

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
