"""The conversation the server keeps per session, and the chat rendered from it.

A browser (or any client) sends only the question; the exchanges live in a
server-side ``gr.State`` and the Chatbot value is always built here, escaped,
so nothing a client sends can become a chat message of its own making.

>>> ex = [exchange("Hur många?", "2500 [1]"), exchange("", error="Skriv en fråga.")]
>>> [m["content"] for m in chat_messages(ex)]
['Hur många?', '2500 \\\\[1\\\\]', '⚠️ Skriv en fråga\\\\.']
>>> history(ex)
[{'role': 'user', 'content': 'Hur många?'}, {'role': 'assistant', 'content': '2500 [1]'}]
>>> len(kept([exchange(str(i), "a") for i in range(5)], room=2))
2
>>> echoed("x" * 5000, limit=2000) == "x" * ECHO_CHARS + "…"
True
>>> echoed("Hur m\\ud800nga?", limit=2000)
'Hur m�nga?'
>>> exchange_at(ex, 2)["error"], exchange_at(ex, 0)
('Skriv en fråga.', None)
"""

from __future__ import annotations

from dataclasses import asdict

from qa.question import valid_text
from qa.types import Citation
from ui.render import chat_markdown, reply_markdown, sources_block

ECHO_CHARS = 200  # a question refused as too long is shown only this far
PENDING = "…"


def exchange(question: str, answer: str = "", error: str = "", notice: str = "", pending: bool = False) -> dict:
    """One question and its reply, as raw text (escaped only when rendered)."""
    return {
        "question": question,
        "answer": answer,
        "error": error,
        "notice": notice,
        "pending": pending,
        "short": "",
        "lang": "sv",
        "citations": [],
        "related": [],
        "within": None,
    }


def settle(current: dict, final) -> dict:
    """The exchange once its ``Answer`` is in: the server's own record of what was shown."""
    current.update(
        answer=final.answer,
        error=final.error,
        notice=final.notice,
        pending=False,
        lang=final.lang,
        short="" if final.refused else getattr(final, "short_answer", "") or "",
        citations=[asdict(c) for c in final.citations],
        related=[asdict(c) for c in final.related],
    )
    return current


def echoed(question: str, limit: int) -> str:
    """The question as the chat keeps it: whole, or only its start when it is over ``limit``."""
    return valid_text(question if len(question) <= limit else question[:ECHO_CHARS] + "…")


def kept(exchanges, room: int) -> list[dict]:
    """The newest ``room`` exchanges (the oldest are dropped)."""
    return list(exchanges or [])[-room:] if room > 0 else []


def chat_messages(exchanges) -> list[dict]:
    """The Chatbot value: escaped Markdown bubbles, a user bubble only for a non-blank question."""
    messages = []
    for turn, ex in enumerate(exchanges):
        if ex["question"].strip():
            messages.append({"role": "user", "content": chat_markdown(ex["question"])})
        if ex["pending"] and not ex["answer"]:
            reply = PENDING
        else:
            numbers = {c["n"] for c in ex.get("citations", ())}
            reply = reply_markdown(ex["answer"], ex["error"], ex["notice"], ex.get("short", ""), turn, numbers)
        messages.append({"role": "assistant", "content": reply})
    return messages


def exchange_at(exchanges, message_index: int) -> dict | None:
    """The exchange whose reply is chat message ``message_index`` (None for a question bubble)."""
    index = 0
    for ex in exchanges or ():
        index += 1 if ex["question"].strip() else 0
        if index == message_index:
            return ex
        index += 1
    return None


def source_blocks(exchanges) -> list[str]:
    """The sources of every kept turn, the newest one shown (the panel's content)."""
    last = len(exchanges) - 1
    return [
        sources_block(
            ex["lang"],
            [Citation(**c) for c in ex["citations"]],
            [Citation(**c) for c in ex["related"]],
            turn,
            turn == last,
        )
        for turn, ex in enumerate(exchanges)
        if not ex["error"] and not ex["pending"]
    ]


def history(exchanges) -> list[dict]:
    """What the engine gets as earlier turns: answered exchanges only, raw text."""
    turns = []
    for ex in exchanges:
        if not ex["error"] and not ex["pending"]:
            turns += [{"role": "user", "content": ex["question"]}, {"role": "assistant", "content": ex["answer"]}]
    return turns
