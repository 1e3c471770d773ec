"""Each embedder's score scale and fusion weight (qa/calibration.py), applied where the rules and hybrid use them."""

from __future__ import annotations

import numpy as np
import pytest
from fakes import HashEmbedding

from qa import rules
from qa.calibration import Calibration, load_calibration
from qa.extractive import Query, candidates

pytestmark = pytest.mark.fast


def test_minilm_keeps_the_scale_and_the_fusion_the_rules_were_set_with():
    assert load_calibration("sentence-transformers") == Calibration()
    assert load_calibration("fake") == Calibration()


def test_the_fitted_model_answers_with_what_it_was_fitted_on():
    assert load_calibration("e5", "fitted") == Calibration() != load_calibration("e5", "rules")


def test_e5_has_a_scale_for_both_question_languages_and_a_dense_weight():
    e5 = load_calibration("e5")
    assert set(e5.sim_scale) == {"sv", "en"}
    # e5's similarities are crowded near 0.8; MiniLM's spread wider and lower.
    assert all(a > 1 and b < 0 for a, b in e5.sim_scale.values())
    assert e5.fusion_mode == "relative_score" and 0 < e5.dense_weight < 1
    assert e5.sentence_vectors == "stored" and Calibration().sentence_vectors == "standalone"


@pytest.mark.parametrize("vectors", ["stored", "standalone"])
def test_with_stored_sentence_vectors_an_answer_embeds_only_the_question(tmp_path, vectors):
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from settings import ROOT, Settings

    settings = Settings(data_dir=tmp_path / "data")
    ingest([ROOT / "corpus"], settings, embedder=HashEmbedding(), warn=lambda m: None)
    engine = Engine(settings, embedder=HashEmbedding())
    engine.__dict__["calibration"] = Calibration(sentence_vectors=vectors)  # what load_calibration gives e5
    answer = engine.answer("Hur många poliskameror är målbilden nationellt?")
    assert answer.answer and not answer.error
    embedded_here = len(engine._sentence_vectors)
    assert (embedded_here == 0) == (vectors == "stored"), embedded_here


def test_the_rules_score_similarity_on_the_calibrated_scale():
    query = Query.parse("Hur många kameror finns det?", [])
    from llama_index.core.schema import NodeWithScore, TextNode

    item = NodeWithScore(node=TextNode(text="Det finns 40 kameror i centrum."), score=1.0)
    scale = Calibration({"sv": (3.0, -2.0)})
    found = {}
    for name, calibration in (("raw", None), ("scaled", scale)):
        found[name] = candidates([item])
        rules.score(query, np.array([1.0, 0.0]), found[name], np.array([[0.8, 0.6]]), [item], calibration)
    assert found["raw"][0].parts["sim"] == pytest.approx(0.8)
    assert found["scaled"][0].parts["sim"] == pytest.approx(0.4)
    assert found["raw"][0].score - found["scaled"][0].score == pytest.approx(rules.WEIGHTS["sim"] * 0.4)


@pytest.mark.parametrize("calibration", [Calibration(), Calibration(dense_weight=0.7)])
def test_hybrid_fuses_as_the_calibration_says(tmp_path, calibration):
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from qa.retrieval import build_retriever
    from settings import ROOT, Settings

    settings = Settings(data_dir=tmp_path / "data")
    ingest([ROOT / "corpus"], settings, embedder=HashEmbedding(), warn=lambda m: None)
    engine = Engine(settings, embedder=HashEmbedding())
    hybrid = build_retriever("hybrid", engine.collection(), engine.embedder, settings, None, calibration)
    assert hybrid.mode == calibration.fusion_mode
    assert hybrid._retriever_weights == (calibration.weights or [0.5, 0.5])
    assert hybrid.retrieve("Hur många poliskameror är målbilden nationellt?")


def test_e5_has_the_rules_weights_gate_and_thresholds_fitted_on_the_dev_set():
    fit = load_calibration("e5").rules
    assert set(fit["weights"]) == set(fit["min_overlap"]) == set(fit["refusal"]) == {"sv", "en"}
    for weights in fit["weights"].values():
        assert set(weights) == set(rules.WEIGHTS) and sum(weights.values()) == pytest.approx(1, abs=1e-3)
    assert rules.fitted(Calibration(), "sv") == (rules.WEIGHTS, 0.45, 0.45)  # MiniLM: as hand-set


@pytest.fixture(scope="module")
def seed_engine(tmp_path_factory):
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from settings import ROOT, Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("rules") / "data")
    ingest([ROOT / "corpus"], settings, embedder=HashEmbedding(), warn=lambda m: None)
    return lambda **update: Engine(settings.model_copy(update=update), embedder=HashEmbedding())


def _with_rules(engine, refusal: float):
    both = ("sv", "en")
    fit = {"weights": dict.fromkeys(both, rules.WEIGHTS), "min_overlap": dict.fromkeys(both, 0.0)}
    engine.__dict__["calibration"] = Calibration(rules=fit | {"refusal": dict.fromkeys(both, refusal)})
    return engine


def test_the_rules_refuse_at_the_fitted_threshold_unless_a_setting_says_otherwise(seed_engine):
    question = "Hur många poliskameror är målbilden nationellt?"
    assert not _with_rules(seed_engine(), refusal=0.0).answer(question).refused
    assert _with_rules(seed_engine(), refusal=5.0).answer(question).refused  # no score reaches 5
    assert not _with_rules(seed_engine(refusal_threshold=0.0), refusal=5.0).answer(question).refused


def test_an_english_month_or_weekday_is_looked_for_as_the_articles_write_it():
    """'June' and 'Saturday' are dates, not names: a passage with "juni" and "lördagen" costs no penalty,
    while a place the passages never name still does."""
    from llama_index.core.schema import NodeWithScore, TextNode

    item = NodeWithScore(node=TextNode(text="På lördagen den 14 juni kom 3 000 besökare till torget."), score=1.0)
    asked = Query.parse("How many visitors came on the Saturday in June?", [])
    assert rules.penalty(asked, [item]) == 0.0
    elsewhere = Query.parse("How many visitors came on the Saturday in June in Kiruna?", [])
    assert rules.penalty(elsewhere, [item]) == rules.MISSING_SPECIFIC_PENALTY["en"]


def test_a_year_the_article_is_dated_is_no_missing_name():
    """A question's year that the article is dated ("under 2024", "i år" in an article of 2024) is what the
    article speaks of, as the year gate reads it; a year no passage or date speaks of still costs the penalty."""
    from llama_index.core.schema import NodeWithScore, TextNode

    said = TextNode(text="Hittills i år har 213 sådana brott anmälts.", metadata={"date": "2024-10-09"})
    item = NodeWithScore(node=said, score=1.0)
    this_year, another = (Query.parse(f"Hur många brott anmäldes under {year}?", []) for year in (2024, 2023))
    assert rules.penalty(this_year, [item]) == 0.0
    assert rules.penalty(another, [item]) == rules.MISSING_SPECIFIC_PENALTY["sv"]
