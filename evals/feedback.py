"""``python -m evals --from-feedback FILE``: thumbs-down answers as candidate eval questions.

Each 👎 line of ``DATA_DIR/feedback.jsonl`` becomes one line in the questions
format (evals/README.md, "Add questions"), marked ``"review": true`` with an id
starting ``review-``: a person fills in ``expected_facts`` and
``expected_sources`` (or sets ``answerable`` false) before it joins a set. What
was answered, cited and commented is kept under ``"feedback"`` to help.

>>> down = {"verdict": "down", "question": "Hur många?", "lang": "sv", "history": [], "answer": "Fel. [1]",
...         "short_answer": "", "citations": [{"doc_id": "a", "quote": "Fel."}], "comment": "", "time": "t"}
>>> line = candidate(down)
>>> line["id"].startswith("review-"), line["review"], line["expected_sources"], line["feedback"]["cited"]
(True, True, [], ['a'])
>>> [candidate(dict(down, verdict="up"))]
[None]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ID_PREFIX = "review-"


def candidate(entry: dict) -> dict | None:
    """The candidate question for one feedback entry; None unless it is a thumbs-down."""
    if not isinstance(entry, dict) or entry.get("verdict") != "down" or not str(entry.get("question", "")).strip():
        return None
    question = str(entry["question"])
    history = [str(q) for q in entry.get("history") or [] if isinstance(q, str)]
    digest = hashlib.sha256(json.dumps([question, history, entry.get("time", "")]).encode()).hexdigest()[:10]
    cited = list(dict.fromkeys(c.get("doc_id", "") for c in entry.get("citations") or [] if isinstance(c, dict)))
    return {
        "id": f"{ID_PREFIX}{digest}",
        "question": question,
        "lang": "en" if entry.get("lang") == "en" else "sv",
        "answerable": True,
        "expected_facts": [],
        "expected_sources": [],
        "history": history,
        "review": True,
        "feedback": {
            "answer": entry.get("answer", ""),
            "short_answer": entry.get("short_answer", ""),
            "cited": cited,
            "comment": entry.get("comment", ""),
            "time": entry.get("time", ""),
        },
    }


def candidates(path: Path) -> tuple[list[dict], list[str]]:
    """The candidates of a feedback file, and a one-line warning per unreadable line."""
    from evals.runner import EvalError

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    found, warnings, seen = [], [], set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            made = candidate(json.loads(line))
        except json.JSONDecodeError as exc:
            warnings.append(f"{path}:{number}: not valid JSON ({exc.msg}); skipped")
            continue
        if made and made["id"] not in seen:
            seen.add(made["id"])
            found.append(made)
    return found, warnings


def main(path: Path, out: Path | None) -> int:
    from evals.runner import EvalError

    try:
        found, warnings = candidates(path)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in found)
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(found)} candidate question(s) marked for review", file=sys.stderr)
    return 0
