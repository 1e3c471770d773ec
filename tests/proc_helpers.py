"""Subprocess helpers shared by the tests that start real processes (ingest CLI, Chroma server)."""

from __future__ import annotations

import subprocess


def stop_process(proc: subprocess.Popen, timeout: float = 15, kill: bool = False) -> None:
    """End ``proc`` if still running: terminate (or kill at once), then kill if it lingers."""
    if proc.poll() is not None:
        return
    proc.kill() if kill else proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
