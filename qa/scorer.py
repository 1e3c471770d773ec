"""Score candidate sentences with a model fitted on the dev set (``qa/scorer.json``).

Each (question, candidate sentence) pair becomes a row of ``FEATURES``: embedding
similarity, term overlap with the sentence, its neighbours, its passage and its
article's title, whether the question's specifics (names, numbers, years) occur
there, fit to the question type, position and retrieval rank. ``Scorer`` turns a
row into the probability that the sentence answers the question, and a second
model over the best candidates (``ANSWER_FEATURES``) into the probability that
the articles answer it at all; both are standardised logistic regressions whose
numbers ``python -m evals.fit`` writes. Nothing here is set by hand.

>>> m = Linear.from_dict({"mean": [0.0, 0.0], "scale": [1.0, 1.0], "coef": [2.0, 1.0], "intercept": -1.0})
>>> [round(float(p), 3) for p in m.probabilities(np.array([[0.5, 0.0], [1.0, 1.0]]))]
[0.5, 0.881]
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from textkit.text import ANSWER_SHAPES, REQUIRED_SHAPES, TOKEN, fold, has_answer_shape, stem

SCORER_PATH = Path(__file__).resolve().parent / "scorer.json"
# Words that give a reason or a yes/no: language rules, not corpus words.
REASON_ASKED = re.compile(r"\b(varför|vad beror|orsak\w*|anledning\w*|why|what caused|reason)\b", re.I)
REASON_GIVEN = re.compile(
    r"\b(eftersom|därför|på grund av|beror på|för att|orsak\w*|anledning\w*|because|due to)\b", re.I
)
QUOTE_SENTENCE = re.compile(r"^\s*[–—-]|\bsäger\b|\bsa\b|\benligt\b", re.I)
CUE_FLAGS = ("number", "time", "person", "place")
# The thesaurus's synonyms (textkit/synonyms.py) count in the rules' term overlap, not in this model's:
# with them its out-of-fold balanced accuracy fell from 0.782 to 0.767 (0.776 in the sentence's overlap
# alone) and its false refusal rose from 0.138 to 0.169 (2026-12-01).
SYNONYMS = False
FEATURES = (
    "sim",
    "sim_gap",
    "sim_top",
    "passage_sim",
    "overlap",
    "overlap_gap",
    "neighbour_overlap",
    "passage_overlap",
    "title_overlap",
    "doc_overlap",
    "spec_none",
    "spec_sentence",
    "spec_passage",
    "spec_doc",
    "spec_nowhere",
    "cue_fit",
    "cue_required_missing",
    "reason_fit",
    *(f"{c}_fit" for c in CUE_FLAGS),
    "rank",
    "doc_rank",
    "position",
    "first_passage",
    "first_in_passage",
    "length",
    "quote",
    "lang_en",
    "en_overlap",
    "en_sim",
)


def _found_share(words: list[str], text: str, lang: str) -> float:
    """Share of ``words`` whose folded stem occurs in ``text`` (1.0 for no words)."""
    if not words:
        return 1.0
    folded = fold(text)
    return sum(fold(stem(w, lang)) in folded for w in words) / len(words)


def _passage_facts(item) -> tuple[int, float, str]:
    """(chunk index, position 0..1 in the article, title + outlet + date) of a retrieved passage."""
    meta = item.node.metadata
    match = re.search(r"#(\d+)$", item.node.node_id)
    index = int(match.group(1)) if match else 0
    position = index / max(1, int(meta.get("n_chunks", 1) or 1) - 1) if match else 0.5
    return index, min(1.0, position), " ".join(str(meta.get(k, "")) for k in ("title", "source", "date"))


def _doc_texts(retrieved) -> dict[str, str]:
    """doc_id -> the article's retrieved passages and header, joined: what we know of each article."""
    texts: dict[str, list[str]] = {}
    for item in retrieved:
        doc = item.node.metadata.get("doc_id", "")
        texts.setdefault(doc, [_passage_facts(item)[2]]).append(item.node.get_content())
    return {doc: " ".join(parts) for doc, parts in texts.items()}


def _cue_row(query, sentence: str) -> list[float]:
    cues = query.cues
    fit = sum(has_answer_shape(sentence, c) for c in cues) / len(cues) if cues else 0.5
    required_missing = any(c in REQUIRED_SHAPES and not has_answer_shape(sentence, c) for c in cues)
    reason = float(bool(REASON_ASKED.search(query.focus)) and bool(REASON_GIVEN.search(sentence)))
    flags = [float(c in cues and bool(ANSWER_SHAPES[c].search(sentence))) for c in CUE_FLAGS]
    return [fit, float(required_missing), reason, *flags]


def features(query, q_vec: np.ndarray, found: list, vectors: np.ndarray, retrieved: list) -> np.ndarray:
    """One row of ``FEATURES`` per candidate (``found[i]`` with sentence vector ``vectors[i]``)."""
    if not found:
        return np.zeros((0, len(FEATURES)))
    ctx = _context(query, q_vec, found, vectors, retrieved)
    return np.asarray([_row(query, i, found, ctx) for i in range(len(found))], dtype=float)


