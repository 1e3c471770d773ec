"""Placeholder until the chat lands."""
