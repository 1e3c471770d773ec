"""Each bundled eval set in a store of its own, built once per session and shared by the eval tests."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from evals.sets import default_sets, temporary_store
from settings import Settings

SETS = {s.name: s for s in default_sets()}


@pytest.fixture(scope="session")
def set_engine(embedder, tmp_path_factory):
    """``set_engine(name) -> (EvalSet, Engine)``, the set ingested into a temporary store on first use."""
    from qa.engine import Engine

    built: dict[str, tuple] = {}
    with ExitStack() as stack:

        def get(name: str):
            if name not in built:
                base = Settings(data_dir=tmp_path_factory.mktemp(f"{name}-unused"))
                local = stack.enter_context(temporary_store(SETS[name], base, embedder, warn=lambda m: None))
                built[name] = SETS[name], Engine(local, embedder=embedder)
            return built[name]

        yield get


@pytest.fixture(scope="session")
def fitted_dev(e5, tmp_path_factory):
    """(engine, questions) of the dev set in an e5 store, answering with the fitted model."""
    from evals.runner import load_questions
    from qa.engine import Engine

    base = Settings(data_dir=tmp_path_factory.mktemp("dev-e5"), embed_backend="e5", answer_model="fitted")
    with temporary_store(SETS["dev"], base, e5, warn=lambda m: None) as local:
        yield Engine(local, embedder=e5), load_questions(SETS["dev"].questions)


@pytest.fixture(scope="session")
def dev_fit_data(fitted_dev):
    """The dev set's candidate feature rows, as ``python -m evals.fit`` collects them (with e5)."""
    from evals import fitdata

    engine, questions = fitted_dev
    return fitdata.collect(engine, questions)
