"""Run the chat handler the way the page does, and read what it shows."""

from __future__ import annotations


def run_chat(engine, question: str, exchanges=(), settings=None) -> list[tuple]:
    """Every yield of ``app.respond`` for one question: (shown, sources, turns, textbox, exchanges).

    ``exchanges`` is the server-side conversation the page keeps in a ``gr.State``;
    ``turns`` is the history the engine gets from it.
    """
    from app import respond
    from ui.conversation import history

    steps = respond(engine, settings or engine.settings, question, list(exchanges))
    return [(shown, sources, history(kept), box, kept) for shown, sources, kept, box in steps]


def last_bubble(steps: list[tuple]) -> str:
    return steps[-1][0][-1]["content"]
