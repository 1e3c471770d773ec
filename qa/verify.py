"""Check an LLM answer sentence by sentence against the passages it cites.

A sentence survives when it cites at least one real passage, every number and
name in it occurs in those passages, and (when it is in the passages'
language) most of its content words do too. Markers that point at no passage
are dropped.

>>> passages = {1: "Målbilden skruvades upp till 2500 kameror nationellt."}
>>> v = verify_answer("Målet är 2500 kameror nationellt [1]. Det finns 9000 drönare [1]. Se [9].", passages)
>>> v.text, v.removed
('Målet är 2500 kameror nationellt [1].', 2)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.sentences import sentence_spans
from qa.text import TOKEN, detect_language, fold, specific_terms, stem

MARKER = re.compile(r"\s*\[(\d+)\]")
NUMBER = re.compile(r"\d[\d\s.,]*\d|\d")
MIN_COVERAGE = 0.6


@dataclass
class Verified:
    text: str
    used: list[int] = field(default_factory=list)  # passage numbers cited by kept sentences
    quotes: dict[int, list[str]] = field(default_factory=dict)  # n -> sentences of that passage it rests on
    removed: int = 0


def _digits(text: str) -> set[str]:
    return {re.sub(r"[\s.,]", "", m) for m in NUMBER.findall(text)}


def supported(sentence: str, passage_text: str) -> bool:
    """Numbers, names and (same language) most content words of ``sentence`` are in the passage."""
    if not _digits(sentence) <= _digits(passage_text):
        return False
    folded = fold(passage_text)
    if any(fold(stem(name)) not in folded for name in specific_terms(sentence) if not name.isdigit()):
        return False
    if detect_language(sentence) != detect_language(passage_text):
        return True  # a translation: numbers and names were the checkable part
    words = [w for w in TOKEN.findall(sentence.lower()) if len(w) > 3]
    passage_stems = {stem(w) for w in TOKEN.findall(passage_text)}
    covered = sum(stem(w) in passage_stems or fold(stem(w)) in folded for w in words)
    return not words or covered / len(words) >= MIN_COVERAGE


def best_quote(sentence: str, passage_text: str) -> str:
    """The passage sentence sharing most words with ``sentence``, for highlighting."""
    words = set(TOKEN.findall(sentence.lower()))
    spans = sentence_spans(passage_text) or [(0, len(passage_text))]
    best = max(spans, key=lambda s: len(words & set(TOKEN.findall(passage_text[s[0]:s[1]].lower()))))
    return passage_text[best[0] : best[1]]


def verify_answer(text: str, passages: dict[int, str]) -> Verified:
    kept, result = [], Verified(text="")
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", sentence) if int(n) in passages]
        bare = MARKER.sub("", sentence).strip()
        if not bare or re.fullmatch(r"[\W_]*", bare):
            continue
        evidence = " ".join(passages[n] for n in cited)
        if not cited or not supported(bare, evidence):
            result.removed += 1
            continue
        for n in cited:
            result.quotes.setdefault(n, []).append(best_quote(bare, passages[n]))
        marks = "".join(f" [{n}]" for n in dict.fromkeys(cited))
        kept.append(_place_markers(bare, marks))
    result.text = " ".join(kept)
    result.used = list(result.quotes)
    return result


def _place_markers(sentence: str, marks: str) -> str:
    """Markers before the final stop, as the prompt asks: 'Text [1].'"""
    match = re.search(r"[.!?…]+$", sentence)
    if not match:
        return sentence + marks
    return sentence[: match.start()] + marks + match.group()
