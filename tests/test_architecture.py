"""The import rules, read off the source with ``ast`` (nothing is imported or run).

- Only ``store/`` talks to chromadb.
- ``qa/`` imports nothing from ``ingest/`` (shared text helpers live in ``textkit/``).
- ``textkit/`` is a leaf: it imports no other package of the project.
- No module of ``qa/`` imports ``qa.engine`` except the package's entry points.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from settings import ROOT

pytestmark = pytest.mark.fast

PRODUCT = ("app.py", "settings.py", "textkit", "ingest", "store", "qa", "evals", "bench", "ui")
PROJECT_PACKAGES = {"app", "settings", "textkit", "ingest", "store", "qa", "evals", "bench", "ui"}
# Product-side helpers among the tests: they stand in for product code, so they follow its rules.
TEST_HELPERS = (
    "tests/fakes.py",
    "tests/proc_helpers.py",
    "tests/ingest/ingest_helpers.py",
    "tests/app/app_helpers.py",
    "tests/reliability/reliability_helpers.py",
)
QA_ENTRY_POINTS = {"qa/__init__.py", "qa/__main__.py"}


def source_files(*roots: str) -> list[Path]:
    found = []
    for root in roots:
        path = ROOT / root
        found += [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))
    return [p for p in found if p.exists()]


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (lazy imports inside functions count too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def offenders(files: list[Path], forbidden) -> list[str]:
    return [f"{p.relative_to(ROOT)}: {m}" for p in files for m in sorted(imports(p)) if forbidden(m)]


def top(module: str) -> str:
    return module.split(".")[0]


def test_only_store_imports_chromadb():
    files = [p for p in source_files(*PRODUCT, *TEST_HELPERS) if p.relative_to(ROOT).parts[0] != "store"]
    assert offenders(files, lambda m: top(m) == "chromadb") == []


def test_qa_imports_nothing_from_ingest():
    assert offenders(source_files("qa"), lambda m: top(m) == "ingest") == []


def test_textkit_is_a_leaf():
    assert offenders(source_files("textkit"), lambda m: top(m) in PROJECT_PACKAGES - {"textkit"}) == []


def test_no_qa_module_but_the_entry_points_imports_the_engine():
    files = [p for p in source_files("qa") if p.relative_to(ROOT).as_posix() not in QA_ENTRY_POINTS]
    assert offenders(files, lambda m: m == "qa.engine" or m.startswith("qa.engine.")) == []


MAX_FUNCTION_LINES = 40
MAX_MODULE_LINES = 300


def test_functions_and_modules_stay_short_enough_to_read_top_to_bottom():
    """House style: functions under ~40 lines, modules under ~300, after `ruff format` has had its say."""
    too_long = []
    for path in source_files(*PRODUCT):
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines} lines")
    assert not too_long, "\n".join(too_long)
