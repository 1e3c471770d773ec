"""Formatting for the Gradio page in ``app.py``; imports no gradio itself."""
