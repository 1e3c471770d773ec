"""Starting the real app in a subprocess and finding Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from settings import ROOT

START_TIMEOUT_S = 90  # under the tests' 120 s timeout, so a slow start fails with the app's log
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"app did not answer at {url} within {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def start_app(root: Path, env: dict, request) -> str:
    """``python app.py`` on a free loopback port with ``env``, stopped when the requesting scope ends."""
    port, log = free_port(), root / "app.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    request.addfinalizer(lambda: stop(proc))
    url = f"http://127.0.0.1:{port}/"
    wait_until_up(url, proc, log)
    return url


def open_page(browser, url: str, timeout_ms: int = 60_000):
    """A fresh page on ``url``, waiting up to ``timeout_ms`` for it and for each page action."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(timeout_ms)
    page.goto(url, timeout=timeout_ms)
    return page
