"""Moved to ``textkit/sentences.py``.

A thin re-export, kept only so code on other branches that still imports
``ingest.sentences`` keeps working; the lead removes it after merging.
"""
from textkit.sentences import *  # noqa: F403
