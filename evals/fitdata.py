"""The dev set as training data for the sentence scorer: every question's candidates as feature rows.

A candidate is positive when it is the question's ``answer_sentence`` (or holds
all expected facts and comes from an expected article).

>>> is_positive("Det kostar 5 kronor.", "d1", answer_sentence="Det kostar 5 kronor.", facts=(), sources=("d1",))
True
>>> is_positive("Det kostar 5 kronor.", "d2", answer_sentence="", facts=("5 kronor",), sources=("d1",))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

SKIPPED = ("overview",)  # answered from headlines and ledes (qa/overview.py), not by the scorer


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def is_positive(sentence: str, doc_id: str, answer_sentence: str, facts, sources) -> bool:
    """Does this candidate answer the question (the labelled sentence, or all its facts from its article)?"""
    s, a = _norm(sentence), _norm(answer_sentence)
    if a and (s == a or a in s or (s in a and len(s) >= 0.5 * len(a))):
        return True
    return bool(facts) and doc_id in sources and all(re.search(f, sentence, re.I) for f in facts)


@dataclass
class Data:
    """Feature rows of every candidate of every question, and which question each row belongs to."""

    rows: np.ndarray
    labels: np.ndarray
    owner: np.ndarray  # row -> question index
    questions: list
    groups: list[str]
    extra: dict = field(default_factory=dict)


def collect(engine, questions, retriever: str = "hybrid") -> Data:
    """Retrieve for every question (overviews aside) and compute its candidates' features."""
    from qa import extractive
    from qa.question import history_questions

    rows, labels, owner, kept, groups = [], [], [], [], []
    for q in (q for q in questions if q.kind not in SKIPPED):
        query = extractive.Query.parse(
            q.question, history_questions(list(q.history), engine.settings.max_question_chars)
        )
        retrieved, q_vec = engine.retrieve(query.retrieval_text, retriever)
        found, feats = engine.candidate_rows(query, retrieved, q_vec)
        for cand, row in zip(found, feats):
            doc = cand.node.node.metadata.get("doc_id", "")
            rows.append(row)
            labels.append(
                q.answerable
                and is_positive(cand.sentence, doc, q.answer_sentence, q.expected_facts, q.expected_sources)
            )
            owner.append(len(kept))
        top = retrieved[0].node.metadata.get("doc_id", "") if retrieved else q.id
        groups.append(q.expected_sources[0] if q.expected_sources else top)
        kept.append(q)
    return Data(np.asarray(rows, float), np.asarray(labels, bool), np.asarray(owner), kept, groups)


def subset(data: Data, questions: np.ndarray) -> Data:
    keep = np.isin(data.owner, questions)
    remap = {int(q): i for i, q in enumerate(questions)}
    return Data(
        data.rows[keep],
        data.labels[keep],
        np.array([remap[int(o)] for o in data.owner[keep]]),
        [data.questions[i] for i in questions],
        [data.groups[i] for i in questions],
    )


def should_answer(data: Data) -> np.ndarray:
    return np.array([q.answerable for q in data.questions])


def cached_collect(engine, questions, cache: Path | None) -> Data:
    import pickle

    if cache and cache.exists():
        return Data(**pickle.loads(cache.read_bytes()))
    data = collect(engine, questions)
    if cache:  # a plain dict: `python -m evals.fit` defines Data in __main__
        cache.write_bytes(pickle.dumps(dict(vars(data))))
    return data
