"""Pure functions that grade one answer and summarise a list of graded results.

A result is one JSON line of ``evals/out/results-<retriever>.jsonl`` (see
``evals.runner.to_record``); nothing here touches the engine or the store, so
the metrics can be recomputed from a results file alone.

>>> hit_at_k(["b", "a", "c"], ["a"], 1), hit_at_k(["b", "a", "c"], ["a"], 3)
(False, True)
>>> reciprocal_rank(["b", "a", "c"], ["a"])
0.5
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from qa.types import CITATION_MARKER, QUOTE_JOIN

MARKER_RUN = re.compile(rf"(?:\s*{CITATION_MARKER.pattern})+")
# "2 500 kameror: Sentence", "**2 500 kameror** – Sentence", or the span on a line of its own.
SHORT_ANSWER = re.compile(r"^(.{1,80}?)(?:\s*[:–—]\s+|\s*\n+\s*)(.+)$", re.S)
# The engine cites its short answer: "2014 [1]: Polisen började ... 2014. [1]".
CITED_SHORT_ANSWER = re.compile(r"^([^\n\[\]]{1,80}?)(?:\s*\[\d+\])+:\s+")
# A quote from one of two disagreeing articles is led by its article's date: "(2024-03-04) ...".
DATED = re.compile(r"^\((\d{4}-\d{2}-\d{2})\)\s+")


def hit_at_k(ranked_ids: Sequence[str], expected: Iterable[str], k: int) -> bool:
    """Whether one of the first ``k`` retrieved passages comes from an expected article.

    >>> hit_at_k(["x", "y", "a"], {"a"}, 2)
    False
    """
    wanted = set(expected)
    return any(doc_id in wanted for doc_id in ranked_ids[:k])


def reciprocal_rank(ranked_ids: Sequence[str], expected: Iterable[str]) -> float:
    """1/rank of the first passage from an expected article; 0.0 if none was retrieved.

    >>> reciprocal_rank(["a", "b"], ["a"]), reciprocal_rank(["x", "y", "z", "a"], ["a"]), reciprocal_rank(["x"], ["a"])
    (1.0, 0.25, 0.0)
    """
    wanted = set(expected)
    return next((1.0 / rank for rank, doc_id in enumerate(ranked_ids, 1) if doc_id in wanted), 0.0)


def missing_facts(answer: str, facts: Iterable[str]) -> list[str]:
    """The expected-fact patterns that ``re.search`` (ignoring case) does not find in the answer.

    >>> missing_facts("Målet är 2500 kameror. [1]", ["2500", "1600", "KAMEROR"])
    ['1600']
    """
    return [fact for fact in facts if not re.search(fact, answer, re.IGNORECASE)]


def citation_problems(
    answer: str, citations: Sequence[Mapping], stored: Mapping[str, str], extractive: bool = True
) -> list[str]:
    """What is wrong with the citations of a (non-refused) answer; empty when all are valid.

    Every ``[n]`` marker must name a citation; every sentence of a citation's
    quote must stand verbatim in its passage; the passage must be the one in
    the store (``stored`` maps chunk_id to passage text). An extractive answer
    is checked itself too: each of its sentences must stand verbatim in a
    passage its marker cites (see ``answer_problems``); pass ``extractive=False``
    for an LLM answer, whose sentences are paraphrases checked by ``qa.verify``.

    >>> cite = {"n": 1, "chunk_id": "d#1", "text": "Målet är 2500. Sedan mer.", "quote": "Målet är 2500."}
    >>> citation_problems("Målet är 2500. [1]", [cite], {"d#1": "Målet är 2500. Sedan mer."})
    []
    >>> citation_problems("Målet är 2500. [1] Mer. [3]", [cite], {"d#1": "Målet är 2500. Sedan mer."})
    ['invalid citation [3]: no citation has that number']
    """
    markers = [int(n) for n in CITATION_MARKER.findall(answer)]
    if not markers:
        return ["invalid citation: the answer has no [n] marker"]
    by_number = {c["n"]: c for c in citations}
    problems = [
        f"invalid citation [{n}]: no citation has that number" for n in dict.fromkeys(markers) if n not in by_number
    ]
    for n in dict.fromkeys(m for m in markers if m in by_number):
        problems += _passage_problems(by_number[n], stored)
    return problems + (answer_problems(answer, by_number) if extractive else [])


def cited_segments(answer: str) -> list[tuple[str, list[int]]]:
    """The answer cut at its markers: (text, the numbers of the markers right after it).

    >>> cited_segments("Ett. [1] Två tre. [2][1] Slut")
    [('Ett.', [1]), ('Två tre.', [2, 1]), ('Slut', [])]
    """
    segments, start = [], 0
    for run in MARKER_RUN.finditer(answer):
        segments.append((answer[start : run.start()].strip(), [int(n) for n in CITATION_MARKER.findall(run.group())]))
        start = run.end()
    tail = answer[start:].strip()
    return [seg for seg in segments if seg[0]] + ([(tail, [])] if tail else [])


def answer_problems(answer: str, by_number: Mapping[int, Mapping]) -> list[str]:
    """Sentences of an extractive answer that do not stand verbatim in a passage they cite.

    A leading short answer ("2 500 kameror: Målet är ...") is allowed when it
    occurs in the sentence it introduces.

    >>> cites = {1: {"text": "Målet är 2500 kameror nationellt. Det var 1600 förut."}}
    >>> answer_problems("Målet är 2500 kameror nationellt. [1]", cites)
    []
    >>> answer_problems("2500 kameror: Målet är 2500 kameror nationellt. [1]", cites)
    []
    >>> answer_problems("2500 kameror [1]: Målet är 2500 kameror nationellt. [1]", cites)
    []
    >>> answer_problems("Målet är 2500 kamerorna nationellt. [1]", cites)
    ["answer sentence not in its cited passage [1]: 'Målet är 2500 kamerorna nationellt.'"]
    >>> answer_problems("1600 [1]: (2024-03-04) Det var 1600 förut. [1]", {1: {**cites[1], "date": "2024-03-04"}})
    []
    """
    from textkit.sentences import sentence_spans

    problems = []
    if lead := CITED_SHORT_ANSWER.match(answer):
        answer = f"{lead.group(1)}: {answer[lead.end() :]}"
    for i, (segment, numbers) in enumerate(cited_segments(answer)):
        passages = [by_number[n].get("text", "") for n in numbers if n in by_number]
        if numbers and not passages:
            continue  # its markers name no citation: reported as such already
        if i == 0 and (lead := SHORT_ANSWER.match(segment)) and lead.group(1).strip("* ") in lead.group(2):
            segment = lead.group(2)  # the short answer stands in the sentence: check that sentence
        segment = _without_article_head(segment, [by_number[n] for n in numbers if n in by_number])
        dated = DATED.match(segment)
        if dated and any(by_number[n].get("date") == dated.group(1) for n in numbers if n in by_number):
            segment = segment[dated.end() :]
        for s, e in sentence_spans(segment):
            sentence = segment[s:e]
            if not any(sentence in passage for passage in passages):
                where = "".join(f"[{n}]" for n in numbers) or "(no marker)"
                problems.append(f"answer sentence not in its cited passage {where}: {sentence[:80]!r}")
    return problems


def _without_article_head(segment: str, cited: Sequence[Mapping]) -> str:
    """An overview line names its article first ('Headline (Outlet, date): lede'); the lede is checked.

    >>> _without_article_head("R (B, 2024-01-02): Text.", [{"title": "R", "source": "B", "date": "2024-01-02"}])
    'Text.'
    """
    from qa.overview import article_head

    for citation in cited:
        head = article_head(citation) + ": "
        if segment.startswith(head):
            return segment[len(head) :]
    return segment


def _passage_problems(citation: Mapping, stored: Mapping[str, str]) -> list[str]:
    """Quote and passage checks of one cited passage.

    >>> _passage_problems({"n": 2, "chunk_id": "d#1", "text": "A. B.", "quote": "A. … C."}, {"d#1": "A. B."})
    ["invalid citation [2]: quote not in its passage: 'C.'"]
    """
    n, text = citation["n"], citation.get("text", "")
    sentences = [s for s in citation.get("quote", "").split(QUOTE_JOIN) if s.strip()]
    problems = [] if sentences else [f"invalid citation [{n}]: it quotes nothing"]
    problems += [f"invalid citation [{n}]: quote not in its passage: {s[:80]!r}" for s in sentences if s not in text]
    original = stored.get(citation.get("chunk_id", ""))
    if original is None:
        problems.append(f"invalid citation [{n}]: passage {citation.get('chunk_id')!r} is not in the store")
    elif original != text:
        problems.append(f"invalid citation [{n}]: passage text differs from the stored passage")
    return problems


def percentile(values: Sequence[float], pct: float) -> float | None:
    """The ``pct`` percentile with linear interpolation (numpy's default); None for no values.

    >>> percentile([40, 10, 30, 20], 50), percentile([10, 20, 30, 40], 95)
    (25.0, 38.5)
    """
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * pct / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (pos - low))


def mean_of(items: Sequence, value: Callable[[Mapping], float]) -> float | None:
    """Mean of ``value(item)`` (a bool counts 0/1); None when there are no items.

    >>> mean_of([{"ok": True}, {"ok": False}], lambda r: r["ok"]), mean_of([], len)
    (0.5, None)
    """
    return sum(float(value(item)) for item in items) / len(items) if items else None


SHORT_TYPES = ("number", "date", "name", "place")
SHORT_EXTRA_WORDS = 3  # "exactly right" allows a unit or preposition more, not a clause


def short_answer_exact(given: str, expected: str) -> bool:
    """The expected span is inside the given one, which is at most a few words longer.

    >>> short_answer_exact("2 500 kameror", "2 500 kameror"), short_answer_exact("i Luleå", "Luleå")
    (True, True)
    >>> short_answer_exact("1 600", "2 500"), short_answer_exact("", "2 500")
    (False, False)
    """
    g, e = " ".join(given.split()).lower(), " ".join(expected.split()).lower()
    return bool(g and e) and e in g and len(g.split()) - len(e.split()) <= SHORT_EXTRA_WORDS


def short_answer_asked(record: Mapping) -> bool:
    """An answered number/date/name/place question with an expected short answer."""
    return (
        record.get("answer_type") in SHORT_TYPES
        and bool(record.get("short_answer"))
        and record["answerable"]
        and not record["refused"]
    )


def doc_ids(record: Mapping) -> list[str]:
    """The article ids of the retrieved passages, best first (one per passage, repeats kept)."""
    return [hit["doc_id"] for hit in record["retrieved"]]


def cites_expected(record: Mapping) -> bool:
    """Whether one of the answer's citations is from an expected article."""
    return any(c["doc_id"] in record["expected_sources"] for c in record["citations"])


def metrics(records: Sequence[Mapping]) -> dict:
    """Every metric of the report over some results (see evals/README.md for each one).

    >>> r = {"lang": "sv", "answerable": True, "refused": False, "answer": "2500 kameror. [1]",
    ...      "expected_facts": ["2500"], "expected_sources": ["a"], "citations": [{"doc_id": "a"}],
    ...      "citations_valid": True, "retrieved": [{"doc_id": "b"}, {"doc_id": "a"}], "latency_ms": 12.0, "passed": True}
    >>> m = metrics([r])
    >>> m["hit_at_1"], m["hit_at_3"], m["mrr"], m["key_fact_recall"], m["refusal_accuracy"]
    (0.0, 1.0, 0.5, 1.0, None)
    """
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    ranked = [r for r in answerable if r["expected_sources"]]
    answered = [r for r in answerable if not r["refused"]]
    latencies = [r["latency_ms"] for r in records]
    return {
        "questions": len(records),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "hit_at_1": mean_of(ranked, lambda r: hit_at_k(doc_ids(r), r["expected_sources"], 1)),
        "hit_at_3": mean_of(ranked, lambda r: hit_at_k(doc_ids(r), r["expected_sources"], 3)),
        "mrr": mean_of(ranked, lambda r: reciprocal_rank(doc_ids(r), r["expected_sources"])),
        "key_fact_recall": mean_of(
            answerable, lambda r: not (r["refused"] or missing_facts(r["answer"], r["expected_facts"]))
        ),
        "citation_validity": mean_of([r for r in records if not r["refused"]], lambda r: r["citations_valid"]),
        "cited_source_hit": mean_of([r for r in answered if r["expected_sources"]], cites_expected),
        "refusal_accuracy": mean_of(unanswerable, lambda r: r["refused"]),
        "short_answer_exact": mean_of(
            [r for r in records if short_answer_asked(r)],
            lambda r: short_answer_exact(r.get("given_short_answer", ""), r["short_answer"]),
        ),
        "false_refusal_rate": mean_of(answerable, lambda r: r["refused"]),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
        "pass_rate": mean_of(records, lambda r: r["passed"]),
    }


def grouped(records: Sequence[Mapping], key: str) -> dict[str, dict]:
    """Metrics per value of ``key`` (in order of first appearance); records without it are left out."""
    values = dict.fromkeys(r[key] for r in records if r.get(key))
    return {value: metrics([r for r in records if r.get(key) == value]) for value in values}


def summarize(records: Sequence[Mapping], retriever: str = "") -> dict:
    """Metrics overall, per language, per question category and per article format.

    >>> s = summarize([{"lang": "en", "answerable": False, "refused": True, "retrieved": [],
    ...                 "latency_ms": 5.0, "passed": True, "category": "near_miss"}], "hybrid")
    >>> s["retriever"], s["overall"]["refusal_accuracy"], list(s["by_lang"]), list(s["by_category"]), s["by_format"]
    ('hybrid', 1.0, ['en'], ['near_miss'], {})
    """
    return {
        "retriever": retriever,
        "overall": metrics(records),
        "by_lang": grouped(records, "lang"),
        "by_category": grouped(records, "category"),
        "by_format": grouped(records, "format"),
    }
