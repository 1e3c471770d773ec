"""Run the chat handler the way the page does, and read what it shows."""
from __future__ import annotations


def run_chat(engine, question: str, shown=(), turns=()) -> list[tuple]:
    """Every yield of ``app.respond`` for one question: (shown, sources, turns, textbox)."""
    from app import respond

    return [tuple(step) for step in respond(engine, question, list(shown), list(turns))]


def last_bubble(steps: list[tuple]) -> str:
    return steps[-1][0][-1]["content"]
