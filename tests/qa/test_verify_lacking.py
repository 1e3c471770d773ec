"""The verifier keeps what a passage lacks apart from what it has (sentences written for this test)."""

from __future__ import annotations

import pytest

from qa.verify import supported

PASSAGE = (
    "I kommunen finns fortfarande tolv byar utan mobiltäckning. "
    "Operatören har byggt tre nya master i år, och fler är planerade."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Tolv byar i kommunen har mobiltäckning.",  # the lack dropped
        "Tolv byar har fortfarande mobiltäckning.",
    ],
)
def test_a_claim_having_what_the_passage_says_is_lacking_is_removed(claim):
    assert not supported(claim, PASSAGE)


@pytest.mark.parametrize(
    "claim", ["Tolv byar i kommunen saknar mobiltäckning.", "Tolv byar är fortfarande utan mobiltäckning."]
)
def test_the_same_lack_in_other_words_is_kept(claim):
    assert supported(claim, PASSAGE)


def test_a_claim_lacking_what_the_passage_says_was_built_is_removed():
    assert not supported("Operatören saknar nya master i år.", PASSAGE)
    assert supported("Operatören har byggt tre nya master i år.", PASSAGE)
