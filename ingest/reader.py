"""Read one article file into text, whatever its encoding or format.

Text is decoded as UTF-8 (with or without BOM), else as cp1252, which also
covers latin-1 text:

>>> decode_text("Polisen i Malmö".encode("cp1252"))
'Polisen i Malmö'

Anything that cannot be read raises ``UnreadableFile`` with a one-line reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


class UnreadableFile(ValueError):
    """The file is skipped; the message says why, in one line."""


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
            raise UnreadableFile("broken UTF-16 text") from exc
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise UnreadableFile("not text in UTF-8, cp1252 or latin-1")
    return text.replace("\ufffd", "")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(2, len(text[:4096]) // 100)


def read_article(path: Path, max_bytes: int) -> RawArticle:
    """Read ``path``; raises ``UnreadableFile`` for anything not usable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit_mb = max_bytes / 1_000_000
            raise UnreadableFile(f"{size / 1_000_000:.1f} MB is over the {limit_mb:g} MB limit (MAX_FILE_MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read it ({exc.strerror or exc})") from exc
    if not data.strip():
        raise UnreadableFile("empty file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from ingest.pdf import read_pdf

        return read_pdf(data)
    text = decode_text(data)
    if _looks_binary(text):
        raise UnreadableFile("binary file, not text")
    if suffix in (".html", ".htm"):
        from ingest.web import read_html

        return read_html(text)
    return RawArticle(text=text)
