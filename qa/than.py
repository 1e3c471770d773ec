"""What a comparison is measured against stands after "än": swapping the two sides turns it around.

"I år kom fler turister än i fjol" and "I fjol kom fler turister än i år" share every word; only which
side stands after "än" ("than") differs. A claim whose "än" point is a word its supporting sentence
compares (the support has a point of its own after "än"), yet has before its "än", has the
comparison the wrong way round. "Fler än"/"mer än" with a figure keeps its figure after "än" and is
not touched.

>>> support = "Sjuksköterskorna tjänar mer än undersköterskorna."
>>> sides_swapped("Undersköterskorna tjänar mer än sjuksköterskorna.", support)
True
>>> sides_swapped("Undersköterskorna tjänar mindre än sjuksköterskorna.", "Ingen jämförelse görs.")
False
>>> sides_swapped("Sjuksköterskorna har högre lön än undersköterskorna.", support)
False
"""

from __future__ import annotations

import re

from textkit.text import content_words, stem

# "än"/"than", a preposition of place or time maybe ("än i fjol"), then the word compared against. Only a
# content word right there is a point: "än en månad", "än vad lagen tillåter" measure, they name no side.
THAN = re.compile(
    r"\b(?:än|than)\s+(?:(?:i|på|vid|hos|för|inom|bland|in|at|on|for|among)\s+)?(?P<point>[\wåäöé-]+)", re.I
)


def _points(text: str) -> list[tuple[int, str]]:
    """Where each "än" stands and the stem of the word it compares against."""
    found = []
    for match in THAN.finditer(text):
        if content_words(match.group("point")):
            found.append((match.start(), stem(match.group("point"))))
    return found


def sides_swapped(claim: str, core: str) -> bool:
    """The claim's "än" point stands before the supporting sentence's "än", not after it (see above)."""
    theirs = _points(core)
    if not theirs:
        return False
    before = {stem(w) for w in content_words(core[: theirs[0][0]])}
    after = {point for _, point in theirs}
    return any(point in before and point not in after for _, point in _points(claim))
