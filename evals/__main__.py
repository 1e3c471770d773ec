"""``python -m evals``: run the eval sets, print the report, exit 1 when a threshold is missed.

With no arguments it runs the seed set (corpus/ + evals/questions.jsonl) and the
dev set (evals/dev/), side by side. ``--corpus DIR --questions FILE`` runs a set
of your own. Every set is ingested into a temporary store of its own: the
store in DATA_DIR is never read or written.

Exit codes: 0 all thresholds met, 1 a threshold violated, 2 bad input (questions
file, thresholds file, corpus, or a set not found).

``--from-feedback FILE`` runs nothing: it turns the thumbs-down lines of the
chat's feedback file into candidate questions marked for review (evals/feedback.py),
written to stdout or ``--out``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def parse_args(argv: list[str] | None):
    from evals.report import THRESHOLDS
    from evals.runner import OUT_DIR, RETRIEVERS
    from evals.sets import default_sets

    names = [s.name for s in default_sets()]
    parser = argparse.ArgumentParser(
        prog="python -m evals", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, help="articles of your own set (default: the bundled corpus/)")
    parser.add_argument("--questions", type=Path, help="JSON-lines questions of your own set")
    parser.add_argument(
        "--set",
        choices=names,
        action="append",
        dest="sets",
        help=f"run only this bundled set (repeatable; default: {' and '.join(names)})",
    )
    parser.add_argument(
        "--out", type=Path, help=f"results file of a single set (default: {OUT_DIR}/<set>/results-<retriever>.jsonl)"
    )
    parser.add_argument("--retriever", choices=RETRIEVERS, default="hybrid")
    parser.add_argument(
        "--compare",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run the other retrievers and print a comparison table (default: on)",
    )
    parser.add_argument("--thresholds", type=Path, default=THRESHOLDS)
    parser.add_argument(
        "--from-feedback",
        type=Path,
        metavar="FILE",
        help="write the thumbs-down answers of a feedback.jsonl as candidate questions, then stop",
    )
    return parser.parse_args(argv)


def chosen_sets(args, settings) -> list:
    from evals.runner import EvalError
    from evals.sets import EvalSet, default_sets

    if args.corpus or args.questions:
        if args.sets:
            raise EvalError("give either --set or --corpus/--questions, not both")
        if not args.questions:
            raise EvalError("--corpus needs --questions")
        corpus = args.corpus or settings.corpus_dir
        if not corpus.exists():
            raise EvalError(f"no such corpus: {corpus}")
        return [EvalSet.custom(corpus, args.questions)]
    return [s for s in default_sets() if not args.sets or s.name in args.sets]


def set_dir(args, name: str, single: bool) -> Path:
    """Where one set's results go: beside ``--out`` for a single set, else ``<out>/<set>/``."""
    from evals.runner import OUT_DIR

    if single and args.out:
        return args.out.parent
    return (args.out.parent if args.out else OUT_DIR) / name


def results_path(args, name: str, kind: str, single: bool) -> Path:
    if single and args.out and kind == args.retriever:
        return args.out
    return set_dir(args, name, single) / f"results-{kind}.jsonl"


def main(argv: list[str] | None = None) -> int:
    from settings import Settings, configure_process

    configure_process()
    args = parse_args(argv)
    if args.from_feedback:
        from evals import feedback

        return feedback.main(args.from_feedback, args.out)
    progress = lambda message: print(message, file=sys.stderr)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="newsqa-eval-") as scratch:
        # Even the model cache (e5's converted weights) goes to scratch: DATA_DIR is never touched.
        settings = Settings.from_environment().model_copy(update={"data_dir": Path(scratch)})
        return run(args, settings, progress)


def run(args, settings, progress) -> int:
    from evals import report, runner
    from evals.metrics import summarize
    from evals.sets import run_set
    from store import StoreError, load_embedder

    try:
        sets = chosen_sets(args, settings)
        thresholds = report.load_thresholds(args.thresholds)
        for chosen in sets:  # a malformed file is reported before the model loads
            runner.load_questions(chosen.questions)
        embedder = load_embedder(settings)
        set_runs = {}
        for chosen in sets:  # results are written as each set ends: a long run keeps what it finished
            set_runs[chosen.name] = run_set(chosen, settings, embedder, args.retriever, args.compare, progress)
            for kind, records in set_runs[chosen.name].items():
                runner.write_results(records, results_path(args, chosen.name, kind, len(sets) == 1))
    except (runner.EvalError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    set_summaries, gate, violations = {}, [], []
    for name, runs in set_runs.items():
        set_summaries[name] = {kind: summarize(records, kind) for kind, records in runs.items()}
        lines, missed = report.gate_lines(set_summaries[name], thresholds, name)
        gate += lines
        violations += missed
    out_dir = set_dir(args, sets[0].name, True) if len(sets) == 1 else set_dir(args, "", False)
    markdown = report.render(set_runs, set_summaries, {s.name: report.display_path(s.questions) for s in sets}, gate)
    report.write_summary(out_dir, markdown, set_summaries, violations)
    print(markdown + f"\nResults, summary.md and summary.json in {report.display_path(out_dir)}/")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
