"""Plain helpers for the ingest tests: write articles, read back the store, run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from settings import PROCESS_ENV, ROOT, Settings


def stored_passages(settings: Settings) -> list[dict]:
    """Every stored passage as ``{"id", "text", "meta"}``, sorted by id."""
    from store import embedder_info, open_collection
    from store.passages import iter_passages

    rows = iter_passages(open_collection(settings, embedder_info(settings)), ("metadatas", "documents"))
    return sorted(({"id": r["id"], "text": r["document"], "meta": r["metadata"]} for r in rows), key=lambda p: p["id"])


def ids_of(settings: Settings, doc_id: str | None = None) -> list[str]:
    return [p["id"] for p in stored_passages(settings) if doc_id is None or p["meta"]["doc_id"] == doc_id]


def write_article(
    folder: Path, name: str, body: str, title: str = "Rubrik", date: str = "2024-01-02", encoding: str = "utf-8"
) -> Path:
    """An article file with the usual scraped header: date, headline, then paragraphs."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(f"{date}\n\n{title}\n\n{body}\n".encode(encoding))
    return path


# The kill tests ingest with MiniLM: kill safety does not depend on the embedder, and MiniLM reads
# their made-up 100-character words as one token each, so their long corpora stay cheap to embed.
KILL_BACKEND = "sentence-transformers"


def cli_env(data_dir: Path, backend: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHROMA_")}
    env.update(PROCESS_ENV, DATA_DIR=str(data_dir))
    if backend:
        env["EMBED_BACKEND"] = backend
    return env


def start_cli(folder: Path, data_dir: Path, *args: str, backend: str | None = None, **popen) -> subprocess.Popen:
    """``python -m ingest FOLDER`` as a real subprocess writing into ``data_dir``."""
    command = [sys.executable, "-m", "ingest", str(folder), "--quiet", *args]
    return subprocess.Popen(command, cwd=ROOT, env=cli_env(data_dir, backend), text=True, **popen)


FAULT_WRAPPER = Path(__file__).with_name("fault_ingest.py")


def ingest_dying(corpus: Path, data_dir: Path, fault: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """``python -m ingest CORPUS --quiet ARGS`` under ``fault_ingest.py``, which kills it where ``fault`` says."""
    from proc_helpers import stop_process

    env = cli_env(data_dir, KILL_BACKEND) | fault | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(FAULT_WRAPPER), str(corpus), "--quiet", *args]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=110)
    finally:
        stop_process(proc, kill=True)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


class Recorded:
    """A Chroma collection whose ``get`` calls are noted: what each asked to include."""

    def __init__(self, collection):
        self._collection, self.includes = collection, []

    def __getattr__(self, name):
        return getattr(self._collection, name)

    def get(self, *args, **kwargs):
        self.includes.append(list(kwargs.get("include", ["metadatas", "documents"])))
        return self._collection.get(*args, **kwargs)
