"""A running engine (the chat) sees what a later ingest did, without a restart."""

from __future__ import annotations

import pytest

from ingest.pipeline import ingest

ARTICLE = """Nyhetsbrev om brandskydd

2026-03-01

Brandkåren i Exempelstad har köpt {count} nya rökdykarmasker.

Maskerna ska användas från sommaren, enligt räddningschefen.
"""
QUESTION = "Hur många rökdykarmasker har brandkåren köpt?"


@pytest.fixture
def store(make_settings, tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    settings = make_settings(corpus_dir=corpus)

    def write_and_ingest(count: int, rebuild: bool = False):
        (corpus / "brand.txt").write_text(ARTICLE.format(count=count), encoding="utf-8")
        if rebuild:
            from store.chroma import drop_collection

            drop_collection(settings)
        ingest([corpus], settings, embedder=embedder, warn=lambda m: None)

    return settings, write_and_ingest


@pytest.mark.parametrize("retriever", ["bm25", "hybrid", "dense"])
def test_an_edited_article_is_quoted_as_it_now_reads(store, embedder, retriever):
    from qa.engine import Engine

    settings, write_and_ingest = store
    write_and_ingest(40)
    engine = Engine(settings, embedder=embedder)
    assert "40 nya" in engine.answer(QUESTION, retriever=retriever).answer

    write_and_ingest(75)  # same number of passages, other words: only the store generation tells
    after = engine.answer(QUESTION, retriever=retriever)

    assert "75 nya" in after.answer and "40 nya" not in after.answer, after


def test_a_rebuilt_store_is_picked_up(store, embedder):
    from qa.engine import Engine

    settings, write_and_ingest = store
    write_and_ingest(40)
    engine = Engine(settings, embedder=embedder)
    assert "40 nya" in engine.answer(QUESTION).answer

    write_and_ingest(90, rebuild=True)
    after = engine.answer(QUESTION)

    assert not after.error and "90 nya" in after.answer, after


def test_building_the_bm25_index_prints_no_debug_chatter(store, embedder, caplog):
    """bm25s turns its own logger to DEBUG; the app's console must not show index builds."""
    import logging

    from qa.engine import Engine

    settings, write_and_ingest = store
    write_and_ingest(40)
    caplog.set_level(logging.DEBUG)
    assert "40 nya" in Engine(settings, embedder=embedder).answer(QUESTION, retriever="bm25").answer

    chatter = [r.getMessage() for r in caplog.records if r.name.startswith("bm25s") and r.levelno < logging.WARNING]
    assert not chatter, chatter


def test_building_and_loading_the_bm25_index_draw_no_progress_bar(store, embedder, capfd):
    """bm25s draws tqdm bars ("Finding newlines for mmindex") on save and load; the console stays clean."""
    from qa.engine import Engine

    settings, write_and_ingest = store
    write_and_ingest(40)
    capfd.readouterr()
    Engine(settings, embedder=embedder).answer(QUESTION, retriever="bm25")  # builds and persists the index
    Engine(settings, embedder=embedder).answer(QUESTION, retriever="bm25")  # loads it from the cache
    err = capfd.readouterr().err
    assert "mmindex" not in err and "%|" not in err, err
