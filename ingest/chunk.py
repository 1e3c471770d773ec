"""Cut a cleaned article into passages of whole sentences.

A passage holds one to ``max_sentences`` sentences and, where they fit, whole
paragraphs; a short heading line goes with the paragraph below it. Each
passage knows its ``start``/``end`` in the article text:

>>> text = "Rubrik\\n\\nEtt. Två.\\n\\nTre."
>>> [(p.start, p.end, text[p.start:p.end]) for p in chunk_text(text, max_sentences=2)]
[(0, 17, 'Rubrik\\n\\nEtt. Två.'), (19, 23, 'Tre.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textkit.sentences import is_heading, sentence_spans

MAX_SENTENCES = 4
MAX_CHARS = 700


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    sentences: int


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _cut(text: str, span: tuple[int, int], limit: int) -> list[tuple[int, int]]:
    """A sentence longer than ``limit`` cut at spaces into pieces that fit: a page with no full
    stop (as some PDFs give) would otherwise be one passage, too long to embed in one go.

    >>> text = "ett två tre fyra fem"
    >>> [text[s:e] for s, e in _cut(text, (0, len(text)), 8)]
    ['ett två', 'tre fyra', 'fem']
    """
    start, end = span
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit + 1)
        cut = cut if cut > start else start + limit
        pieces.append((start, len(text[start:cut].rstrip()) + start))
        start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
    return [*pieces, (start, end)]


def _units(text: str, max_chars: int = MAX_CHARS) -> list[list[tuple[int, int]]]:
    """Paragraphs as lists of sentence spans; a heading joins the first sentence below it."""
    units: list[list[tuple[int, int]]] = []
    heading_start: int | None = None
    for start, end in _paragraph_spans(text):
        spans = [
            piece for span in sentence_spans(text[start:end], offset=start) for piece in _cut(text, span, max_chars)
        ]
        if is_heading(text[start:end]):
            heading_start = start if heading_start is None else heading_start
            continue
        if heading_start is not None and spans:
            spans[0] = (heading_start, spans[0][1])
            heading_start = None
        units.append(spans)
    if heading_start is not None:
        units.append([(heading_start, len(text.rstrip()))])
    return units


def chunk_text(text: str, max_sentences: int = MAX_SENTENCES, max_chars: int = MAX_CHARS) -> list[Passage]:
    passages: list[Passage] = []
    current: list[tuple[int, int]] = []

    def flush():
        if current:
            passages.append(Passage(current[0][0], current[-1][1], len(current)))
            current.clear()

    for unit in _units(text, max_chars):
        fits = current and len(current) + len(unit) <= max_sentences and unit[-1][1] - current[0][0] <= max_chars
        if not fits:
            flush()
        for span in unit:
            too_long = current and (len(current) >= max_sentences or span[1] - current[0][0] > max_chars)
            if too_long:
                flush()
            current.append(span)
    flush()
    return passages
