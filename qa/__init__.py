"""The answer engine: retrieval plus cited, extractive (or verified LLM) answers."""

from qa.engine import Engine, answer
from qa.types import Answer, Citation, QuestionError

__all__ = ["Engine", "answer", "Answer", "Citation", "QuestionError"]
