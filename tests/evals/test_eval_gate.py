"""The CI gate: the whole eval set, hybrid retriever, on the seed store, meets evals/thresholds.toml."""
from __future__ import annotations

import pytest

from evals.metrics import summarize
from evals.report import check_thresholds, comparison_table, failure_lines, load_thresholds, render, summary_table
from evals.runner import DEFAULT_QUESTIONS, RETRIEVERS, load_questions, run_all, run_eval


@pytest.fixture(scope="module")
def engine(seed_settings, embedder):
    from qa.engine import Engine

    return Engine(seed_settings, embedder=embedder)


@pytest.fixture(scope="module")
def questions():
    return load_questions(DEFAULT_QUESTIONS)


def test_eval_gate(engine, questions):
    records = run_eval(questions, engine, "hybrid")
    summary = summarize(records, "hybrid")
    violations = check_thresholds(summary, load_thresholds())
    assert not violations, "\n".join(
        ["thresholds violated (evals/thresholds.toml):", *violations, "", summary_table(summary), "", *failure_lines(records)]
    )


def test_every_question_gets_a_graded_result(engine, questions):
    subset = questions[:3]
    records = run_eval(subset, engine, "dense")
    assert [r["id"] for r in records] == [q.id for q in subset]
    for record in records:
        assert {"id", "question", "lang", "answer", "refused", "citations", "retrieved", "latency_ms", "passed",
                "failures"} <= set(record)
        assert record["passed"] == (not record["failures"])
        assert record["retriever"] == "dense" and record["latency_ms"] > 0


def test_comparison_table_has_all_three_retrievers(engine, questions):
    subset = [q for q in questions if q.id in {"sv-01", "sv-04", "en-02", "un-05", "fu-01"}]
    runs = run_all(subset, engine, "hybrid", compare=True)
    assert list(runs) == ["hybrid", "dense", "bm25"]
    summaries = {kind: summarize(records, kind) for kind, records in runs.items()}
    header = comparison_table(summaries).splitlines()[0]
    assert header == "| metric | " + " | ".join(RETRIEVERS) + " |"
    markdown = render(runs, summaries, DEFAULT_QUESTIONS, ["## Thresholds (hybrid): all met"])
    assert "## Retrievers compared" in markdown and "| hit@3 |" in markdown
