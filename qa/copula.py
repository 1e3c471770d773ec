"""A state planned or expected ("väntas vara klart 2028") is not one reached ("blev klart 2028").

``qa.polarity.tense_differs`` pairs forms of one verb ("sålde" and "sälja"); "vara" and "bli" are two
verbs that tell one state, so "blev klart" against "väntas vara klart" slips past it. A claim that says
a state was reached, in the past ("blev", "var", "har blivit"), with no plan or hedge of its own, when its
supporting sentence has that state only after a plan word ("ska", "väntas", "beräknas", see
``textkit.verbs.PLAN``), tells a plan as done.

>>> reached_early("Arbetet blev klart 2028.", "Arbetet väntas vara klart 2028, enligt hamnchefen.")
True
>>> reached_early("Arbetet väntas bli klart 2028.", "Arbetet väntas vara klart 2028, enligt hamnchefen.")
False
>>> reached_early("Arbetet blev klart i fjol.", "Arbetet blev klart i fjol och ska nu utvärderas.")
False
"""

from __future__ import annotations

import re

from textkit.text import stem
from textkit.verbs import HEDGES, PLAN

# A form of "vara"/"bli" and the word it says of the subject: "blev klart", "vara färdig".
STATE = re.compile(r"\b(?P<verb>vara|bli|blir|är|blev|var|blivit|varit)\s+(?P<state>[\wåäöé]+)", re.I)
PAST = {"blev", "var", "blivit", "varit"}


def _planned(text: str) -> set[str]:
    """Stems of the states the text says only after a plan word in the words just before."""
    planned, plain = set(), set()
    for match in STATE.finditer(text):
        before = text[: match.start()].lower().split()[-3:]
        (planned if PLAN & set(before) else plain).add(stem(match.group("state")))
    return planned - plain


def reached_early(claim: str, core: str) -> bool:
    """The claim says a state was reached that the supporting sentence only plans or expects (see above)."""
    if (PLAN | HEDGES) & set(claim.lower().split()):
        return False
    planned = _planned(core)
    return any(m.group("verb").lower() in PAST and stem(m.group("state")) in planned for m in STATE.finditer(claim))
