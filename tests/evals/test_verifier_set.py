"""The verifier against evals/verifier_set.jsonl: made-up sentences removed, faithful ones kept, per half.

The ``-dev`` and ``-test`` halves were written from the dev corpus after qa/verify was
first written; the pair rule (qa/support PAIR_GAP and its budget) was then tuned on the
``-dev`` half only, and the ``-test`` half's misses have been read since. The ``-holdout``
half (200 sentences about 20 other articles) was written later by a session that did not
read qa/, and nothing has been tuned on it. The issue's goals (made-up removed >= 0.95,
each kind >= 0.90, faithful kept >= 0.80) are met for four of the six kinds everywhere and
for faithful kept on dev and test; the rest is gated at today's measured level (floors
only go up) and the unmet goals are a strict xfail, which turns red the day they are met.
"""

from __future__ import annotations

import pytest

from evals.verifier import DEFAULT_SET, HALVES, KINDS, load_set, scores

GOAL_KINDS = ("opposite", "negation", "changed_number", "wrong_passage")
FLOORS = {  # measured at this commit; raise them, never lower them
    "dev": {"faithful kept": 0.80, "made-up removed": 0.94, "invented": 0.72, "swapped": 0.92},
    "test": {"faithful kept": 0.80, "made-up removed": 0.91, "invented": 0.57, "swapped": 0.80},
    "holdout": {"faithful kept": 0.70, "made-up removed": 0.87, "invented": 0.70, "swapped": 0.60},
}


@pytest.fixture(scope="module")
def table():
    rows = load_set(DEFAULT_SET)
    assert sum(r["supported"] for r in rows) >= 100 and sum(not r["supported"] for r in rows) >= 100
    assert {r["kind"] for r in rows} == {"faithful", *KINDS}
    return scores(rows)


@pytest.mark.parametrize("half", HALVES)
def test_faithful_kept_and_made_up_removed(table, half):
    got = table[half]
    assert all(got[kind] >= 0.90 for kind in GOAL_KINDS), got
    assert all(got[metric] >= floor for metric, floor in FLOORS[half].items()), got


@pytest.mark.xfail(
    strict=True, reason="not met yet: invented claims in the passage's own words and swapped roles slip through"
)
@pytest.mark.parametrize("half", HALVES)
def test_issue_goals(table, half):
    got = table[half]
    assert (
        got["faithful kept"] >= 0.80 and got["made-up removed"] >= 0.95 and all(got[kind] >= 0.90 for kind in KINDS)
    ), got
