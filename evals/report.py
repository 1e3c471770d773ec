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
    ("short_answer_exact", "short answer exact"),
    ("false_refusal_rate", "false-refusal rate"),
    ("latency_p50_ms", "latency p50"),
    ("latency_p95_ms", "latency p95"),
    ("pass_rate", "pass rate"),
]
GATED = {key for key, _ in METRICS} - {"questions", "answerable"}
BOUNDS = ("min", "max")


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


def side_by_side(summaries: Mapping[str, Mapping]) -> str:
    """Each set overall and per language, next to each other (``summaries``: set name -> summary).

    >>> m = {"mrr": 0.5}
    >>> print(side_by_side({"seed": {"overall": m, "by_lang": {"sv": m}}, "dev": {"overall": m, "by_lang": {}}}).splitlines()[0])
    | metric | seed | seed sv | dev |
    """
    columns = {}
    for name, summary in summaries.items():
        columns[name] = summary["overall"]
        columns.update({f"{name} {lang}": m for lang, m in summary["by_lang"].items()})
    return table(columns)


def failure_lines(records: Sequence[Mapping]) -> list[str]:
    """A line per failed question.

    >>> failure_lines([{"id": "en-01", "passed": False, "failures": ["missing fact: 2500"]}, {"id": "x", "passed": True}])
    ['- en-01: missing fact: 2500']
    """
    return [f"- {r['id']}: " + "; ".join(r["failures"]) for r in records if not r["passed"]]


def failure_causes(records: Sequence[Mapping]) -> str:
    """Failed questions counted by cause (the text before any ':') and category.

    >>> print(failure_causes([{"passed": False, "category": "fact", "failures": ["missing fact: 2", "missing fact: 3"]},
    ...                       {"passed": False, "category": "near_miss", "failures": ["should have refused"]}]))
    | cause | questions | categories |
    |---|---|---|
    | missing fact | 1 | fact 1 |
    | should have refused | 1 | near_miss 1 |
    """
    causes: dict[str, dict[str, int]] = {}
    for record in records:
        for cause in dict.fromkeys(f.split(":")[0] for f in record.get("failures", [])):
            per = causes.setdefault(cause, {})
            per[record.get("category", "")] = per.get(record.get("category", ""), 0) + 1
    lines = ["| cause | questions | categories |", "|---|---|---|"]
    for cause, per in sorted(causes.items(), key=lambda kv: -sum(kv[1].values())):
        detail = ", ".join(f"{cat} {n}" for cat, n in sorted(per.items(), key=lambda kv: -kv[1]))
        lines.append(f"| {cause} | {sum(per.values())} | {detail} |")
    return "\n".join(lines)


def load_thresholds(path: Path = THRESHOLDS) -> dict:
    """The thresholds file: {"retriever", <set>: {"min": {scope: {metric: bound}}, "max": ...}, ...}.

    Bounds at the top level (``[min.overall]``) apply to every set without a table of its own.
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EvalError(f"cannot read thresholds {path}: {exc}") from None
    tables = [("", data)] + [(f"{name}.", v) for name, v in data.items() if isinstance(v, dict) and name not in BOUNDS]
    for prefix, limits in tables:
        for bound in BOUNDS:
            for scope, values in limits.get(bound, {}).items():
                unknown = sorted(set(values) - GATED)
                if unknown:
                    raise EvalError(f"{path}: [{prefix}{bound}.{scope}] names unknown metrics: {', '.join(unknown)}")
    return data


def limits_for(thresholds: Mapping, set_name: str) -> Mapping:
    """The bounds that apply to one set: its own table, else the top-level bounds.

    >>> limits_for({"dev": {"min": {"overall": {"mrr": 0.5}}}, "min": {"overall": {"mrr": 0.9}}}, "dev")
    {'min': {'overall': {'mrr': 0.5}}}
    >>> limits_for({"min": {"overall": {"mrr": 0.9}}}, "mine")
    {'min': {'overall': {'mrr': 0.9}}}
    """
    own = thresholds.get(set_name)
    if isinstance(own, Mapping) and set_name not in BOUNDS:
        return own
    return {bound: thresholds[bound] for bound in BOUNDS if bound in thresholds}


def _scope(summary: Mapping, scope: str) -> Mapping:
    """Overall, or a language, category or format of the summary."""
    if scope == "overall":
        return summary["overall"]
    for group in ("by_lang", "by_category", "by_format"):
        if scope in summary.get(group, {}):
            return summary[group][scope]
    return {}


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
    return [
        f"{metric} ({scope})"
        for bound in BOUNDS
        for scope, limits in thresholds.get(bound, {}).items()
        for metric in limits
        if _scope(summary, scope).get(metric) is None
    ]


def gate_lines(
    summaries: Mapping[str, Mapping], thresholds: Mapping, set_name: str = "seed"
) -> tuple[list[str], list[str]]:
    """(report lines, violations) of one set's bounds for the thresholds' retriever, if it was run."""
    kind = thresholds.get("retriever", "hybrid")
    limits = limits_for(thresholds, set_name)
    if kind not in summaries:
        return [f"Thresholds apply to the {kind} retriever, which was not run: not checked."], []
    if not limits:
        return [f"## Thresholds ({set_name}, {kind}): none set for this set"], []
    violations = [f"{set_name}: {v}" for v in check_thresholds(summaries[kind], limits)]
    lines = [f"## Thresholds ({set_name}, {kind}): " + (f"{len(violations)} violated" if violations else "all met")]
    lines += [f"- VIOLATED: {v}" for v in violations]
    lines += [f"- not measured by this set: {u}" for u in unchecked(summaries[kind], limits)]
    return lines, violations


def render(
    set_runs: Mapping[str, Mapping[str, Sequence[Mapping]]],
    set_summaries: Mapping[str, Mapping[str, Mapping]],
    sources: Mapping[str, str],
    gate: Sequence[str],
) -> str:
    """The whole markdown report: sets side by side, then per category and format, retrievers, gate, failures."""
    main = next(iter(next(iter(set_runs.values()))))
    heads = ", ".join(f"{name} ({len(runs[main])} questions, {sources[name]})" for name, runs in set_runs.items())
    parts = [f"## Eval: {main} retriever: {heads}", side_by_side({n: s[main] for n, s in set_summaries.items()})]
    for name, summaries in set_summaries.items():
        parts += [f"### {name}: by question category", table(summaries[main]["by_category"])]
        if len(summaries[main]["by_format"]) > 1:
            parts += [f"### {name}: by article format", table(summaries[main]["by_format"])]
        if len(summaries) > 1:
            parts += [f"### {name}: retrievers compared (overall, same run)", comparison_table(summaries)]
    parts.append("\n".join(gate))
    for name, runs in set_runs.items():
        failed = failure_lines(runs[main])
        parts.append(f"### {name}: failures by cause ({main})\n\n" + failure_causes(runs[main]) if failed else "")
        parts.append("\n".join([f"### {name}: failed questions ({main}): {len(failed) or 'none'}", *failed]))
    return "\n\n".join(p for p in parts if p) + "\n"


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it.

    >>> display_path(Path.cwd() / "evals" / "questions.jsonl")
    'evals/questions.jsonl'
    """
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def write_summary(
    out_dir: Path, markdown: str, set_summaries: Mapping[str, Mapping], violations: Sequence[str]
) -> None:
    """summary.md (the printed report) and summary.json (every metric of every set and retriever)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "summary.md").write_text(markdown, encoding="utf-8")
    data = {"sets": dict(set_summaries), "violations": list(violations)}
    (out_dir / "summary.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
