"""``python -m evals.fit``: fit the sentence scorer on the dev set and write ``qa/scorer.json``.

Every dev question is retrieved for and its candidate sentences become feature
rows (``qa.scorer.FEATURES``); a candidate is positive when it is the question's
``answer_sentence`` (or holds all expected facts and comes from an expected
article). Folds are article-disjoint (``GroupKFold``, groups = the question's
expected article; an unanswerable question goes with the article retrieved
first for it). Each fold's refusal threshold is chosen on the training folds'
own out-of-fold probabilities, so nothing about a held-out article is seen.

``python -m evals.fit`` refits and writes the file (deterministic: the same dev
set and embedder give the same numbers); ``--oof`` also answers every dev
question through the engine with the model of the folds that exclude its
article and prints that report (``--oof-questions FILE``: for other questions on the dev articles);
``--compare`` adds gradient boosting's out-of-fold figures beside logistic regression's.

>>> best_threshold(np.array([0.9, 0.8, 0.3, 0.2]), np.array([True, True, False, False]))
0.55
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from evals.fitdata import Data, cached_collect, should_answer, subset

FOLDS = 5
C = 1.0  # logistic regression's L2 strength: sklearn's default


def best_threshold(best_p: np.ndarray, should_answer: np.ndarray) -> float:
    """The cut on the best candidate's probability that maximises balanced accuracy of answer vs refuse."""
    cuts = np.unique(best_p)
    mids = np.concatenate([[0.0], (cuts[:-1] + cuts[1:]) / 2, [1.0]])
    pos, neg = max(1, should_answer.sum()), max(1, (~should_answer).sum())
    scores = [((best_p >= t) & should_answer).sum() / pos + ((best_p < t) & ~should_answer).sum() / neg for t in mids]
    return round(float(mids[int(np.argmax(scores))]), 4)


def fit_model(rows: np.ndarray, labels: np.ndarray, kind: str = "lr"):
    """A fitted sklearn pipeline: standardised logistic regression, or gradient boosting."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "gb":
        model = GradientBoostingClassifier(
            n_estimators=150, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=0
        )
        return model.fit(rows, labels)
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000)).fit(rows, labels)


def best_per_question(p: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """The highest candidate probability of each question (0 for a question with no candidates)."""
    best = np.zeros(n)
    np.maximum.at(best, owner, p)
    return best


def folds(data: Data, k: int = FOLDS) -> list[np.ndarray]:
    """Question indices held out by each of ``k`` article-disjoint folds."""
    from sklearn.model_selection import GroupKFold

    idx = np.arange(len(data.questions))
    return [test for _, test in GroupKFold(n_splits=k).split(idx, groups=data.groups)]


def sentence_oof(data: Data, kind: str, k: int = FOLDS) -> np.ndarray:
    """Candidate probabilities, each from a sentence model fitted without its question's article."""
    p = np.zeros(len(data.rows))
    for test in folds(data, k):
        train = np.setdiff1d(np.arange(len(data.questions)), test)
        inner = subset(data, train)
        rows = np.isin(data.owner, test)
        if rows.any():
            p[rows] = fit_model(inner.rows, inner.labels, kind).predict_proba(data.rows[rows])[:, 1]
    return p


def question_rows(data: Data, p: np.ndarray) -> np.ndarray:
    """The answer/refuse model's row of every question, from its candidates' probabilities."""
    from qa.scorer import question_row

    return np.array([question_row(data.rows[data.owner == i], p[data.owner == i]) for i in range(len(data.questions))])


def held_out_answerable(model, questions: np.ndarray, answerable: np.ndarray, groups: list[str]) -> np.ndarray:
    """``model``'s probability of each question, from a copy of it fitted without the question's article.

    The threshold is chosen on these, not on the model's own fit: on the questions it was fitted
    on the model is surer than on new ones, and a cut chosen there jumped between far-apart points
    of a flat balanced-accuracy curve when the embedder's rounding changed (refusal 0.70 or 0.63
    out of fold, measured 2026-11-29 on two CPU kinds).
    """
    from sklearn.base import clone
    from sklearn.model_selection import GroupKFold, cross_val_predict

    k = min(FOLDS, len(set(groups)))
    if k < 2 or len(set(answerable)) < 2:
        return model.predict_proba(questions)[:, 1]
    held = cross_val_predict(
        clone(model), questions, answerable, groups=groups, cv=GroupKFold(k), method="predict_proba"
    )
    return held[:, 1]


