"""The converted e5 checkpoint is written once and safely when two processes convert at once.

The conversion itself (9 s) is replaced by a writer of one small file: what is tested here is who
keeps whose folder. The real conversion is checked in test_e5.py.
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from store import e5_torch

pytestmark = pytest.mark.fast


@pytest.fixture
def source(tmp_path):
    bundle = tmp_path / "weights.bin"
    bundle.write_bytes(b"weights")
    return bundle


@pytest.fixture
def quick_writer(monkeypatch):
    """Conversions write one file; ``started`` is set when each begins, ``release`` lets it finish."""
    state = {"started": [], "release": threading.Event()}
    state["release"].set()

    def write(bundle, folder):
        state["started"].append(folder)
        state["release"].wait(10)
        (folder / "model.safetensors").write_text(f"written in {folder.name}")

    monkeypatch.setattr(e5_torch, "read_bundle", lambda source: None)
    monkeypatch.setattr(e5_torch, "_write_checkpoint", write)
    return state


def test_another_writers_conversion_in_progress_is_left_alone(tmp_path, source, quick_writer):
    theirs = tmp_path / "cache" / (e5_torch.cache_name(source) + ".partial")
    theirs.mkdir(parents=True)
    (theirs / "config.json").write_text("half written")
    target = e5_torch.model_dir(tmp_path / "cache", source)
    assert (target / "model.safetensors").exists()
    assert (theirs / "config.json").read_text() == "half written"


def test_two_conversions_at_once_both_get_the_checkpoint_and_leave_no_copy(tmp_path, source, quick_writer):
    quick_writer["release"].clear()
    cache = tmp_path / "cache"
    got = []
    writers = [threading.Thread(target=lambda: got.append(e5_torch.model_dir(cache, source))) for _ in range(2)]
    for writer in writers:
        writer.start()
    deadline = time.time() + 10
    while len(quick_writer["started"]) < 2 and time.time() < deadline:
        time.sleep(0.01)
    quick_writer["release"].set()
    for writer in writers:
        writer.join(10)
    assert len(quick_writer["started"]) == 2
    assert got[0] == got[1] and (got[0] / "model.safetensors").exists()
    assert sorted(p.name for p in cache.iterdir()) == [got[0].name]


def test_a_conversion_left_by_a_killed_process_is_swept(tmp_path, source, quick_writer):
    cache = tmp_path / "cache"
    old = cache / f"{e5_torch.cache_name(source)}.killed{e5_torch.PARTIAL}"
    old.mkdir(parents=True)
    hours_ago = time.time() - 2 * e5_torch.ABANDONED_S
    os.utime(old, (hours_ago, hours_ago))
    target = e5_torch.model_dir(cache, source)
    assert [p.name for p in cache.iterdir()] == [target.name]
