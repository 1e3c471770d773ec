# The two commands: `make run` and `make test`. Everything else is set-up they call.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# No offline/telemetry variables here: every entry point (and tests/conftest.py) calls
# settings.configure_process(), which holds the one list (settings.PROCESS_ENV).

.PHONY: run test test-fast lint format ingest evals bench bench-quick clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# torch is pinned and installed first with pip, so no CUDA build is pulled in.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(PY) app.py

ingest: $(VENV)/.installed
	$(PY) -m ingest

# Lint and format first: they take a second and name the line, before the long suite runs. The
# slowest tests are listed at the end: CI is to stay under 20 minutes.
test: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -q -ra --durations=15

# Seconds, not minutes: unit tests with a hashing embedder (tests/fakes.py) and the doctests.
test-fast: $(VENV)/.installed-dev
	$(PY) -m pytest -q -ra -m fast

# What `make test` checks first, on its own; `make format` fixes what it can.
lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Each eval set is ingested into a temporary store of its own; DATA_DIR is never touched.
evals: $(VENV)/.installed
	$(PY) -m evals

bench: $(VENV)/.installed-dev
	$(PY) -m bench

bench-quick: $(VENV)/.installed-dev
	$(PY) -m bench --quick

clean:
	rm -rf store/data store/models evals/out bench/out .pytest_cache
