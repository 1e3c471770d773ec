"""PDF text via pypdf, with its paragraphs put back together.

A PDF has no paragraphs, only lines placed on a page: a paragraph wraps over
several lines, and a headline may wrap too. Lines are joined back into
paragraphs by their layout: a wider gap than the usual line spacing, or a change
of font or size (headline, subheading, body), starts a new paragraph. The text
then has the same layout as a .txt article (outlet, date, headline lines, body).

>>> rows = [(700, 16, "B", "Ny bro över"), (680, 16, "B", "älven"), (650, 10, "R", "Bron öppnar"),
...         (638, 10, "R", "i maj."), (618, 10, "R", "Den kostar"), (606, 10, "R", "40 miljoner.")]
>>> paragraphs(rows)
['Ny bro över älven', 'Bron öppnar i maj.', 'Den kostar 40 miljoner.']

A file that only claims to be a PDF is refused.
"""

from __future__ import annotations

import contextlib
import io
import logging
from statistics import median

from ingest.reader import RawArticle, UnreadableFile

PARAGRAPH_GAP = 1.3  # a gap this many times the usual line spacing ends a paragraph
LEADING = 1.5  # line spacing is at most this many times the font size, whatever the median says


def _page_lines(page) -> list[tuple[float, float, str, str]]:
    """``(y, font size, font, text)`` for each line of a page, top to bottom."""
    runs: dict[float, list] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = round(tm[5] * cm[3] + cm[5], 1)
            runs.setdefault(y, []).append((abs(size * tm[0]) or size, (font or {}).get("/BaseFont", ""), text))

    page.extract_text(visitor_text=visit)
    lines = []
    for y in sorted(runs, reverse=True):
        parts = runs[y]
        text = "".join(
            p[2] if not i or p[2][:1].isspace() or parts[i - 1][2][-1:].isspace() else " " + p[2]
            for i, p in enumerate(parts)
        )
        lines.append((y, round(parts[0][0], 1), parts[0][1], " ".join(text.split())))
    return lines


def paragraphs(rows: list[tuple[float, float, str, str]]) -> list[str]:
    """Lines joined into paragraphs: a wide gap or another font starts a new one."""
    gaps: dict[float, list[float]] = {}
    for a, b in zip(rows, rows[1:]):
        if a[1:3] == b[1:3] and a[0] > b[0]:
            gaps.setdefault(a[1], []).append(a[0] - b[0])
    # Per font size: the usual gap between lines, capped for text made of one-line paragraphs.
    spacing = {size: min(median(found), LEADING * size) for size, found in gaps.items()}
    found: list[list[str]] = []
    for i, (y, size, font, text) in enumerate(rows):
        prev = rows[i - 1] if i else None
        same_font = prev is not None and prev[1:3] == (size, font)
        # Lines further down, or at the top of the next page when a sentence runs on.
        same_paragraph = same_font and (
            0 < prev[0] - y <= PARAGRAPH_GAP * spacing.get(size, 0)
            or (y > prev[0] and not prev[3].endswith((".", "!", "?", ":", "”")))
        )
        if same_paragraph:
            found[-1].append(text)
        else:
            found.append([text])
    return [" ".join(lines) for lines in found]


@contextlib.contextmanager
def _pypdf_silenced():
    """pypdf logs what it finds wrong ("EOF marker not found"); ingest says it once, in its own warning."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        log.setLevel(level)


def read_pdf(data: bytes) -> RawArticle:
    if not data.lstrip().startswith(b"%PDF"):
        raise UnreadableFile("not_pdf", "no %PDF header")
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        with _pypdf_silenced():
            reader = PdfReader(io.BytesIO(data))
            rows = [row for page in reader.pages for row in _page_lines(page)]
            title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    except FileNotDecryptedError as exc:
        raise UnreadableFile("encrypted_pdf") from exc
    except Exception as exc:  # pypdf raises many kinds for broken files
        raise UnreadableFile("broken_pdf", type(exc).__name__) from exc
    text = "\n\n".join(paragraphs(rows))
    if not text.strip():
        raise UnreadableFile("pdf_no_text")
    return RawArticle(text=text, title=str(title).strip() if title else None)
