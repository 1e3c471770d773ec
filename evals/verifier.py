"""``python -m evals.verifier [--set FILE]``: how well ``qa.verify`` tells supported sentences from made-up ones.

Each line of the set (evals/verifier_set.jsonl) is a sentence, the passage it
cites (whole paragraphs copied from a dev-corpus article) and whether the
passage supports it. Faithful paraphrases should be kept; invented claims,
swapped names or places, opposite directions, negations, changed numbers or
dates and facts cited to the wrong passage should be removed. Ids end in the
half they belong to, and the halves are scored apart:

- ``-dev``: what ``qa/verify.py``'s rules were first tuned on;
- ``-test``: held out at first, but its misses have been read since;
- ``-holdout``: 200 sentences about 20 other articles, by a separate session that did
  not read ``qa/``; read since, like ``-test``;
- ``-holdout2``: 220 sentences about the 9 articles left, written the same way but with
  freer paraphrases (a quarter near-verbatim); read since;
- ``-holdout3``: 220 sentences about 10 of the ``-dev``/``-test`` articles, new passages
  and sentences, same instructions as ``-holdout2``. Only scored, after the rules were
  fixed, and never read row by row (but printed beside the others while rules were changed).
- ``-holdout4``: 200 sentences about 10 dev articles, by a session that read neither ``qa/``,
  ``textkit/`` nor this set, written after the rules of 2026-11-30; never read: the out-of-sample figure.

>>> rows = [{"id": "a-dev", "kind": "faithful", "sentence": "Målet är 2500 kameror.",
...          "passage": "Målet är 2500 kameror nationellt.", "supported": True},
...         {"id": "b-dev", "kind": "negation", "sentence": "Målet är inte 2500 kameror.",
...          "passage": "Målet är 2500 kameror nationellt.", "supported": False}]
>>> scores(rows)["dev"]
{'faithful kept': 1.0, 'made-up removed': 1.0, 'negation': 1.0}
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

DEFAULT_SET = Path(__file__).with_name("verifier_set.jsonl")
KINDS = ("invented", "swapped", "opposite", "negation", "changed_number", "wrong_passage")
GOALS = {"made-up removed": 0.95, "each kind": 0.90, "faithful kept": 0.80}


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


HALVES = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4")


def half(row: Mapping) -> str:
    name = row["id"].rsplit("-", 1)[-1]
    return name if name in HALVES else "all"


def scores(rows: Sequence[Mapping]) -> dict[str, dict[str, float]]:
    """Per half ("dev", "test", "all"): share of faithful kept, of made-up removed, and per kind removed."""
    from qa.verify import supported

    judged = [(row, supported(row["sentence"], row["passage"])) for row in rows]
    result = {}
    for name in dict.fromkeys([half(r) for r in rows] + ["all"]):
        part = [(r, kept) for r, kept in judged if name == "all" or half(r) == name]
        faithful = [kept for r, kept in part if r["supported"]]
        made_up = [not kept for r, kept in part if not r["supported"]]
        table = {"faithful kept": _share(faithful), "made-up removed": _share(made_up)}
        for kind in KINDS:
            removed = [not kept for r, kept in part if r["kind"] == kind]
            if removed:
                table[kind] = _share(removed)
        result[name] = table
    return result


def _share(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 3) if flags else float("nan")


def render(result: Mapping[str, Mapping[str, float]], counts: Mapping[str, Mapping[str, int]]) -> str:
    halves = list(result)
    lines = [f"{'':22}" + "".join(f"{h:>14}" for h in halves)]
    for metric in result["all"]:
        cells = "".join(f"{result[h].get(metric, float('nan')):>8.3f} ({counts[h].get(metric, 0):>3})" for h in halves)
        lines.append(f"{metric:22}{cells}")
    return "\n".join(lines)


def counts_of(rows: Sequence[Mapping]) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for name in dict.fromkeys([half(r) for r in rows] + ["all"]):
        part = [r for r in rows if name == "all" or half(r) == name]
        found[name] = {
            "faithful kept": sum(r["supported"] for r in part),
            "made-up removed": sum(not r["supported"] for r in part),
        }
        found[name] |= {k: sum(r["kind"] == k for r in part) for k in KINDS}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.verifier", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help=f"the set (default {DEFAULT_SET.name})")
    args = parser.parse_args(argv)
    try:
        rows = load_set(args.set)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"error: cannot read {args.set}: {exc}", file=sys.stderr)
        return 2
    print(render(scores(rows), counts_of(rows)))
    print("goals: made-up removed >= 0.95 (each kind >= 0.90), faithful kept >= 0.80")
    return 0


if __name__ == "__main__":
    sys.exit(main())
