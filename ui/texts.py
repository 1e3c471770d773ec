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
    "too_large": ("Förfrågan är för stor (högst {limit} byte).", "Request body too large (limit {limit} bytes)."),
    "rated_enough": (
        "Högst {count} omdömen per svar sparas; de tidigare står kvar.",
        "At most {count} ratings per answer are saved; the earlier ones stand.",
    ),
    "gone": (  # removed since they were chosen, or (in a forged request) never listed
        "{count} av de valda artiklarna är inte (längre) inlästa och citeras inte.",
        "{count} of the chosen articles are not (or no longer) loaded and are not cited.",
    ),
    "already_removed": (
        "Artikeln är redan borttagen, kanske i en annan flik.",
        "The article was already removed, perhaps in another tab.",
    ),
    "over_limit": ("över gränsen {limit} MB, inte inläst", "over the {limit} MB limit, not added"),
    "too_many_files": (
        "inte inlästa: högst {count} filer åt gången; lägg till dem igen",
        "not added: at most {count} files at a time; add them again",
    ),
    "upload_too_many": (
        "Högst {count} filer per uppladdning; ingen av dem lästes in.",
        "At most {count} files per upload; none of them was added.",
    ),
    "already_added": ("redan inläst med samma innehåll", "already added with the same content"),
    "already_added_as": ("samma artikel är redan inläst: {title}", "the same article is already loaded: {title}"),
    "bad_date": (
        "Datum skrivs ÅÅÅÅ-MM-DD: {value} är inget datum och används inte.",
        "Dates are written YYYY-MM-DD: {value} is not a date and is not used.",
    ),
    "reversed_dates": (
        "Från-datumet {start} är efter till-datumet {end}: ingen artikel ryms mellan dem.",
        "The From date {start} is after the To date {end}: no article fits between them.",
    ),
    "none_chosen": (
        "Ingen inläst artikel är vald eller inom datumen: frågor får inget svar.",
        "No loaded article is chosen or within the dates: questions get no answer.",
    ),
}

# Why an upload was skipped, in Swedish, by the key of ingest's English reason (ingest/reader.py REASONS).
UPLOAD_REASONS = {
    "empty": "tom fil",
    "binary": "binär fil, inte text",
    "encoding": "inte text i UTF-8, cp1252 eller latin-1",
    "utf16": "trasig UTF-16-text",
    "too_big": "över storleksgränsen",
    "unreadable": "går inte att läsa",
    "not_pdf": "inte en PDF",
    "encrypted_pdf": "krypterad PDF (lösenordsskyddad)",
    "broken_pdf": "trasig PDF",
    "pdf_no_text": "PDF:en har ingen text att läsa ut",
    "no_text": "ingen artikeltext kvar efter rensningen",
}


def upload_reason(reason: str) -> str:
    """Swedish / English for why an upload was skipped.

    >>> upload_reason("binary file (contains NUL bytes)")
    'binär fil, inte text / binary file (contains NUL bytes)'
    """
    from ingest.reader import reason_key

    return f"{UPLOAD_REASONS.get(reason_key(reason), 'gick inte att läsa in')} / {reason}"


def text(key: str, lang: str, **values) -> str:
    sv, en = TEXTS[key]
    return (en if lang == "en" else sv).format(**values)


def both(key: str, **values) -> str:
    """Swedish / English, for page elements that have no question to follow."""
    return f"{text(key, 'sv', **values)} / {text(key, 'en', **values)}"
