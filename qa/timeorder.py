"""Before is not after: "före midnatt" and "efter midnatt" name opposite times.

A claim that puts an event on the other side of the same point in time than its support ("startade
efter midnatt" on "startade före midnatt") passes every word check, as the words are all there. The
point is the word right after "före"/"innan"/"efter" (by stem), so a paraphrase that turns the order
around by swapping its events ("olyckan kom innan bron stängdes" on "bron stängdes efter olyckan")
names another point and is not caught.

>>> order_flipped("Branden startade efter midnatt.", "Branden startade strax före midnatt.")
True
>>> order_flipped("Branden startade före midnatt.", "Branden startade strax före midnatt.")
False
>>> order_flipped("Olyckan kom innan bron stängdes.", "Bron stängdes efter olyckan.")
False
"""

from __future__ import annotations

import re

from textkit.text import stem

# An order word and the point in time it is told from ("före midnatt", "efter klockan ett").
ORDER = re.compile(r"\b(?P<word>före|innan|before|efter|after)\s+(?:strax\s+|just\s+)?(?P<point>[\wåäöé]+)", re.I)
BEFORE = {"före", "innan", "before"}


def _orders(text: str) -> set[tuple[bool, str]]:
    """(before?, stem of the point) for each order word of the text."""
    return {(m.group("word").lower() in BEFORE, stem(m.group("point"))) for m in ORDER.finditer(text)}


def order_flipped(claim: str, core: str) -> bool:
    """The claim puts something before a point the supporting sentence puts it after, or the reverse."""
    theirs = _orders(core)
    return any((not before, point) in theirs and (before, point) not in theirs for before, point in _orders(claim))
