"""What comes in with a question: the question checked, and the history read.

>>> validate("  Hur många kameror?  ", Settings())
'Hur många kameror?'
>>> validate("x" * 3000, Settings())
Traceback (most recent call last):
...
qa.types.QuestionError: Frågan är för lång: högst 2000 tecken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.messages import say
from qa.types import QuestionError
from settings import Settings
from textkit.text import detect_language

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"  # what a lone surrogate becomes: no tokenizer, page stream or UTF-8 file can carry one


def validate(question: object, settings: Settings, within=None) -> str:
    """The question, trimmed; raises ``QuestionError`` with a message in its language.

    ``within`` is the reader's choice of articles (None: all); an empty choice leaves nothing to answer from.

    >>> validate("Vem leder arbetet?", Settings(), within=set())
    Traceback (most recent call last):
    ...
    qa.types.QuestionError: Ingen inläst artikel stämmer med urvalet: välj andra artiklar eller datum.
    """
    text = question if isinstance(question, str) else ""
    lang = detect_language(text)
    if not text.strip():
        raise QuestionError(say("empty_question", lang))
    if len(text) > settings.max_question_chars:
        raise QuestionError(say("too_long", lang, limit=settings.max_question_chars))
    if CONTROL.search(text):
        raise QuestionError(say("control_chars", lang))
    if not text.isascii() and SURROGATE.search(text):  # browsers and JSON can carry them; tokenizers choke
        raise QuestionError(say("bad_encoding", lang))
    if within is not None and not within:
        raise QuestionError(say("no_selection", lang))
    return text.strip()


def history_questions(history: Sequence, max_chars: int) -> list[str]:
    """Earlier user questions, from plain strings, (user, bot) pairs or {"role", "content"} messages.

    The content is text: decoding a UI's message formats is the UI's job (ui/conversation.py).
    Each is read as far as a question may be long (``max_chars``), with control characters as
    spaces: one from a client that never went through ``validate`` (``python -m qa --history``)
    would otherwise cost seconds to embed, or break the tokenizer.

    >>> history_questions(["Vem?", ("Var?", "I Malmö. [1]"), {"role": "user", "content": "När?"}], 2000)
    ['Vem?', 'Var?', 'När?']
    >>> history_questions(["Hur m\\ud800nga\\x07?"], 2000)
    ['Hur m�nga ?']
    """
    found = []
    for turn in history or ():
        if isinstance(turn, str):
            found.append(turn)
        elif isinstance(turn, dict) and turn.get("role") == "user" and isinstance(turn.get("content"), str):
            found.append(turn["content"])
        elif isinstance(turn, (list, tuple)) and turn and isinstance(turn[0], str):
            found.append(turn[0])
    return [valid_text(CONTROL.sub(" ", q))[:max_chars] for q in found if q.strip()][-3:]


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced, so it can be embedded, sent to a page and written as UTF-8.

    >>> valid_text("Hur m\\ud800nga?")
    'Hur m�nga?'
    """
    return SURROGATE.sub(REPLACEMENT, text)


def previous_answer(history: Sequence) -> str:
    """The last answer of the conversation, if the history carries answers ((user, bot) pairs or chat messages).

    >>> previous_answer([("Vem?", "Anna Berg leder arbetet. [1]")]), previous_answer(["Vem?"])
    ('Anna Berg leder arbetet. [1]', '')
    """
    for turn in reversed(list(history or ())):
        if isinstance(turn, dict) and turn.get("role") == "assistant":
            return turn["content"] if isinstance(turn.get("content"), str) else ""
        if isinstance(turn, (list, tuple)) and len(turn) > 1 and isinstance(turn[1], str):
            return turn[1]
    return ""
