"""Fixtures for the reliability tests: a writable seed store per test, the real app, one-line checks.

Everything binds 127.0.0.1 only. The ingest tests' plain helpers (``start_cli``,
``stored_passages``) are reused from tests/ingest rather than written again.
"""

from __future__ import annotations

import shutil
import sys

import pytest

from settings import ROOT, Settings
from ui.warmstart import SETTLED

INGEST_TESTS = ROOT / "tests" / "ingest"
if str(INGEST_TESTS) not in sys.path:
    sys.path.append(str(INGEST_TESTS))


@pytest.fixture
def seed_store(seed_settings, tmp_path) -> Settings:
    """A writable copy of the session's seed store (so each test starts from the seeds only)."""
    shutil.copytree(seed_settings.data_dir, tmp_path / "data")
    return Settings(data_dir=tmp_path / "data", corpus_dir=seed_settings.corpus_dir)


@pytest.fixture(scope="module")
def app_server(request, tmp_path_factory, embedder):
    """The real ``python app.py --port FREE`` on a tmp store built from a copy of corpus/.

    Returns ``(Service, ChatEndpoint)``; the app is terminated in a finalizer. Skips only
    when app.py has no chat endpoint taking a string; a crash or a hang fails.
    """
    from bench.appclient import ChatEndpoint, NoChatEndpoint, start_app, wait_ready
    from bench.measure import free_port
    from ingest.pipeline import ingest

    root = tmp_path_factory.mktemp("app")
    corpus = root / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    ingest([corpus], Settings(data_dir=root / "data", corpus_dir=corpus), embedder=embedder, warn=lambda m: None)
    app = start_app(free_port(), root / "data", corpus)
    request.addfinalizer(app.stop)
    try:
        client = wait_ready(app, timeout=90)
        app.wait_log(SETTLED, 90)  # the load is put on the app at rest, its start-up child gone
        return app, ChatEndpoint.find(client)
    except NoChatEndpoint as exc:
        pytest.skip(f"app.py has no chat endpoint yet: {exc}")
