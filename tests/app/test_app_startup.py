"""Start-up checks that stop before anything heavy: host, auth and their messages."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

import app
from app import is_loopback, launch_auth, main
from settings import PROCESS_ENV, ROOT

# Nothing here may serve: a broken auth rule must fail in seconds, not hang until the suite's timeout.
pytestmark = pytest.mark.timeout(60)


def dead_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def refuse_to_start(*args, **kwargs):
    raise AssertionError("start-up went on to load the store and serve")


def test_non_loopback_host_without_auth_exits_with_one_line(monkeypatch, capsys):
    monkeypatch.delenv("APP_AUTH", raising=False)
    monkeypatch.setattr(app, "prepare_engine", refuse_to_start)
    assert main(["--host", "0.0.0.0", "--port", "7999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "APP_AUTH" in err and err.count("\n") == 1


def test_malformed_app_auth_exits(monkeypatch, capsys):
    monkeypatch.setenv("APP_AUTH", "just-a-name")
    monkeypatch.setattr(app, "prepare_engine", refuse_to_start)
    assert main(["--host", "0.0.0.0"]) == 2
    assert "user:password" in capsys.readouterr().err


def test_launch_auth_rules(capsys):
    assert launch_auth("127.0.0.1", None, False) is None
    assert launch_auth("localhost", None, False) is None
    assert launch_auth("0.0.0.0", "anna:hemligt:ord", False) == ("anna", "hemligt:ord")
    assert launch_auth("::1", "anna:pw", False) == ("anna", "pw")
    with pytest.raises(ValueError, match="APP_AUTH"):
        launch_auth("192.168.1.5", None, False)
    assert launch_auth("0.0.0.0", None, True) is None
    assert "warning" in capsys.readouterr().err


def test_is_loopback():
    assert is_loopback("127.0.0.2") and is_loopback("[::1]") and is_loopback("LOCALHOST")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org") and not is_loopback("10.0.0.1")


@pytest.mark.parametrize("backend", ["sentence-transformers", "e5"])  # e5: the store is opened in a child process
def test_unreachable_store_exits_with_one_line(monkeypatch, capsys, backend):
    port = dead_port()
    monkeypatch.setenv("EMBED_BACKEND", backend)
    monkeypatch.delenv("APP_AUTH", raising=False)
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(port))
    assert main(["--port", "7999"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Chroma" in err and err.count("\n") == 1


def test_public_bind_without_auth_exits_non_zero_within_seconds(tmp_path):
    """The real ``python app.py --host 0.0.0.0``: exits 2 before touching the store.

    The store points at a dead Chroma port, so even a broken auth rule never gets to
    serve: it fails on the store (exit 1) instead of exit 2, and this test fails fast.
    """
    env = {
        "PATH": "/usr/bin:/bin",
        **PROCESS_ENV,
        "DATA_DIR": str(tmp_path / "data"),
        "CORPUS_DIR": str(tmp_path / "corpus"),
        "CHROMA_HOST": "127.0.0.1",
        "CHROMA_PORT": str(dead_port()),
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--host", "0.0.0.0", "--port", str(dead_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stderr.startswith("error: ") and "APP_AUTH" in done.stderr and done.stderr.count("\n") == 1
