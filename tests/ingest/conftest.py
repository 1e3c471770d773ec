"""Fixtures for the ingest tests: a real ingest with the session embedder, the real CLI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from ingest_helpers import start_cli
from proc_helpers import stop_process

from settings import Settings


@pytest.fixture
def run_ingest(embedder):
    """``run_ingest(paths, settings, **kw) -> (report, warnings)`` with the session embedder."""
    from ingest.pipeline import ingest

    def run(paths, settings: Settings, **kwargs):
        warnings: list[str] = []
        report = ingest(list(paths), settings, embedder=embedder, warn=warnings.append, **kwargs)
        return report, warnings

    return run


@pytest.fixture
def run_cli():
    """``run_cli(folder, data_dir, *args) -> CompletedProcess`` (bounded by a timeout)."""

    def run(folder: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
        proc = start_cli(folder, data_dir, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            stop_process(proc, kill=True)
            raise
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

    return run
