"""Pick the sentences of the retrieved passages that best answer a question.

Each candidate sentence is scored by embedding similarity to the question,
overlap of (stemmed, compound-aware, cognate) terms with the question, and
whether it has the shape the question asks for (a number for "hur många", a
year or date for "när", a name for "vem"). The answer quotes the best one to
three sentences verbatim; if the best scores under the refusal threshold, the
articles are taken not to say.

>>> q = Query.parse("Hur många kameror?", [])
>>> q.cues
['number']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from textkit.sentences import heading_spans, sentence_spans
from textkit.text import (
    REQUIRED_SHAPES, TOKEN, cognate_form, cognate_key, content_words, detect_language, fold, has_answer_shape, question_cues,
    specific_terms, stem, terms,
)

# Pronouns that point back to an earlier turn. Swedish den/det/de are also articles
# ("den nya lägesbilden"), so they count only where they end the clause ("när hålls den?").
ANAPHORS = {
    "han", "hon", "hans", "hennes", "honom", "henne", "dess", "deras", "dessa", "detta", "dit", "he", "she",
    "him", "his", "her", "they", "them", "their", "its", "those", "these",
}
CLAUSE_FINAL_ANAPHORS = {"den", "det", "de", "dem", "där", "då", "it", "that", "this", "there", "then"}
LEADING_LINKS = {"och", "men", "också", "and", "but", "also", "so"}
INSTRUCTION = re.compile(
    r"\b(ignorera|ignore|glöm|forget|disregard|strunta i|system\s*:|från och med nu|from now on|"
    r"säg att|say that|state that|tell me that|skriv (först )?ut|print|repeat|du är nu|you are now)\b", re.I)
WEIGHTS = {"sim": 0.45, "overlap": 0.30, "context": 0.10, "cue": 0.10, "rank": 0.05}
# A name or number of the question found in no retrieved passage: in Swedish that means the
# articles don't mention it; in English it may just be spelt otherwise (Sweden/Sverige).
MISSING_SPECIFIC_PENALTY = {"sv": 0.3, "en": 0.12}
MIN_OVERLAP = {"sv": 0.45, "en": 0.0}  # calibrated on the eval set: about half the content words
NEAR_DUPLICATE = 0.6


@dataclass
class Query:
    """What is really asked: the question sentences, minus instructions, plus follow-up context."""

    focus: str
    retrieval_text: str
    terms: dict[str, float]  # content word -> weight (earlier turns count half)
    cues: list[str]
    specifics: list[str]
    lang: str

    @classmethod
    def parse(cls, question: str, history: list[str]) -> "Query":
        focus = _focus(question)
        weights = {w: 1.0 for w in content_words(focus)}
        retrieval_text = focus
        if history and _is_follow_up(focus):
            previous = _focus(history[-1])
            retrieval_text = f"{previous} {focus}"
            for w in content_words(previous):
                weights.setdefault(w, 0.5)
        lang = detect_language(focus)
        return cls(focus, retrieval_text, weights, question_cues(focus), specific_terms(focus), lang)


def _focus(question: str) -> str:
    """The asking sentences: instructions aimed at the assistant are data, not the question."""
    spans = [question[s:e] for s, e in sentence_spans(" ".join(question.split()))] or [question]
    kept = [s for s in spans if not INSTRUCTION.search(s)]
    asking = [s for s in kept if s.rstrip().endswith("?")]
    return " ".join(asking or kept or spans).strip()


def _is_follow_up(focus: str) -> bool:
    """Leans on an earlier turn: a back-pointing pronoun, a leading "och/and", or next to no content.

    >>> _is_follow_up("Och när hålls den?"), _is_follow_up("Vem är moderator för #Trygghetnu?")
    (True, False)
    >>> _is_follow_up("Vilka år var den sociala oron större?")
    False
    """
    words = [w.lower() for w in TOKEN.findall(focus)]
    if not words:
        return False
    clause_final = {m.group(1).lower() for m in re.finditer(r"(\w+)\s*[?.!,;]", focus)} | {words[-1]}
    return (
        any(w in ANAPHORS for w in words)
        or bool(clause_final & CLAUSE_FINAL_ANAPHORS)
        or words[0] in LEADING_LINKS
        or len(content_words(focus)) <= 1
    )


@dataclass
class Candidate:
    sentence: str
    passage_rank: int
    node: object  # the retrieved NodeWithScore
    score: float = 0.0
    parts: dict = field(default_factory=dict)


def term_overlap(query_words: dict[str, float], text: str, lang: str = "sv") -> float:
    """Weighted share of question words found: same stem, inside a compound, or as a cognate.

    >>> term_overlap({"kameror": 1.0, "göteborg": 1.0}, "Målet är 2500 poliskameror.")
    0.4
    >>> term_overlap({"cameras": 1.0}, "Regeringen lanserade en kameraoffensiv.", "en")
    0.6
    """
    if not query_words:
        return 0.0
    sentence_stems = {stem(w) for w in TOKEN.findall(text)}
    folded, cognates = fold(text), cognate_form(text)
    found = 0.0
    for word, weight in query_words.items():
        word_stem = stem(word, lang)
        if word_stem in sentence_stems:
            found += weight
        elif len(word_stem) >= 4 and fold(word_stem) in folded:
            found += 0.8 * weight
        elif len(word) >= 4 and cognate_key(word) in cognates:
            found += 0.6 * weight
    return found / sum(query_words.values())


def candidates(retrieved: list) -> list[Candidate]:
    """Every sentence of every retrieved passage, headings left out."""
    found = []
    for rank, item in enumerate(retrieved):
        text = item.node.get_content()
        headings = set(heading_spans(text))  # a subheading is structure, never an answer on its own
        for s, e in sentence_spans(text):
            sentence = text[s:e]
            if len(TOKEN.findall(sentence)) >= 4 and not sentence.isupper() and (s, e) not in headings:
                found.append(Candidate(sentence, rank, item))
    return found


def _missing_specifics(query: Query, retrieved: list) -> int:
    corpus = " ".join(fold(item.node.get_content() + " " + item.node.metadata.get("title", "")) for item in retrieved)
    return sum(1 for word in query.specifics if fold(stem(word, query.lang)) not in corpus)


def score(query: Query, q_vec: np.ndarray, found: list[Candidate], vectors: np.ndarray, retrieved: list) -> None:
    """Fill ``score`` and ``parts`` of every candidate, in place."""
    penalty = MISSING_SPECIFIC_PENALTY[query.lang] * min(2, _missing_specifics(query, retrieved))
    context = {id(item): term_overlap(query.terms, item.node.get_content(), query.lang) for item in retrieved}
    for cand, vec in zip(found, vectors):
        cue = (sum(has_answer_shape(cand.sentence, c) for c in query.cues) / len(query.cues)) if query.cues else 0.5
        cand.parts = {
            "sim": float(np.dot(q_vec, vec)),
            "overlap": term_overlap(query.terms, cand.sentence, query.lang),
            "context": context[id(cand.node)],
            "cue": cue,
            "rank": 1.0 / (1 + cand.passage_rank),
        }
        cand.score = sum(WEIGHTS[k] * v for k, v in cand.parts.items()) - penalty


def _too_similar(a: str, b: str) -> bool:
    wa, wb = set(TOKEN.findall(a.lower())), set(TOKEN.findall(b.lower()))
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > NEAR_DUPLICATE


def eligible(cand: Candidate, query: Query) -> bool:
    """Could this sentence answer the question at all?"""
    if any(c in REQUIRED_SHAPES and not has_answer_shape(cand.sentence, c) for c in query.cues):
        return False
    return max(cand.parts["overlap"], cand.parts["context"]) >= MIN_OVERLAP[query.lang]


def choose(found: list[Candidate], query: Query, threshold: float, max_sentences: int,
           margin: float = 0.06) -> list[Candidate]:
    """The best eligible sentence, plus close runners-up that add something; [] when unsupported."""
    ranked = sorted((c for c in found if eligible(c, query)), key=lambda c: c.score, reverse=True)
    if not ranked or ranked[0].score < threshold:
        return []
    chosen = [ranked[0]]
    for cand in ranked[1:]:
        if len(chosen) >= max_sentences or cand.score < max(threshold, ranked[0].score - margin):
            break
        if not any(_too_similar(cand.sentence, c.sentence) for c in chosen):
            chosen.append(cand)
    # The sentence with the shape asked for (a date for "när") leads; ties keep score order.
    return sorted(chosen, key=lambda c: -c.parts["cue"])
