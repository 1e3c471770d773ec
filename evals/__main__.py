"""``python -m evals``: run the eval set, print the report, exit 1 when a threshold is missed.

Exit codes: 0 all thresholds met, 1 a threshold violated, 2 bad input (questions
file, thresholds file, empty or unreachable store).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str] | None):
    from evals.runner import DEFAULT_QUESTIONS, OUT_DIR, RETRIEVERS
    from evals.report import THRESHOLDS

    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="JSON-lines eval set")
    parser.add_argument("--out", type=Path, help=f"results file (default: {OUT_DIR}/results-<retriever>.jsonl)")
    parser.add_argument("--retriever", choices=RETRIEVERS, default="hybrid")
    parser.add_argument("--compare", action=argparse.BooleanOptionalAction, default=True,
                        help="also run the other retrievers and print a comparison table (default: on)")
    parser.add_argument("--thresholds", type=Path, default=THRESHOLDS)
    args = parser.parse_args(argv)
    args.out = args.out or OUT_DIR / f"results-{args.retriever}.jsonl"
    return args


def main(argv: list[str] | None = None) -> int:
    from settings import Settings, configure_offline

    configure_offline()
    args = parse_args(argv)
    from evals import report, runner
    from evals.metrics import summarize
    from qa.engine import Engine

    try:
        questions = runner.load_questions(args.questions)
        thresholds = report.load_thresholds(args.thresholds)
        runs = runner.run_all(questions, Engine(Settings()), args.retriever, args.compare,
                              progress=lambda message: print(message, file=sys.stderr))
    except runner.EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for kind, records in runs.items():
        runner.write_results(records, args.out if kind == args.retriever else args.out.parent / f"results-{kind}.jsonl")
    summaries = {kind: summarize(records, kind) for kind, records in runs.items()}
    gate, violations = report.gate_lines(summaries, thresholds)
    markdown = report.render(runs, summaries, args.questions, gate)
    report.write_summary(args.out.parent, markdown, summaries, violations)
    print(markdown + f"\nResults, summary.md and summary.json in {report.shown(args.out.parent)}/")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
