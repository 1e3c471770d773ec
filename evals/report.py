"""Markdown tables, the threshold gate, and summary.md / summary.json.

>>> s = {"retriever": "hybrid", "overall": {"hit_at_3": 0.9, "false_refusal_rate": 0.2}, "by_lang": {}}
>>> check_thresholds(s, {"min": {"overall": {"hit_at_3": 0.95}}, "max": {"overall": {"false_refusal_rate": 0.1}}})
['hit_at_3 (overall) = 0.900, below the minimum 0.95', 'false_refusal_rate (overall) = 0.200, above the maximum 0.1']
"""
from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from evals.runner import EVALS_DIR, RETRIEVERS, EvalError

THRESHOLDS = EVALS_DIR / "thresholds.toml"
# key, label in the tables; "ms" values are latencies, the others shares in [0, 1] or counts.
METRICS = [
    ("questions", "questions"),
    ("answerable", "answerable / unanswerable"),
    ("hit_at_1", "hit@1"),
    ("hit_at_3", "hit@3"),
    ("mrr", "MRR"),
    ("key_fact_recall", "key-fact recall"),
    ("citation_validity", "citation validity"),
    ("cited_source_hit", "cited-source hit"),
    ("refusal_accuracy", "refusal accuracy"),
    ("false_refusal_rate", "false-refusal rate"),
    ("latency_p50_ms", "latency p50"),
    ("latency_p95_ms", "latency p95"),
    ("pass_rate", "pass rate"),
]
GATED = {key for key, _ in METRICS} - {"questions", "answerable"}


def cell(key: str, metrics: Mapping) -> str:
    """One table cell.

    >>> cell("mrr", {"mrr": 0.83333}), cell("latency_p50_ms", {"latency_p50_ms": 41.26}), cell("mrr", {"mrr": None})
    ('0.833', '41 ms', 'n/a')
    """
    if key == "answerable":
        return f"{metrics['answerable']} / {metrics['unanswerable']}"
    value = metrics.get(key)
    if value is None:
        return "n/a"
    if key.endswith("_ms"):
        return f"{value:.0f} ms"
    return str(value) if key == "questions" else f"{value:.3f}"


def table(columns: Mapping[str, Mapping]) -> str:
    """A markdown table: a row per metric, a column per named set of metrics.

    >>> print(table({"overall": {"mrr": 0.5}, "sv": {"mrr": 1.0}}).splitlines()[2])
    | MRR | 0.500 | 1.000 |
    """
    lines = ["| metric | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for key, label in METRICS:
        if all(key in m for m in columns.values()):
            lines.append(f"| {label} | " + " | ".join(cell(key, m) for m in columns.values()) + " |")
    return "\n".join(lines)


def summary_table(summary: Mapping) -> str:
    """The metrics of one retriever, overall and per language."""
    return table({"overall": summary["overall"], **summary["by_lang"]})


def comparison_table(summaries: Mapping[str, Mapping]) -> str:
    """Overall metrics of each retriever side by side (dense, bm25, hybrid)."""
    order = sorted(summaries, key=lambda kind: RETRIEVERS.index(kind) if kind in RETRIEVERS else len(RETRIEVERS))
    return table({kind: summaries[kind]["overall"] for kind in order})


def failure_lines(records: Sequence[Mapping]) -> list[str]:
    """A line per failed question.

    >>> failure_lines([{"id": "en-01", "passed": False, "failures": ["missing fact: 2500"]}, {"id": "x", "passed": True}])
    ['- en-01: missing fact: 2500']
    """
    return [f"- {r['id']}: " + "; ".join(r["failures"]) for r in records if not r["passed"]]


def load_thresholds(path: Path = THRESHOLDS) -> dict:
    """The thresholds file as {"retriever", "min": {scope: {metric: bound}}, "max": ...}; checks names."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EvalError(f"cannot read thresholds {path}: {exc}") from None
    for bound in ("min", "max"):
        for scope, limits in data.get(bound, {}).items():
            unknown = sorted(set(limits) - GATED)
            if unknown:
                raise EvalError(f"{path}: [{bound}.{scope}] names unknown metrics: {', '.join(unknown)}")
    return data


def _scope(summary: Mapping, scope: str) -> Mapping:
    return summary["overall"] if scope == "overall" else summary["by_lang"].get(scope, {})


def check_thresholds(summary: Mapping, thresholds: Mapping) -> list[str]:
    """One line per violated threshold; a metric not measured in this set (None) is not checked."""
    violations = []
    for bound, word in (("min", "below the minimum"), ("max", "above the maximum")):
        for scope, limits in thresholds.get(bound, {}).items():
            for metric, limit in limits.items():
                value = _scope(summary, scope).get(metric)
                if value is not None and (value < limit if bound == "min" else value > limit):
                    violations.append(f"{metric} ({scope}) = {value:.3f}, {word} {limit}")
    return violations


def unchecked(summary: Mapping, thresholds: Mapping) -> list[str]:
    """Thresholds that this eval set cannot measure (e.g. no English questions).

    >>> unchecked({"overall": {}, "by_lang": {}}, {"min": {"en": {"key_fact_recall": 0.6}}})
    ['key_fact_recall (en)']
    """
    return [f"{metric} ({scope})" for bound in ("min", "max") for scope, limits in thresholds.get(bound, {}).items()
            for metric in limits if _scope(summary, scope).get(metric) is None]


def gate_lines(summaries: Mapping[str, Mapping], thresholds: Mapping) -> tuple[list[str], list[str]]:
    """(report lines, violations) of the thresholds' retriever, if it was run."""
    kind = thresholds.get("retriever", "hybrid")
    if kind not in summaries:
        return [f"Thresholds apply to the {kind} retriever, which was not run: not checked."], []
    violations = check_thresholds(summaries[kind], thresholds)
    lines = [f"## Thresholds ({kind}): " + (f"{len(violations)} violated" if violations else "all met")]
    lines += [f"- VIOLATED: {v}" for v in violations]
    lines += [f"- not measured by this set: {u}" for u in unchecked(summaries[kind], thresholds)]
    return lines, violations


def render(runs: Mapping[str, Sequence[Mapping]], summaries: Mapping[str, Mapping], questions: Path,
           gate: Sequence[str]) -> str:
    """The whole markdown report: the first retriever in full, the comparison, the gate, the failures."""
    main = next(iter(runs))
    parts = [f"## Eval: {main} retriever, {len(runs[main])} questions from {shown(questions)}", summary_table(summaries[main])]
    if len(runs) > 1:
        parts += ["## Retrievers compared (overall, same run)", comparison_table(summaries)]
    parts.append("\n".join(gate))
    failed = failure_lines(runs[main])
    parts.append("\n".join([f"## Failed questions ({main}): {len(failed) or 'none'}", *failed]))
    return "\n\n".join(parts) + "\n"


def shown(path: Path) -> str:
    """A path relative to the working directory when it lies below it.

    >>> shown(Path.cwd() / "evals" / "questions.jsonl")
    'evals/questions.jsonl'
    """
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def write_summary(out_dir: Path, markdown: str, summaries: Mapping[str, Mapping], violations: Sequence[str]) -> None:
    """summary.md (the printed report) and summary.json (every metric of every retriever)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "summary.md").write_text(markdown, encoding="utf-8")
    data = {"retrievers": dict(summaries), "violations": list(violations)}
    (out_dir / "summary.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
