"""Each side of a contrast keeps what goes with it: "öppet på helger men stängt på vardagar".

A support that says one thing goes one way and another the other way, in two clauses, holds every word
of a claim that pairs them wrongly ("öppet på vardagar"). What a direction word (open/close, up/down,
see ``qa.polarity``) governs stands after it in its clause; a word the claim puts after one side that
the support puts only after the opposite side has crossed over. Only words after the direction word
are read, so the clause's subject, often said once for both ("Kaféet har öppet ... men är stängt ..."),
is free.

>>> support = "Kaféet i Alby har öppet på helger men är stängt på vardagar under vintern."
>>> side_crossed("Kaféet har öppet på vardagar.", support)
True
>>> side_crossed("Kaféet är stängt på vardagar.", support), side_crossed("Kaféet har öppet på helger.", support)
(False, False)
"""

from __future__ import annotations

import re

from qa.polarity import DIRECTION_AXES, clauses, directions
from textkit.text import TOKEN, content_words, stem

OPPOSITE = {one: two for (one, _), (two, _) in DIRECTION_AXES.values()}
OPPOSITE |= {two: one for one, two in OPPOSITE.items()}
# The adjective "öppen"/"öppet" ("har öppet") is open too; ``qa.polarity`` reads only "öppn-" (the verb).
OPEN = re.compile(r"öppe[nt]", re.I)


def _sides(word: str) -> set[str]:
    return directions(word) | ({"open"} if OPEN.fullmatch(word) else set())


def governed(text: str) -> list[tuple[str, set[str]]]:
    """Each clause's first direction side and the stems of the content words after its direction word."""
    found = []
    for clause in clauses(text):
        words = TOKEN.findall(clause)
        at = next((i for i, word in enumerate(words) if _sides(word)), None)
        if at is not None:
            after = {stem(w) for w in content_words(" ".join(words[at + 1 :]))}
            found += [(side, after) for side in _sides(words[at]) if side in OPPOSITE]
    return found


def side_crossed(claim: str, support: str) -> bool:
    """A word the claim governs by one side is governed in the support only by the opposite side."""
    theirs = governed(support)
    for side, after in governed(claim):
        same = set().union(*(words for s, words in theirs if s == side))
        other = set().union(*(words for s, words in theirs if s == OPPOSITE[side]))
        if (after & other) - same:
            return True
    return False
