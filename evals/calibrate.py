"""``python -m evals.calibrate``: fit what depends on e5's score scale, on the dev set, into qa/calibration.json.

The rules were set by hand on MiniLM; ``qa/calibration.py`` says why e5 needs two
numbers of its own. Both are fitted on the dev set only, never on the seed set:

- **The similarity scale** (label-free). For every dev question, the sentences of
  its BM25 top passages (the same for both models) are scored by e5, with the
  sentence vectors ingest stored (what the rules read with e5), and by MiniLM, each
  sentence embedded on its own (what the rules were set with); per question
  language, ``a * e5 + b`` gets MiniLM's mean and standard deviation.
- **The fusion weight**. Dense and BM25 rankings (top 12) of every answerable dev
  question are fused by relative score with dense weight ``w`` from a grid; ``w`` is
  chosen by hit@1 + hit@3 + MRR of the expected article. Five article-disjoint folds
  report it out of fold beside dense and BM25 alone; the file keeps the weight
  fitted on all of the dev set.

>>> row = {"dense": [("n1", "a", 0.9), ("n2", "b", 0.8)], "bm25": [("n2", "b", 7.0), ("n3", "c", 1.0)],
...        "expected": ["b"]}
>>> fuse(row, 0.7), fuse(row, 0.3)
(['a', 'b', 'c'], ['b', 'a', 'c'])
>>> retrieval_metrics([row], lambda r: fuse(r, 0.3))
{'hit_at_1': 1.0, 'hit_at_3': 1.0, 'mrr': 1.0}
>>> scale_to(np.array([0.8, 0.9]), np.array([0.2, 0.4]))
[2.0, -1.4]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

WEIGHTS = [round(w, 2) for w in np.arange(0.0, 1.001, 0.05)]
FOLDS = 5
RANKED = 12  # passages per retriever the fusion sees (the hybrid retriever asks each for 2 x top_k)
PAIR_PASSAGES = 6  # BM25 passages whose sentences make a question's pairs (the rules' top_k)


def fuse(row: dict, weight: float) -> list[str]:
    """Articles in the order LlamaIndex's relative-score fusion ranks their passages (min-max, weighted sum)."""
    scores, article = defaultdict(float), {}
    for kind, w in (("dense", weight), ("bm25", 1 - weight)):
        if not row[kind]:
            continue
        values = [s for _, _, s in row[kind]]
        low, high = min(values), max(values)
        for node, doc, s in row[kind]:
            scores[node] += w * ((s - low) / (high - low) if high > low else float(high > 0))
            article[node] = doc
    return list(dict.fromkeys(article[n] for n in sorted(scores, key=lambda n: -scores[n])))


def articles(ranked: list) -> list[str]:
    return list(dict.fromkeys(doc for _, doc, _ in ranked))


def retrieval_metrics(rows: list[dict], order) -> dict[str, float]:
    """hit@1, hit@3 and MRR of the expected article, for the article order ``order(row)``."""
    from evals.metrics import hit_at_k, reciprocal_rank

    ranked = [(order(row), row["expected"]) for row in rows]
    n = max(1, len(rows))
    return {
        "hit_at_1": round(sum(hit_at_k(docs, expected, 1) for docs, expected in ranked) / n, 3),
        "hit_at_3": round(sum(hit_at_k(docs, expected, 3) for docs, expected in ranked) / n, 3),
        "mrr": round(sum(reciprocal_rank(docs, expected) for docs, expected in ranked) / n, 3),
    }


def best_weight(rows: list[dict]) -> float:
    """The grid weight with the highest hit@1 + hit@3 + MRR; ties go to the weight nearest 0.5."""
    return max(WEIGHTS, key=lambda w: (sum(retrieval_metrics(rows, lambda r: fuse(r, w)).values()), -abs(w - 0.5)))


def fit_fusion(rows: list[dict]) -> dict:
    """The dense weight fitted on all rows, the folds' weights, and out-of-fold metrics beside dense and BM25."""
    from sklearn.model_selection import GroupKFold

    groups = [row["group"] for row in rows]
    held_out_weight, fold_weights = [0.0] * len(rows), []
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        weight = best_weight([rows[i] for i in train])
        fold_weights.append(weight)
        for i in test:
            held_out_weight[i] = weight
    by_row = {id(row): w for row, w in zip(rows, held_out_weight)}
    return {
        "dense_weight": best_weight(rows),
        "fold_weights": fold_weights,
        "out_of_fold": retrieval_metrics(rows, lambda r: fuse(r, by_row[id(r)])),
        "dense": retrieval_metrics(rows, lambda r: articles(r["dense"])),
        "bm25": retrieval_metrics(rows, lambda r: articles(r["bm25"])),
    }


def fusion_rows(engine, questions) -> list[dict]:
    """Dense and BM25 rankings (node, article, score) of each answerable question with a known article."""
    from evals.runner import retrieval_text

    rows = []
    for q in questions:
        if not (q.answerable and q.expected_sources):
            continue
        text = retrieval_text(q, engine.settings.max_question_chars)
        row = {"lang": q.lang, "expected": list(q.expected_sources), "group": q.expected_sources[0]}
        for kind in ("dense", "bm25"):
            found, _ = engine.retrieve(text, kind)
            row[kind] = [(r.node.node_id, r.node.metadata.get("doc_id", ""), float(r.score or 0)) for r in found]
        rows.append(row)
    return rows