def fit_scorer(data: Data, kind: str = "lr"):
    """(sentence model, answer/refuse model, threshold) fitted on ``data`` alone.

    The answer/refuse model learns from out-of-fold sentence probabilities (what it will see
    on new articles); its threshold maximises balanced accuracy on its own out-of-fold
    probabilities of those questions (``held_out_answerable``).
    """
    questions = question_rows(data, sentence_oof(data, kind))
    answerable = should_answer(data)
    answer = fit_model(questions, answerable, "lr")
    cut = best_threshold(held_out_answerable(answer, questions, answerable, data.groups), answerable)
    return fit_model(data.rows, data.labels, kind), answer, cut


def out_of_fold(data: Data, kind: str = "lr", k: int = FOLDS):
    """(candidate probabilities, answerable probabilities, thresholds, per fold (test, models, threshold)).

    Everything applied to a held-out fold was fitted on the other folds only.
    """
    p, answer_p, thresholds, fitted = (
        np.zeros(len(data.rows)),
        np.zeros(len(data.questions)),
        np.zeros(len(data.questions)),
        [],
    )
    for test in folds(data, k):
        train = np.setdiff1d(np.arange(len(data.questions)), test)
        sentence, answer, cut = fit_scorer(subset(data, train), kind)
        rows = np.isin(data.owner, test)
        if rows.any():
            p[rows] = sentence.predict_proba(data.rows[rows])[:, 1]
        held = subset(data, test)
        answer_p[test] = answer.predict_proba(question_rows(held, p[rows]))[:, 1]
        thresholds[test] = cut
        fitted.append((test, sentence, answer, cut))
    return p, answer_p, thresholds, fitted


def decisions(data: Data, p: np.ndarray, answer_p: np.ndarray, thresholds: np.ndarray) -> dict:
    """Out-of-fold figures of answer/refuse and of picking the labelled sentence first."""
    n = len(data.questions)
    answered = answer_p >= thresholds
    top_ok = np.zeros(n, bool)
    for i in range(n):
        mine = np.flatnonzero(data.owner == i)
        top_ok[i] = len(mine) > 0 and bool(data.labels[mine[np.argmax(p[mine])]])
    answerable = should_answer(data)
    reachable = np.array([data.labels[data.owner == i].any() for i in range(n)])
    near = np.array([q.kind == "near_miss" for q in data.questions])
    balanced = (answered[answerable].mean() + (~answered)[~answerable].mean()) / 2
    return {
        "questions": n,
        "answerable": int(answerable.sum()),
        "reachable": float(reachable[answerable].mean()),
        "top1_when_reachable": float(top_ok[answerable & reachable].mean()),
        "correct_answers": float((top_ok & answered)[answerable].mean()),
        "balanced_accuracy": float(balanced),
        "false_refusal": float((~answered)[answerable].mean()),
        "refusal": float((~answered)[~answerable].mean()),
        "near_miss_refusal": float((~answered)[near].mean()) if near.any() else None,
    }


def _linear(model) -> dict:
    """mean, scale, coef, intercept of a standardised logistic-regression pipeline, rounded for the file."""
    scaler, lr = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    r = lambda a: [round(float(x), 6) for x in a]  # noqa: E731
    return {
        "mean": r(scaler.mean_),
        "scale": r(scaler.scale_),
        "coef": r(lr.coef_[0]),
        "intercept": round(float(lr.intercept_[0]), 6),
    }


def to_scorer(sentence, answer, threshold: float):
    """The product's ``Scorer`` of fitted logistic-regression pipelines."""
    from qa.scorer import Scorer

    return Scorer.from_dict({"sentence": _linear(sentence), "answerable": _linear(answer), "threshold": threshold})


