"""``python tests/ingest/fault_ingest.py ARGS``: ``python -m ingest ARGS`` that dies at a chosen moment.

A test-only wrapper, so product code carries no fault hook. It SIGKILLs its own
process, as a power cut would, at the moment the environment names:

- ``NEWSQA_FAULT_AFTER_PASSAGES=N``: the vector store's ``add`` writes the first N passages of the batch, then dies;
- ``NEWSQA_FAULT_AFTER_DELETES=N``: its ``delete`` (of one article's passages) dies after the Nth article;
- ``NEWSQA_FAULT_AT_LAST_BUMP=1``: the run dies where it would bump the store's generation after its last change.
"""

from __future__ import annotations

import os
import signal
import sys

import ingest.pipeline
from ingest.__main__ import main


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class DyingStore:
    """The real vector store, except that it kills the process after ``passages`` added or ``deletes`` done."""

    def __init__(self, store, passages: int | None, deletes: int | None):
        self._store, self._passages, self._deletes = store, passages, deletes

    def __getattr__(self, name):
        return getattr(self._store, name)

    def add(self, nodes, **kwargs):
        if self._passages is None:
            return self._store.add(nodes, **kwargs)
        self._store.add(nodes[: self._passages], **kwargs)
        die()

    def delete(self, ref_doc_id, **kwargs):
        self._store.delete(ref_doc_id, **kwargs)
        if self._deletes is not None:
            self._deletes -= 1
            if self._deletes <= 0:
                die()


def dying_store(passages: int | None, deletes: int | None):
    real_open = ingest.pipeline.open_vector_store
    return lambda collection: DyingStore(real_open(collection), passages, deletes)


def dying_last_bump():
    real_bump = ingest.pipeline.bump_generation

    def bump(collection, writing: bool = False):
        if not writing:
            die()
        real_bump(collection, writing=True)

    return bump


def _number(name: str) -> int | None:
    value = os.environ.get(name)
    return int(value) if value else None


if __name__ == "__main__":
    passages, deletes = _number("NEWSQA_FAULT_AFTER_PASSAGES"), _number("NEWSQA_FAULT_AFTER_DELETES")
    ingest.pipeline.open_vector_store = dying_store(passages, deletes)
    if os.environ.get("NEWSQA_FAULT_AT_LAST_BUMP"):
        ingest.pipeline.bump_generation = dying_last_bump()
    sys.exit(main(sys.argv[1:]))
