"""What a sentence says is lacking is not what it says is had: "byar utan mobiltäckning".

A claim that names what its support says is lacking ("utan", "saknar", "without") and says no
lack at all (no lacking word, no negation, no shortage) turns the support around, and so does a
claim lacking what its support names as had (and says no shortage or negation). "Utan" after a negation opens what is said
instead ("inte X utan Y", see ``textkit.contrast``) and marks nothing as lacking.

>>> support = "I kommunen finns fortfarande tolv byar utan mobiltäckning."
>>> lack_turned("Några byar har mobiltäckning.", support), lack_turned("Tolv byar saknar mobiltäckning.", support)
(True, False)
>>> lack_turned("Byarna har inte mobiltäckning.", support)
False
>>> lack_turned("Tolv byar saknar mobiltäckning.", "Tolv byar har fått mobiltäckning.")
True
>>> lack_turned("Varan kan lämnas tillbaka utan kvitto.", "Kunden kan lämna tillbaka varan utan kvitto.")
False
>>> lack_turned("Kunderna ska lämna tillbaka den.", "Kunderna ska inte äta den utan lämna tillbaka den.")
False
"""

from __future__ import annotations

import re

from qa.polarity import NEGATION, negated
from qa.support import root
from textkit.alike import LACKING as SWEDISH_LACKING
from textkit.text import content_words, fold, stem

# A lacking word (textkit.alike's Swedish ones, English), then up to two words before the thing lacked
# ("utan någon egen mobiltäckning").
LACKING = re.compile(
    rf"\b(?:{'|'.join(sorted(SWEDISH_LACKING))}|without|lacks?|lacked|lacking)((?:\s+[\wåäöé-]+){{1,3}})", re.I
)
# "utan att" (without doing) lacks a deed, not a thing; after a negation "utan" means "but".
NOT_LACKING = re.compile(r"^\s+att\b", re.I)
# Other ways to say a thing is lacking: a shortage of it, a hard time finding it.
SHORT_OF = re.compile(r"\b(?:brist\w*|svårt|svårigheter|shortage|short of|hard to)\b", re.I)


def _roots(words) -> set[str]:
    return {root(fold(stem(w))) for w in words}


def lacked(text: str) -> set[str]:
    """Roots of the content words a lacking word governs."""
    found = set()
    for match in LACKING.finditer(text):
        if NOT_LACKING.match(match.group(1)) or NEGATION.search(text[: match.start()]):
            continue
        found |= _roots(content_words(match.group(1)))
    return found


def lack_turned(claim: str, support: str) -> bool:
    """The claim has what the support lacks, or lacks what the support has (see above)."""
    claim_lacks, support_lacks = lacked(claim), lacked(support)
    # Most claims and supports lack nothing: only then are the other side's words stemmed.
    if support_lacks and not claim_lacks and support_lacks & _roots(content_words(claim)):
        return not _says_lack(claim)
    new_lacks = claim_lacks - support_lacks
    return bool(new_lacks and new_lacks & _roots(content_words(support)) and not _says_lack(support))


def _says_lack(text: str) -> bool:
    return negated(text) or bool(SHORT_OF.search(text))
