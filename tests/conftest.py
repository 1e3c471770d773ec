"""Shared fixtures: the real default (e5) embedder, both backends, and a real seed store."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from settings import ROOT, Settings, configure_offline

SEED_CORPUS = ROOT / "corpus"


def pytest_configure(config):
    configure_offline()


BACKENDS = ["e5", "sentence-transformers"]


@pytest.fixture(scope="session")
def embedder(tmp_path_factory):
    from store import load_embedder

    return load_embedder(Settings(data_dir=tmp_path_factory.mktemp("e5-cache")))


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request, embedder) -> tuple[str, object]:
    """``(EMBED_BACKEND, its embedder)``: each embedder test runs with both backends."""
    from store import load_embedder

    if request.param == "e5":
        return request.param, embedder
    return request.param, load_embedder(Settings(embed_backend=request.param))


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
