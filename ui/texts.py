"""The page's own sentences, in Swedish and English (the answer's are in ``qa/messages.py``).

>>> text("no_selection", "en")
'None of the loaded articles matches the selection: choose other articles or dates.'
"""

from __future__ import annotations

TEXTS = {
    "no_selection": (
        "Ingen inläst artikel stämmer med urvalet: välj andra artiklar eller datum.",
        "None of the loaded articles matches the selection: choose other articles or dates.",
    ),
    "failed": (
        "Något gick fel när frågan besvarades; försök igen.",
        "Something went wrong while answering; please try again.",
    ),
    "bad_date": ("Datum skrivs ÅÅÅÅ-MM-DD: {value}", "Dates are written YYYY-MM-DD: {value}"),
}


def text(key: str, lang: str, **values) -> str:
    sv, en = TEXTS[key]
    return (en if lang == "en" else sv).format(**values)


def both(key: str, **values) -> str:
    """Swedish / English, for page elements that have no question to follow."""
    return f"{text(key, 'sv', **values)} / {text(key, 'en', **values)}"