def scale_to(ours: np.ndarray, reference: np.ndarray) -> list[float]:
    """``[a, b]`` such that ``a * ours + b`` has the reference's mean and standard deviation."""
    a = float(reference.std() / ours.std())
    return [round(a, 4), round(float(reference.mean() - a * ours.mean()), 4)]


def similarity_pairs(engine, reference, questions) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per question language: similarities of (question, sentence of its BM25 top passages) by both models.

    Ours are the sentence vectors stored at ingest (what the rules read with e5); the reference's
    are its sentences embedded on their own (what the rules were set with).
    """
    from evals.runner import retrieval_text
    from qa.extractive import candidates

    asked = []  # (language, question text, its sentences, their passage ids)
    for q in questions:
        text = retrieval_text(q, engine.settings.max_question_chars)
        found, _ = engine.retrieve(text, "bm25")
        pairs = {c.sentence: c.node.node.node_id for c in candidates(found[:PAIR_PASSAGES])}
        if pairs:
            asked.append((q.lang, text, list(pairs), list(pairs.values())))
    unique = list(dict.fromkeys(s for _, _, sentences, _ in asked for s in sentences))
    index = {s: i for i, s in enumerate(unique)}
    vectors = np.asarray(reference.get_text_embedding_batch(unique))  # each sentence once
    sims: dict[str, tuple[list, list]] = {}
    for lang, text, sentences, chunk_ids in asked:
        ours, ref = sims.setdefault(lang, ([], []))
        ours.extend(engine._vectors(sentences, chunk_ids) @ np.asarray(engine.embedder.get_query_embedding(text)))
        ref.extend(vectors[[index[s] for s in sentences]] @ np.asarray(reference.get_query_embedding(text)))
    return {lang: (np.array(ours), np.array(ref)) for lang, (ours, ref) in sorted(sims.items())}


def calibration_entry(engine, reference, questions, seed=None) -> dict:
    """The backend's entry of qa/calibration.json, with how it was fitted and what it measured.

    ``seed``: (engine, questions) of the seed set, the guard of the rules' weights (evals/rulefit.py).
    """
    from qa.calibration import STORED

    pairs = similarity_pairs(engine, reference, questions)
    fusion = fit_fusion(fusion_rows(engine, questions))
    entry = {
        "sim_scale": {lang: scale_to(ours, ref) for lang, (ours, ref) in pairs.items()},
        "sentence_vectors": STORED,
        "pairs": {lang: len(ours) for lang, (ours, _) in pairs.items()},
        "dense_weight": fusion.pop("dense_weight"),
        "fusion_fit": fusion,
    }
    entry["rules"], entry["rules_fit"] = fit_rule_entry(entry, engine, questions, seed)
    return entry


def fit_rule_entry(entry: dict, engine, questions, seed=None) -> tuple[dict, dict]:
    """The rules' weights, gate and thresholds, fitted with the scale and fusion just fitted (evals/rulefit.py)."""
    from evals import rulefit

    def rows(base, asked):
        from qa.calibration import Calibration
        from qa.engine import Engine

        own = base.settings.model_dump() | {"answer_model": "rules", "top_k": None}  # None: the rules' own top_k
        rules = Engine(type(base.settings).model_validate(own), embedder=base.embedder)
        rules.__dict__["calibration"] = Calibration.from_dict(entry)  # the new scale, not the file's
        return rulefit.rule_rows(rules, asked)

    guard = rows(*seed) if seed else None
    fitted, report = rulefit.fit_rules(rows(engine, questions), rulefit.gate_bounds(), guard)
    return fitted, report | {"guard": "seed" if seed else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="where to write (default: qa/calibration.json)")
    args = parser.parse_args(argv)
    from evals.fit import fingerprint
    from evals.runner import load_questions
    from evals.sets import DEV_DIR, EvalSet, default_sets, temporary_store
    from qa.calibration import CALIBRATION_PATH
    from qa.engine import Engine
    from settings import Settings, configure_process

    configure_process()
    from store import embedder_info, load_embedder

    settings = Settings(embed_backend="e5", top_k=RANKED)
    embedder, reference = load_embedder(settings), load_embedder(Settings(embed_backend="sentence-transformers"))
    dev = EvalSet("dev", DEV_DIR / "corpus", DEV_DIR / "questions.jsonl")
    seed = next(s for s in default_sets() if s.name == "seed")
    with temporary_store(dev, settings, embedder) as local, temporary_store(seed, settings, embedder) as seed_local:
        guard = Engine(seed_local, embedder=embedder), load_questions(seed.questions)
        entry = calibration_entry(Engine(local, embedder=embedder), reference, load_questions(dev.questions), guard)
    content = {
        "made_by": "python -m evals.calibrate (dev set only; see evals/calibrate.py)",
        "dev_set": fingerprint(dev.corpus, dev.questions),
        "reference": embedder_info(Settings(embed_backend="sentence-transformers")).name,
        "backends": {embedder_info(settings).backend: entry},
    }
    out = args.out or CALIBRATION_PATH
    out.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}: {json.dumps(entry['sim_scale'])}, dense weight {entry['dense_weight']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
