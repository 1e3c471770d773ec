"""Plain helpers shared by the reliability tests."""

from __future__ import annotations


def is_one_line(message: str) -> bool:
    """A user-facing message: present, one line, no traceback."""
    return (
        bool(message and message.strip()) and "\n" not in message and "\r" not in message and "Traceback" not in message
    )