def fingerprint(corpus: Path, questions: Path) -> str:
    """sha256 (first 16 hex) of the questions file and every corpus file, by name."""
    digest = hashlib.sha256(Path(questions).read_bytes())
    for path in sorted(p for p in Path(corpus).rglob("*") if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def scorer_data(data: Data, embedder_name: str, dev: str) -> dict:
    """The content of ``qa/scorer.json``: the models fitted on all of ``data``, and their OOF figures."""
    from qa.scorer import ANSWER_FEATURES, FEATURES

    p, answer_p, cuts, _ = out_of_fold(data, "lr")
    sentence, answer, cut = fit_scorer(data, "lr")
    return {
        "about": "fitted by `python -m evals.fit`; do not edit by hand",
        "embedder": embedder_name,
        "dev_set": dev,
        "questions": len(data.questions),
        "candidates": len(data.rows),
        "positives": int(data.labels.sum()),
        "folds": FOLDS,
        "objective": "balanced accuracy of answer vs refuse",
        "features": list(FEATURES),
        "answer_features": list(ANSWER_FEATURES),
        "model": {
            "kind": "logistic regression",
            "sentence": _linear(sentence),
            "answerable": _linear(answer),
            "threshold": cut,
        },
        "out_of_fold": {
            k: (round(v, 4) if isinstance(v, float) else v) for k, v in decisions(data, p, answer_p, cuts).items()
        },
    }


def prepared(args):
    """(settings, embedder, eval set) of the command line."""
    from evals.sets import DEV_DIR, EvalSet
    from settings import Settings, configure_process

    configure_process()
    from store import load_embedder

    settings = Settings(embed_backend="e5", answer_model="fitted")  # what the fitted model answers with
    corpus = args.corpus or DEV_DIR / "corpus"
    questions = args.questions or DEV_DIR / "questions.jsonl"
    return settings, load_embedder(settings), EvalSet("dev", corpus, questions)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals.fit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--out", type=Path, help="where to write the scorer (default: qa/scorer.json)")
    parser.add_argument("--oof", action="store_true", help="also print the out-of-fold dev report")
    parser.add_argument("--compare", action="store_true", help="also measure gradient boosting out of fold")
    parser.add_argument("--cache", type=Path, help="keep the collected feature rows in this pickle (for iterating)")
    parser.add_argument("--oof-questions", type=Path, help="also answer these (dev-article) questions out of fold")
    return parser


def _reports(args, engine, questions, data: Data, evalset) -> None:
    """What ``--compare``, ``--oof`` and ``--oof-questions`` ask for, printed."""
    from evals.oof import oof_report
    from evals.runner import load_questions

    if args.compare:
        for kind in ("lr", "gb"):
            p, answer_p, cuts, _ = out_of_fold(data, kind)
            print(f"{kind}: {json.dumps(decisions(data, p, answer_p, cuts))}")
    if args.oof:
        print(oof_report(engine, questions, data, evalset))
    if args.oof_questions:
        other = replace(evalset, name=f"{evalset.name}-{args.oof_questions.stem}", questions=args.oof_questions)
        print(oof_report(engine, load_questions(args.oof_questions), data, other))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from evals.runner import load_questions
    from evals.sets import temporary_store
    from qa.engine import Engine
    from qa.scorer import SCORER_PATH
    from store import embedder_info

    settings, embedder, evalset = prepared(args)
    questions = load_questions(evalset.questions)
    with temporary_store(evalset, settings, embedder) as local:
        engine = Engine(local, embedder=embedder)
        data = cached_collect(engine, questions, args.cache)
        content = scorer_data(data, embedder_info(settings).name, fingerprint(evalset.corpus, evalset.questions))
        out = args.out or SCORER_PATH
        out.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out}: out of fold {json.dumps(content['out_of_fold'])}", file=sys.stderr)
        _reports(args, engine, questions, data, evalset)
    return 0


if __name__ == "__main__":
    sys.exit(main())
