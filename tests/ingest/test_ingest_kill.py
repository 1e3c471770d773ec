"""``kill -9`` in the middle of an ingest, then run it again: the store ends up as if never killed."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import time
from collections import defaultdict

import pytest
from ingest_helpers import KILL_BACKEND, start_cli, stored_passages
from proc_helpers import stop_process

from settings import ROOT

# Servers and subprocesses: a hang fails here, in two minutes at most.
pytestmark = pytest.mark.timeout(120)

N_SYNTHETIC = 60


def synthetic_article(n: int) -> str:
    """A clearly fake article of one long sentence (one passage, about 5,300 characters).

    The pipeline writes to the store every ~100 kB of text, so the corpus must be long for a
    kill to find some articles written and others not; made-up words over 100 characters are
    one token each to the embedder, so all that text stays cheap to embed.
    """
    words = " ".join(f"syntetisktestord{n:03d}x{k:02d}" * 6 for k in range(40))
    return f"2024-02-{n % 28 + 1:02d}\n\nSYNTETISK TESTARTIKEL {n}\n\nSYNTETISK TESTARTIKEL {n}: {words}.\n"


def make_corpus(folder):
    shutil.copytree(ROOT / "corpus", folder)
    for n in range(N_SYNTHETIC):
        (folder / f"syn_{n:03d}.txt").write_text(synthetic_article(n), encoding="utf-8")


PASSAGE_ROWS = (  # rows of the passage collection only (its sentence vectors live in another one)
    "SELECT count(*) FROM embeddings e JOIN segments s ON e.segment_id = s.id "
    "JOIN collections c ON s.collection = c.id WHERE c.name = ?"
)


def stored_rows(chroma_file, collection: str = "articles") -> int:
    """Passages written so far, read straight from Chroma's SQLite file (no client in this process)."""
    if not chroma_file.exists():
        return 0
    con = sqlite3.connect(f"file:{chroma_file}?mode=ro", uri=True, timeout=1)
    try:
        return con.execute(PASSAGE_ROWS, (collection,)).fetchone()[0]
    except sqlite3.Error:  # tables not created yet, or locked by the writer for a moment
        return 0
    finally:
        con.close()


def kill_once_writing(proc: subprocess.Popen, chroma_file, log, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while stored_rows(chroma_file) == 0:
        assert proc.poll() is None, f"ingest ended before writing anything:\n{log.read_text()[-2000:]}"
        assert time.monotonic() < deadline, "ingest wrote nothing in time"
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_ingest_killed_while_writing_then_rerun_matches_a_clean_ingest(tmp_path, make_settings, minilm):
    from ingest.pipeline import ingest

    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    killed = make_settings(data_dir=tmp_path / "killed", embed_backend=KILL_BACKEND)
    log = tmp_path / "ingest.log"
    with log.open("w") as out:
        proc = start_cli(corpus, killed.data_dir, backend=KILL_BACKEND, stdout=out, stderr=subprocess.STDOUT)
    try:
        kill_once_writing(proc, killed.chroma_path / "chroma.sqlite3", log)
    finally:
        stop_process(proc, kill=True)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = len(stored_passages(killed))

    resumed = ingest([corpus], killed, embedder=minilm, warn=lambda m: None)
    clean = make_settings(data_dir=tmp_path / "clean", embed_backend=KILL_BACKEND)
    ingest([corpus], clean, embedder=minilm, warn=lambda m: None)

    after, expected = stored_passages(killed), stored_passages(clean)
    assert [p["id"] for p in after] == [p["id"] for p in expected]
    assert 0 < partial < len(expected)
    assert resumed.unchanged > 0 and resumed.embedded < len(expected)
    hashes = defaultdict(set)
    for p in after:
        hashes[p["meta"]["doc_id"]].add(p["meta"]["doc_hash"])
    assert all(len(h) == 1 for h in hashes.values())
    assert [(p["text"], p["meta"]["doc_hash"]) for p in after] == [(p["text"], p["meta"]["doc_hash"]) for p in expected]
