"""A figure joined to a word the support joins to another figure: word order, not facts of any article.

Checked since a derived noun may stand for its verb (``textkit.wordforms``): "Av kostnaden gick 212
miljoner kronor till hyrsjuksköterskor" has every word of "kostade 212 miljoner kronor, varav 96
miljoner gick till hyrsjuksköterskor", but the 212 is the whole, not the part that went there.

>>> support = "Arbetet kostade 212 miljoner kronor, varav 96 miljoner gick till lönerna."
>>> figure_crossed("Av kostnaden gick 212 miljoner kronor till lönerna.", support)
True
>>> figure_crossed("Av kostnaden gick 96 miljoner kronor till lönerna.", support)
False
>>> figure_crossed("Arbetet gick 212 miljoner kronor över budget.", support)  # "gick" is the part's verb
True
"""

from __future__ import annotations

from textkit.figures import PIECES, counted_figure, joined_numbers, key, number_forms
from textkit.text import little
from textkit.wordclasses import COORDINATORS, PREPOSITIONS, UNITS
from textkit.wordclasses import FIGURE_HEDGES as HEDGES

STOPS = set(".!?")  # a sentence ends: what follows belongs to no figure before it
PART = "varav"  # "kostade 84 miljoner, varav 30 ...": the figure after it is a part of the one before


def _joined_word(pieces: list[str], at: int) -> str | None:
    """The first content word after the figure at ``at``, past its units and prepositions; None when
    punctuation or another figure comes first."""
    for piece in pieces[at + 1 :]:
        low = piece.lower()
        # "fyra år" is a figure too; after "och" a new list member starts, another figure's ("och en förlust på 41").
        if counted_figure(piece) or not piece[0].isalnum() or number_forms(piece) or low in COORDINATORS:
            return None
        if low not in UNITS and low not in PREPOSITIONS and not little(piece):
            return key(piece)
    return None


def _word_before(pieces: list[str], at: int) -> str | None:
    """The content word right before the figure at ``at`` ("betalar 84"), else None: only the verb or
    noun next to it, as a sentence's subject may stand before a list of figures."""
    before = pieces[at - 1] if at else ""
    return key(before) if before[:1].isalpha() and not little(before) and before.lower() not in HEDGES else None


def _crossed(pieces: list[str], at: int, word: str) -> bool | None:
    """Whether another figure stands between the figure at ``at`` and ``word`` after it in its sentence;
    None when the word does not follow in that sentence. Only after: a verb before a list of figures
    ("beställt 120 000 doser och 95 000 doser") governs each of them."""
    between = False
    for piece in pieces[at + 1 :]:
        if piece in STOPS:
            return None
        if piece[0].isalpha() and key(piece) == word:
            return between
        between = between or (counted_figure(piece) and piece != pieces[at])
    return None


def _governing(pieces: list[str], at: int) -> str | None:
    """The content word nearest before the figure at ``at``, past prepositions, units and hedges
    ("kosta 30", "beräknas till 30"); None when punctuation or another figure comes first."""
    for piece in reversed(pieces[:at]):
        low = piece.lower()
        if counted_figure(piece) or not piece[0].isalnum():
            return None
        if low not in UNITS | PREPOSITIONS | HEDGES and not little(piece):
            return key(piece)
    return None


def whole_for_part(sentence: str, support: str) -> bool:
    """The claim gives a part ("varav 30 miljoner") the word the support says of the whole before it: "Bygget
    kostar 30 miljoner" where the support has "Bygget kostar 84 miljoner, varav 30 miljoner betalas av staten".

    >>> whole_for_part("Bygget kostar 30 miljoner.", "Bygget kostar 84 miljoner, varav 30 miljoner betalas av staten.")
    True
    >>> whole_for_part("Staten betalar 30 miljoner.", "Bygget kostar 84 miljoner, varav 30 miljoner betalas av staten.")
    False
    """
    claim, source = PIECES.findall(joined_numbers(sentence)), PIECES.findall(joined_numbers(support))
    for i, piece in enumerate(claim):
        word = _governing(claim, i) if counted_figure(piece) else None
        for j, p in enumerate(source):
            if not word or p.replace(",", ".") != piece.replace(",", ".") or PART not in _lower(source[j - 2 : j]):
                continue
            start = max((k for k in range(j) if source[k] in STOPS), default=-1) + 1
            end = next((k for k in range(j, len(source)) if source[k] in STOPS), len(source))
            said = [key(w) for w in source[start:end] if w[0].isalpha()]
            if word in said[: said.index(PART)] and word not in said[said.index(PART) + 1 :]:
                return True
    return False


def _lower(pieces: list[str]) -> list[str]:
    return [p.lower() for p in pieces]


def figure_crossed(sentence: str, support: str) -> bool:
    """A word next to the claim's figure follows it in the support only past another figure, everywhere
    the support has both in one sentence: the support's "varav 96 ... gick till X" part, not its whole."""
    claim, source = PIECES.findall(joined_numbers(sentence)), PIECES.findall(joined_numbers(support))
    for i, piece in enumerate(claim):
        if not counted_figure(piece):
            continue
        places = [j for j, p in enumerate(source) if p.replace(",", ".") == piece.replace(",", ".")]
        for word in (_joined_word(claim, i), _word_before(claim, i)):
            found = [f for j in places if word and (f := _crossed(source, j, word)) is not None]
            if found and all(found):
                return True
    return False
