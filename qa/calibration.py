"""What depends on an embedder's score scale, per backend, as ``python -m evals.calibrate`` fitted it.

The rules (``qa/rules.py``) were set by hand on MiniLM's similarities, and hybrid retrieval
fused dense and BM25 by reciprocal rank. Another embedder scores on another scale: e5's
similarities sit between 0.7 and 0.9 where MiniLM's spread from 0 to 0.6, so the rules'
weights and refusal thresholds meant something else with it. ``qa/calibration.json`` gives,
per backend, what was fitted on the dev set (never on the seed set):

- ``sim_scale``: per question language, ``(a, b)`` so that ``a * similarity + b`` has
  MiniLM's mean and spread on the same question/sentence pairs. It looks at no answer.
- ``dense_weight``: the dense retriever's weight in LlamaIndex's ``relative_score`` fusion,
  chosen by article-disjoint folds.
- ``sentence_vectors``: ``"stored"`` makes the rules read each candidate sentence's vector as
  ingest stored it (``store/sentences.py``), so an answer embeds the question and nothing else;
  the scale above is then fitted on those vectors. ``"standalone"`` (MiniLM) embeds each
  candidate sentence on its own, as the rules were set with.

A backend without an entry (MiniLM) keeps the scale and the fusion the rules were set with, and
so does the fitted answer model, whatever the backend.

>>> c = Calibration.from_dict({"sim_scale": {"sv": [3.0, -2.0]}, "dense_weight": 0.7})
>>> round(c.sim(0.85, "sv"), 2), c.sim(0.85, "en"), c.fusion_mode, c.weights
(0.55, 0.85, 'relative_score', [0.7, 0.3])
>>> Calibration().fusion_mode, Calibration().weights, Calibration().sentence_vectors
('reciprocal_rerank', None, 'standalone')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

CALIBRATION_PATH = Path(__file__).with_name("calibration.json")
# How the rules get a candidate sentence's vector: as ingest stored it, or embedded on its own.
STORED, STANDALONE = "stored", "standalone"
RULE_KEYS = ("weights", "min_overlap", "refusal")


@dataclass(frozen=True)
class Calibration:
    sim_scale: dict[str, tuple[float, float]] = field(default_factory=dict)
    dense_weight: float | None = None  # None: reciprocal-rank fusion, as the rules were set with
    sentence_vectors: str = STANDALONE  # STORED: no embedding per answer; STANDALONE: as the rules were set
    # The rules' weights, overlap gates and refusal thresholds fitted on the dev set (evals/rulefit.py):
    # {"weights": {lang: {part: w}}, "min_overlap": {lang: x}, "refusal": {lang: x}}; None: the hand-set ones.
    rules: dict | None = None

    @classmethod
    def from_dict(cls, entry: dict) -> Calibration:
        scale = {lang: (float(a), float(b)) for lang, (a, b) in entry.get("sim_scale", {}).items()}
        weight = entry.get("dense_weight")
        fit = entry.get("rules")
        rules = {key: fit[key] for key in RULE_KEYS} if fit else None
        return cls(scale, None if weight is None else float(weight), entry.get("sentence_vectors", STANDALONE), rules)

    def sim(self, value: float, lang: str) -> float:
        """A similarity on the scale the rules were set on."""
        a, b = self.sim_scale.get(lang, (1.0, 0.0))
        return a * value + b

    @property
    def fusion_mode(self) -> str:
        return "reciprocal_rerank" if self.dense_weight is None else "relative_score"

    @property
    def weights(self) -> list[float] | None:
        """[dense, BM25] weights of the fusion; None leaves LlamaIndex's equal weights."""
        return None if self.dense_weight is None else [self.dense_weight, round(1 - self.dense_weight, 6)]


def load_calibration(backend: str, answer_model: str = "rules", path: Path = CALIBRATION_PATH) -> Calibration:
    """The backend's entry of the calibration file; the rules' own scale and fusion without one.

    Only the rules need it: the fitted model (``qa/scorer.py``) was fitted on e5's own similarities
    and reciprocal-rank fusion, and answers with what it was fitted on.
    """
    if answer_model != "rules":
        return Calibration()
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    entry = data.get("backends", {}).get(backend)
    return Calibration.from_dict(entry) if entry else Calibration()
