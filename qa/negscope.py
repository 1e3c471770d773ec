"""What a negation denies is the verb right after it: a claim may not move it onto a verb the support affirms.

A negated claim clause passes ``qa.polarity`` when it shares a word with some negated clause of the
support. "Invånarna uppmanas att inte koka kranvattnet" shares "kranvattnet" with "att inte dricka
kranvattnet", yet the support says "koka det först": the negation now sits on another verb. In Swedish
the negation stands before the word it denies in a subordinate or "att" clause and before the non-finite
verb ("har inte fått", "ska inte stänga"), so the first content word after it is what it denies. That
word must not be one the support says only in affirmed clauses.

>>> support = "Invånarna uppmanas att inte dricka vattnet utan koka det först."
>>> negation_moved("Invånarna uppmanas att inte koka vattnet.", support)
True
>>> negation_moved("Invånarna uppmanas att inte dricka vattnet.", support)
False
>>> negation_moved("Båten har aldrig hittats.", "Båten sjönk 1890 och har aldrig hittats.")
False
"""

from __future__ import annotations

from qa.polarity import NEGATION, NOT_NEGATIONS, clauses, negated
from textkit.text import content_words, stem


def denied_word(clause: str) -> str | None:
    """The stem of the first content word after the clause's negation, if any."""
    text = NOT_NEGATIONS.sub(" ", clause)
    match = NEGATION.search(text)
    words = content_words(text[match.end() :]) if match else []
    return stem(words[0]) if words else None


def negation_moved(claim: str, support: str) -> bool:
    """A negated claim clause denies a word the support affirms and never denies (see above)."""
    affirmed, denied = set(), set()
    for clause in clauses(support):
        (denied if negated(clause) else affirmed).update(stem(w) for w in content_words(clause))
    for clause in clauses(claim):
        word = denied_word(clause)
        if word and word in affirmed and word not in denied:
            return True
    return False
