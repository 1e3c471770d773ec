"""Moved to ``textkit/text.py``.

A thin re-export, kept only so code on other branches that still imports
``qa.text`` keeps working; the lead removes it after merging.
"""
from textkit.text import *  # noqa: F403