def _context(query, q_vec: np.ndarray, found: list, vectors: np.ndarray, retrieved: list) -> dict:
    """What every candidate's row is measured against: all similarities and overlaps, per passage and article."""
    from qa.extractive import term_overlap

    lang = query.lang
    sims = vectors @ q_vec
    docs = _doc_texts(retrieved)
    passage_best: dict[int, float] = {}
    for cand, sim in zip(found, sims):
        passage_best[id(cand.node)] = max(passage_best.get(id(cand.node), -1.0), float(sim))
    return {
        "sims": sims,
        "overlaps": np.array([term_overlap(query.terms, c.sentence, lang, SYNONYMS) for c in found]),
        "doc_order": list(dict.fromkeys(item.node.metadata.get("doc_id", "") for item in retrieved)),
        "nowhere": 1.0 - _found_share(query.specifics, " ".join(docs.values()), lang) if query.specifics else 0.0,
        "passage_best": passage_best,
        "per_passage": _per_passage(query, retrieved, lang),
        "doc_overlap": {doc: term_overlap(query.terms, text, lang, SYNONYMS) for doc, text in docs.items()},
        "doc_specifics": {doc: _found_share(query.specifics, text, lang) for doc, text in docs.items()},
    }


def _row(query, i: int, found: list, ctx: dict) -> list[float]:
    """Candidate ``found[i]``'s features, in the order of ``FEATURES``."""
    cand, lang = found[i], query.lang
    sims, overlaps, item = ctx["sims"], ctx["overlaps"], found[i].node
    doc = item.node.metadata.get("doc_id", "")
    index, position, _ = _passage_facts(item)
    passage_overlap, title_overlap, spec_passage = ctx["per_passage"][id(item)]
    neighbours = [overlaps[j] for j in (i - 1, i + 1) if 0 <= j < len(found) and found[j].node is item]
    en = float(lang == "en")
    # one line per group of FEATURES, in its order
    # fmt: off
    return [
        float(sims[i]), float(sims[i] - sims.max()), float(sims[i] >= sims.max()), ctx["passage_best"][id(item)],
        overlaps[i], overlaps[i] - overlaps.max(), max(neighbours, default=0.0),
        passage_overlap, title_overlap, ctx["doc_overlap"][doc],
        float(not query.specifics), _found_share(query.specifics, cand.sentence, lang), spec_passage,
        ctx["doc_specifics"][doc], ctx["nowhere"],
        *_cue_row(query, cand.sentence),
        1.0 / (1 + cand.passage_rank), 1.0 / (1 + ctx["doc_order"].index(doc)), position, float(index == 0),
        float(cand.first_in_passage), math.log1p(len(TOKEN.findall(cand.sentence))),
        float(bool(QUOTE_SENTENCE.search(cand.sentence))),
        en, en * overlaps[i], en * float(sims[i]),
    ]
    # fmt: on


def _per_passage(query, retrieved, lang: str) -> dict[int, tuple[float, float, float]]:
    """id(item) -> (term overlap with the passage, with its title/outlet, specifics in passage + header)."""
    from qa.extractive import term_overlap

    found = {}
    for item in retrieved:
        header = _passage_facts(item)[2]
        text = item.node.get_content()
        found[id(item)] = (
            term_overlap(query.terms, text, lang, SYNONYMS),
            term_overlap(query.terms, header, lang, SYNONYMS),
            _found_share(query.specifics, f"{header} {text}", lang),
        )
    return found


# What the answer/refuse model sees of a question: how good its best sentences are, and whether
# the question's specifics and words occur in the best one's article at all.
ANSWER_FEATURES = (
    "best_p",
    "second_p",
    "best_spec_doc",
    "best_spec_nowhere",
    "best_sim",
    "max_doc_overlap",
    "lang_en",
    "spec_none",
)


def question_row(rows: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The ``ANSWER_FEATURES`` of one question from its candidates' rows and probabilities."""
    if len(rows) == 0:
        return np.zeros(len(ANSWER_FEATURES))
    order = np.argsort(-p, kind="stable")
    best = rows[order[0]]
    col = {name: FEATURES.index(name) for name in FEATURES}
    second = p[order[1]] if len(p) > 1 else 0.0
    return np.array(
        [
            p[order[0]],
            second,
            best[col["spec_doc"]],
            best[col["spec_nowhere"]],
            best[col["sim"]],
            rows[:, col["doc_overlap"]].max(),
            best[col["lang_en"]],
            best[col["spec_none"]],
        ]
    )


@dataclass(frozen=True)
class Linear:
    """A standardised logistic regression: P = sigmoid(((x - mean) / scale) . coef + intercept)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def from_dict(cls, data: dict) -> Linear:
        return cls(*(np.asarray(data[k], float) for k in ("mean", "scale", "coef")), float(data["intercept"]))

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


@dataclass(frozen=True)
class Scorer:
    """The sentence model, the answer/refuse model over its best candidates, and the refusal threshold."""

    sentence: Linear
    answer: Linear
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> Scorer:
        return cls(Linear.from_dict(data["sentence"]), Linear.from_dict(data["answerable"]), float(data["threshold"]))

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(the sentence answers the question) for each candidate row."""
        return self.sentence.probabilities(rows)

    def answerable(self, rows: np.ndarray, p: np.ndarray) -> float:
        """P(the articles answer the question at all), from its candidates."""
        return float(self.answer.probabilities(question_row(rows, p)[None, :])[0])


@lru_cache(maxsize=4)
def load_scorer(path: Path = SCORER_PATH) -> Scorer:
    """The fitted scorer of ``qa/scorer.json``; its features must be the ones computed here."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data["features"] != list(FEATURES) or data["answer_features"] != list(ANSWER_FEATURES):
        raise ValueError(f"{path} was fitted with other features; run `python -m evals.fit`")
    return Scorer.from_dict(data["model"])
