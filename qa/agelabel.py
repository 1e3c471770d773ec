"""A person named by age ("den 27-årige", "en 87-årig kvinna") is who the sentence with that age speaks of.

Swedish names people in reports by an age adjective, figure and "-årig". A claim that gives such a person
figures from a neighbouring sentence, about someone else, swaps what was said of whom: "Den 27-årige
döms till fyra år" on "Den 24-årige döms till fyra år. Den 27-årige döms till ett år." So the claim's
other figures must all stand in a sentence that names the same age.

>>> text = "Den 24-årige döms till fängelse i fyra år. Den 31-årige döms till två års fängelse."
>>> age_crossed("Den 31-årige döms till fängelse i fyra år.", text)
True
>>> age_crossed("Den 31-årige döms till två års fängelse.", text), age_crossed("Två män döms till fängelse.", text)
(False, False)
"""

from __future__ import annotations

import re

from textkit.figures import numbers
from textkit.sentences import sentence_spans

AGE = re.compile(r"\b(\d{1,3})-årig", re.I)  # "27-årige", "87-årig", "19-åriga"


def age_crossed(sentence: str, text: str) -> bool:
    """The claim names a person by age, and no sentence of ``text`` with that age has all its figures."""
    ages = AGE.findall(sentence)
    wanted = numbers(sentence)
    if not ages or len(wanted) < 2:
        return False
    named = [text[start:end] for start, end in sentence_spans(text) if ages[0] in AGE.findall(text[start:end])]
    return bool(named) and not any(wanted <= numbers(part) for part in named)
