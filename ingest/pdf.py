"""PDF text via pypdf; a file that only claims to be a PDF is refused."""
from __future__ import annotations

import io

from ingest.reader import RawArticle, UnreadableFile


def read_pdf(data: bytes) -> RawArticle:
    if not data.lstrip().startswith(b"%PDF"):
        raise UnreadableFile("not a PDF (no %PDF header)")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    except Exception as exc:  # pypdf raises many kinds for broken files
        raise UnreadableFile(f"broken PDF ({type(exc).__name__})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise UnreadableFile("PDF has no extractable text")
    return RawArticle(text=text, title=str(title).strip() if title else None)
