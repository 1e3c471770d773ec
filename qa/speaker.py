"""Words said are said by the one named with them: a quote is not given to someone in the next sentence.

"– Vi är oroliga, säger rektorn Anna Ek. Kommunalrådet Jonas Lind menar att skolan klarar sig." A claim
"Jonas Lind säger att de är oroliga" finds every word in the window, and the name next door; yet the
sentence its words come from names its own speaker. The sentence of the window that has most of the
claim's words (its names aside) is where they were said; when it reports someone's words (a reporting
verb and a person's full name in it), a person the claim names must be named there too.

>>> text = "– Vi är mycket oroliga, säger rektorn Anna Ek. Jonas Lind menar att skolan klarar sig."
>>> speaker_swapped("Jonas Lind säger att de är mycket oroliga.", text)
True
>>> speaker_swapped("Rektorn Anna Ek säger att de är oroliga.", text), speaker_swapped("De är oroliga.", text)
(False, False)
"""

from __future__ import annotations

from textkit.quotes import SAYS
from textkit.sentences import sentence_spans
from textkit.text import content_words, fold, name_units, stem


def _people(text: str) -> list[list[str]]:
    """Names of two words or more ("Anna Ek"): a person, not a sentence's first word."""
    return [[fold(word) for word in unit] for unit in name_units(text) if len(unit) > 1]


def speaker_swapped(claim: str, text: str) -> bool:
    """The sentence the claim's words come from reports a named person's words; the claim names a person it does not."""
    people = _people(claim)
    names = {word for unit in people for word in unit}
    said = {stem(w) for w in content_words(claim) if fold(w) not in names}
    sentences = [text[start:end] for start, end in sentence_spans(text)]
    if not people or not said or not sentences:
        return False
    core = max(sentences, key=lambda part: len(said & {stem(w) for w in content_words(part)}))
    if not SAYS.search(core) and "enligt" not in core.lower() or not _people(core):
        return False
    named = set(fold(core).split()) | {word for unit in _people(core) for word in unit}
    return any(not any(word in named for word in unit) for unit in people)
