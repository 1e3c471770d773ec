"""Thumbs up/down on an answer, appended to ``DATA_DIR/feedback.jsonl``.

Everything in a line comes from the server's own record of the turn (the
exchange in the session state); the client only says which answer, up or
down, and an optional comment.

>>> ex = {"question": "Hur många?", "answer": "2500 kameror. [1]", "short": "2500", "lang": "sv",
...       "error": "", "pending": False, "within": None, "citations": [{"n": 1, "doc_id": "a", "chunk_id": "a#0",
...       "title": "T", "date": "2024-03-04", "source": "S", "text": "…", "quote": "2500 kameror."}]}
>>> line = feedback_line([ex], ex, liked=False, comment=" fel  år ", now="2026-01-01T00:00:00+00:00")
>>> line["verdict"], line["short_answer"], line["citations"][0]["doc_id"], line["comment"]
('down', '2500', 'a', 'fel år')
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

from qa.question import valid_text

COMMENT_CHARS = 1000  # a comment is a remark, not a document
# Lines one answer may write: a change of mind or two. The vote is an unqueued request a client can
# repeat at will, and each wrote a line (500 took 0.9 MB in 1.3 s), to a file that is never cut.
VERDICTS_PER_ANSWER = 3
SAVED = "Tack, omdömet är sparat. / Thanks, your feedback is saved."
CITED_FIELDS = ("n", "doc_id", "chunk_id", "title", "date", "source", "quote")
_WRITE = threading.Lock()  # chat workers share the file; one line at a time
_RATED = threading.Lock()  # votes on one answer sent at once are counted one at a time


def feedback_line(exchanges: list, ex: dict, liked: bool, comment: str, now: str | None = None) -> dict:
    """The JSON line for a verdict on ``ex`` (one of ``exchanges``)."""
    earlier = exchanges[: next(i for i, e in enumerate(exchanges) if e is ex)]
    return {
        "time": now or datetime.now(UTC).isoformat(timespec="seconds"),
        "verdict": "up" if liked else "down",
        "question": ex["question"],
        "history": [e["question"] for e in earlier if e["question"].strip() and not e["error"]],
        "answer": ex["answer"],
        "short_answer": ex.get("short", ""),
        "citations": [{k: c.get(k, "") for k in CITED_FIELDS} for c in ex.get("citations", ())],
        "lang": ex.get("lang", "sv"),
        "within": ex.get("within"),
        "comment": valid_text(" ".join(str(comment or "").split())[:COMMENT_CHARS]),
    }


def append(path: Path, line: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with _WRITE, path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def record(settings, exchanges: list, message_index, liked, comment: str) -> str:
    """Write the verdict on chat message ``message_index``; a short acknowledgement for the page."""
    from ui.conversation import exchange_at
    from ui.texts import both

    if not isinstance(message_index, int) or isinstance(liked, str) or liked is None:
        return ""  # an undone vote, or not a message of this chat
    ex = exchange_at(exchanges, message_index)
    if ex is None or ex["pending"] or ex["error"]:
        return ""
    line = feedback_line(exchanges, ex, bool(liked), comment)
    verdict, rated = (line["verdict"], line["comment"]), ex.setdefault("rated", [])  # kept in the session's state
    with _RATED:
        if rated[-1:] == [verdict]:
            return SAVED  # the same vote again: it is saved already
        if len(rated) >= VERDICTS_PER_ANSWER:
            return both("rated_enough", count=VERDICTS_PER_ANSWER)
        rated.append(verdict)
    append(settings.data_dir / "feedback.jsonl", line)
    return SAVED
