"""The same passage vectors whichever maker's CPU runs them (settings.PROCESS_ENV).

Two CI machines read different eval figures for one commit: torch's MKL had taken AVX-512 kernels on
one and AVX2 kernels on the other. Here MKL is made to take its Intel path on whatever CPU runs the
test (on an Intel CPU it does anyway), and the vectors must come out bit for bit as they do natively.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys

import pytest

from settings import PROCESS_ENV, ROOT

# MKL asks this function of its own whether the CPU is Intel's: answered yes, it dispatches as on Intel.
INTEL_ANSWER = "int mkl_serv_intel_cpu_true(void) { return 1; }\n"

ENCODE = """
import hashlib, sys
from pathlib import Path
from settings import configure_process
configure_process()
from store.e5_torch import TorchE5, model_dir
lines = [l for f in sorted(Path("corpus").glob("*.txt")) for l in f.read_text().splitlines() if l.strip()]
vectors = TorchE5(model_dir(Path(sys.argv[1]))).encode(lines)
print(hashlib.sha256(vectors.tobytes()).hexdigest())
"""


def vectors_digest(model_cache, preload: str | None = None) -> str:
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")} | PROCESS_ENV
    if preload:
        env["LD_PRELOAD"] = preload
    done = subprocess.run(
        [sys.executable, "-c", ENCODE, str(model_cache)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.skipif(platform.machine() != "x86_64" or not shutil.which("gcc"), reason="needs x86-64 and gcc")
def test_passage_vectors_are_the_same_bits_on_intel_and_amd_kernels(e5, model_cache, tmp_path):
    source = tmp_path / "intel.c"
    source.write_text(INTEL_ANSWER)
    library = tmp_path / "libintel.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(library), str(source)], check=True, timeout=60)
    assert vectors_digest(model_cache, str(library)) == vectors_digest(model_cache)
