"""Load an eval set, ask the engine every question and grade each answer.

One ``Engine`` serves the whole run (and every retriever of a comparison).
Each result is a plain dict, written as one JSON line.

>>> q = parse_question('{"id": "q1", "question": "Hur många?", "lang": "sv", "answerable": true}', 1)
>>> q.id, q.answerable, q.expected_facts, q.history
('q1', True, (), ())
>>> grade(q, {"answer": "Det framgår inte av artiklarna.", "refused": True, "citations": []}, {})
(['false refusal'], None)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from evals.metrics import citation_problems, missing_facts
from settings import RETRIEVERS  # noqa: F401  (re-exported: evals.report and evals.__main__ import it here)

EVALS_DIR = Path(__file__).resolve().parent
DEFAULT_QUESTIONS = EVALS_DIR / "questions.jsonl"
OUT_DIR = EVALS_DIR / "out"
REQUIRED = {"id": str, "question": str, "lang": str, "answerable": bool}
OPTIONAL_LISTS = ("expected_facts", "expected_sources", "history")
# Optional strings: what kind of question it is, and (for fitting and for the paraphrase report)
# the article sentence that answers it and the exact short answer inside that sentence.
OPTIONAL_TEXT = ("category", "answer_type", "answer_sentence", "short_answer")
CATEGORIES = ("fact", "overview", "conflict", "follow_up", "injection", "near_miss", "unanswerable")


class EvalError(Exception):
    """A problem with the eval's input or store, in one line for the operator."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    lang: str
    answerable: bool
    expected_facts: tuple[str, ...] = ()
    expected_sources: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    category: str = ""
    answer_type: str = ""
    answer_sentence: str = ""
    short_answer: str = ""

    @property
    def kind(self) -> str:
        """The category, or one read off the question when the file gives none.

        >>> Question("q", "Och när?", "sv", True, history=("Vem?",)).kind, Question("u", "?", "en", False).kind
        ('follow_up', 'unanswerable')
        """
        if self.category:
            return self.category
        return "follow_up" if self.history else ("fact" if self.answerable else "unanswerable")


