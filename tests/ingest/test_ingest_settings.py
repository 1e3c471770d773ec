"""A bad setting in the environment stops ``python -m ingest`` with one line naming it, before anything is written."""

from __future__ import annotations

import subprocess
import sys

import pytest
from ingest_helpers import cli_env

from settings import ROOT

pytestmark = pytest.mark.timeout(120)


@pytest.mark.parametrize("name", ["TOP_K", "MAX_QUESTION_CHARS"])
def test_a_bad_setting_is_one_line_naming_it_and_nothing_is_stored(tmp_path, name):
    env = cli_env(tmp_path / "data") | {name: "abc"}
    command = [sys.executable, "-m", "ingest", str(ROOT / "corpus"), "--quiet"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=110)

    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"setting {name}=abc: ")
    assert not (tmp_path / "data").exists()
