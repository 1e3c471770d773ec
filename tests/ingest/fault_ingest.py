"""``python tests/ingest/fault_ingest.py ARGS``: ``python -m ingest ARGS`` that dies half-way through an article.

A test-only wrapper, so product code carries no fault hook: it swaps the vector
store's ``add`` for one that writes the first ``NEWSQA_FAULT_AFTER_PASSAGES``
passages of the batch, then SIGKILLs its own process, as a power cut would.
"""

from __future__ import annotations

import os
import signal
import sys

import ingest.pipeline
from ingest.__main__ import main


class DyingStore:
    """The real vector store, except that ``add`` writes ``after`` passages and then kills the process."""

    def __init__(self, store, after: int):
        self._store, self._after = store, after

    def __getattr__(self, name):
        return getattr(self._store, name)

    def add(self, nodes, **kwargs):
        self._store.add(nodes[: self._after], **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)


def add_then_die(after: int):
    real_open = ingest.pipeline.open_vector_store
    return lambda collection: DyingStore(real_open(collection), after)


if __name__ == "__main__":
    ingest.pipeline.open_vector_store = add_then_die(int(os.environ["NEWSQA_FAULT_AFTER_PASSAGES"]))
    sys.exit(main(sys.argv[1:]))
