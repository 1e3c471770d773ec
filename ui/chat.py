"""The chat handler: plain Python, called by the page and directly by the tests.

``respond`` streams one answer and keeps the conversation on the server; the
chat and the sources panel are rendered from that record, never from what a
client sends.
"""

from __future__ import annotations

import logging

log = logging.getLogger("app")
SOURCES_PLACEHOLDER = "Källor visas här / Sources appear here"


def respond(engine, settings, question: str, exchanges: list, within=None):
    """Stream one answer. Yields ``(chat messages, sources HTML, exchanges, textbox update)``.

    ``exchanges`` is the session's conversation, kept on the server (a ``gr.State``):
    the chat is rendered from it here, and at most ``settings.max_turns`` are kept.
    ``within`` (doc_ids, or None for all articles) limits the citations to those articles.
    The textbox is emptied once, when the question is taken; later yields leave it alone
    (``gr.skip()``), so a next question typed while this answer streams is kept.
    """
    import gradio as gr

    from qa.types import Answer
    from textkit.text import detect_language
    from ui.conversation import chat_messages, echoed, exchange, history, kept, settle
    from ui.texts import text

    question = question if isinstance(question, str) else ""
    earlier = kept(exchanges, settings.max_turns - 1)
    current = exchange(echoed(question, settings.max_question_chars), pending=True)
    current["within"] = sorted(within) if within is not None else None
    shown = panel(earlier)  # rendered once: the earlier turns' sources do not change while this one streams
    yield chat_messages([*earlier, current]), shown, earlier, ""
    final = None
    try:
        for part in engine.answer_stream(question, history(earlier), within=within):
            if isinstance(part, Answer):
                final = part
            else:
                current["answer"] += part
                yield chat_messages([*earlier, current]), shown, earlier, gr.skip()
        if final is None:
            raise RuntimeError("answer_stream ended without an Answer")
    except Exception:  # a bug must not show a traceback; the console gets it
        log.exception("answering %r failed", question[:200])
        lang = detect_language(question)
        final = Answer(question=question, answer="", refused=True, lang=lang, error=text("failed", lang))
    exchanges = [*earlier, settle(current, final)]
    yield chat_messages(exchanges), panel(exchanges), exchanges, gr.skip()


def panel(exchanges) -> str:
    """The sources panel for the conversation: every turn's sources, the newest shown."""
    from ui.conversation import source_blocks
    from ui.render import sources_panel

    blocks = source_blocks(exchanges)
    return sources_panel(blocks, SOURCES_PLACEHOLDER) if blocks or not exchanges else ""
