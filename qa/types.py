"""What ``answer()`` returns: the text with ``[n]`` markers and its sources.

>>> a = Answer(question="Hur många?", answer="Målet är 2500 kameror. [1]")
>>> a.to_dict()["refused"]
False
>>> CITATION_MARKER.findall(a.answer), QUOTE_JOIN.join(["Ett.", "Två."])
(['1'], 'Ett. … Två.')
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

# The answer's format, shared by the engine, the verifier, the UI and the evals:
# "[n]" after a sentence names its source, and several sentences quoted from one
# passage are joined into one quote.
CITATION_MARKER = re.compile(r"\[(\d+)\]")
QUOTE_JOIN = " … "


@dataclass
class Citation:
    n: int
    doc_id: str
    chunk_id: str
    title: str
    date: str
    source: str
    text: str  # the whole passage
    quote: str = ""  # the sentence(s) quoted from it; empty for related reading


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool = False
    short_answer: str = ""  # for number/date/name/place questions: the exact span of the first quote
    mode: str = "extractive"  # or "llm"
    lang: str = "sv"
    citations: list[Citation] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)
    retrieved: list[dict] = field(default_factory=list)  # ranked {"doc_id", "chunk_id", "score"}
    latency_ms: float = 0.0
    error: str = ""  # a user-facing one-line message when the question could not be handled
    notice: str = ""  # a user-facing remark on an answer that was given (LLM fell back, sentences dropped)

    def to_dict(self) -> dict:
        return asdict(self)


class QuestionError(ValueError):
    """A question that cannot be asked as it is; the message is for the user."""
