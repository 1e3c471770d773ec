"""Eval sets: a corpus folder and a questions file, each evaluated in a store of its own.

The seed set is the bundled ``corpus/`` with ``evals/questions.jsonl``; the dev
set is ``evals/dev/`` (invented articles in every layout users have, where
anything is fitted); the test sets ``evals/test/``, ``evals/test2/`` and ``evals/test3/`` were
written blind and are only scored (each folder's README.md). Every
run ingests its set into a fresh temporary store, so it never touches the
user's ``DATA_DIR`` or Chroma server, and no set sees another's articles.

>>> [(s.name, s.corpus.name, s.questions.name) for s in default_sets()]
[('seed', 'corpus', 'questions.jsonl'), ('dev', 'corpus', 'questions.jsonl'), ('test', 'corpus', 'questions.jsonl'), ('test2', 'corpus', 'questions.jsonl'), ('test3', 'corpus', 'questions.jsonl')]
>>> EvalSet.custom(Path("my/articles"), Path("held/out.jsonl")).name
'out'
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from settings import ROOT, Settings

EVALS_DIR = Path(__file__).resolve().parent
DEV_DIR = EVALS_DIR / "dev"
TEST_DIR = EVALS_DIR / "test"
TEST2_DIR = EVALS_DIR / "test2"  # a second blind set, written 2026-11-30 after the first had been scored often
TEST3_DIR = EVALS_DIR / "test3"  # a third, written 2026-12-01 after the second had been scored at every stop
DEV_DIRECT = DEV_DIR / "questions_direct.jsonl"  # the dev articles asked another way (evals/README.md)


@dataclass(frozen=True)
class EvalSet:
    name: str
    corpus: Path
    questions: Path
    blind: bool = False  # written without reading the engine and only ever scored: nothing is chosen on it

    @classmethod
    def custom(cls, corpus: Path, questions: Path) -> EvalSet:
        """A set of the operator's own, named after its questions file."""
        return cls(Path(questions).stem, Path(corpus), Path(questions))


def default_sets() -> list[EvalSet]:
    """The sets ``python -m evals`` runs with no arguments, in report order."""
    return [
        EvalSet("seed", ROOT / "corpus", EVALS_DIR / "questions.jsonl"),
        EvalSet("dev", DEV_DIR / "corpus", DEV_DIR / "questions.jsonl"),
        EvalSet("test", TEST_DIR / "corpus", TEST_DIR / "questions.jsonl", blind=True),
        EvalSet("test2", TEST2_DIR / "corpus", TEST2_DIR / "questions.jsonl", blind=True),
        EvalSet("test3", TEST3_DIR / "corpus", TEST3_DIR / "questions.jsonl", blind=True),
    ]


def doc_formats(corpus: Path) -> dict[str, str]:
    """doc_id -> file format ("txt", "html", ...) of every article file in ``corpus``.

    >>> doc_formats(ROOT / "corpus")["000_a5d2021ba032f9f0"]
    'txt'
    """
    from ingest.discover import discover_files

    files, _ = discover_files([Path(corpus)])
    return {f.stem: f.suffix.lower().lstrip(".").replace("htm", "html").replace("htmll", "html") for f in files}


def record_format(record: Mapping, formats: Mapping[str, str]) -> str:
    """The format of a question's expected article; "none" for a question with no source.

    >>> record_format({"expected_sources": ["a", "b"]}, {"a": "pdf", "b": "txt"}), record_format({"expected_sources": []}, {})
    ('pdf', 'none')
    """
    sources = record.get("expected_sources") or []
    return formats.get(sources[0], "unknown") if sources else "none"


@contextmanager
def temporary_store(
    evalset: EvalSet,
    settings: Settings,
    embedder=None,
    warn: Callable[[str], None] = lambda m: print(f"warning: {m}", file=sys.stderr),
) -> Iterator[Settings]:
    """Settings for a fresh embedded store holding ``evalset``'s articles, removed afterwards."""
    from ingest.pipeline import ingest

    with tempfile.TemporaryDirectory(prefix=f"newsqa-eval-{evalset.name}-") as tmp:
        local = settings.model_copy(update={"data_dir": Path(tmp), "corpus_dir": evalset.corpus, "chroma_host": None})
        ingest([evalset.corpus], local, embedder=embedder, warn=warn)
        yield local


def fitted_on(evalset: EvalSet) -> bool:
    """Whether ``qa/scorer.json`` was fitted on this very set (same questions and articles)."""
    import json

    from evals.fit import fingerprint
    from qa.scorer import SCORER_PATH

    fitted = json.loads(SCORER_PATH.read_text(encoding="utf-8")).get("dev_set")
    return fitted == fingerprint(evalset.corpus, evalset.questions)


def graded(evalset: EvalSet, engine, questions, retriever: str = "hybrid", data=None) -> list[dict]:
    """The set's graded results with one retriever: out of fold when the engine answers with the
    fitted model (``ANSWER_MODEL=fitted``) and it was fitted on the set.

    Out of fold, each question is answered by the scorer fitted on the folds that exclude its
    article (``evals/oof.py``), so a set the scorer learnt from is never graded in sample.
    ``data``: the set's fit rows when already collected (``evals.fitdata.collect``).
    """
    from evals.runner import run_eval

    if engine.settings.answer_model != "fitted" or not fitted_on(evalset):
        return run_eval(questions, engine, retriever)
    from evals.fitdata import collect
    from evals.oof import oof_records

    return oof_records(engine, questions, data or collect(engine, questions, retriever), evalset, retriever)


def run_set(
    evalset: EvalSet,
    settings: Settings,
    embedder,
    retriever: str,
    compare: bool,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, list[dict]]:
    """Ingest ``evalset`` into a temporary store and grade its questions: results per retriever.

    ``retriever``'s results are out of fold on a set the scorer was fitted on (``graded``); the
    compared retrievers' are answered by the shipped scorer. Each result also says the format of
    its expected article (``format``).
    """
    from evals.runner import RETRIEVERS, load_questions, run_eval
    from qa.engine import Engine

    questions = load_questions(evalset.questions)
    progress(f"evals: {evalset.name} set: ingesting {evalset.corpus} into a temporary store")
    with temporary_store(evalset, settings, embedder) as local:
        engine = Engine(local, embedder=embedder)
        oof = " out of fold" if engine.settings.answer_model == "fitted" and fitted_on(evalset) else ""
        progress(f"evals: {evalset.name} set: {len(questions)} questions, {retriever} retriever{oof}")
        runs = {retriever: graded(evalset, engine, questions, retriever)}
        for kind in (k for k in RETRIEVERS if compare and k != retriever):
            progress(f"evals: {evalset.name} set: {len(questions)} questions, {kind} retriever")
            runs[kind] = run_eval(questions, engine, kind)
    formats = doc_formats(evalset.corpus)
    for records in runs.values():
        for record in records:
            record["format"] = record_format(record, formats)
    return runs
