"""A follow-up read with the answer before it, whoever sends the history.

A follow-up ("Och när hålls den?") retrieves with the earlier question and the
names and figures of the last answer (``extractive.Query.parse``). The chat
passes the answers it showed; an API client may pass its questions only. Then
the engine answers the last earlier question again itself, extractively and
with the questions before it, so both get the same follow-up. A question that
is not a follow-up costs nothing extra, and at most ``history_questions``' three
earlier questions are answered again.

>>> query = parse_query(engine, "Och när hålls den?", ["Vilken konferens talar Stefan Singman på?"])  # doctest: +SKIP
>>> "Singman" in query.retrieval_text                                                               # doctest: +SKIP
True
"""

from __future__ import annotations

from collections.abc import Sequence

from qa import extractive
from qa.question import history_questions, previous_answer, validate
from qa.types import QuestionError


def parse_query(engine, text: str, history: Sequence, kind: str | None = None, within=None) -> extractive.Query:
    """``text`` parsed with its history; a follow-up without the last answer gets it from ``engine``."""
    earlier, given = history_questions(history, engine.settings.max_question_chars), previous_answer(history)
    query = extractive.Query.parse(text, earlier, given)
    if given or query.retrieval_text == query.focus:  # answered already, or not a follow-up
        return query
    return extractive.Query.parse(text, earlier, replayed(engine, earlier, kind, within))


def replayed(engine, earlier: list[str], kind: str | None = None, within=None) -> str:
    """The extractive answer to the last of ``earlier``, asked after the ones before it ("" for a question
    the engine would not take: too long, control characters)."""
    try:
        last = validate(earlier[-1], engine.settings)
    except QuestionError:
        return ""
    query = parse_query(engine, last, earlier[:-1], kind, within)
    retrieved, q_vec = engine.retrieve(query.retrieval_text, kind, within)
    return engine.extract(last, query, retrieved, q_vec, query.lang).answer
