"""Start-up checks that stop before anything heavy: host, auth and their messages."""
from __future__ import annotations

import pytest

from app import is_loopback, launch_auth, main


def test_non_loopback_host_without_auth_exits_with_one_line(monkeypatch, capsys):
    monkeypatch.delenv("APP_AUTH", raising=False)
    assert main(["--host", "0.0.0.0", "--port", "7999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "APP_AUTH" in err and err.count("\n") == 1


def test_malformed_app_auth_exits(monkeypatch, capsys):
    monkeypatch.setenv("APP_AUTH", "just-a-name")
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


def test_unreachable_store_exits_with_one_line(monkeypatch, capsys):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.delenv("APP_AUTH", raising=False)
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(port))
    assert main(["--port", "7999"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Chroma" in err and err.count("\n") == 1
