"""``python -m qa "question" [--json] [--retriever dense|bm25|hybrid] [--history Q ...]``.

The retriever kinds are ``settings.RETRIEVERS``.
"""

from __future__ import annotations

import argparse
import json
import sys


def render(answer) -> str:
    """The answer and its numbered sources, as plain text for a terminal: each line escaped, so a
    title or file name cannot move the cursor, ring the bell or start a line of its own."""
    from textkit.text import escaped_line

    if answer.error:
        return escaped_line(answer.error)
    lines = answer.answer.splitlines() or [""]  # an overview lists one article a line
    if answer.notice:
        lines.append(f"({answer.notice})")
    sources = answer.citations or answer.related
    if sources:
        from qa.messages import say

        lines.append("")
        lines.append(say("sources" if answer.citations else "related", answer.lang))
    for c in sources:
        outlet = f"{c.source}, " if c.source else ""
        lines.append(f"[{c.n}] {c.title} ({outlet}{c.date}) {c.doc_id}")
        lines.append(f"    {' '.join((c.quote or c.text).split())[:400]}")
    return "\n".join(escaped_line(line) for line in lines)


def main(argv: list[str] | None = None) -> int:
    from settings import RETRIEVERS, Settings, configure_process

    configure_process()
    parser = argparse.ArgumentParser(prog="python -m qa", description="Ask the articles a question.")
    parser.add_argument("question")
    parser.add_argument("--json", action="store_true", help="print the Answer as one JSON object")
    parser.add_argument("--retriever", choices=RETRIEVERS, default=None)
    parser.add_argument("--history", nargs="*", default=[], help="earlier questions of the conversation")
    args = parser.parse_args(argv)
    from qa.engine import Engine

    answer = Engine(Settings.from_environment()).answer(args.question, args.history, retriever=args.retriever)
    if args.json:  # one JSON object on stdout, error or not: a script reads its "error" field
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:  # an error goes where a shell shows it even when the answers are redirected to a file
        print(render(answer), file=sys.stderr if answer.error else sys.stdout)
    return 1 if answer.error else 0


if __name__ == "__main__":
    sys.exit(main())
