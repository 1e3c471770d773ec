"""Split Swedish or English text into sentences, as character spans.

Spans let a citation point at the exact characters it quotes:

>>> text = "Målet är 2500 kameror. Bl.a. i Stockholm! – Det är bra, säger hon."
>>> [text[s:e] for s, e in sentence_spans(text)]
['Målet är 2500 kameror.', 'Bl.a. i Stockholm!', '– Det är bra, säger hon.']
"""
from __future__ import annotations

import re

# Abbreviations whose period does not end a sentence even before a capital.
ABBREVIATIONS = {
    "bl.a", "t.ex", "m.m", "s.k", "dvs", "ca", "nr", "kl", "mfl", "m.fl", "resp", "jfr", "osv",
    "e.g", "i.e", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "no", "inc", "jan", "feb",
    "aug", "sept", "okt", "nov", "dec",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“”«(–—\-#\dA-ZÅÄÖÉÜ])")


def _is_abbreviation(text: str, dot_at: int) -> bool:
    start = dot_at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot_at].lower().lstrip("(\"“")
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
