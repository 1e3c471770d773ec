"""One article uploaded into a built store, beside the same upload that also sweeps for orphans.

Every ingest, and so every file uploaded in the chat, ends with the sweep for sentence vectors
whose passage is gone (``store/sentences.py``) when the store may hold some: one left by an older
version, or by a writer killed part-way. The reference upload follows such a kill (the store
marked as a killed writer leaves it); the upload measured follows a clean run, as most do.

>>> fig = upload_figures(settings, embedder, tmp / "uploads")      # doctest: +SKIP
>>> fig["ratio"] < 1, fig["orphans"]                                # doctest: +SKIP
(True, 0)
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench.measure import ratio, timed
from settings import Settings

ROUNDS = 3  # pairs of measurements, alternating which of the two goes first


def upload_figures(settings: Settings, embedder, folder: Path, rounds: int = ROUNDS, seed: int = 99) -> dict:
    """Seconds of ingesting one new article, after a clean run and after a killed one, summed over ``rounds``.

    Also ``orphan_step``: the step that ends those ingests timed alone, where a large store's
    other reads (every passage's metadata) drown it in the uploads' own variation.
    """
    from bench.figures import quiet
    from bench.synth import article_text, seed_sentences
    from ingest.pipeline import ingest
    from store import embedder_info, open_collection
    from store.chroma import bump_generation

    folder.mkdir(parents=True, exist_ok=True)
    rng, sentences = random.Random(seed), list(seed_sentences())
    seconds, orphans = {False: 0.0, True: 0.0}, 0
    for number in range(rounds * 2):
        path = folder / f"upload_{number:03d}.txt"
        path.write_text(article_text(rng, sentences, number), encoding="utf-8")
        if after_kill := reference_turn(number):
            bump_generation(open_collection(settings, embedder_info(embedder)), writing=True)
        report, took = timed(ingest, [path], settings, embedder=embedder, warn=quiet)
        seconds[after_kill] += took
        orphans += report.orphans
    step = orphan_step_figures(settings, embedder, rounds)
    return {**side_by_side(seconds), "uploads": rounds * 2, "orphans": orphans, "orphan_step": step}


def orphan_step_figures(settings: Settings, embedder, rounds: int = ROUNDS) -> dict:
    """Seconds of the step that ends an ingest, in this store (in order) and as a full sweep, summed over ``rounds``."""
    from store import embedder_info, open_collection
    from store.sentences import open_sentences, orphans_possible, sweep_orphans

    seconds = {False: 0.0, True: 0.0}
    for number in range(rounds * 2):
        full = reference_turn(number)
        started = time.perf_counter()
        collection, sentences = open_collection(settings, embedder_info(embedder)), open_sentences(settings)
        sweep_orphans(sentences, collection, full or orphans_possible(sentences, collection))
        seconds[full] += time.perf_counter() - started
    return side_by_side(seconds)


def reference_turn(number: int) -> bool:
    """Whether measurement ``number`` is the reference's: second in even pairs, first in odd ones.

    >>> [reference_turn(n) for n in range(4)]
    [False, True, True, False]
    """
    return bool(number % 2) != bool(number // 2 % 2)


def side_by_side(seconds: dict[bool, float]) -> dict:
    """The figure (``seconds[False]``) beside its reference (``seconds[True]``)."""
    return {
        "value": round(seconds[False], 4),
        "reference": round(seconds[True], 4),
        "ratio": ratio(seconds[False], seconds[True]),
    }
