"""A quantifier is a claim of its own: "alla" is more than "de flesta", and "de flesta" more than "några".

A claim that says "alla partier" where its support says "de flesta av partierna", or "de flesta lärare"
where it says "några lärare", has made the support's share bigger. Swedish and English quantifier
words ranked, not facts of any article; the noun a quantifier counts is the first content words after
it ("de flesta av partierna" counts "partierna"), matched by stem, so another noun's quantifier in the
same sentence does not count.

>>> quantity_raised("Alla partier vill sänka skatten.", "De flesta av partierna vill sänka skatten.")
True
>>> quantity_raised("De flesta partier vill sänka skatten.", "De flesta av partierna vill sänka skatten.")
False
>>> quantity_raised("Alla elever fick kort.", "Alla elever fick kort, men några lärare var kritiska.")
False
"""

from __future__ import annotations

import re

from textkit.text import content_words, stem

# Each quantifier word with its rank: all 3, most 2, some 1. "i alla fall" (anyway) counts nothing.
RANKS = {
    3: r"alla|samtliga|varenda|all|every",
    2: r"de flesta|flertalet|majoriteten|merparten|most",
    1: r"några|vissa|en del|flera|somliga|ett fåtal|some|several|a few",
}
QUANTIFIER = re.compile(
    r"\b(?<!i )(?P<word>" + "|".join(RANKS.values()) + r")\s+(?:av\s+|of\s+)?(?P<rest>(?:[\wåäöé-]+\s*){1,3})", re.I
)
_RANK_OF = [(rank, re.compile(rf"(?:{words})$", re.I)) for rank, words in RANKS.items()]


def quantified(text: str) -> dict[str, int]:
    """Stem of each counted word -> the highest rank of a quantifier before it."""
    found: dict[str, int] = {}
    for match in QUANTIFIER.finditer(text):
        rank = next(r for r, pattern in _RANK_OF if pattern.match(match.group("word")))
        for word in content_words(match.group("rest"))[:2]:
            found[stem(word)] = max(rank, found.get(stem(word), 0))
    return found


def quantity_raised(claim: str, core: str) -> bool:
    """The claim puts a higher quantifier on a word the supporting sentence quantifies lower (see above)."""
    theirs = quantified(core)
    return any(word in theirs and rank > theirs[word] for word, rank in quantified(claim).items())
