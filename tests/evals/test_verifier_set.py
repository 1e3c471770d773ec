"""The verifier against evals/verifier_set.jsonl: made-up sentences removed, faithful ones kept, per half.

The ``-dev`` and ``-test`` halves were written from the dev corpus after qa/verify was
first written; the pair rule (qa/support PAIR_GAP and its budget) was tuned on ``-dev``.
``-holdout`` (20 other articles, by a session that did not read qa/) and ``-holdout2``
(the 9 articles left, written the same way but with freer paraphrases) have been read
since: the clause-level negation, the name-order, neighbour-slot and pronoun rules and
the closed word classes were written from their misses. ``-holdout3`` (10 of the dev/test
articles, new sentences, same instructions as ``-holdout2``) was only scored, after the
rules were fixed, and never read. ``-holdout4`` (10 dev articles, by a session that read
neither qa/, textkit/ nor this set, after the rules of 2026-11-30) has only been scored.
The issue's goals (made-up removed >= 0.95, each kind >= 0.90, faithful kept >= 0.80) hold
for four of the six kinds everywhere, and on ``-holdout`` in full since the role rules
(qa/roles.py); the rest is gated at the measured level (floors only go up) and the unmet
goals are a strict xfail, which turns red the day they are met.
Faithful kept is far lower on ``-holdout2`` and ``-holdout3``: word-based checks keep a
close paraphrase, not a free one.
"""

from __future__ import annotations

import pytest

from evals.verifier import DEFAULT_SET, HALVES, KINDS, load_set, scores

GOAL_KINDS = ("opposite", "negation", "changed_number", "wrong_passage")
FLOORS = {  # measured at this commit; raise them, never lower them
    "dev": {"faithful kept": 0.92, "made-up removed": 0.98, "invented": 0.90, "swapped": 1.0},
    "test": {"faithful kept": 1.0, "made-up removed": 0.97, "invented": 0.85, "swapped": 0.93},
    "holdout": {"faithful kept": 0.83, "made-up removed": 0.97, "invented": 0.90, "swapped": 0.95},
    "holdout2": {"faithful kept": 0.72, "made-up removed": 0.98, "invented": 1.0, "swapped": 0.90},
    "holdout3": {"faithful kept": 0.37, "made-up removed": 0.98, "invented": 1.0, "swapped": 0.95},
    "holdout4": {"faithful kept": 0.65, "made-up removed": 0.98, "invented": 1.0, "swapped": 0.90},
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


# Halves where the goals hold: -holdout since the role rules (qa/roles.py), -dev since the word forms
# (textkit/wordforms.py); the others are a strict xfail.
GOALS_MET = ("dev", "holdout")
NOT_MET = pytest.mark.xfail(
    strict=True, reason="not met yet: free paraphrases are dropped; some invented claims and swapped roles slip through"
)


@pytest.mark.parametrize("half", [pytest.param(h, marks=() if h in GOALS_MET else NOT_MET) for h in HALVES])
def test_issue_goals(table, half):
    got = table[half]
    assert (
        got["faithful kept"] >= 0.80 and got["made-up removed"] >= 0.95 and all(got[kind] >= 0.90 for kind in KINDS)
    ), got
