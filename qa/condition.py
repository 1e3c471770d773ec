"""What a passage says happens on a condition ("om det regnar", "ifall", "if") is not a fact.

"Festen ställs in om det regnar på lördag" says neither that the party is called off nor that it rains:
a claim drawn from such a sentence with no condition or hedge of its own ("Festen ställs in") turns a
maybe into a fact. Conditional "om" is told from the preposition ("rapporten om skolan") by what
follows: a subject and a finite verb ("om det regnar", "om regionen inte får"). "Om" meaning "whether"
("frågan om skolan stängs") is read the same way, as it is no fact either. Nor is what someone suspects
or fears ("misstänker att branden var anlagd").

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
from textkit.text import content_words, stem
from textkit.verbs import HEDGES

# A subject (pronoun, a noun in its definite form, or one after a determiner: "ingen ny ägare") and a
# finite verb after conditional "om".
_SUBJECT = (
    r"(?:det|den|de|man|vi|ni|jag|du|han|hon|någon|något|\w+(?:en|et|na|n)|"
    r"(?:ingen|inget|inga|några|en|ett)\s+(?:\w+\s+)?\w+)"
)
_FINITE = r"(?:\w+(?:ar|er|r|s|de|te|tt)|är|var|blir|blev|får|fick|går|gick|kan|ska|vill|måste|har|hade)"
CONDITION = re.compile(
    rf"\b(?:ifall|såvida|förutsatt att|under förutsättning att|if|unless|provided that|"
    rf"om\s+{_SUBJECT}\s+(?:{NEGATIONS}\s+)?{_FINITE})\b",
    re.I,
)
# A suspicion or fear of what the "att" clause says ("misstänker att", "befarar att"): that clause is what
# someone thinks may be so, not a fact. (Beliefs and expectations, "tror att", "räknar med att", were
# tried too: faithful sentences state those as facts, and they were dropped.)
BELIEF = re.compile(
    r"\b(?:misstänker|misstänkte|befarar|fruktar|suspects?|fears?)\s+(?:att|that)\b(?P<clause>[^,.;:!?]*)", re.I
)
# A claim that tells whose view it gives ("enligt polisen", "menar hon") keeps the belief a view.
SAID = re.compile(r"\b(?:enligt|säger|sade|sa|menar|anser|uppger|according|says|said)\b", re.I)
# Words that leave a claim open in its own right: it may, could or would happen.
MAYBE = re.compile(r"\b(?:kan|kunde|skulle|hotar|may|might|could|would)\b", re.I)


def conditional(text: str) -> bool:
    return bool(CONDITION.search(text))


def condition_dropped(claim: str, core: str) -> bool:
    """The supporting sentence is said on a condition and the claim states it as plain fact (see above)."""
    hedged = MAYBE.search(claim) or any(word in HEDGES for word in claim.lower().split())
    return conditional(core) and not conditional(claim) and not hedged


def belief_dropped(claim: str, core: str) -> bool:
    """The claim says as fact what the supporting sentence only says someone suspects or fears.

    >>> belief_dropped("Branden var anlagd.", "Polisen misstänker att branden var anlagd.")
    True
    >>> support = "Polisen misstänker att branden var anlagd."
    >>> belief_dropped("Polisen misstänker att branden var anlagd.", support), belief_dropped("Enligt polisen var branden anlagd.", support)
    (False, False)
    """
    if BELIEF.search(claim) or MAYBE.search(claim) or SAID.search(claim):
        return False
    said = {stem(w) for w in content_words(claim)}
    # The believed clause's first and last content words (its subject and what is said of it, "branden ...
    # anlagd") must be in the claim: a claim that draws on a fact the belief merely mentions ("förklaringen
    # är att ...") or says something else of the subject ("mannen ... körde utan körkort") is not turned.
    clauses = [content_words(m.group("clause")) for m in BELIEF.finditer(core)]
    return any(words and {stem(words[0]), stem(words[-1])} <= said for words in clauses)
