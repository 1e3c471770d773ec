"""What a passage says happens on a condition ("om det regnar", "ifall", "if") is not a fact.

"Festen ställs in om det regnar på lördag" says neither that the party is called off nor that it rains:
a claim drawn from such a sentence with no condition or hedge of its own ("Festen ställs in") turns a
maybe into a fact. Conditional "om" is told from the preposition ("rapporten om skolan") by what
follows: a subject and a finite verb ("om det regnar", "om regionen inte får"). "Om" meaning "whether"
("frågan om skolan stängs") is read the same way, as it is no fact either.

>>> condition_dropped("Festen ställs in.", "Festen ställs in om det regnar på lördag.")
True
>>> condition_dropped("Festen ställs in om det regnar.", "Festen ställs in om det regnar på lördag.")
False
>>> condition_dropped("Rapporten är klar.", "Rapporten om skolan kom i går och är klar.")
False
"""

from __future__ import annotations

import re

from textkit.contrast import NEGATIONS
from textkit.verbs import HEDGES

# A subject (pronoun, or a noun in its definite form) and a finite verb after conditional "om".
_SUBJECT = r"(?:det|den|de|man|vi|ni|jag|du|han|hon|någon|något|\w+(?:en|et|na|n))"
_FINITE = r"(?:\w+(?:ar|er|r|s|de|te|tt)|är|var|blir|blev|får|fick|går|gick|kan|ska|vill|måste|har|hade)"
CONDITION = re.compile(
    rf"\b(?:ifall|såvida|förutsatt att|under förutsättning att|if|unless|provided that|"
    rf"om\s+{_SUBJECT}\s+(?:{NEGATIONS}\s+)?{_FINITE})\b",
    re.I,
)
# Words that leave a claim open in its own right: it may, could or would happen.
MAYBE = re.compile(r"\b(?:kan|kunde|skulle|hotar|may|might|could|would)\b", re.I)


def conditional(text: str) -> bool:
    return bool(CONDITION.search(text))


def condition_dropped(claim: str, core: str) -> bool:
    """The supporting sentence is said on a condition and the claim states it as plain fact (see above)."""
    hedged = MAYBE.search(claim) or any(word in HEDGES for word in claim.lower().split())
    return conditional(core) and not conditional(claim) and not hedged
