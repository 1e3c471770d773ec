"""Small measuring tools shared by the benchmark and the reliability tests.

>>> percentiles([10.0, 20.0, 30.0, 40.0])
{'p50': 25.0, 'p95': 38.5}
>>> ratio(5.0, 10.0)
0.5
>>> with PeakRss() as rss:              # samples this process every 20 ms
...     block = bytearray(50_000_000)
>>> rss.peak_mb > 40
True
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

from settings import ROOT

QUESTIONS = ROOT / "evals" / "questions.jsonl"


def percentiles(values: list[float]) -> dict[str, float]:
    """p50 and p95 with linear interpolation (numpy's default)."""
    import numpy as np

    arr = np.asarray(values, dtype=float)
    return {"p50": round(float(np.percentile(arr, 50)), 2), "p95": round(float(np.percentile(arr, 95)), 2)}


def ratio(value: float | None, reference: float | None) -> float | None:
    """``value / reference`` rounded to 4 places; ``None`` when either is missing or zero."""
    if not value or not reference:
        return None
    return round(value / reference, 4)


def eval_questions() -> list[dict]:
    """The eval questions as dicts with ``question`` and ``history``."""
    with QUESTIONS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dir_size_mb(path: Path) -> float:
    """Bytes of every file below ``path``, in MB (10**6)."""
    total = sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
    return round(total / 1e6, 2)


def timed(fn, *args, **kwargs) -> tuple[object, float]:
    """``(fn(*args, **kwargs), seconds)``."""
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


class PeakRss:
    """Peak resident memory of a process (and its children), sampled by a thread.

    Use as a context manager, or ``start()``/``stop()``; ``peak_mb`` holds the
    highest sum seen so far.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.02):
        import psutil

        self.process = psutil.Process(pid or os.getpid())
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> float:
        import psutil

        try:
            procs = [self.process, *self.process.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in procs)
        except psutil.Error:  # the process ended between two samples
            return self.peak_mb
        self.peak_mb = max(self.peak_mb, rss / 1e6)
        return rss / 1e6

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def start(self) -> PeakRss:
        self._thread.start()
        return self

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(timeout=5)
        return round(self.peak_mb, 1)

    def __enter__(self) -> PeakRss:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
