"""A real Engine on the session's seed store, and Debian's Chromium, shared by the app tests."""

from __future__ import annotations

import os

import pytest
from browser_helpers import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="session")
def engine(seed_settings, embedder):
    from qa.engine import Engine

    return Engine(seed_settings, embedder=embedder)


@pytest.fixture(scope="module")
def chromium():
    path = chromium_path()
    if not path:
        reason = "no chromium or chromium-browser on PATH (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=60_000)
        yield b
        b.close()
