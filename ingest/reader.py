"""Read one article file into text, whatever its encoding or format.

Text is decoded as UTF-8 (with or without BOM), else as cp1252, which also
covers latin-1 text:

>>> decode_text("Polisen i Malmö".encode("cp1252"))
'Polisen i Malmö'

A few broken bytes in otherwise UTF-8 text are replaced, and the rest stays UTF-8:

>>> decode_text("Älvsborgsbron i Göteborg stängs på måndag".encode() + b"\\xff")
'Älvsborgsbron i Göteborg stängs på måndag\ufffd'

Which reader a file gets is looked up by its suffix in one table:

>>> list(READERS), READERS[".htm"].__name__
(['.txt', '.md', '.html', '.htm', '.pdf'], '_read_html')

Anything that cannot be read raises ``UnreadableFile`` with a one-line reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# A UTF-8 file with a few broken bytes stays UTF-8 (one bad byte once garbled every å, ä and ö);
# cp1252 text has no valid multi-byte UTF-8 characters, binary data only chance ones.
UTF8_PER_BROKEN = 3


# Why a file is skipped: the start of the one line ingest prints, worded here only. The page shows
# it in Swedish too, found by its key (ui/texts.py UPLOAD_REASONS).
REASONS = {
    "empty": "empty file",
    "binary": "binary file",
    "encoding": "not text in UTF-8, cp1252 or latin-1",
    "utf16": "broken UTF-16 text",
    "too_big": "over the size limit",
    "unreadable": "cannot read it",
    "not_pdf": "not a PDF",
    "encrypted_pdf": "encrypted PDF (it needs a password)",
    "broken_pdf": "broken PDF",
    "pdf_no_text": "PDF has no extractable text",
    "no_text": "no article text left after cleaning",
}


class UnreadableFile(ValueError):
    """The file is skipped; the message, a reason of ``REASONS`` and its detail, says why in one line.

    >>> str(UnreadableFile("binary", "contains NUL bytes")), UnreadableFile("empty").key
    ('binary file (contains NUL bytes)', 'empty')
    """

    def __init__(self, key: str, detail: str = ""):
        super().__init__(f"{REASONS[key]} ({detail})" if detail else REASONS[key])
        self.key = key


def reason_key(message: str) -> str | None:
    """The ``REASONS`` key a skip message starts with; None for another reason (a name taken, a path gone).

    >>> reason_key("broken PDF (PdfReadError)"), reason_key("no such file or folder")
    ('broken_pdf', None)
    """
    return next((key for key, text in REASONS.items() if message.startswith(text)), None)


@dataclass
class RawArticle:
    """Text as read, plus whatever the format itself said (HTML title, meta date).

    ``headed`` says the format gave the header apart from the text (HTML), so the text
    is body only; plain text, Markdown and PDF carry their header in their first lines.
    """

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    headed: bool = False


def decode_text(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with BOM ("Unicode" in Windows Notepad)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile("utf16") from exc
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary", "contains NUL bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    if _mostly_utf8(text):
        return text
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise UnreadableFile("encoding")
    return text.replace("\ufffd", "")


def _mostly_utf8(text: str) -> bool:
    """Valid UTF-8 characters beyond ASCII outnumber the broken bytes ``UTF8_PER_BROKEN`` to one.

    Swedish text in cp1252 decodes as UTF-8 with every å, ä and ö broken and none valid.
    """
    broken = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return valid >= UTF8_PER_BROKEN * broken


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(2, len(text[:4096]) // 100)


def read_article(path: Path, max_bytes: int) -> RawArticle:
    """Read ``path``; raises ``UnreadableFile`` for anything not usable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit_mb = max_bytes / 1_000_000
            raise UnreadableFile("too_big", f"{size / 1_000_000:.1f} MB, more than {limit_mb:g} MB: MAX_FILE_MB")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile("unreadable", str(exc.strerror or exc)) from exc
    if not data.strip():
        raise UnreadableFile("empty")
    return READERS.get(path.suffix.lower(), _read_plain)(data)


def _text(data: bytes) -> str:
    text = decode_text(data)
    if _looks_binary(text):
        raise UnreadableFile("binary", "not text")
    return text.replace("\x00", "")  # NULs past the start judged above: stray bytes in a text file


def _read_plain(data: bytes) -> RawArticle:
    return RawArticle(text=_text(data))


def _read_html(data: bytes) -> RawArticle:
    from ingest.web import read_html  # imported late: ingest.web imports this module

    return read_html(_text(data))


def _read_pdf(data: bytes) -> RawArticle:
    from ingest.pdf import read_pdf  # imported late: ingest.pdf imports this module

    return read_pdf(data)


# File suffix -> reader of the file's bytes: the one list of what ingest reads.
READERS = {".txt": _read_plain, ".md": _read_plain, ".html": _read_html, ".htm": _read_html, ".pdf": _read_pdf}
