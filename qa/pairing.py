"""Each side of a contrast keeps what goes with it: "öppet på helger men stängt på vardagar".

A support that says one thing goes one way and another the other way, in two clauses, holds every word
of a claim that pairs them wrongly ("öppet på vardagar"). What a direction word (open/close, up/down,
see ``qa.polarity``) governs stands after it in its clause; the last word the claim puts after one side,
when the support puts it only after the opposite side, has crossed over. Only words after the direction word
are read, so the clause's subject, often said once for both ("Kaféet har öppet ... men är stängt ..."),
is free.

>>> support = "Kaféet i Alby har öppet på helger men är stängt på vardagar under vintern."
>>> side_crossed("Kaféet har öppet på vardagar.", support)
True
>>> side_crossed("Kaféet är stängt på vardagar.", support), side_crossed("Kaféet har öppet på helger.", support)
(False, False)
>>> court = "Rätten friade mannen från misshandel men dömde honom för hot."
>>> side_crossed("Rätten dömde mannen för misshandel.", court), side_crossed("Rätten dömde mannen för hot.", court)
(True, False)
"""

from __future__ import annotations

import re

from qa.polarity import DIRECTION_AXES, clauses, directions
from textkit.text import CALENDAR_SV, TOKEN, content_words, stem

OPPOSITE = {one: two for (one, _), (two, _) in DIRECTION_AXES.values()}
OPPOSITE |= {two: one for one, two in OPPOSITE.items()}
# Sides ``qa.polarity`` has no axis for: the adjective "öppen"/"öppet" ("har öppet"; it reads the verb
# "öppn-"), and a court's two verdicts ("friade från misshandel men dömde för hot").
MORE_SIDES = {
    "open": re.compile(r"öppe[nt]", re.I),
    "acquit": re.compile(r"fri(?:ar|ade|ades|ats|ad|kän\w*)|acquit\w*", re.I),
    "convict": re.compile(r"döm(?:a|er|de|des|s|ts|d|da)|fäll(?:er|de|des|ts|d|da)|convict\w*", re.I),
}
OPPOSITE |= {"acquit": "convict", "convict": "acquit"}
# A month, a day or a year at a clause's end is often said once for both sides ("steg i norr men sjönk i
# söder under november"): not read as what a side governs.
WHEN = set(CALENDAR_SV.split())


def _sides(word: str) -> set[str]:
    return directions(word) | {side for side, pattern in MORE_SIDES.items() if pattern.fullmatch(word)}


def governed(text: str) -> list[tuple[str, list[str]]]:
    """Each clause's first direction side and the stems of the content words after its direction word."""
    found = []
    for clause in clauses(text):
        words = TOKEN.findall(clause)
        at = next((i for i, word in enumerate(words) if _sides(word)), None)
        if at is not None:
            after = [stem(w) for w in content_words(" ".join(words[at + 1 :])) if w not in WHEN and not w.isdigit()]
            found += [(side, after) for side in _sides(words[at]) if side in OPPOSITE]
    return found


def side_crossed(claim: str, support: str) -> bool:
    """The last word the claim governs by one side is governed in the support only by the opposite side.

    The last: the words right after the verb are often its object, said once for both sides ("friade
    mannen ... men dömde honom"); what tells the sides apart comes after ("för hot", "på vardagar")."""
    theirs = governed(support)
    for side, after in governed(claim):
        same = {word for s, words in theirs if s == side for word in words}
        other = {word for s, words in theirs if s == OPPOSITE[side] for word in words}
        if after and after[-1] in other - same:
            return True
    return False
