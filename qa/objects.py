"""A quote's object pronoun that a claim fills with another of the passage's words.

"– Dieseln kostar oss tre gånger så mycket, säger vd:n" says what it costs the speaker's side. A claim
may drop "oss" ("Enligt vd:n kostar dieseln tre gånger så mycket"), but not put another's word there:
"kostar dieseln kunderna ..." moves a cost onto the customers the passage names elsewhere. Swedish
language, not facts of an article: the pronoun is an object, not reflexive, when its own subject
(``textkit.wordclasses.reflexive_after``) is not by the verb.

>>> support = "– Dieseln kostar oss tre gånger så mycket, och kunderna får betala, säger vd:n."
>>> object_filled("Dieseln kostar kunderna tre gånger så mycket.", support)
True
>>> object_filled("Enligt vd:n kostar dieseln tre gånger så mycket.", support)
False
"""

from __future__ import annotations

from qa.roles import words_of
from textkit.figures import key
from textkit.text import little
from textkit.wordclasses import SUBJECT_OF, reflexive_after

AROUND = 3  # tokens either side of the verb in the support: its subject and what follows the pronoun
AFTER = 2  # tokens after the verb in the claim: the subject (V2) and the object


def object_filled(sentence: str, support: str) -> bool:
    """The support has a verb with an object pronoun ("kostar oss"), and the claim has that verb with a
    word after it that the support does not have around the verb."""
    source = [w.lower() for w in words_of(support)]
    verbs = {
        key(w): {key(v) for v in source[max(0, k - AROUND) : k + 2 + AROUND]}
        for k, w in enumerate(source[:-1])
        if source[k + 1] in SUBJECT_OF and not reflexive_after(source, k) and not little(w)
    }
    claim = [w.lower() for w in words_of(sentence)]
    return any(
        key(w) in verbs and any(not little(v) and key(v) not in verbs[key(w)] for v in claim[i + 1 : i + 1 + AFTER])
        for i, w in enumerate(claim)
    )
