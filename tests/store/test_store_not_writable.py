"""A DATA_DIR that cannot be written: ingest and qa say so in one line and exit 1, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from settings import PROCESS_ENV, ROOT

pytestmark = pytest.mark.timeout(120)

# Root ignores chmod; these drop the capabilities that let it, as a normal user would run.
CAPS = "dac_override,dac_read_search,fowner"
AS_USER = ["setpriv", f"--inh-caps=-{CAPS.replace(',', ',-')}", f"--bounding-set=-{CAPS.replace(',', ',-')}", "--"]


def run_as_user(data_dir: Path, *command: str) -> subprocess.CompletedProcess:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("root ignores chmod, and setpriv (to drop that) is not installed")
    prefix = AS_USER if os.geteuid() == 0 else []
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHROMA_")} | PROCESS_ENV
    env["DATA_DIR"] = str(data_dir)
    args = [*prefix, sys.executable, "-m", *command]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=110)


def assert_one_line_naming(result: subprocess.CompletedProcess, data_dir: Path, *words: str) -> None:
    assert result.returncode == 1, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert str(data_dir) in lines[0] and all(w in lines[0] for w in words), lines[0]
    assert "igen om en stund" not in lines[0] and "try again" not in lines[0].lower()


@pytest.fixture
def read_only_parent(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    yield parent / "data"
    parent.chmod(0o755)


@pytest.fixture
def read_only_store(tmp_path, seed_settings):
    copy = tmp_path / "store"
    shutil.copytree(seed_settings.data_dir, copy)
    modes = {p: p.stat().st_mode for p in [copy, *copy.rglob("*")]}
    for path, mode in modes.items():
        path.chmod(mode & ~0o222)
    yield copy
    for path, mode in modes.items():
        path.chmod(mode)


def test_ingest_into_a_folder_that_cannot_be_created_says_so_in_one_line(read_only_parent):
    result = run_as_user(read_only_parent, "ingest", "--quiet", str(ROOT / "corpus"))
    assert_one_line_naming(result, read_only_parent, "not writable")


def test_ingest_into_a_read_only_store_says_so_in_one_line(read_only_store):
    result = run_as_user(read_only_store, "ingest", "--quiet", str(ROOT / "corpus"))
    assert_one_line_naming(result, read_only_store, "not writable")


# The same line in each language: the store cannot be written, so Chroma cannot even read it; what to do.
SAID = {
    "sv": ("går inte att skriva till", "inte ens för att läsa", "gör mappen skrivbar", "sätt DATA_DIR till en annan"),
    "en": ("cannot be written to", "not even to read it", "make the folder writable", "set DATA_DIR to another"),
}


@pytest.mark.fast
@pytest.mark.parametrize("lang", SAID)
def test_the_not_writable_line_is_written_in_each_language(lang):
    from qa.messages import store_problem
    from store import StoreNotWritable

    line = store_problem(StoreNotWritable(Path("/srv/data")), lang)
    assert "DATA_DIR /srv/data" in line and all(words in line for words in SAID[lang]), line


@pytest.mark.parametrize("question, lang", [("Hur många kameror?", "sv"), ("How many cameras?", "en")])
def test_asking_a_read_only_store_says_it_is_not_writable(read_only_store, question, lang):
    result = run_as_user(read_only_store, "qa", question)
    assert_one_line_naming(result, read_only_store, *SAID[lang])
    assert result.stdout == ""
