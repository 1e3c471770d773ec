"""The runnable examples in the docstrings of the fitted-scorer modules hold."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "evals.fit",
        "evals.oof",
        "evals.metrics",
        "qa.scorer",
        "qa.shortanswer",
        "qa.overview",
        "qa.conflict",
        "qa.extractive",
    ],
)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0, name