def parse_question(line: str, lineno: int) -> Question:
    """One line of a questions file; raises ``EvalError`` naming the line.

    >>> parse_question('{"id": "x", "question": "?", "lang": "sv"}', 7)
    Traceback (most recent call last):
    ...
    evals.runner.EvalError: line 7: missing field 'answerable'
    """
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"line {lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise EvalError(f"line {lineno}: expected a JSON object, got {type(data).__name__}")
    for name, kind in REQUIRED.items():
        if name not in data:
            raise EvalError(f"line {lineno}: missing field {name!r}")
        if not isinstance(data[name], kind):
            raise EvalError(f"line {lineno}: field {name!r} must be a {kind.__name__}")
    lists = {name: _string_list(data, name, lineno) for name in OPTIONAL_LISTS}
    texts = {name: _text(data, name, lineno) for name in OPTIONAL_TEXT}
    if texts["category"] and texts["category"] not in CATEGORIES:
        raise EvalError(f"line {lineno}: category {texts['category']!r} is not one of {', '.join(CATEGORIES)}")
    for pattern in lists["expected_facts"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise EvalError(f"line {lineno}: expected fact {pattern!r} is not a valid regex ({exc})") from None
    return Question(**{name: data[name] for name in REQUIRED}, **lists, **texts)


def _text(data: Mapping, name: str, lineno: int) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise EvalError(f"line {lineno}: field {name!r} must be a string")
    return value


def _string_list(data: Mapping, name: str, lineno: int) -> tuple[str, ...]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EvalError(f"line {lineno}: field {name!r} must be a list of strings")
    return tuple(value)


def load_questions(path: Path) -> list[Question]:
    """Every question of a JSON-lines file (blank lines skipped); ``EvalError`` on any bad line.

    >>> load_questions(Path("no/such/file.jsonl"))
    Traceback (most recent call last):
    ...
    evals.runner.EvalError: cannot read no/such/file.jsonl: No such file or directory
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise EvalError(f"cannot read {path}: {reason}") from None
    questions = [parse_question(line, n) for n, line in enumerate(lines, 1) if line.strip()]
    ids = [q.id for q in questions]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise EvalError(f"{path}: duplicate question ids: {', '.join(duplicated)}")
    if not questions:
        raise EvalError(f"{path}: no questions")
    return questions


def grade(question: Question, answer: Mapping, stored: Mapping[str, str]) -> tuple[list[str], bool | None]:
    """(failures, citations_valid) of one answer; ``citations_valid`` is None for a refusal.

    >>> q = Question("q", "Vem?", "sv", answerable=False)
    >>> grade(q, {"answer": "Anna. [1]", "refused": False, "citations": []}, {})
    (['should have refused', 'invalid citation [1]: no citation has that number'], False)
    """
    refused = answer["refused"]
    extractive = answer.get("mode", "extractive") != "llm"  # an LLM writes its own words
    problems = (
        [] if refused else citation_problems(answer["answer"], answer["citations"], stored, extractive=extractive)
    )
    failures = [f"engine error: {answer['error']}"] if answer.get("error") else []
    if question.answerable and refused:
        failures.append("false refusal")
    elif question.answerable:
        failures += [f"missing fact: {fact}" for fact in missing_facts(answer["answer"], question.expected_facts)]
    elif not refused:
        failures.append("should have refused")
    return failures + problems, (None if refused else not problems)


def to_record(question: Question, answer: Mapping, stored: Mapping[str, str], retriever: str) -> dict:
    """The JSON line of one question: the question, the answer, and its grade."""
    failures, citations_valid = grade(question, answer, stored)
    return {
        "id": question.id,
        "question": question.question,
        "lang": question.lang,
        "retriever": retriever,
        "category": question.kind,
        "answer_type": question.answer_type,
        "short_answer": question.short_answer,
        "answerable": question.answerable,
        "expected_facts": list(question.expected_facts),
        "expected_sources": list(question.expected_sources),
        "history": list(question.history),
        "answer": answer["answer"],
        "refused": answer["refused"],
        "mode": answer.get("mode", ""),
        "given_short_answer": answer.get("short_answer", ""),
        "error": answer.get("error", ""),
        "citations": answer["citations"],
        "retrieved": answer["retrieved"],
        "latency_ms": answer["latency_ms"],
        "passed": not failures,
        "failures": failures,
        "citations_valid": citations_valid,
    }


def warm_up(engine, retriever: str) -> None:
    """Open the store, load the model and build the retriever, so no question pays for it."""
    from store import StoreError

    try:
        if engine.collection().count() == 0:
            raise EvalError("the store is empty: run `python -m ingest` first")
        engine.retriever(retriever)
    except StoreError as exc:
        raise EvalError(str(exc)) from None
    engine.embedder.get_query_embedding("warm-up")


def chat_history(engine, question: Question, retriever: str = "hybrid") -> list[tuple[str, str]]:
    """The history as the chat holds it: each earlier question with the answer the engine gave it.

    A follow-up in the chat carries the previous answer, whose specifics join the retrieval text
    (``qa.extractive.Query.parse``), so the eval asks it the same way, not with bare questions.
    """
    turns: list[tuple[str, str]] = []
    for earlier in question.history:
        turns.append((earlier, engine.answer(earlier, list(turns), retriever=retriever).answer))
    return turns


def ask(engine, question: Question, retriever: str) -> dict:
    """The engine's answer as a dict; an unexpected exception becomes an error answer."""
    try:
        return engine.answer(
            question.question, chat_history(engine, question, retriever), retriever=retriever
        ).to_dict()
    except Exception as exc:  # one broken question must not hide the rest of the report
        error = f"{type(exc).__name__}: {exc}"
        return {"answer": "", "refused": True, "error": error, "citations": [], "retrieved": [], "latency_ms": 0.0}


def stored_passages(engine, answers: Sequence[Mapping]) -> dict[str, str]:
    """chunk_id -> passage text, read back from the store, of every cited passage."""
    from store.passages import passage_texts

    return passage_texts(engine.collection(), (c["chunk_id"] for a in answers for c in a["citations"]))


def run_eval(questions: Sequence[Question], engine, retriever: str = "hybrid") -> list[dict]:
    """Answer and grade every question with one retriever.

    >>> records = run_eval(load_questions(DEFAULT_QUESTIONS), Engine(Settings()))   # doctest: +SKIP
    >>> records[0]["id"], records[0]["passed"]                                        # doctest: +SKIP
    ('sv-01', True)
    """
    warm_up(engine, retriever)
    answers = [ask(engine, q, retriever) for q in questions]
    stored = stored_passages(engine, answers)
    return [to_record(q, a, stored, retriever) for q, a in zip(questions, answers)]


def run_all(
    questions: Sequence[Question],
    engine,
    retriever: str,
    compare: bool,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, list[dict]]:
    """Results per retriever: ``retriever`` first, then (with ``compare``) the others.

    >>> runs = run_all(questions, engine, "hybrid", compare=True)   # doctest: +SKIP
    >>> list(runs)                                                  # doctest: +SKIP
    ['hybrid', 'dense', 'bm25']
    """
    order = [retriever] + ([r for r in RETRIEVERS if r != retriever] if compare else [])
    runs = {}
    for kind in order:
        progress(f"evals: {len(questions)} questions, {kind} retriever")
        runs[kind] = run_eval(questions, engine, kind)
    return runs


def write_results(records: Sequence[Mapping], path: Path) -> None:
    """One JSON line per result (UTF-8, Swedish letters kept as they are)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def retrieval_text(question: Question, max_chars: int) -> str:
    """What the engine retrieves with for an eval question (a follow-up borrows its history)."""
    from qa.extractive import Query
    from qa.question import history_questions

    return Query.parse(question.question, history_questions(list(question.history), max_chars)).retrieval_text


def retrieval_records(engine, questions: Sequence[Question], retriever: str) -> list[dict]:
    """Only what is retrieved for each answerable question (no answer): enough for hit@k and MRR."""
    records = []
    for q in (q for q in questions if q.answerable and q.expected_sources):
        retrieved, _ = engine.retrieve(retrieval_text(q, engine.settings.max_question_chars), retriever)
        records.append(
            {
                "lang": q.lang,
                "answerable": True,
                "refused": True,
                "expected_sources": list(q.expected_sources),
                "retrieved": [{"doc_id": r.node.metadata.get("doc_id", "")} for r in retrieved],
                "latency_ms": 0.0,
                "passed": False,
                "expected_facts": [],
                "citations": [],
            }
        )
    return records
