"""A real Engine on the session's seed store, shared by the app tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def engine(seed_settings, embedder):
    from qa.engine import Engine

    return Engine(seed_settings, embedder=embedder)
