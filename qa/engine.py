"""``Engine.answer(question, history)``: the one function every front end calls.

(Skipped as a doctest: it loads the model and needs an ingested store.)

>>> engine = Engine(Settings())                                       # doctest: +SKIP
>>> a = engine.answer("Hur många poliskameror är målbilden nationellt?")  # doctest: +SKIP
>>> "2500" in a.answer, a.citations[0].doc_id  # doctest: +SKIP
(True, '001_bdd417f66c796474')
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from functools import cached_property

import numpy as np

from qa import extractive, overview, rules
from qa.calibration import STORED, Calibration, load_calibration
from qa.citations import retrieved_list, to_citation
from qa.conflict import disagreeing
from qa.followup import parse_query
from qa.messages import say, store_problem
from qa.question import validate
from qa.retrieval import build_retriever, ranked, within_retriever
from qa.shortanswer import question_kind
from qa.spanfirst import span_first
from qa.types import QUOTE_JOIN, Answer, Citation, QuestionError
from settings import Settings
from store import StoreError, identity, load_embedder, open_collection, store_fingerprint
from store.chroma import is_connection_error
from textkit.text import detect_language

RELATED_COUNT = 3
LOG = logging.getLogger(__name__)


class Engine:
    """Holds the embedder, store handle, retrievers and caches; cheap to call repeatedly."""

    def __init__(self, settings: Settings, embedder=None, llm=None, scorer=None):
        self.settings = settings
        self._embedder = embedder
        self.scorer = scorer  # the fitted sentence scorer; None: qa/scorer.json, loaded on first use
        self._llm = llm
        self._collection = None
        self._sentences = None  # the sentence-vector collection beside the passages
        self._retrievers: dict[tuple[str, str], object] = {}
        self._sentence_vectors: dict[str, np.ndarray] = {}  # sentences embedded on their own
        self._lock = threading.Lock()  # chat workers share one engine; build retrievers once
        self._vectors_lock = threading.Lock()

    def llm(self):
        if self._llm is None:
            from qa.generative import build_llm

            self._llm = build_llm(self.settings)
        return self._llm

    @property
    def embedder(self):
        if self._embedder is None:
            self._embedder = load_embedder(self.settings)
        return self._embedder

    @cached_property
    def calibration(self) -> Calibration:
        """The embedder's score scale and fusion weight for the rules, by the embedder's own identity."""
        return load_calibration(identity(self.embedder).backend, self.settings.answer_model)

    def collection(self):
        if self._collection is None:
            self._collection = open_collection(self.settings, identity(self.embedder))
        return self._collection

    def retriever(self, kind: str | None = None):
        kind = kind or self.settings.retriever
        with self._lock:
            collection = self.collection()
            key = (kind, store_fingerprint(collection))
            if key not in self._retrievers:
                self._collection = self._sentences = None  # reopen: `ingest --rebuild` may have replaced them
                collection = self.collection()
                key = (kind, store_fingerprint(collection))
                self._retrievers = {k: v for k, v in self._retrievers.items() if k[1] == key[1]}
                built = build_retriever(kind, collection, self.embedder, self.settings, None, self.calibration)
                self._retrievers[key] = built
            return self._retrievers[key]

    def retrieve(self, query_text: str, kind: str | None = None, within=None):
        """Ranked passages and the query vector; ``within`` (doc_ids) limits them to those articles."""
        from llama_index.core.schema import QueryBundle

        bundle = QueryBundle(query_str=query_text, embedding=self.embedder.get_query_embedding(query_text))
        if within is None:
            retriever = self.retriever(kind)
        else:
            kind = kind or self.settings.retriever
            bm25 = self.retriever("bm25") if kind != "dense" else None
            retriever = within_retriever(
                kind, self.collection(), self.embedder, self.settings, bm25, within, self.calibration
            )
        return ranked(retriever.retrieve(bundle)), np.asarray(bundle.embedding)

    def _embed_and_remember(self, sentences: list[str]) -> dict[str, np.ndarray]:
        """Embed ``sentences`` on their own and keep them in the bounded cache; {} for none."""
        if not sentences:
            return {}
        fresh = dict(zip(sentences, map(np.asarray, self.embedder.get_text_embedding_batch(sentences))))
        with self._vectors_lock:
            self._sentence_vectors.update(fresh)
            if len(self._sentence_vectors) > 50_000:  # bound memory on huge corpora
                self._sentence_vectors = dict(list(self._sentence_vectors.items())[-25_000:])
        return fresh

    def _vectors(self, sentences: list[str], chunk_ids: list[str] | None) -> np.ndarray:
        """Vectors of candidate sentences: stored at ingest (``store/sentences.py``), else embedded here.

        ``chunk_ids`` None: every sentence embedded on its own (remembered), none read from the store.
        """
        from store.sentences import open_sentences, sentence_vectors

        known = self._sentence_vectors  # a local reference: another worker may swap in a trimmed dict
        if self._sentences is None and chunk_ids is not None:
            self._sentences = open_sentences(self.settings)
        stored = {} if chunk_ids is None else sentence_vectors(self._sentences, chunk_ids)
        missing = [s for s in dict.fromkeys(sentences) if s not in stored and s not in known]  # an older store
        fresh = self._embed_and_remember(missing)
        return np.stack([stored.get(s, fresh.get(s, known.get(s))) for s in sentences])

    def answer(self, question: str, history: Sequence = (), retriever: str | None = None, within=None) -> Answer:
        """Consume ``answer_stream`` and return the final ``Answer``."""
        final = None
        for part in self.answer_stream(question, history, retriever, within):
            final = part if isinstance(part, Answer) else final
        return final

    def answer_stream(
        self, question: str, history: Sequence = (), retriever: str | None = None, within=None
    ) -> Iterator[str | Answer]:
        """Yield pieces of answer text as they are ready, then the final ``Answer``.

        ``within``: doc_ids to answer from (None: every article); citations come only from them.
        """
        started = time.perf_counter()
        lang = detect_language(question if isinstance(question, str) else "")
        try:
            text = validate(question, self.settings, within)
            if extractive.instructions_only(text):  # nothing asked: no passage to look up or quote
                result = Answer(question=text, answer=say("instructions_only", lang), refused=True, lang=lang)
            else:
                query = parse_query(self, text, history, retriever, within)
                lang = detect_language(query.focus)
                retrieved, q_vec = self.retrieve(query.retrieval_text, retriever, within)
                result = yield from self._compose(text, query, retrieved, q_vec, lang, history, within)
        except QuestionError as exc:
            result = Answer(question=str(question)[:200], answer="", refused=True, lang=lang, error=str(exc))
        except (StoreError, ValueError) as exc:
            result = self._store_problem(question, lang, exc)
        except Exception as exc:  # a front end must get an Answer, never a traceback
            result = self._unexpected(question, lang, exc)
        result.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        yield result

    def _store_problem(self, question, lang: str, exc: Exception) -> Answer:
        with self._lock:
            self._collection = self._sentences = None  # reopen next time: the server may be back
            self._retrievers.clear()
        return Answer(question=str(question), answer="", refused=True, lang=lang, error=store_problem(exc, lang))

    def _unexpected(self, question, lang: str, exc: Exception) -> Answer:
        if is_connection_error(exc):
            return self._store_problem(question, lang, StoreError(f"{type(exc).__name__}: {str(exc)[:80]}"))
        LOG.exception("answering %r failed", str(question)[:200])  # the details go to the operator's log
        message = say("internal_error", lang)
        return Answer(question=str(question)[:200], answer="", refused=True, lang=lang, error=message)

    def _compose(self, text, query, retrieved, q_vec, lang, history, within=None):
        notice = ""
        if self.settings.llm_enabled or self._llm is not None:
            from qa.generative import compose

            generated, notice = yield from compose(self, text, query, retrieved, lang, history, within)
            if generated is not None:
                return generated
        answer = self.extract(text, query, retrieved, q_vec, lang)
        answer.notice = notice
        yield answer.answer
        return answer

    def candidate_rows(self, query, retrieved, q_vec) -> tuple[list, np.ndarray]:
        """Every candidate sentence of the retrieved passages and its row of scorer features."""
        from qa.scorer import features

        found = extractive.candidates(retrieved)
        chunk_ids = [item.node.node_id for item in retrieved]
        vectors = self._vectors([c.sentence for c in found], chunk_ids) if found else np.zeros((0, len(q_vec)))
        return found, features(query, q_vec, found, vectors, retrieved)

    def scored(self, query, retrieved, q_vec) -> tuple[list, np.ndarray]:
        """Every candidate sentence of the retrieved passages, scored by the fitted scorer, and its features."""
        if self.scorer is None:
            from qa.scorer import load_scorer

            self.scorer = load_scorer()
        found, rows = self.candidate_rows(query, retrieved, q_vec)
        extractive.apply_scores(found, rows, self.scorer)
        return found, rows

    def _choose(self, query, retrieved, q_vec) -> tuple[list, list, float]:
        """(candidates, the sentences to quote or [] to refuse, the runner-up margin) of ``ANSWER_MODEL``."""
        if self.settings.answer_model == "fitted":
            found, rows = self.scored(query, retrieved, q_vec)
            p = np.array([c.score for c in found])
            answerable = bool(found) and self.scorer.answerable(rows, p) >= self.scorer.threshold
            return found, extractive.choose(found, answerable, self.settings.max_answer_sentences), extractive.MARGIN
        found = extractive.candidates(retrieved)
        if found:
            rules.score(query, q_vec, found, self.rule_vectors(found), retrieved, self.calibration)
        return found, rules.pick(found, query, self.calibration, self.settings), rules.MARGIN

    def rule_vectors(self, found) -> np.ndarray:
        """The rules' sentence vectors: stored at ingest, or (as the rules were set) each embedded on its own."""
        stored = self.calibration.sentence_vectors == STORED  # no embedding per answer (qa/calibration.py)
        return self._vectors([c.sentence for c in found], [c.node.node.node_id for c in found] if stored else None)

    def extract(self, question: str, query, retrieved, q_vec, lang: str) -> Answer:
        base = Answer(question=question, answer="", lang=lang, retrieved=retrieved_list(retrieved))
        if overview.is_overview(query.focus):
            cited = overview.overview_items(query.focus, retrieved, self.collection())
            base.answer, pairs = overview.overview_text(cited)
            base.citations = [to_citation(n, item, quote) for n, (item, quote) in enumerate(pairs, 1)]
            if pairs:
                return base
        found, chosen, margin = self._choose(query, retrieved, q_vec)
        if chosen:
            chosen = disagreeing(query.focus, found, chosen, chosen[0].score - margin)
        if not chosen:
            base.refused = True
            base.answer = say("refused", lang)
            base.related = [to_citation(i + 1, item) for i, item in enumerate(retrieved[:RELATED_COUNT])]
            return base
        # "Och året innan?" asks what the last question did
        kind = question_kind(query.focus) or question_kind(query.retrieval_text)
        chosen, base.short_answer = span_first(query.focus, chosen, kind)
        base.answer, base.citations = format_quotes(chosen)
        if base.short_answer:  # the span first, cited to the quote it is cut from
            base.answer = f"{base.short_answer} [1]: {base.answer}"
        return base


def format_quotes(chosen: list) -> tuple[str, list[Citation]]:
    """'Sentence. [1] Other sentence. [2]', numbering passages by first use.

    Quotes from articles of different dates each say their article's date first.
    """
    dates = {c.node.node.metadata.get("date", "") for c in chosen}
    dated = len(dates) > 1 and all(dates)
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}
    items = {}
    parts = []
    for cand in chosen:
        node_id = cand.node.node.node_id
        numbers.setdefault(node_id, len(numbers) + 1)
        quotes.setdefault(node_id, []).append(cand.sentence)
        items[node_id] = cand.node
        date = f"({cand.node.node.metadata['date']}) " if dated else ""
        parts.append(f"{date}{cand.sentence} [{numbers[node_id]}]")
    citations = [to_citation(n, items[nid], QUOTE_JOIN.join(quotes[nid])) for nid, n in numbers.items()]
    return " ".join(parts), citations


def answer(
    question: str, history: Sequence = (), settings: Settings | None = None, engine: Engine | None = None
) -> Answer:
    """Answer one question; pass an ``engine`` to reuse the loaded model across calls."""
    return (engine or Engine(settings or Settings())).answer(question, history)
