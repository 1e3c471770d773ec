"""The CI gate: every bundled eval set (seed and dev), hybrid retriever, meets evals/thresholds.toml."""
from __future__ import annotations

import pytest

from evals.metrics import summarize
from evals.report import check_thresholds, comparison_table, failure_lines, limits_for, load_thresholds, render, summary_table
from evals.runner import RETRIEVERS, load_questions, run_all, run_eval
from evals.sets import default_sets, temporary_store
from settings import Settings

SETS = {s.name: s for s in default_sets()}


@pytest.fixture(scope="module", params=list(SETS))
def evalset(request, embedder, tmp_path_factory):
    """(set, engine) with the set's articles in a store of their own."""
    from qa.engine import Engine

    chosen = SETS[request.param]
    base = Settings(data_dir=tmp_path_factory.mktemp("unused"))
    with temporary_store(chosen, base, embedder, warn=lambda m: None) as local:
        yield chosen, Engine(local, embedder=embedder)


def test_eval_gate(evalset):
    chosen, engine = evalset
    records = run_eval(load_questions(chosen.questions), engine, "hybrid")
    summary = summarize(records, "hybrid")
    limits = limits_for(load_thresholds(), chosen.name)
    assert limits, f"evals/thresholds.toml has no bounds for the {chosen.name} set"
    violations = check_thresholds(summary, limits)
    assert not violations, "\n".join(
        [f"{chosen.name}: thresholds violated (evals/thresholds.toml):", *violations, "", summary_table(summary), "",
         *failure_lines(records)]
    )


def test_every_question_gets_a_graded_result(evalset):
    chosen, engine = evalset
    subset = load_questions(chosen.questions)[:3]
    records = run_eval(subset, engine, "dense")
    assert [r["id"] for r in records] == [q.id for q in subset]
    for record in records:
        assert {"id", "question", "lang", "category", "answer", "refused", "citations", "retrieved", "latency_ms",
                "passed", "failures"} <= set(record)
        assert record["passed"] == (not record["failures"])
        assert record["retriever"] == "dense" and record["latency_ms"] > 0


def test_comparison_table_has_all_three_retrievers(evalset):
    chosen, engine = evalset
    subset = load_questions(chosen.questions)[:5]
    runs = run_all(subset, engine, "hybrid", compare=True)
    assert list(runs) == ["hybrid", "dense", "bm25"]
    summaries = {kind: summarize(records, kind) for kind, records in runs.items()}
    header = comparison_table(summaries).splitlines()[0]
    assert header == "| metric | " + " | ".join(RETRIEVERS) + " |"
    markdown = render({chosen.name: runs}, {chosen.name: summaries}, {chosen.name: "q.jsonl"}, ["## Thresholds: all met"])
    assert "retrievers compared" in markdown and "| hit@3 |" in markdown and "by question category" in markdown
