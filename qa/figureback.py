"""A figure the sentence before gives, told with the words of the sentence that stands for it.

"I mars hade kommunen 120 lediga lägenheter. Motsvarande siffra i fjol var 80.": the second sentence's
"siffran"/"motsvarande siffra" stands for the count the first one gives (``qa.support`` reads the two as
one), but each figure keeps its own time. "I fjol hade kommunen 120 lediga lägenheter" takes the first
sentence's figure and the second's "i fjol". Swedish language, not facts of any article.

>>> support = "I mars hade kommunen 120 lediga lägenheter. Motsvarande siffra i fjol var 80."
>>> figure_back_crossed("I fjol hade kommunen 120 lediga lägenheter.", support)
True
>>> figure_back_crossed("I fjol hade kommunen 80 lediga lägenheter.", support)
False
>>> figure_back_crossed("I mars hade kommunen 120 lediga lägenheter.", support)
False
"""

from __future__ import annotations

from textkit.figures import numbers
from textkit.sentences import sentence_spans
from textkit.text import content_words, fold, stem

FIGURE_BACK = {"siffran", "motsvarande"}  # "var siffran 262", "var motsvarande siffra 340"


def _stems(text: str) -> set[str]:
    return {fold(stem(w)) for w in content_words(text)}


def figure_back_crossed(sentence: str, support: str) -> bool:
    """The claim has a figure only the sentence before a figure word gives, and a word only that figure
    word's sentence has (its time, its place)."""
    texts = [support[s:e] for s, e in sentence_spans(support)]
    claimed, words = numbers(sentence), _stems(sentence)
    for before, after in zip(texts, texts[1:]):
        if not FIGURE_BACK & {w.lower() for w in content_words(after)}:
            continue
        own = _stems(after) - _stems(before) - {fold(stem(w)) for w in FIGURE_BACK}
        if claimed & (numbers(before) - numbers(after)) and words & own:
            return True
    return False
