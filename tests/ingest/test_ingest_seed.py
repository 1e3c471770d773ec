"""What the two bundled seed articles look like once they are in the store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ingest_helpers import stored_passages

from ingest.clean import parse_article
from ingest.reader import read_article

ARTICLE_A = "000_a5d2021ba032f9f0"
ARTICLE_B = "001_bdd417f66c796474"
CHROME = ("Taggar", "Leverantörer", "Ändra marknad", "Till toppen av sidan", "Stäng")
SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*$")


@pytest.fixture(scope="module")
def passages(seed_settings) -> list[dict]:
    return stored_passages(seed_settings)


def cleaned_text(corpus: Path, doc_id: str) -> str:
    raw = read_article(corpus / f"{doc_id}.txt", max_bytes=10**8)
    return parse_article(raw.text, doc_id, raw).text


def of_article(passages: list[dict], doc_id: str) -> list[dict]:
    return [p for p in passages if p["meta"]["doc_id"] == doc_id]


@pytest.mark.parametrize(
    "doc_id, title, date, source",
    [
        (ARTICLE_A, "”Kameror har minskat drogförsäljningen”", "2021-12-06", ""),
        (
            ARTICLE_B,
            "#TRYGGHETNU: Han ska berätta om polisens utökade kamerabevakning",
            "2024-03-04",
            "SecurityWorldMarket",
        ),
    ],
)
def test_seed_article_metadata_is_exact(passages, doc_id, title, date, source):
    mine = of_article(passages, doc_id)
    assert mine, f"no passages stored for {doc_id}"
    assert {(p["meta"]["title"], p["meta"]["date"], p["meta"]["source"]) for p in mine} == {(title, date, source)}
    assert all(p["meta"]["n_chunks"] == len(mine) for p in mine)


def test_site_chrome_lines_are_not_stored(passages):
    lines = {line.strip() for p in passages for line in p["text"].splitlines()}
    assert not lines & set(CHROME)
    assert not any(p["text"].rstrip().endswith(word) for p in passages for word in CHROME)


@pytest.mark.parametrize(
    "phrase",
    [
        "Polisen började hämta in uppgifter till en nationell lägesbild 2014.",
        "Kameror hjälper oss mycket i brottsbekämpning",
    ],
)
def test_repeated_paragraph_is_stored_once(passages, phrase):
    assert sum(p["text"].count(phrase) for p in of_article(passages, ARTICLE_A)) == 1


@pytest.mark.parametrize("doc_id", [ARTICLE_A, ARTICLE_B])
def test_passage_offsets_point_into_the_cleaned_text(passages, seed_settings, doc_id):
    text = cleaned_text(seed_settings.corpus_dir, doc_id)
    mine = sorted(of_article(passages, doc_id), key=lambda p: p["meta"]["start"])
    for p in mine:
        assert text[p["meta"]["start"] : p["meta"]["end"]] == p["text"]
    # Together the passages cover the whole article, in order, losing nothing but white space.
    bounds = [0] + [x for p in mine for x in (p["meta"]["start"], p["meta"]["end"])] + [len(text)]
    gaps = [text[a:b] for a, b in zip(bounds[::2], bounds[1::2])]
    assert all(not gap.strip() for gap in gaps), gaps


@pytest.mark.parametrize("doc_id", [ARTICLE_A, ARTICLE_B])
def test_passages_never_cut_a_sentence(passages, seed_settings, doc_id):
    """A passage ends on sentence-final punctuation, or where the writer ended a paragraph
    without it (001 has "... aktuell lägesbild. kommenterar han"), or at the article's end."""
    text = cleaned_text(seed_settings.corpus_dir, doc_id)
    for p in of_article(passages, doc_id):
        after = text[p["meta"]["end"] :]
        assert SENTENCE_END.search(p["text"]) or after == "" or after.startswith("\n\n"), p["text"][-60:]
        before = text[: p["meta"]["start"]]
        assert before == "" or before.endswith((" ", "\n")), p["text"][:60]
