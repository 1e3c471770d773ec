"""Text helpers shared by ingest and qa: sentence spans and Swedish/English terms.

A leaf package: it imports nothing from the rest of the project, so ``ingest/``
and ``qa/`` can both use it without importing each other.
"""
