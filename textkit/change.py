"""A change told by its two figures: "har ökat från 61 till 86 procent" where the support gives 86 now and 61
"för fyra år sedan". Swedish word order and closed word classes, not facts of any article.

The claim names the earlier figure after "från" (or "jämfört med") and the later after "till"; the support
must give the same two figures, the earlier one marked as such (after "från", "jämfört med", "mot", or
beside "för ... sedan", "i fjol", "tidigare", "förra", or a year before the later one's), and counting
no other thing than the later one does. Which way the figures go is the direction the claim may say.

>>> support = "I dag har 86 procent av hushållen fiber, jämfört med 61 procent för fyra år sedan."
>>> figure_change("Andelen har ökat från 61 till 86 procent.", support)
'up'
>>> figure_change("Andelen har minskat från 86 till 61 procent.", support) is None
True
>>> figure_change("Antalet har ökat från 61 till 86.", "I fjol hade 61 anställda bil. Nu cyklar 86 elever.") is None
True
"""

from __future__ import annotations

import re

from textkit.figures import FIGURE, PIECES, YEAR, counted, counted_figure, joined_numbers, number_forms
from textkit.sentences import sentence_spans
from textkit.text import little
from textkit.wordclasses import TIME

# Words that mark the figure after them as the earlier one, in the claim and in the support.
SINCE = {"från", "mot"}
COMPARED = {"jämfört", "jämföra", "jämförelse"}  # "jämfört med 61", "att jämföra med 121"
# Words that make the figure in their sentence the earlier one: "för fyra år sedan", "i fjol".
EARLIER = {"sedan", "fjol", "tidigare", "förra"}
NOW = {"nu", "idag"}  # with "i år", "i dag": the later figure's time, against an earlier year
BEFORE = 3  # tokens before a figure a marker may stand in: "från 118 miljoner", "jämfört med 61"
SCALE = {"tusen": 1e3, "miljon": 1e6, "miljoner": 1e6, "miljard": 1e9, "miljarder": 1e9}


def _value(pieces: list[str], at: int) -> float:
    after = pieces[at + 1].lower() if at + 1 < len(pieces) else ""
    return float(pieces[at].replace(",", ".")) * SCALE.get(after, 1)


def _marked(pieces: list[str], at: int, markers: set[str]) -> bool:
    words = [p.lower() for p in pieces[max(0, at - BEFORE) : at]]
    return bool(set(words) & markers) and not _figure_between(pieces[max(0, at - BEFORE) : at])


def _figure_between(pieces: list[str]) -> bool:
    return any(FIGURE.fullmatch(p) for p in pieces)


def claimed(sentence: str) -> tuple[str, str, float] | None:
    """(earlier figure, later figure, later minus earlier) the claim states, or None."""
    pieces = PIECES.findall(joined_numbers(sentence))
    early = [i for i, p in enumerate(pieces) if counted_figure(p) and _marked(pieces, i, SINCE | COMPARED)]
    late = [i for i, p in enumerate(pieces) if counted_figure(p) and pieces[i - 1].lower() == "till"]
    if len(early) != 1 or len(late) != 1:
        return None
    a, b = early[0], late[0]
    return pieces[a].replace(",", "."), pieces[b].replace(",", "."), _value(pieces, b) - _value(pieces, a)


def _spans(text: str) -> list[tuple[str, list[str]]]:
    """Each figure of the text with the words around it: back to the figure before it and on to the next
    one, within its sentence (a year is no bound: it dates the figure beside it)."""
    found = []
    for start, end in sentence_spans(text) or [(0, len(text))]:
        pieces = PIECES.findall(joined_numbers(text[start:end]))
        at = [i for i, p in enumerate(pieces) if counted_figure(p)]
        for k, i in enumerate(at):
            lo, hi = at[k - 1] + 1 if k else 0, at[k + 1] if k + 1 < len(at) else len(pieces)
            found.append((pieces[i].replace(",", "."), pieces[lo:i] + pieces[i:hi]))
    return found


def _earlier(span: list[str], spans: list[tuple[str, list[str]]], later: str) -> bool:
    """The figure of ``span`` is marked as the earlier one: by a word before it or beside it, or by a year
    that the ``later`` figure's span comes after."""
    low = [p.lower() for p in span]
    at = next(i for i, p in enumerate(span) if counted_figure(p))
    if _marked(span, at, SINCE | COMPARED) or set(low) & EARLIER:
        return True
    years = [int(p) for p in span if YEAR.fullmatch(p)]
    return bool(years) and any(f == later and _after(other, max(years)) for f, other in spans)


def _after(span: list[str], year: int) -> bool:
    """The span holds a time after ``year``: a later year, "i år", "i dag", "nu"."""
    low = [p.lower() for p in span]
    now = any(a == "i" and b in ("år", "dag") for a, b in zip(low, low[1:])) or bool(set(low) & NOW)
    return now or any(YEAR.fullmatch(p) and int(p) > year for p in span)


def _earlier_in(support: str, figure: str, later: str) -> bool:
    """The support marks ``figure`` as the earlier one of the two somewhere."""
    spans = _spans(support)
    return any(f == figure and _earlier(span, spans, later) for f, span in spans)


def figure_change(sentence: str, support: str) -> str | None:
    """ "up" or "down": the way the claim's two figures go, when the support gives them as earlier and later."""
    found = claimed(sentence)
    if found is None or not found[2]:
        return None
    early, late, diff = found
    if late not in {f for f, _ in _spans(support)}:
        return None
    if not _earlier_in(support, early, late) or _earlier_in(support, late, early):
        return None
    counts = counted(support)
    things = [{w for _, ws in counts.get(f, []) for w in ws} for f in (early, late)]
    if all(things) and not things[0] & things[1]:
        return None
    return "up" if diff > 0 else "down"


# "dubbelt så många som för tre år sedan" says "har fördubblats på tre år": a comparison with an earlier time.
DOUBLED = re.compile(r"\bdubbelt så\b(?:\s+\w+){0,3}?\s+som\s+((?:\S+\s*){0,6})", re.I)


def doubled_since(support: str) -> bool:
    """The support says something is twice what it was at an earlier time (``EARLIER``, a year), with
    nothing but words of time between "som" and it: not "som i Lund för tre år sedan".

    >>> doubled_since("Det är dubbelt så många som för tre år sedan."), doubled_since("Det är dubbelt så många som i Lund.")
    (True, False)
    >>> doubled_since("Det är dubbelt så många som i Lund för tre år sedan.")
    False
    """
    for found in DOUBLED.finditer(support):
        words = [w.strip(".,").lower() for w in found.group(1).split()]
        at = next((i for i, w in enumerate(words) if w in EARLIER or YEAR.fullmatch(w)), None)
        if at is not None and all(little(w) or number_forms(w) or w in TIME for w in words[:at]):
            return True
    return False
