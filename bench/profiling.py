"""Profile a call with pyinstrument and say where its time goes.

Self time is grouped by library (built-in calls count for the library that
made them); our own functions (qa/, ingest/, store/) are listed by inclusive
time, and so are the library calls they make (where our code hands over):

>>> result, session = profile(sum, range(10))
>>> result
45
>>> sorted(summarize(session))
['by_category', 'calls_out', 'ours', 'total_s']
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from settings import ROOT

OURS = {"qa": ROOT / "qa", "ingest": ROOT / "ingest", "store": ROOT / "store"}
LIBRARIES = {
    "bench harness": (str(ROOT / "bench") + "/",),
    "embedding model (torch, transformers, sentence-transformers, tokenizers)": (
        "/torch/",
        "/transformers/",
        "/sentence_transformers/",
        "/tokenizers/",
        "/safetensors/",
    ),
    "chromadb (incl. its Rust core)": ("/chromadb/",),
    "llama_index": ("/llama_index/",),
    "bm25s / PyStemmer": ("/bm25s/", "Stemmer"),
    "numpy / scipy": ("/numpy/", "/scipy/"),
    "pydantic": ("/pydantic/", "/pydantic_core/"),
}


# Decorator frames that only pass the call on: the call below them is what our code made.
PASS_THROUGH = ("llama_index_instrumentation/dispatcher.py",)


def profile(fn, *args, **kwargs):
    """``(fn(*args, **kwargs), session)`` under a 1 ms pyinstrument sampler."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        result = fn(*args, **kwargs)
    finally:
        profiler.stop()
    return result, profiler.last_session


def category(file_path: str | None, inherited: str) -> str:
    """Which bucket a frame's self time goes into; built-ins inherit their caller's."""
    if not file_path or file_path.startswith("<"):
        return inherited
    for name, folder in OURS.items():
        if file_path.startswith(str(folder) + "/"):
            return f"{name}/ (ours)"
    for name, markers in LIBRARIES.items():
        if any(marker in file_path for marker in markers):
            return name
    return "other (stdlib, tqdm, threads, ...)"


def _is_ours(file_path: str | None) -> bool:
    return bool(file_path) and any(file_path.startswith(str(folder) + "/") for folder in OURS.values())


def _place(frame) -> str:
    """'qa/engine.py:118' for ours, 'llama_index/core/base/embeddings/base.py:485' for a library."""
    path = frame.file_path or "?"
    short = path.split("site-packages/")[-1] if "site-packages/" in path else path.removeprefix(str(ROOT) + "/")
    return f"{short}:{frame.line_no}"


class _Tally:
    """Self time by bucket, inclusive time of our functions and of the library calls they make."""

    def __init__(self):
        self.by_cat: dict[str, float] = defaultdict(float)
        self.ours: dict[tuple[str, str], float] = defaultdict(float)
        self.calls_out: dict[tuple[str, str], float] = defaultdict(float)

    def walk(self, frame, inherited: str, active: frozenset, parent_ours: bool) -> None:
        if frame.is_synthetic:
            self.by_cat[inherited] += frame.time
            return
        ours = _is_ours(frame.file_path)
        if not ours and (frame.file_path or "").endswith(PASS_THROUGH):
            for child in frame.children:
                self.walk(child, category(frame.file_path, inherited), active, parent_ours)
            return
        key = (frame.function, _place(frame))
        table = self.ours if ours else self.calls_out if parent_ours else None
        if table is not None and key not in active:  # count recursion once
            table[key] += frame.time
        inner = active | {key} if table is not None else active
        for child in frame.children:
            self.walk(child, category(frame.file_path, inherited), inner, ours)


def _rows(table: dict, total: float, top: int) -> list[list]:
    ranked = sorted(table.items(), key=lambda kv: -kv[1])[:top]
    return [[fn, place, round(s, 3), round(100 * s / total, 1)] for (fn, place), s in ranked]


def summarize(session, top: int = 10) -> dict:
    """``{"total_s", "by_category": [[name, s, pct]], "ours" / "calls_out": [[function, place, s, pct]]}``."""
    root = session.root_frame()
    if root is None:
        return {"total_s": 0.0, "by_category": [], "ours": [], "calls_out": []}
    tally = _Tally()
    tally.walk(root, "other (stdlib, tqdm, threads, ...)", frozenset(), False)
    total = root.time or 1e-9
    cats = sorted(tally.by_cat.items(), key=lambda kv: -kv[1])
    return {
        "total_s": round(total, 3),
        "by_category": [[name, round(s, 3), round(100 * s / total, 1)] for name, s in cats if s > 0],
        "ours": _rows(tally.ours, total, top),
        "calls_out": _rows(tally.calls_out, total, top),
    }


def save_html(session, path: Path) -> None:
    """The full interactive profile, for a closer look in a browser."""
    from pyinstrument.renderers import HTMLRenderer

    path.write_text(HTMLRenderer().render(session), encoding="utf-8")
