"""What an operator reads from `python -m bench`: the synthetic corpus and the targets table."""
from __future__ import annotations

import doctest

import bench.report
from bench.report import markdown, targets
from bench.synth import MARKER, write_corpus


def results_with(p50_at_100k: float | None) -> dict:
    scale = [] if p50_at_100k is None else [
        {"passages": 10_001, "answer": {"engine_ms": {"p50": 1.0}}},
        {"passages": 100_002, "answer": {"engine_ms": {"p50": p50_at_100k}}}]
    return {"answer": {"engine_ms": {"p50": 21.0}}, "scale": scale}


def test_report_doctests_hold():
    assert doctest.testmod(bench.report).failed == 0


def test_targets_name_each_goal_with_its_verdict():
    by_figure = {t["figure"]: t for t in targets(results_with(250.0))}
    assert by_figure["answer p50 on the seed corpus"]["status"] == "met (58% under)"
    assert by_figure["answer p50 at 100k passages"]["status"] == "missed by 25%"
    assert by_figure["cold start to first answer"]["status"] == "n/a"


def test_a_quick_run_without_100k_says_n_a():
    by_figure = {t["figure"]: t for t in targets(results_with(None))}
    assert by_figure["answer p50 at 100k passages"]["status"] == "n/a"


def test_markdown_has_the_targets_table():
    results = results_with(None) | {"meta": {"mode": "quick", "date": "2026-11-26", "git": "abc", "cpus": 2,
                                             "load_before": [0], "load_after": [0], "seconds": 1.0}}
    results["targets"] = targets(results)
    text = markdown(results)
    assert "| answer p50 on the seed corpus | 21 | <= 50 ms | met (58% under) |" in text
    assert "| answer p50 at 100k passages | n/a | <= 200 ms | n/a |" in text


def test_synthetic_articles_are_marked_and_deterministic(tmp_path):
    first = write_corpus(tmp_path / "a", articles=3, with_seeds=False)
    again = write_corpus(tmp_path / "b", articles=3, with_seeds=False)
    assert [p.read_text(encoding="utf-8") for p in first] == [p.read_text(encoding="utf-8") for p in again]
    for path in first:
        headline = path.read_text(encoding="utf-8").split("\n\n")[1]
        assert headline.startswith(MARKER)
