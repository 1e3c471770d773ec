"""The page's own sentences, in Swedish and English (the answer's are in ``qa/messages.py``).

>>> text("failed", "en")
'Something went wrong while answering; please try again.'
"""

from __future__ import annotations

TEXTS = {
    "failed": (
        "Något gick fel när frågan besvarades; försök igen.",
        "Something went wrong while answering; please try again.",
    ),
    "gone": (
        "{count} av de valda artiklarna är borttagna och citeras inte.",
        "{count} of the chosen articles were removed and are not cited.",
    ),
    "bad_date": ("Datum skrivs ÅÅÅÅ-MM-DD: {value}", "Dates are written YYYY-MM-DD: {value}"),
}

# Why an upload was skipped: ingest says it in English (ingest/reader.py, ingest/pdf.py, ingest/pipeline.py,
# ui/articles.py); the page says it in Swedish first, found by a phrase of the English reason.
UPLOAD_REASONS = (
    ("empty file", "tom fil"),
    ("binary file", "binär fil, inte text"),
    ("not text in", "inte text i UTF-8, cp1252 eller latin-1"),
    ("broken UTF-16", "trasig UTF-16-text"),
    ("not a PDF", "inte en PDF"),
    ("broken PDF", "trasig PDF"),
    ("encrypted PDF", "krypterad PDF (lösenordsskyddad)"),
    ("PDF has no extractable text", "PDF:en har ingen text att läsa ut"),
    ("no article text left", "ingen artikeltext kvar efter rensningen"),
    ("over the", "över storleksgränsen"),
    ("cannot read it", "går inte att läsa"),
)


def upload_reason(reason: str) -> str:
    """Swedish / English for why an upload was skipped.

    >>> upload_reason("binary file (contains NUL bytes)")
    'binär fil, inte text / binary file (contains NUL bytes)'
    """
    sv = next((sv for en, sv in UPLOAD_REASONS if en in reason), "gick inte att läsa in")
    return f"{sv} / {reason}"


def text(key: str, lang: str, **values) -> str:
    sv, en = TEXTS[key]
    return (en if lang == "en" else sv).format(**values)


def both(key: str, **values) -> str:
    """Swedish / English, for page elements that have no question to follow."""
    return f"{text(key, 'sv', **values)} / {text(key, 'en', **values)}"
