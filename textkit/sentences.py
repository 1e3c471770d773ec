"""Split Swedish or English text into sentences, as character spans.

Spans let a citation point at the exact characters it quotes:

>>> text = "Målet är 2500 kameror. Bl.a. i Stockholm! – Det är bra, säger hon."
>>> [text[s:e] for s, e in sentence_spans(text)]
['Målet är 2500 kameror.', 'Bl.a. i Stockholm!', '– Det är bra, säger hon.']

A subheading is a short line of its own with no closing punctuation. It stays in
the text, so a passage keeps its structure, but it is no sentence to quote:

>>> text = "Nya kameror i centrum\\n\\nPolisen sätter upp fler.\\n\\n- Lund: 12 kameror"
>>> [text[s:e] for s, e in heading_spans(text)]
['Nya kameror i centrum']
"""

from __future__ import annotations

import re

# Abbreviations whose period does not end a sentence even before a capital.
ABBREVIATIONS = {
    "bl.a",
    "t.ex",
    "m.m",
    "s.k",
    "dvs",
    "ca",
    "nr",
    "kl",
    "mfl",
    "m.fl",
    "resp",
    "jfr",
    "osv",
    "e.g",
    "i.e",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "vs",
    "etc",
    "no",
    "inc",
    "jan",
    "feb",
    "aug",
    "sept",
    "okt",
    "nov",
    "dec",
}
HEADING_MAX_WORDS = 8
# List items ("- Lund: 12 kameror", "2) ...") and quotes are content, not headings.
_NOT_HEADING = re.compile(r"^([-*•–—]|\d+[.)])\s|[.!?:;,…”\"»]$|:\s")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“”«(–—\-#\dA-ZÅÄÖÉÜ])")


def _is_abbreviation(text: str, dot_at: int) -> bool:
    start = dot_at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot_at].lower().lstrip('("“')
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences in ``text``, shifted by ``offset``.

    Line breaks between paragraphs always end a sentence.
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for match in _BOUNDARY.finditer(para.group()):
            end = para.start() + match.end()
            if match.group().startswith(".") and _is_abbreviation(text, para.start() + match.start()):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, para.end()))
    result = []
    for s, e in spans:
        chunk = text[s:e]
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        if e > s:
            result.append((s + offset, e + offset))
    return result


def is_heading(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line.split()) <= HEADING_MAX_WORDS and not _NOT_HEADING.search(line)


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text`` that are subheadings."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if is_heading(m.group())]
