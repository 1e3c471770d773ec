"""Check an LLM answer sentence by sentence against the passages it cites.

A sentence survives only when ONE sentence of a cited passage, with its
neighbours, supports it: every number, date word and name of the sentence is
there; every content word is there too (same stem, same root across word
classes, or as a part of a compound), most of them in the supporting sentence
itself; each name stands close to a word it is said together with; and the
polarity agrees (no ``inte``/``minska`` the support does not share, see
``qa.polarity``), and what the support lacks is not said to be had (``qa.lacking``);
a condition, suspicion, quantifier, order in time, comparison, contrast or plan of
the support is not told otherwise (``CORE_TURNED``), nor a negation moved or a quote
given to another speaker; and no word takes another's role there (a doer, a
figure's counted thing, a speaker, see ``qa.roles``). Words picked from all over a passage do not make a claim.

An English sentence about a Swedish passage (a translation) cannot be checked
word by word: only its numbers, date words and names, plus at least one anchor
(a number, a name or a cognate such as camera/kamera) are checked. A made-up
English claim that reuses the passage's numbers and names gets through.

>>> passages = {1: "Målbilden skruvades upp till 2500 kameror nationellt."}
>>> v = verify_answer("Målet är 2500 kameror nationellt [1]. Det finns 9000 drönare [1]. Se [9].", passages)
>>> v.text, v.removed
('Målet är 2500 kameror nationellt [1].', 2)
>>> supported("Polisen ska avveckla alla kameror nationellt.", passages[1])
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.agelabel import age_crossed
from qa.condition import belief_dropped, condition_dropped
from qa.copula import reached_early
from qa.figureback import figure_back_crossed
from qa.figurejoin import figure_crossed, whole_for_part
from qa.lacking import lack_turned
from qa.negscope import negation_moved
from qa.objects import object_filled
from qa.pairing import side_crossed
from qa.polarity import contradicts
from qa.quantity import quantity_raised
from qa.roles import amount_moved, figure_moved, reflexive_dropped, roles_traded, speaker_as_doer
from qa.speaker import speaker_swapped
from qa.support import Window, check_translation, windows
from qa.than import sides_swapped
from qa.timeorder import order_flipped
from qa.types import CITATION_MARKER
from textkit.sentences import sentence_spans

# A word of the claim in another's role there (qa/roles.py, qa/figurejoin.py), each a check of its own.
ROLES_TAKEN = (roles_traded, figure_moved, speaker_as_doer, amount_moved, reflexive_dropped)
ROLES_TAKEN += (figure_crossed, whole_for_part, object_filled, figure_back_crossed, age_crossed)
# What the supporting sentence says with a condition, a suspicion, a quantifier, an order in time, a
# comparison, a contrast or a plan, told otherwise by the claim (a red-team pass, tests/qa/test_verify_redteam2.py).
CORE_TURNED = (condition_dropped, belief_dropped, quantity_raised, order_flipped, sides_swapped, side_crossed)
CORE_TURNED += (reached_early,)
# What the window says, turned by the claim: a lack told as had, a negation moved, a quote's speaker swapped.
WINDOW_TURNED = (lack_turned, negation_moved, speaker_swapped)
MARKER = re.compile(rf"\s*{CITATION_MARKER.pattern}")  # a marker with the space before it, to strip


@dataclass
class Verified:
    text: str
    used: list[int] = field(default_factory=list)  # passage numbers cited by kept sentences
    quotes: dict[int, list[str]] = field(default_factory=dict)  # n -> sentences of that passage it rests on
    removed: int = 0


def support_for(sentence: str, passage_text: str) -> Window | None:
    """The passage sentence (with neighbours) that backs ``sentence``, or None."""
    for window in windows(sentence, passage_text):
        if (
            window.backs(sentence)
            and not contradicts(sentence, window.core, window.text)
            and not any(turned(sentence, window.core) for turned in CORE_TURNED)
            and not any(turned(sentence, window.text) for turned in WINDOW_TURNED + ROLES_TAKEN)
        ):
            return window
    return None


def supported(sentence: str, passage_text: str) -> bool:
    """Whether some sentence of the passage, with its neighbours, says what ``sentence`` says."""
    from textkit.text import detect_language

    if detect_language(sentence) != detect_language(passage_text):
        return check_translation(sentence, passage_text)
    return support_for(sentence, passage_text) is not None


def best_quote(sentence: str, passage_text: str) -> str:
    """The passage sentence the claim rests on (for highlighting); the best overlap for a translation."""
    window = support_for(sentence, passage_text)
    if window is not None:
        return window.core
    from textkit.text import TOKEN

    words = set(TOKEN.findall(sentence.lower()))
    spans = sentence_spans(passage_text) or [(0, len(passage_text))]
    best = max(spans, key=lambda s: len(words & set(TOKEN.findall(passage_text[s[0] : s[1]].lower()))))
    return passage_text[best[0] : best[1]]


def verify_answer(text: str, passages: dict[int, str]) -> Verified:
    kept, result = [], Verified(text="")
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        cited = [int(n) for n in CITATION_MARKER.findall(sentence) if int(n) in passages]
        bare = MARKER.sub("", sentence).strip()
        if not bare or re.fullmatch(r"[\W_]*", bare):
            continue
        # Each cited passage is judged on its own: a claim stitched from two passages is not in either.
        backing = [n for n in cited if supported(bare, passages[n])]
        if not backing:
            result.removed += 1
            continue
        for n in backing:
            result.quotes.setdefault(n, []).append(best_quote(bare, passages[n]))
        marks = "".join(f" [{n}]" for n in dict.fromkeys(backing))
        kept.append(_place_markers(bare, marks))
    result.text = " ".join(kept)
    result.used = list(result.quotes)
    return result


def _place_markers(sentence: str, marks: str) -> str:
    """Markers before the final stop, as the prompt asks: 'Text [1].'"""
    match = re.search(r"[.!?…]+$", sentence)
    if not match:
        return sentence + marks
    return sentence[: match.start()] + marks + match.group()
