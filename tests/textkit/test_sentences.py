"""Sentence spans: what a citation can quote, and what a passage is cut from."""

from __future__ import annotations

import pytest

from textkit.sentences import heading_spans, is_heading, sentence_spans

pytestmark = pytest.mark.fast


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Han bor på St. Eriksgatan. Det gör hon också.", ["Han bor på St. Eriksgatan.", "Det gör hon också."]),
        ("Bl.a. Malmö. Det är t.ex. Lund.", ["Bl.a. Malmö.", "Det är t.ex. Lund."]),
        ("Mötet är kl. 14.30 i dag. ”Bra”, säger hon.", ["Mötet är kl. 14.30 i dag.", "”Bra”, säger hon."]),
        ("Första! Andra? Tredje… Fjärde.", ["Första!", "Andra?", "Tredje…", "Fjärde."]),
        ("Det kostar 5 kr. Sedan 2020. 15 procent.", ["Det kostar 5 kr.", "Sedan 2020.", "15 procent."]),
        ("Utan punkt\n\nNästa stycke.", ["Utan punkt", "Nästa stycke."]),
    ],
)
def test_sentences_end_at_stops_not_at_abbreviations_times_or_initials(text, expected):
    assert sentences(text) == expected


def test_spans_are_exact_trimmed_character_ranges_shifted_by_offset():
    text = "  Ett.   Två.  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Ett.", "Två."]
    assert sentence_spans(text, offset=100) == [(s + 100, e + 100) for s, e in spans]
    assert sentence_spans("") == [] and sentence_spans(" \n\n ") == []


def test_headings_are_short_lines_without_closing_punctuation_and_not_list_items():
    text = "Nya kameror i centrum\n\nPolisen sätter upp fler.\n\n- Lund: 12 kameror\n\n2) Malmö"
    assert [text[s:e] for s, e in heading_spans(text)] == ["Nya kameror i centrum"]
    assert not is_heading("En lång rad ord som är alldeles för många för att vara en rubrik här")
    assert not is_heading("") and not is_heading("Han sa: nej")
