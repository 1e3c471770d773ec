"""The fitted scorer: qa/scorer.json is what `python -m evals.fit` makes, from folds that never share an article.

How it holds out of fold is gated with the dev set's other numbers (tests/evals/test_eval_gate.py).
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from evals import fit
from qa.scorer import FEATURES, SCORER_PATH
from evals.sets import default_sets
from settings import Settings

DEV = next(s for s in default_sets() if s.name == "dev")


@pytest.fixture(scope="module")
def dev(set_engine, dev_fit_data):
    """(engine, fit data) of the dev set in a store of its own."""
    return set_engine("dev")[1], dev_fit_data


def test_scorer_file_is_what_the_fit_command_makes(dev):
    from store import embedder_info

    _, data = dev
    stored = json.loads(SCORER_PATH.read_text(encoding="utf-8"))
    refit = fit.scorer_data(data, embedder_info(Settings()).name, fit.fingerprint(DEV.corpus, DEV.questions))
    assert stored["dev_set"] == refit["dev_set"], "the dev set changed: run `python -m evals.fit`"
    assert stored["embedder"] == refit["embedder"] and stored["model"]["features"] == list(FEATURES)
    for key in ("mean", "scale", "coef"):
        np.testing.assert_allclose(stored["model"][key], refit["model"][key], rtol=1e-3, atol=1e-3, err_msg=key)
    assert abs(stored["model"]["intercept"] - refit["model"]["intercept"]) < 1e-3
    assert abs(stored["model"]["threshold"] - refit["model"]["threshold"]) < 0.02


def test_folds_never_share_an_article(dev):
    _, data = dev
    held = [{data.groups[i] for i in test} for test in fit.folds(data)]
    assert len(held) >= 5
    assert all(not (a & b) for i, a in enumerate(held) for b in held[i + 1:])
