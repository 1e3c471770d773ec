"""Chunking: passages of whole sentences that point exactly into the article text."""

from __future__ import annotations

import pytest

from ingest.chunk import MAX_CHARS, MAX_SENTENCES, chunk_text
from ingest.clean import parse_article
from textkit.sentences import sentence_spans

pytestmark = pytest.mark.fast

ARTICLE = "Rubrik\n\n" + " ".join(f"Mening nummer {i}." for i in range(10)) + "\n\nSista stycket här."


def test_passages_cover_every_sentence_once_in_order_and_never_cut_one():
    passages = chunk_text(ARTICLE)
    starts = {s for s, _ in sentence_spans(ARTICLE)}
    ends = {e for _, e in sentence_spans(ARTICLE)}
    assert all(p.end in ends for p in passages) and all(p.start in starts or p.start == 0 for p in passages)
    assert [p.start for p in passages] == sorted(p.start for p in passages)
    assert all(a.end < b.start for a, b in zip(passages, passages[1:]))
    assert sum(p.sentences for p in passages) == len(sentence_spans(ARTICLE)) - 1  # the heading joins a sentence


def test_a_heading_goes_with_the_paragraph_below_it():
    first = chunk_text(ARTICLE)[0]
    assert ARTICLE[first.start : first.end].startswith("Rubrik\n\nMening nummer 0.")


def test_no_passage_holds_more_than_the_maximum_sentences():
    assert all(p.sentences <= MAX_SENTENCES for p in chunk_text(ARTICLE))
    assert all(p.sentences <= 2 for p in chunk_text(ARTICLE, max_sentences=2))


def test_an_over_long_sentence_is_cut_at_spaces_into_passages_that_fit_and_nothing_is_lost():
    text = "Ord " * 300 + "slut."  # 1,205 characters and no full stop before the end
    passages = chunk_text(text)
    assert len(passages) == 2 and all(p.end - p.start <= MAX_CHARS for p in passages)
    assert " ".join(text[p.start : p.end] for p in passages) == text


def test_a_megabyte_sentence_in_a_file_is_cleaned_and_cut_into_passages_that_fit():
    """The text stages alone; tests/reliability/test_bad_files.py embeds a smaller one (embedding 1 MB takes ~100 s)."""
    article = parse_article("2024-01-02\n\nRubrik\n\n" + "ord " * 250_000 + ".", "huge")
    passages = chunk_text(article.text)
    assert article.title == "Rubrik" and len(article.text) == 1_000_001
    assert len(passages) > 1_000 and all(p.end - p.start <= MAX_CHARS for p in passages)
    assert " ".join(article.text[p.start : p.end] for p in passages) == article.text


def test_empty_text_has_no_passages_and_a_lone_heading_is_kept():
    assert chunk_text("") == []
    assert [(p.start, p.end) for p in chunk_text("Bara en rubrik")] == [(0, 14)]
