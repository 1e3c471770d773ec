"""The dev set answered out of fold: each question by the scorer fitted without its article.

``python -m evals.fit --oof`` prints this report; ``tests/evals/test_fit.py``
gates on the same figures. The engine, retrieval and grading are the ones of
``python -m evals``; only the scorer changes from question to question.

>>> fold_of({"a": 0, "b": 1}, {"q1": 1}, "q1", ("a",)), fold_of({"a": 0}, {}, "q9", ("a",)), fold_of({}, {}, "q9", ())
(1, 0, 0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evals.fit import out_of_fold, to_scorer
from evals.fitdata import Data


def fold_of(group_fold: Mapping[str, int], question_fold: Mapping[str, int], qid: str, sources: Sequence[str]) -> int:
    """The fold that held a question out; a question the scorer never saw goes with its article's fold."""
    if qid in question_fold:
        return question_fold[qid]
    return group_fold.get(sources[0], 0) if sources else 0


def fold_scorers(data: Data) -> tuple[list, dict[str, int], dict[str, int]]:
    """(one scorer per fold, question id -> fold, article -> fold)."""
    *_, fitted = out_of_fold(data, "lr")
    scorers, question_fold, group_fold = [], {}, {}
    for f, (test, sentence, answer, cut) in enumerate(fitted):
        scorers.append(to_scorer(sentence, answer, cut))
        for i in test:
            question_fold[data.questions[i].id] = f
            group_fold[data.groups[i]] = f
    return scorers, question_fold, group_fold


def oof_records(engine, questions, data: Data, evalset, retriever: str = "hybrid") -> list[dict]:
    """Graded results of every question, each answered by the scorer of the folds without its article."""
    from evals.runner import ask, stored_passages, to_record, warm_up
    from evals.sets import doc_formats, record_format

    scorers, question_fold, group_fold = fold_scorers(data)
    warm_up(engine, retriever)
    answers, shipped = [], engine.scorer
    try:
        for q in questions:
            engine.scorer = scorers[fold_of(group_fold, question_fold, q.id, q.expected_sources)]
            answers.append(ask(engine, q, retriever))
    finally:
        engine.scorer = shipped  # the engine answers with the shipped scorer again
    stored = stored_passages(engine, answers)
    formats = doc_formats(evalset.corpus)
    records = [to_record(q, a, stored, retriever) for q, a in zip(questions, answers)]
    for record in records:
        record["format"] = record_format(record, formats)
    return records


def oof_report(engine, questions, data: Data, evalset, retriever: str = "hybrid") -> str:
    """The markdown dev report of ``python -m evals``, computed out of fold."""
    from evals import report
    from evals.metrics import summarize
    from evals.runner import OUT_DIR, write_results

    records = oof_records(engine, questions, data, evalset, retriever)
    write_results(records, OUT_DIR / f"{evalset.name}-oof" / f"results-{retriever}.jsonl")
    summary = {retriever: summarize(records, retriever)}
    name = f"{evalset.name} (out of fold)"
    return report.render(
        {name: {retriever: records}}, {name: summary}, {name: report.display_path(evalset.questions)}, []
    )
