"""``kill -9`` of ``python -m ingest`` at several points, then a re-run: the store equals a clean ingest.

tests/ingest kills once, while writing; here the kill lands before the model is
loaded, while the store is opened and the model loads, and once the first
passages are stored, on ~200 small synthetic articles (bench.synth, marked
[SYNTETISK TESTDATA]) plus the seeds. The in-process re-runs embed through a
memo, so only the first sight of a text costs model time; every re-run still
goes through the real ``ingest()`` and its store logic.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections import defaultdict

import pytest
from ingest_helpers import KILL_BACKEND, start_cli, stored_passages
from test_ingest_kill import stored_rows

from settings import Settings

# Servers and subprocesses: a hang fails here, in two minutes at most.
pytestmark = pytest.mark.timeout(120)

KILL_POINTS = {
    "after 0.5 s": lambda elapsed, rows: elapsed >= 0.5,
    "after 2 s": lambda elapsed, rows: elapsed >= 2.0,
    "first passages stored": lambda elapsed, rows: rows > 0,
}


class MemoEmbedder:
    """The real embedder, remembering each text's vector (re-runs embed the same texts again)."""

    def __init__(self, inner):
        from store import identity

        self.inner, self.memo = inner, {}
        self.identity = identity(inner)  # the store records the wrapped embedder

    def get_text_embedding_batch(self, texts: list[str], **kwargs) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.inner.get_text_embedding_batch(missing, **kwargs)))
        return [self.memo[t] for t in texts]


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory, minilm):
    """The corpus, the passages a clean, never-killed ingest stores from it, and the memo embedder."""
    from bench.synth import write_corpus
    from ingest.pipeline import ingest

    root = tmp_path_factory.mktemp("kills")
    write_corpus(root / "corpus", articles=200, seed=11, size=(3, 5))
    clean, memo = Settings(data_dir=root / "clean", embed_backend=KILL_BACKEND), MemoEmbedder(minilm)
    ingest([root / "corpus"], clean, embedder=memo, warn=lambda m: None)
    return root / "corpus", stored_passages(clean), memo


def kill_when(proc: subprocess.Popen, point: str, chroma_file, timeout: float = 180) -> bool:
    """SIGKILL ``proc`` once ``point`` holds; False if it finished first."""
    started = time.monotonic()
    while proc.poll() is None:
        elapsed = time.monotonic() - started
        assert elapsed < timeout, f"kill point {point!r} not reached in {timeout} s"
        if KILL_POINTS[point](elapsed, stored_rows(chroma_file)):
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_killed_ingest_rerun_equals_a_clean_ingest(point, kill_corpus, tmp_path):
    from ingest.pipeline import ingest

    corpus, expected, memo = kill_corpus
    killed = Settings(data_dir=tmp_path / "killed", embed_backend=KILL_BACKEND)
    proc = start_cli(
        corpus, killed.data_dir, backend=KILL_BACKEND, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        was_killed = kill_when(proc, point, killed.chroma_path / "chroma.sqlite3")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert was_killed and proc.returncode == -signal.SIGKILL, f"ingest finished before {point!r}"
    partial = stored_rows(killed.chroma_path / "chroma.sqlite3")
    assert partial < len(expected) and (partial > 0 or point != "first passages stored")

    report = ingest([corpus], killed, embedder=memo, warn=lambda m: None)

    after = stored_passages(killed)
    assert len(after) == len(expected) and report.files_read == 202
    assert [p["id"] for p in after] == [p["id"] for p in expected]
    hashes = defaultdict(set)
    for p in after:
        hashes[p["meta"]["doc_id"]].add(p["meta"]["doc_hash"])
    assert all(len(h) == 1 for h in hashes.values()), {d: h for d, h in hashes.items() if len(h) > 1}
