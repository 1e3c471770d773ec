"""``python -m evals.paraphrase [FILE]``: how much a question set echoes its answer sentences.

For each answerable question with an ``answer_sentence``, the share of the
question's content words (stopwords dropped, compared by Swedish stem) that
also occur in that sentence. Questions copied from the article score near 1;
readers' own words score low. The dev set must keep the median at most 0.35
with at least a quarter of its questions sharing at most one content word.

>>> overlap("Hur många kameror ska polisen ha?", "Polisen vill ha 2500 kameror.")
(1.0, 2)
>>> overlap("Vad kom politikerna fram till?", "Fullmäktige beslutade att bygga en simhall.")
(0.0, 0)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MAX_MEDIAN = 0.35
MIN_SHARE_AT_MOST_ONE = 0.25


def _stems(text: str) -> set[str]:
    from textkit.text import content_words, stem

    return {stem(w) for w in content_words(text)}


def overlap(question: str, sentence: str) -> tuple[float, int]:
    """(share of the question's content stems found in ``sentence``, how many were found)."""
    asked = _stems(question)
    shared = asked & _stems(sentence)
    return (len(shared) / len(asked) if asked else 0.0), len(shared)


@dataclass
class Distribution:
    shares: list[float]
    counts: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.shares) if self.shares else 0.0

    @property
    def at_most_one(self) -> float:
        return sum(n <= 1 for n in self.counts) / len(self.counts) if self.counts else 0.0

    def histogram(self, bins: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)) -> list[tuple[str, int]]:
        """Questions per share band, e.g. ``[("0.0-0.2", 120), ...]`` (the last band includes 1.0)."""
        rows = []
        for low, high in zip(bins, bins[1:]):
            last = high == bins[-1]
            rows.append((f"{low:.1f}-{high:.1f}", sum(low <= s < high or (last and s == high) for s in self.shares)))
        return rows


def distribution(questions) -> Distribution:
    """The overlap of every answerable question that names its answer sentence."""
    pairs = [overlap(q.question, q.answer_sentence) for q in questions if q.answerable and q.answer_sentence]
    return Distribution([p[0] for p in pairs], [p[1] for p in pairs])


def main(argv: list[str] | None = None) -> int:
    from evals.runner import EvalError, load_questions
    from evals.sets import DEV_DIR

    parser = argparse.ArgumentParser(prog="python -m evals.paraphrase", description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", nargs="?", type=Path, default=DEV_DIR / "questions.jsonl")
    args = parser.parse_args(argv)
    try:
        found = distribution(load_questions(args.questions))
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{len(found.shares)} answerable questions with an answer sentence")
    print(f"median share of content words in the answer sentence: {found.median:.3f} (at most {MAX_MEDIAN})")
    print(f"questions sharing at most one content word: {found.at_most_one:.3f} (at least {MIN_SHARE_AT_MOST_ONE})")
    for band, count in found.histogram():
        print(f"  {band}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
